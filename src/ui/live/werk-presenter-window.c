/* werk-presenter-window.c: the projector's screen: large, high contrast, only what is revealed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-util.h"
#include "werk-live-watch.h"
#include "werk-presenter-window.h"
#include "werk-vote-chart.h"

/* The newest cards shown while collecting: the ones just called out must stay in sight. */
#define MAX_COLLECTED 30

struct _WerkPresenterWindow
{
  GtkWindow parent_instance;

  GtkLabel *kind_label;
  GtkLabel *title_label;
  GtkLabel *clock_label;
  GtkScrolledWindow *scroller;
  GtkBox *content_box;
  GtkLabel *next_label;

  WerkAgenda *agenda;
  WerkAgendaItem *item;
  WerkKind collect_kind;
  WerkMeasure *measure;
  WerkVotingRound *round;
  WerkLiveWatch *watch;
  WerkLiveWatch *round_watch;
  char *clock_state;
};

enum
{
  SIGNAL_STEP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WerkPresenterWindow, werk_presenter_window, GTK_TYPE_WINDOW)

static WerkStore *
store_of (WerkPresenterWindow *self)
{
  return werk_record_get_store (WERK_RECORD (werk_agenda_get_workshop (self->agenda)));
}

static WerkRecord *
workshop_of (WerkPresenterWindow *self)
{
  return WERK_RECORD (werk_agenda_get_workshop (self->agenda));
}

/* ---- building blocks ---- */

static GtkWidget *
text (const char *str, const char *css_class)
{
  GtkWidget *label = gtk_label_new (str);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
card (const char *str)
{
  GtkWidget *label = text (str, "presenter-card");

  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_valign (label, GTK_ALIGN_FILL);
  return label;
}

static GtkWidget *
flow (guint per_line)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), per_line);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), MIN (per_line, 3));
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 20);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 20);
  gtk_widget_set_can_focus (box, FALSE);
  return box;
}

static void
append (WerkPresenterWindow *self, GtkWidget *child)
{
  gtk_box_append (self->content_box, child);
}

/* ---- what each kind of agenda item shows ---- */

static void
show_speaker (WerkPresenterWindow *self)
{
  const char *speaker = werk_record_get_string (WERK_RECORD (self->item), "speaker");

  if (speaker && *speaker)
    append (self, text (speaker, "presenter-lead"));
}

static void
show_collected (WerkPresenterWindow *self)
{
  g_autoptr (GListModel) cards = werk_live_workshop_records (store_of (self), self->collect_kind,
                                                             WERK_WORKSHOP (workshop_of (self)));
  guint n = g_list_model_get_n_items (cards);
  GtkWidget *box = flow (4);
  g_autofree char *count = NULL;

  count = self->collect_kind == WERK_KIND_CHALLENGE
              ? g_strdup_printf (ngettext ("%u challenge", "%u challenges", n), n)
              : g_strdup_printf (ngettext ("%u idea", "%u ideas", n), n);
  append (self, text (count, "presenter-caption"));
  /* Newest first: the card just called out is the one the room looks for. */
  for (guint i = n; i > 0 && i + MAX_COLLECTED > n; i--)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (cards, i - 1);
      gtk_flow_box_append (GTK_FLOW_BOX (box), card (werk_record_get_label (record)));
    }
  append (self, box);
}

static void
append_cards_of_field (WerkPresenterWindow *self, GtkBox *column, WerkRecord *field)
{
  WerkKind kinds[] = { WERK_KIND_CHALLENGE, WERK_KIND_MEASURE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr (GListModel) cards = werk_live_workshop_records (
          store_of (self), kinds[k], WERK_WORKSHOP (workshop_of (self)));
      guint n = g_list_model_get_n_items (cards);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (WerkRecord) record = g_list_model_get_item (cards, i);
          if (werk_record_get_ref (record, "field") == field)
            gtk_box_append (column, text (werk_record_get_label (record), "presenter-item"));
        }
    }
}

static GtkWidget *
field_column (WerkPresenterWindow *self, WerkRecord *field)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (column, "presenter-column");
  gtk_box_append (
      GTK_BOX (column),
      text (field ? werk_record_get_label (field) : _ ("Not sorted yet"), "presenter-heading"));
  append_cards_of_field (self, GTK_BOX (column), field);
  return column;
}

