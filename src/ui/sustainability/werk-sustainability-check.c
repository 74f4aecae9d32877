/* werk-sustainability-check.c: one measure's check, criterion by criterion, with live summaries.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-sustainability-check.h"
#include "werk-sustainability-criterion-row.h"
#include "werk-sustainability-private.h"
#include "werk-sustainability-report.h"

#define N_DIMENSIONS 3

struct _WerkSustainabilityCheck
{
  AdwBin parent_instance;

  WerkMeasure *measure;
  WerkStore *store;
  GPtrArray *rows;      /* WerkSustainabilityCriterionRow, in the page's order */
  GHashTable *watched;  /* WerkRating → handler id, the ratings of the measure shown */
  GHashTable *criteria; /* WerkCriterion, each watched once */
  gulong measure_handler;
  guint rebuild_id;
  guint reveal_id; /* tick callback that scrolls the criterion in focus into view */
  guint reveal_tries;
  int current;
  gboolean pending_minus;
  gboolean told_done;

  GtkWidget *cards[N_DIMENSIONS];
  GtkLabel *card_means[N_DIMENSIONS];
  GtkLabel *card_details[N_DIMENSIONS];

  GtkLabel *position_label;
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *light_label;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkFlowBox *cards_box;
  GtkLabel *rule_label;
  GtkBox *sections_box;
};

G_DEFINE_FINAL_TYPE (WerkSustainabilityCheck, werk_sustainability_check, ADW_TYPE_BIN)

static int
index_of (WerkSustainabilityCheck *self, gpointer row)
{
  guint index;

  return g_ptr_array_find (self->rows, row, &index) ? (int) index : -1;
}

static WerkSustainabilityCriterionRow *
row_at (WerkSustainabilityCheck *self, int index)
{
  /* Focus may still move, and a reveal be scheduled, while the page is disposed. */
  if (self->rows == NULL || index < 0 || (guint) index >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, index);
}

/* ---------------------------------------------------------------------------------------- */
/* Showing the measure's state                                                              */

static void
update_header (WerkSustainabilityCheck *self)
{
  WerkRecord *measure = WERK_RECORD (self->measure);
  WerkRecord *field = werk_record_get_ref (measure, "field");
  const char *owner = werk_record_get_string (measure, "owner");
  g_autoptr (GString) subtitle = g_string_new (NULL);

  gtk_label_set_label (self->title_label, werk_record_get_label (measure));
  if (field)
    g_string_append (subtitle, werk_record_get_label (field));
  if (owner && *owner)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", owner);
  g_string_append_printf (
      subtitle, "%s%s", subtitle->len ? " · " : "",
      werk_enum_label (WERK_TYPE_MEASURE_STATUS, werk_record_get_int (measure, "status")));
  gtk_label_set_label (self->subtitle_label, subtitle->str);
}

static void
update_progress (WerkSustainabilityCheck *self, const WerkSustainabilityResult *r)
{
  g_autofree char *progress = NULL;

  gtk_label_set_label (self->light_label, werk_traffic_light_label (r->light));
  _werk_sustainability_set_light (GTK_WIDGET (self->light_label), r->light);
  if (r->n_criteria > 0 && r->n_rated == r->n_criteria)
    progress = g_strdup_printf (
        ngettext ("The %u criterion is rated.", "All %u criteria are rated.", r->n_criteria),
        r->n_criteria);
  else
    /* Translators: the progress of a measure's check, e.g. "9 of 12 criteria rated" */
    progress = g_strdup_printf (
        ngettext ("%u of %u criterion rated", "%u of %u criteria rated", r->n_criteria), r->n_rated,
        r->n_criteria);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 r->n_criteria ? (double) r->n_rated / r->n_criteria : 0);
}

/* Under a card's mean: its lowest score, and how far it got while unfinished. */
static char *
describe_card (const WerkDimensionSummary *s)
{
  g_autofree char *detail = NULL;

  if (s->n_rated == 0)
    return g_strdup (_ ("not rated yet"));
  if (s->n_relevant > 0)
    {
      g_autofree char *min = werk_sustainability_format_score (s->min, 0);
      /* Translators: the lowest score given in a dimension */
      detail = g_strdup_printf (_ ("lowest %s"), min);
    }
  else
    detail = g_strdup (_ ("not relevant"));
  if (s->n_rated == s->n_criteria)
    return g_steal_pointer (&detail);
  /* Translators: how far the rating of a dimension got: "lowest −1 · 2 of 4 rated" */
  return g_strdup_printf (_ ("%s · %u of %u rated"), detail, s->n_rated, s->n_criteria);
}

