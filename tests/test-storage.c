/* test-storage.c: the file on disk: refusals that leave it untouched, "Save a copy", edits
 * committed at once, photos kept inside.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "werk-private.h"
#include "werk-test-images.c"
#include "werk-test-util.c"

/* A file with enough in it to span many pages: measures with long texts and two photos. */
static char *
make_full_file (const char *dir, const char *name)
{
  g_autoptr (WerkStore) store = werk_test_store_new (dir, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (800, 600);
  g_autoptr (GBytes) small = werk_test_make_jpeg (120, 90);
  WerkRecord *workshop;
  char *path = g_strdup (werk_store_get_path (store));

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "strategy_starter",
                             "title", "Strategiestarter", "date", "2026-07-02", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Maßnahme %u: Bürger-App für den Ortsteil", i);
      g_autofree char *text = g_strnfill (300 + i % 200, 'a' + i % 26);
      werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", title, "description", text,
                      "owner", "Hauptamt", NULL);
      g_assert_no_error (error);
    }
  werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "flipchart-1.jpg", &error);
  werk_store_add_photo (store, WERK_WORKSHOP (workshop), small, "flipchart-2.jpg", &error);
  g_assert_no_error (error);
  werk_store_close (store);
  return path;
}

/* Every file in a folder with its checksum: what "left as it was" means, leftovers included. */
static char *
snapshot (const char *dir)
{
  g_autofree char *names = werk_test_list_dir (dir);
  g_auto (GStrv) list = g_strsplit (names, "\n", -1);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; list[i] && *list[i]; i++)
    {
      g_autofree char *path = g_build_filename (dir, list[i], NULL);
      g_autofree char *sum = werk_test_checksum (path);
      g_string_append_printf (s, "%s %s\n", list[i], sum);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
cut_at_half (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  werk_test_write_file (path, data, length / 2);
}

static void
cut_to_first_page (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  werk_test_write_file (path, data, 4096);
}

/* Overwrites the middle half of a page full of measures, as a bad sector or a broken copy would. */
static void
scribble_on_page (const char *path)
{
  gint64 page_size = werk_test_sql_int (path, "PRAGMA page_size");
  gint64 page = werk_test_sql_int (path, "SELECT pageno FROM dbstat WHERE name = 'measure' "
                                         "AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 5");
  g_autofree char *data = NULL;
  gsize length;
  gsize offset = (page - 1) * page_size + page_size / 4;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (offset + page_size / 2, <=, length);
  memset (data + offset, 0xa5, page_size / 2);
  werk_test_write_file (path, data, length);
}

static void
make_empty (const char *path)
{
  werk_test_write_file (path, "", 0);
}

static void
make_text (const char *path)
{
  werk_test_write_file (path,
                        "Fotoprotokoll Werkstattgespräch Smart City\n"
                        "Teilnehmende: 46\nErgebnisse: siehe Anhang\n",
                        -1);
}

static void
make_foreign (const char *path, int application_id)
{
  g_autofree char *sql =
      g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2;"
                       "CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO kunden (name) VALUES ('Stadtwerke'), ('Bäckerei Kuhn');",
                       application_id);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_other_app (const char *path)
{
  make_foreign (path, 0);
}

static void
make_geopackage (const char *path)
{
  make_foreign (path, 0x47504b47); /* "GPKG" */
}

static void
make_newer (const char *path)
{
  werk_test_sql_exec (path, "PRAGMA user_version = 99");
}

typedef struct
{
  const char *name;
  gboolean from_full_file; /* start from a real .werkstatt file */
  void (*damage) (const char *path);
  int code;
  const char *says; /* part of the message, in words a user knows */
} Refusal;

static const Refusal refusals[] = {
  { "truncated", TRUE, cut_at_half, WERK_ERROR_CORRUPT, "damaged" },
  { "first-page-only", TRUE, cut_to_first_page, WERK_ERROR_CORRUPT, "damaged" },
  { "corrupted", TRUE, scribble_on_page, WERK_ERROR_CORRUPT, "damaged" },
  { "empty", FALSE, make_empty, WERK_ERROR_NOT_WERKSTATT, "not a Werkstatt file" },
  { "text", FALSE, make_text, WERK_ERROR_NOT_WERKSTATT, "not a Werkstatt file" },
  { "other-application", FALSE, make_other_app, WERK_ERROR_NOT_WERKSTATT, "another application" },
  { "geopackage", FALSE, make_geopackage, WERK_ERROR_NOT_WERKSTATT, "another application" },
  { "newer", TRUE, make_newer, WERK_ERROR_TOO_NEW, "newer version of Werkstatt" },
};

static void
test_refusal (gconstpointer data)
{
  const Refusal *r = data;
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Strategie Musterstadt.werkstatt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *lower = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (r->from_full_file)
    g_free (make_full_file (dir, "Strategie Musterstadt.werkstatt"));
  r->damage (path);
  before = snapshot (dir);

  store = werk_store_open (path, &error);
  g_assert_null (store);
  werk_test_assert_error_contains (error, r->code, r->says);
  /* The user learns which file, in words without SQLite in them. */
  werk_test_assert_error_contains (error, r->code, "Strategie Musterstadt.werkstatt");
  lower = g_ascii_strdown (error->message, -1);
  g_assert_null (strstr (lower, "sqlite"));
  g_assert_null (strstr (lower, "malformed"));

  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  /* Asking again gives the same answer: the first attempt changed nothing. */
  g_clear_error (&error);
  g_assert_null (werk_store_open (path, &error));
  g_assert_error (error, WERK_ERROR, r->code);
  g_clear_pointer (&after, g_free);
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  werk_test_rmtree (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "weg.werkstatt", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_null (werk_store_open (path, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_FAILED, "weg.werkstatt");
  listing = werk_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  werk_test_rmtree (dir);
}

/* Every row of every table, blobs included, as one checksum. */
static char *
content_checksum (const char *path)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows = NULL;

      g_checksum_update (sum, (const guchar *) name, -1);
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        {
          /* WITHOUT ROWID tables: their primary key orders them. */
          g_free (sql);
          sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
        }
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            guchar type = sqlite3_column_type (rows, c);
            const void *blob = sqlite3_column_blob (rows, c);
            g_checksum_update (sum, &type, 1);
            if (blob)
              g_checksum_update (sum, blob, sqlite3_column_bytes (rows, c));
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_save_copy (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = make_full_file (dir, "original.werkstatt");
  g_autofree char *copy = g_build_filename (dir, "Kopie.werkstatt", NULL);
  g_autofree char *taken = g_build_filename (dir, "vergeben.werkstatt", NULL);
  g_autofree char *taken_before = NULL;
  g_autofree char *taken_after = NULL;
  g_autofree char *original_content = NULL;
  g_autofree char *copy_content = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *mode = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = werk_store_open (path, &error);
  g_autoptr (WerkStore) copied = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GListModel *measures;

  g_assert_no_error (error);
  /* Edits still in the journal belong in the copy too. */
  measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  g_assert_true (
      werk_record_set_string (werk_test_item (measures, 7), "owner", "Frau Keller", &error));
  g_assert_true (werk_store_move (store, werk_test_item (measures, 0), 5, &error));
  g_assert_no_error (error);

  g_assert_true (werk_store_save_copy (store, copy, &error));
  g_assert_no_error (error);
  original_content = content_checksum (path);
  copy_content = content_checksum (copy);
  g_assert_cmpstr (copy_content, ==, original_content);
  g_assert_cmpint (werk_test_sql_int (copy, "PRAGMA application_id"), ==, WERK_APPLICATION_ID);
  g_assert_cmpint (werk_test_sql_int (copy, "PRAGMA user_version"), ==, WERK_SCHEMA_VERSION);
  mode = werk_test_sql_text (copy, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  copied = werk_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (werk_store_check (copied, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  measures = werk_store_get_list (copied, WERK_KIND_MEASURE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 300);
  g_assert_cmpstr (werk_record_get_string (werk_test_item (measures, 7), "owner"), ==,
                   "Frau Keller");
  g_assert_true (
      g_str_has_prefix (werk_record_get_label (werk_test_item (measures, 5)), "Maßnahme 0:"));
  /* The copy is a file of its own: changing it leaves the original alone. */
  g_assert_true (
      werk_record_set_string (werk_test_item (measures, 0), "title", "Nur in der Kopie", &error));
  g_assert_no_error (error);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM measure "
                                            "WHERE title = 'Nur in der Kopie'"),
                   ==, 0);

  /* It never overwrites. */
  werk_test_write_file (taken, "schon da", -1);
  taken_before = werk_test_checksum (taken);
  g_assert_false (werk_store_save_copy (store, taken, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_EXISTS, "vergeben.werkstatt");
  g_clear_error (&error);
  g_assert_false (werk_store_save_copy (store, copy, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_EXISTS);
  g_clear_error (&error);
  taken_after = werk_test_checksum (taken);
  g_assert_cmpstr (taken_after, ==, taken_before);

  werk_store_close (copied);
  werk_store_close (store);
  listing = werk_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "Kopie.werkstatt\noriginal.werkstatt\nvergeben.werkstatt");
  werk_test_rmtree (dir);
}

static void
test_create_refuses (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = make_full_file (dir, "da.werkstatt");
  g_autofree char *before = snapshot (dir);
  g_autofree char *after = NULL;
  g_autofree char *empty = g_build_filename (dir, "leer.werkstatt", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (werk_store_create (path, "Neu", &error));
  werk_test_assert_error_contains (error, WERK_ERROR_EXISTS, "da.werkstatt");
  g_clear_error (&error);
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  /* Even an empty file is somebody's. */
  make_empty (empty);
  g_assert_null (werk_store_create (empty, "Neu", &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_EXISTS);
  {
    g_autofree char *data = NULL;
    gsize length = 1;
    g_assert_true (g_file_get_contents (empty, &data, &length, NULL));
    g_assert_cmpuint (length, ==, 0);
  }
  werk_test_rmtree (dir);
}

/* Each edit is in the file the moment the call returns: another connection sees it. */
static void
test_committed_at_once (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "sofort.werkstatt");
  const char *path = werk_store_get_path (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (320, 240);
  g_autofree char *text = NULL;
  sqlite3 *db = _werk_store_db (store);
  WerkRecord *workshop, *a, *b;

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Werkstatt", NULL);
  a = werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Rufbus", NULL);
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM measure"), ==, 1);

  g_assert_true (werk_record_set_string (a, "next_steps", "Fahrplan abstimmen", &error));
  g_assert_true (sqlite3_get_autocommit (db));
  text = werk_test_sql_text (path, "SELECT next_steps FROM measure");
  g_assert_cmpstr (text, ==, "Fahrplan abstimmen");
  g_clear_pointer (&text, g_free);

  g_object_set (a, "owner", "Ordnungsamt", NULL);
  text = werk_test_sql_text (path, "SELECT owner FROM measure");
  g_assert_cmpstr (text, ==, "Ordnungsamt");
  g_clear_pointer (&text, g_free);

  b = werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Stadt-App", NULL);
  g_assert_true (werk_store_move (store, b, 0, &error));
  g_assert_no_error (error);
  text = werk_test_sql_text (path, "SELECT group_concat(title, '|') FROM "
                                   "(SELECT title FROM measure ORDER BY position)");
  g_assert_cmpstr (text, ==, "Stadt-App|Rufbus");
  g_clear_pointer (&text, g_free);

  g_assert_nonnull (
      werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "tafel.jpg", &error));
  g_assert_no_error (error);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT length(data) FROM photo"), ==,
                   g_bytes_get_size (jpeg));

  g_assert_true (werk_store_delete (store, a, NULL, &error));
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM measure"), ==, 1);

  werk_store_close (store);
  werk_test_rmtree (dir);
}

static int
set_max_pages (sqlite3 *db, const char *count)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %s", count);
  sqlite3_stmt *stmt = NULL;
  int pages;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return pages;
}

/* A copy of the .werkstatt file alone, made while the app has it open (to a USB stick), holds
 * every edit once the burst of edits is a second old: the WAL is checkpointed into the file. */
static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gint64
measures_in_copy (const char *path, const char *dir)
{
  g_autofree char *copy = g_build_filename (dir, "kopie.werkstatt", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  gint64 n;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_true (g_file_set_contents (copy, data, length, &error));
  /* a new file's very tables may still be in the WAL */
  n = werk_test_sql_int (copy, "SELECT count(*) FROM sqlite_schema WHERE name = 'measure'");
  if (n == 1)
    n = werk_test_sql_int (copy, "SELECT count(*) FROM measure WHERE title = 'Rufbus per App'");
  werk_test_remove_db (copy);
  return n;
}

static void
test_copy_while_open (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "offen.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (store));
  g_autoptr (GError) error = NULL;
  gboolean waited = FALSE;

  g_assert_nonnull (
      werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Rufbus per App", NULL));
  g_assert_no_error (error);
  /* at first the edit is in the WAL only, as SQLite leaves it */
  g_assert_cmpint (measures_in_copy (path, dir), ==, 0);

  g_timeout_add (1500, quit_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (measures_in_copy (path, dir), ==, 1);

  werk_store_close (store);
  werk_test_rmtree (dir);
}

/* A full disk (here: the file may not grow, which SQLite reports as the disk being full)
 * refuses the edit with a message the user can act on, and leaves the file and the records
 * as they were; once there is room again, the same edit goes through. */
static void
test_disk_full (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "voll.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (store));
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (1600, 1200);
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  sqlite3 *db = _werk_store_db (store);
  WerkRecord *workshop, *measure;

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Werkstatt", NULL);
  measure = werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Rufbus", NULL);
  g_assert_no_error (error);
  while (long_text->len < 256 * 1024)
    g_string_append (long_text, "Haltestellen in allen Ortsteilen, auf Bestellung per App. ");
  g_assert_cmpint (set_max_pages (db, "1"), >, 1);

  g_assert_null (werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Stadt-App",
                                 "description", long_text->str, NULL));
  werk_test_assert_error_contains (error, WERK_ERROR_FAILED, "disk is full");
  g_clear_error (&error);
  g_assert_false (werk_record_set_string (measure, "description", long_text->str, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_FAILED, "disk is full");
  g_clear_error (&error);
  g_assert_null (werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "tafel.jpg", &error));
  werk_test_assert_error_contains (error, WERK_ERROR_FAILED, "disk is full");
  g_clear_error (&error);
  /* What the user sees is what the file holds. */
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);
  g_assert_cmpstr (werk_record_get_string (measure, "description"), ==, "");
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM measure"), ==, 1);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM photo"), ==, 0);

  set_max_pages (db, "1073741823");
  g_assert_true (werk_record_set_string (measure, "description", long_text->str, &error));
  g_assert_no_error (error);
  g_assert_nonnull (
      werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "tafel.jpg", &error));
  g_assert_no_error (error);
  werk_store_close (store);
  g_clear_object (&store);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT length(description) FROM measure"), ==,
                   (gint64) long_text->len);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM photo"), ==, 1);
  werk_test_rmtree (dir);
}

/* A file still open in one window opens in another (or in werkstatt-cli) as it is. */
static void
test_open_while_open (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "offen.werkstatt");
  g_autoptr (WerkStore) second = NULL;
  g_autoptr (GError) error = NULL;
  WerkRecord *measure;

  measure = werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Rufbus", NULL);
  g_assert_no_error (error);
  /* Before any checkpoint: the file type must be in the main file, not only in its journal. */
  second = werk_store_open (werk_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_nonnull (werk_store_lookup (second, werk_record_get_id (measure)));
  werk_store_close (second);
  werk_store_close (store);
  werk_test_rmtree (dir);
}

/* An export opens a snapshot on its own thread while the window goes on editing: the document
 * shows the file as it was when the export began, photos included, and can't change it. */
static void
test_open_snapshot (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "export.werkstatt");
  g_autoptr (WerkStore) snapshot = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (320, 240);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  WerkRecord *workshop, *measure, *photo, *seen;

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Werkstattgespräch", NULL);
  measure = werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Rufbus", NULL);
  photo =
      WERK_RECORD (werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "a.jpg", &error));
  g_assert_no_error (error);

  snapshot = werk_store_open_snapshot (werk_store_get_path (store), &error);
  g_assert_no_error (error);
  seen = werk_store_lookup (snapshot, werk_record_get_id (photo));
  g_assert_true (WERK_IS_PHOTO (seen));
  g_assert_nonnull (werk_store_lookup (snapshot, werk_record_get_id (measure)));

  /* The photo's bytes are read late, after the window has deleted it. */
  g_assert_true (werk_store_delete (store, photo, NULL, &error));
  g_assert_no_error (error);
  bytes = werk_photo_load_bytes (WERK_PHOTO (seen), &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_equal (bytes, jpeg));

  g_assert_null (werk_store_add (snapshot, WERK_KIND_MEASURE, NULL, &error, "title", "Neu", NULL));
  g_assert_nonnull (error);
  g_clear_error (&error);
  werk_store_close (snapshot);
  g_assert_cmpint (werk_test_sql_int (werk_store_get_path (store), "SELECT count(*) FROM measure"),
                   ==, 1);

  /* Closed, it has let go: the window's edits go on and a new snapshot sees them. */
  g_assert_nonnull (werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Zwei", NULL));
  g_assert_no_error (error);
  g_clear_object (&snapshot);
  snapshot = werk_store_open_snapshot (werk_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (snapshot, WERK_KIND_MEASURE, NULL)), ==, 2);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (
          snapshot, WERK_KIND_PHOTO, werk_store_lookup (snapshot, werk_record_get_id (workshop)))),
      ==, 0);
  werk_store_close (snapshot);
  werk_store_close (store);
  werk_test_rmtree (dir);
}

