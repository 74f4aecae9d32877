/* test-pdf.c: the PDF engine, checked as a reader would with poppler's tools and qpdf.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-pdf.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "werk-error.h"

#define MARGIN_LEFT  68.0
#define MARGIN_RIGHT 62.0
#define N_MEASURES   60

static const char *const german_text =
    "Die Bürgerinnen und Bürger äußern sich: „Mehr Grün in der Straße!“ – "
    "Kosten etwa 1.500 € oder ½ des Budgets. Öffnungszeiten für Ältere, Übergänge, Maße.";
static const char *const markup_text = "Kein <b>markup</b> & keine \"quotes\" werden umgedeutet.";
static const char *const emoji_text = "Stimmung im Raum: 😀 und 漢字 bleiben sichtbar.";

typedef struct
{
  const char *number;
  const char *title;
  guint level;
} ExpectedHeading;

static const ExpectedHeading expected_headings[] = {
  { "1", "Einleitung", 1 },  { "1.1", "Ausgangslage", 2 },        { "2", "Handlungsfelder", 1 },
  { "2.1", "Mobilität", 2 }, { "2.1.1", "Radverkehr", 3 },        { "2.2", "Bildung", 2 },
  { "3", "Maßnahmen", 1 },   { "4", "Nachhaltigkeits-Check", 1 }, { "5", "Punktabfrage", 1 },
  { "6", "Fotos", 1 },       { "7", "Nächste Schritte", 1 },
};

/* Tools */

static gboolean
have_tools (void)
{
  const char *tools[] = { "pdftotext", "pdffonts", "pdfinfo", "pdfimages",
                          "pdftoppm",  "qpdf",     "python3" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);
      g_autofree char *message = NULL;

      if (path != NULL)
        continue;
      message = g_strdup_printf ("%s is not installed (poppler-utils, qpdf, python3)", tools[i]);
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Runs a tool and returns its output; @exit_status receives its exit code if not NULL,
 * otherwise it must succeed. */
static char *
run (const char *const *argv, int *exit_status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    status = 0;
  else if (exit_status == NULL)
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  else
    status = g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code) ? error->code : -1;
  if (exit_status != NULL)
    *exit_status = status;
  return out;
}

static char *
page_text (const char *pdf, guint page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);

  return run ((const char *[]){ "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-", NULL }, NULL);
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *info = run ((const char *[]){ "pdfinfo", pdf, NULL }, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static char *
without_space (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack, const char *needle)
{
  g_autofree char *h = without_space (haystack);
  g_autofree char *n = without_space (needle);

  if (strstr (h, n) == NULL)
    g_error ("“%s” is missing from the PDF's text", needle);
}

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static gboolean
line_matches (const char *text, const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Test inputs */

static char *
long_word (void)
{
  GString *s = g_string_new (NULL);

  while (g_utf8_strlen (s->str, -1) < 200)
    g_string_append (s, "Bürgerbeteiligungsprozess");
  g_string_truncate (s, g_utf8_offset_to_pointer (s->str, 200) - s->str);
  return g_string_free (s, FALSE);
}

static char *
numbered_words (const char *prefix, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "%s%03u ", prefix, i);
  return g_string_free (s, FALSE);
}

/* A flipchart-like photo: white paper, a blue block top left, red marker lines. */
static GBytes *
make_jpeg (guint width, guint height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autoptr (GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  for (guint y = 0; y < height; y++)
    for (guint x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;
        guint8 r = 235 - y * 30 / height, g = r, b = r - 8;

        if (x < width / 4 && y < height / 4)
          r = 28, g = 113, b = 216;
        else if (x > width / 3 && x < width * 9 / 10 && (y * 28 / height) % 8 == 5)
          r = 192, g = 28, b = 40;
        p[0] = r;
        p[1] = g;
        p[2] = b;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "85", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

/* The same JPEG claiming two colour components, which libharu refuses. */
static GBytes *
jpeg_with_two_components (GBytes *jpeg)
{
  gsize n;
  const guint8 *d = g_bytes_get_data (jpeg, &n);
  guint8 *copy = g_memdup2 (d, n);

  for (gsize i = 2; i + 10 < n; i++)
    if (copy[i] == 0xFF && copy[i + 1] == 0xC0)
      {
        copy[i + 9] = 2;
        return g_bytes_new_take (copy, n);
      }
  g_assert_not_reached ();
}

/* The document with every feature */

static void
add_cover (WerkPdf *pdf)
{
  WerkPdfRect area;

  werk_pdf_get_content_rect (pdf, &area);
  werk_pdf_fill_rect (pdf, &(WerkPdfRect){ area.x, area.y, 48, 6 }, WERK_PDF_ACCENT);
  werk_pdf_space (pdf, 150);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_SUBTITLE, "Fotoprotokoll");
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_TITLE, "Strategiestarter Musterstadt");
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_SUBTITLE, "Auf dem Weg zur Smart-City-Strategie");
  werk_pdf_space (pdf, 30);
  werk_pdf_key_value (pdf, "Datum:", "14.07.2026, 17:00–20:00 Uhr", 110);
  werk_pdf_key_value (pdf, "Ort:", "Rathaus Musterstadt, Großer Sitzungssaal", 110);
  werk_pdf_key_value (pdf, "Moderation:", "Frau Meier, Herr Özdemir", 110);
  werk_pdf_key_value (pdf, "Teilnehmende:",
                      "34 Personen aus Verwaltung (12), Politik (6), Wirtschaft (5), Bildung (4), "
                      "Zivilgesellschaft (7)",
                      110);
}

static void
add_text_chapter (WerkPdf *pdf)
{
  g_autofree char *word = long_word ();

  werk_pdf_heading (pdf, 1, "Einleitung", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, german_text);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, markup_text);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, emoji_text);
  werk_pdf_heading (pdf, 2, "Ausgangslage", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, word);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_ITALIC,
                      "Kursiv: ein Zitat aus dem Plenum.\n"
                      "Eine zweite Zeile nach einem Zeilenumbruch.");
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_SMALL, "Kleingedrucktes in gedämpftem Grau.");
  werk_pdf_list_item (pdf, "•",
                      "Digitale Verwaltung: Anträge online stellen, ohne Termin im "
                      "Bürgerbüro und ohne Medienbruch zwischen den Ämtern.");
  werk_pdf_list_item (pdf, "•", "Mobilität/Verkehr im ländlichen Raum");
  werk_pdf_rule (pdf);
}

