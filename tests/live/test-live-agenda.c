/* test-live-agenda.c: a workshop run from the first item by keyboard actions: the clock, fast
 * entry of cards, clustering by number keys, goals, the run-sheet, and what the file keeps.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "live-test-util.h"
#include "werk-live-cluster-page.h"
#include "werk-live-collect-page.h"
#include "werk-live-goals-page.h"
#include "werk-live-runsheet.h"
#include "werk-live-util.h"

static void
act (LiveFixture *f, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  _werk_live_window_tick (f->window);
  live_test_wait (30);
}

static const char *
recorded (LiveFixture *f, guint index, const char *key)
{
  WerkAgenda *agenda = _werk_live_window_get_agenda (f->window);

  return werk_record_get_string (WERK_RECORD (werk_agenda_get_item (agenda, index)), key);
}

static void
assert_on_screen (GtkWidget *widget, const char *text)
{
  g_autofree char *labels = live_collect_labels (widget);

  if (!strstr (labels, text))
    g_error ("“%s” not on screen:\n%s", text, labels);
}

static void
test_clock (LiveFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);

  /* Before the start: the plan is what is expected. */
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==, 0);
  assert_on_screen (window, "Planned end 19:00");
  assert_on_screen (window, "Expected end 19:00");
  assert_on_screen (window, "30:00");

  live_test_clock_set (16, 2, 0);
  act (f, "timer.toggle");
  g_assert_cmpstr (recorded (f, 0, "actual_start"), ==, "2026-04-28T16:02:00");
  g_assert_null (recorded (f, 0, "actual_end"));

  /* Running over shows how far, in the window and on the projector. */
  gtk_widget_activate_action (window, "live.present", "i", -1);
  live_test_clock_set (16, 35, 12);
  _werk_live_window_tick (f->window);
  assert_on_screen (window, "+3:12");
  assert_on_screen (window, "over time");
  assert_on_screen (window, "Expected end 19:05 (+5 min.)");
  assert_on_screen (GTK_WIDGET (_werk_live_window_get_presenter (f->window)), "+3:12");

  /* Five more minutes: the plan moves, the overrun is gone. */
  act (f, "timer.add-time");
  assert_on_screen (window, "1:48");
  assert_on_screen (window, "Planned end 19:05");

  /* Pause and resume keep the time spent. */
  act (f, "timer.toggle");
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:35:12");
  assert_on_screen (window, "paused");
  live_test_clock_set (16, 40, 12);
  act (f, "timer.toggle");
  g_assert_cmpstr (recorded (f, 0, "actual_start"), ==, "2026-04-28T16:07:00");
  g_assert_null (recorded (f, 0, "actual_end"));

  /* Next ends this item and starts the next one. */
  live_test_clock_set (16, 41, 0);
  act (f, "live.next");
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==, 1);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:41:00");
  g_assert_cmpstr (recorded (f, 1, "actual_start"), ==, "2026-04-28T16:41:00");

  /* Looking back changes no times; forward again lands on the running item. */
  act (f, "live.previous");
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==, 0);
  live_test_clock_set (16, 45, 0);
  act (f, "live.next");
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==, 1);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:41:00");
  g_assert_null (recorded (f, 1, "actual_end"));
  g_assert_null (recorded (f, 2, "actual_start"));
}

