/* test-sustainability-report.c: the sustainability report as the council reads it: pdftotext,
 * qpdf, pdffonts, its bookmarks, and werkstatt-cli sustainability.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "werk-sustainability-report.h"
#include "werk-test-util.c"

/* A word too long for its table cell, quotes and umlauts: every glyph must reach the page. */
static const char long_note[] =
    "Datenschutzfolgenabschätzungsverpflichtungsprüfungsunterlagen liegen vor; „Löschfristen“ "
    "sind geklärt – ß, ä, ö, ü bleiben.";
#define RETIRED_TITLE "Lärm und Licht (alt)"

static char *tmp_dir;
static WerkStore *store;
static char *report_path;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* Runs a tool; its standard output. */
static char *
run (const char *const *argv, int *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;
  g_autofree char *out = run (argv, &status);

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squeeze (out);
}

static char *
without_spaces (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
}

/* Every glyph of @part, in order: a word too long for its cell may be broken across lines. */
static void
assert_contains (const char *text, const char *part)
{
  g_autofree char *squeezed = squeeze (part);
  g_autofree char *compact_text = NULL;
  g_autofree char *compact_part = NULL;

  if (strstr (text, squeezed) != NULL)
    return;
  compact_text = without_spaces (text);
  compact_part = without_spaces (part);
  if (strstr (compact_text, compact_part) == NULL)
    g_error ("the report lacks “%s”", squeezed);
}

/* The demo, with what it lacks: a "not relevant" with a note, a long word, a retired criterion
 * with a rating that must not count. */
static void
add_cases (void)
{
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  WerkMeasure *first = WERK_MEASURE (werk_test_item (measures, 0));
  g_autoptr (GError) error = NULL;
  WerkRecord *retired;

  g_assert_true (werk_sustainability_rate (first, WERK_CRITERION (werk_test_item (criteria, 3)), 0,
                                           TRUE, "Keine Flächen betroffen.", &error));
  g_assert_true (werk_sustainability_rate (first, WERK_CRITERION (werk_test_item (criteria, 5)), -1,
                                           FALSE, long_note, &error));
  retired = werk_store_add (store, WERK_KIND_CRITERION, NULL, &error, "dimension", "ecological",
                            "title", RETIRED_TITLE, "question", "Stört es nachts?", NULL);
  g_assert_no_error (error);
  g_assert_true (werk_sustainability_rate (first, WERK_CRITERION (retired), -2, FALSE,
                                           "Veraltete Notiz", &error));
  g_assert_true (werk_record_set_bool (retired, "retired", TRUE, &error));
  g_assert_no_error (error);
}

/* Each measure's light, an unfinished one with its progress, and the count of each light. */
static void
assert_lights (const char *text)
{
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  guint counts[WERK_LIGHT_RED + 1] = { 0 };
  g_autofree char *summary = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      WerkSustainabilityResult result;
      g_autofree char *line = NULL;

      werk_sustainability_evaluate (WERK_MEASURE (werk_test_item (measures, i)), &result);
      counts[result.light]++;
      if (result.light != WERK_LIGHT_UNFINISHED)
        continue;
      line = g_strdup_printf ("Unfinished – %u of %u criteria rated", result.n_rated,
                              result.n_criteria);
      assert_contains (text, line);
    }
  /* The demo has checks of every kind but red. */
  g_assert_cmpuint (counts[WERK_LIGHT_GREEN], >, 0);
  g_assert_cmpuint (counts[WERK_LIGHT_YELLOW], >, 0);
  g_assert_cmpuint (counts[WERK_LIGHT_UNFINISHED], >, 0);
  summary = g_strdup_printf ("Green: %u · Yellow: %u · Red: %u · Unfinished: %u",
                             counts[WERK_LIGHT_GREEN], counts[WERK_LIGHT_YELLOW],
                             counts[WERK_LIGHT_RED], counts[WERK_LIGHT_UNFINISHED]);
  assert_contains (text, summary);
}

