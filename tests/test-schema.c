/* test-schema.c: what a .werkstatt file is made of: its marks, journal, strict tables, forward
 * migrations of older files, and German sorting.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "werk-private.h"
#include "werk-test-util.c"

/* Every table the schema must have; each STRICT. */
static const char *const tables[] = {
  "process",      "field",        "workshop",  "goal",   "challenge",   "work_table",
  "measure",      "measure_goal", "criterion", "rating", "participant", "agenda_item",
  "voting_round", "tally",        "ballot",    "photo",
};

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_new_file (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "neu.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (store));
  g_autofree char *mode = NULL;
  sqlite3 *db = _werk_store_db (store);
  char *message = NULL;
  guint8 header[100];
  FILE *file;

  /* Per connection: the store's own has foreign keys on and synchronous FULL. */
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 2);
  /* Foreign keys and STRICT types are enforced, not just declared. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO participant (id, workshop, position) "
                                 "VALUES ('p-x', 'w-none', 0)",
                                 NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO field (id, position, title) "
                                 "VALUES ('f-x', 'vorne', 'Mobilität')",
                                 NULL, NULL, &message),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
  werk_store_close (store);

  /* In the file: through a connection of its own. */
  g_assert_cmpint (werk_test_sql_int (path, "PRAGMA application_id"), ==, WERK_APPLICATION_ID);
  g_assert_cmpint (werk_test_sql_int (path, "PRAGMA user_version"), ==, WERK_SCHEMA_VERSION);
  g_assert_cmpint (WERK_SCHEMA_VERSION, ==, 2);
  mode = werk_test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
          g_strdup_printf ("SELECT strict FROM pragma_table_list WHERE name = '%s'", tables[i]);
      g_autofree char *strict = werk_test_sql_text (path, sql);
      if (strict == NULL)
        g_error ("table %s is missing", tables[i]);
      g_assert_cmpstr (strict, ==, "1");
    }
  g_assert_cmpint (werk_test_sql_int (path, "SELECT count(*) FROM pragma_table_list "
                                            "WHERE type = 'table' AND schema = 'main' "
                                            "AND name NOT LIKE 'sqlite_%' AND NOT strict"),
                   ==, 0);
  /* The file says what it is in its header, before SQLite reads it: "Werk" at offset 68. */
  file = fopen (path, "rb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fread (header, 1, sizeof header, file), ==, sizeof header);
  fclose (file);
  g_assert_cmpmem (header + 68, 4, "Werk", 4);
  g_assert_cmpint (header[18], ==, 2); /* WAL */
  g_assert_cmpint (header[19], ==, 2);

  werk_test_rmtree (dir);
}