static void
add_fields (WerkPdf *pdf)
{
  werk_pdf_heading (pdf, 1, "Handlungsfelder", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY,
                      "Die Teilnehmenden haben ihre Ansätze fünf Handlungsfeldern zugeordnet.");
  werk_pdf_heading (pdf, 2, "Mobilität", "#2ec27e");
  werk_pdf_heading (pdf, 3, "Radverkehr", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "Sichere Radwege zu den Schulen.");
  werk_pdf_heading (pdf, 2, "Bildung", "#e5a50a");
  werk_pdf_key_value (pdf, "Verantwortlich:", "Frau Meier (Schulamt)", 0);
  werk_pdf_key_value (pdf, "Nächster Schritt:", "Bedarfe der Schulen bis Oktober erheben", 0);
}

static void
add_measures_table (WerkPdf *pdf)
{
  static const WerkPdfColumn columns[] = {
    { 0.08, WERK_PDF_ALIGN_RIGHT },
    { 0.47, WERK_PDF_ALIGN_LEFT },
    { 0.25, WERK_PDF_ALIGN_LEFT },
    { 0.20, WERK_PDF_ALIGN_CENTER },
  };
  g_autofree char *huge = numbered_words ("wort", 600);

  werk_pdf_heading (pdf, 1, "Maßnahmen", NULL);
  werk_pdf_table_begin (pdf, columns, G_N_ELEMENTS (columns),
                        (const char *[]){ "Nr.", "Titel der Maßnahme", "Verantwortlich", "Status" },
                        WERK_PDF_TABLE_ZEBRA);
  werk_pdf_table_row_full (pdf, (const char *[]){ NULL, "Handlungsfeld Mobilität", NULL, NULL },
                           WERK_PDF_ROW_SHADED | WERK_PDF_ROW_BOLD, NULL);
  for (guint i = 1; i <= N_MEASURES; i++)
    {
      g_autofree char *nr = g_strdup_printf ("%u", i);
      g_autofree char *title =
          g_strdup_printf ("Maßnahme Nr. %u: %s", i,
                           i % 3 == 0 ? "Mitfahrbänke in allen Ortsteilen aufstellen und bekannt "
                                        "machen"
                                      : "Radweg");
      const char *row[] = { nr, title, i % 2 ? "Frau Meier" : "Bauamt / Herr Schulz",
                            i % 4 ? "geplant" : "in Umsetzung" };

      werk_pdf_table_row (pdf, row);
      if (i == 40)
        werk_pdf_table_row (pdf, (const char *[]){ "41a", huge, "Alle", "Idee" });
    }
  werk_pdf_table_end (pdf);
}