static void
test_collect_and_cluster (LiveFixture *f, gconstpointer data)
{
  GtkWidget *collect = _werk_live_window_get_page (f->window, WERK_AGENDA_COLLECT);
  GtkWidget *cluster = _werk_live_window_get_page (f->window, WERK_AGENDA_CLUSTER);
  GtkWidget *goals = _werk_live_window_get_page (f->window, WERK_AGENDA_GOALS);
  GtkWidget *entry, *cards;
  WerkRecord *card, *goal;
  g_autoptr (WerkRecord) mobility = NULL;
  GListModel *challenges = werk_store_get_list (f->store, WERK_KIND_CHALLENGE, NULL);
  guint before = g_list_model_get_n_items (challenges);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_COLLECT));
  live_test_wait (50);

  /* Type, Enter, next: each card is in the file and on screen at once. */
  entry = live_find_widget (collect, GTK_TYPE_ENTRY, 0);
  g_assert_true (
      gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))) ||
      gtk_widget_has_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fachkräftemangel in der Verwaltung");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kein Glasfaser in Gewerbegebieten");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, before + 2);
  card = live_find (f->store, WERK_KIND_CHALLENGE, NULL, "Kein Glasfaser in Gewerbegebieten");
  g_assert_nonnull (card);
  g_assert_true (werk_record_get_ref (card, "workshop") == WERK_RECORD (f->workshop));
  live_test_wait (100);
  assert_on_screen (collect, "Kein Glasfaser in Gewerbegebieten");
  assert_on_screen (collect, "5 challenges");

  /* Enter on a card edits it; Delete removes it (with Undo on a toast). */
  {
    GtkWidget *list = live_find_widget (collect, GTK_TYPE_LIST_BOX, 0);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 4);
    GtkWidget *edit;

    g_signal_emit_by_name (list, "row-activated", row);
    edit = live_find_widget (GTK_WIDGET (row), GTK_TYPE_ENTRY, 0);
    g_assert_true (gtk_widget_get_mapped (edit));
    gtk_editable_set_text (GTK_EDITABLE (edit), "Kein Glasfaser im Gewerbegebiet Nord");
    g_signal_emit_by_name (edit, "activate");
    g_assert_cmpstr (werk_record_get_label (card), ==, "Kein Glasfaser im Gewerbegebiet Nord");

    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 3);
    gtk_list_box_select_row (GTK_LIST_BOX (list), row);
    gtk_widget_grab_focus (GTK_WIDGET (row));
    g_assert_true (live_send_key (list, GDK_KEY_Delete, 0));
    g_assert_null (
        live_find (f->store, WERK_KIND_CHALLENGE, NULL, "Fachkräftemangel in der Verwaltung"));
    g_assert_cmpuint (g_list_model_get_n_items (challenges), ==, before + 1);
  }

  /* Ideas are measures with the status "idea". */
  werk_live_collect_page_set_kind (WERK_LIVE_COLLECT_PAGE (collect), WERK_KIND_MEASURE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Digitale Sprechstunde");
  g_signal_emit_by_name (entry, "activate");
  card = live_find (f->store, WERK_KIND_MEASURE, NULL, "Digitale Sprechstunde");
  g_assert_nonnull (card);
  g_assert_cmpint (werk_record_get_int (card, "status"), ==, WERK_STATUS_IDEA);

  /* Clustering: a number key puts the selected card into that field, and moves on. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_CLUSTER));
  live_test_wait (50);
  mobility = g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_FIELD, NULL), 2);
  cards = live_find_widget (cluster, GTK_TYPE_LIST_BOX, 0);
  werk_live_cluster_page_select (WERK_LIVE_CLUSTER_PAGE (cluster), 2);
  g_assert_true (live_send_key (cards, GDK_KEY_3, 0));
  card = live_find (f->store, WERK_KIND_CHALLENGE, NULL, "Busse fahren abends kaum");
  g_assert_true (werk_record_get_ref (card, "field") == mobility);
  g_assert_cmpint (
      gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (cards))), ==, 3);
  g_assert_true (live_send_key (cards, GDK_KEY_KP_1, 0));
  g_assert_true (live_send_key (cards, GDK_KEY_0, 0));
  card = live_find (f->store, WERK_KIND_CHALLENGE, NULL, "Kein Glasfaser im Gewerbegebiet Nord");
  g_assert_nonnull (werk_record_get_ref (card, "field"));
  werk_live_cluster_page_select (WERK_LIVE_CLUSTER_PAGE (cluster), 3);
  g_assert_true (live_send_key (cards, GDK_KEY_0, 0));
  g_assert_null (werk_record_get_ref (card, "field"));
  /* A field that does not exist changes nothing. */
  werk_live_cluster_page_select (WERK_LIVE_CLUSTER_PAGE (cluster), 2);
  g_assert_true (live_send_key (cards, GDK_KEY_9, 0));
  card = live_find (f->store, WERK_KIND_CHALLENGE, NULL, "Busse fahren abends kaum");
  g_assert_true (werk_record_get_ref (card, "field") == mobility);
  live_test_wait (100);
  assert_on_screen (cluster, "3  Mobilität");

  /* Goals: Alt+digit chooses the field, Enter writes the goal. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_GOALS));
  werk_live_goals_page_set_target (WERK_LIVE_GOALS_PAGE (goals), 3);
  goal = werk_live_goals_page_add (WERK_LIVE_GOALS_PAGE (goals), "Busse bis Mitternacht");
  g_assert_nonnull (goal);
  g_assert_cmpint (werk_record_get_int (goal, "level"), ==, WERK_GOAL_GUIDING);
  g_assert_true (werk_record_get_ref (goal, "field") == mobility);
  werk_live_goals_page_set_target (WERK_LIVE_GOALS_PAGE (goals), 0);
  goal = werk_live_goals_page_add (WERK_LIVE_GOALS_PAGE (goals), "Digital für alle");
  g_assert_cmpint (werk_record_get_int (goal, "level"), ==, WERK_GOAL_CORE);
  g_assert_null (werk_record_get_ref (goal, "field"));
}

static void
test_run_sheet (LiveFixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "ablaufplan.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GError) error = NULL;
  const char *argv[] = { pdftotext, path, "-", NULL };
  int status;

  g_assert_true (werk_live_runsheet_write (_werk_live_window_get_agenda (f->window), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext == NULL)
    {
      g_remove (path);
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                &status, &error);
  g_remove (path);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Werkstattgespräch Smart City"));
  g_assert_nonnull (strstr (text, "Begrüßung und Impulse"));
  g_assert_nonnull (strstr (text, "Dr. Anna Schmidt"));
  g_assert_nonnull (strstr (text, "16:00–16:30"));
  g_assert_nonnull (strstr (text, "18:45–19:00"));
  g_assert_nonnull (strstr (text, "Kaffeepause"));
  g_assert_nonnull (strstr (text, "Planned end: 19:00"));

  /* An unwritable place is an error, not a crash. */
  g_assert_false (werk_live_runsheet_write (_werk_live_window_get_agenda (f->window),
                                            "/nonexistent/dir/plan.pdf", &error));
  g_assert_nonnull (error);
}