static void
update_cards (WerkSustainabilityCheck *self, const WerkSustainabilityResult *r)
{
  for (int d = 0; d < N_DIMENSIONS; d++)
    {
      const WerkDimensionSummary *s = &r->dimensions[d];
      g_autofree char *detail = describe_card (s);
      g_autofree char *mean = NULL;

      if (s->n_relevant > 0)
        {
          g_autofree char *score = werk_sustainability_format_score (s->mean, 1);
          /* Translators: a dimension's mean score, "Ø" for the average */
          mean = g_strdup_printf (_ ("Ø %s"), score);
        }
      gtk_widget_set_visible (gtk_widget_get_parent (self->cards[d]), s->n_criteria > 0);
      gtk_label_set_label (self->card_means[d], mean ? mean : "–");
      gtk_label_set_label (self->card_details[d], detail);
      _werk_sustainability_set_light (
          self->cards[d], s->n_relevant ? (int) werk_sustainability_dimension_light (s) : -1);
    }
}

static void
refresh (WerkSustainabilityCheck *self)
{
  WerkSustainabilityResult result;

  if (self->measure == NULL)
    return;
  werk_sustainability_evaluate (self->measure, &result);
  update_header (self);
  update_progress (self, &result);
  update_cards (self, &result);
  for (guint i = 0; i < self->rows->len; i++)
    werk_sustainability_criterion_row_update (g_ptr_array_index (self->rows, i));
}

/* Follows the measure's own ratings: at most one per criterion. */
static void
rewatch_ratings (WerkSustainabilityCheck *self)
{
  GHashTableIter iter;
  gpointer rating, handler;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &rating, &handler))
    if (g_signal_handler_is_connected (rating, GPOINTER_TO_SIZE (handler)))
      g_signal_handler_disconnect (rating, GPOINTER_TO_SIZE (handler));
  g_hash_table_remove_all (self->watched);
  for (guint i = 0; i < self->rows->len; i++)
    {
      WerkRating *r =
          werk_sustainability_criterion_row_get_rating (g_ptr_array_index (self->rows, i));

      if (r && !g_hash_table_contains (self->watched, r))
        g_hash_table_insert (self->watched, g_object_ref (r),
                             GSIZE_TO_POINTER (g_signal_connect_object (
                                 r, "notify", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED)));
    }
}

static void
ratings_changed_cb (WerkSustainabilityCheck *self)
{
  rewatch_ratings (self);
  refresh (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Moving through the criteria                                                              */

/* The scrolled window follows the focus only once the rows are laid out: a measure just opened
 * on its first open criterion (the eleventh, say) would show its top while the keys rate below. */
static gboolean
reveal_current_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (widget);
  GtkWidget *viewport = self->scroller ? gtk_scrolled_window_get_child (self->scroller) : NULL;
  GtkWidget *content = viewport ? gtk_widget_get_first_child (viewport) : NULL;
  WerkSustainabilityCriterionRow *row = content ? row_at (self, self->current) : NULL;
  graphene_rect_t bounds;

  /* Ticks come before the layout: a row built for this measure has no size until it ran. */
  if (row && gtk_widget_get_height (GTK_WIDGET (row)) == 0 && ++self->reveal_tries < 10)
    return G_SOURCE_CONTINUE;
  self->reveal_id = 0;
  self->reveal_tries = 0;
  if (row && content && gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->scroller),
                               bounds.origin.y - 12, bounds.origin.y + bounds.size.height + 12);
  return G_SOURCE_REMOVE;
}

static void
schedule_reveal (WerkSustainabilityCheck *self)
{
  self->reveal_tries = 0;
  if (self->reveal_id == 0 && self->rows != NULL)
    self->reveal_id =
        gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_current_cb, NULL, NULL);
}

static void
focus_row (WerkSustainabilityCheck *self, int index)
{
  WerkSustainabilityCriterionRow *row = row_at (self, index);

  if (row == NULL)
    return;
  self->current = index;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  schedule_reveal (self);
}