static void
show_clusters (WerkPresenterWindow *self)
{
  GListModel *fields = werk_store_get_list (store_of (self), WERK_KIND_FIELD, NULL);
  guint n = g_list_model_get_n_items (fields);
  GtkWidget *box = flow (4);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      gtk_flow_box_append (GTK_FLOW_BOX (box), field_column (self, field));
    }
  gtk_flow_box_append (GTK_FLOW_BOX (box), field_column (self, NULL));
  append (self, box);
}

static void
append_goals (WerkPresenterWindow *self, GtkBox *column, WerkRecord *field)
{
  GListModel *goals = werk_store_get_list (store_of (self), WERK_KIND_GOAL, NULL);
  guint n = g_list_model_get_n_items (goals);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) goal = g_list_model_get_item (goals, i);
      gboolean core = werk_record_get_int (goal, "level") == WERK_GOAL_CORE;

      if (field ? (!core && werk_record_get_ref (goal, "field") == field) : core)
        gtk_box_append (column, text (werk_record_get_label (goal), "presenter-item"));
    }
}

static void
show_goals (WerkPresenterWindow *self)
{
  GListModel *fields = werk_store_get_list (store_of (self), WERK_KIND_FIELD, NULL);
  guint n = g_list_model_get_n_items (fields);
  GtkWidget *core = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *box = flow (3);

  gtk_box_append (GTK_BOX (core), text (_ ("Core Goals"), "presenter-heading"));
  append_goals (self, GTK_BOX (core), NULL);
  append (self, core);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_widget_add_css_class (column, "presenter-column");
      gtk_box_append (GTK_BOX (column), text (werk_record_get_label (field), "presenter-heading"));
      append_goals (self, GTK_BOX (column), field);
      gtk_flow_box_append (GTK_FLOW_BOX (box), column);
    }
  append (self, box);
}

static void
show_answer (WerkPresenterWindow *self, const char *question, const char *key)
{
  const char *answer = werk_record_get_string (WERK_RECORD (self->measure), key);

  if (answer == NULL || *answer == '\0')
    return;
  append (self, text (question, "presenter-caption"));
  append (self, text (answer, "presenter-item"));
}

static void
show_measure (WerkPresenterWindow *self)
{
  g_autoptr (GListModel) measures = NULL;
  GtkWidget *box;
  guint n;

  if (self->measure)
    {
      g_autofree char *due =
          werk_live_format_date (werk_record_get_string (WERK_RECORD (self->measure), "due"));

      append (self, text (werk_record_get_label (WERK_RECORD (self->measure)), "presenter-lead"));
      show_answer (self, _ ("Which goal is pursued?"), "goal_pursued");
      show_answer (self, _ ("What are the next steps?"), "next_steps");
      show_answer (self, _ ("Who must be involved?"), "involve");
      show_answer (self, _ ("What must be watched out for?"), "watch_out");
      show_answer (self, _ ("Which factors decide success?"), "success_factors");
      show_answer (self, _ ("Owner"), "owner");
      if (*due)
        {
          append (self, text (_ ("Due"), "presenter-caption"));
          append (self, text (due, "presenter-item"));
        }
      return;
    }
  measures = werk_live_workshop_records (store_of (self), WERK_KIND_MEASURE,
                                         WERK_WORKSHOP (workshop_of (self)));
  n = g_list_model_get_n_items (measures);
  box = flow (3);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) measure = g_list_model_get_item (measures, i);
      gtk_flow_box_append (GTK_FLOW_BOX (box), card (werk_record_get_label (measure)));
    }
  append (self, box);
}

/* Only a revealed round shows numbers: while a round is open or closed the room sees the
 * question and the cards on the board, never a count. */
static void
show_voting (WerkPresenterWindow *self)
{
  WerkRecord *round = WERK_RECORD (self->round);
  GListModel *tallies;
  GtkWidget *box;
  int state;
  guint n;

  if (round == NULL)
    return;
  state = werk_record_get_int (round, "state");
  append (self, text (werk_record_get_string (round, "question"), "presenter-lead"));
  if (state == WERK_ROUND_REVEALED && !werk_voting_round_is_hidden (self->round))
    {
      GtkWidget *chart = werk_vote_chart_new ();

      gtk_widget_add_css_class (chart, "presenter-chart");
      werk_vote_chart_set_round (WERK_VOTE_CHART (chart), self->round);
      append (self, chart);
      return;
    }
  append (self, text (state == WERK_ROUND_OPEN ? _ ("Voting is open: place your dots.")
                                               : _ ("Voting is closed. The result follows."),
                      "presenter-caption"));
  tallies = werk_store_get_list (store_of (self), WERK_KIND_TALLY, round);
  n = g_list_model_get_n_items (tallies);
  box = flow (4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) tally = g_list_model_get_item (tallies, i);
      WerkRecord *item = werk_record_get_ref (tally, "item");

      if (item)
        gtk_flow_box_append (GTK_FLOW_BOX (box), card (werk_record_get_label (item)));
    }
  append (self, box);
}

