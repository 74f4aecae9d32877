/* test-agenda.c: the agenda's time rules: planned and expected times, the clock, with fixed times.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "werk-agenda.h"
#include "werk-core.h"

typedef struct
{
  char *dir;
  char *path;
  WerkStore *store;
  WerkWorkshop *workshop;
  WerkAgenda *agenda;
} Fixture;

static const struct
{
  const char *title, *kind, *minutes;
} agenda_items[] = {
  { "Impulse", "impulse", "30" },            /* 16:00–16:30 */
  { "Herausforderungen", "collect", "45" },  /* 16:30–17:15 */
  { "Pause", "break", "15" },                /* 17:15–17:30 */
  { "Punktabfrage", "voting", "20" },        /* 17:30–17:50 */
  { "Nächste Schritte", "next_steps", "10" } /* 17:50–18:00 */
};

static GDateTime *
at (int h, int m, int s)
{
  return g_date_time_new_local (2026, 4, 28, h, m, s);
}

static void
assert_time (GDateTime *time, int h, int m, int s)
{
  g_autofree char *text = NULL;
  g_autofree char *want = g_strdup_printf ("2026-04-28 %02d:%02d:%02d", h, m, s);

  g_assert_nonnull (time);
  text = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  g_assert_cmpstr (text, ==, want);
  g_date_time_unref (time);
}

static const char *
recorded (Fixture *f, guint index, const char *key)
{
  return werk_record_get_string (WERK_RECORD (werk_agenda_get_item (f->agenda, index)), key);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("werk-agenda-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.werkstatt", NULL);
  f->store = werk_store_create (f->path, "Digitalisierungsstrategie Musterstadt", &error);
  g_assert_no_error (error);
  f->workshop = WERK_WORKSHOP (werk_store_add (
      f->store, WERK_KIND_WORKSHOP, NULL, &error, "format", "workshop_talk", "title",
      "Werkstattgespräch", "date", "2026-04-28", "start", "16:00", "end", "18:00", NULL));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (agenda_items); i++)
    {
      werk_store_add (f->store, WERK_KIND_AGENDA_ITEM, WERK_RECORD (f->workshop), &error, "title",
                      agenda_items[i].title, "kind", agenda_items[i].kind, "minutes",
                      agenda_items[i].minutes, NULL);
      g_assert_no_error (error);
    }
  f->agenda = werk_agenda_new (f->workshop);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->agenda);
  if (f->store)
    werk_store_close (f->store);
  g_clear_object (&f->store);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_remove (wal);
  g_remove (shm);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
start_at (Fixture *f, guint index, int h, int m, int s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (h, m, s);

  g_assert_true (werk_agenda_start (f->agenda, index, now, &error));
  g_assert_no_error (error);
}

static void
advance_at (Fixture *f, int h, int m, int s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (h, m, s);

  g_assert_true (werk_agenda_advance (f->agenda, now, &error));
  g_assert_no_error (error);
}

static void
assert_finish (Fixture *f, int now_h, int now_m, int now_s, int h, int m, int s)
{
  g_autoptr (GDateTime) now = at (now_h, now_m, now_s);

  assert_time (werk_agenda_get_expected_finish (f->agenda, now), h, m, s);
}

