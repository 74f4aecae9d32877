/* werk-schema.c: opening .werkstatt files safely, and the schema's forward migrations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "werk-private.h"

/* Version 1: the first schema. */
static const char migration_1[] =
    "CREATE TABLE process (id TEXT PRIMARY KEY, position INTEGER NOT NULL DEFAULT 0,"
    "  title TEXT NOT NULL DEFAULT '', municipality TEXT NOT NULL DEFAULT '',"
    "  region TEXT NOT NULL DEFAULT '', vision TEXT NOT NULL DEFAULT '', extra TEXT) STRICT;"
    "CREATE TABLE field (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  title TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '', color TEXT,"
    "  extra TEXT) STRICT;"
    "CREATE TABLE workshop (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  format TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', date TEXT, start TEXT,"
    "  end_time TEXT, location TEXT NOT NULL DEFAULT '', facilitators TEXT NOT NULL DEFAULT '[]',"
    "  participants_total INTEGER NOT NULL DEFAULT 0, groups TEXT NOT NULL DEFAULT '{}',"
    "  extra TEXT) STRICT;"
    "CREATE TABLE goal (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  level TEXT NOT NULL CHECK (level IN ('core', 'guiding')),"
    "  field TEXT REFERENCES field (id) ON DELETE CASCADE, text TEXT NOT NULL DEFAULT '',"
    "  workshop TEXT REFERENCES workshop (id) ON DELETE SET NULL, extra TEXT) STRICT;"
    "CREATE TABLE challenge (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  text TEXT NOT NULL DEFAULT '', field TEXT REFERENCES field (id) ON DELETE SET NULL,"
    "  workshop TEXT REFERENCES workshop (id) ON DELETE SET NULL, extra TEXT) STRICT;"
    "CREATE TABLE work_table (id TEXT PRIMARY KEY,"
    "  workshop TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, round INTEGER NOT NULL DEFAULT 0,"
    "  topic TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', extra TEXT) STRICT;"
    "CREATE TABLE measure (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  title TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',"
    "  field TEXT REFERENCES field (id) ON DELETE SET NULL,"
    "  goal_pursued TEXT NOT NULL DEFAULT '', next_steps TEXT NOT NULL DEFAULT '',"
    "  involve TEXT NOT NULL DEFAULT '', watch_out TEXT NOT NULL DEFAULT '',"
    "  success_factors TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '',"
    "  partners TEXT NOT NULL DEFAULT '', due TEXT, status TEXT NOT NULL DEFAULT 'idea',"
    "  workshop TEXT REFERENCES workshop (id) ON DELETE SET NULL,"
    "  tbl TEXT REFERENCES work_table (id) ON DELETE SET NULL, extra TEXT) STRICT;"
    "CREATE TABLE measure_goal ("
    "  measure TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
    "  goal TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, PRIMARY KEY (measure, goal)) STRICT;"
    "CREATE TABLE criterion (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  dimension TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',"
    "  question TEXT NOT NULL DEFAULT '', extra TEXT) STRICT;"
    "CREATE TABLE rating (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    "  measure TEXT NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
    "  criterion TEXT NOT NULL REFERENCES criterion (id) ON DELETE CASCADE,"
    "  score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN -2 AND 2),"
    "  note TEXT NOT NULL DEFAULT '', extra TEXT, UNIQUE (measure, criterion)) STRICT;"
    "CREATE TABLE participant (id TEXT PRIMARY KEY,"
    "  workshop TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, name TEXT NOT NULL DEFAULT '',"
    "  organisation TEXT NOT NULL DEFAULT '', grp TEXT NOT NULL DEFAULT 'other',"
    "  email TEXT NOT NULL DEFAULT '', photo_consent INTEGER NOT NULL DEFAULT 0,"
    "  contact_consent INTEGER NOT NULL DEFAULT 0, extra TEXT) STRICT;"
    "CREATE TABLE agenda_item (id TEXT PRIMARY KEY,"
    "  workshop TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, title TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL DEFAULT 'other', minutes INTEGER NOT NULL DEFAULT 0,"
    "  speaker TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', extra TEXT) STRICT;"
    "CREATE TABLE voting_round (id TEXT PRIMARY KEY,"
    "  workshop TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, question TEXT NOT NULL DEFAULT '', vote_on TEXT NOT NULL,"
    "  dots_per_person INTEGER NOT NULL DEFAULT 0, max_per_item INTEGER NOT NULL DEFAULT 0,"
    "  blind INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'open', extra TEXT) STRICT;"
    "CREATE TABLE tally (id TEXT PRIMARY KEY,"
    "  round TEXT NOT NULL REFERENCES voting_round (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, item TEXT NOT NULL, dots INTEGER NOT NULL DEFAULT 0,"
    "  extra TEXT, UNIQUE (round, item)) STRICT;"
    "CREATE TABLE ballot (id TEXT PRIMARY KEY,"
    "  round TEXT NOT NULL REFERENCES voting_round (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  participant TEXT NOT NULL REFERENCES participant (id) ON DELETE CASCADE,"
    "  item TEXT NOT NULL, dots INTEGER NOT NULL DEFAULT 0, extra TEXT,"
    "  UNIQUE (round, participant, item)) STRICT;"
    "CREATE TABLE photo (id TEXT PRIMARY KEY,"
    "  workshop TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL, file TEXT NOT NULL DEFAULT '', caption TEXT NOT NULL DEFAULT '',"
    "  agenda_item TEXT REFERENCES agenda_item (id) ON DELETE SET NULL,"
    "  tbl TEXT REFERENCES work_table (id) ON DELETE SET NULL,"
    "  consent INTEGER NOT NULL DEFAULT 0, mime TEXT, width INTEGER NOT NULL DEFAULT 0,"
    "  height INTEGER NOT NULL DEFAULT 0, orientation INTEGER NOT NULL DEFAULT 1,"
    "  data BLOB NOT NULL DEFAULT x'', thumbnail BLOB, extra TEXT) STRICT;"
    /* Votes name their items by id across three tables, so no foreign key can clean them up. */
    "CREATE TRIGGER measure_votes AFTER DELETE ON measure BEGIN"
    "  DELETE FROM tally WHERE item = OLD.id; DELETE FROM ballot WHERE item = OLD.id; END;"
    "CREATE TRIGGER challenge_votes AFTER DELETE ON challenge BEGIN"
    "  DELETE FROM tally WHERE item = OLD.id; DELETE FROM ballot WHERE item = OLD.id; END;"
    "CREATE TRIGGER field_votes AFTER DELETE ON field BEGIN"
    "  DELETE FROM tally WHERE item = OLD.id; DELETE FROM ballot WHERE item = OLD.id; END;"
    "CREATE INDEX goal_field ON goal (field);"
    "CREATE INDEX measure_goal_goal ON measure_goal (goal);"
    "CREATE INDEX participant_workshop ON participant (workshop, position);"
    "CREATE INDEX agenda_item_workshop ON agenda_item (workshop, position);"
    "CREATE INDEX work_table_workshop ON work_table (workshop, position);"
    "CREATE INDEX voting_round_workshop ON voting_round (workshop, position);"
    "CREATE INDEX tally_round ON tally (round, position);"
    "CREATE INDEX ballot_round ON ballot (round, position);"
    "CREATE INDEX ballot_participant ON ballot (participant);"
    "CREATE INDEX tally_item ON tally (item);"
    "CREATE INDEX ballot_item ON ballot (item);"
    "CREATE INDEX photo_workshop ON photo (workshop, position);"
    "CREATE INDEX rating_criterion ON rating (criterion);";