static int
first_open (WerkSustainabilityCheck *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (werk_sustainability_criterion_row_get_rating (g_ptr_array_index (self->rows, i)) == NULL)
      return i;
  return -1;
}

static void
set_pending_minus (WerkSustainabilityCheck *self, gboolean pending)
{
  WerkSustainabilityCriterionRow *row = row_at (self, self->current);

  self->pending_minus = pending;
  for (guint i = 0; i < self->rows->len; i++)
    werk_sustainability_criterion_row_set_pending_minus (
        g_ptr_array_index (self->rows, i), pending && g_ptr_array_index (self->rows, i) == row);
}

static void
tell_done (WerkSustainabilityCheck *self)
{
  AdwToast *toast;

  if (self->told_done)
    return;
  self->told_done = TRUE;
  toast = _werk_sustainability_toast_new (
      _ ("All criteria are rated. Ctrl+Enter opens the next measure."));
  /* Short: it would cover the next measure's rows. Dismissing it when that one opens crashes
   * libadwaita 1.2 if it is still on its way in. */
  adw_toast_set_timeout (toast, 2);
  _werk_sustainability_toast (GTK_WIDGET (self), toast);
}

/* After a rating: the next criterion, or back to one left open, or the hint to go on. */
static void
advance (WerkSustainabilityCheck *self)
{
  int open;

  if (row_at (self, self->current + 1))
    {
      focus_row (self, self->current + 1);
      return;
    }
  open = first_open (self);
  if (open >= 0)
    focus_row (self, open);
  else
    tell_done (self);
}

static void
save_note (WerkSustainabilityCheck *self, WerkSustainabilityCriterionRow *row)
{
  g_autoptr (GError) error = NULL;

  if (!werk_sustainability_criterion_row_save_note (row, &error))
    _werk_sustainability_error (GTK_WIDGET (self), error);
}

/* ---------------------------------------------------------------------------------------- */
/* Rating                                                                                   */

static gboolean
rate_row (WerkSustainabilityCheck *self, WerkSustainabilityCriterionRow *row, int score,
          gboolean not_relevant)
{
  g_autoptr (GError) error = NULL;

  set_pending_minus (self, FALSE);
  if (!werk_sustainability_rate (self->measure,
                                 werk_sustainability_criterion_row_get_criterion (row), score,
                                 not_relevant, NULL, &error))
    {
      _werk_sustainability_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  refresh (self);
  return TRUE;
}

static void
rate_current (WerkSustainabilityCheck *self, int score, gboolean not_relevant)
{
  WerkSustainabilityCriterionRow *row = row_at (self, self->current);

  if (row && rate_row (self, row, score, not_relevant))
    advance (self);
}

static void
row_rate_cb (WerkSustainabilityCriterionRow *row, int score, gboolean not_relevant,
             WerkSustainabilityCheck *self)
{
  self->current = index_of (self, row);
  rate_row (self, row, score, not_relevant);
}

static void
undo_clicked_cb (AdwToast *toast, WerkUndo *undo)
{
  g_autoptr (GError) error = NULL;

  if (!werk_undo_apply (undo, &error))
    g_warning ("Could not restore the rating: %s", error->message);
}

static void
undo_free (gpointer undo, GClosure *closure)
{
  g_object_unref (undo);
}

static void
clear_current (WerkSustainabilityCheck *self)
{
  WerkSustainabilityCriterionRow *row = row_at (self, self->current);
  WerkRating *rating = row ? werk_sustainability_criterion_row_get_rating (row) : NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  set_pending_minus (self, FALSE);
  if (rating == NULL)
    return;
  if (!werk_store_delete (self->store, WERK_RECORD (rating), &undo, &error))
    {
      _werk_sustainability_error (GTK_WIDGET (self), error);
      return;
    }
  text = g_strdup_printf (
      _ ("Rating of “%s” removed"),
      werk_record_get_label (WERK_RECORD (werk_sustainability_criterion_row_get_criterion (row))));
  toast = _werk_sustainability_toast_new (text);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         g_steal_pointer (&undo), undo_free, 0);
  _werk_sustainability_toast (GTK_WIDGET (self), toast);
  focus_row (self, self->current);
}

/* ---------------------------------------------------------------------------------------- */
/* Actions and keys                                                                         */

static void
rate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (widget);

  rate_current (self, g_variant_get_int32 (param), FALSE);
}

static void
not_relevant_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rate_current (WERK_SUSTAINABILITY_CHECK (widget), 0, TRUE);
}

