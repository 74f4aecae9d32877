/* test-app.c: the app end to end: fast entry, delete and undo through the toast, the file after.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "werk-measures-page.h"
#include "werk-new-process-window.h"
#include "werk-photos-page.h"
#include "werk-record-actions.h"

static guint
n_items (WerkStore *store, WerkKind kind)
{
  return g_list_model_get_n_items (werk_store_get_list (store, kind, NULL));
}

static void
type_and_enter (GtkWidget *entry, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "entry-activated");
  ui_test_wait (20);
}

/* Type, Enter, next: a measure is added, the entry clears itself and keeps the focus. */
static void
test_fast_entry_delete_undo (UiFixture *f, gconstpointer data)
{
  const char *title = "Ladesäulen am Bürgerhaus";
  guint before = n_items (f->store, WERK_KIND_MEASURE);
  GtkWidget *entry;
  WerkRecord *measure;
  AdwToast *toast;
  g_autofree char *id = NULL;
  g_autoptr (WerkStore) reopened = NULL;
  g_autoptr (GError) error = NULL;
  WerkRecord *again;

  werk_window_show_page (f->window, "measures");
  ui_test_wait (100);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.focus-entry", NULL);
  entry = ui_test_find (GTK_WIDGET (f->window), "measure-entry");
  type_and_enter (entry, title);
  type_and_enter (entry, "Zweite Maßnahme");
  g_assert_cmpuint (n_items (f->store, WERK_KIND_MEASURE), ==, before + 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  measure = ui_test_find_record (f->store, WERK_KIND_MEASURE, NULL, title);
  g_assert_nonnull (measure);
  id = g_strdup (werk_record_get_id (measure));

  /* Deleting offers Undo in a toast; its action brings the measure back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "s", id));
  g_assert_null (werk_store_lookup (f->store, id));
  g_assert_cmpuint (n_items (f->store, WERK_KIND_MEASURE), ==, before + 1);
  toast = werk_window_get_undo_toast (f->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window),
                                                     adw_toast_get_action_name (toast),
                                                     adw_toast_get_action_target_value (toast)));
  ui_test_wait (20);
  again = werk_store_lookup (f->store, id);
  g_assert_nonnull (again);
  g_assert_cmpstr (werk_record_get_string (again, "title"), ==, title);

  /* What counts is the file: another connection sees the measure, restored. */
  reopened = werk_store_open (f->path, &error);
  g_assert_no_error (error);
  again = werk_store_lookup (reopened, id);
  g_assert_nonnull (again);
  g_assert_cmpstr (werk_record_get_string (again, "title"), ==, title);
  g_assert_nonnull (ui_test_find_record (reopened, WERK_KIND_MEASURE, NULL, "Zweite Maßnahme"));
  werk_store_close (reopened);
}

/* Ctrl+Z undoes the newest deletion while its toast is shown. */
static void
test_undo_last (UiFixture *f, gconstpointer data)
{
  g_autoptr (WerkRecord) field =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_FIELD, NULL), 0);
  g_autofree char *id = g_strdup (werk_record_get_id (field));
  guint goals = n_items (f->store, WERK_KIND_GOAL);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-record", "s", id);
  g_assert_null (werk_store_lookup (f->store, id));
  g_assert_cmpuint (n_items (f->store, WERK_KIND_GOAL), <, goals);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-last", NULL));
  g_assert_nonnull (werk_store_lookup (f->store, id));
  g_assert_cmpuint (n_items (f->store, WERK_KIND_GOAL), ==, goals);
}

/* Challenges typed without a field are sorted with Alt+N: the row's action moves them. */
static void
test_challenge_to_field (UiFixture *f, gconstpointer data)
{
  GtkWidget *entry, *row = NULL, *list;
  WerkRecord *challenge;
  g_autoptr (WerkRecord) second =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_FIELD, NULL), 1);

  werk_window_show_page (f->window, "fields");
  ui_test_wait (100);
  entry = ui_test_find (GTK_WIDGET (f->window), "challenge-entry");
  type_and_enter (entry, "Kein Mobilfunk im Ortsteil Au");
  challenge =
      ui_test_find_record (f->store, WERK_KIND_CHALLENGE, NULL, "Kein Mobilfunk im Ortsteil Au");
  g_assert_nonnull (challenge);
  g_assert_null (werk_record_get_string (challenge, "field"));

  list = ui_test_find (GTK_WIDGET (f->window), "loose-challenges");
  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "werk-record") == challenge)
      row = child;
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "row.move-to-field", "i", 2));
  g_assert_cmpstr (werk_record_get_string (challenge, "field"), ==, werk_record_get_id (second));
  ui_test_wait (100);
  /* It left the list of challenges without a field. */
  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    g_assert_true (g_object_get_data (G_OBJECT (child), "werk-record") != challenge);
}