/* Version 2: the live workshop's actual times, retired criteria, "not relevant" ratings, and
 * a photo's own rotation and clean-up. */
static const char migration_2[] =
    "ALTER TABLE agenda_item ADD COLUMN actual_start TEXT;"
    "ALTER TABLE agenda_item ADD COLUMN actual_end TEXT;"
    "ALTER TABLE criterion ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE rating ADD COLUMN not_relevant INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE photo ADD COLUMN rotate INTEGER NOT NULL DEFAULT 0"
    "  CHECK (rotate IN (0, 90, 180, 270));"
    "ALTER TABLE photo ADD COLUMN enhance INTEGER NOT NULL DEFAULT 0;";

static const char *const migrations[] = { migration_1, migration_2 };

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == WERK_SCHEMA_VERSION);

gboolean
_werk_sqlite_error (sqlite3 *db, int rc, GError **error)
{
  int code = WERK_ERROR_FAILED;

  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    code = WERK_ERROR_CORRUPT;
  if (rc == SQLITE_FULL)
    g_set_error_literal (error, WERK_ERROR, code,
                         _ ("The disk is full. Nothing was lost: free some space and try again."));
  else if (rc == SQLITE_READONLY)
    g_set_error_literal (error, WERK_ERROR, code,
                         _ ("The file can’t be written: it is read-only or on a read-only disk."));
  else if ((rc & 0xff) == SQLITE_IOERR || rc == SQLITE_CANTOPEN)
    g_set_error (error, WERK_ERROR, code,
                 _ ("The file can’t be read or written (%s). Is the disk or USB stick still "
                    "connected?"),
                 sqlite3_errstr (rc));
  else if (code == WERK_ERROR_CORRUPT)
    g_set_error_literal (error, WERK_ERROR, code, _ ("The file is damaged and can’t be opened."));
  else
    g_set_error (error, WERK_ERROR, code, _ ("The file can’t be changed: %s"),
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

/* DIN 5007-1 ordering whatever the process locale: umlauts sort as their base letters, "ß" as
 * "ss", case is ignored; exact ties fall back to the code points. */
static char *
sort_key (const void *text, int len)
{
  g_autofree char *s = g_strndup (text, len);
  g_autofree char *folded = g_utf8_casefold (s, -1);

  return g_str_to_ascii (folded, "C");
}

static int
collate_de (void *data, int len_a, const void *a, int len_b, const void *b)
{
  g_autofree char *ka = sort_key (a, len_a);
  g_autofree char *kb = sort_key (b, len_b);
  int c = strcmp (ka, kb);

  if (c != 0)
    return c;
  c = memcmp (a, b, MIN (len_a, len_b));
  return c != 0 ? c : len_a - len_b;
}

void
_werk_db_register_collation (sqlite3 *db)
{
  sqlite3_create_collation (db, "werk_de", SQLITE_UTF8, NULL, collate_de);
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  return _werk_sqlite_error (db, sqlite3_exec (db, sql, NULL, NULL, NULL), error);
}

gboolean
_werk_schema_migrate (sqlite3 *db, int target_version, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version >= target_version)
    return TRUE;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (; version < target_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!exec (db, migrations[version], error) || !exec (db, bump, error))
        {
          exec (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return exec (db, "COMMIT", error);
}

/* The 100-byte SQLite header says what a file is before SQLite touches it. */
static gboolean
check_header (const char *path, GError **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  guint8 header[100];
  FILE *f = g_fopen (path, "rb");
  size_t n = f ? fread (header, 1, sizeof header, f) : 0;
  guint32 app_id, version;

  if (f)
    fclose (f);
  if (f == NULL)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("“%s” can’t be opened: %s"), display,
                   g_strerror (errno));
      return FALSE;
    }
  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, WERK_ERROR, n == 0 ? WERK_ERROR_NOT_WERKSTATT : WERK_ERROR_NOT_WERKSTATT,
                   _ ("“%s” is not a Werkstatt file."), display);
      return FALSE;
    }
  app_id = GUINT32_FROM_BE (*(guint32 *) (header + 68));
  version = GUINT32_FROM_BE (*(guint32 *) (header + 60));
  if (app_id != WERK_APPLICATION_ID)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_NOT_WERKSTATT,
                   _ ("“%s” is a database of another application, not a Werkstatt file."), display);
      return FALSE;
    }
  if (version > WERK_SCHEMA_VERSION)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_TOO_NEW,
                   _ ("“%s” was saved by a newer version of Werkstatt (file version %u, this "
                      "version reads up to %u). Please update Werkstatt to open it."),
                   display, version, WERK_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      g_autofree char *display = g_filename_display_basename (path);
      g_set_error (error, WERK_ERROR, WERK_ERROR_CORRUPT,
                   _ ("“%s” is damaged (perhaps truncated while copying) and can’t be opened. "
                      "The file was left as it is; open an earlier copy."),
                   display);
    }
  return ok;
}

static gboolean
configure (sqlite3 *db, GError **error)
{
  sqlite3_busy_timeout (db, 5000);
  sqlite3_extended_result_codes (db, 0);
  _werk_db_register_collation (db);
  /* WAL with synchronous=FULL: every committed edit survives a killed process and a power cut. */
  return exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", error);
}

sqlite3 *
_werk_db_open (const char *path, gboolean create, GError **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  g_autofree char *set_type = g_strdup_printf ("PRAGMA application_id = %d", WERK_APPLICATION_ID);
  int rc;

  if (!create && !check_header (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _werk_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  /* A new file's type goes into its header before WAL holds anything back from the main file:
   * it must be recognisable even if the process dies before the first checkpoint. */
  if ((!create && !quick_check (db, path, error)) || !configure (db, error) ||
      (create && !exec (db, set_type, error)) ||
      (create && !exec (db, "PRAGMA journal_mode = WAL", error)))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}