static void
add_matrix (WerkPdf *pdf)
{
  static const WerkPdfColumn columns[] = {
    { 0.46, WERK_PDF_ALIGN_LEFT },
    { 0.18, WERK_PDF_ALIGN_CENTER },
    { 0.18, WERK_PDF_ALIGN_CENTER },
    { 0.18, WERK_PDF_ALIGN_CENTER },
  };

  werk_pdf_heading (pdf, 1, "Nachhaltigkeits-Check", NULL);
  werk_pdf_table_begin (pdf, columns, G_N_ELEMENTS (columns),
                        (const char *[]){ "Maßnahme", "ökologisch", "sozial", "ökonomisch" },
                        WERK_PDF_TABLE_FIRST_COLUMN_BOLD);
  werk_pdf_table_row_full (pdf, (const char *[]){ "Mitfahrbänke", "+2", "+1", "0" }, 0,
                           (const char *[]){ NULL, "#2ec27e", "#8ff0a4", "#f6f5f4" });
  werk_pdf_table_row_full (pdf, (const char *[]){ "Neues Parkhaus", "−2", "0", "+1" }, 0,
                           (const char *[]){ NULL, "#c01c28", "#f6f5f4", "#8ff0a4" });
  werk_pdf_table_row_full (pdf, (const char *[]){ "Summe", "0", "+1", "+1" }, WERK_PDF_ROW_BOLD,
                           NULL);
  werk_pdf_table_end (pdf);
}

static void
add_chart (WerkPdf *pdf)
{
  static const char *const labels[] = {
    "Digitale Bürgerdienste",
    "Mitfahrbänke",
    "Schulen mit WLAN ausstatten und die Lehrkräfte in der Nutzung digitaler Medien fortbilden",
    "Offene Daten",
    "Smarte Straßenbeleuchtung",
  };
  WerkPdfBar bars[30];

  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      guint value = 30 - i;

      if (i == 2)
        value = 29; /* a tie with the second */
      bars[i] = (WerkPdfBar){ i == 2 ? 2 : i + 1, labels[i % G_N_ELEMENTS (labels)], value,
                              i == 1 || i == 2 };
    }
  werk_pdf_heading (pdf, 1, "Punktabfrage", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "Jede Person hatte fünf Punkte.");
  werk_pdf_bar_chart (pdf, bars, G_N_ELEMENTS (bars));
}

