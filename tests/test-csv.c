/* test-csv.c: the CSV writer and parser, checked byte for byte and against Python's csv module.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "werk-error.h"
#include "werk-csv.h"
#include "../src/core/werk-error.h"

/* odt_dep does not link the core yet; the error domain has no dependencies of its own. */

#define BOM "\xEF\xBB\xBF"

/* A spreadsheet of measures with everything that needs care. */
static const char *const sample[][6] = {
  { "Maßnahme", "Verantwortlich", "Fällig", "Status", "Notiz", NULL },
  { "Bürgerportal „Mein Amt“", "Hauptamt; IT", "2025-03-31", "geplant", "Sagt \"Ja\"", NULL },
  { "Radwege", "Straßenbauamt", "", "in Arbeit", "Zeile 1\nZeile 2", NULL },
  { "  eingerückt", "hinten ", "1,5 €", "", "Windows\r\nZeile", NULL },
  { "\"", "\"\"", ";", ";;", "\"a;b\"", NULL },
  { "", NULL },
  { "", "", "", "", "", NULL },
  { "Ende", NULL },
};

static WerkCsv *
build_sample (char separator, gboolean bom)
{
  WerkCsv *csv = werk_csv_new (separator, bom);

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    werk_csv_add_row (csv, sample[i]);
  return csv;
}

static void
assert_sample (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (sample));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstrv (g_ptr_array_index (rows, i), sample[i]);
}

static void
test_bytes (void)
{
  const char *const header[] = { "Maßnahme", "Status", NULL };
  const char *const quoted[] = { "Sagt \"Ja\"", "a;b", "1,5", NULL };
  const char *const lines[] = { "Zeile 1\nZeile 2", "  führend", "hinten ", NULL };
  const char *const empty[] = { "", "", NULL };
  const char *const lone[] = { "", NULL };
  g_autoptr (WerkCsv) csv = werk_csv_new (';', TRUE);
  g_autoptr (GBytes) bytes = NULL;
  const char *expected = BOM "Maßnahme;Status\r\n"
                             "\"Sagt \"\"Ja\"\"\";\"a;b\";1,5\r\n"
                             "\"Zeile 1\nZeile 2\";\"  führend\";\"hinten \"\r\n"
                             ";\r\n"
                             "\"\"\r\n"
                             "x;y\r\n";

  werk_csv_add_row (csv, header);
  werk_csv_add_row (csv, quoted);
  werk_csv_add_row (csv, lines);
  werk_csv_add_row (csv, empty);
  werk_csv_add_row (csv, lone);
  werk_csv_add_field (csv, "x");
  werk_csv_add_field (csv, "y");
  bytes = werk_csv_to_bytes (csv);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected,
                   strlen (expected));
}

static void
test_comma (void)
{
  const char *const row[] = { "a;b", "c,d", "e", NULL };
  g_autoptr (WerkCsv) csv = werk_csv_new (',', FALSE);
  g_autoptr (GBytes) bytes = NULL;
  const char *expected = "a;b,\"c,d\",e\r\n";

  werk_csv_add_row (csv, row);
  bytes = werk_csv_to_bytes (csv);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected,
                   strlen (expected));
}

static void
test_round_trip (void)
{
  const char separators[] = { ';', ',', '\t' };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autoptr (WerkCsv) csv = build_sample (separators[i], i == 0);
      g_autoptr (GBytes) bytes = werk_csv_to_bytes (csv);
      g_autoptr (GPtrArray) rows = NULL;
      g_autoptr (GError) error = NULL;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      rows = werk_csv_parse (data, size, separators[i], &error);
      g_assert_no_error (error);
      assert_sample (rows);
    }
}

static void
assert_parses (const char *text, const char *const *first, guint n_rows)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = werk_csv_parse (text, strlen (text), ';', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n_rows);
  if (first != NULL)
    g_assert_cmpstrv (g_ptr_array_index (rows, 0), first);
}

static void
test_parse_line_endings (void)
{
  const char *const ab[] = { "a", "b", NULL };
  const char *const trailing[] = { "a", "", NULL };

  assert_parses ("", NULL, 0);
  assert_parses ("a;b", ab, 1);
  assert_parses ("a;b\n", ab, 1);
  assert_parses ("a;b\nc\n", ab, 2);
  assert_parses ("a;b\rc\r", ab, 2);
  assert_parses (BOM "a;b\r\nc;d\r\n", ab, 2);
  assert_parses ("a;\r\n", trailing, 1);
}

static void
assert_parse_error (const char *text, const char *message)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  rows = werk_csv_parse (text, strlen (text), ';', &error);
  g_assert_null (rows);
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_parse_errors (void)
{
  assert_parse_error ("a;b\r\n\"offen;c\r\nd\r\n", "Line 2");
  assert_parse_error ("a;b\r\nc;\"zu\"x;b\r\n", "Line 2");
  assert_parse_error ("Ma\xDF"
                      "nahme;b\r\n",
                      "UTF-8");
}

static void
test_save (void)
{
  g_autoptr (WerkCsv) csv = build_sample (';', TRUE);
  g_autoptr (GBytes) bytes = werk_csv_to_bytes (csv);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("werk-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "massnahmen.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "fehlt", "massnahmen.csv", NULL);
  g_autofree char *data = NULL;
  gsize size;

  g_assert_true (werk_csv_save (csv, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_cmpmem (data, size, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_false (werk_csv_save (csv, missing, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "massnahmen.csv"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

/* Python prints the rows it read, fields joined by US and rows by RS. */
static const char python_reader[] =
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, delimiter=';'))\n"
    "sys.stdout.buffer.write('\\x1e'.join('\\x1f'.join(r) for r in rows).encode('utf-8'))\n";

static char *
join_sample (void)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sample); i++)
    g_ptr_array_add (rows, g_strjoinv ("\x1f", (char **) sample[i]));
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\x1e", (char **) rows->pdata);
}

static void
test_python (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr (WerkCsv) csv = build_sample (';', TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "csv-sample.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = join_sample ();
  int status;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }
  g_assert_true (werk_csv_save (csv, path, &error));
  {
    const char *argv[] = { python, "-c", python_reader, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/bytes", test_bytes);
  g_test_add_func ("/csv/comma", test_comma);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/line-endings", test_parse_line_endings);
  g_test_add_func ("/csv/parse-errors", test_parse_errors);
  g_test_add_func ("/csv/save", test_save);
  g_test_add_func ("/csv/python", test_python);
  return g_test_run ();
}