static void
test_file_keeps_everything (LiveFixture *f, gconstpointer data)
{
  GtkWidget *collect = _werk_live_window_get_page (f->window, WERK_AGENDA_COLLECT);
  WerkStore *store;
  WerkRecord *workshop;
  GListModel *agenda;
  g_autoptr (WerkRecord) first = NULL;
  g_autoptr (WerkRecord) second = NULL;

  live_test_clock_set (16, 0, 0);
  act (f, "timer.toggle");
  live_test_clock_set (16, 31, 0);
  act (f, "live.next");
  werk_live_collect_page_add (WERK_LIVE_COLLECT_PAGE (collect), "Leerstand in der Innenstadt");

  store = live_fixture_reopen (f);
  workshop = live_find (store, WERK_KIND_WORKSHOP, NULL, "Werkstattgespräch Smart City");
  agenda = werk_store_get_list (store, WERK_KIND_AGENDA_ITEM, workshop);
  first = g_list_model_get_item (agenda, 0);
  second = g_list_model_get_item (agenda, 1);
  g_assert_cmpstr (werk_record_get_string (first, "actual_start"), ==, "2026-04-28T16:00:00");
  g_assert_cmpstr (werk_record_get_string (first, "actual_end"), ==, "2026-04-28T16:31:00");
  g_assert_cmpstr (werk_record_get_string (second, "actual_start"), ==, "2026-04-28T16:31:00");
  g_assert_nonnull (live_find (store, WERK_KIND_CHALLENGE, NULL, "Leerstand in der Innenstadt"));

  /* Opened again, the live window carries on with the running item. */
  f->window = werk_live_window_new (f->app, store, WERK_WORKSHOP (workshop));
  gtk_window_present (GTK_WINDOW (f->window));
  live_test_wait (100);
  g_assert_cmpint (_werk_live_window_get_viewed (f->window), ==, 1);
}