/* A file as an older Werkstatt wrote it: schema @version, with data in every table it had. */
static void
make_old_file (const char *path, int version)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", WERK_APPLICATION_ID);
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (64, 48);
  g_autofree char *hex = NULL;
  g_autofree char *photo = NULL;
  sqlite3 *db = _werk_db_open (path, TRUE, &error);
  GString *h = g_string_new (NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);

  g_assert_no_error (error);
  g_assert_true (_werk_schema_migrate (db, version, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (h, "%02x", data[i]);
  hex = g_string_free (h, FALSE);
  photo = g_strdup_printf ("INSERT INTO photo (id, workshop, position, file, caption, consent, "
                           "mime, width, height, data) VALUES ('ph1', 'w1', 0, 'flipchart.jpg', "
                           "'Flipchart', 1, 'image/jpeg', 64, 48, x'%s');",
                           hex);
  g_assert_cmpint (sqlite3_exec (db, app_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (
          db,
          "BEGIN;"
          "INSERT INTO process (id, title, municipality) VALUES ('p', 'Strategie Altdorf', "
          "'Altdorf');"
          "INSERT INTO field (id, position, title, color) VALUES ('f1', 0, 'Mobilität', "
          "'#3584e4');"
          "INSERT INTO workshop (id, position, format, title, date, facilitators) VALUES ('w1', 0, "
          "'strategy_starter', 'Strategiestarter', '2025-07-01', '[\"Anna Berg\"]');"
          "INSERT INTO goal (id, position, level, field, text) VALUES ('g1', 0, 'guiding', 'f1', "
          "'Bus im Takt');"
          "INSERT INTO measure (id, position, title, field, owner, status, workshop) VALUES ('m1', "
          "0, 'Rufbus', 'f1', 'Ordnungsamt', 'planned', 'w1');"
          "INSERT INTO measure_goal (measure, goal, position) VALUES ('m1', 'g1', 0);"
          "INSERT INTO criterion (id, position, dimension, title) VALUES ('k1', 0, 'social', "
          "'Teilhabe');"
          "INSERT INTO rating (id, position, measure, criterion, score, note) VALUES ('r1', 0, "
          "'m1', 'k1', 2, 'alle');"
          "INSERT INTO participant (id, workshop, position, name, grp) VALUES ('p1', 'w1', 0, "
          "'Eva Schmidt', 'business');"
          "INSERT INTO agenda_item (id, workshop, position, title, kind, minutes) VALUES ('a1', "
          "'w1', 0, 'Impulse', 'impulse', 30);"
          "INSERT INTO voting_round (id, workshop, position, vote_on, dots_per_person, state) "
          "VALUES ('v1', 'w1', 0, 'measures', 3, 'revealed');"
          "INSERT INTO tally (id, round, position, item, dots) VALUES ('t1', 'v1', 0, 'm1', 12);"
          "INSERT INTO ballot (id, round, position, participant, item, dots) VALUES ('b1', 'v1', "
          "0, 'p1', 'm1', 2);",
          NULL, NULL, NULL),
      ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, photo, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "alt.werkstatt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (64, 48);
  g_autoptr (GBytes) bytes = NULL;
  WerkRecord *measure, *item, *criterion, *rating, *photo, *round;
  g_autofree char *goals = NULL;

  make_old_file (path, version);
  g_assert_cmpint (werk_test_sql_int (path, "PRAGMA user_version"), ==, version);

  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (_werk_store_db (store), "PRAGMA user_version"), ==,
                   WERK_SCHEMA_VERSION);

  /* The data is all there. */
  g_assert_cmpstr (werk_record_get_string (WERK_RECORD (werk_store_get_process (store)), "title"),
                   ==, "Strategie Altdorf");
  measure = werk_store_lookup (store, "m1");
  g_assert_nonnull (measure);
  g_assert_cmpstr (werk_record_get_string (measure, "owner"), ==, "Ordnungsamt");
  g_assert_cmpstr (werk_record_get_string (measure, "status"), ==, "planned");
  g_assert_true (werk_record_get_ref (measure, "field") == werk_store_lookup (store, "f1"));
  goals = g_strjoinv (" ", (char **) werk_record_get_strv (measure, "goals"));
  g_assert_cmpstr (goals, ==, "g1");
  g_assert_cmpstr (werk_record_get_string (werk_store_lookup (store, "f1"), "color"), ==,
                   "#3584e4");
  g_assert_cmpstr (werk_record_get_strv (werk_store_lookup (store, "w1"), "facilitators")[0], ==,
                   "Anna Berg");
  round = werk_store_lookup (store, "v1");
  g_assert_cmpuint (werk_voting_round_get_total (WERK_VOTING_ROUND (round), measure), ==, 14);
  photo = werk_store_lookup (store, "ph1");
  bytes = werk_photo_load_bytes (WERK_PHOTO (photo), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, jpeg));

  /* The columns version 2 added, with their defaults. */
  item = werk_store_lookup (store, "a1");
  criterion = werk_store_lookup (store, "k1");
  rating = werk_store_lookup (store, "r1");
  g_assert_null (werk_record_get_string (item, "actual_start"));
  g_assert_null (werk_record_get_string (item, "actual_end"));
  g_assert_false (werk_record_get_bool (criterion, "retired"));
  g_assert_false (werk_record_get_bool (rating, "not_relevant"));
  g_assert_cmpint (werk_record_get_int (rating, "score"), ==, 2);
  g_assert_cmpint (werk_record_get_int (photo, "rotate"), ==, 0);
  g_assert_false (werk_record_get_bool (photo, "enhance"));

  g_assert_true (werk_store_check (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* …and take values. */
  g_assert_true (werk_record_set_string (item, "actual_start", "2025-07-01T16:03:00", &error));
  g_assert_true (werk_record_set_bool (criterion, "retired", TRUE, &error));
  g_assert_true (werk_record_set_bool (rating, "not_relevant", TRUE, &error));
  g_assert_true (werk_record_set_int (photo, "rotate", 270, &error));
  g_assert_no_error (error);
  werk_store_close (store);
  g_assert_cmpint (werk_test_sql_int (path, "PRAGMA user_version"), ==, WERK_SCHEMA_VERSION);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT retired FROM criterion"), ==, 1);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT not_relevant FROM rating"), ==, 1);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT rotate FROM photo"), ==, 270);
  g_assert_cmpint (werk_test_sql_int (path, "SELECT enhance FROM photo"), ==, 0);

  werk_test_rmtree (dir);
}

/* A migration that can't run leaves the file as it was, still at its old version. */
static void
test_migrate_failure (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "halb.werkstatt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  make_old_file (path, 1);
  /* Somebody's tool already added one of the columns version 2 adds. */
  werk_test_sql_exec (path, "ALTER TABLE photo ADD COLUMN enhance INTEGER NOT NULL DEFAULT 0");
  before = werk_test_checksum (path);

  store = werk_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == WERK_ERROR);
  after = werk_test_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (werk_test_sql_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_null (werk_test_sql_text (path, "SELECT name FROM pragma_table_info('agenda_item') "
                                           "WHERE name = 'actual_start'"));
  listing = werk_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "halb.werkstatt");

  werk_test_rmtree (dir);
}

