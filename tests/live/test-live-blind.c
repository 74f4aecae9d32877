/* test-live-blind.c: a blind round shows no totals on either screen until it is revealed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "live-test-util.h"
#include "werk-live-voting-page.h"

/* Totals no clock or title of the fixture contains: 21 + 2 and 36 + 1. */
#define TOTAL_APP  "23"
#define TOTAL_WLAN "37"

static void
act (GtkWidget *page, const char *action, const char *format, ...)
{
  va_list args;
  GVariant *param = NULL;

  if (format)
    {
      va_start (args, format);
      param = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (page, action, param));
  live_test_wait (30);
}

static void
assert_no_totals (GtkWidget *widget, const char *where)
{
  g_autofree char *labels = NULL;

  live_test_wait (200);
  labels = live_collect_labels (widget);
  if (strstr (labels, TOTAL_APP) || strstr (labels, TOTAL_WLAN) || strstr (labels, "dots\n"))
    g_error ("%s shows totals of a blind round:\n%s", where, labels);
}

static void
assert_shows (GtkWidget *widget, const char *text)
{
  g_autofree char *labels = NULL;

  live_test_wait (200);
  labels = live_collect_labels (widget);
  if (!strstr (labels, text))
    g_error ("“%s” not shown:\n%s", text, labels);
}

static void
test_blind_round (LiveFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *page = _werk_live_window_get_page (f->window, WERK_AGENDA_VOTING);
  WerkRecord *app = live_find (f->store, WERK_KIND_MEASURE, NULL, "Stadt-App");
  WerkRecord *wlan = live_find (f->store, WERK_KIND_MEASURE, NULL, "WLAN in Schulen");
  WerkRecord *petra =
      live_find (f->store, WERK_KIND_PARTICIPANT, WERK_RECORD (f->workshop), "Petra Lang");
  GtkWidget *presenter, *blind_check;
  WerkVotingRound *round;

  gtk_widget_activate_action (window, "live.goto", "i", live_agenda_index (f, WERK_AGENDA_VOTING));
  gtk_widget_activate_action (window, "live.present", "i", -1);
  presenter = GTK_WIDGET (_werk_live_window_get_presenter (f->window));
  g_assert_nonnull (presenter);

  act (page, "vote.new-round", "s", "measures");
  round = werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (page));
  /* Blind, as the facilitator ticks it. */
  blind_check = live_find_widget (page, GTK_TYPE_CHECK_BUTTON, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (blind_check), TRUE);
  g_assert_true (werk_record_get_bool (WERK_RECORD (round), "blind"));
  g_assert_true (werk_voting_round_is_hidden (round));

  act (page, "vote.set-tally", "(si)", werk_record_get_id (app), 21);
  act (page, "vote.set-tally", "(si)", werk_record_get_id (wlan), 36);
  act (page, "vote.select-participant", "s", werk_record_get_id (petra));
  act (page, "vote.step-ballot", "(si)", werk_record_get_id (app), 2);
  act (page, "vote.step-ballot", "(si)", werk_record_get_id (wlan), 1);
  g_assert_cmpuint (werk_voting_round_get_total (round, app), ==, 23);
  g_assert_cmpuint (werk_voting_round_get_total (round, wlan), ==, 37);

  /* Open: the room sees the question and the cards, the facilitator what was typed. */
  assert_shows (presenter, "Which approaches should be taken forward?");
  assert_shows (presenter, "Stadt-App");
  assert_no_totals (presenter, "The presenter view");
  assert_no_totals (window, "The facilitator's window");
  act (page, "vote.step-tally", "(si)", werk_record_get_id (app), 0);
  assert_no_totals (window, "The facilitator's tally list");
  g_assert_null (werk_voting_round_rank (round));
  /* Taking forward needs the results: refused while hidden. */
  gtk_widget_activate_action (page, "vote.take-forward", "u", 2);
  g_assert_cmpint (werk_record_get_int (app, "status"), ==, WERK_STATUS_IDEA);

  /* Closed is not revealed. */
  act (page, "vote.close", NULL);
  assert_no_totals (presenter, "The presenter view of the closed round");
  assert_no_totals (window, "The facilitator's window of the closed round");

  /* Revealed: both screens rank them. */
  act (page, "vote.reveal", NULL);
  g_assert_false (werk_voting_round_is_hidden (round));
  assert_shows (presenter, "1. WLAN in Schulen: " TOTAL_WLAN " dots");
  assert_shows (presenter, "2. Stadt-App: " TOTAL_APP " dots");
  assert_shows (window, "1. WLAN in Schulen: " TOTAL_WLAN " dots");
  act (page, "vote.step-tally", "(si)", werk_record_get_id (app), 0);
  assert_shows (window, "= " TOTAL_APP);
}

static void
test_open_round_on_projector (LiveFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *page = _werk_live_window_get_page (f->window, WERK_AGENDA_VOTING);
  WerkRecord *app = live_find (f->store, WERK_KIND_MEASURE, NULL, "Stadt-App");
  GtkWidget *presenter;

  gtk_widget_activate_action (window, "live.goto", "i", live_agenda_index (f, WERK_AGENDA_VOTING));
  gtk_widget_activate_action (window, "live.present", "i", -1);
  presenter = GTK_WIDGET (_werk_live_window_get_presenter (f->window));
  act (page, "vote.new-round", "s", "measures");
  act (page, "vote.set-tally", "(si)", werk_record_get_id (app), 23);

  /* Not blind: the facilitator sees totals at once, the room only once revealed. */
  assert_shows (window, "1. Stadt-App: " TOTAL_APP " dots");
  assert_no_totals (presenter, "The presenter view of an open round");
  act (page, "vote.reveal", NULL);
  assert_shows (presenter, "1. Stadt-App: " TOTAL_APP " dots");
}

int
main (int argc, char *argv[])
{
  live_test_init (&argc, &argv);

  g_test_add ("/live/blind/before-and-after-reveal", LiveFixture, NULL, live_fixture_set_up,
              test_blind_round, live_fixture_tear_down);
  g_test_add ("/live/blind/open-round-on-projector", LiveFixture, NULL, live_fixture_set_up,
              test_open_round_on_projector, live_fixture_tear_down);
  return g_test_run ();
}