/* The search finds "Bürger" typed as "burger", and the list shows just those measures. */
static void
test_measure_search (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_MEASURES_PAGE);
  GListModel *all = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);
  GListModel *shown;
  GtkWidget *search;
  guint expected = 0;

  werk_window_show_page (f->window, "measures");
  ui_test_wait (100);
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_MEASURES_PAGE);
  g_assert_nonnull (page);
  shown = werk_measures_page_get_model (WERK_MEASURES_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (WerkRecord) m = g_list_model_get_item (all, i);
      expected += werk_record_matches (m, "burger");
    }
  g_assert_cmpuint (expected, >, 0);
  search = ui_test_find_type (page, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "burger");
  ui_test_wait (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  ui_test_wait (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));
}

/* Ctrl+4 from the fields page lands in the entry for a new measure, not in the search: typing
 * goes on as on the page before. */
static void
test_measures_page_focus (UiFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *entry, *focus;

  werk_window_show_page (f->window, "fields");
  ui_test_wait (100);
  gtk_widget_grab_focus (ui_test_find (window, "challenge-entry"));
  ui_test_wait (50);
  g_assert_true (gtk_widget_activate_action (window, "win.show-page", "s", "measures"));
  ui_test_wait (100);
  entry = ui_test_find (window, "measure-entry");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* the search is still one shortcut away */
  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  ui_test_wait (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL);
}

/* A value the store refuses is reported and nothing changes: a guiding goal needs its field. */
static void
test_refused_value (UiFixture *f, gconstpointer data)
{
  GListModel *goals = werk_store_get_list (f->store, WERK_KIND_GOAL, NULL);
  WerkRecord *guiding = NULL;
  g_autofree char *field = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (goals) && !guiding; i++)
    {
      g_autoptr (WerkRecord) goal = g_list_model_get_item (goals, i);
      if (werk_record_get_string (goal, "field"))
        guiding = goal;
    }
  g_assert_nonnull (guiding);
  field = g_strdup (werk_record_get_string (guiding, "field"));
  /* Through a binding the failure arrives as the store's error signal, shown as a toast. */
  g_object_set (guiding, "field", NULL, NULL);
  ui_test_wait (20);
  g_assert_cmpstr (werk_record_get_string (guiding, "field"), ==, field);
}

/* Every edit goes to the file at once: the overview's rows and the vision, read back from disk. */
static void
test_overview_edits (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = ui_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer;
  g_autoptr (WerkStore) reopened = NULL;
  g_autoptr (GError) error = NULL;
  WerkRecord *process;

  g_assert_nonnull (page);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page));
  gtk_text_buffer_set_text (buffer, "Kirchberg bleibt lebenswert – digital und analog.", -1);
  gtk_editable_set_text (
      GTK_EDITABLE (ui_test_find_type (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW)),
      "Digitalstrategie Kirchberg 2031");
  ui_test_wait (20);
  reopened = werk_store_open (f->path, &error);
  g_assert_no_error (error);
  process = WERK_RECORD (werk_store_get_process (reopened));
  g_assert_cmpstr (werk_record_get_string (process, "vision"), ==,
                   "Kirchberg bleibt lebenswert – digital und analog.");
  g_assert_cmpstr (werk_record_get_string (process, "title"), ==,
                   "Digitalstrategie Kirchberg 2031");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Digitalstrategie Kirchberg 2031");
  werk_store_close (reopened);
}

static gboolean
add_many (WerkStore *store, gpointer data, GError **error)
{
  GListModel *fields = werk_store_get_list (store, WERK_KIND_FIELD, NULL);
  guint n_fields = g_list_model_get_n_items (fields);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Maßnahme %u für Bürgerinnen", i);
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i % (n_fields + 1));

      if (!werk_store_add (store, WERK_KIND_MEASURE, NULL, error, "title", title,
                           field ? "field" : NULL, field ? werk_record_get_id (field) : NULL, NULL))
        return FALSE;
    }
  return TRUE;
}

/* 2,000 measures: the list stays grouped by field and consistent while it is searched, while
 * measures change field, and while one is deleted and restored (GTK warns of any double). */
