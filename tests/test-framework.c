/* test-framework.c: the strategy framework (PDF, ODT, Markdown) and the measures CSV, read back
 * as a user's tools read them: pdftotext, qpdf, LibreOffice, Python's csv module.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <minizip/unzip.h>
#include <string.h>

#include "werk-csv.h"
#include "werk-framework.h"
#include "werk-measures-csv.h"

/* The fields, guiding goals and measures of tests/fixtures/framework-conception.json in the
 * order and with the numbers the framework must give them; the dropped measure is not here. */
static const char *const outline[] = {
  "1 Verwaltung & Bürgerservice",
  "1.1 Die 30 häufigsten Verwaltungsleistungen sind bis 2028 online möglich.",
  "1.1.1 Bürgerportal mit Mängelmelder",
  "1.1.2 Online-Terminbuchung im Bürgerbüro",
  "1.2 Die Verwaltung arbeitet medienbruchfrei mit der E-Akte.",
  "1.2.1 E-Akte und digitaler Posteingang",
  "1.2.2 Scanstelle im Rathaus",
  "2 Bildung & Teilhabe",
  "2.1 Alle Schulen haben eine verlässliche digitale Ausstattung.",
  "2.1.1 Gemeinsamer IT-Support für alle Schulen",
  "2.1.2 WLAN in allen Klassenzimmern",
  "2.2 Menschen jeden Alters finden wohnortnah Hilfe bei digitalen Fragen.",
  "2.2.1 Digitallotsen für Ältere",
  "2.2.2 Medienscouts an den Schulen",
  "2.3 Measures without a guiding goal",
  "2.3.1 Offene Werkstatt *Code & Kaffee* [Jugend] | 1. Treffen",
  "3 Mobilität",
  "3.1 Alle Ortsteile sind ohne eigenes Auto stündlich erreichbar.",
  "3.1.1 Rufbus auf Bestellung für die Ortsteile",
  "3.1.2 Mobilstationen am Bahnhof",
  "3.2 Fahrgastinformationen sind in Echtzeit verfügbar.",
  "3.2.1 Echtzeit-Fahrgastinformation an Haltestellen",
  "4 Smarte Umwelt",
  "4.1 Der Energieverbrauch städtischer Gebäude sinkt um 30 Prozent.",
  "4.1.1 Energiemonitoring für städtische Gebäude",
  "4.2 Die Stadt erkennt Starkregen früh und warnt die Bevölkerung.",
  "4.2.1 Pegel- und Starkregensensoren mit Frühwarnung",
  "5 Measures without a field of action",
  "5.1 Reallabor „Smarte Region“ mit dem Landkreis",
  "Goal matrix",
  "Sustainability check",
  "Appendix: workshop history",
};

#define DROPPED      "1.1.3 Digitale Infostelen in der Innenstadt"
#define VISION_START "Musterstadt nutzt die Digitalisierung"

static char *tmp_dir;
static WerkStore *store;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* Runs a tool; its standard output, or NULL if it failed. */
static char *
run (const char *const *argv, int *status_out)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (status_out != NULL)
    *status_out = status;
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

/* The contents page as laid out, for the page number at the end of each entry's line. */
static char *
contents_page (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-f", "2", "-l", "2",
                         "-enc",      "UTF-8",   pdf,  "-", NULL };

  return run (argv, NULL);
}

static gboolean
lists_entry (const char *contents, const char *entry)
{
  g_autofree char *quoted = g_regex_escape_string (entry, -1);
  g_autofree char *pattern = g_strdup_printf ("^ *%s +\\d+$", quoted);

  return g_regex_match_simple (pattern, contents, G_REGEX_MULTILINE, 0);
}

static GDateTime *
as_of (void)
{
  return g_date_time_new_local (2026, 11, 22, 9, 0, 0);
}

static char *export(WerkFrameworkFormat format, gboolean with_dropped, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = as_of ();
  WerkFrameworkOptions options = { with_dropped, date };
  char *path = tmp_path (name);

  g_assert_true (werk_framework_export (store, path, format, &options, &error));
  g_assert_no_error (error);
  return path;
}

