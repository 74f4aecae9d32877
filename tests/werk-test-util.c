/* werk-test-util.c: what the core's tests share; each test #includes this file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-test-util.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

char *
werk_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("werk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
werk_test_rmtree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        werk_test_rmtree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
werk_test_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
werk_test_list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

void
werk_test_write_file (const char *path, const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

WerkStore *
werk_test_store_new (const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  WerkStore *store = werk_store_create (path, "Digitalisierungsstrategie Musterstadt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
werk_test_remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

void
werk_test_store_free (WerkStore *store)
{
  if (store == NULL)
    return;
  werk_store_close (store);
  g_object_unref (store);
}

static sqlite3 *
werk_test_sql_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

char *
werk_test_sql_text (const char *path, const char *sql)
{
  sqlite3 *db = werk_test_sql_open (path);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

gint64
werk_test_sql_int (const char *path, const char *sql)
{
  g_autofree char *text = werk_test_sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

void
werk_test_sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = werk_test_sql_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

GBytes *
werk_test_make_jpeg (int width, int height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr (GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + (gsize) x * 3;
        gboolean mark = x < width / 5 && y < height / 5;
        p[0] = mark ? 20 : 255 * x / MAX (1, width - 1);
        p[1] = mark ? 20 : 255 * y / MAX (1, height - 1);
        p[2] = mark ? 20 : 160;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

WerkRecord *
werk_test_item (GListModel *list, guint index)
{
  g_autoptr (WerkRecord) record = g_list_model_get_item (list, index);

  g_assert_nonnull (record);
  /* The store keeps its records alive: the caller may hold this one as long as the store. */
  return record;
}

char *
werk_test_ids (GListModel *list)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", werk_record_get_id (werk_test_item (list, i)));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
werk_test_labels (GListModel *list)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "",
                            werk_record_get_label (werk_test_item (list, i)));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

JsonNode *
werk_test_load_json (const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
werk_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

JsonNode *
werk_test_json_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr (GError) error = NULL;
  JsonNode *copy = json_from_string (text, &error);

  g_assert_no_error (error);
  return copy;
}

static char *
werk_test_json_brief (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  if (strlen (text) > 60)
    strcpy (text + 57, "...");
  return g_steal_pointer (&text);
}

static char *
werk_test_json_diff_at (JsonNode *a, JsonNode *b, const char *where)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b) ||
      (JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) != json_node_get_value_type (b)))
    goto differ;
  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
      g_autoptr (GList) kx = json_object_get_members (x);
      g_autoptr (GList) ky = json_object_get_members (y);
      GList *l, *m;

      for (l = kx, m = ky; l && m; l = l->next, m = m->next)
        {
          g_autofree char *child =
              g_strdup_printf ("%s%s%s", where, *where ? "." : "", (char *) l->data);
          char *diff;

          if (!g_str_equal (l->data, m->data))
            return g_strdup_printf ("%s: key “%s” where the other has “%s”", child,
                                    (char *) l->data, (char *) m->data);
          diff = werk_test_json_diff_at (json_object_get_member (x, l->data),
                                         json_object_get_member (y, m->data), child);
          if (diff)
            return diff;
        }
      if (l || m)
        return g_strdup_printf ("%s: key “%s” only on one side", where,
                                (char *) (l ? l->data : m->data));
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

      if (json_array_get_length (x) != json_array_get_length (y))
        return g_strdup_printf ("%s: %u elements ≠ %u", where, json_array_get_length (x),
                                json_array_get_length (y));
      for (guint i = 0; i < json_array_get_length (x); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", where, i);
          char *diff = werk_test_json_diff_at (json_array_get_element (x, i),
                                               json_array_get_element (y, i), child);
          if (diff)
            return diff;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_NULL (a) || json_node_equal (a, b))
    return NULL;

differ:
  {
    g_autofree char *x = werk_test_json_brief (a);
    g_autofree char *y = werk_test_json_brief (b);
    return g_strdup_printf ("%s: %s ≠ %s", where, x, y);
  }
}

char *
werk_test_json_diff (JsonNode *a, JsonNode *b)
{
  return werk_test_json_diff_at (a, b, "");
}

/* One step of a path: a member name, or an index when name is NULL. */
typedef struct
{
  char *name;
  guint index;
} WerkTestStep;

static GArray *
werk_test_json_steps (const char *path)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (WerkTestStep));
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *bracket = strchr (parts[i], '[');
      WerkTestStep step = { bracket ? g_strndup (parts[i], bracket - parts[i])
                                    : g_strdup (parts[i]) };

      g_array_append_val (steps, step);
      while (bracket)
        {
          step = (WerkTestStep){ NULL, strtoul (bracket + 1, NULL, 10) };
          g_array_append_val (steps, step);
          bracket = strchr (bracket + 1, '[');
        }
    }
  return steps;
}