static void
add_photos (WerkPdf *pdf)
{
  g_autoptr (GBytes) landscape = make_jpeg (800, 600);
  g_autoptr (GBytes) portrait = make_jpeg (450, 600);
  g_autoptr (GBytes) garbage = g_bytes_new_static ("kein Foto", 9);
  g_autoptr (GError) error = NULL;
  WerkPdfRect area, top, lower;

  werk_pdf_heading (pdf, 1, "Fotos", NULL);
  g_assert_true (
      werk_pdf_image (pdf, landscape, 360, 0, "Flipchart „Herausforderungen“, Tisch 1", &error));
  g_assert_no_error (error);
  g_assert_false (werk_pdf_image (pdf, garbage, 360, 0, "nie zu sehen", &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
  werk_pdf_placeholder (pdf, 360, 200, "IMG_4711.HEIC", "Flipchart „Ideen“, Tisch 2");

  werk_pdf_add_page (pdf, WERK_PDF_LANDSCAPE);
  werk_pdf_get_content_rect (pdf, &area);
  g_assert_cmpfloat (area.width, >, area.height);
  g_assert_true (werk_pdf_image_at (pdf, landscape, &area, "Querformat: Pinnwand im Plenum", NULL));

  werk_pdf_add_page (pdf, WERK_PDF_PORTRAIT);
  werk_pdf_get_content_rect (pdf, &area);
  top = (WerkPdfRect){ area.x, area.y, area.width, area.height / 2 - 10 };
  lower = (WerkPdfRect){ area.x, area.y + area.height / 2 + 10, area.width, area.height / 2 - 10 };
  g_assert_true (werk_pdf_image_at (pdf, portrait, &top, "Hochformat oben", NULL));
  werk_pdf_placeholder_at (pdf, &lower, "kaputt.jpg", "Hochformat unten");
}

/* The heading must not stay alone at the bottom of a page: 50 points are enough for it, not
 * for it and two lines. */
static void
add_last_chapter (WerkPdf *pdf)
{
  WerkPdfRect area;

  werk_pdf_page_break (pdf);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "Vor der letzten Überschrift.");
  werk_pdf_get_content_rect (pdf, &area);
  werk_pdf_set_y (pdf, area.y + area.height - 50);
  werk_pdf_heading (pdf, 1, "Nächste Schritte", NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "Die Projektgruppe trifft sich im September.");
}

static char *document_path;
static guint document_pages;

static const char *
document (void)
{
  g_autoptr (WerkPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;

  if (document_path != NULL)
    return document_path;

  pdf = werk_pdf_new ("Fotoprotokoll Strategiestarter – Musterstadt", "Frau Meier, Herr Özdemir",
                      "Workshop vom 14.07.2026 in Musterstadt", &error);
  g_assert_no_error (error);
  werk_pdf_set_footer (pdf, "Fotoprotokoll · Strategiestarter · 14.07.2026", TRUE);
  werk_pdf_set_numbered_headings (pdf, TRUE);

  add_cover (pdf);
  werk_pdf_page_break (pdf);
  add_text_chapter (pdf);
  add_fields (pdf);
  add_measures_table (pdf);
  add_matrix (pdf);
  add_chart (pdf);
  add_photos (pdf);
  add_last_chapter (pdf);
  werk_pdf_insert_toc (pdf, "Inhalt", 1, 3);

  document_path = g_test_build_filename (G_TEST_BUILT, "test-pdf-document.pdf", NULL);
  g_assert_true (werk_pdf_save (pdf, document_path, &error));
  g_assert_no_error (error);
  document_pages = count_pages (document_path);
  g_test_message ("wrote %s (%u pages)", document_path, document_pages);
  return document_path;
}

/* Tests of the document */

static void
test_text (void)
{
  g_autofree char *text = NULL;
  g_autofree char *word = long_word ();
  g_autofree char *huge = numbered_words ("wort", 600);
  g_auto (GStrv) huge_words = g_strsplit (g_strstrip (huge), " ", -1);

  if (!have_tools ())
    return;
  text = run ((const char *[]){ "pdftotext", document (), "-", NULL }, NULL);

  assert_contains (text, german_text);
  assert_contains (text, markup_text);
  assert_contains (text, word);
  assert_contains (text, "Kursiv: ein Zitat aus dem Plenum.");
  assert_contains (text, "Kleingedrucktes in gedämpftem Grau.");
  assert_contains (text, "Mobilität/Verkehr im ländlichen Raum");
  assert_contains (text, "Strategiestarter Musterstadt");
  assert_contains (text, "Rathaus Musterstadt, Großer Sitzungssaal");
  /* emoji and CJK are shown as a visible replacement, the rest of the sentence stays */
  assert_contains (text,
                   "Stimmung im Raum: \xef\xbf\xbd und \xef\xbf\xbd\xef\xbf\xbd bleiben sichtbar.");
  /* every word of the row taller than a page, once */
  for (guint i = 0; huge_words[i] != NULL; i++)
    g_assert_cmpuint (count_occurrences (text, huge_words[i]), ==, 1);
  /* the bar chart: ranks, a tie, values */
  assert_contains (text, "2. (tie)");
  assert_contains (text, "Digitale Bürgerdienste");
  /* the placeholder and the captions */
  assert_contains (text, "Photo could not be read");
  assert_contains (text, "IMG_4711.HEIC");
  assert_contains (text, "Flipchart „Herausforderungen“, Tisch 1");
  assert_contains (text, "Querformat: Pinnwand im Plenum");
  assert_contains (text, "Hochformat unten");
  g_assert_null (strstr (text, "nie zu sehen"));
}

static void
test_fonts_and_validity (void)
{
  g_autofree char *fonts = NULL;
  g_autofree char *check = NULL;
  g_autofree char *info = NULL;
  g_autofree char *images = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_fonts = 0;
  int status = -1;

  if (!have_tools ())
    return;

  fonts = run ((const char *[]){ "pdffonts", document (), NULL }, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto (GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; cols[j] != NULL; j++)
        if (*cols[j] != '\0')
          g_ptr_array_add (words, cols[j]);
      g_assert_cmpuint (words->len, >=, 6);
      /* a subset: "HPDFAA+DejaVuSans,Book" */
      g_assert_nonnull (strstr (g_ptr_array_index (words, 0), "+DejaVuSans"));
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes"); /* emb */
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, ==, 3);

  check = run ((const char *[]){ "qpdf", "--check", document (), NULL }, &status);
  g_test_message ("qpdf --check: %s", check);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));

  info = run ((const char *[]){ "pdfinfo", "-f", "1", "-l", "99", document (), NULL }, NULL);
  g_assert_true (line_matches (info, "^Title: +Fotoprotokoll Strategiestarter – Musterstadt$"));
  g_assert_true (line_matches (info, "^Author: +Frau Meier, Herr Özdemir$"));
  g_assert_true (line_matches (info, "^Subject: +Workshop vom 14.07.2026 in Musterstadt$"));
  g_assert_true (line_matches (info, "^Creator: +Werkstatt$"));
  g_assert_true (line_matches (info, "^CreationDate: +\\S+"));
  g_assert_true (line_matches (info, "^Page +1 size: +595.276 x 841.89 pts \\(A4\\)"));
  g_assert_true (line_matches (info, "size: +841.89 x 595.276 pts \\(A4\\)"));

  images = run ((const char *[]){ "pdfimages", "-list", document (), NULL }, NULL);
  g_assert_cmpuint (count_occurrences (images, " jpeg "), ==, 3);

  /* The fonts' ToUnicode maps are ones a reader takes: poppler reads the text without a
   * word of complaint (libharu's own map drew a warning per page). */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *out = NULL, *err = NULL;

    g_spawn_sync (NULL, (char *[]){ "pdftotext", (char *) document (), "-", NULL }, NULL,
                  G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, "„Mehr Grün in der Straße!“ – Kosten etwa"));
  }
}

