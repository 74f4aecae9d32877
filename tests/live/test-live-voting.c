/* test-live-voting.c: a dot-voting round with paper tallies and ballots together, run through the
 * live window's actions and keys, checked in the file afterwards.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "live-test-util.h"
#include "werk-live-voting-page.h"

typedef struct
{
  LiveFixture f;
  GtkWidget *page;
  WerkRecord *app, *digital, *bench, *wlan, *sensors, *petra, *jonas;
} Voting;

static void
voting_set_up (Voting *v, gconstpointer data)
{
  LiveFixture *f = &v->f;

  live_fixture_set_up (f, data);
  v->page = _werk_live_window_get_page (f->window, WERK_AGENDA_VOTING);
  v->app = live_find (f->store, WERK_KIND_MEASURE, NULL, "Stadt-App");
  v->digital = live_find (f->store, WERK_KIND_MEASURE, NULL, "Digitale Bürgerdienste");
  v->bench = live_find (f->store, WERK_KIND_MEASURE, NULL, "Mitfahrbank mit App");
  v->wlan = live_find (f->store, WERK_KIND_MEASURE, NULL, "WLAN in Schulen");
  v->sensors = live_find (f->store, WERK_KIND_MEASURE, NULL, "Sensoren für Parkplätze");
  v->petra = live_find (f->store, WERK_KIND_PARTICIPANT, WERK_RECORD (f->workshop), "Petra Lang");
  v->jonas = live_find (f->store, WERK_KIND_PARTICIPANT, WERK_RECORD (f->workshop), "Jonas Weber");
}

static void
voting_tear_down (Voting *v, gconstpointer data)
{
  live_fixture_tear_down (&v->f, data);
}

static void
act (Voting *v, const char *action, const char *format, ...)
{
  va_list args;
  GVariant *param = NULL;

  if (format)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (v->page, action, param));
  live_test_wait (20);
}

static guint
tally (WerkVotingRound *round, WerkRecord *item)
{
  GListModel *tallies =
      werk_store_get_list (werk_record_get_store (item), WERK_KIND_TALLY, WERK_RECORD (round));

  for (guint i = 0; i < g_list_model_get_n_items (tallies); i++)
    {
      g_autoptr (WerkRecord) t = g_list_model_get_item (tallies, i);
      if (werk_record_get_ref (t, "item") == item)
        return werk_record_get_int (t, "dots");
    }
  g_assert_not_reached ();
}

static guint
ballot (WerkVotingRound *round, WerkRecord *participant, WerkRecord *item)
{
  GListModel *ballots =
      werk_store_get_list (werk_record_get_store (item), WERK_KIND_BALLOT, WERK_RECORD (round));

  for (guint i = 0; i < g_list_model_get_n_items (ballots); i++)
    {
      g_autoptr (WerkRecord) b = g_list_model_get_item (ballots, i);
      if (werk_record_get_ref (b, "item") == item &&
          werk_record_get_ref (b, "participant") == participant)
        return werk_record_get_int (b, "dots");
    }
  return 0;
}

static void
assert_labels_contain (GtkWidget *widget, const char *text)
{
  g_autofree char *labels = live_collect_labels (widget);

  if (!strstr (labels, text))
    g_error ("“%s” not on screen:\n%s", text, labels);
}

static void
test_round (Voting *v, gconstpointer data)
{
  LiveFixture *f = &v->f;
  WerkVotingRound *round;
  GtkWidget *tally_list, *row;
  g_autoptr (GArray) ranked = NULL;
  WerkStore *store;
  WerkRecord *r, *newcomer;
  g_autofree char *round_id = NULL, *app_id = NULL, *wlan_id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_VOTING));
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==,
                   live_agenda_index (f, WERK_AGENDA_VOTING));

  /* A new round puts every measure of this workshop on the board. */
  act (v, "vote.new-round", "s", "measures");
  round = werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (v->page));
  g_assert_nonnull (round);
  g_assert_cmpuint (g_list_model_get_n_items (
                        werk_store_get_list (f->store, WERK_KIND_TALLY, WERK_RECORD (round))),
                    ==, 5);
  g_assert_cmpint (werk_record_get_int (WERK_RECORD (round), "dots_per_person"), ==, 3);

  /* Paper dots: typed totals, and +/− on the selected card. */
  act (v, "vote.set-tally", "(si)", werk_record_get_id (v->app), 12);
  act (v, "vote.step-tally", "(si)", werk_record_get_id (v->app), 1);
  act (v, "vote.set-tally", "(si)", werk_record_get_id (v->wlan), 7);
  g_assert_cmpuint (tally (round, v->app), ==, 13);
  tally_list = live_find_widget (v->page, GTK_TYPE_LIST_BOX, 0);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (tally_list), 1));
  gtk_list_box_select_row (GTK_LIST_BOX (tally_list), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  g_assert_true (live_send_key (tally_list, GDK_KEY_plus, 0));
  g_assert_true (live_send_key (tally_list, GDK_KEY_KP_Add, 0));
  g_assert_true (live_send_key (tally_list, GDK_KEY_minus, 0));
  g_assert_cmpuint (tally (round, v->digital), ==, 1);

  /* Down and Up in a card's number go to the next and previous card, as in the list; they do
   * not count a dot up or down on the way. A number typed before counts. */
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "spin"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "spin")), "4");
  g_assert_true (live_send_key (tally_list, GDK_KEY_Down, 0));
  live_test_wait (20);
  g_assert_cmpuint (tally (round, v->digital), ==, 4);
  g_assert_true (gtk_widget_is_ancestor (
      gtk_root_get_focus (GTK_ROOT (f->window)),
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (tally_list), 2))));
  g_assert_true (live_send_key (tally_list, GDK_KEY_Up, 0));
  g_assert_true (live_send_key (tally_list, GDK_KEY_Up, 0));
  live_test_wait (20);
  g_assert_true (gtk_widget_is_ancestor (
      gtk_root_get_focus (GTK_ROOT (f->window)),
      GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (tally_list), 0))));
  g_assert_cmpuint (tally (round, v->digital), ==, 4);
  g_assert_cmpuint (tally (round, v->app), ==, 13);
  act (v, "vote.set-tally", "(si)", werk_record_get_id (v->digital), 1);

  /* Ballots: each participant within the budget, shown as what is left. */
  act (v, "vote.select-participant", "s", werk_record_get_id (v->petra));
  assert_labels_contain (v->page, "3 of 3 dots left");
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->wlan), 1);
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->wlan), 1);
  assert_labels_contain (v->page, "1 of 3 dots left");
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->app), 1);
  assert_labels_contain (v->page, "0 of 3 dots left");
  /* A fourth dot is refused, and nothing changes. */
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->bench), 1);
  g_assert_cmpuint (ballot (round, v->petra, v->bench), ==, 0);
  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (v->petra)), ==, 0);
  /* Taking one back frees it again. */
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->app), -1);
  assert_labels_contain (v->page, "1 of 3 dots left");
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->app), 1);

  /* A participant added on the spot, and a limit per card. */
  act (v, "vote.add-participant", "s", "Aylin Neu");
  newcomer = WERK_RECORD (werk_live_voting_page_get_participant (WERK_LIVE_VOTING_PAGE (v->page)));
  g_assert_cmpstr (werk_record_get_label (newcomer), ==, "Aylin Neu");
  g_assert_true (werk_record_set_int (WERK_RECORD (round), "max_per_item", 2, NULL));
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->bench), 1);
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->bench), 1);
  act (v, "vote.step-ballot", "(si)", werk_record_get_id (v->bench), 1);
  g_assert_cmpuint (ballot (round, newcomer, v->bench), ==, 2);
  act (v, "vote.select-participant", "s", werk_record_get_id (v->jonas));
  act (v, "vote.set-ballot", "(si)", werk_record_get_id (v->sensors), 2);
  g_assert_cmpuint (ballot (round, v->jonas, v->sensors), ==, 2);

  /* Tally and ballots add up in one round. */
  g_assert_cmpuint (werk_voting_round_get_total (round, v->app), ==, 14);
  g_assert_cmpuint (werk_voting_round_get_total (round, v->wlan), ==, 9);
  act (v, "vote.step-tally", "(si)", werk_record_get_id (v->app), 0);
  assert_labels_contain (v->page, "= 14");

  act (v, "vote.close", NULL);
  g_assert_cmpint (werk_record_get_int (WERK_RECORD (round), "state"), ==, WERK_ROUND_CLOSED);
  act (v, "vote.reveal", NULL);
  g_assert_cmpint (werk_record_get_int (WERK_RECORD (round), "state"), ==, WERK_ROUND_REVEALED);
  assert_labels_contain (v->page, "14 dots");
  ranked = werk_voting_round_rank (round);
  g_assert_true (g_array_index (ranked, WerkRankedItem, 0).item == v->app);
  g_assert_true (g_array_index (ranked, WerkRankedItem, 1).item == v->wlan);

  /* The two with the most approval go forward. */
  act (v, "vote.take-forward", "u", 2);
  g_assert_cmpint (werk_record_get_int (v->app, "status"), ==, WERK_STATUS_PRIORITISED);
  g_assert_cmpint (werk_record_get_int (v->wlan, "status"), ==, WERK_STATUS_PRIORITISED);
  g_assert_cmpint (werk_record_get_int (v->bench, "status"), ==, WERK_STATUS_IDEA);

  /* What the file holds afterwards (the records of the closed store are gone). */
  round_id = g_strdup (werk_record_get_id (WERK_RECORD (round)));
  app_id = g_strdup (werk_record_get_id (v->app));
  wlan_id = g_strdup (werk_record_get_id (v->wlan));
  store = live_fixture_reopen (f);
  r = werk_store_lookup (store, round_id);
  g_assert_nonnull (r);
  round = WERK_VOTING_ROUND (r);
  g_assert_cmpint (werk_record_get_int (r, "state"), ==, WERK_ROUND_REVEALED);
  g_assert_cmpint (werk_record_get_int (r, "max_per_item"), ==, 2);
  v->app = werk_store_lookup (store, app_id);
  v->wlan = werk_store_lookup (store, wlan_id);
  g_assert_cmpuint (tally (round, v->app), ==, 13);
  g_assert_cmpuint (tally (round, v->wlan), ==, 7);
  g_assert_cmpuint (werk_voting_round_get_total (round, v->app), ==, 14);
  g_assert_cmpuint (werk_voting_round_get_total (round, v->wlan), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_BALLOT, r)), ==,
                    4);
  g_assert_cmpint (werk_record_get_int (v->app, "status"), ==, WERK_STATUS_PRIORITISED);
}