static void
werk_test_json_steps_free (GArray *steps)
{
  for (guint i = 0; i < steps->len; i++)
    g_free (g_array_index (steps, WerkTestStep, i).name);
  g_array_unref (steps);
}

static JsonNode *
werk_test_json_step (JsonNode *node, const WerkTestStep *step)
{
  if (node == NULL)
    return NULL;
  if (step->name && JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_member (json_node_get_object (node), step->name);
  if (step->name == NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      step->index < json_array_get_length (json_node_get_array (node)))
    return json_array_get_element (json_node_get_array (node), step->index);
  return NULL;
}

/* Walks all steps but the last; returns the container the last step applies to. */
static JsonNode *
werk_test_json_container (JsonNode *root, GArray *steps, const char *path)
{
  JsonNode *node = root;

  for (guint i = 0; i + 1 < steps->len; i++)
    node = werk_test_json_step (node, &g_array_index (steps, WerkTestStep, i));
  if (node == NULL)
    g_error ("The fixture has no container for %s", path);
  return node;
}

JsonNode *
werk_test_json_at (JsonNode *root, const char *path)
{
  GArray *steps = werk_test_json_steps (path);
  JsonNode *node = root;

  for (guint i = 0; i < steps->len; i++)
    node = werk_test_json_step (node, &g_array_index (steps, WerkTestStep, i));
  werk_test_json_steps_free (steps);
  return node;
}

void
werk_test_json_set (JsonNode *root, const char *path, const char *value)
{
  GArray *steps = werk_test_json_steps (path);
  JsonNode *container = werk_test_json_container (root, steps, path);
  WerkTestStep *last = &g_array_index (steps, WerkTestStep, steps->len - 1);
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (value, &error);

  g_assert_no_error (error);
  if (last->name && JSON_NODE_HOLDS_OBJECT (container))
    json_object_set_member (json_node_get_object (container), last->name, node);
  else if (last->name == NULL && JSON_NODE_HOLDS_ARRAY (container))
    {
      JsonArray *array = json_node_get_array (container);
      g_assert_cmpuint (last->index, <, json_array_get_length (array));
      /* JsonArray has no replace: rebuild the element in place through a copy of the list. */
      {
        g_autoptr (JsonArray) copy = json_array_new ();
        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, i == last->index
                                            ? json_node_ref (node)
                                            : json_node_copy (json_array_get_element (array, i)));
        json_node_set_array (container, copy);
        json_node_unref (node);
      }
    }
  else
    g_error ("%s does not fit the fixture's shape", path);
  werk_test_json_steps_free (steps);
}

void
werk_test_json_remove (JsonNode *root, const char *path)
{
  GArray *steps = werk_test_json_steps (path);
  JsonNode *container = werk_test_json_container (root, steps, path);
  WerkTestStep *last = &g_array_index (steps, WerkTestStep, steps->len - 1);

  if (last->name && JSON_NODE_HOLDS_OBJECT (container) &&
      json_object_has_member (json_node_get_object (container), last->name))
    json_object_remove_member (json_node_get_object (container), last->name);
  else if (last->name == NULL && JSON_NODE_HOLDS_ARRAY (container) &&
           last->index < json_array_get_length (json_node_get_array (container)))
    json_array_remove_element (json_node_get_array (container), last->index);
  else
    g_error ("%s is not in the fixture", path);
  werk_test_json_steps_free (steps);
}

GBytes *
werk_test_json_bytes (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

char *
werk_test_cli_path (void)
{
  g_autofree char *path =
      g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "werkstatt-cli", NULL);

  /* meson builds it before the tests (their `depends`): missing, it is a failure, not a skip. */
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("werkstatt-cli was not built at %s", path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

int
werk_test_run_cli (const char *const *args, char **out, char **err)
{
  g_autofree char *cli = werk_test_cli_path ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process =
      g_subprocess_newv ((const char *const *) argv->pdata,
                         G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out_text, &err_text, &error);
  g_assert_no_error (error);
  if (err_text && *err_text)
    g_test_message ("werkstatt-cli %s: %s", args[0], err_text);
  if (out)
    *out = g_steal_pointer (&out_text);
  if (err)
    *err = g_steal_pointer (&err_text);
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

void
werk_test_check_error (const char *file, int line, const char *func, const GError *error, int code,
                       const char *prefix, const char *part)
{
  g_autofree char *message = NULL;

  if (error == NULL || error->domain != WERK_ERROR || error->code != code)
    message = g_strdup_printf ("expected WERK_ERROR %d, got %s %d: %s", code,
                               error ? g_quark_to_string (error->domain) : "no error",
                               error ? error->code : 0, error ? error->message : "");
  else if (prefix && !g_str_has_prefix (error->message, prefix))
    message = g_strdup_printf ("message “%s” does not start with “%s”", error->message, prefix);
  else if (part && !strstr (error->message, part))
    message = g_strdup_printf ("message “%s” does not contain “%s”", error->message, part);
  if (message)
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}
