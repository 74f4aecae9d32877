/* werk-agenda.c: the time rules of a workshop's agenda: planned and expected times, the clock.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "werk-agenda.h"
#include "werk-private.h"

struct _WerkAgenda
{
  GObject parent_instance;

  WerkWorkshop *workshop;
  GListModel *items;
  GPtrArray *watched; /* the items whose times we listen to */
  WerkAgendaItem *current;
  gboolean current_done;
};

G_DEFINE_FINAL_TYPE (WerkAgenda, werk_agenda, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define RECORD(x) ((WerkRecord *) (x))

/* ---- recorded times ---- */

GDateTime *
werk_agenda_parse_datetime (const char *text)
{
  int y, mo, d, h, mi, s;

  if (text == NULL || sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

static GDateTime *
item_time (WerkAgendaItem *item, const char *key)
{
  return werk_agenda_parse_datetime (werk_record_get_string (RECORD (item), key));
}

static char *
format_datetime (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
}

static gint64
seconds_between (GDateTime *from, GDateTime *to)
{
  return g_date_time_difference (to, from) / G_TIME_SPAN_SECOND;
}

static gint64
planned_seconds (WerkAgendaItem *item)
{
  return werk_record_get_int (RECORD (item), "minutes") * 60;
}

static GDateTime *
latest (GDateTime *a, GDateTime *b)
{
  return g_date_time_ref (g_date_time_compare (a, b) >= 0 ? a : b);
}

/* ---- watching the items ---- */

static void
emit_changed (WerkAgenda *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
item_notify_cb (GObject *item, GParamSpec *pspec, WerkAgenda *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "minutes") || g_str_equal (name, "actual-start") ||
      g_str_equal (name, "actual-end"))
    emit_changed (self);
}

static void
unwatch_items (WerkAgenda *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static int
find_current (WerkAgenda *self, gboolean *done)
{
  guint n = g_list_model_get_n_items (self->items);
  int last_started = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) item = g_list_model_get_item (self->items, i);

      if (werk_record_get_string (item, "actual_start") == NULL)
        continue;
      if (werk_record_get_string (item, "actual_end") == NULL)
        {
          *done = FALSE;
          return i;
        }
      last_started = i;
    }
  /* A stopped item before the end of the agenda may still be resumed; the last one closes
   * the workshop. */
  *done = last_started >= 0 && (guint) last_started == n - 1;
  return last_started;
}

static void
watch_items (WerkAgenda *self)
{
  guint n = g_list_model_get_n_items (self->items);
  gboolean current_kept = FALSE;

  unwatch_items (self);
  for (guint i = 0; i < n; i++)
    {
      WerkRecord *item = g_list_model_get_item (self->items, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, 0);
      g_ptr_array_add (self->watched, item);
      current_kept |= item == RECORD (self->current);
    }
  if (!current_kept || self->current == NULL)
    {
      int current = find_current (self, &self->current_done);

      g_clear_object (&self->current);
      if (current >= 0)
        self->current =
            WERK_AGENDA_ITEM (g_object_ref (g_ptr_array_index (self->watched, current)));
    }
}

static void
items_changed_cb (GListModel *items, guint position, guint removed, guint added, WerkAgenda *self)
{
  watch_items (self);
  emit_changed (self);
}

static void
workshop_notify_cb (GObject *workshop, GParamSpec *pspec, WerkAgenda *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "start") || g_str_equal (name, "date"))
    emit_changed (self);
}

/* ---- the object ---- */

static void
werk_agenda_dispose (GObject *object)
{
  WerkAgenda *self = WERK_AGENDA (object);

  if (self->watched)
    unwatch_items (self);
  if (self->items)
    g_signal_handlers_disconnect_by_data (self->items, self);
  if (self->workshop)
    g_signal_handlers_disconnect_by_data (self->workshop, self);
  g_clear_object (&self->current);
  g_clear_object (&self->items);
  g_clear_object (&self->workshop);
  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (werk_agenda_parent_class)->dispose (object);
}

static void
werk_agenda_class_init (WerkAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werk_agenda_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werk_agenda_init (WerkAgenda *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
}

WerkAgenda *
werk_agenda_new (WerkWorkshop *workshop)
{
  WerkAgenda *self;
  WerkStore *store;

  g_return_val_if_fail (WERK_IS_WORKSHOP (workshop), NULL);

  store = werk_record_get_store (RECORD (workshop));
  self = g_object_new (WERK_TYPE_AGENDA, NULL);
  self->workshop = g_object_ref (workshop);
  self->items =
      g_object_ref (werk_store_get_list (store, WERK_KIND_AGENDA_ITEM, RECORD (workshop)));
  watch_items (self);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
  g_signal_connect_object (workshop, "notify", G_CALLBACK (workshop_notify_cb), self, 0);
  return self;
}

WerkWorkshop *
werk_agenda_get_workshop (WerkAgenda *self)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  return self->workshop;
}

