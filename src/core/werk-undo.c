/* werk-undo.c: what restores a deletion or an operation: the inverse of its SQLite changeset.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-private.h"

struct _WerkUndo
{
  GObject parent_instance;

  WerkStore *store;
  GBytes *changeset;
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (WerkUndo, werk_undo, G_TYPE_OBJECT)

static void
werk_undo_finalize (GObject *object)
{
  WerkUndo *self = WERK_UNDO (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->changeset, g_bytes_unref);
  G_OBJECT_CLASS (werk_undo_parent_class)->finalize (object);
}

static void
werk_undo_class_init (WerkUndoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = werk_undo_finalize;
}

static void
werk_undo_init (WerkUndo *self)
{
}

WerkUndo *
_werk_undo_new (WerkStore *store, GBytes *inverse_changeset)
{
  WerkUndo *self = g_object_new (WERK_TYPE_UNDO, NULL);

  self->store = g_object_ref (store);
  self->changeset = inverse_changeset;
  return self;
}

/* Rows changed since are put back as they were before the operation; rows that a later change
 * depends on, or that can't come back, make the whole undo fail. */
static int
conflict_cb (void *ctx, int conflict, sqlite3_changeset_iter *iter)
{
  switch (conflict)
    {
      case SQLITE_CHANGESET_DATA:
      case SQLITE_CHANGESET_CONFLICT:
        return SQLITE_CHANGESET_REPLACE;
      case SQLITE_CHANGESET_NOTFOUND:
        return SQLITE_CHANGESET_OMIT;
      default:
        return SQLITE_CHANGESET_ABORT;
    }
}

gboolean
werk_undo_apply (WerkUndo *self, GError **error)
{
  g_autoptr (GHashTable) tables = NULL;
  sqlite3 *db;
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (WERK_IS_UNDO (self), FALSE);

  if (self->applied)
    return TRUE;
  if (_werk_store_is_closed (self->store))
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The file is closed."));
      return FALSE;
    }
  db = _werk_store_db (self->store);
  data = g_bytes_get_data (self->changeset, &size);
  rc = sqlite3changeset_apply (db, size, (void *) data, NULL, conflict_cb, NULL);
  if (rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_CONFLICT,
                           _ ("This can no longer be undone: something it belonged to was "
                              "deleted since."));
      return FALSE;
    }
  if (!_werk_sqlite_error (db, rc, error))
    return FALSE;
  self->applied = TRUE;
  tables = _werk_changeset_tables (size, data);
  _werk_store_resync_tables (self->store, tables);
  return TRUE;
}