static void
clear_action (GtkWidget *widget, const char *name, GVariant *param)
{
  clear_current (WERK_SUSTAINABILITY_CHECK (widget));
}

static void
minus_action (GtkWidget *widget, const char *name, GVariant *param)
{
  set_pending_minus (WERK_SUSTAINABILITY_CHECK (widget), TRUE);
}

static void
plus_action (GtkWidget *widget, const char *name, GVariant *param)
{
  set_pending_minus (WERK_SUSTAINABILITY_CHECK (widget), FALSE);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (widget);
  WerkSustainabilityCriterionRow *row = row_at (self, self->current);

  set_pending_minus (self, FALSE);
  if (row)
    save_note (self, row);
  if (g_str_equal (name, "check.previous"))
    focus_row (self, MAX (self->current - 1, 0));
  else
    advance (self);
}

static void
select_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (widget);

  set_pending_minus (self, FALSE);
  focus_row (self, g_variant_get_int32 (param));
}

static void
focus_note_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (widget);
  WerkSustainabilityCriterionRow *row = row_at (self, self->current);

  if (row)
    werk_sustainability_criterion_row_focus_note (row);
}

static WerkSustainabilityCriterionRow *
focused_row (WerkSustainabilityCheck *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row =
      focus ? gtk_widget_get_ancestor (focus, WERK_TYPE_SUSTAINABILITY_CRITERION_ROW) : NULL;

  return row && gtk_widget_is_ancestor (row, GTK_WIDGET (self))
             ? WERK_SUSTAINABILITY_CRITERION_ROW (row)
             : NULL;
}

static gboolean
is_enter (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
}

static const char *
key_action (guint keyval, gboolean pending_minus, GVariant **param)
{
  switch (keyval)
    {
      case GDK_KEY_minus:
      case GDK_KEY_KP_Subtract:
        return "check.minus";
      case GDK_KEY_plus:
      case GDK_KEY_KP_Add:
        return "check.plus";
      case GDK_KEY_0:
      case GDK_KEY_KP_0:
      case GDK_KEY_1:
      case GDK_KEY_KP_1:
      case GDK_KEY_2:
      case GDK_KEY_KP_2:
        {
          int digit = gdk_keyval_to_unicode (keyval) - '0';
          *param = g_variant_new_int32 (pending_minus ? -digit : digit);
          return "check.rate";
        }
      case GDK_KEY_n:
      case GDK_KEY_N:
        return "check.not-relevant";
      case GDK_KEY_Delete:
      case GDK_KEY_KP_Delete:
      case GDK_KEY_BackSpace:
        return "check.clear";
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        return "check.next";
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        return "check.previous";
      default:
        return NULL;
    }
}