GListModel *
werk_agenda_get_items (WerkAgenda *self)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  return self->items;
}

guint
werk_agenda_get_n_items (WerkAgenda *self)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), 0);
  return self->watched->len;
}

WerkAgendaItem *
werk_agenda_get_item (WerkAgenda *self, guint index)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index < self->watched->len, NULL);
  return g_ptr_array_index (self->watched, index);
}

int
werk_agenda_index_of (WerkAgenda *self, WerkAgendaItem *item)
{
  guint index;

  g_return_val_if_fail (WERK_IS_AGENDA (self), -1);
  if (item == NULL || !g_ptr_array_find (self->watched, item, &index))
    return -1;
  return index;
}

int
werk_agenda_get_current (WerkAgenda *self)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), -1);
  return werk_agenda_index_of (self, self->current);
}

WerkAgendaItemState
werk_agenda_get_state (WerkAgenda *self, guint index)
{
  WerkAgendaItem *item;
  int current;

  g_return_val_if_fail (WERK_IS_AGENDA (self), WERK_AGENDA_ITEM_PENDING);
  g_return_val_if_fail (index < self->watched->len, WERK_AGENDA_ITEM_PENDING);

  item = g_ptr_array_index (self->watched, index);
  current = werk_agenda_get_current (self);
  if (werk_record_get_string (RECORD (item), "actual_start") == NULL)
    return current >= 0 && index < (guint) current ? WERK_AGENDA_ITEM_SKIPPED
                                                   : WERK_AGENDA_ITEM_PENDING;
  if (item != self->current)
    return WERK_AGENDA_ITEM_DONE;
  if (werk_record_get_string (RECORD (item), "actual_end") == NULL)
    return WERK_AGENDA_ITEM_RUNNING;
  return self->current_done ? WERK_AGENDA_ITEM_DONE : WERK_AGENDA_ITEM_PAUSED;
}

/* ---- planned times ---- */

/* The first recorded start, or NULL. */
static GDateTime *
first_actual_start (WerkAgenda *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    {
      GDateTime *start = item_time (g_ptr_array_index (self->watched, i), "actual_start");

      if (start)
        return start;
    }
  return NULL;
}

/* The workshop's date and start time as a local date-time; NULL without a start time. */
static GDateTime *
agenda_start (WerkAgenda *self)
{
  const char *date = werk_record_get_string (RECORD (self->workshop), "date");
  const char *start = werk_record_get_string (RECORD (self->workshop), "start");
  g_autoptr (GDateTime) day = NULL;
  int y, mo, d, h, mi;

  if (start == NULL || sscanf (start, "%2d:%2d", &h, &mi) != 2)
    return NULL;
  /* The day the workshop really ran beats the date it was planned for: a workshop moved at
   * short notice is not five days late. */
  day = first_actual_start (self);
  if (day == NULL && date && sscanf (date, "%4d-%2d-%2d", &y, &mo, &d) == 3)
    return g_date_time_new_local (y, mo, d, h, mi, 0);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), h, mi, 0);
}

static gint64
planned_seconds_before (WerkAgenda *self, guint index)
{
  gint64 total = 0;

  for (guint i = 0; i < index; i++)
    total += planned_seconds (g_ptr_array_index (self->watched, i));
  return total;
}

GDateTime *
werk_agenda_get_planned_start (WerkAgenda *self, guint index)
{
  g_autoptr (GDateTime) start = NULL;

  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index <= self->watched->len, NULL);

  start = agenda_start (self);
  if (start == NULL)
    return NULL;
  return g_date_time_add_seconds (start, planned_seconds_before (self, index));
}

GDateTime *
werk_agenda_get_planned_end (WerkAgenda *self, guint index)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index < self->watched->len, NULL);
  return werk_agenda_get_planned_start (self, index + 1);
}

GDateTime *
werk_agenda_get_planned_finish (WerkAgenda *self)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  return werk_agenda_get_planned_start (self, self->watched->len);
}

/* ---- time spent ---- */

gint64
werk_agenda_get_elapsed (WerkAgenda *self, guint index, GDateTime *now)
{
  WerkAgendaItem *item;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;

  g_return_val_if_fail (WERK_IS_AGENDA (self), 0);
  g_return_val_if_fail (index < self->watched->len, 0);
  g_return_val_if_fail (now != NULL, 0);

  item = g_ptr_array_index (self->watched, index);
  start = item_time (item, "actual_start");
  if (start == NULL)
    return 0;
  end = item_time (item, "actual_end");
  if (end == NULL)
    end = g_date_time_ref (werk_agenda_get_state (self, index) == WERK_AGENDA_ITEM_RUNNING ? now
                                                                                           : start);
  return MAX (0, seconds_between (start, end));
}