static guint
long_side (GBytes *image, int *width, int *height)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) error = NULL;
  GdkPixbuf *pixbuf;

  gdk_pixbuf_loader_write_bytes (loader, image, &error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  *width = gdk_pixbuf_get_width (pixbuf);
  *height = gdk_pixbuf_get_height (pixbuf);
  return MAX (*width, *height);
}

static void
assert_thumbnail (WerkPhoto *photo, int want_width, int want_height)
{
  g_autoptr (GBytes) thumb = werk_photo_load_thumbnail (photo);
  const guint8 *data;
  gsize size;
  int width, height;

  g_assert_nonnull (thumb);
  data = g_bytes_get_data (thumb, &size);
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpmem (data, 3, "\xff\xd8\xff", 3); /* JPEG */
  g_assert_cmpuint (long_side (thumb, &width, &height), <=, 256);
  g_assert_cmpint (width, ==, want_width);
  g_assert_cmpint (height, ==, want_height);
}

static void
test_photos (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "fotos.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (store));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) landscape = werk_test_make_jpeg (1600, 1200);
  g_autoptr (GBytes) turned = werk_test_jpeg_marked (1200, 1600, 6);
  g_autoptr (GBytes) png = werk_test_png_alpha (300, 200);
  g_autoptr (GBytes) tiny = werk_test_make_jpeg (40, 30);
  GBytes *originals[] = { landscape, turned, png, tiny };
  const int thumbs[][2] = { { 256, 192 }, { 192, 256 }, { 256, 170 }, { 40, 30 } };
  const char *mimes[] = { "image/jpeg", "image/jpeg", "image/png", "image/jpeg" };
  WerkRecord *workshop;
  GListModel *photos;

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Werkstatt", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      g_autofree char *name = g_strdup_printf ("foto-%u", i);
      g_assert_nonnull (
          werk_store_add_photo (store, WERK_WORKSHOP (workshop), originals[i], name, &error));
      g_assert_no_error (error);
    }
  werk_store_close (store);
  g_clear_object (&store);

  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  workshop = werk_test_item (werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL), 0);
  photos = werk_store_get_list (store, WERK_KIND_PHOTO, workshop);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, G_N_ELEMENTS (originals));
  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      WerkPhoto *photo = WERK_PHOTO (werk_test_item (photos, i));
      g_autoptr (GBytes) bytes = werk_photo_load_bytes (photo, &error);
      g_autofree char *sql = g_strdup_printf ("SELECT mime FROM photo WHERE id = '%s'",
                                              werk_record_get_id (WERK_RECORD (photo)));
      g_autofree char *mime = werk_test_sql_text (path, sql);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (bytes, originals[i]));
      g_assert_cmpstr (mime, ==, mimes[i]);
      /* Upright and at most 256 px on its long side, whatever the original's orientation. */
      assert_thumbnail (photo, thumbs[i][0], thumbs[i][1]);
      /* The name the user knows it by. */
      {
        g_autofree char *name = g_strdup_printf ("foto-%u", i);
        g_assert_cmpstr (werk_record_get_string (WERK_RECORD (photo), "file"), ==, name);
      }
    }
  g_assert_cmpint (werk_test_sql_int (path, "SELECT width FROM photo ORDER BY position"), ==, 1600);

  werk_store_close (store);
  werk_test_rmtree (dir);
}