/* The outline as "depth<TAB>page<TAB>title" lines, read with qpdf. */
static char *
outline_lines (const char *pdf)
{
  static const char *const script =
      "import json, sys\n"
      "def walk(items, depth):\n"
      "    for o in items:\n"
      "        print('%d\\t%s\\t%s' % (depth, o.get('destpageposfrom1'), o['title']))\n"
      "        walk(o.get('kids', []), depth + 1)\n"
      "walk(json.load(open(sys.argv[1], encoding='utf-8'))['outlines'], 1)\n";
  g_autofree char *json =
      run ((const char *[]){ "qpdf", "--json", "--json-key=outlines", pdf, NULL }, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "test-pdf-outline.json", NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  return run ((const char *[]){ "python3", "-c", script, path, NULL }, NULL);
}

/* The page where a heading is printed, from the text of the pages (not the contents). */
static guint
heading_page (const char *pdf, const ExpectedHeading *h)
{
  g_autofree char *title = g_regex_escape_string (h->title, -1);
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s\\s+%s\\s*$", h->number, title);

  for (guint page = 1; page <= document_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page);

      if (line_matches (text, pattern))
        return page;
    }
  g_error ("heading “%s” not found", h->title);
}

static void
test_outline_and_contents (void)
{
  g_autofree char *outline = NULL;
  g_autofree char *toc = NULL;

  if (!have_tools ())
    return;
  outline = outline_lines (document ());
  toc = page_text (document (), 2);
  g_test_message ("outline:\n%s\ncontents:\n%s", outline, toc);

  g_assert_true (line_matches (toc, "^\\s*Inhalt\\s*$"));
  for (guint i = 0; i < G_N_ELEMENTS (expected_headings); i++)
    {
      const ExpectedHeading *h = &expected_headings[i];
      guint page = heading_page (document (), h);
      g_autofree char *title = g_regex_escape_string (h->title, -1);
      g_autofree char *in_toc =
          g_strdup_printf ("^\\s*%s\\s+%s\\s+%u\\s*$", h->number, title, page);
      g_autofree char *in_outline =
          g_strdup_printf ("^%u\t%u\t%s  %s$", h->level, page, h->number, title);

      g_assert_cmpuint (page, >, 2);
      if (!line_matches (toc, in_toc))
        g_error ("contents lack “%s” on page %u", h->title, page);
      if (!line_matches (outline, in_outline))
        g_error ("outline lacks “%s” at level %u on page %u", h->title, h->level, page);
    }
}

static void
test_footers (void)
{
  g_autofree char *cover = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;

  if (!have_tools ())
    return;
  document ();
  cover = page_text (document_path, 1);
  g_assert_null (strstr (cover, "Page 1 of"));
  g_assert_null (strstr (cover, "Fotoprotokoll · Strategiestarter · 14.07.2026"));
  for (guint page = 2; page <= document_pages; page++)
    {
      g_autofree char *text = page_text (document_path, page);
      g_autofree char *label = g_strdup_printf ("Page %u of %u", page, document_pages);

      g_assert_nonnull (strstr (text, label));
      g_assert_nonnull (strstr (text, "Fotoprotokoll · Strategiestarter · 14.07.2026"));
    }
}

