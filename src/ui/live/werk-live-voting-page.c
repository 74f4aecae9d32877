/* werk-live-voting-page.c: dot-voting rounds: settings, paper tallies and ballots, the results.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-util.h"
#include "werk-live-voting-page.h"
#include "werk-live-watch.h"
#include "werk-vote-chart.h"

struct _WerkLiveVotingPage
{
  GtkWidget parent_instance;

  GtkDropDown *round_dropdown;
  GtkMenuButton *new_round_button;
  GtkStack *round_stack;
  GtkEntry *question_entry;
  GtkSpinButton *dots_spin;
  GtkSpinButton *max_spin;
  GtkCheckButton *blind_check;
  GtkLabel *state_label;
  GtkWidget *close_button;
  GtkWidget *reopen_button;
  GtkWidget *reveal_button;
  GtkStack *entry_stack;
  GtkListBox *tally_list;
  GtkDropDown *participant_dropdown;
  GtkEntry *participant_entry;
  GtkLabel *budget_label;
  GtkListBox *ballot_list;
  GtkStack *results_stack;
  WerkVoteChart *chart;
  GtkWidget *forward_box;
  GtkSpinButton *top_spin;

  WerkWorkshop *workshop;
  GListModel *rounds;       /* the store's */
  GListModel *participants; /* the store's */
  GListModel *tallies;      /* the store's, of the round */
  GListModel *ballots;      /* the store's, of the round */
  WerkVotingRound *round;
  WerkParticipant *participant;
  GPtrArray *bindings;
  WerkLiveWatch *watch;
  gboolean loading;     /* widgets are being set from the records */
  gboolean relabelling; /* the round picker's rows are being made again */
};

enum
{
  PROP_0,
  PROP_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void werk_live_voting_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveVotingPage, werk_live_voting_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_voting_page_page_init))

static WerkStore *
store_of (WerkLiveVotingPage *self)
{
  return werk_record_get_store (WERK_RECORD (self->workshop));
}

static void
report (WerkLiveVotingPage *self, const GError *error)
{
  werk_live_report_error (GTK_WIDGET (self), error);
}

static guint
index_in (GListModel *model, gpointer item)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) it = g_list_model_get_item (model, i);
      if (it == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* ---- votes ---- */

static WerkRecord *
find_vote (GListModel *votes, WerkRecord *item, WerkRecord *participant)
{
  guint n = votes ? g_list_model_get_n_items (votes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) vote = g_list_model_get_item (votes, i);

      if (werk_record_get_ref (vote, "item") == item &&
          (participant == NULL || werk_record_get_ref (vote, "participant") == participant))
        return vote;
    }
  return NULL;
}

static guint
tally_of (WerkLiveVotingPage *self, WerkRecord *item)
{
  WerkRecord *tally = find_vote (self->tallies, item, NULL);

  return tally ? werk_record_get_int (tally, "dots") : 0;
}

static guint
ballot_of (WerkLiveVotingPage *self, WerkRecord *item)
{
  WerkRecord *ballot;

  if (self->participant == NULL)
    return 0;
  ballot = find_vote (self->ballots, item, WERK_RECORD (self->participant));
  return ballot ? werk_record_get_int (ballot, "dots") : 0;
}

static WerkRecord *
lookup_item (WerkLiveVotingPage *self, const char *id)
{
  WerkRecord *item = werk_store_lookup (store_of (self), id);

  if (item == NULL)
    {
      g_autoptr (GError) error =
          g_error_new (WERK_ERROR, WERK_ERROR_INVALID, _ ("No item with id “%s”"), id);
      report (self, error);
    }
  return item;
}

static gboolean
set_tally (WerkLiveVotingPage *self, WerkRecord *item, gint64 dots)
{
  g_autoptr (GError) error = NULL;

  if (self->round == NULL)
    return FALSE;
  if (!werk_voting_set_tally (self->round, item, MAX (0, dots), &error))
    {
      report (self, error);
      return FALSE;
    }
  /* Counting is fast: show each dot at once rather than when the main loop idles. */
  werk_live_watch_flush (self->watch);
  return TRUE;
}