static void
test_several_rounds (Voting *v, gconstpointer data)
{
  LiveFixture *f = &v->f;
  WerkVotingRound *first, *second;
  GtkWidget *question;
  GListModel *fields = werk_store_get_list (f->store, WERK_KIND_FIELD, NULL);
  g_autoptr (WerkRecord) mobility = g_list_model_get_item (fields, 2);

  act (v, "vote.new-round", "s", "measures");
  first = werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (v->page));
  act (v, "vote.new-round", "s", "fields");
  second = werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (v->page));
  g_assert_true (first != second);
  g_assert_cmpint (werk_record_get_int (WERK_RECORD (second), "on"), ==, WERK_VOTE_ON_FIELDS);
  g_assert_cmpuint (g_list_model_get_n_items (
                        werk_store_get_list (f->store, WERK_KIND_TALLY, WERK_RECORD (second))),
                    ==, 4);
  act (v, "vote.set-tally", "(si)", werk_record_get_id (mobility), 5);
  g_assert_cmpuint (werk_voting_round_get_total (second, mobility), ==, 5);
  /* A measure is not on a round about fields. */
  act (v, "vote.set-tally", "(si)", werk_record_get_id (v->app), 5);
  g_assert_cmpuint (werk_voting_round_get_total (second, v->app), ==, 0);

  act (v, "vote.select-round", "s", werk_record_get_id (WERK_RECORD (first)));
  g_assert_true (werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (v->page)) == first);

  /* The question typed in: the file and the round picker say the same. */
  question = live_find_widget (v->page, GTK_TYPE_ENTRY, 0);
  gtk_widget_grab_focus (question);
  gtk_editable_set_text (GTK_EDITABLE (question), "Welche drei Ideen zuerst?");
  live_test_wait (50);
  g_assert_cmpstr (werk_record_get_string (WERK_RECORD (first), "question"), ==,
                   "Welche drei Ideen zuerst?");
  assert_labels_contain (live_find_widget (v->page, GTK_TYPE_DROP_DOWN, 0),
                         "Welche drei Ideen zuerst?");
  g_assert_cmpuint (g_list_model_get_n_items (werk_store_get_list (f->store, WERK_KIND_VOTING_ROUND,
                                                                   WERK_RECORD (f->workshop))),
                    ==, 2);
}

