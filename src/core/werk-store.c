/* werk-store.c: an open .werkstatt file: loading, list models, and every change, committed at once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "werk-private.h"

struct _WerkStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  GHashTable *stmts;   /* SQL text → sqlite3_stmt */
  GHashTable *records; /* id → WerkRecord */
  GListStore *lists[WERK_N_KINDS];
  WerkProcess *process;
  sqlite3_session *session; /* records what a running operation changes */
  guint savepoint_depth;
  GMainContext *context; /* where the checkpoint after an edit runs */
  GSource *checkpoint;   /* pending: the edits wait in the WAL until it runs */
};

G_DEFINE_FINAL_TYPE (WerkStore, werk_store, G_TYPE_OBJECT)

enum
{
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
werk_store_dispose (GObject *object)
{
  WerkStore *self = WERK_STORE (object);

  werk_store_close (self);
  for (guint i = 0; i < WERK_N_KINDS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_object (&self->process);

  G_OBJECT_CLASS (werk_store_parent_class)->dispose (object);
}

static void
werk_store_finalize (GObject *object)
{
  WerkStore *self = WERK_STORE (object);

  g_free (self->path);
  g_clear_pointer (&self->context, g_main_context_unref);
  G_OBJECT_CLASS (werk_store_parent_class)->finalize (object);
}

static void
werk_store_class_init (WerkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werk_store_dispose;
  object_class->finalize = werk_store_finalize;

  /**
   * WerkStore::error:
   * A change made through a property binding failed; the record kept its old value.
   */
  signals[SIGNAL_ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
stmt_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
werk_store_init (WerkStore *self)
{
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < WERK_N_KINDS; i++)
    if (_werk_kind_info (i)->parent_kind == WERK_N_KINDS)
      self->lists[i] = g_list_store_new (werk_kind_get_record_type (i));
}

/* ---- SQL helpers ---- */

sqlite3 *
_werk_store_db (WerkStore *self)
{
  return self->db;
}

gboolean
_werk_store_is_closed (WerkStore *self)
{
  return self->db == NULL;
}

static gboolean
check_open (WerkStore *self, GError **error)
{
  if (self->db)
    return TRUE;
  g_set_error_literal (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The file is closed."));
  return FALSE;
}

gboolean
_werk_store_check_sqlite (WerkStore *self, int rc, GError **error)
{
  return _werk_sqlite_error (self->db, rc, error);
}

sqlite3_stmt *
_werk_store_prepare (WerkStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error))
    return NULL;
  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (!_werk_sqlite_error (self->db, rc, error))
    return NULL;
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_werk_store_exec (WerkStore *self, const char *sql, GError **error)
{
  if (!check_open (self, error))
    return FALSE;
  return _werk_sqlite_error (self->db, sqlite3_exec (self->db, sql, NULL, NULL, NULL), error);
}

static gboolean
step_done (WerkStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return _werk_sqlite_error (self->db, rc, error);
}

gboolean
_werk_store_begin (WerkStore *self, GError **error)
{
  if (!_werk_store_exec (self, "SAVEPOINT werk", error))
    return FALSE;
  self->savepoint_depth++;
  return TRUE;
}

gboolean
_werk_store_commit (WerkStore *self, GError **error)
{
  if (!_werk_store_exec (self, "RELEASE werk", error))
    {
      _werk_store_rollback (self);
      return FALSE;
    }
  self->savepoint_depth--;
  return TRUE;
}

void
_werk_store_rollback (WerkStore *self)
{
  _werk_store_exec (self, "ROLLBACK TO werk", NULL);
  _werk_store_exec (self, "RELEASE werk", NULL);
  self->savepoint_depth--;
}

void
_werk_store_emit_error (WerkStore *self, const GError *error)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

/* "col1, col2, …" of a kind's stored fields, in table order; the link table's are left out. */
static const char *
kind_columns (const WerkKindInfo *info)
{
  static char *columns[WERK_N_KINDS];

  if (g_once_init_enter (&columns[info->kind]))
    {
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < info->n_fields; i++)
        if (info->fields[i].type != WERK_VALUE_REFS)
          g_string_append_printf (s, ", \"%s\"", info->fields[i].column);
      g_once_init_leave (&columns[info->kind], g_string_free (s, FALSE));
    }
  return columns[info->kind];
}

static char *
select_sql (const WerkKindInfo *info, const char *where)
{
  return g_strdup_printf (
      "SELECT id, %s, position, extra%s FROM %s %s ORDER BY %s%sposition, rowid",
      info->parent_column ? info->parent_column : "NULL", kind_columns (info), info->table,
      where ? where : "", info->parent_column ? info->parent_column : "",
      info->parent_column ? ", " : "");
}

/* Reads a row of select_sql() into @values; returns the parent's id. */
static const char *
read_row (const WerkKindInfo *info, sqlite3_stmt *stmt, GValue *values, gint64 *position)
{
  int col = 4;

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (info->fields[i].type == WERK_VALUE_REFS)
        _werk_field_init_default (&info->fields[i], &values[i]);
      else
        _werk_field_read (&info->fields[i], stmt, col++, &values[i]);
    }
  *position = sqlite3_column_int64 (stmt, 2);
  return (const char *) sqlite3_column_text (stmt, 1);
}

static GListStore *
list_for (WerkStore *self, WerkKind kind, WerkRecord *parent)
{
  if (parent == NULL)
    return self->lists[kind];
  return _werk_record_children (parent, kind);
}

static WerkKind
kind_of_table (const char *table)
{
  if (g_str_equal (table, "measure_goal"))
    return WERK_KIND_MEASURE;
  for (guint k = 0; k < WERK_N_KINDS; k++)
    if (g_str_equal (_werk_kind_info (k)->table, table))
      return k;
  return WERK_N_KINDS;
}

static void
load_measure_goals (WerkStore *self, GHashTable *goals_by_measure)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = _werk_store_prepare (
      self, "SELECT measure, goal FROM measure_goal ORDER BY measure, position", &error);

  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *measure = (const char *) sqlite3_column_text (stmt, 0);
      GPtrArray *goals = g_hash_table_lookup (goals_by_measure, measure);
      if (goals == NULL)
        {
          goals = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (goals_by_measure, g_strdup (measure), goals);
        }
      g_ptr_array_add (goals, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (stmt)
    sqlite3_reset (stmt);
}

static void
take_goals (GValue *value, GHashTable *goals_by_measure, const char *id)
{
  GPtrArray *goals = g_hash_table_lookup (goals_by_measure, id);
  GStrv strv;

  if (goals == NULL)
    return;
  g_ptr_array_add (goals, NULL);
  strv = (GStrv) g_ptr_array_steal (goals, NULL);
  g_value_take_boxed (value, strv);
}

/* Makes @store hold exactly @records, touching only the range that differs. */
static void
reconcile (GListStore *store, GPtrArray *records)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = records ? records->len : 0;
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), head);
      if (item != g_ptr_array_index (records, head))
        break;
      head++;
    }
  while (tail < n_old - head && tail < n_new - head)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - tail);
      if (item != g_ptr_array_index (records, n_new - 1 - tail))
        break;
      tail++;
    }
  if (head + tail == n_old && head + tail == n_new)
    return;
  g_list_store_splice (store, head, n_old - head - tail, records ? records->pdata + head : NULL,
                       n_new - head - tail);
}