static const char *const words[] = { "Ärzte", "Apotheke", "Zahnarzt", "Ölmühle", "Bäcker" };
/* DIN 5007: umlauts sort as their base letters. */
static const char german[] = "Apotheke,Ärzte,Bäcker,Ölmühle,Zahnarzt";

static char *
sorted_by_werk_de (sqlite3 *db)
{
  g_autoptr (GString) sql = g_string_new ("SELECT group_concat(w, ',') FROM (SELECT w FROM (");

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_string_append_printf (sql, "%sSELECT '%s' AS w", i ? " UNION ALL " : "", words[i]);
  g_string_append (sql, ") ORDER BY w COLLATE werk_de)");
  return query_text (db, sql->str);
}

static void
test_collation (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) store = werk_test_store_new (dir, "sortiert.werkstatt");
  g_autofree char *order = NULL;
  g_autofree char *fresh_order = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_COLLATE, NULL));
  sqlite3 *fresh = NULL;

  /* On the store's own connection, and on any connection that registers it. */
  order = sorted_by_werk_de (_werk_store_db (store));
  g_assert_cmpint (sqlite3_open (":memory:", &fresh), ==, SQLITE_OK);
  _werk_db_register_collation (fresh);
  fresh_order = sorted_by_werk_de (fresh);
  g_assert_cmpstr (fresh_order, ==, order);

  /* German towns' lists sort the German way whatever the machine's locale is. */
  g_assert_cmpstr (order, ==, german);

  /* In a German locale it must be right in any case. */
  if (setlocale (LC_COLLATE, "de_DE.UTF-8") || setlocale (LC_COLLATE, "de_DE.utf8"))
    {
      g_autofree char *de_order = sorted_by_werk_de (fresh);
      g_assert_cmpstr (de_order, ==, german);
      setlocale (LC_COLLATE, old_locale);
    }

  sqlite3_close (fresh);
  werk_store_close (store);
  werk_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/new-file", test_new_file);
  for (int v = 1; v < WERK_SCHEMA_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/schema/migrate/from-%d", v);
      g_test_add_data_func (path, GINT_TO_POINTER (v), test_migrate);
    }
  g_test_add_func ("/schema/migrate/failure", test_migrate_failure);
  g_test_add_func ("/schema/collation", test_collation);
  return g_test_run ();
}