static void
show_break (WerkPresenterWindow *self)
{
  int index = werk_agenda_index_of (self->agenda, self->item);
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autoptr (GDateTime) end = werk_agenda_get_expected_end (self->agenda, index, now);
  g_autofree char *time = werk_live_format_time (end);
  g_autofree char *until = g_strdup_printf (_ ("We continue at %s"), time);

  append (self, text (until, "presenter-lead"));
}

static void
show_next_steps (WerkPresenterWindow *self)
{
  g_autoptr (GListModel) measures = werk_live_workshop_records (store_of (self), WERK_KIND_MEASURE,
                                                                WERK_WORKSHOP (workshop_of (self)));
  guint n = g_list_model_get_n_items (measures);
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 32);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), text (_ ("Measure"), "presenter-caption"), 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text (_ ("Owner"), "presenter-caption"), 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), text (_ ("Due"), "presenter-caption"), 2, row++, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) measure = g_list_model_get_item (measures, i);
      g_autofree char *due = NULL;
      GtkWidget *title;

      if (werk_record_get_int (measure, "status") != WERK_STATUS_PRIORITISED &&
          werk_record_get_int (measure, "status") != WERK_STATUS_PLANNED &&
          werk_record_get_int (measure, "status") != WERK_STATUS_IN_PROGRESS)
        continue;
      due = werk_live_format_date (werk_record_get_string (measure, "due"));
      title = text (werk_record_get_label (measure), "presenter-item");
      gtk_widget_set_hexpand (title, TRUE);
      gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid),
                       text (werk_record_get_string (measure, "owner"), "presenter-item"), 1, row,
                       1, 1);
      gtk_grid_attach (GTK_GRID (grid), text (due, "presenter-item"), 2, row++, 1, 1);
    }
  if (row == 1)
    append (self, text (_ ("No measure has been prioritised yet."), "presenter-caption"));
  else
    append (self, grid);
}

static void
show_next_item (WerkPresenterWindow *self)
{
  int index = werk_agenda_index_of (self->agenda, self->item);
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autoptr (GDateTime) start = NULL;
  g_autofree char *time = NULL;
  g_autofree char *line = NULL;
  WerkAgendaItem *next;

  if (index < 0 || (guint) index + 1 >= werk_agenda_get_n_items (self->agenda))
    {
      gtk_label_set_label (self->next_label, "");
      return;
    }
  next = werk_agenda_get_item (self->agenda, index + 1);
  start = werk_agenda_get_expected_start (self->agenda, index + 1, now);
  time = werk_live_format_time (start);
  /* Translators: the foot of the presenter screen: "Next: Pause · 17:15". */
  line = g_strdup_printf (_ ("Next: %s · %s"), werk_record_get_label (WERK_RECORD (next)), time);
  gtk_label_set_label (self->next_label, line);
}

static void
rebuild (WerkPresenterWindow *self)
{
  WerkRecord *item = WERK_RECORD (self->item);
  int kind;

  werk_live_box_clear (self->content_box);
  if (item == NULL)
    {
      gtk_label_set_label (self->kind_label, "");
      gtk_label_set_label (self->title_label, werk_record_get_label (workshop_of (self)));
      gtk_label_set_label (self->next_label, "");
      return;
    }
  kind = werk_record_get_int (item, "kind");
  gtk_label_set_label (self->kind_label, werk_enum_label (WERK_TYPE_AGENDA_KIND, kind));
  gtk_label_set_label (self->title_label, werk_record_get_label (item));
  switch (kind)
    {
      case WERK_AGENDA_IMPULSE:
      case WERK_AGENDA_OTHER:
        show_speaker (self);
        break;
      case WERK_AGENDA_COLLECT:
        show_collected (self);
        break;
      case WERK_AGENDA_CLUSTER:
        show_clusters (self);
        break;
      case WERK_AGENDA_GOALS:
        show_goals (self);
        break;
      case WERK_AGENDA_MEASURES:
        show_measure (self);
        break;
      case WERK_AGENDA_VOTING:
        show_voting (self);
        break;
      case WERK_AGENDA_BREAK:
        show_break (self);
        break;
      case WERK_AGENDA_NEXT_STEPS:
        show_next_steps (self);
        break;
      default:
        break;
    }
  show_next_item (self);
}