static void
test_planned (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (werk_agenda_get_n_items (f->agenda), ==, 5);
  assert_time (werk_agenda_get_planned_start (f->agenda, 0), 16, 0, 0);
  assert_time (werk_agenda_get_planned_start (f->agenda, 1), 16, 30, 0);
  assert_time (werk_agenda_get_planned_end (f->agenda, 1), 17, 15, 0);
  assert_time (werk_agenda_get_planned_start (f->agenda, 4), 17, 50, 0);
  assert_time (werk_agenda_get_planned_finish (f->agenda), 18, 0, 0);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, -1);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_PENDING);

  /* Changing the plan moves every planned time after it. */
  g_assert_true (werk_agenda_add_minutes (f->agenda, 1, 5, &error));
  g_assert_no_error (error);
  assert_time (werk_agenda_get_planned_start (f->agenda, 2), 17, 20, 0);
  assert_time (werk_agenda_get_planned_finish (f->agenda), 18, 5, 0);
  g_assert_true (werk_agenda_add_minutes (f->agenda, 1, -60, &error));
  g_assert_cmpint (
      werk_record_get_int (WERK_RECORD (werk_agenda_get_item (f->agenda, 1)), "minutes"), ==, 0);

  /* Without a start time there is no plan to show. */
  g_assert_true (werk_record_set_string (WERK_RECORD (f->workshop), "start", NULL, &error));
  g_assert_null (werk_agenda_get_planned_start (f->agenda, 0));
  g_assert_null (werk_agenda_get_planned_finish (f->agenda));
}

static void
test_expected_before_start (Fixture *f, gconstpointer data)
{
  /* Before the workshop, the plan is what is expected. */
  assert_finish (f, 15, 0, 0, 18, 0, 0);
  /* Ten minutes late and nothing started: everything moves by ten minutes. */
  assert_finish (f, 16, 10, 0, 18, 10, 0);
  {
    g_autoptr (GDateTime) now = at (16, 10, 0);
    assert_time (werk_agenda_get_expected_start (f->agenda, 3, now), 17, 40, 0);
  }
}

static void
test_expected_on_another_day (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) day_before = g_date_time_new_local (2026, 4, 27, 18, 0, 0);
  g_autoptr (GDateTime) weeks_later = g_date_time_new_local (2026, 5, 20, 9, 0, 0);

  /* Preparing the evening before, or looking back later: the plan. */
  assert_time (werk_agenda_get_expected_finish (f->agenda, day_before), 18, 0, 0);
  assert_time (werk_agenda_get_expected_finish (f->agenda, weeks_later), 18, 0, 0);
  assert_time (werk_agenda_get_expected_start (f->agenda, 2, weeks_later), 17, 15, 0);
}

static void
test_moved_workshop (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 4, 30, 16, 5, 0);
  g_autoptr (GDateTime) later = g_date_time_new_local (2026, 4, 30, 16, 20, 0);
  g_autoptr (GDateTime) planned = NULL;
  g_autoptr (GDateTime) finish = NULL;

  /* Run two days after its date: the plan moves to the day it ran, five minutes late. */
  g_assert_true (werk_agenda_start (f->agenda, 0, start, &error));
  planned = werk_agenda_get_planned_start (f->agenda, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (planned), ==, 30);
  finish = werk_agenda_get_expected_finish (f->agenda, later);
  g_assert_cmpint (g_date_time_get_day_of_month (finish), ==, 30);
  g_assert_cmpint (g_date_time_get_hour (finish), ==, 18);
  g_assert_cmpint (g_date_time_get_minute (finish), ==, 5);
}

static void
test_running_and_overrun (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) on_time = at (16, 20, 0);
  g_autoptr (GDateTime) over = at (16, 33, 12);
  g_autofree char *clock = NULL;

  start_at (f, 0, 16, 0, 0);
  g_assert_cmpstr (recorded (f, 0, "actual_start"), ==, "2026-04-28T16:00:00");
  g_assert_null (recorded (f, 0, "actual_end"));
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 0);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_RUNNING);

  g_assert_cmpint (werk_agenda_get_elapsed (f->agenda, 0, on_time), ==, 20 * 60);
  g_assert_cmpint (werk_agenda_get_remaining (f->agenda, 0, on_time), ==, 10 * 60);
  g_assert_cmpint (werk_agenda_get_overrun (f->agenda, 0, on_time), ==, 0);
  assert_finish (f, 16, 20, 0, 18, 0, 0);

  /* Running over pushes every item after it. */
  g_assert_cmpint (werk_agenda_get_overrun (f->agenda, 0, over), ==, 192);
  g_assert_cmpint (werk_agenda_get_remaining (f->agenda, 0, over), ==, -192);
  clock = werk_agenda_format_duration (werk_agenda_get_overrun (f->agenda, 0, over));
  g_assert_cmpstr (clock, ==, "3:12");
  assert_time (werk_agenda_get_expected_end (f->agenda, 0, over), 16, 33, 12);
  assert_time (werk_agenda_get_expected_start (f->agenda, 1, over), 16, 33, 12);
  assert_finish (f, 16, 33, 12, 18, 3, 12);
  /* The plan itself stays. */
  assert_time (werk_agenda_get_planned_finish (f->agenda), 18, 0, 0);
}