static gboolean
set_ballot (WerkLiveVotingPage *self, WerkRecord *item, gint64 dots)
{
  g_autoptr (GError) error = NULL;

  if (self->round == NULL)
    return FALSE;
  if (self->participant == NULL)
    {
      werk_live_toast (GTK_WIDGET (self), _ ("Choose whose dots these are first"));
      return FALSE;
    }
  if (!werk_voting_set_ballot (self->round, self->participant, item, MAX (0, dots), &error))
    {
      report (self, error);
      return FALSE;
    }
  werk_live_watch_flush (self->watch);
  return TRUE;
}

/* ---- tally rows ---- */

static GtkWidget *
row_of_focus (GtkWidget *list)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row && gtk_widget_get_parent (row) == list)
    return row;
  return GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
}

static void
focus_row_spin (GtkWidget *row, const char *text)
{
  GtkWidget *spin = row ? g_object_get_data (G_OBJECT (row), "spin") : NULL;

  if (spin == NULL)
    return;
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (spin);
  if (text)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
      gtk_editable_set_position (GTK_EDITABLE (spin), -1);
    }
}

static void
tally_spin_changed_cb (GtkSpinButton *spin, WerkLiveVotingPage *self)
{
  WerkRecord *item = g_object_get_data (G_OBJECT (spin), "werk-record");

  if (self->loading || tally_of (self, item) == (guint) gtk_spin_button_get_value_as_int (spin))
    return;
  set_tally (self, item, gtk_spin_button_get_value_as_int (spin));
}

/* Enter moves on to the next card, ready for its number: counting a wall of cards is a
 * stream of "12 Enter 7 Enter". */
static void
tally_text_activate_cb (GtkSpinButton *spin)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (
      gtk_widget_get_ancestor (GTK_WIDGET (spin), WERK_TYPE_LIVE_VOTING_PAGE));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), GTK_TYPE_LIST_BOX_ROW);
  GtkListBoxRow *next;

  gtk_spin_button_update (spin);
  next = gtk_list_box_get_row_at_index (self->tally_list,
                                        gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  if (next)
    {
      focus_row_spin (GTK_WIDGET (next), NULL);
      gtk_editable_select_region (GTK_EDITABLE (g_object_get_data (G_OBJECT (next), "spin")), 0,
                                  -1);
    }
}

static GtkWidget *
create_tally_row_cb (gpointer tally, gpointer user_data)
{
  WerkLiveVotingPage *self = user_data;
  WerkRecord *item = werk_record_get_ref (tally, "item");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (item ? werk_record_get_label (item) : "");
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
  GtkWidget *total = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), werk_record_get_int (tally, "dots"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Dots counted"), -1);
  gtk_widget_add_css_class (total, "numeric");
  gtk_widget_add_css_class (total, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (total), 8);
  gtk_label_set_xalign (GTK_LABEL (total), 1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), total);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  werk_live_row_set_record (row, item);
  g_object_set_data_full (G_OBJECT (spin), "werk-record", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_object_set_data (G_OBJECT (row), "total", total);
  g_signal_connect (spin, "value-changed", G_CALLBACK (tally_spin_changed_cb), self);
  /* GtkSpinButton gets its own "activate" only in GTK 4.14; its text has one. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                            G_CALLBACK (tally_text_activate_cb), spin);
  return row;
}

static gboolean
step_key (guint keyval)
{
  return keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_minus ||
         keyval == GDK_KEY_KP_Subtract;
}

static int
step_of (guint keyval)
{
  return keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add ? 1 : -1;
}

static gboolean
tally_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
              WerkLiveVotingPage *self)
{
  GtkWidget *row = row_of_focus (GTK_WIDGET (self->tally_list));
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  WerkRecord *item = werk_live_row_get_record (row);
  int digit = werk_live_key_digit (keyval);

  if (item == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  if (step_key (keyval))
    {
      set_tally (self, item, (gint64) tally_of (self, item) + step_of (keyval));
      return TRUE;
    }
  /* Up and Down go to the card above or below, as in any list; in the number they would
   * change the count without a word. */
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_Down ||
      keyval == GDK_KEY_KP_Down)
    {
      int delta = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1;
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (
          self->tally_list, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta);
      GtkWidget *spin = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) : NULL;

      /* A number typed but not yet entered counts, as with Enter. */
      if (spin)
        gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
      if (next && spin)
        {
          focus_row_spin (GTK_WIDGET (next), NULL);
          gtk_editable_select_region (GTK_EDITABLE (g_object_get_data (G_OBJECT (next), "spin")), 0,
                                      -1);
        }
      else if (next)
        {
          gtk_list_box_select_row (self->tally_list, next);
          gtk_widget_grab_focus (GTK_WIDGET (next));
        }
      return TRUE;
    }
  /* A digit on a selected card starts typing its number. */
  if (digit >= 0 && !(focus && gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON)))
    {
      char text[2] = { '0' + digit, 0 };
      focus_row_spin (row, text);
      return TRUE;
    }
  return FALSE;
}

