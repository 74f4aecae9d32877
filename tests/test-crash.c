/* test-crash.c: crash safety: a child process editing a file is killed mid-burst, and every edit
 * it reported as done is in the file, which checks clean.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "werk-core.h"
#include "werk-test-util.c"

/* ---- the child: edits until it is killed, reporting each edit once it is committed ---- */

static void
report (const char *kind, guint n)
{
  char line[32];
  int length = g_snprintf (line, sizeof line, "%s %u\n", kind, n);

  /* write(2), not stdio: what is reported must have left the process before the next edit. */
  if (write (STDOUT_FILENO, line, length) != length)
    _exit (3);
}

static void
child_edits (WerkStore *store)
{
  for (guint n = 0; n < 1000000; n++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Maßnahme %u", n);
      g_autofree char *steps = g_strdup_printf ("Schritt %u: Ausschreibung vorbereiten", n);
      WerkRecord *measure =
          werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", title, NULL);

      if (measure == NULL)
        g_error ("%s", error->message);
      report ("a", n);
      if (!werk_record_set_string (measure, "next_steps", steps, &error))
        g_error ("%s", error->message);
      report ("s", n);
    }
}

#define BATCH 20

typedef struct
{
  guint batch;
} Batch;

static gboolean
add_batch (WerkStore *store, gpointer data, GError **error)
{
  Batch *b = data;

  for (guint i = 0; i < BATCH; i++)
    {
      g_autofree char *title = g_strdup_printf ("Stapel %u/%u", b->batch, i);
      if (!werk_store_add (store, WERK_KIND_MEASURE, NULL, error, "title", title, "owner",
                           "Hauptamt", NULL))
        return FALSE;
    }
  return TRUE;
}

static void
child_batches (WerkStore *store)
{
  for (guint n = 0; n < 1000000; n++)
    {
      g_autoptr (GError) error = NULL;
      Batch b = { n };

      if (!werk_store_run (store, add_batch, &b, NULL, &error))
        g_error ("%s", error->message);
      report ("b", n);
    }
}

static int
child_main (const char *mode, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (g_str_equal (mode, "create"))
    store = werk_store_create (path, "Absturz", &error);
  else
    store = werk_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (g_str_equal (mode, "batches"))
    child_batches (store);
  else
    child_edits (store);
  return 0;
}

/* ---- the parent ---- */

typedef struct
{
  GHashTable *added;   /* n of each measure reported as added */
  GHashTable *stepped; /* n of each measure reported with its next steps */
  GHashTable *batches;
  guint edits;
  guint lines_after_kill;
} Reported;

static void
reported_clear (Reported *r)
{
  g_clear_pointer (&r->added, g_hash_table_unref);
  g_clear_pointer (&r->stepped, g_hash_table_unref);
  g_clear_pointer (&r->batches, g_hash_table_unref);
}

static void
take_line (Reported *r, const char *line)
{
  char kind;
  guint n;

  g_assert_cmpint (sscanf (line, "%c %u", &kind, &n), ==, 2);
  if (kind == 'a')
    g_hash_table_add (r->added, GUINT_TO_POINTER (n + 1));
  else if (kind == 's')
    g_hash_table_add (r->stepped, GUINT_TO_POINTER (n + 1));
  else if (kind == 'b')
    g_hash_table_add (r->batches, GUINT_TO_POINTER (n + 1));
  else
    g_assert_not_reached ();
  r->edits++;
}

/* Runs the child on @path and kills it once it has reported @kill_after edits. */
static void
run_and_kill (const char *mode, const char *path, guint kill_after, Reported *r)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  gboolean killed = FALSE;
  char *line;

  g_assert_no_error (error);
  r->added = g_hash_table_new (NULL, NULL);
  r->stepped = g_hash_table_new (NULL, NULL);
  r->batches = g_hash_table_new (NULL, NULL);
  child =
      g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--child", mode, path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)))
    {
      take_line (r, line);
      g_free (line);
      if (killed)
        r->lines_after_kill++;
      else if (r->edits >= kill_after)
        {
          /* SIGKILL: no handler, no atexit, no flush; as a power cut is to the process. */
          g_subprocess_force_exit (child);
          killed = TRUE;
        }
    }
  g_assert_no_error (error);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  /* Killed mid-burst, not finished or failed on its own. */
  g_assert_true (killed);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
  g_test_message ("%s: %u edits reported, %u of them after the kill was sent", mode, r->edits,
                  r->lines_after_kill);
}