static WerkRecord *
sync_row (WerkStore *self, const WerkKindInfo *info, sqlite3_stmt *stmt, GHashTable *goals)
{
  const char *id = (const char *) sqlite3_column_text (stmt, 0);
  g_autofree GValue *values = g_new0 (GValue, info->n_fields);
  gint64 position;
  const char *parent_id = read_row (info, stmt, values, &position);
  WerkRecord *parent = parent_id ? werk_store_lookup (self, parent_id) : NULL;
  WerkRecord *record = werk_store_lookup (self, id);

  if (info->kind == WERK_KIND_MEASURE)
    take_goals (&values[_werk_kind_field_index (info, "goals")], goals, id);
  if (record == NULL || werk_record_get_kind (record) != info->kind)
    {
      record = _werk_record_new (self, info->kind, id, parent);
      g_hash_table_replace (self->records, (char *) werk_record_get_id (record), record);
    }
  _werk_record_set_parent (record, parent);
  _werk_record_update_values (record, values);
  for (guint i = 0; i < info->n_fields; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  _werk_record_set_position (record, position);
  _werk_record_set_extra (record, (const char *) sqlite3_column_text (stmt, 3));
  return record;
}

/* Makes the in-memory records of a kind match the file again, keeping objects by id; records
 * that are gone are collected in @gone, to be dropped once all kinds are synced. */
static gboolean
sync_kind (WerkStore *self, WerkKind kind, GPtrArray *gone, GError **error)
{
  const WerkKindInfo *info = _werk_kind_info (kind);
  g_autofree char *sql = select_sql (info, NULL);
  g_autoptr (GHashTable) lists =
      g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) goals =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (kind == WERK_KIND_MEASURE)
    load_measure_goals (self, goals);
  if ((stmt = _werk_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WerkRecord *record = sync_row (self, info, stmt, goals);
      WerkRecord *parent = werk_record_get_parent (record);
      GPtrArray *list = g_hash_table_lookup (lists, parent);

      if (list == NULL)
        g_hash_table_insert (lists, parent, list = g_ptr_array_new ());
      g_ptr_array_add (list, record);
      g_hash_table_add (seen, record);
    }
  sqlite3_reset (stmt);
  if (!_werk_sqlite_error (self->db, rc, error))
    return FALSE;

  if (info->parent_kind == WERK_N_KINDS)
    reconcile (self->lists[kind], g_hash_table_lookup (lists, NULL));
  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (key != NULL)
      reconcile (_werk_record_children (key, kind), value);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (werk_record_get_kind (value) == kind && !g_hash_table_contains (seen, value))
      g_ptr_array_add (gone, g_object_ref (value));
  return TRUE;
}

static void
drop_record (WerkStore *self, WerkRecord *record)
{
  WerkRecord *parent = werk_record_get_parent (record);
  WerkKind kind = werk_record_get_kind (record);
  GListStore *list = parent ? _werk_record_children (parent, kind) : self->lists[kind];
  guint pos;

  if (list && g_list_store_find (list, record, &pos))
    g_list_store_remove (list, pos);
  g_hash_table_remove (self->records, werk_record_get_id (record));
}

/* Syncs the given kinds (a set of WerkKind + 1), parents first; drops children first. */
static gboolean
sync_kinds (WerkStore *self, GHashTable *kinds, GError **error)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < WERK_N_KINDS; i++)
    if (g_hash_table_contains (kinds, GUINT_TO_POINTER (_werk_kind_order[i] + 1)) &&
        !sync_kind (self, _werk_kind_order[i], gone, error))
      return FALSE;
  for (guint i = gone->len; i > 0; i--)
    drop_record (self, g_ptr_array_index (gone, i - 1));
  return TRUE;
}