static GtkWidget *
focus_of (LiveFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* A measure dictated by the group: its title, then Enter after each answer goes on to the next
 * guiding question, down to the owner, partners and due date. */
static void
test_measure_form_by_enter (LiveFixture *f, gconstpointer data)
{
  GtkWidget *page = _werk_live_window_get_page (f->window, WERK_AGENDA_MEASURES);
  GtkWidget *new_entry = live_find_widget (page, GTK_TYPE_ENTRY, 0);
  const char *answers[] = { "Ziel K1",          "Vereine befragen",     "Vereinsring",
                            "Datenschutz",      "Ehrenamtliche Admins", "Frau Weber",
                            "Vereinsring e. V." };
  const char *keys[] = { "goal_pursued",    "next_steps", "involve", "watch_out",
                         "success_factors", "owner",      "partners" };
  WerkRecord *measure;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_MEASURES));
  live_test_wait (30);
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), new_entry) || focus_of (f) == new_entry);
  gtk_editable_set_text (GTK_EDITABLE (new_entry), "Digitale Vereinsplattform");
  g_signal_emit_by_name (new_entry, "activate");
  live_test_wait (30);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      GtkWidget *row = live_find_widget (page, ADW_TYPE_ENTRY_ROW, i + 1);
      GtkWidget *text = focus_of (f);

      if (!gtk_widget_is_ancestor (text, row))
        g_error ("answer %u: the focus is not in the row of “%s”", i, keys[i]);
      gtk_editable_set_text (GTK_EDITABLE (text), answers[i]);
      g_signal_emit_by_name (text, "activate");
      live_test_wait (20);
    }
  g_assert_true (
      gtk_widget_is_ancestor (focus_of (f), live_find_widget (page, ADW_TYPE_ENTRY_ROW, 8)));
  measure = live_find (f->store, WERK_KIND_MEASURE, NULL, "Digitale Vereinsplattform");
  g_assert_nonnull (measure);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (werk_record_get_string (measure, keys[i]), ==, answers[i]);

  /* The due date, entered with Enter: stored, shown as stored, and the apply button (“not
   * saved yet”) gone, also when the date was written short. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *due_row = live_find_widget (page, ADW_TYPE_ENTRY_ROW, 8);
      GtkWidget *apply = live_find_widget (due_row, GTK_TYPE_BUTTON, 0);
      GtkWidget *text = focus_of (f);

      g_assert_true (gtk_widget_is_ancestor (text, due_row));
      gtk_editable_set_text (GTK_EDITABLE (text), i == 0 ? "31.03.2027" : "1.4.2027");
      g_assert_true (gtk_widget_get_visible (apply));
      g_signal_emit_by_name (text, "activate");
      live_test_wait (20);
      g_assert_cmpstr (werk_record_get_string (measure, "due"), ==,
                       i == 0 ? "2027-03-31" : "2027-04-01");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due_row)), ==,
                       i == 0 ? "31.03.2027" : "01.04.2027");
      g_assert_false (gtk_widget_get_visible (apply));
    }

  /* Ctrl+L from the form: back to the entry for the next measure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "live.focus-entry", NULL));
  live_test_wait (20);
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), new_entry) || focus_of (f) == new_entry);
}

/* Arriving on the next steps, the first measure's owner has the focus with nothing selected:
 * the first word typed adds to the owner instead of replacing it unseen. */
static void
test_next_steps_keep_owner (LiveFixture *f, gconstpointer data)
{
  GtkWidget *page = _werk_live_window_get_page (f->window, WERK_AGENDA_NEXT_STEPS);
  GtkWidget *text;
  WerkRecord *measure;
  const char *before;
  int start = -1, end = -1;
  GListModel *measures = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkRecord) m = g_list_model_get_item (measures, i);

      g_assert_true (werk_record_set_string (m, "owner", "Hauptamt, Frau Keller", NULL));
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "live.goto", "i",
                              live_agenda_index (f, WERK_AGENDA_NEXT_STEPS));
  live_test_wait (30);
  text = focus_of (f);
  g_assert_nonnull (text);
  g_assert_true (gtk_widget_is_ancestor (text, page));
  measure = werk_live_row_get_record (gtk_widget_get_ancestor (text, GTK_TYPE_LIST_BOX_ROW));
  g_assert_nonnull (measure);
  before = werk_record_get_string (measure, "owner");
  g_assert_cmpstr (before, ==, "Hauptamt, Frau Keller");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, before);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (text)), ==, g_utf8_strlen (before, -1));
}

int
main (int argc, char *argv[])
{
  live_test_init (&argc, &argv);

#define ADD(name, func)                                                           \
  g_test_add ("/live/agenda/" name, LiveFixture, NULL, live_fixture_set_up, func, \
              live_fixture_tear_down)
  ADD ("clock", test_clock);
  ADD ("collect-and-cluster", test_collect_and_cluster);
  ADD ("next-steps-keep-owner", test_next_steps_keep_owner);
  ADD ("run-sheet", test_run_sheet);
  ADD ("file-keeps-everything", test_file_keeps_everything);
  ADD ("measure-form-by-enter", test_measure_form_by_enter);
#undef ADD
  return g_test_run ();
}