/* ---- what to show ---- */

static void
watch_content (WerkPresenterWindow *self)
{
  WerkStore *store = store_of (self);
  WerkKind kinds[] = { WERK_KIND_CHALLENGE, WERK_KIND_MEASURE, WERK_KIND_FIELD, WERK_KIND_GOAL };

  werk_live_watch_add_model (self->watch, werk_agenda_get_items (self->agenda));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    werk_live_watch_add_model (self->watch, werk_store_get_list (store, kinds[i], NULL));
}

void
werk_presenter_window_set_item (WerkPresenterWindow *self, WerkAgendaItem *item)
{
  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  if (g_set_object (&self->item, item))
    rebuild (self);
}

void
werk_presenter_window_set_collect_kind (WerkPresenterWindow *self, WerkKind kind)
{
  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  if (self->collect_kind == kind)
    return;
  self->collect_kind = kind;
  rebuild (self);
}

void
werk_presenter_window_set_measure (WerkPresenterWindow *self, WerkMeasure *measure)
{
  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  if (g_set_object (&self->measure, measure))
    rebuild (self);
}

void
werk_presenter_window_set_round (WerkPresenterWindow *self, WerkVotingRound *round)
{
  WerkStore *store = store_of (self);

  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  if (!g_set_object (&self->round, round))
    return;
  werk_live_watch_clear (self->round_watch);
  if (round)
    {
      werk_live_watch_add_object (self->round_watch, G_OBJECT (round));
      werk_live_watch_add_model (self->round_watch,
                                 werk_store_get_list (store, WERK_KIND_TALLY, WERK_RECORD (round)));
    }
  rebuild (self);
}

void
werk_presenter_window_set_clock (WerkPresenterWindow *self, const char *text, const char *state)
{
  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  gtk_label_set_label (self->clock_label, text);
  if (g_strcmp0 (self->clock_state, state) == 0)
    return;
  if (self->clock_state)
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), self->clock_state);
  g_free (self->clock_state);
  self->clock_state = g_strdup (state);
  if (state)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), state);
}

void
werk_presenter_window_present_on (WerkPresenterWindow *self, GdkMonitor *monitor)
{
  g_return_if_fail (WERK_IS_PRESENTER_WINDOW (self));

  if (monitor)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* ---- the window ---- */

static void
step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_STEP], 0, g_str_equal (name, "presenter.next") ? 1 : -1);
}

static void
leave_fullscreen_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
werk_presenter_window_dispose (GObject *object)
{
  WerkPresenterWindow *self = WERK_PRESENTER_WINDOW (object);

  if (self->watch)
    werk_live_watch_clear (self->watch);
  if (self->round_watch)
    werk_live_watch_clear (self->round_watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_PRESENTER_WINDOW);
  g_clear_object (&self->watch);
  g_clear_object (&self->round_watch);
  g_clear_object (&self->item);
  g_clear_object (&self->measure);
  g_clear_object (&self->round);
  g_clear_object (&self->agenda);
  g_clear_pointer (&self->clock_state, g_free);

  G_OBJECT_CLASS (werk_presenter_window_parent_class)->dispose (object);
}

static void
werk_presenter_window_class_init (WerkPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_presenter_window_dispose;

  /**
   * WerkPresenterWindow::step:
   * A clicker or arrow key asked for the next (+1) or previous (−1) agenda item.
   */
  signals[SIGNAL_STEP] = g_signal_new ("step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, WerkPresenterWindow, next_label);

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.leave-fullscreen", NULL,
                                   leave_fullscreen_action);
  /* Presentation clickers send Page Up/Down (some send arrows, or B for a blank screen). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "presenter.previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "presenter.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "presenter.leave-fullscreen", NULL);
}

static void
werk_presenter_window_init (WerkPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->collect_kind = WERK_KIND_CHALLENGE;
  self->watch = werk_live_watch_new ();
  self->round_watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (rebuild), self);
  g_signal_connect_swapped (self->round_watch, "changed", G_CALLBACK (rebuild), self);
}

WerkPresenterWindow *
werk_presenter_window_new (WerkAgenda *agenda)
{
  WerkPresenterWindow *self;

  g_return_val_if_fail (WERK_IS_AGENDA (agenda), NULL);

  self = g_object_new (WERK_TYPE_PRESENTER_WINDOW, NULL);
  self->agenda = g_object_ref (agenda);
  watch_content (self);
  rebuild (self);
  return self;
}