static void
test_advance (Fixture *f, gconstpointer data)
{
  start_at (f, 0, 16, 0, 0);
  advance_at (f, 16, 35, 0);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:35:00");
  g_assert_cmpstr (recorded (f, 1, "actual_start"), ==, "2026-04-28T16:35:00");
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_DONE);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 1), ==, WERK_AGENDA_ITEM_RUNNING);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 1);
  assert_finish (f, 16, 40, 0, 18, 5, 0);

  /* Finishing early gives the time back. */
  advance_at (f, 17, 0, 0);
  assert_finish (f, 17, 1, 0, 17, 45, 0);
  {
    g_autoptr (GDateTime) now = at (17, 1, 0);
    g_assert_cmpint (werk_agenda_get_elapsed (f->agenda, 1, now), ==, 25 * 60);
    g_assert_cmpint (werk_agenda_get_overrun (f->agenda, 1, now), ==, 0);
  }

  /* Through to the end: the last step only finishes. */
  advance_at (f, 17, 15, 0);
  advance_at (f, 17, 35, 0);
  advance_at (f, 17, 45, 0);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 4);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 4), ==, WERK_AGENDA_ITEM_DONE);
  g_assert_cmpstr (recorded (f, 4, "actual_end"), ==, "2026-04-28T17:45:00");
  assert_finish (f, 19, 0, 0, 17, 45, 0);
}

static void
test_pause_resume (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) pause = at (16, 5, 0);
  g_autoptr (GDateTime) later = at (16, 10, 0);
  g_autoptr (GDateTime) resumed = at (16, 20, 0);

  start_at (f, 0, 16, 0, 0);
  g_assert_true (werk_agenda_pause (f->agenda, pause, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:05:00");
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_PAUSED);
  g_assert_cmpint (werk_agenda_get_elapsed (f->agenda, 0, later), ==, 5 * 60);
  /* A paused item still needs its remaining 25 minutes, from now on. */
  assert_time (werk_agenda_get_expected_end (f->agenda, 0, later), 16, 35, 0);
  assert_finish (f, 16, 10, 0, 18, 5, 0);

  /* Resuming keeps the five minutes already spent. */
  start_at (f, 0, 16, 20, 0);
  g_assert_cmpstr (recorded (f, 0, "actual_start"), ==, "2026-04-28T16:15:00");
  g_assert_null (recorded (f, 0, "actual_end"));
  g_assert_cmpint (werk_agenda_get_elapsed (f->agenda, 0, resumed), ==, 5 * 60);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_RUNNING);

  /* Finishing a paused item keeps the time it had. */
  g_assert_true (werk_agenda_pause (f->agenda, resumed, &error));
  g_assert_true (werk_agenda_finish (f->agenda, later, &error));
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_DONE);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:20:00");
}