static gboolean
note_key (WerkSustainabilityCheck *self, WerkSustainabilityCriterionRow *row, guint keyval)
{
  if (keyval == GDK_KEY_Escape)
    {
      save_note (self, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return TRUE;
    }
  if (is_enter (keyval) || keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return gtk_widget_activate_action (GTK_WIDGET (self), "check.next", NULL);
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return gtk_widget_activate_action (GTK_WIDGET (self), "check.previous", NULL);
  return FALSE;
}

/* Captured before the list and the entries see them: the keys of fast entry, while a
 * criterion (or its note) has the focus. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, WerkSustainabilityCheck *self)
{
  WerkSustainabilityCriterionRow *row = focused_row (self);
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  GVariant *param = NULL;
  const char *action;

  if (row == NULL)
    return FALSE;
  self->current = index_of (self, row);
  if (is_enter (keyval) && mods == GDK_CONTROL_MASK)
    {
      save_note (self, row);
      return gtk_widget_activate_action (GTK_WIDGET (self),
                                         (state & GDK_SHIFT_MASK)
                                             ? "sustainability.previous-measure"
                                             : "sustainability.next-measure",
                                         NULL);
    }
  if (werk_sustainability_criterion_row_is_editing_note (row))
    return mods == 0 && note_key (self, row, keyval);
  /* Back to the overview at the first press, also while a toast is shown (its overlay would
   * take Escape to dismiss it). */
  if (keyval == GDK_KEY_Escape && mods == 0)
    return gtk_widget_activate_action (GTK_WIDGET (self), "sustainability.show-overview", NULL);
  if (mods != 0 || (action = key_action (keyval, self->pending_minus, &param)) == NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (self), action, param);
}

static void
row_focus_cb (GtkEventControllerFocus *controller, WerkSustainabilityCheck *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  int index = index_of (self, row);

  if (index >= 0 && index != self->current)
    {
      set_pending_minus (self, FALSE);
      self->current = index;
    }
  schedule_reveal (self);
}

/* ---------------------------------------------------------------------------------------- */
/* Building the page for the measure's criteria                                             */

static GtkWidget *
add_row (WerkSustainabilityCheck *self, GtkListBox *list, WerkCriterion *criterion)
{
  GtkWidget *row = werk_sustainability_criterion_row_new (self->measure, criterion);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (row_focus_cb), self);
  gtk_widget_add_controller (row, focus);
  g_signal_connect (row, "rate", G_CALLBACK (row_rate_cb), self);
  gtk_list_box_append (list, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static GtkListBox *
add_section (WerkSustainabilityCheck *self, WerkDimension dimension)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (werk_enum_label (WERK_TYPE_DIMENSION, dimension));
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  werk_enum_label (WERK_TYPE_DIMENSION, dimension), -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (self->sections_box, box);
  return GTK_LIST_BOX (list);
}

static void
clear_rows (WerkSustainabilityCheck *self)
{
  GtkWidget *child;

  werk_sustainability_check_save_notes (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))))
    gtk_box_remove (self->sections_box, child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
rebuild (WerkSustainabilityCheck *self)
{
  g_autoptr (GPtrArray) criteria = werk_sustainability_check_dup_criteria (self);
  int dimension = -1;
  GtkListBox *list = NULL;

  clear_rows (self);
  for (guint i = 0; self->measure && i < criteria->len; i++)
    {
      WerkRecord *criterion = g_ptr_array_index (criteria, i);

      if (werk_record_get_int (criterion, "dimension") != dimension)
        {
          dimension = werk_record_get_int (criterion, "dimension");
          list = add_section (self, dimension);
        }
      add_row (self, list, WERK_CRITERION (criterion));
    }
  if (self->current >= (int) self->rows->len)
    self->current = (int) self->rows->len - 1;
  rewatch_ratings (self);
  refresh (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  WerkSustainabilityCheck *self = data;
  gboolean had_focus = focused_row (self) != NULL;

  self->rebuild_id = 0;
  rebuild (self);
  if (had_focus)
    focus_row (self, MAX (self->current, 0));
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (WerkSustainabilityCheck *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
watch_criteria (WerkSustainabilityCheck *self)
{
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (GObject) criterion = g_list_model_get_item (criteria, i);

      if (!g_hash_table_add (self->criteria, g_object_ref (criterion)))
        continue;
      g_signal_connect_object (criterion, "notify::retired", G_CALLBACK (schedule_rebuild), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (criterion, "notify::dimension", G_CALLBACK (schedule_rebuild), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (criterion, "notify::title", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (criterion, "notify::question", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
criteria_changed_cb (WerkSustainabilityCheck *self)
{
  watch_criteria (self);
  schedule_rebuild (self);
}

static void
set_store (WerkSustainabilityCheck *self, WerkStore *store)
{
  if (self->store == store)
    return;
  g_return_if_fail (self->store == NULL);
  self->store = g_object_ref (store);
  /* After the core's own handler, which drops its index of ratings by measure. */
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_RATING, NULL), "items-changed",
                           G_CALLBACK (ratings_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_CRITERION, NULL), "items-changed",
                           G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  watch_criteria (self);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
add_cards (WerkSustainabilityCheck *self)
{
  for (int d = 0; d < N_DIMENSIONS; d++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (werk_enum_label (WERK_TYPE_DIMENSION, d));
      GtkWidget *mean = gtk_label_new (NULL);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "werk-dimension-card");
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (mean, "title-2");
      gtk_widget_add_css_class (mean, "numeric");
      gtk_widget_add_css_class (detail, "caption");
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_justify (GTK_LABEL (detail), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (card), name);
      gtk_box_append (GTK_BOX (card), mean);
      gtk_box_append (GTK_BOX (card), detail);
      gtk_flow_box_append (self->cards_box, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
      self->cards[d] = card;
      self->card_means[d] = GTK_LABEL (mean);
      self->card_details[d] = GTK_LABEL (detail);
    }
}

static void
werk_sustainability_check_dispose (GObject *object)
{
  WerkSustainabilityCheck *self = WERK_SUSTAINABILITY_CHECK (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->reveal_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_id);
  self->reveal_id = 0;
  if (self->measure && self->measure_handler)
    g_signal_handler_disconnect (self->measure, self->measure_handler);
  self->measure_handler = 0;
  if (self->watched)
    {
      g_ptr_array_set_size (self->rows, 0);
      rewatch_ratings (self);
    }
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_SUSTAINABILITY_CHECK);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->criteria, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->measure);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_sustainability_check_parent_class)->dispose (object);
}

static void
werk_sustainability_check_class_init (WerkSustainabilityCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_sustainability_check_dispose;

  _werk_sustainability_init_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WERK_SUSTAINABILITY_RESOURCE
                                               "werk-sustainability-check.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, position_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, scroller);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, title_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, light_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, cards_box);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, rule_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCheck, sections_box);

  gtk_widget_class_install_action (widget_class, "check.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "check.not-relevant", NULL, not_relevant_action);
  gtk_widget_class_install_action (widget_class, "check.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "check.minus", NULL, minus_action);
  gtk_widget_class_install_action (widget_class, "check.plus", NULL, plus_action);
  gtk_widget_class_install_action (widget_class, "check.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "check.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "check.select", "i", select_action);
  gtk_widget_class_install_action (widget_class, "check.focus-note", NULL, focus_note_action);
}

static void
werk_sustainability_check_init (WerkSustainabilityCheck *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *rule = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->criteria = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->current = -1;
  add_cards (self);
  /* Translators: before the rule of the traffic light on a measure's check */
  rule = g_strdup_printf (_ ("Traffic light: %s"), werk_sustainability_rule ());
  gtk_label_set_label (self->rule_label, rule);
  /* The viewport would follow the focus before the rows are laid out, to their top: the page
   * scrolls to the criterion in focus itself, once it has its place. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)),
                                    FALSE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* ---------------------------------------------------------------------------------------- */
/* Public                                                                                   */

void
werk_sustainability_check_set_measure (WerkSustainabilityCheck *self, WerkMeasure *measure,
                                       guint position, guint n_measures)
{
  g_autofree char *where = NULL;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self));
  g_return_if_fail (WERK_IS_MEASURE (measure));

  werk_sustainability_check_save_notes (self);
  set_store (self, werk_record_get_store (WERK_RECORD (measure)));
  if (self->measure && self->measure_handler)
    g_signal_handler_disconnect (self->measure, self->measure_handler);
  g_set_object (&self->measure, measure);
  self->measure_handler = g_signal_connect_object (measure, "notify", G_CALLBACK (update_header),
                                                   self, G_CONNECT_SWAPPED);
  self->current = -1;
  self->told_done = FALSE;
  self->pending_minus = FALSE;
  /* Translators: where the check is in the round through the measures: "Measure 3 of 20" */
  where = g_strdup_printf (_ ("Measure %u of %u"), position + 1, n_measures);
  gtk_label_set_label (self->position_label, where);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

WerkMeasure *
werk_sustainability_check_get_measure (WerkSustainabilityCheck *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self), NULL);

  return self->measure;
}

void
werk_sustainability_check_focus_first_open (WerkSustainabilityCheck *self)
{
  int open;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self));

  open = first_open (self);
  focus_row (self, open >= 0 ? open : 0);
}

int
werk_sustainability_check_get_current (WerkSustainabilityCheck *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self), -1);

  return self->current;
}

GPtrArray *
werk_sustainability_check_dup_criteria (WerkSustainabilityCheck *self)
{
  GPtrArray *active = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *criteria;

  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self), active);

  if (self->store == NULL)
    return active;
  criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);
  for (int d = 0; d < N_DIMENSIONS; d++)
    for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
      {
        WerkRecord *criterion = g_list_model_get_item (criteria, i);

        if (werk_record_get_int (criterion, "dimension") == d &&
            !werk_record_get_bool (criterion, "retired"))
          g_ptr_array_add (active, criterion);
        else
          g_object_unref (criterion);
      }
  return active;
}

void
werk_sustainability_check_save_notes (WerkSustainabilityCheck *self)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_CHECK (self));

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    save_note (self, g_ptr_array_index (self->rows, i));
}
