/* live-test-util.c: a workshop to run live in the widget tests, and ways to look at the screen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "live-test-util.h"
#include "werk-widget-test-util.h"
#include "werk-live-util.h"
#include "werk-vote-chart.h"

static GDateTime *test_now;
/* One application for all tests of a process: it stays exported on the bus once registered. */
static GtkApplication *test_app;

static GDateTime *
test_clock (void)
{
  return g_date_time_ref (test_now);
}

void
live_test_clock_set (int hour, int minute, int second)
{
  g_clear_pointer (&test_now, g_date_time_unref);
  test_now = g_date_time_new_local (2026, 4, 28, hour, minute, second);
}

void
live_test_clock_advance (int seconds)
{
  GDateTime *later = g_date_time_add_seconds (test_now, seconds);

  g_date_time_unref (test_now);
  test_now = later;
}

void
live_test_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  live_test_clock_set (15, 50, 0);
  werk_live_set_clock (test_clock);
}

static GtkApplication *
application (void)
{
  g_autoptr (GError) error = NULL;

  if (test_app)
    return test_app;
  test_app = GTK_APPLICATION (
      adw_application_new ("app.werkstatt.WerkstattTest", G_APPLICATION_NON_UNIQUE));
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
  return test_app;
}

static WerkRecord *
add (WerkStore *store, WerkKind kind, WerkRecord *parent, ...)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  WerkRecord *record;
  va_list args;

  va_start (args, parent);
  for (const char *key = va_arg (args, const char *); key; key = va_arg (args, const char *))
    {
      g_ptr_array_add (keys, (char *) key);
      g_ptr_array_add (values, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  record = werk_store_insert (store, kind, parent, -1, (const char *const *) keys->pdata,
                              (const char *const *) values->pdata, &error);
  g_assert_no_error (error);
  return record;
}

static void
fill_workshop (LiveFixture *f)
{
  WerkStore *s = f->store;
  WerkRecord *w;
  const char *id;
  static const char *const agenda[][4] = {
    { "Begrüßung und Impulse", "impulse", "30", "Dr. Anna Schmidt" },
    { "Herausforderungen sammeln", "collect", "30", "" },
    { "Clustern in Handlungsfelder", "cluster", "20", "" },
    { "Kaffeepause", "break", "15", "" },
    { "Ziele formulieren", "goals", "25", "" },
    { "Maßnahmen ausarbeiten", "measures", "30", "" },
    { "Punktabfrage", "voting", "15", "" },
    { "Nächste Schritte", "next_steps", "15", "" },
  };
  static const char *const fields[] = { "Verwaltung & Bürgerservice", "Bildung", "Mobilität",
                                        "Smarte Umwelt" };
  static const char *const challenges[] = { "Zu wenig Breitband im Außenbereich",
                                            "Bürgerdienste nur vor Ort",
                                            "Busse fahren abends kaum" };
  static const char *const measures[] = { "Stadt-App", "Digitale Bürgerdienste",
                                          "Mitfahrbank mit App", "WLAN in Schulen",
                                          "Sensoren für Parkplätze" };
  static const char *const people[] = { "Petra Lang", "Jonas Weber", "Aylin Demir" };

  w = add (s, WERK_KIND_WORKSHOP, NULL, "format", "workshop_talk", "title",
           "Werkstattgespräch Smart City", "date", "2026-04-28", "start", "16:00", "end", "19:00",
           "location", "Rathaus Musterstadt, Ratssaal", NULL);
  f->workshop = WERK_WORKSHOP (w);
  id = werk_record_get_id (w);
  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    add (s, WERK_KIND_AGENDA_ITEM, w, "title", agenda[i][0], "kind", agenda[i][1], "minutes",
         agenda[i][2], "speaker", agenda[i][3], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add (s, WERK_KIND_FIELD, NULL, "title", fields[i], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (challenges); i++)
    add (s, WERK_KIND_CHALLENGE, NULL, "text", challenges[i], "workshop", id, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    add (s, WERK_KIND_MEASURE, NULL, "title", measures[i], "status", "idea", "workshop", id, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    add (s, WERK_KIND_PARTICIPANT, w, "name", people[i], NULL);
}

void
live_fixture_set_up (LiveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  live_test_clock_set (15, 50, 0);
  f->dir = g_dir_make_tmp ("werk-live-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "live.werkstatt", NULL);
  f->store = werk_store_create (f->path, "Digitalisierungsstrategie Musterstadt", &error);
  g_assert_no_error (error);
  fill_workshop (f);

  f->app = application ();
  f->window = werk_live_window_new (f->app, f->store, f->workshop);
  gtk_window_present (GTK_WINDOW (f->window));
  live_test_wait (300);
}

void
live_fixture_tear_down (LiveFixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  live_test_wait (50);
  if (f->store)
    werk_store_close (f->store);
  g_clear_object (&f->store);
  g_remove (wal);
  g_remove (shm);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

WerkStore *
live_fixture_reopen (LiveFixture *f)
{
  g_autoptr (GError) error = NULL;
  WerkStore *store;

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  live_test_wait (50);
  werk_store_close (f->store);
  g_clear_object (&f->store);
  store = werk_store_open (f->path, &error);
  g_assert_no_error (error);
  f->store = store;
  return store;
}

WerkRecord *
live_find (WerkStore *store, WerkKind kind, WerkRecord *parent, const char *label)
{
  GListModel *list = werk_store_get_list (store, kind, parent);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (list, i);
      if (g_strcmp0 (werk_record_get_label (record), label) == 0)
        return record;
    }
  return NULL;
}

int
live_agenda_index (LiveFixture *f, WerkAgendaKind kind)
{
  WerkAgenda *agenda = _werk_live_window_get_agenda (f->window);

  for (guint i = 0; i < werk_agenda_get_n_items (agenda); i++)
    if (werk_record_get_int (WERK_RECORD (werk_agenda_get_item (agenda, i)), "kind") == kind)
      return i;
  return -1;
}

void
live_test_wait (guint ms)
{
  werk_widget_test_wait (ms);
}

static void
vote_chart_text (GtkWidget *widget, GString *text)
{
  if (WERK_IS_VOTE_CHART (widget))
    {
      g_autofree char *summary = werk_vote_chart_dup_summary (WERK_VOTE_CHART (widget));
      g_string_append (text, summary);
    }
}

char *
live_collect_labels (GtkWidget *widget)
{
  return werk_widget_test_collect_labels (widget, vote_chart_text);
}

char *
live_save_png (GtkWidget *widget, const char *name)
{
  return werk_widget_test_save_png (widget, name);
}

GtkWidget *
live_find_widget (GtkWidget *root, GType type, guint nth)
{
  return werk_widget_test_find (root, type, nth);
}

gboolean
live_send_key (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  return werk_widget_test_send_key (widget, keyval, state);
}