/* ---- ballot rows ---- */

static GtkWidget *
step_button (WerkRecord *item, const char *icon, int delta, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "vote.step-ballot");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(si)", werk_record_get_id (item),
                                    delta);
  return button;
}

static GtkWidget *
create_ballot_row_cb (gpointer tally, gpointer user_data)
{
  WerkRecord *item = werk_record_get_ref (tally, "item");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (item ? werk_record_get_label (item) : "");
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "title-3");
  gtk_widget_add_css_class (count, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (count), 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box),
                  step_button (item, "list-remove-symbolic", -1, _ ("One dot less")));
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), step_button (item, "list-add-symbolic", 1, _ ("One dot more")));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  werk_live_row_set_record (row, item);
  g_object_set_data (G_OBJECT (row), "count", count);
  return row;
}

static gboolean
ballot_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, WerkLiveVotingPage *self)
{
  WerkRecord *item = werk_live_row_get_record (row_of_focus (GTK_WIDGET (self->ballot_list)));

  if (item == NULL || !step_key (keyval) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  set_ballot (self, item, (gint64) ballot_of (self, item) + step_of (keyval));
  return TRUE;
}

/* ---- showing the round ---- */

static void
refresh_tally_rows (WerkLiveVotingPage *self)
{
  gboolean hidden = self->round == NULL || werk_voting_round_is_hidden (self->round);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->loading = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->tally_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      WerkRecord *item = werk_live_row_get_record (row);
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "spin");
      GtkLabel *total = g_object_get_data (G_OBJECT (row), "total");
      guint sum, tally;
      g_autofree char *text = NULL;

      if (item == NULL)
        continue;
      tally = tally_of (self, item);
      /* Leave a number being typed alone; it is written on Enter. */
      if ((guint) gtk_spin_button_get_value_as_int (spin) != tally &&
          !(focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (spin))))
        gtk_spin_button_set_value (spin, tally);
      /* A blind round shows no totals, here either: only what the facilitator typed. */
      sum = hidden ? 0 : werk_voting_round_get_total (self->round, item);
      if (!hidden && sum != tally)
        text = g_strdup_printf (_ ("= %u"), sum);
      gtk_label_set_label (total, text ? text : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (total), text ? _ ("Paper dots plus ballots") : NULL);
    }
  self->loading = FALSE;
}

static void
refresh_ballots (WerkLiveVotingPage *self)
{
  g_autofree char *budget = NULL;
  guint per_person =
      self->round ? werk_record_get_int (WERK_RECORD (self->round), "dots_per_person") : 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ballot_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      WerkRecord *item = werk_live_row_get_record (row);
      g_autofree char *count = NULL;

      if (item == NULL)
        continue;
      count = g_strdup_printf ("%u", ballot_of (self, item));
      gtk_label_set_label (g_object_get_data (G_OBJECT (row), "count"), count);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->ballot_list), self->participant != NULL);
  if (self->round == NULL || self->participant == NULL)
    budget = g_strdup (_ ("Choose whose dots to enter"));
  else if (per_person == 0)
    budget = g_strdup (_ ("No limit on dots"));
  else
    budget = g_strdup_printf (ngettext ("%u of %u dot left", "%u of %u dots left", per_person),
                              werk_voting_remaining (self->round, self->participant), per_person);
  gtk_label_set_label (self->budget_label, budget);
}