static void
test_many_measures (UiFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GListModel *all = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);
  GListModel *shown;
  GtkWidget *page, *search;
  g_autoptr (WerkRecord) first = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autofree char *previous = NULL;
  gint64 start;

  g_assert_true (werk_store_run (f->store, add_many, NULL, NULL, &error));
  g_assert_no_error (error);
  werk_window_show_page (f->window, "measures");
  ui_test_wait (300);
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_MEASURES_PAGE);
  shown = werk_measures_page_get_model (WERK_MEASURES_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));

  /* Grouped: once a field's measures end, that field does not come back. */
  {
    g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr (WerkRecord) m = g_list_model_get_item (shown, i);
        const char *field = werk_record_get_string (m, "field");
        const char *key = field ? field : "";

        if (g_strcmp0 (key, previous) != 0)
          {
            g_assert_false (g_hash_table_contains (done, key));
            if (previous)
              g_hash_table_add (done, g_strdup (previous));
            g_free (previous);
            previous = g_strdup (key);
          }
      }
  }

  search = ui_test_find_type (page, GTK_TYPE_SEARCH_ENTRY);
  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (search), "massnahme 1");
  ui_test_wait (400);
  g_test_message ("search among 2,000 took %.0f ms including 400 ms of waiting",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1 + 10 + 100 + 1000);

  first = g_list_model_get_item (shown, 0);
  g_assert_true (werk_record_move_to_field (page, first, 0));
  ui_test_wait (100);
  g_assert_true (werk_store_delete (f->store, first, &undo, &error));
  ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1 + 10 + 100 + 1000 - 1);
  g_assert_true (werk_undo_apply (undo, &error));
  ui_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1 + 10 + 100 + 1000);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  ui_test_wait (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));
}

/* Photos arrive in the background; a broken one is named and the good ones are kept. */
static void
test_photo_import (UiFixture *f, gconstpointer data)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autofree char *good = g_build_filename (f->dir, "flipchart.jpg", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "kaputt.jpg", NULL);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GFile) good_file = g_file_new_for_path (good);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkRecord) workshop =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL), 0);
  GListModel *photos = werk_store_get_list (f->store, WERK_KIND_PHOTO, workshop);
  guint before = g_list_model_get_n_items (photos);
  GtkWidget *page;

  gdk_pixbuf_fill (pixbuf, 0xf0e0c0ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, good, "jpeg", &error, NULL));
  g_assert_true (g_file_set_contents (broken, "no picture at all", -1, &error));
  g_list_store_append (files, good_file);
  g_list_store_append (files, broken_file);

  werk_window_show_page (f->window, "photos");
  ui_test_wait (200);
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_PHOTOS_PAGE);
  werk_photos_page_import (WERK_PHOTOS_PAGE (page), G_LIST_MODEL (files));
  for (int i = 0; i < 100 && g_list_model_get_n_items (photos) == before; i++)
    ui_test_wait (50);
  ui_test_wait (300);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, before + 1);
}

/* A new process: its file, its municipality and its first workshop in the chosen format. */
static void
test_new_process (void)
{
  g_autofree char *dir = g_dir_make_tmp ("werk-ui-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Neu.werkstatt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = werk_new_process_create (path, "Digitalstrategie Au", "Au",
                                                         WERK_FORMAT_WORKSHOP_TALK, &error);
  g_autoptr (WerkRecord) workshop = NULL;
  GtkWindow *window;

  g_assert_no_error (error);
  g_assert_cmpstr (
      werk_record_get_string (WERK_RECORD (werk_store_get_process (store)), "municipality"), ==,
      "Au");
  workshop = g_list_model_get_item (werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL), 0);
  g_assert_nonnull (workshop);
  g_assert_cmpstr (werk_record_get_string (workshop, "format"), ==, "workshop_talk");

  window = werk_application_present_store (ui_test_app (), store);
  ui_test_wait (100);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Digitalstrategie Au");
  gtk_window_destroy (window);
  werk_store_close (store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/app/fast-entry-delete-undo", UiFixture, NULL, ui_fixture_set_up,
              test_fast_entry_delete_undo, ui_fixture_tear_down);
  g_test_add ("/app/undo-last", UiFixture, NULL, ui_fixture_set_up, test_undo_last,
              ui_fixture_tear_down);
  g_test_add ("/app/challenge-to-field", UiFixture, NULL, ui_fixture_set_up,
              test_challenge_to_field, ui_fixture_tear_down);
  g_test_add ("/app/measure-search", UiFixture, NULL, ui_fixture_set_up, test_measure_search,
              ui_fixture_tear_down);
  g_test_add ("/app/measures-page-focus", UiFixture, NULL, ui_fixture_set_up,
              test_measures_page_focus, ui_fixture_tear_down);
  g_test_add ("/app/refused-value", UiFixture, NULL, ui_fixture_set_up, test_refused_value,
              ui_fixture_tear_down);
  g_test_add ("/app/overview-edits", UiFixture, NULL, ui_fixture_set_up, test_overview_edits,
              ui_fixture_tear_down);
  g_test_add ("/app/many-measures", UiFixture, NULL, ui_fixture_set_up, test_many_measures,
              ui_fixture_tear_down);
  g_test_add ("/app/photo-import", UiFixture, NULL, ui_fixture_set_up, test_photo_import,
              ui_fixture_tear_down);
  g_test_add_func ("/app/new-process", test_new_process);
  return g_test_run ();
}