static void
test_table_pages (void)
{
  g_autofree char *all = NULL;
  guint pages_with_rows = 0;

  if (!have_tools ())
    return;
  document ();
  for (guint page = 1; page <= document_pages; page++)
    {
      g_autofree char *text = page_text (document_path, page);

      if (strstr (text, "Maßnahme Nr.") == NULL && strstr (text, "wort") == NULL)
        continue;
      pages_with_rows++;
      if (!line_matches (text, "^\\s*Nr\\.\\s+Titel der Maßnahme\\s+Verantwortlich\\s+Status\\s*$"))
        g_error ("page %u continues the table without its header", page);
    }
  g_assert_cmpuint (pages_with_rows, >=, 3);

  all = run ((const char *[]){ "pdftotext", document_path, "-", NULL }, NULL);
  for (guint i = 1; i <= N_MEASURES; i++)
    {
      g_autofree char *label = g_strdup_printf ("Maßnahme Nr. %u:", i);

      g_assert_cmpuint (count_occurrences (all, label), ==, 1);
    }
}

static void
test_heading_kept_with_text (void)
{
  const ExpectedHeading *last = &expected_headings[G_N_ELEMENTS (expected_headings) - 1];
  g_autofree char *text = NULL;
  guint page;

  if (!have_tools ())
    return;
  page = heading_page (document (), last);
  text = page_text (document_path, page);
  g_assert_nonnull (strstr (text, "Die Projektgruppe trifft sich im September."));
  g_free (text);
  text = page_text (document_path, page - 1);
  g_assert_nonnull (strstr (text, "Vor der letzten Überschrift."));
}

/* Every word lies inside the margins left and right, and on the page. */
static void
test_text_inside_page (void)
{
  g_autofree char *html_path = NULL;
  g_autofree char *html = NULL;
  g_autoptr (GRegex) page_re = NULL;
  g_autoptr (GRegex) word_re = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GError) error = NULL;
  double width = 0, height = 0;
  guint n_words = 0;

  if (!have_tools ())
    return;
  html_path = g_test_build_filename (G_TEST_BUILT, "test-pdf-bbox.html", NULL);
  g_free (run ((const char *[]){ "pdftotext", "-bbox", document (), html_path, NULL }, NULL));
  g_file_get_contents (html_path, &html, NULL, &error);
  g_assert_no_error (error);

  word_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\"|"
                         "<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" "
                         "yMax=\"([0-9.-]+)\">([^<]*)</word>",
                         0, 0, &error);
  g_assert_no_error (error);
  for (g_regex_match (word_re, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *w = g_match_info_fetch (match, 1);

      if (w != NULL && *w != '\0')
        {
          g_autofree char *h = g_match_info_fetch (match, 2);

          width = g_ascii_strtod (w, NULL);
          height = g_ascii_strtod (h, NULL);
          continue;
        }
      {
        g_autofree char *x0 = g_match_info_fetch (match, 3);
        g_autofree char *y0 = g_match_info_fetch (match, 4);
        g_autofree char *x1 = g_match_info_fetch (match, 5);
        g_autofree char *y1 = g_match_info_fetch (match, 6);
        g_autofree char *word = g_match_info_fetch (match, 7);

        if (g_ascii_strtod (x0, NULL) < MARGIN_LEFT - 0.5 ||
            g_ascii_strtod (x1, NULL) > width - MARGIN_RIGHT + 0.5 ||
            g_ascii_strtod (y0, NULL) < 0 || g_ascii_strtod (y1, NULL) > height)
          g_error ("“%s” lies outside the text area (%s, %s – %s, %s on %.0f × %.0f)", word, x0, y0,
                   x1, y1, width, height);
        n_words++;
      }
    }
  g_assert_cmpuint (n_words, >, 1000);
}

