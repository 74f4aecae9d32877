/* test-live-screenshot.c: PNGs of the live window and the presenter window, to look at.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "live-test-util.h"
#include "werk-live-collect-page.h"
#include "werk-live-voting-page.h"
#include "werk-widget-test-util.h"

static void
shoot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = NULL;

  live_test_wait (400);
  path = live_save_png (widget, name);
  g_test_message ("wrote %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
go (LiveFixture *f, WerkAgendaKind kind)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, kind));
}

static void
test_screenshots (LiveFixture *f, gconstpointer data)
{
  GtkWidget *voting = _werk_live_window_get_page (f->window, WERK_AGENDA_VOTING);
  GtkWidget *presenter;
  WerkRecord *app, *wlan, *petra;

  /* Twelve minutes into the impulse talks, which run over. */
  live_test_clock_set (16, 2, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "timer.toggle", NULL);
  live_test_clock_set (16, 35, 12);
  /* Full screen on the first (here the only) monitor, as on a projector. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.present", "i", 0);
  presenter = GTK_WIDGET (_werk_live_window_get_presenter (f->window));
  live_test_wait (300);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presenter)));
  _werk_live_window_tick (f->window);
  shoot (GTK_WIDGET (f->window), "live-window-impulse.png");
  shoot (presenter, "presenter-impulse.png");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.next", NULL);
  werk_live_collect_page_add (
      WERK_LIVE_COLLECT_PAGE (_werk_live_window_get_page (f->window, WERK_AGENDA_COLLECT)),
      "Fachkräftemangel in der Verwaltung");
  live_test_clock_advance (600);
  _werk_live_window_tick (f->window);
  shoot (GTK_WIDGET (f->window), "live-window-collect.png");
  shoot (presenter, "presenter-collect.png");

  go (f, WERK_AGENDA_CLUSTER);
  shoot (GTK_WIDGET (f->window), "live-window-cluster.png");
  shoot (presenter, "presenter-cluster.png");

  go (f, WERK_AGENDA_BREAK);
  shoot (presenter, "presenter-break.png");

  go (f, WERK_AGENDA_GOALS);
  shoot (GTK_WIDGET (f->window), "live-window-goals.png");
  shoot (presenter, "presenter-goals.png");

  go (f, WERK_AGENDA_MEASURES);
  shoot (GTK_WIDGET (f->window), "live-window-measures.png");

  go (f, WERK_AGENDA_VOTING);
  gtk_widget_activate_action (voting, "vote.new-round", "s", "measures");
  app = live_find (f->store, WERK_KIND_MEASURE, NULL, "Stadt-App");
  wlan = live_find (f->store, WERK_KIND_MEASURE, NULL, "WLAN in Schulen");
  petra = live_find (f->store, WERK_KIND_PARTICIPANT, WERK_RECORD (f->workshop), "Petra Lang");
  gtk_widget_activate_action (voting, "vote.set-tally", "(si)", werk_record_get_id (app), 14);
  gtk_widget_activate_action (voting, "vote.set-tally", "(si)", werk_record_get_id (wlan), 9);
  gtk_widget_activate_action (voting, "vote.select-participant", "s", werk_record_get_id (petra));
  gtk_widget_activate_action (voting, "vote.step-ballot", "(si)", werk_record_get_id (wlan), 1);
  shoot (GTK_WIDGET (f->window), "live-window-voting.png");
  shoot (presenter, "presenter-voting-open.png");
  gtk_widget_activate_action (voting, "vote.reveal", NULL);
  shoot (GTK_WIDGET (f->window), "live-window-voting-revealed.png");
  shoot (presenter, "presenter-voting-revealed.png");

  gtk_widget_activate_action (voting, "vote.take-forward", "u", 2);
  go (f, WERK_AGENDA_NEXT_STEPS);
  shoot (GTK_WIDGET (f->window), "live-window-next-steps.png");
  shoot (presenter, "presenter-next-steps.png");
}

/* What the room and the facilitator see in a German town: German, on every page and on the
 * projector. */
static void
german_set_up (LiveFixture *f, gconstpointer data)
{
  werk_widget_test_use_german ();
  live_fixture_set_up (f, data);
}

static void
german_tear_down (LiveFixture *f, gconstpointer data)
{
  live_fixture_tear_down (f, data);
  werk_widget_test_use_english ();
}

static void
test_german (LiveFixture *f, gconstpointer data)
{
  const WerkAgendaKind kinds[] = { WERK_AGENDA_IMPULSE,   WERK_AGENDA_COLLECT,  WERK_AGENDA_CLUSTER,
                                   WERK_AGENDA_GOALS,     WERK_AGENDA_MEASURES, WERK_AGENDA_VOTING,
                                   WERK_AGENDA_NEXT_STEPS };
  GtkWidget *voting = _werk_live_window_get_page (f->window, WERK_AGENDA_VOTING);
  g_autoptr (GString) seen = g_string_new (NULL);
  GtkWidget *presenter;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.present", "i", 0);
  presenter = GTK_WIDGET (_werk_live_window_get_presenter (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *where = g_strdup_printf ("agenda item %u", i);

      go (f, kinds[i]);
      werk_widget_test_assert_german (GTK_WIDGET (f->window), where, seen);
      werk_widget_test_assert_german (presenter, where, seen);
    }
  gtk_widget_activate_action (voting, "vote.new-round", "s", "measures");
  werk_widget_test_assert_german (GTK_WIDGET (f->window), "a new round", seen);
  werk_widget_test_assert_german (presenter, "a new round on the projector", seen);
  gtk_widget_activate_action (voting, "vote.reveal", NULL);
  werk_widget_test_assert_german (presenter, "a revealed round on the projector", seen);
  g_assert_nonnull (strstr (seen->str, "Punktabfrage"));
  g_assert_nonnull (strstr (seen->str, "Nächste Schritte"));
}

int
main (int argc, char *argv[])
{
  live_test_init (&argc, &argv);

  g_test_add ("/live/screenshots", LiveFixture, NULL, live_fixture_set_up, test_screenshots,
              live_fixture_tear_down);
  g_test_add ("/live/german", LiveFixture, NULL, german_set_up, test_german, german_tear_down);
  return g_test_run ();
}