void
_werk_store_resync_tables (WerkStore *self, GHashTable *tables)
{
  g_autoptr (GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer table;

  g_hash_table_iter_init (&iter, tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    {
      WerkKind kind = kind_of_table (table);
      if (kind < WERK_N_KINDS)
        g_hash_table_add (kinds, GUINT_TO_POINTER (kind + 1));
    }
  if (!sync_kinds (self, kinds, &error))
    _werk_store_emit_error (self, error);
}

static gboolean
sync_all (WerkStore *self, GError **error)
{
  g_autoptr (GHashTable) kinds = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < WERK_N_KINDS; k++)
    g_hash_table_add (kinds, GUINT_TO_POINTER (k + 1));
  return sync_kinds (self, kinds, error);
}

/* ---- checkpoints ----
 *
 * A commit lands in the WAL beside the file, and SQLite moves it into the file itself only
 * every thousand pages: a whole workshop's typing could sit in "NAME.werkstatt-wal" until the
 * app closes, and a copy of the .werkstatt file alone made meanwhile (to a USB stick, by mail)
 * would lack it. So a second after an edit, once the burst of edits is over, the WAL is
 * checkpointed into the file, without waiting for readers (an export's snapshot). Large
 * changes (photos) are checkpointed at once, as SQLite would. Without a running main loop
 * (the command line), closing the file does it. */

#define CHECKPOINT_DELAY_MS 1000
#define CHECKPOINT_PAGES    1000

static void
cancel_checkpoint (WerkStore *self)
{
  if (self->checkpoint == NULL)
    return;
  g_source_destroy (self->checkpoint);
  g_clear_pointer (&self->checkpoint, g_source_unref);
}

static gboolean
checkpoint_cb (gpointer data)
{
  WerkStore *self = data;

  g_clear_pointer (&self->checkpoint, g_source_unref);
  if (self->db)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static int
wal_hook_cb (void *data, sqlite3 *db, const char *name, int n_pages)
{
  WerkStore *self = data;

  if (n_pages >= CHECKPOINT_PAGES)
    {
      cancel_checkpoint (self);
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  else if (self->checkpoint == NULL)
    {
      self->checkpoint = g_timeout_source_new (CHECKPOINT_DELAY_MS);
      g_source_set_callback (self->checkpoint, checkpoint_cb, self, NULL);
      g_source_attach (self->checkpoint, self->context);
    }
  return SQLITE_OK;
}

/* ---- opening ---- */

WerkStore *
_werk_store_new_for_db (sqlite3 *db, const char *path, gboolean load, GError **error)
{
  g_autoptr (WerkStore) self = g_object_new (WERK_TYPE_STORE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();
  sqlite3_wal_hook (db, wal_hook_cb, self);
  if (!load)
    return g_steal_pointer (&self);
  if (!sync_all (self, error))
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->lists[WERK_KIND_PROCESS])) != 1)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_CORRUPT,
                           _ ("The file holds no strategy process."));
      return NULL;
    }
  self->process = g_list_model_get_item (G_LIST_MODEL (self->lists[WERK_KIND_PROCESS]), 0);
  return g_steal_pointer (&self);
}