/* Pages rendered for people to look at; asserts only that poppler can render them all. */
static void
test_render (void)
{
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;

  if (!have_tools ())
    return;
  prefix = g_test_build_filename (G_TEST_BUILT, "test-pdf-page", NULL);
  g_free (
      run ((const char *[]){ "pdftoppm", "-png", "-r", "50", document (), prefix, NULL }, NULL));
  png = g_strdup_printf ("%s-%02u.png", prefix, document_pages);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* Failures */

static void
test_save_errors (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Test", NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-pdf-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr (GBytes) bytes = NULL;

  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "Hallo");
  g_assert_false (werk_pdf_save (pdf, missing, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* the document itself is fine and can still be saved elsewhere */
  g_assert_true (werk_pdf_save (pdf, good, &error));
  g_assert_no_error (error);
  bytes = werk_pdf_save_to_bytes (pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  g_unlink (good);
  g_rmdir (dir);
}

static void
test_bad_photos (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Fotos", NULL, NULL, NULL);
  g_autoptr (GBytes) jpeg = make_jpeg (64, 48);
  g_autoptr (GBytes) two = jpeg_with_two_components (jpeg);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) head = g_bytes_new_from_bytes (jpeg, 0, 20);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "test-pdf-bad-photos.pdf", NULL);
  GBytes *bad[] = { two, empty, head };
  int status = -1;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (werk_pdf_image (pdf, bad[i], 200, 0, NULL, &error));
      g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
      g_clear_error (&error);
      g_assert_false (
          werk_pdf_image_at (pdf, bad[i], &(WerkPdfRect){ 100, 100, 200, 150 }, NULL, &error));
      g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
      g_clear_error (&error);
    }
  /* a refused photo leaves the document usable */
  g_assert_true (werk_pdf_check (pdf, &error));
  g_assert_true (werk_pdf_image (pdf, jpeg, 200, 0, "gut", &error));
  g_assert_no_error (error);
  g_assert_true (werk_pdf_save (pdf, path, &error));
  g_assert_no_error (error);

  if (!have_tools ())
    return;
  g_free (run ((const char *[]){ "qpdf", "--check", path, NULL }, &status));
  g_assert_cmpint (status, ==, 0);
}

/* The photos' JPEG streams wait in an unlinked temporary file, not in memory, until the PDF is
 * written; every one comes back byte for byte, whether saved to a file or to memory. */
static guint
count_spill_files (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *fd = g_build_filename ("/proc/self/fd", name, NULL);
      g_autofree char *target = g_file_read_link (fd, NULL);

      n += target != NULL && strstr (target, "werkstatt-pdf-") != NULL &&
           g_str_has_suffix (target, " (deleted)");
    }
  return n;
}

static void
test_photos_on_disk (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Fotos", NULL, NULL, NULL);
  g_autoptr (GPtrArray) jpegs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) in_memory = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fotos.pdf", NULL);
  g_autofree char *copy = g_build_filename (dir, "kopie.pdf", NULL);
  const char *const pdfs[] = { path, copy };
  guint before = count_spill_files ();
  int status = -1;

  for (guint i = 0; i < 12; i++)
    {
      GBytes *jpeg = make_jpeg (160 + 16 * i, 120 + 8 * i);

      g_ptr_array_add (jpegs, jpeg);
      g_assert_true (werk_pdf_image (pdf, jpeg, 200, 0, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_spill_files (), ==, before + 1);
  g_assert_true (werk_pdf_save (pdf, path, &error));
  g_assert_no_error (error);
  in_memory = werk_pdf_save_to_bytes (pdf, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (in_memory, NULL),
                                      g_bytes_get_size (in_memory), &error));
  g_clear_object (&pdf);
  g_assert_cmpuint (count_spill_files (), ==, before);

  if (!have_tools ())
    return;
  for (guint p = 0; p < G_N_ELEMENTS (pdfs); p++)
    {
      g_autofree char *prefix = g_build_filename (dir, "bild", NULL);

      g_free (run ((const char *[]){ "qpdf", "--check", pdfs[p], NULL }, &status));
      g_assert_cmpint (status, ==, 0);
      g_free (run ((const char *[]){ "pdfimages", "-j", pdfs[p], prefix, NULL }, NULL));
      for (guint i = 0; i < jpegs->len; i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%03u.jpg", prefix, i);
          g_autofree char *data = NULL;
          gsize length = 0;
          GBytes *expected = g_ptr_array_index (jpegs, i);

          g_assert_true (g_file_get_contents (name, &data, &length, &error));
          g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL),
                           g_bytes_get_size (expected));
          g_unlink (name);
        }
    }
  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
}

/* A libharu failure (a bookmark title beyond PDF's string limit) poisons the document: the
 * error comes back from werk_pdf_save() and no file is written. */