static void
test_skip_and_go_back (Fixture *f, gconstpointer data)
{
  start_at (f, 0, 16, 0, 0);
  /* Jumping ahead skips item 1; skipped items take no time. */
  start_at (f, 2, 16, 30, 0);
  g_assert_cmpstr (recorded (f, 0, "actual_end"), ==, "2026-04-28T16:30:00");
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_DONE);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 1), ==, WERK_AGENDA_ITEM_SKIPPED);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 2), ==, WERK_AGENDA_ITEM_RUNNING);
  assert_finish (f, 16, 30, 0, 17, 15, 0);
  {
    g_autoptr (GDateTime) now = at (16, 30, 0);
    g_assert_null (werk_agenda_get_expected_start (f->agenda, 1, now));
  }

  /* Going back to the impulse resumes it; the next step carries on after the break. */
  start_at (f, 0, 16, 40, 0);
  g_assert_cmpstr (recorded (f, 0, "actual_start"), ==, "2026-04-28T16:10:00");
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 2), ==, WERK_AGENDA_ITEM_DONE);
  advance_at (f, 16, 45, 0);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 1);
  advance_at (f, 17, 0, 0);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 3);
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) pause = at (16, 50, 0);
  g_autoptr (WerkAgenda) again = NULL;
  WerkRecord *workshop;

  start_at (f, 0, 16, 0, 0);
  advance_at (f, 16, 30, 0);
  g_assert_true (werk_agenda_pause (f->agenda, pause, &error));

  /* After a crash the file tells where the workshop was: item 1, paused. */
  g_clear_object (&f->agenda);
  werk_store_close (f->store);
  g_clear_object (&f->store);
  f->store = werk_store_open (f->path, &error);
  g_assert_no_error (error);
  workshop = g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL), 0);
  f->workshop = WERK_WORKSHOP (workshop);
  g_object_unref (workshop);
  f->agenda = werk_agenda_new (f->workshop);
  g_assert_cmpint (werk_agenda_get_current (f->agenda), ==, 1);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 0), ==, WERK_AGENDA_ITEM_DONE);
  g_assert_cmpint (werk_agenda_get_state (f->agenda, 1), ==, WERK_AGENDA_ITEM_PAUSED);
  assert_finish (f, 17, 0, 0, 18, 10, 0);

  start_at (f, 1, 17, 0, 0);
  again = werk_agenda_new (f->workshop);
  g_assert_cmpint (werk_agenda_get_current (again), ==, 1);
  g_assert_cmpint (werk_agenda_get_state (again, 1), ==, WERK_AGENDA_ITEM_RUNNING);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (f->agenda, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (werk_agenda_add_minutes (f->agenda, 0, 5, &error));
  g_assert_cmpuint (changed, >, 0);
  changed = 0;
  werk_store_add (f->store, WERK_KIND_AGENDA_ITEM, WERK_RECORD (f->workshop), &error, "title",
                  "Abschluss", "minutes", "5", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (werk_agenda_get_n_items (f->agenda), ==, 6);
  assert_time (werk_agenda_get_planned_finish (f->agenda), 18, 10, 0);
}

static void
test_format (void)
{
  const struct
  {
    gint64 seconds;
    const char *text;
  } cases[] = {
    { 0, "0:00" },        { 59, "0:59" },      { 192, "3:12" },
    { 20 * 60, "20:00" }, { 3725, "1:02:05" }, { -192, "−3:12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = werk_agenda_format_duration (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_assert_null (werk_agenda_parse_datetime ("16:00"));
  g_assert_null (werk_agenda_parse_datetime (NULL));
  assert_time (werk_agenda_parse_datetime ("2026-04-28T16:05:09"), 16, 5, 9);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/agenda/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("planned", test_planned);
  ADD ("expected-before-start", test_expected_before_start);
  ADD ("expected-on-another-day", test_expected_on_another_day);
  ADD ("moved-workshop", test_moved_workshop);
  ADD ("running-and-overrun", test_running_and_overrun);
  ADD ("advance", test_advance);
  ADD ("pause-resume", test_pause_resume);
  ADD ("skip-and-go-back", test_skip_and_go_back);
  ADD ("reopen", test_reopen);
  ADD ("changed-signal", test_changed_signal);
#undef ADD
  g_test_add_func ("/agenda/format", test_format);

  return g_test_run ();
}