static void
count_cb (GListModel *list, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* Adds each of @broken and checks it is refused by name with nothing changed. */
static void
assert_photos_refused (GBytes **broken, const char *const *names, guint n)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "kaputt.werkstatt");
  const char *path = werk_store_get_path (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (640, 480);
  g_autofree char *before = NULL;
  WerkRecord *workshop;
  GListModel *photos;
  guint changes = 0;

  workshop = werk_store_add (store, WERK_KIND_WORKSHOP, NULL, &error, "format", "custom", "title",
                             "Werkstatt", NULL);
  g_assert_nonnull (
      werk_store_add_photo (store, WERK_WORKSHOP (workshop), jpeg, "gut.jpg", &error));
  g_assert_no_error (error);
  photos = werk_store_get_list (store, WERK_KIND_PHOTO, workshop);
  before = content_checksum (path);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *after = NULL;
      gulong id = g_signal_connect (photos, "items-changed", G_CALLBACK (count_cb), &changes);

      g_assert_null (
          werk_store_add_photo (store, WERK_WORKSHOP (workshop), broken[i], names[i], &error));
      werk_test_assert_error_contains (error, WERK_ERROR_PHOTO, names[i]);
      g_clear_error (&error);
      g_signal_handler_disconnect (photos, id);
      g_assert_cmpuint (changes, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 1);
      after = content_checksum (path);
      g_assert_cmpstr (after, ==, before);
    }
  werk_store_close (store);
  werk_test_rmtree (dir);
}