gint64
werk_agenda_get_remaining (WerkAgenda *self, guint index, GDateTime *now)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), 0);
  g_return_val_if_fail (index < self->watched->len, 0);
  return planned_seconds (g_ptr_array_index (self->watched, index)) -
         werk_agenda_get_elapsed (self, index, now);
}

gint64
werk_agenda_get_overrun (WerkAgenda *self, guint index, GDateTime *now)
{
  return MAX (0, -werk_agenda_get_remaining (self, index, now));
}

/* ---- expected times ---- */

/* Where an item is expected to run given the cursor @t (the expected end of what came before);
 * returns the new cursor. @start and @end are NULL for a skipped item. */
static GDateTime *
project_item (WerkAgenda *self, guint index, GDateTime *t, GDateTime *now, GDateTime **start,
              GDateTime **end)
{
  WerkAgendaItem *item = g_ptr_array_index (self->watched, index);
  gint64 planned = planned_seconds (item);
  g_autoptr (GDateTime) actual_start = item_time (item, "actual_start");
  g_autoptr (GDateTime) actual_end = item_time (item, "actual_end");

  *start = *end = NULL;
  switch (werk_agenda_get_state (self, index))
    {
      case WERK_AGENDA_ITEM_SKIPPED:
        return g_date_time_ref (t);
      case WERK_AGENDA_ITEM_DONE:
        *start = g_date_time_ref (actual_start);
        *end = g_date_time_ref (actual_end ? actual_end : actual_start);
        break;
      case WERK_AGENDA_ITEM_RUNNING:
        {
          g_autoptr (GDateTime) planned_end = g_date_time_add_seconds (actual_start, planned);

          *start = g_date_time_ref (actual_start);
          *end = latest (planned_end, now);
        }
        break;
      case WERK_AGENDA_ITEM_PAUSED:
        {
          g_autoptr (GDateTime) resume = latest (now, actual_end);
          gint64 left = MAX (0, werk_agenda_get_remaining (self, index, now));

          *start = g_date_time_ref (actual_start);
          *end = g_date_time_add_seconds (resume, left);
        }
        break;
      case WERK_AGENDA_ITEM_PENDING:
      default:
        *start = latest (t, now);
        *end = g_date_time_add_seconds (*start, planned);
        break;
    }
  return g_date_time_ref (*end);
}