void
_werk_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
refuse_existing (const char *path, GError **error)
{
  g_autofree char *display = g_filename_display_basename (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, WERK_ERROR, WERK_ERROR_EXISTS,
               _ ("“%s” already exists; it was left as it is. Choose another name."), display);
  return FALSE;
}

/* A new file with the schema; with @title also an empty process of that title. */
sqlite3 *
_werk_db_create (const char *path, const char *title, GError **error)
{
  g_autofree char *id = _werk_new_id ();
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  if (!refuse_existing (path, error) || !(db = _werk_db_open (path, TRUE, error)))
    return NULL;
  if (!_werk_schema_migrate (db, WERK_SCHEMA_VERSION, error))
    goto fail;
  if (title == NULL)
    return db;
  sqlite3_prepare_v2 (db, "INSERT INTO process (id, title) VALUES (?, ?)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  if (!_werk_sqlite_error (db, sqlite3_step (stmt), error))
    goto fail;
  sqlite3_finalize (stmt);
  return db;

fail:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  _werk_remove_database (path);
  return NULL;
}

WerkStore *
werk_store_create (const char *path, const char *title, GError **error)
{
  sqlite3 *db;
  WerkStore *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = _werk_db_create (path, title ? title : "", error)))
    return NULL;
  if (!(self = _werk_store_new_for_db (db, path, TRUE, error)))
    _werk_remove_database (path);
  return self;
}

WerkStore *
werk_store_open (const char *path, GError **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = _werk_db_open (path, FALSE, error)))
    return NULL;
  if (!_werk_schema_migrate (db, WERK_SCHEMA_VERSION, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return _werk_store_new_for_db (db, path, TRUE, error);
}

WerkStore *
werk_store_open_snapshot (const char *path, GError **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = _werk_db_open (path, FALSE, error)))
    return NULL;
  /* The read transaction takes its snapshot at the first read (the loading) and keeps it until
   * closed. query_only: a change fails at once instead of writing from an old view. */
  if (!_werk_schema_migrate (db, WERK_SCHEMA_VERSION, error) ||
      !_werk_sqlite_error (db, sqlite3_exec (db, "PRAGMA query_only = ON; BEGIN", NULL, NULL, NULL),
                           error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return _werk_store_new_for_db (db, path, TRUE, error);
}

void
werk_store_close (WerkStore *self)
{
  g_return_if_fail (WERK_IS_STORE (self));

  cancel_checkpoint (self);
  if (self->session)
    sqlite3session_delete (g_steal_pointer (&self->session));
  g_hash_table_remove_all (self->stmts);
  if (self->db)
    sqlite3_close (g_steal_pointer (&self->db));
}

gboolean
werk_store_save_copy (WerkStore *self, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (WERK_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_open (self, error) || !refuse_existing (path, error))
    return FALSE;
  tmp = g_strconcat (path, ".part", NULL);
  _werk_remove_database (tmp);
  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
      if (backup)
        sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? sqlite3_exec (dest, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)
                             : rc;
    }
  sqlite3_close (dest);
  if (!_werk_sqlite_error (NULL, rc, error))
    {
      _werk_remove_database (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The copy can’t be saved: %s"),
                   g_strerror (errno));
      _werk_remove_database (tmp);
      return FALSE;
    }
  return TRUE;
}

/* ---- reading ---- */

const char *
werk_store_get_path (WerkStore *self)
{
  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  return self->path;
}

