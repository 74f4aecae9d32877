/* werk-test-util.h: what the core's tests share: temporary folders, checksums, JSON edits, the CLI.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "werk-core.h"

G_BEGIN_DECLS

/* A new empty folder under the system's temporary folder; werk_test_rmtree removes it again. */
char *werk_test_make_dir (void);
void werk_test_rmtree (const char *path);

/* SHA-256 of a file's bytes as hex, or NULL if it can't be read. */
char *werk_test_checksum (const char *path);
/* The names in a folder, sorted, one a line ("" for an empty folder). */
char *werk_test_list_dir (const char *path);
/* Writes @length bytes (-1: a string) to @path, replacing it; fails the test on error. */
void werk_test_write_file (const char *path, const char *data, gssize length);

/* A new .werkstatt file @name in @dir with an empty process; fails the test on error. */
WerkStore *werk_test_store_new (const char *dir, const char *name);
/* Removes a database file with its -wal and -shm companions. */
void werk_test_remove_db (const char *path);
/* Closes and unrefs a store (NULL is allowed). */
void werk_test_store_free (WerkStore *store);

/* The first column of the first row of @sql, run through a connection of its own to the file
 * at @path, as SQLite's text; NULL when there is no row or the value is NULL. */
char *werk_test_sql_text (const char *path, const char *sql);
gint64 werk_test_sql_int (const char *path, const char *sql);
/* Runs statements on the file through a connection of its own; fails the test on error. */
void werk_test_sql_exec (const char *path, const char *sql);

/* A JPEG of @width × @height: a gradient with a dark square top-left. */
GBytes *werk_test_make_jpeg (int width, int height);

/* The record at @index of a list model (owned by the model's store). */
WerkRecord *werk_test_item (GListModel *list, guint index);
/* The ids of a list's records, joined with spaces. */
char *werk_test_ids (GListModel *list);
/* The labels of a list's records, joined with "|". */
char *werk_test_labels (GListModel *list);

/* JSON of a file, or of a fixture in tests/fixtures/. */
JsonNode *werk_test_load_json (const char *path);
char *werk_test_fixture_path (const char *name);
/* A deep copy (json_node_copy shares objects and arrays). */
JsonNode *werk_test_json_copy (JsonNode *node);
/* NULL when @a and @b are equal key for key, value for value, in the same order; otherwise
 * where they first differ ("measures[2].title: "A" ≠ "B""). */
char *werk_test_json_diff (JsonNode *a, JsonNode *b);
/* The node at a path such as "workshops[0].voting_rounds[1].on" (borrowed), or NULL. */
JsonNode *werk_test_json_at (JsonNode *root, const char *path);
/* Sets the member or element at @path to the JSON text @value (adding a missing member at the
 * end of its object); removes it. Fail the test if the path's container is missing. */
void werk_test_json_set (JsonNode *root, const char *path, const char *value);
void werk_test_json_remove (JsonNode *root, const char *path);
GBytes *werk_test_json_bytes (JsonNode *root);

/* build/src/cli/werkstatt-cli, or NULL when it is not built. */
char *werk_test_cli_path (void);
/* Runs werkstatt-cli with @args (NULL-terminated); its exit status, or -1 if it died. */
int werk_test_run_cli (const char *const *args, char **out, char **err);

/* Asserts a GError of WERK_ERROR @code whose message starts with @prefix. */
#define werk_test_assert_error_prefix(error, code, prefix) \
  werk_test_check_error (__FILE__, __LINE__, G_STRFUNC, (error), (code), (prefix), NULL)
/* Asserts a GError of WERK_ERROR @code whose message contains @part. */
#define werk_test_assert_error_contains(error, code, part) \
  werk_test_check_error (__FILE__, __LINE__, G_STRFUNC, (error), (code), NULL, (part))
void werk_test_check_error (const char *file, int line, const char *func, const GError *error,
                            int code, const char *prefix, const char *part);

G_END_DECLS