static void
refresh_state (WerkLiveVotingPage *self)
{
  WerkRecord *round = WERK_RECORD (self->round);
  int state = round ? werk_record_get_int (round, "state") : WERK_ROUND_OPEN;
  gboolean hidden = round == NULL || werk_voting_round_is_hidden (self->round);
  gboolean on_measures = round && werk_record_get_int (round, "on") == WERK_VOTE_ON_MEASURES;

  gtk_label_set_label (self->state_label,
                       round ? werk_enum_label (WERK_TYPE_ROUND_STATE, state) : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.close",
                                 round && state == WERK_ROUND_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.reopen",
                                 round && state == WERK_ROUND_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.reveal",
                                 round && state != WERK_ROUND_REVEALED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.take-forward",
                                 on_measures && state != WERK_ROUND_OPEN && !hidden);
  gtk_widget_set_visible (self->close_button, state == WERK_ROUND_OPEN);
  gtk_widget_set_visible (self->reopen_button, state == WERK_ROUND_CLOSED);
  gtk_widget_set_visible (self->reveal_button, state != WERK_ROUND_REVEALED);
  gtk_widget_set_visible (self->forward_box, on_measures);
  gtk_stack_set_visible_child_name (self->results_stack, hidden && round ? "hidden" : "chart");
}

static void
refresh (WerkLiveVotingPage *self)
{
  refresh_state (self);
  refresh_tally_rows (self);
  refresh_ballots (self);
}

static void
unbind_settings (WerkLiveVotingPage *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

static void
bind_setting (WerkLiveVotingPage *self, const char *prop, gpointer widget, const char *widget_prop)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (self->round, prop, widget, widget_prop,
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
show_round (WerkLiveVotingPage *self, WerkVotingRound *round)
{
  WerkRecord *r = WERK_RECORD (round);

  if (self->round == round)
    return;
  unbind_settings (self);
  werk_live_watch_clear (self->watch);
  g_set_object (&self->round, round);
  self->tallies = round ? werk_store_get_list (store_of (self), WERK_KIND_TALLY, r) : NULL;
  self->ballots = round ? werk_store_get_list (store_of (self), WERK_KIND_BALLOT, r) : NULL;
  gtk_list_box_bind_model (self->tally_list, self->tallies, create_tally_row_cb, self, NULL);
  gtk_list_box_bind_model (self->ballot_list, self->tallies, create_ballot_row_cb, self, NULL);
  werk_vote_chart_set_round (self->chart, round);
  werk_vote_chart_set_highlight (self->chart, 0);
  gtk_stack_set_visible_child_name (self->round_stack, round ? "round" : "empty");
  if (round)
    {
      bind_setting (self, "question", self->question_entry, "text");
      bind_setting (self, "dots-per-person", self->dots_spin, "value");
      bind_setting (self, "max-per-item", self->max_spin, "value");
      bind_setting (self, "blind", self->blind_check, "active");
      werk_live_watch_add_object (self->watch, G_OBJECT (round));
      werk_live_watch_add_model (self->watch, self->tallies);
      werk_live_watch_add_model (self->watch, self->ballots);
      gtk_drop_down_set_selected (self->round_dropdown, index_in (self->rounds, round));
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

static void
round_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, WerkLiveVotingPage *self)
{
  if (self->relabelling)
    return;
  show_round (self, gtk_drop_down_get_selected_item (dropdown));
}

static void
participant_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, WerkLiveVotingPage *self)
{
  g_set_object (&self->participant, gtk_drop_down_get_selected_item (dropdown));
  refresh_ballots (self);
}

static void
rounds_changed_cb (GListModel *rounds, guint position, guint removed, guint added,
                   WerkLiveVotingPage *self)
{
  if (self->round && index_in (rounds, self->round) == GTK_INVALID_LIST_POSITION)
    show_round (self, gtk_drop_down_get_selected_item (self->round_dropdown));
}

WerkVotingRound *
werk_live_voting_page_get_round (WerkLiveVotingPage *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_VOTING_PAGE (self), NULL);
  return self->round;
}

WerkParticipant *
werk_live_voting_page_get_participant (WerkLiveVotingPage *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_VOTING_PAGE (self), NULL);
  return self->participant;
}

/* ---- new rounds ---- */

typedef struct
{
  WerkLiveVotingPage *self;
  WerkVoteOn on;
  WerkRecord *round;
} NewRound;

static const char *
default_question (WerkVoteOn on)
{
  switch (on)
    {
      case WERK_VOTE_ON_CHALLENGES:
        return _ ("Which challenges are the most pressing?");
      case WERK_VOTE_ON_FIELDS:
        return _ ("Which fields of action come first?");
      case WERK_VOTE_ON_MEASURES:
      default:
        return _ ("Which approaches should be taken forward?");
    }
}