static void
test_text (void)
{
  g_autofree char *text = pdf_text (report_path);
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  GListModel *ratings = werk_store_get_list (store, WERK_KIND_RATING, NULL);

  assert_contains (text, "Sustainability check of the measures");
  assert_contains (text, werk_sustainability_rule ());
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    assert_contains (text, werk_record_get_label (werk_test_item (measures, i)));
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      WerkRecord *criterion = werk_test_item (criteria, i);

      assert_contains (text, werk_record_get_label (criterion));
      if (!werk_record_get_bool (criterion, "retired"))
        assert_contains (text, werk_record_get_string (criterion, "question"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      WerkRecord *rating = werk_test_item (ratings, i);
      WerkRecord *criterion = werk_record_get_ref (rating, "criterion");
      const char *note = werk_record_get_string (rating, "note");

      if (note && *note && !werk_record_get_bool (criterion, "retired"))
        assert_contains (text, note);
    }
  /* A retired criterion is named as retired; its rating is not in the report. */
  assert_contains (text, "Retired criteria, no longer counted: " RETIRED_TITLE);
  g_assert_null (strstr (text, "Veraltete Notiz"));
  assert_contains (text, "Keine Flächen betroffen.");
  assert_contains (text, "not relevant");
  assert_contains (text, "Not checked yet.");
  assert_lights (text);
  assert_contains (text, "Page 2 of");
}

static void
test_valid (void)
{
  const char *check[] = { "qpdf", "--check", report_path, NULL };
  const char *fonts[] = { "pdffonts", report_path, NULL };
  int status;
  g_autofree char *checked = run (check, &status);
  g_autofree char *listed = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_fonts = 0;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (checked, "No syntax or stream encoding errors"));

  listed = run (fonts, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (listed, "\n", -1);
  /* After the two header lines: name type encoding emb sub uni object ID */
  for (guint i = 2; lines[i] && *lines[i]; i++)
    {
      g_auto (GStrv) columns = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      guint n = g_strv_length (columns);

      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (columns[n - 5], ==, "yes"); /* emb */
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static void
append_outlines (GString *titles, JsonArray *outlines)
{
  for (guint i = 0; outlines && i < json_array_get_length (outlines); i++)
    {
      JsonObject *outline = json_array_get_object_element (outlines, i);

      g_string_append_printf (titles, "%s\n", json_object_get_string_member (outline, "title"));
      if (json_object_has_member (outline, "kids"))
        append_outlines (titles, json_object_get_array_member (outline, "kids"));
    }
}

static void
test_bookmarks (void)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=outlines", report_path, NULL };
  g_autofree char *json = run (argv, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) titles = g_string_new ("\n");
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  append_outlines (titles, json_object_get_array_member (
                               json_node_get_object (json_parser_get_root (parser)), "outlines"));
  g_assert_nonnull (strstr (titles->str, "\nHow the check works\nOverview\nRatings by measure\n"));
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autofree char *line =
          g_strdup_printf ("\n%s\n", werk_record_get_label (werk_test_item (measures, i)));
      g_assert_nonnull (strstr (titles->str, line));
    }
}

static void
test_no_criteria (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  WerkStore *empty = werk_test_store_new (dir, "leer.werkstatt");
  g_autofree char *pdf = g_build_filename (dir, "leer.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  werk_store_add (empty, WERK_KIND_MEASURE, NULL, &error, "title", "Stadt-App", NULL);
  g_assert_no_error (error);
  g_assert_true (werk_sustainability_report_export (empty, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  assert_contains (text, "The process has no criteria yet");
  assert_contains (text, "Stadt-App");
  werk_test_store_free (empty);
  werk_test_rmtree (dir);
}

static void
test_refusals (void)
{
  g_autofree char *missing = tmp_path ("fehlt/bericht.pdf");
  g_autofree char *other = tmp_path ("bericht.txt");
  g_autofree char *before = werk_test_checksum (werk_store_get_path (store));
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (werk_sustainability_report_export (store, missing, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_FAILED, "fehlt");
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_false (werk_sustainability_report_export (store, other, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_INVALID, "bericht.txt");
  g_clear_error (&error);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* Above all, never the process file itself. */
  g_assert_false (werk_sustainability_report_export (store, werk_store_get_path (store), &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  after = werk_test_checksum (werk_store_get_path (store));
  g_assert_cmpstr (before, ==, after);
}

static char *
page_text (const char *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", number,
                         "-l",        number, pdf,     "-",       NULL };
  int status;
  char *out = run (argv, &status);

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The last line of a page above its footer. */
static char *
last_line (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  const char *last = "";
  const char *before = "";

  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) && !g_str_has_prefix (lines[i], "\f"))
      {
        before = last;
        last = lines[i];
      }
  /* The footer is the last line. */
  return g_strdup (before);
}

/* No measure's heading and facts alone at the bottom of a page with its ratings on the next, and
 * no dimension's row alone under its criteria. */
static void
test_page_breaks (void)
{
  const char *argv[] = { "pdfinfo", report_path, NULL };
  int status;
  g_autofree char *info = run (argv, &status);
  const char *pages = strstr (info, "Pages:");
  guint n_pages;

  g_assert_nonnull (pages);
  n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >, 5);
  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (report_path, p);
      const char *facts = g_strrstr (text, "Traffic light:");
      g_autofree char *last = last_line (text);

      if (facts)
        g_assert_true (strstr (facts, "Criterion") || strstr (facts, "Not checked yet."));
      g_assert_null (strstr (last, "Ø"));
    }
}

static void
test_cli (void)
{
  g_autofree char *cli = werk_test_cli_path ();
  g_autofree char *out = tmp_path ("cli.pdf");
  g_autofree char *missing = tmp_path ("fehlt/cli.pdf");
  g_autofree char *text = NULL;
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  const char *path = werk_store_get_path (store);

  if (cli == NULL)
    return;
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "sustainability", path, "-o", out, NULL },
                                      &stdout_text, &stderr_text),
                   ==, 0);
  text = pdf_text (out);
  assert_contains (text, werk_sustainability_rule ());
  g_clear_pointer (&stderr_text, g_free);
  g_clear_pointer (&stdout_text, g_free);

  g_assert_cmpint (
      werk_test_run_cli ((const char *[]){ "sustainability", path, "-o", missing, NULL },
                         &stdout_text, &stderr_text),
      !=, 0);
  g_assert_nonnull (strstr (stderr_text, "fehlt"));
  g_assert_null (strchr (g_strchomp (stderr_text), '\n'));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&stderr_text, g_free);
  g_clear_pointer (&stdout_text, g_free);

  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "sustainability", path, NULL },
                                      &stdout_text, &stderr_text),
                   !=, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = werk_test_make_dir ();
  path = tmp_path ("demo.werkstatt");
  store = werk_demo_create (path, &error);
  g_assert_no_error (error);
  add_cases ();
  report_path = tmp_path ("report.pdf");
  g_assert_true (werk_sustainability_report_export (store, report_path, &error));
  g_assert_no_error (error);

  g_test_add_func ("/sustainability-report/text", test_text);
  g_test_add_func ("/sustainability-report/valid", test_valid);
  g_test_add_func ("/sustainability-report/bookmarks", test_bookmarks);
  g_test_add_func ("/sustainability-report/no-criteria", test_no_criteria);
  g_test_add_func ("/sustainability-report/refusals", test_refusals);
  g_test_add_func ("/sustainability-report/page-breaks", test_page_breaks);
  g_test_add_func ("/sustainability-report/cli", test_cli);
  result = g_test_run ();

  werk_test_store_free (store);
  werk_test_rmtree (tmp_dir);
  g_free (tmp_dir);
  g_free (report_path);
  return result;
}