/* The file after the crash: opens, and SQLite's own check and werkstatt-cli check pass. */
static void
assert_file_sound (const char *path)
{
  g_autofree char *integrity = werk_test_sql_text (path, "PRAGMA integrity_check");
  g_autofree char *fk = werk_test_sql_text (path, "PRAGMA foreign_key_check");
  g_autofree char *cli = werk_test_cli_path ();
  g_autofree char *out = NULL;

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_null (fk);
  if (cli)
    {
      g_assert_cmpint (werk_test_run_cli ((const char *[]){ "check", path, NULL }, &out, NULL), ==,
                       0);
      g_assert_nonnull (strstr (out, "ok"));
    }
}

static void
assert_edits_kept (WerkStore *store, Reported *r)
{
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  guint n_items = g_list_model_get_n_items (measures);
  g_autoptr (GHashTable) found = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) with_steps = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < n_items; i++)
    {
      WerkRecord *m = werk_test_item (measures, i);
      guint n;

      g_assert_cmpint (sscanf (werk_record_get_label (m), "Maßnahme %u", &n), ==, 1);
      /* Each add happened once, and the list keeps the order they were made in. */
      g_assert_false (g_hash_table_contains (found, GUINT_TO_POINTER (n + 1)));
      g_assert_cmpuint (n, ==, i);
      g_hash_table_add (found, GUINT_TO_POINTER (n + 1));
      if (*werk_record_get_string (m, "next_steps"))
        {
          g_autofree char *want = g_strdup_printf ("Schritt %u: Ausschreibung vorbereiten", n);
          g_assert_cmpstr (werk_record_get_string (m, "next_steps"), ==, want);
          g_hash_table_add (with_steps, GUINT_TO_POINTER (n + 1));
        }
    }
  g_hash_table_iter_init (&iter, r->added);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (found, key));
  g_hash_table_iter_init (&iter, r->stepped);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (with_steps, key));
  /* At most the one edit under way when the kill came may be there without its report. */
  g_assert_cmpuint (n_items, <=, g_hash_table_size (r->added) + 1);
  g_assert_cmpuint (g_hash_table_size (with_steps), <=, g_hash_table_size (r->stepped) + 1);
}

static void
test_edits (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) created = werk_test_store_new (dir, "absturz.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (created));
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  Reported r = { 0 };

  werk_store_close (created);
  run_and_kill ("edits", path, 4000, &r);

  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  assert_edits_kept (store, &r);
  werk_store_close (store);
  assert_file_sound (path);

  /* After the crash the file takes edits as before. */
  g_clear_object (&store);
  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (
      werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Danach", NULL));
  g_assert_no_error (error);
  werk_store_close (store);

  reported_clear (&r);
  werk_test_rmtree (dir);
}

/* An operation of many changes is all there or not at all, however the kill falls. */
static void
test_batches (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autoptr (WerkStore) created = werk_test_store_new (dir, "stapel.werkstatt");
  g_autofree char *path = g_strdup (werk_store_get_path (created));
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sizes = g_hash_table_new (NULL, NULL);
  GListModel *measures;
  Reported r = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  guint complete = 0;

  werk_store_close (created);
  run_and_kill ("batches", path, 100, &r);

  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      guint batch, item;
      gpointer batch_key;

      g_assert_cmpint (sscanf (werk_record_get_label (werk_test_item (measures, i)), "Stapel %u/%u",
                               &batch, &item),
                       ==, 2);
      batch_key = GUINT_TO_POINTER (batch + 1);
      g_hash_table_insert (
          sizes, batch_key,
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, batch_key)) + 1));
    }
  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, BATCH);
      complete++;
    }
  g_hash_table_iter_init (&iter, r.batches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, key)), ==, BATCH);
  g_assert_cmpuint (complete, <=, g_hash_table_size (r.batches) + 1);
  werk_store_close (store);
  assert_file_sound (path);

  reported_clear (&r);
  werk_test_rmtree (dir);
}

/* A file made minutes before the crash, never closed: the common case of a live workshop. */
static void
test_new_file (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "neu.werkstatt", NULL);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  Reported r = { 0 };

  run_and_kill ("create", path, 200, &r);

  /* Its file type must be in the main file although the journal was never checkpointed. */
  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  assert_edits_kept (store, &r);
  werk_store_close (store);
  assert_file_sound (path);

  reported_clear (&r);
  werk_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/edits", test_edits);
  g_test_add_func ("/crash/batches", test_batches);
  g_test_add_func ("/crash/new-file", test_new_file);
  return g_test_run ();
}