static void
test_broken_photo (void)
{
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (640, 480);
  g_autoptr (GBytes) cut = g_bytes_new_from_bytes (jpeg, 0, 120);
  g_autoptr (GBytes) text = NULL;
  g_autofree char *fixture = werk_test_fixture_path ("image-not-a-photo.jpg");
  g_autofree char *data = NULL;
  gsize size;
  const char *names[] = { "image-not-a-photo.jpg", "abgeschnitten.jpg" };

  g_assert_true (g_file_get_contents (fixture, &data, &size, NULL));
  text = g_bytes_new (data, size);
  assert_photos_refused ((GBytes *[]){ text, cut }, names, G_N_ELEMENTS (names));
}

/* Zero bytes, as from a failed camera transfer; in a subprocess, as it may abort. */
static void
test_empty_photo (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
      const char *names[] = { "leer.jpg" };
      assert_photos_refused ((GBytes *[]){ empty }, names, 1);
      return;
    }
  /* No warning either: G_DEBUG=fatal-warnings makes any warning abort the subprocess. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/storage/refuse/%s", refusals[i].name);
      g_test_add_data_func (path, &refusals[i], test_refusal);
    }
  g_test_add_func ("/storage/refuse/missing", test_missing);
  g_test_add_func ("/storage/save-copy", test_save_copy);
  g_test_add_func ("/storage/create-refuses", test_create_refuses);
  g_test_add_func ("/storage/committed-at-once", test_committed_at_once);
  g_test_add_func ("/storage/open-while-open", test_open_while_open);
  g_test_add_func ("/storage/open-snapshot", test_open_snapshot);
  g_test_add_func ("/storage/disk-full", test_disk_full);
  g_test_add_func ("/storage/copy-while-open", test_copy_while_open);
  g_test_add_func ("/storage/photos", test_photos);
  g_test_add_func ("/storage/broken-photo", test_broken_photo);
  g_test_add_func ("/storage/broken-photo/empty", test_empty_photo);
  return g_test_run ();
}
