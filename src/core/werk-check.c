/* werk-check.c: the integrity check of an open file: SQLite's own, foreign keys, references.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-private.h"

static gboolean
check_pragma (WerkStore *self, const char *sql, GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = _werk_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_column_count (stmt) == 1 && g_strcmp0 (text, "ok") == 0)
        continue;
      if (sqlite3_column_count (stmt) == 1)
        g_ptr_array_add (problems, g_strdup_printf (_ ("Storage: %s"), text));
      else
        g_ptr_array_add (problems,
                         g_strdup_printf (_ ("A row of “%s” refers to a missing row of “%s”."),
                                          text, (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  return _werk_store_check_sqlite (self, rc, error);
}

static void
check_version (WerkStore *self, GPtrArray *problems)
{
  sqlite3_stmt *stmt = _werk_store_prepare (self, "PRAGMA user_version", NULL);
  int version = stmt && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;

  if (stmt)
    sqlite3_reset (stmt);
  if (version != WERK_SCHEMA_VERSION)
    g_ptr_array_add (problems, g_strdup_printf (_ ("The schema version is %d, expected %d."),
                                                version, WERK_SCHEMA_VERSION));
}

/* Re-checks every record against the rules a change would have to pass. */
static void
check_records (WerkStore *self, WerkKind kind, WerkRecord *parent, GPtrArray *problems)
{
  GListModel *list = werk_store_get_list (self, kind, parent);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (list, i);
      g_autoptr (GError) local = NULL;
      const WerkKindInfo *info = _werk_record_info (record);

      if (!_werk_record_check (record, &local))
        g_ptr_array_add (problems, g_strdup_printf ("%s %s: %s", werk_kind_get_label (kind),
                                                    info->has_id ? werk_record_get_id (record)
                                                                 : werk_record_get_label (record),
                                                    local->message));
      for (guint k = 0; k < WERK_N_KINDS; k++)
        if (_werk_kind_info (k)->parent_kind == kind)
          check_records (self, k, record, problems);
    }
}

gboolean
werk_store_check (WerkStore *self, GPtrArray *problems, GError **error)
{
  g_return_val_if_fail (WERK_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!check_pragma (self, "PRAGMA integrity_check", problems, error) ||
      !check_pragma (self, "PRAGMA foreign_key_check", problems, error))
    return FALSE;
  check_version (self, problems);
  for (guint k = 0; k < WERK_N_KINDS; k++)
    if (_werk_kind_info (k)->parent_kind == WERK_N_KINDS && k != WERK_KIND_PROCESS)
      check_records (self, k, NULL, problems);
  return TRUE;
}