WerkProcess *
werk_store_get_process (WerkStore *self)
{
  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  return self->process;
}

GListModel *
werk_store_get_list (WerkStore *self, WerkKind kind, WerkRecord *parent)
{
  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < WERK_N_KINDS, NULL);
  g_return_val_if_fail ((parent == NULL) == (_werk_kind_info (kind)->parent_kind == WERK_N_KINDS),
                        NULL);
  return G_LIST_MODEL (list_for (self, kind, parent));
}

WerkRecord *
werk_store_lookup (WerkStore *self, const char *id)
{
  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  return id ? g_hash_table_lookup (self->records, id) : NULL;
}

GStrv
werk_store_list_owners (WerkStore *self)
{
  g_autoptr (GStrvBuilder) owners = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WERK_IS_STORE (self), NULL);

  stmt = _werk_store_prepare (self,
                              "SELECT DISTINCT owner FROM measure WHERE owner != '' "
                              "ORDER BY owner COLLATE werk_de",
                              NULL);
  while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (owners, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt)
    sqlite3_reset (stmt);
  return g_strv_builder_end (owners);
}

/* ---- changing ---- */

/* The kind a voting round's tallies and ballots name. */
WerkKind
_werk_vote_item_kind (WerkRecord *round)
{
  switch (werk_record_get_int (round, "on"))
    {
      case WERK_VOTE_ON_CHALLENGES:
        return WERK_KIND_CHALLENGE;
      case WERK_VOTE_ON_FIELDS:
        return WERK_KIND_FIELD;
      default:
        return WERK_KIND_MEASURE;
    }
}

static gboolean
check_ref (WerkStore *self, WerkRecord *parent, const WerkFieldInfo *f, const char *id,
           GError **error)
{
  WerkKind want = f->ref_kind == WERK_KIND_VOTE_ITEM ? _werk_vote_item_kind (parent) : f->ref_kind;
  WerkRecord *target = werk_store_lookup (self, id);

  if (target && werk_record_get_kind (target) == want)
    return TRUE;
  g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, _ ("%s: no %s with id \"%s\""), f->key,
               werk_kind_get_label (want), id);
  return FALSE;
}

/* Checks a whole set of values of a record: forms, references, required keys, kind rules. */
static gboolean
check_values (WerkStore *self, WerkRecord *record, const GValue *values, GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  WerkRecord *parent = werk_record_get_parent (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const WerkFieldInfo *f = &info->fields[i];
      g_autoptr (GError) local = NULL;

      if (!_werk_field_check (f, &values[i], &local))
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "%s: %s", f->key, local->message);
          return FALSE;
        }
      if (f->type == WERK_VALUE_REF && g_value_get_string (&values[i]) == NULL && f->required)
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, _ ("%s: is required"), f->key);
          return FALSE;
        }
      if (f->type == WERK_VALUE_REF && g_value_get_string (&values[i]) &&
          !check_ref (self, parent, f, g_value_get_string (&values[i]), error))
        return FALSE;
      if (f->type == WERK_VALUE_REFS)
        {
          const char *const *ids = g_value_get_boxed (&values[i]);
          for (guint j = 0; ids && ids[j]; j++)
            if (!check_ref (self, parent, f, ids[j], error))
              return FALSE;
        }
    }
  return info->validate == NULL || info->validate (record, values, error);
}

gboolean
_werk_record_check (WerkRecord *record, GError **error)
{
  return check_values (werk_record_get_store (record), record, _werk_record_values (record), error);
}