static void
test_libharu_error (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Fehler", NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *huge = g_strnfill (70000, 'x');
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "test-pdf-error.pdf", NULL);

  g_unlink (path);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "vorher");
  werk_pdf_heading (pdf, 1, huge, NULL);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, "nachher");
  werk_pdf_table_begin (pdf, (WerkPdfColumn[]){ { 1, 0 } }, 1, NULL, 0);
  werk_pdf_table_row (pdf, (const char *[]){ "Zelle" });
  werk_pdf_table_end (pdf);
  g_assert_false (werk_pdf_check (pdf, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (werk_pdf_save (pdf, path, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_missing_fonts (void)
{
  g_autoptr (WerkPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;

  g_setenv ("WERK_FONTDIR", "/nonexistent", TRUE);
  pdf = werk_pdf_new ("Ohne Schrift", NULL, NULL, &error);
  g_unsetenv ("WERK_FONTDIR");
  g_assert_null (pdf);
  g_assert_error (error, WERK_ERROR, WERK_ERROR_NOT_AVAILABLE);
  g_assert_nonnull (strstr (error->message, "DejaVuSans.ttf"));
}

/* Contents longer than a page: the pages after them are numbered on, and each entry still
 * names the page its heading is on. */
static void
test_long_contents (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Viele Abschnitte", NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "test-pdf-contents.pdf", NULL);
  g_autoptr (GString) contents = g_string_new (NULL);
  guint n_pages, toc_pages = 0;

  werk_pdf_set_footer (pdf, "Strategischer Rahmen", TRUE);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_TITLE, "Deckblatt");
  werk_pdf_page_break (pdf);
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *title = g_strdup_printf ("Abschnitt %u", i);

      werk_pdf_heading (pdf, i % 4 == 0 ? 2 : 1, title, NULL);
      werk_pdf_paragraph (pdf, WERK_PDF_STYLE_BODY, german_text);
    }
  werk_pdf_insert_toc (pdf, "Inhalt", 1, 3);
  g_assert_true (werk_pdf_save (pdf, path, &error));
  g_assert_no_error (error);

  if (!have_tools ())
    return;
  n_pages = count_pages (path);
  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (path, page);

      if (!line_matches (text, "^\\s*Abschnitt \\d+\\s+\\d+\\s*$"))
        break;
      g_string_append (contents, text);
      toc_pages++;
    }
  g_assert_cmpuint (toc_pages, >=, 2);

  for (guint i = 1; i <= 100; i += 11)
    {
      g_autofree char *heading = g_strdup_printf ("^\\s*Abschnitt %u\\s*$", i);
      guint page;

      for (page = 2 + toc_pages; page <= n_pages; page++)
        {
          g_autofree char *text = page_text (path, page);

          if (line_matches (text, heading))
            break;
        }
      g_assert_cmpuint (page, <=, n_pages);
      {
        g_autofree char *entry = g_strdup_printf ("^\\s*Abschnitt %u\\s+%u\\s*$", i, page);

        if (!line_matches (contents->str, entry))
          g_error ("contents do not say page %u for “Abschnitt %u”", page, i);
      }
    }
}

static void
test_empty_document (void)
{
  g_autoptr (WerkPdf) pdf = werk_pdf_new ("Leer", NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "test-pdf-empty.pdf", NULL);

  g_assert_true (werk_pdf_save (pdf, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (werk_pdf_get_n_pages (pdf), ==, 1);
  if (!have_tools ())
    return;
  g_assert_cmpuint (count_pages (path), ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/text", test_text);
  g_test_add_func ("/pdf/fonts-and-validity", test_fonts_and_validity);
  g_test_add_func ("/pdf/outline-and-contents", test_outline_and_contents);
  g_test_add_func ("/pdf/footers", test_footers);
  g_test_add_func ("/pdf/table-pages", test_table_pages);
  g_test_add_func ("/pdf/heading-kept-with-text", test_heading_kept_with_text);
  g_test_add_func ("/pdf/text-inside-page", test_text_inside_page);
  g_test_add_func ("/pdf/render", test_render);
  g_test_add_func ("/pdf/long-contents", test_long_contents);
  g_test_add_func ("/pdf/save-errors", test_save_errors);
  g_test_add_func ("/pdf/bad-photos", test_bad_photos);
  g_test_add_func ("/pdf/photos-on-disk", test_photos_on_disk);
  g_test_add_func ("/pdf/libharu-error", test_libharu_error);
  g_test_add_func ("/pdf/missing-fonts", test_missing_fonts);
  g_test_add_func ("/pdf/empty-document", test_empty_document);

  return g_test_run ();
}