static void
count_cb (int *count)
{
  (*count)++;
}

/* Ctrl+N on the voting page, pressed for real (the X server's keyboard, through every
 * controller of the window): the new-round menu opens. The application's own Ctrl+N (a new
 * strategy process, as in the real app) must not take it. */
static void
test_new_round_key (Voting *v, gconstpointer data)
{
  LiveFixture *f = &v->f;
  g_autoptr (GSimpleAction) action = g_simple_action_new ("new-process", NULL);
  const char *accels[] = { "<Control>n", NULL }, *none[] = { NULL };
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *button = live_find_widget (v->page, GTK_TYPE_MENU_BUTTON, 0);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  int new_process = 0, status = 0;

  if (xdotool == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs xdotool and an X display");
      return;
    }
  g_signal_connect_swapped (action, "activate", G_CALLBACK (count_cb), &new_process);
  g_action_map_add_action (G_ACTION_MAP (f->app), G_ACTION (action));
  gtk_application_set_accels_for_action (f->app, "app.new-process", accels);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_VOTING));
  gtk_window_present (GTK_WINDOW (f->window));
  live_test_wait (300);

  g_assert_true (
      g_spawn_command_line_sync ("xdotool key --clearmodifiers ctrl+n", NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  for (int i = 0; i < 50 && !gtk_widget_get_visible (GTK_WIDGET (popover)); i++)
    live_test_wait (20);
  live_test_wait (100);

  gtk_application_set_accels_for_action (f->app, "app.new-process", none);
  g_action_map_remove_action (G_ACTION_MAP (f->app), "new-process");
  g_assert_cmpint (new_process, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

int
main (int argc, char *argv[])
{
  live_test_init (&argc, &argv);

  g_test_add ("/live/voting/tallies-and-ballots", Voting, NULL, voting_set_up, test_round,
              voting_tear_down);
  g_test_add ("/live/voting/several-rounds", Voting, NULL, voting_set_up, test_several_rounds,
              voting_tear_down);
  g_test_add ("/live/voting/new-round-key", Voting, NULL, voting_set_up, test_new_round_key,
              voting_tear_down);
  return g_test_run ();
}