static gboolean
write_goal_links (WerkStore *self, WerkRecord *measure, const char *const *goals, GError **error)
{
  sqlite3_stmt *del, *ins;

  if (!(del = _werk_store_prepare (self, "DELETE FROM measure_goal WHERE measure = ?", error)))
    return FALSE;
  sqlite3_bind_text (del, 1, werk_record_get_id (measure), -1, SQLITE_TRANSIENT);
  if (!step_done (self, del, error))
    return FALSE;
  for (guint i = 0; goals && goals[i]; i++)
    {
      ins = _werk_store_prepare (
          self, "INSERT OR IGNORE INTO measure_goal (measure, goal, position) VALUES (?, ?, ?)",
          error);
      if (!ins)
        return FALSE;
      sqlite3_bind_text (ins, 1, werk_record_get_id (measure), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, 2, goals[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (ins, 3, i);
      if (!step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_field (WerkStore *self, WerkRecord *record, guint index, const GValue *value, GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  const WerkFieldInfo *f = &info->fields[index];
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (f->type == WERK_VALUE_REFS)
    {
      if (!_werk_store_begin (self, error))
        return FALSE;
      if (!write_goal_links (self, record, g_value_get_boxed (value), error))
        {
          _werk_store_rollback (self);
          return FALSE;
        }
      return _werk_store_commit (self, error);
    }
  sql = g_strdup_printf ("UPDATE %s SET \"%s\" = ? WHERE id = ?", info->table, f->column);
  if (!(stmt = _werk_store_prepare (self, sql, error)))
    return FALSE;
  _werk_field_bind (f, stmt, 1, value);
  sqlite3_bind_text (stmt, 2, werk_record_get_id (record), -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

gboolean
_werk_store_set_value (WerkStore *self, WerkRecord *record, guint index, const GValue *value,
                       GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  GValue *current = _werk_record_values (record);
  g_autofree GValue *values = g_new0 (GValue, info->n_fields);
  gboolean ok;

  if (!check_open (self, error))
    return FALSE;
  if (_werk_values_equal (&current[index], value))
    return TRUE;
  for (guint i = 0; i < info->n_fields; i++)
    values[i] = current[i];
  values[index] = *value;
  ok =
      check_values (self, record, values, error) && write_field (self, record, index, value, error);
  if (!ok)
    return FALSE;
  g_value_unset (&current[index]);
  g_value_init (&current[index], G_VALUE_TYPE (value));
  g_value_copy (value, &current[index]);
  _werk_record_notify_field (record, index);
  return TRUE;
}

/* The stored position that puts a record at @index of @list (shifting those after it). */
static gboolean
make_room (WerkStore *self, WerkRecord *record, GListModel *list, guint index, gint64 *position,
           GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  guint n = g_list_model_get_n_items (list);
  g_autoptr (WerkRecord) at = index < n ? g_list_model_get_item (list, index) : NULL;
  g_autoptr (WerkRecord) last = n > 0 ? g_list_model_get_item (list, n - 1) : NULL;
  g_autofree char *sql = NULL;
  g_autofree char *same_parent = NULL;
  WerkRecord *parent = werk_record_get_parent (record);
  sqlite3_stmt *stmt;

  if (at == NULL)
    {
      *position = last ? _werk_record_get_position (last) + 1 : 0;
      return TRUE;
    }
  *position = _werk_record_get_position (at);
  same_parent = parent ? g_strdup_printf (" AND %s = ?3", info->parent_column) : g_strdup ("");
  sql =
      g_strdup_printf ("UPDATE %s SET position = position + 1 WHERE position >= ?1 AND id != ?2%s",
                       info->table, same_parent);
  if (!(stmt = _werk_store_prepare (self, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *position);
  sqlite3_bind_text (stmt, 2, werk_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (parent)
    sqlite3_bind_text (stmt, 3, werk_record_get_id (parent), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) r = g_list_model_get_item (list, i);
      if (r != record && _werk_record_get_position (r) >= *position)
        _werk_record_set_position (r, _werk_record_get_position (r) + 1);
    }
  return TRUE;
}

static gboolean
insert_row (WerkStore *self, WerkRecord *record, gint64 position, GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  WerkRecord *parent = werk_record_get_parent (record);
  GValue *values = _werk_record_values (record);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int col = 5;

  g_string_printf (sql, "INSERT INTO %s (id, %s, position, extra%s) VALUES (?, ?, ?, ?",
                   info->table, info->parent_column ? info->parent_column : "rowid",
                   kind_columns (info));
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type != WERK_VALUE_REFS)
      g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  if (!(stmt = _werk_store_prepare (self, sql->str, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, werk_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (parent)
    sqlite3_bind_text (stmt, 2, werk_record_get_id (parent), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, position);
  if (_werk_record_get_extra (record))
    sqlite3_bind_text (stmt, 4, _werk_record_get_extra (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type != WERK_VALUE_REFS)
      _werk_field_bind (&info->fields[i], stmt, col++, &values[i]);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (info->kind == WERK_KIND_MEASURE)
    return write_goal_links (
        self, record, g_value_get_boxed (&values[_werk_kind_field_index (info, "goals")]), error);
  return TRUE;
}

static gboolean
apply_strings (WerkRecord *record, const char *const *keys, const char *const *values,
               GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  GValue *current = _werk_record_values (record);

  for (guint i = 0; keys && keys[i]; i++)
    {
      int index = _werk_kind_field_index (info, keys[i]);
      g_autoptr (GError) local = NULL;
      g_auto (GValue) v = G_VALUE_INIT;

      if (index < 0)
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, _ ("%s: unknown field"), keys[i]);
          return FALSE;
        }
      if (!_werk_field_from_string (&info->fields[index], values[i] ? values[i] : "", &v, &local))
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "%s: %s", keys[i], local->message);
          return FALSE;
        }
      g_value_unset (&current[index]);
      current[index] = v;
      v = (GValue) G_VALUE_INIT;
    }
  return TRUE;
}

WerkRecord *
werk_store_insert (WerkStore *self, WerkKind kind, WerkRecord *parent, int position,
                   const char *const *keys, const char *const *values, GError **error)
{
  g_autoptr (WerkRecord) record = NULL;
  GListModel *list;
  gint64 stored;
  guint n;

  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < WERK_N_KINDS && kind != WERK_KIND_PROCESS, NULL);
  g_return_val_if_fail ((parent == NULL) == (_werk_kind_info (kind)->parent_kind == WERK_N_KINDS),
                        NULL);
  g_return_val_if_fail (
      parent == NULL || werk_record_get_kind (parent) == _werk_kind_info (kind)->parent_kind, NULL);

  if (!check_open (self, error))
    return NULL;
  record = _werk_record_new (self, kind, NULL, parent);
  if (!apply_strings (record, keys, values, error) ||
      !check_values (self, record, _werk_record_values (record), error))
    return NULL;
  list = werk_store_get_list (self, kind, parent);
  n = g_list_model_get_n_items (list);
  if (position < 0 || (guint) position > n)
    position = n;
  if (!_werk_store_begin (self, error))
    return NULL;
  if (!make_room (self, record, list, position, &stored, error) ||
      !insert_row (self, record, stored, error) || !_werk_store_commit (self, error))
    {
      g_autoptr (GHashTable) kinds = g_hash_table_new (NULL, NULL);

      _werk_store_rollback (self);
      g_hash_table_add (kinds, GUINT_TO_POINTER (kind + 1));
      sync_kinds (self, kinds, NULL);
      return NULL;
    }
  _werk_record_set_position (record, stored);
  g_hash_table_insert (self->records, (char *) werk_record_get_id (record), g_object_ref (record));
  g_list_store_insert (G_LIST_STORE (list), position, record);
  return record;
}

WerkRecord *
werk_store_add (WerkStore *self, WerkKind kind, WerkRecord *parent, GError **error,
                const char *first_key, ...)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key; key = va_arg (args, const char *))
    {
      g_ptr_array_add (keys, (char *) key);
      g_ptr_array_add (values, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  return werk_store_insert (self, kind, parent, -1, (const char *const *) keys->pdata,
                            (const char *const *) values->pdata, error);
}

gboolean
werk_store_move (WerkStore *self, WerkRecord *record, guint position, GError **error)
{
  const WerkKindInfo *info;
  g_autofree char *sql = NULL;
  GListModel *list;
  GListStore *store;
  sqlite3_stmt *stmt;
  gint64 stored;
  guint old;

  g_return_val_if_fail (WERK_IS_STORE (self), FALSE);
  g_return_val_if_fail (WERK_IS_RECORD (record), FALSE);

  info = _werk_record_info (record);
  list = werk_store_get_list (self, info->kind, werk_record_get_parent (record));
  store = G_LIST_STORE (list);
  if (!g_list_store_find (store, record, &old))
    g_return_val_if_reached (FALSE);
  position = MIN (position, g_list_model_get_n_items (list) - 1);
  if (position == old)
    return TRUE;

  g_object_ref (record);
  g_list_store_remove (store, old);
  sql = g_strdup_printf ("UPDATE %s SET position = ? WHERE id = ?", info->table);
  if (!_werk_store_begin (self, error) ||
      !make_room (self, record, list, position, &stored, error) ||
      !(stmt = _werk_store_prepare (self, sql, error)))
    goto fail;
  sqlite3_bind_int64 (stmt, 1, stored);
  sqlite3_bind_text (stmt, 2, werk_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error) || !_werk_store_commit (self, error))
    goto fail;
  _werk_record_set_position (record, stored);
  g_list_store_insert (store, position, record);
  g_object_unref (record);
  return TRUE;

fail:
  if (self->savepoint_depth > 0)
    _werk_store_rollback (self);
  g_list_store_insert (store, old, record);
  g_object_unref (record);
  return FALSE;
}

/* Collects the tables a changeset touches. */
GHashTable *
_werk_changeset_tables (int size, const void *data)
{
  GHashTable *tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_changeset_iter *iter;

  if (sqlite3changeset_start (&iter, size, (void *) data) != SQLITE_OK)
    return tables;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_cols, op, indirect;
      sqlite3changeset_op (iter, &table, &n_cols, &op, &indirect);
      g_hash_table_add (tables, g_strdup (table));
    }
  sqlite3changeset_finalize (iter);
  return tables;
}

gboolean
werk_store_run (WerkStore *self, WerkStoreFunc func, gpointer user_data, WerkUndo **undo,
                GError **error)
{
  gboolean outer;
  int size = 0;
  void *data = NULL;
  gboolean ok;

  g_return_val_if_fail (WERK_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  outer = self->session == NULL;
  if (outer)
    {
      if (sqlite3session_create (self->db, "main", &self->session) != SQLITE_OK ||
          sqlite3session_attach (self->session, NULL) != SQLITE_OK)
        {
          g_clear_pointer (&self->session, sqlite3session_delete);
          g_set_error_literal (error, WERK_ERROR, WERK_ERROR_FAILED,
                               _ ("The change can’t be recorded for undo."));
          return FALSE;
        }
    }
  ok = _werk_store_begin (self, error);
  if (ok)
    ok = func (self, user_data, error);
  if (!outer)
    {
      if (ok)
        return _werk_store_commit (self, error);
      if (self->savepoint_depth > 0)
        _werk_store_rollback (self);
      sync_all (self, NULL);
      return FALSE;
    }

  /* Taken before a rollback empties it: it says which records memory must reload. */
  sqlite3session_changeset (self->session, &size, &data);
  g_clear_pointer (&self->session, sqlite3session_delete);
  if (ok)
    ok = _werk_store_commit (self, error);
  else if (self->savepoint_depth > 0)
    _werk_store_rollback (self);
  if (!ok)
    {
      g_autoptr (GHashTable) tables = _werk_changeset_tables (size, data);
      _werk_store_resync_tables (self, tables);
    }
  else if (undo)
    {
      int inv_size = 0;
      void *inv = NULL;
      sqlite3changeset_invert (size, data, &inv_size, &inv);
      *undo = _werk_undo_new (self, g_bytes_new_with_free_func (inv, inv_size, sqlite3_free, inv));
    }
  sqlite3_free (data);
  return ok;
}

static gboolean
delete_func (WerkStore *self, gpointer user_data, GError **error)
{
  WerkRecord *record = user_data;
  const WerkKindInfo *info = _werk_record_info (record);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->table);
  sqlite3_stmt *stmt = _werk_store_prepare (self, sql, error);
  int size = 0;
  void *data = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, werk_record_get_id (record), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* Cascades reach other tables: sync what the deletion touched so far. */
  if (sqlite3session_changeset (self->session, &size, &data) == SQLITE_OK)
    {
      g_autoptr (GHashTable) tables = _werk_changeset_tables (size, data);
      _werk_store_resync_tables (self, tables);
    }
  sqlite3_free (data);
  return TRUE;
}

gboolean
werk_store_delete (WerkStore *self, WerkRecord *record, WerkUndo **undo, GError **error)
{
  g_autoptr (WerkRecord) keep = NULL;

  g_return_val_if_fail (WERK_IS_STORE (self), FALSE);
  g_return_val_if_fail (WERK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (werk_record_get_kind (record) != WERK_KIND_PROCESS, FALSE);

  keep = g_object_ref (record);
  return werk_store_run (self, delete_func, record, undo, error);
}

gboolean
_werk_store_append_record (WerkStore *self, WerkRecord *record, GError **error)
{
  WerkRecord *parent = werk_record_get_parent (record);
  GListStore *list = list_for (self, werk_record_get_kind (record), parent);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (!insert_row (self, record, n, error))
    return FALSE;
  _werk_record_set_position (record, n);
  g_hash_table_insert (self->records, (char *) werk_record_get_id (record), g_object_ref (record));
  g_list_store_append (list, record);
  if (werk_record_get_kind (record) == WERK_KIND_PROCESS)
    g_set_object (&self->process, WERK_PROCESS (record));
  return TRUE;
}