/* Each entry of @outline after the previous one, searched from @from on. */
static void
assert_outline (const char *text, const char *from)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  for (guint i = 0; i < G_N_ELEMENTS (outline); i++)
    {
      const char *found = strstr (at, outline[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order after “%.80s”", outline[i], at);
      at = found + strlen (outline[i]);
    }
}

/* PDF ------------------------------------------------------------------------------------- */

static void
test_pdf (void)
{
  g_autofree char *pdf = export(WERK_FRAMEWORK_PDF, FALSE, "framework.pdf");
  g_autofree char *text = pdf_text (pdf);
  const char *check[] = { "qpdf", "--check", pdf, NULL };
  int status;
  g_autofree char *checked = run (check, &status);
  g_autofree char *contents = contents_page (pdf);

  assert_outline (text, VISION_START);
  /* The title page: process, municipality, region, the date of this state. */
  g_assert_true (g_str_has_prefix (text, "Digitalstrategie Musterstadt 2030 Strategic framework"));
  g_assert_nonnull (strstr (text, "Municipality: Musterstadt Region: Landkreis Beispiel"));
  g_assert_nonnull (strstr (text, "As of: 2026-11-22"));
  /* Contents with page numbers: fields and guiding goals, not the measures. */
  g_assert_true (lists_entry (contents, "Vision"));
  g_assert_true (lists_entry (contents, "1 Verwaltung & Bürgerservice"));
  g_assert_true (lists_entry (contents, "2.3 Measures without a guiding goal"));
  g_assert_true (lists_entry (contents, "Appendix: workshop history"));
  g_assert_false (lists_entry (contents, "1.1.1 Bürgerportal mit Mängelmelder"));
  /* Priority from the latest visible round; a blind round never shows. */
  g_assert_nonnull (strstr (text, "14 dots, rank 1 of 5 – voting on 2026-11-12"));
  g_assert_null (strstr (text, "99 dots"));
  g_assert_null (strstr (text, DROPPED));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The bookmarks' titles, each before its children, as a reader's side panel lists them. */
static void
append_outlines (GString *titles, JsonArray *outlines)
{
  for (guint i = 0; i < json_array_get_length (outlines); i++)
    {
      JsonObject *outline = json_array_get_object_element (outlines, i);

      g_string_append_printf (titles, "%s\n", json_object_get_string_member (outline, "title"));
      append_outlines (titles, json_object_get_array_member (outline, "kids"));
    }
}

static void
test_pdf_bookmarks (void)
{
  g_autofree char *pdf = export(WERK_FRAMEWORK_PDF, FALSE, "bookmarks.pdf");
  const char *argv[] = { "qpdf", "--json", "--json-key=outlines", pdf, NULL };
  g_autofree char *json = run (argv, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *titles = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  append_outlines (all, json_object_get_array_member (
                            json_node_get_object (json_parser_get_root (parser)), "outlines"));
  titles = squeeze (all->str);
  assert_outline (titles, "Vision");
}

/* ODT ------------------------------------------------------------------------------------- */

/* The reader checks the entry's CRC once it is read to the end. */
static GBytes *
zip_entry (const char *path, const char *name)
{
  unzFile zip = unzOpen64 (path);
  g_autoptr (GByteArray) data = g_byte_array_new ();
  char buffer[16384];
  int n;

  g_assert_nonnull (zip);
  g_assert_cmpint (unzLocateFile (zip, name, 1), ==, UNZ_OK);
  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_byte_array_append (data, (guint8 *) buffer, n);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (unzCloseCurrentFile (zip), ==, UNZ_OK);
  g_assert_cmpint (unzClose (zip), ==, UNZ_OK);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
text_cb (GMarkupParseContext *context, const char *text, gsize len, gpointer user_data,
         GError **error)
{
  g_string_append_len (user_data, text, len);
}

static void
end_cb (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  /* Blocks and spaces end a word; runs of spaces are squeezed afterwards. */
  if (g_str_equal (element, "text:p") || g_str_equal (element, "text:h") ||
      g_str_equal (element, "text:s") || g_str_equal (element, "text:line-break"))
    g_string_append_c (user_data, ' ');
}

static char *
odt_text (const char *odt, char **xml_out)
{
  static const GMarkupParser parser = { NULL, end_cb, text_cb, NULL, NULL };
  g_autoptr (GBytes) content = zip_entry (odt, "content.xml");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, text, NULL);
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *xml = g_bytes_get_data (content, &size);

  g_markup_parse_context_parse (context, xml, size, &error);
  g_assert_no_error (error);
  if (xml_out != NULL)
    *xml_out = g_strndup (xml, size);
  return squeeze (text->str);
}

static void
test_odt (void)
{
  g_autofree char *odt = export(WERK_FRAMEWORK_ODT, FALSE, "framework.odt");
  g_autofree char *xml = NULL;
  g_autofree char *text = odt_text (odt, &xml);

  assert_outline (text, VISION_START);
  g_assert_null (strstr (text, DROPPED));
  /* Real headings for the navigator and the contents; the matrix is a table. */
  g_assert_nonnull (
      strstr (xml, "<text:h text:style-name=\"Heading_20_3\" text:outline-level=\"3\">"));
  g_assert_nonnull (strstr (xml, "<text:table-of-content"));
  g_assert_nonnull (strstr (text, "Field of action Core goal 1 Core goal 2 1 Verwaltung & "
                                  "Bürgerservice 1.1.1 Bürgerportal mit Mängelmelder"));
}

static char *
libreoffice_pdf (const char *soffice, const char *odt)
{
  g_autofree char *profile = tmp_path ("lo-profile");
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  g_autofree char *outdir = tmp_path ("lo");
  const char *argv[] = { soffice, "--headless", "--norestore", env, "--convert-to",
                         "pdf",   "--outdir",   outdir,        odt, NULL };
  int status;
  g_autofree char *out = run (argv, &status);

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  remove_tree (profile);
  return g_build_filename (outdir, "libreoffice.pdf", NULL);
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *odt = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: apt-get install "
                   "libreoffice-writer-nogui");
      return;
    }
  odt = export(WERK_FRAMEWORK_ODT, FALSE, "libreoffice.odt");
  pdf = libreoffice_pdf (soffice, odt);
  text = pdf_text (pdf);
  assert_outline (text, VISION_START);
  /* LibreOffice filled in the contents with the headings and their pages. */
  g_assert_true (
      g_regex_match_simple ("Contents.*1 Verwaltung & Bürgerservice[ .]+\\d+", text, 0, 0));
}

/* Markdown -------------------------------------------------------------------------------- */

static char *
md_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("*[]|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_markdown (void)
{
  g_autofree char *md = export(WERK_FRAMEWORK_MARKDOWN, FALSE, "framework.md");
  g_autofree char *text = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Digitalstrategie Musterstadt 2030\n"));
  at = strstr (text, VISION_START);
  g_assert_nonnull (at);
  for (guint i = 0; i < G_N_ELEMENTS (outline); i++)
    {
      guint depth = 2;
      g_autofree char *escaped = md_escape (outline[i]);
      g_autofree char *line = NULL;

      /* "1" is a field (##), "1.1" a guiding goal (###), "1.1.1" a measure (####); the
       * measures without a field sit right under their heading. */
      for (const char *p = outline[i]; *p != ' ' && *p != '\0'; p++)
        depth += *p == '.';
      if (g_str_has_prefix (outline[i], "5.1 "))
        depth = 3;
      line = g_strdup_printf ("\n%.*s %s\n", depth, "######", escaped);
      at = strstr (at, line);
      if (at == NULL)
        g_error ("no line “%s” in order in the Markdown", line + 1);
    }
  g_assert_nonnull (strstr (text, "\n| Field of action | Core goal 1 | Core goal 2 |\n"
                                  "| --- | --- | --- |\n"));
  g_assert_nonnull (strstr (text, "| 2 Bildung & Teilhabe | 2.1.1 Gemeinsamer IT-Support für alle "
                                  "Schulen<br>2.2.1 Digitallotsen für Ältere | – |\n"));
  g_assert_nonnull (strstr (text, "- **Owner:** Hauptamt, Frau Keller\n"));
  g_assert_null (strstr (text, "Infostelen"));
}

static void
test_dropped (void)
{
  g_autofree char *md = export(WERK_FRAMEWORK_MARKDOWN, TRUE, "dropped.md");
  g_autofree char *pdf = export(WERK_FRAMEWORK_PDF, TRUE, "dropped.pdf");
  g_autofree char *odt = export(WERK_FRAMEWORK_ODT, TRUE, "dropped.odt");
  g_autofree char *md_text = NULL;
  g_autofree char *pdf_all = pdf_text (pdf);
  g_autofree char *odt_all = odt_text (odt, NULL);

  g_assert_true (g_file_get_contents (md, &md_text, NULL, NULL));
  /* Listed last under its goal, so the others keep their numbers. */
  g_assert_nonnull (strstr (md_text, "\n#### 1.1.2 Online-Terminbuchung im Bürgerbüro\n"));
  g_assert_nonnull (strstr (md_text, "\n#### " DROPPED "\n"));
  g_assert_nonnull (strstr (md_text, "- **Status:** Dropped\n"));
  assert_outline (pdf_all, VISION_START);
  g_assert_nonnull (strstr (pdf_all, "1.1.2 Online-Terminbuchung im Bürgerbüro"));
  g_assert_nonnull (strstr (pdf_all, DROPPED));
  g_assert_nonnull (strstr (odt_all, DROPPED));
}

static void
test_write_whole (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = tmp_path ("no-such-folder/framework.pdf");
  g_autofree char *existing = tmp_path ("existing.md");
  g_autofree char *kept = NULL;
  g_autofree char *bad_dir = tmp_path ("no-such-folder/framework.md");

  g_assert_false (werk_framework_export (store, missing, WERK_FRAMEWORK_PDF, NULL, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (existing, "kept", -1, NULL));
  g_assert_false (werk_framework_export_file (store, bad_dir, FALSE, &error));
  g_clear_error (&error);
  g_assert_false (
      werk_framework_format_for_path ("framework.docx", &(WerkFrameworkFormat){ 0 }, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "kept");
}

/* Measures CSV ---------------------------------------------------------------------------- */

static char **
find_row (GPtrArray *rows, const char *number)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((char **) rows->pdata[i])[0], number))
      return rows->pdata[i];
  g_error ("no row %s in the CSV", number);
  return NULL;
}

static GPtrArray *
python_rows (const char *csv_path)
{
  const char *script = "import csv, json, sys\n"
                       "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
                       "    print(json.dumps(list(csv.reader(f, delimiter=';'))))\n";
  const char *argv[] = { "python3", "-c", script, csv_path, NULL };
  int status;
  g_autofree char *out = run (argv, &status);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  JsonArray *array;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonArray *row = json_array_get_array_element (array, i);
      char **cells = g_new0 (char *, json_array_get_length (row) + 1);

      for (guint j = 0; j < json_array_get_length (row); j++)
        cells[j] = g_strdup (json_array_get_string_element (row, j));
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static void
assert_same_rows (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstrv ((const char *const *) a->pdata[i], (const char *const *) b->pdata[i]);
}

static void
test_csv (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = tmp_path ("measures.csv");
  g_autofree char *data = NULL;
  g_autofree char *due = werk_format_date ("2027-03-31");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) python = NULL;
  gsize size;
  char **portal;

  g_assert_true (werk_measures_csv_export (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"
                                         "No.;Measure;Field of action;Goals;"));
  rows = werk_csv_parse (data, size, ';', &error);
  g_assert_no_error (error);
  /* The header, the 16 measures, the dropped one included. */
  g_assert_cmpuint (rows->len, ==, 17);

  portal = find_row (rows, "1.1.1");
  g_assert_cmpstr (portal[1], ==, "Bürgerportal mit Mängelmelder");
  g_assert_cmpstr (portal[2], ==, "Verwaltung & Bürgerservice");
  g_assert_cmpstr (portal[3], ==, "1.1, Core goal 1");
  g_assert_cmpstr (portal[4], ==, "Hauptamt, Frau Keller");
  g_assert_cmpstr (portal[5], ==, "Bauhof; KommunalIT „Oberwald“ GmbH");
  g_assert_cmpstr (portal[6], ==, due);
  g_assert_cmpstr (portal[7], ==, "Planned");
  g_assert_cmpstr (portal[9], ==, "14");
  g_assert_cmpstr (portal[10], ==, "1");
  g_assert_cmpstr (find_row (rows, "2.3.1")[1], ==,
                   "Offene Werkstatt *Code & Kaffee* [Jugend] | 1. Treffen");
  g_assert_cmpstr (find_row (rows, "1.1.3")[7], ==, "Dropped");

  python = python_rows (path);
  assert_same_rows (rows, python);
}

static void
test_date_format (void)
{
  g_autofree char *date = werk_format_date ("2027-03-31");
  g_autofree char *odd = werk_format_date ("31.03.2027");

  /* The C locale keeps the source format; German reads "%d.%m.%Y" from the translation. */
  g_assert_cmpstr (date, ==, "2027-03-31");
  g_assert_cmpstr (odd, ==, "31.03.2027");
  g_assert_null (werk_format_date (NULL));
}

/* What German Excel opens as it is: German headers and dates "31.03.2027". Runs last, as
 * gettext keeps what it has looked up; skipped until the build's de.po translates the date. */
static void
test_csv_german (void)
{
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data;

  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (g_str_equal (g_dgettext (GETTEXT_PACKAGE, "%Y-%m-%d"), "%Y-%m-%d"))
    {
      g_test_fail_printf ("no German translation in %s (meson builds it before the tests)", podir);
      return;
    }
  bytes = werk_measures_csv_to_bytes (store);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"
                                         "Nr.;Maßnahme;Handlungsfeld;"));
  rows = werk_csv_parse (data, size, ';', &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_row (rows, "1.1.1")[6], ==, "31.03.2027");
  g_assert_cmpstr (find_row (rows, "1.1.1")[7], ==, "Geplant");
}