/* What goes on the board: this workshop's cards of the kind (dropped measures left out), or
 * every card of the kind when the workshop has none of its own. */
static GPtrArray *
board_items (WerkLiveVotingPage *self, WerkVoteOn on)
{
  WerkKind kind = on == WERK_VOTE_ON_CHALLENGES ? WERK_KIND_CHALLENGE
                  : on == WERK_VOTE_ON_FIELDS   ? WERK_KIND_FIELD
                                                : WERK_KIND_MEASURE;
  GListModel *all = werk_store_get_list (store_of (self), kind, NULL);
  guint n = g_list_model_get_n_items (all);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (int pass = kind == WERK_KIND_FIELD ? 1 : 0; pass < 2 && items->len == 0; pass++)
    for (guint i = 0; i < n; i++)
      {
        WerkRecord *item = g_list_model_get_item (all, i);

        if ((pass == 0 && werk_record_get_ref (item, "workshop") != WERK_RECORD (self->workshop)) ||
            (kind == WERK_KIND_MEASURE &&
             werk_record_get_int (item, "status") == WERK_STATUS_DROPPED))
          g_object_unref (item);
        else
          g_ptr_array_add (items, item);
      }
  return items;
}

static gboolean
new_round_func (WerkStore *store, gpointer data, GError **error)
{
  NewRound *nr = data;
  g_autoptr (GPtrArray) items = board_items (nr->self, nr->on);

  nr->round = werk_store_add (store, WERK_KIND_VOTING_ROUND, WERK_RECORD (nr->self->workshop),
                              error, "question", default_question (nr->on), "on",
                              werk_enum_nick (WERK_TYPE_VOTE_ON, nr->on), "dots_per_person", "3",
                              "max_per_item", "0", "state", "open", NULL);
  if (nr->round == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (!werk_voting_set_tally (WERK_VOTING_ROUND (nr->round), items->pdata[i], 0, error))
      return FALSE;
  return TRUE;
}

static void
new_round_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  g_autoptr (GError) error = NULL;
  NewRound nr = { self };
  int on;

  if (self->workshop == NULL ||
      !werk_enum_from_nick (WERK_TYPE_VOTE_ON, g_variant_get_string (param, NULL), &on))
    return;
  nr.on = on;
  if (!werk_store_run (store_of (self), new_round_func, &nr, NULL, &error))
    {
      report (self, error);
      return;
    }
  show_round (self, WERK_VOTING_ROUND (nr.round));
  gtk_widget_grab_focus (GTK_WIDGET (self->question_entry));
}

/* ---- actions ---- */

static void
select_round_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  WerkRecord *round = werk_store_lookup (store_of (self), g_variant_get_string (param, NULL));

  if (round && WERK_IS_VOTING_ROUND (round))
    show_round (self, WERK_VOTING_ROUND (round));
}

static void
tally_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  const char *id;
  int dots;
  WerkRecord *item;

  g_variant_get (param, "(&si)", &id, &dots);
  if ((item = lookup_item (self, id)) == NULL)
    return;
  if (g_str_equal (name, "vote.step-tally"))
    dots += tally_of (self, item);
  gtk_stack_set_visible_child_name (self->entry_stack, "tallies");
  set_tally (self, item, dots);
}

static void
ballot_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  const char *id;
  int dots;
  WerkRecord *item;

  g_variant_get (param, "(&si)", &id, &dots);
  if ((item = lookup_item (self, id)) == NULL)
    return;
  if (g_str_equal (name, "vote.step-ballot"))
    dots += ballot_of (self, item);
  set_ballot (self, item, dots);
}

static void
select_participant (WerkLiveVotingPage *self, WerkRecord *participant)
{
  gtk_stack_set_visible_child_name (self->entry_stack, "ballots");
  gtk_drop_down_set_selected (self->participant_dropdown,
                              index_in (self->participants, participant));
}

static void
select_participant_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  WerkRecord *participant = werk_store_lookup (store_of (self), g_variant_get_string (param, NULL));

  if (participant && WERK_IS_PARTICIPANT (participant))
    select_participant (self, participant);
}

static WerkRecord *
add_participant (WerkLiveVotingPage *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  WerkRecord *participant;

  if (*stripped == '\0' || self->workshop == NULL)
    return NULL;
  participant = werk_store_add (store_of (self), WERK_KIND_PARTICIPANT,
                                WERK_RECORD (self->workshop), &error, "name", stripped, NULL);
  if (participant == NULL)
    report (self, error);
  else
    select_participant (self, participant);
  return participant;
}