static gboolean
same_day (GDateTime *a, GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* Projects the agenda up to item @index (all of it for n_items); returns the cursor after it
 * and the item's own expected times. */
static GDateTime *
project (WerkAgenda *self, guint index, GDateTime *now, GDateTime **start, GDateTime **end)
{
  g_autoptr (GDateTime) t = agenda_start (self);
  g_autoptr (GDateTime) clock = NULL;

  if (t == NULL)
    t = first_actual_start (self);
  if (t == NULL)
    t = g_date_time_ref (now);
  /* Before the clock first runs, the time of day only matters on the workshop's own day:
   * preparing the evening before, or looking back weeks later, the plan is what is expected. */
  clock = g_date_time_ref (werk_agenda_get_current (self) >= 0 || same_day (t, now) ? now : t);
  now = clock;
  *start = *end = NULL;
  for (guint i = 0; i < self->watched->len && i <= index; i++)
    {
      GDateTime *next;

      g_clear_pointer (start, g_date_time_unref);
      g_clear_pointer (end, g_date_time_unref);
      next = project_item (self, i, t, now, start, end);
      g_date_time_unref (t);
      t = next;
    }
  return g_steal_pointer (&t);
}

GDateTime *
werk_agenda_get_expected_start (WerkAgenda *self, guint index, GDateTime *now)
{
  g_autoptr (GDateTime) t = NULL;
  g_autoptr (GDateTime) end = NULL;
  GDateTime *start;

  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index < self->watched->len, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  t = project (self, index, now, &start, &end);
  return start;
}

GDateTime *
werk_agenda_get_expected_end (WerkAgenda *self, guint index, GDateTime *now)
{
  g_autoptr (GDateTime) t = NULL;
  g_autoptr (GDateTime) start = NULL;
  GDateTime *end;

  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (index < self->watched->len, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  t = project (self, index, now, &start, &end);
  return end;
}

GDateTime *
werk_agenda_get_expected_finish (WerkAgenda *self, GDateTime *now)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;

  g_return_val_if_fail (WERK_IS_AGENDA (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return project (self, self->watched->len, now, &start, &end);
}

/* ---- the clock ---- */

typedef struct
{
  WerkAgenda *self;
  WerkAgendaItem *target; /* to start or resume; NULL to only stop */
  GDateTime *now;
} ClockChange;

static gboolean
set_time (WerkAgendaItem *item, const char *key, GDateTime *time, GError **error)
{
  g_autofree char *text = time ? format_datetime (time) : NULL;

  return werk_record_set_string (RECORD (item), key, text, error);
}

static gboolean
stop_running (WerkAgenda *self, GDateTime *now, GError **error)
{
  WerkRecord *current = RECORD (self->current);

  if (current == NULL || werk_record_get_string (current, "actual_start") == NULL ||
      werk_record_get_string (current, "actual_end") != NULL)
    return TRUE;
  return set_time (self->current, "actual_end", now, error);
}

/* Resuming moves the start forward by the pause, so that end − start stays the time spent. */
static gboolean
start_item (WerkAgendaItem *item, GDateTime *now, GError **error)
{
  g_autoptr (GDateTime) start = item_time (item, "actual_start");
  g_autoptr (GDateTime) end = item_time (item, "actual_end");
  g_autoptr (GDateTime) resumed = NULL;

  if (start == NULL)
    return set_time (item, "actual_start", now, error) &&
           set_time (item, "actual_end", NULL, error);
  if (end == NULL)
    return TRUE;
  resumed = g_date_time_add_seconds (start, MAX (0, seconds_between (end, now)));
  return set_time (item, "actual_start", resumed, error) &&
         set_time (item, "actual_end", NULL, error);
}

static gboolean
clock_change_func (WerkStore *store, gpointer user_data, GError **error)
{
  ClockChange *change = user_data;

  if (!stop_running (change->self, change->now, error))
    return FALSE;
  return change->target == NULL || start_item (change->target, change->now, error);
}

static gboolean
change_clock (WerkAgenda *self, WerkAgendaItem *target, GDateTime *now, GError **error)
{
  ClockChange change = { self, target, now };
  WerkStore *store = werk_record_get_store (RECORD (self->workshop));

  return werk_store_run (store, clock_change_func, &change, NULL, error);
}

gboolean
werk_agenda_start (WerkAgenda *self, guint index, GDateTime *now, GError **error)
{
  WerkAgendaItem *target;

  g_return_val_if_fail (WERK_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (index < self->watched->len, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  target = g_ptr_array_index (self->watched, index);
  if (target == self->current && werk_agenda_get_state (self, index) == WERK_AGENDA_ITEM_RUNNING)
    return TRUE;
  if (!change_clock (self, target, now, error))
    return FALSE;
  g_set_object (&self->current, target);
  self->current_done = FALSE;
  emit_changed (self);
  return TRUE;
}

gboolean
werk_agenda_pause (WerkAgenda *self, GDateTime *now, GError **error)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!change_clock (self, NULL, now, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

gboolean
werk_agenda_finish (WerkAgenda *self, GDateTime *now, GError **error)
{
  g_return_val_if_fail (WERK_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->current == NULL)
    return TRUE;
  if (!change_clock (self, NULL, now, error))
    return FALSE;
  self->current_done = TRUE;
  emit_changed (self);
  return TRUE;
}

/* The first item after the current one that has not been finished: after going back to an
 * earlier item, the workshop carries on where it left off. */
static int
next_open_item (WerkAgenda *self)
{
  int current = werk_agenda_get_current (self);

  for (guint i = current + 1; i < self->watched->len; i++)
    if (werk_agenda_get_state (self, i) != WERK_AGENDA_ITEM_DONE)
      return i;
  return -1;
}

gboolean
werk_agenda_advance (WerkAgenda *self, GDateTime *now, GError **error)
{
  int next;

  g_return_val_if_fail (WERK_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  next = next_open_item (self);
  if (next < 0)
    return werk_agenda_finish (self, now, error);
  return werk_agenda_start (self, next, now, error);
}

gboolean
werk_agenda_add_minutes (WerkAgenda *self, guint index, int minutes, GError **error)
{
  WerkRecord *item;
  gint64 planned;

  g_return_val_if_fail (WERK_IS_AGENDA (self), FALSE);
  g_return_val_if_fail (index < self->watched->len, FALSE);

  item = g_ptr_array_index (self->watched, index);
  planned = werk_record_get_int (item, "minutes");
  return werk_record_set_int (item, "minutes", MAX (0, planned + minutes), error);
}

char *
werk_agenda_format_duration (gint64 seconds)
{
  const char *sign = seconds < 0 ? "−" : "";
  gint64 s = ABS (seconds);

  if (s >= 3600)
    return g_strdup_printf ("%s%d:%02d:%02d", sign, (int) (s / 3600), (int) (s / 60 % 60),
                            (int) (s % 60));
  return g_strdup_printf ("%s%d:%02d", sign, (int) (s / 60), (int) (s % 60));
}