/* The command line ------------------------------------------------------------------------ */

static int
cli (const char *command, const char *output)
{
  g_autofree char *exe =
      g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "werkstatt-cli", NULL);
  const char *argv[] = { exe, command, werk_store_get_path (store), "-o", output, NULL };
  int status;
  g_autofree char *out = run (argv, &status);

  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static void
test_cli (void)
{
  g_autofree char *exe =
      g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "werkstatt-cli", NULL);
  const char *good[] = { "cli.pdf", "cli.md", "cli.odt" };
  g_autofree char *csv = tmp_path ("cli.csv");
  g_autofree char *txt = tmp_path ("cli.txt");
  g_autofree char *missing = tmp_path ("missing/cli.pdf");
  g_autofree char *missing_csv = tmp_path ("missing/cli.csv");

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("werkstatt-cli was not built at %s", exe);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *path = tmp_path (good[i]);

      g_assert_cmpint (cli ("framework", path), ==, 0);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpint (cli ("measures", csv), ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (cli ("framework", txt), !=, 0);
  g_assert_cmpint (cli ("measures", txt), !=, 0);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli ("framework", missing), !=, 0);
  g_assert_cmpint (cli ("measures", missing_csv), !=, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *file = NULL;
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "framework-conception.json", NULL);
  tmp_dir = g_dir_make_tmp ("werk-framework-XXXXXX", &error);
  g_assert_no_error (error);
  file = tmp_path ("conception.werkstatt");
  store = werk_json_import_file (fixture, file, &error);
  g_assert_no_error (error);

  g_test_add_func ("/framework/pdf", test_pdf);
  g_test_add_func ("/framework/pdf-bookmarks", test_pdf_bookmarks);
  g_test_add_func ("/framework/odt", test_odt);
  g_test_add_func ("/framework/libreoffice", test_libreoffice);
  g_test_add_func ("/framework/markdown", test_markdown);
  g_test_add_func ("/framework/dropped", test_dropped);
  g_test_add_func ("/framework/write-whole", test_write_whole);
  g_test_add_func ("/framework/date-format", test_date_format);
  g_test_add_func ("/measures-csv/round-trip", test_csv);
  g_test_add_func ("/framework/cli", test_cli);
  g_test_add_func ("/measures-csv/german", test_csv_german);
  result = g_test_run ();

  g_clear_object (&store);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