static void
add_participant_action (GtkWidget *widget, const char *name, GVariant *param)
{
  add_participant (WERK_LIVE_VOTING_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
participant_entry_activate_cb (GtkEntry *entry, WerkLiveVotingPage *self)
{
  GtkListBoxRow *first;

  if (add_participant (self, gtk_editable_get_text (GTK_EDITABLE (entry))) == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if ((first = gtk_list_box_get_row_at_index (self->ballot_list, 0)))
    {
      gtk_list_box_select_row (self->ballot_list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
state_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);
  g_autoptr (GError) error = NULL;
  WerkRoundState state = g_str_equal (name, "vote.close")    ? WERK_ROUND_CLOSED
                         : g_str_equal (name, "vote.reveal") ? WERK_ROUND_REVEALED
                                                             : WERK_ROUND_OPEN;

  if (self->round == NULL)
    return;
  if (!werk_record_set_int (WERK_RECORD (self->round), "state", state, &error))
    report (self, error);
  werk_live_watch_flush (self->watch);
}

static void
take_forward (WerkLiveVotingPage *self, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autofree char *title = NULL;

  if (self->round == NULL)
    return;
  if (!werk_voting_take_forward (self->round, n, &undo, &error))
    {
      report (self, error);
      return;
    }
  werk_vote_chart_set_highlight (self->chart, n);
  title = g_strdup_printf (
      ngettext ("The top measure is now prioritised", "The top %u measures are now prioritised", n),
      n);
  werk_live_toast_undo (GTK_WIDGET (self), title, undo);
}

static void
take_forward_action (GtkWidget *widget, const char *name, GVariant *param)
{
  take_forward (WERK_LIVE_VOTING_PAGE (widget), g_variant_get_uint32 (param));
}

static void
take_clicked_cb (GtkButton *button, WerkLiveVotingPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "vote.take-forward", "u",
                              (guint32) gtk_spin_button_get_value_as_int (self->top_spin));
}

static void
new_round_menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_menu_button_popup (WERK_LIVE_VOTING_PAGE (widget)->new_round_button);
}

/* A participant steps up to give their dots: their name first, then + and − on the cards. */
static void
ballot_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (widget);

  gtk_stack_set_visible_child_name (self->entry_stack, "ballots");
  gtk_widget_grab_focus (GTK_WIDGET (self->participant_entry));
}

/* ---- the page ---- */

static char *
round_label (WerkRecord *round)
{
  const char *question = round ? werk_record_get_string (round, "question") : NULL;

  return g_strdup (question && *question ? question : _ ("Untitled round"));
}

/* GtkDropDown works out a row's text once, when it binds the row: the model set anew makes it
 * show a question edited here, with the same round still chosen. */
static void
relabel_rounds (WerkLiveVotingPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  self->relabelling = TRUE;
  gtk_drop_down_set_model (self->round_dropdown, NULL);
  gtk_drop_down_set_model (self->round_dropdown, self->rounds);
  gtk_drop_down_set_selected (self->round_dropdown, selected);
  self->relabelling = FALSE;
}

/* Only what is typed here: the entry also changes when another round is shown. */
static void
question_edited_cb (WerkLiveVotingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->question_entry));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->round != NULL && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->question_entry)))
    relabel_rounds (self);
}

static char *
participant_label (WerkRecord *participant)
{
  const char *name = participant ? werk_record_get_string (participant, "name") : NULL;

  return g_strdup (name && *name ? name : _ ("Unnamed participant"));
}

static void
werk_live_voting_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (page);
  guint n;

  g_set_object (&self->workshop, workshop);
  self->rounds =
      werk_store_get_list (store_of (self), WERK_KIND_VOTING_ROUND, WERK_RECORD (workshop));
  self->participants =
      werk_store_get_list (store_of (self), WERK_KIND_PARTICIPANT, WERK_RECORD (workshop));
  g_signal_connect_object (self->rounds, "items-changed", G_CALLBACK (rounds_changed_cb), self, 0);
  gtk_drop_down_set_model (self->participant_dropdown, self->participants);
  gtk_drop_down_set_selected (self->participant_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_model (self->round_dropdown, self->rounds);
  /* The latest round is the one a facilitator comes back to. */
  n = g_list_model_get_n_items (self->rounds);
  gtk_drop_down_set_selected (self->round_dropdown, n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION);
  round_selected_cb (self->round_dropdown, NULL, self);
}

static void
werk_live_voting_page_focus_input (WerkLivePage *page)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (page);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->tally_list, 0);

  if (self->round == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_round_button));
  else if (first)
    {
      gtk_list_box_select_row (self->tally_list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
werk_live_voting_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_voting_page_set_workshop;
  iface->focus_input = werk_live_voting_page_focus_input;
}

static void
werk_live_voting_page_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (object);

  switch (prop_id)
    {
      case PROP_ROUND:
        g_value_set_object (value, self->round);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_live_voting_page_dispose (GObject *object)
{
  WerkLiveVotingPage *self = WERK_LIVE_VOTING_PAGE (object);

  if (self->bindings)
    unbind_settings (self);
  if (self->watch)
    werk_live_watch_clear (self->watch);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_VOTING_PAGE);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->watch);
  g_clear_object (&self->round);
  g_clear_object (&self->participant);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_voting_page_parent_class)->dispose (object);
}

static void
werk_live_voting_page_class_init (WerkLiveVotingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_voting_page_dispose;
  object_class->get_property = werk_live_voting_page_get_property;

  properties[PROP_ROUND] =
      g_param_spec_object ("round", NULL, NULL, WERK_TYPE_VOTING_ROUND,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WERK_TYPE_VOTE_CHART);
  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-voting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, new_round_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, round_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, question_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, dots_spin);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, max_spin);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, blind_check);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, entry_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, tally_list);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, participant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, participant_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, budget_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, ballot_list);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, chart);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, forward_box);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveVotingPage, top_spin);
  gtk_widget_class_bind_template_callback (widget_class, participant_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, take_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "vote.new-round", "s", new_round_action);
  gtk_widget_class_install_action (widget_class, "vote.select-round", "s", select_round_action);
  gtk_widget_class_install_action (widget_class, "vote.set-tally", "(si)", tally_action);
  gtk_widget_class_install_action (widget_class, "vote.step-tally", "(si)", tally_action);
  gtk_widget_class_install_action (widget_class, "vote.add-participant", "s",
                                   add_participant_action);
  gtk_widget_class_install_action (widget_class, "vote.select-participant", "s",
                                   select_participant_action);
  gtk_widget_class_install_action (widget_class, "vote.set-ballot", "(si)", ballot_action);
  gtk_widget_class_install_action (widget_class, "vote.step-ballot", "(si)", ballot_action);
  gtk_widget_class_install_action (widget_class, "vote.close", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "vote.reopen", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "vote.reveal", NULL, state_action);
  gtk_widget_class_install_action (widget_class, "vote.take-forward", "u", take_forward_action);
  gtk_widget_class_install_action (widget_class, "vote.new-round-menu", NULL,
                                   new_round_menu_action);
  gtk_widget_class_install_action (widget_class, "vote.ballot-entry", NULL, ballot_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "vote.new-round-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "vote.ballot-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "vote.reveal",
                                       NULL);
}

static void
add_key_controller (GtkWidget *widget, GCallback callback, gpointer data)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the spin buttons, which would swallow + and −. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", callback, data);
  gtk_widget_add_controller (widget, keys);
}

static void
werk_live_voting_page_init (WerkLiveVotingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
  self->watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (refresh), self);
  gtk_drop_down_set_expression (self->round_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (round_label), NULL, NULL));
  gtk_drop_down_set_expression (self->participant_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (participant_label), NULL,
                                                             NULL));
  g_signal_connect (self->round_dropdown, "notify::selected", G_CALLBACK (round_selected_cb), self);
  /* after the binding has given the round its new question */
  g_signal_connect_object (self->question_entry, "notify::text", G_CALLBACK (question_edited_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect (self->participant_dropdown, "notify::selected",
                    G_CALLBACK (participant_selected_cb), self);
  add_key_controller (GTK_WIDGET (self->tally_list), G_CALLBACK (tally_key_cb), self);
  add_key_controller (GTK_WIDGET (self->ballot_list), G_CALLBACK (ballot_key_cb), self);
  refresh (self);
}
