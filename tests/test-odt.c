/* test-odt.c: the OpenDocument writer, checked as a reader would: ZIP, XML, styles, LibreOffice.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib.h>
#include <minizip/unzip.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "werk-error.h"
#include "werk-odt.h"
#include "../src/core/werk-error.h"

/* odt_dep does not link the core yet; the error domain has no dependencies of its own. */

#define MIMETYPE "application/vnd.oasis.opendocument.text"

static const char tricky[] = "Größe, Maß & Übel: „Anführung“ – 5 € ½ <b>markup</b> a<b\n"
                             "zweite Zeile\tmit Tab,   drei Leerzeichen und  zwei  ";

/* Every line the sample shows, in reading order, as pdftotext -layout prints it with runs of
 * white space made one space; the table of contents page is checked on its own. */
static const char *const sample_strings[] = {
  "Strategischer Rahmen",
  "Musterstadt auf dem Weg zur Smart City",
  "Kommune: Musterstadt",
  "Page 1 of",
  "Inhalt",
  "Page 2 of",
  "1 Vision",
  "Musterstadt ist 2035 eine vernetzte, lebenswerte Stadt für alle Generationen.",
  "2 Handlungsfelder",
  "2.1 Verwaltung",
  "Herausforderungen",
  "• Lange Wege für Bürgerinnen und Bürger",
  "• Wenig Personal in der IT",
  "2.1.1 Leitziel: Digitale Verwaltung",
  "Verantwortlich: Bauamt & Ordnungsamt",
  "Größe, Maß & Übel: „Anführung“ – 5 € ½ <b>markup</b> a<b zweite Zeile mit Tab, drei "
  "Leerzeichen und zwei",
  "Hinweis: Stand der Daten aus dem Workshop.",
  "3 Maßnahmen",
  "Nr. Maßnahme Verantwortlich Status",
  "1 Maßnahme 1 Stadtverwaltung in Arbeit mit einer zweiten Zeile",
  "Page 3 of",
  "30 Maßnahme 30 Stadtverwaltung erledigt mit einer zweiten Zeile",
  "4 Zielmatrix",
  "Handlungsfeld Kernziel A Kernziel B",
  "Mobilität ●",
  "Bildung",
  "Nachhaltigkeits-Check",
  "gut mittel schlecht",
};

/* Entries of the table of contents with their page numbers: the first page after the
 * contents is page 3, and the measures table fills more than the rest of it. */
static const char *const contents_entries[] = {
  "1 Vision\\.+ ?3 ",
  "2 Handlungsfelder\\.+ ?3 ",
  "2\\.1 Verwaltung\\.+ ?3 ",
  "2\\.1\\.1 Leitziel: Digitale Verwaltung\\.+ ?3 ",
  "3 Maßnahmen\\.+ ?3 ",
  "4 Zielmatrix\\.+ ?[4-9] ",
  "Nachhaltigkeits-Check\\.+ ?[4-9] ",
};

static void
add_measures_table (WerkOdt *odt)
{
  const char *const header[] = { "Nr.", "Maßnahme", "Verantwortlich", "Status", NULL };
  const double widths[] = { 1, 6, 3, 2 };

  werk_odt_begin_table (odt, 4, widths);
  werk_odt_add_header_row (odt, header);
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *title = g_strdup_printf ("Maßnahme %u\nmit einer zweiten Zeile", i);

      werk_odt_begin_row (odt);
      werk_odt_add_cell (odt, WERK_ODT_CELL_NUMBER, number);
      werk_odt_add_cell (odt, WERK_ODT_CELL_PLAIN, title);
      werk_odt_add_cell (odt, WERK_ODT_CELL_PLAIN, "Stadtverwaltung");
      werk_odt_add_cell (odt, i % 3 == 0 ? WERK_ODT_CELL_GREEN : WERK_ODT_CELL_YELLOW,
                         i % 3 == 0 ? "erledigt" : "in Arbeit");
    }
  werk_odt_end_table (odt);
}

static void
add_matrix (WerkOdt *odt)
{
  const char *const header[] = { "Handlungsfeld", "Kernziel A", "Kernziel B", NULL };
  const char *const plain[] = { "Bildung", "", NULL };

  werk_odt_add_heading (odt, 1, "4 Zielmatrix");
  werk_odt_begin_table (odt, 3, (const double[]){ 2, 1, 1 });
  werk_odt_add_header_row (odt, header);
  werk_odt_begin_row (odt);
  werk_odt_add_cell (odt, WERK_ODT_CELL_PLAIN, "Mobilität");
  werk_odt_add_cell (odt, WERK_ODT_CELL_MARK, "●");
  werk_odt_add_row (odt, plain);
  werk_odt_end_table (odt);

  werk_odt_add_heading (odt, 2, "Nachhaltigkeits-Check");
  werk_odt_begin_table (odt, 3, NULL);
  werk_odt_begin_row (odt);
  werk_odt_add_cell (odt, WERK_ODT_CELL_GREEN, "gut");
  werk_odt_add_cell (odt, WERK_ODT_CELL_YELLOW, "mittel");
  werk_odt_add_cell (odt, WERK_ODT_CELL_RED, "schlecht");
  werk_odt_end_table (odt);
}

static WerkOdt *
build_sample (void)
{
  WerkOdt *odt = werk_odt_new ();
  g_autoptr (GDateTime) date = g_date_time_new_local (2024, 11, 14, 18, 30, 0);

  werk_odt_set_title (odt, "Strategischer Rahmen Musterstadt");
  werk_odt_set_subject (odt, "Smart City & Digitalisierung");
  werk_odt_set_creator (odt, "Jana Müller");
  werk_odt_set_creation_date (odt, date);
  werk_odt_set_footer (odt, "Musterstadt – Strategischer Rahmen");

  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_TITLE, "Strategischer Rahmen");
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_SUBTITLE, "Musterstadt auf dem Weg zur Smart City");
  werk_odt_add_label_value (odt, "Kommune", "Musterstadt");
  werk_odt_add_page_break (odt);
  werk_odt_add_table_of_contents (odt, "Inhalt");
  werk_odt_add_page_break (odt);
  werk_odt_add_heading (odt, 1, "1 Vision");
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_QUOTE,
                          "Musterstadt ist 2035 eine vernetzte, lebenswerte Stadt für alle "
                          "Generationen.");
  werk_odt_add_heading (odt, 1, "2 Handlungsfelder");
  werk_odt_add_heading (odt, 2, "2.1 Verwaltung");
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_BODY, "Herausforderungen");
  werk_odt_add_list_item (odt, "Lange Wege für Bürgerinnen und Bürger");
  werk_odt_add_list_item (odt, "Wenig Personal in der IT");
  werk_odt_add_heading (odt, 3, "2.1.1 Leitziel: Digitale Verwaltung");
  werk_odt_add_label_value (odt, "Verantwortlich", "Bauamt & Ordnungsamt");
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_BODY, tricky);
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_NOTE, "Hinweis: Stand der Daten aus dem Workshop.");
  werk_odt_add_heading (odt, 1, "3 Maßnahmen");
  add_measures_table (odt);
  add_matrix (odt);
  return odt;
}

/* Every entry of the ZIP in order, as minizip's reader gives it back. */
typedef struct
{
  char *name;
  char *data;
  int method;        /* 0 stored, 8 deflated */
  guint local_extra; /* length of the extra field in the local header */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->data);
  g_free (entry);
}

/* The reader checks each entry's CRC when it is read to the end, so a success means the bytes
 * are the ones the writer put in. */
static char *
read_entry (unzFile zip, const unz_file_info64 *info, guint *local_extra)
{
  g_autoptr (GString) content = g_string_new (NULL);
  char buffer[8192];
  int n;

  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  *local_extra = unzGetLocalExtrafield (zip, NULL, 0);
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_string_append_len (content, buffer, n);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpuint (content->len, ==, info->uncompressed_size);
  g_assert_cmpint (unzCloseCurrentFile (zip), ==, UNZ_OK);
  return g_string_free (g_steal_pointer (&content), FALSE);
}

static GPtrArray *
read_zip (const char *path)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  unzFile zip = unzOpen64 (path);
  int status;

  g_assert_nonnull (zip);
  for (status = unzGoToFirstFile (zip); status == UNZ_OK; status = unzGoToNextFile (zip))
    {
      Entry *entry = g_new0 (Entry, 1);
      unz_file_info64 info;
      char name[256];

      g_assert_cmpint (unzGetCurrentFileInfo64 (zip, &info, name, sizeof name, NULL, 0, NULL, 0),
                       ==, UNZ_OK);
      entry->name = g_strdup (name);
      entry->method = info.compression_method;
      entry->data = read_entry (zip, &info, &entry->local_extra);
      g_ptr_array_add (entries, entry);
    }
  g_assert_cmpint (status, ==, UNZ_END_OF_LIST_OF_FILE);
  g_assert_cmpint (unzClose (zip), ==, UNZ_OK);
  return entries;
}

static const char *
find_part (GPtrArray *entries, const char *name)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->name, name))
        return entry->data;
    }
  g_error ("no %s in the package", name);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "odt-sample.odt", NULL);
}

static GBytes *
save_sample (void)
{
  g_autoptr (WerkOdt) odt = build_sample ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = sample_path ();
  g_autofree char *data = NULL;
  gsize size;

  g_assert_true (werk_odt_save (odt, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static GPtrArray *
read_sample (void)
{
  g_autoptr (GBytes) bytes = save_sample ();
  g_autofree char *path = sample_path ();

  return read_zip (path);
}

static guint
le16 (const guchar *p)
{
  return p[0] | p[1] << 8;
}

static guint32
le32 (const guchar *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

/* ODF 1.2 part 3, 3.3: the first local header is "mimetype", stored, without an extra field
 * and without a data descriptor, so that the media type stands at byte 30 as a magic number. */
static void
test_magic (void)
{
  g_autoptr (GBytes) bytes = save_sample ();
  gsize size;
  const guchar *raw = g_bytes_get_data (bytes, &size);
  static const char magic[] = "mimetype" MIMETYPE;

  g_assert_cmpuint (size, >, 30 + strlen (magic));
  g_assert_cmpmem (raw, 4, "PK\003\004", 4);
  g_assert_cmpuint (le16 (raw + 6) & 0x8, ==, 0); /* no data descriptor follows */
  g_assert_cmpuint (le16 (raw + 8), ==, 0);       /* stored */
  g_assert_cmpuint (le32 (raw + 18), ==, strlen (MIMETYPE));
  g_assert_cmpuint (le32 (raw + 22), ==, strlen (MIMETYPE));
  g_assert_cmpuint (le16 (raw + 26), ==, strlen ("mimetype"));
  g_assert_cmpuint (le16 (raw + 28), ==, 0); /* no extra field */
  g_assert_cmpmem (raw + 30, strlen (magic), magic, strlen (magic));
}

/* What the desktop sees: a file manager sniffing the bytes, and file(1). */
static void
test_recognised (void)
{
  g_autoptr (GBytes) bytes = save_sample ();
  g_autofree char *path = sample_path ();
  const char *argv[] = { "file", "--brief", path, NULL };
  g_autofree char *type = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  gboolean uncertain = TRUE;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  int status;

  type = g_content_type_guess (NULL, data, size, &uncertain);
  g_assert_cmpstr (type, ==, MIMETYPE);
  g_assert_false (uncertain);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (g_strchomp (out), ==, "OpenDocument Text");
}

static void
test_package (void)
{
  g_autoptr (GPtrArray) entries = read_sample ();
  const char *parts[] = { "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml" };
  Entry *first;

  g_assert_cmpuint (entries->len, ==, 5);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (first->name, ==, "mimetype");
  g_assert_cmpstr (first->data, ==, MIMETYPE);
  g_assert_cmpint (first->method, ==, 0);
  g_assert_cmpuint (first->local_extra, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *xml = find_part (entries, parts[i]);

      g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
      g_assert_true (g_utf8_validate (xml, -1, NULL));
    }
  /* XML compresses well; a stored part would make the file several times larger. */
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (((Entry *) g_ptr_array_index (entries, i))->method, ==, 8);
  g_assert_nonnull (strstr (find_part (entries, "META-INF/manifest.xml"),
                            "manifest:full-path=\"/\" manifest:version=\"1.3\" "
                            "manifest:media-type=\"" MIMETYPE "\""));
}

/* What a reader of content.xml sees: headings, paragraphs as text, and the styles used. */
typedef struct
{
  GString *text;             /* of the current paragraph or heading */
  guint depth;               /* of text:p / text:h nesting; text outside is not content */
  guint level;               /* of the current heading, 0 for a paragraph */
  gboolean in_toc;           /* entries of the table of contents repeat the headings */
  GPtrArray *blocks;         /* "level|text" for headings, "p|text" for paragraphs */
  GHashTable *used;          /* style names referred to */
  GHashTable *para;          /* paragraph and text style names referred to by text elements */
  GHashTable *styles;        /* style names defined */
  GHashTable *auto_families; /* family of each automatic style in content.xml */
  gboolean in_auto;
} Reader;

static const char *
attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

static void
note_styles (Reader *r, const char *element, const char **names, const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_suffix (names[i], "style-name") ||
          g_str_equal (names[i], "style:page-layout-name"))
        g_hash_table_add (r->used, g_strdup (values[i]));
      if (g_str_equal (names[i], "text:style-name") &&
          (g_str_equal (element, "text:p") || g_str_equal (element, "text:h") ||
           g_str_equal (element, "text:span") || g_str_equal (element, "text:list")))
        g_hash_table_add (r->para, g_strdup (values[i]));
      if (g_str_equal (names[i], "style:name"))
        {
          g_hash_table_add (r->styles, g_strdup (values[i]));
          if (r->in_auto)
            g_hash_table_insert (r->auto_families, g_strdup (values[i]),
                                 g_strdup (attribute (names, values, "style:family")));
        }
    }
}

static void
start_cb (GMarkupParseContext *context, const char *element, const char **names,
          const char **values, gpointer user_data, GError **error)
{
  Reader *r = user_data;

  note_styles (r, element, names, values);
  if (g_str_equal (element, "office:automatic-styles"))
    r->in_auto = TRUE;
  else if (g_str_equal (element, "text:index-body"))
    r->in_toc = TRUE;
  else if (g_str_equal (element, "text:p") || g_str_equal (element, "text:h"))
    {
      const char *level = attribute (names, values, "text:outline-level");

      if (r->depth++ == 0)
        g_string_truncate (r->text, 0);
      r->level = level != NULL ? atoi (level) : 0;
    }
  else if (g_str_equal (element, "text:line-break"))
    g_string_append_c (r->text, '\n');
  else if (g_str_equal (element, "text:tab"))
    g_string_append_c (r->text, '\t');
  else if (g_str_equal (element, "text:s"))
    {
      const char *count = attribute (names, values, "text:c");

      for (int n = count != NULL ? atoi (count) : 1; n > 0; n--)
        g_string_append_c (r->text, ' ');
    }
}

static void
end_cb (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  Reader *r = user_data;

  if (g_str_equal (element, "office:automatic-styles"))
    r->in_auto = FALSE;
  else if (g_str_equal (element, "text:index-body"))
    r->in_toc = FALSE;
  else if ((g_str_equal (element, "text:p") || g_str_equal (element, "text:h")) &&
           --r->depth == 0 && !r->in_toc)
    g_ptr_array_add (r->blocks, r->level > 0 ? g_strdup_printf ("%u|%s", r->level, r->text->str)
                                             : g_strdup_printf ("p|%s", r->text->str));
}

static void
text_cb (GMarkupParseContext *context, const char *text, gsize length, gpointer user_data,
         GError **error)
{
  Reader *r = user_data;

  if (r->depth > 0)
    g_string_append_len (r->text, text, length);
}

static void
reader_init (Reader *r)
{
  r->text = g_string_new (NULL);
  r->blocks = g_ptr_array_new_with_free_func (g_free);
  r->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->para = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->auto_families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
reader_clear (Reader *r)
{
  g_string_free (r->text, TRUE);
  g_ptr_array_unref (r->blocks);
  g_hash_table_unref (r->used);
  g_hash_table_unref (r->para);
  g_hash_table_unref (r->styles);
  g_hash_table_unref (r->auto_families);
}

static void
parse_xml (Reader *r, const char *xml)
{
  static const GMarkupParser parser = { start_cb, end_cb, text_cb, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, r, NULL);
  g_autoptr (GError) error = NULL;

  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static gboolean
has_block (Reader *r, const char *block)
{
  for (guint i = 0; i < r->blocks->len; i++)
    if (g_str_equal (g_ptr_array_index (r->blocks, i), block))
      return TRUE;
  return FALSE;
}

static void
test_content (void)
{
  g_autoptr (GPtrArray) entries = read_sample ();
  g_autofree char *tricky_block = g_strdup_printf ("p|%s", tricky);
  const char *content = find_part (entries, "content.xml");
  Reader r = { 0 };

  reader_init (&r);
  parse_xml (&r, content);

  g_assert_cmpstr (g_ptr_array_index (r.blocks, 0), ==, "p|Strategischer Rahmen");
  g_assert_true (has_block (&r, "1|1 Vision"));
  g_assert_true (has_block (&r, "1|2 Handlungsfelder"));
  g_assert_true (has_block (&r, "2|2.1 Verwaltung"));
  g_assert_true (has_block (&r, "3|2.1.1 Leitziel: Digitale Verwaltung"));
  g_assert_true (has_block (&r, "2|Nachhaltigkeits-Check"));
  g_assert_true (has_block (&r, "p|Verantwortlich: Bauamt & Ordnungsamt"));
  g_assert_true (has_block (&r, "p|Lange Wege für Bürgerinnen und Bürger"));
  /* Every character survives: the markup stays text, spaces, tabs and the newline too. */
  g_assert_true (has_block (&r, tricky_block));
  g_assert_true (has_block (&r, "p|Maßnahme 30\nmit einer zweiten Zeile"));

  g_assert_nonnull (strstr (content, "&lt;b&gt;markup&lt;/b&gt;"));
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_nonnull (strstr (content, "<text:list text:style-name=\"Bullets\">"));
  g_assert_nonnull (strstr (content, "<text:table-of-content "));
  reader_clear (&r);
}

static void
assert_defined (GHashTable *used, GHashTable *defined, const char *what)
{
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (defined, name))
      g_error ("%s style “%s” is used but not defined", what, name);
}

static void
test_styles (void)
{
  g_autoptr (GPtrArray) entries = read_sample ();
  const char *styles_xml = find_part (entries, "styles.xml");
  Reader content = { 0 }, styles = { 0 };
  GHashTableIter iter;
  const char *family, *name;

  reader_init (&content);
  reader_init (&styles);
  parse_xml (&content, find_part (entries, "content.xml"));
  parse_xml (&styles, styles_xml);

  /* Paragraph, heading, list and character styles are all named in styles.xml. */
  assert_defined (content.para, styles.styles, "a paragraph or text");
  g_assert_true (g_hash_table_contains (content.para, "Heading_20_3"));
  g_assert_true (g_hash_table_contains (content.para, "Label"));
  /* The only automatic styles are the tables' and their cells'; LibreOffice Writer reads no
   * others. Everything else is restylable. */
  g_hash_table_iter_init (&iter, content.auto_families);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &family))
    g_assert_true (g_str_has_prefix (family, "table"));

  /* content.xml may also use what styles.xml defines. */
  g_hash_table_iter_init (&iter, styles.styles);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_hash_table_add (content.styles, g_strdup (name));
  assert_defined (content.used, content.styles, "content.xml's");
  assert_defined (styles.used, styles.styles, "styles.xml's");

  g_assert_nonnull (strstr (styles_xml, "<style:font-face style:name=\"DejaVu Sans\""));
  g_assert_nonnull (strstr (styles_xml, "style:font-name=\"DejaVu Sans\""));
  g_assert_nonnull (strstr (styles_xml, "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""));
  g_assert_nonnull (strstr (styles_xml, "<text:page-number"));
  g_assert_nonnull (strstr (styles_xml, "fo:break-before=\"page\""));
  reader_clear (&content);
  reader_clear (&styles);
}

static void
test_meta (void)
{
  g_autoptr (GPtrArray) entries = read_sample ();
  const char *meta = find_part (entries, "meta.xml");

  g_assert_nonnull (strstr (meta, "<dc:title>Strategischer Rahmen Musterstadt</dc:title>"));
  g_assert_nonnull (strstr (meta, "<dc:subject>Smart City &amp; Digitalisierung</dc:subject>"));
  g_assert_nonnull (strstr (meta, "<meta:initial-creator>Jana Müller</meta:initial-creator>"));
  g_assert_nonnull (strstr (meta, "<dc:creator>Jana Müller</dc:creator>"));
  g_assert_nonnull (strstr (meta, "<meta:creation-date>2024-11-14T18:30:00</meta:creation-date>"));
  g_assert_nonnull (strstr (meta, "<meta:generator>Werkstatt/"));
}

static void
test_save_error (void)
{
  g_autoptr (WerkOdt) odt = werk_odt_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("werk-odt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "out.odt", NULL);

  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_BODY, "Text");
  g_assert_false (werk_odt_save (odt, path, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "out.odt"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
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
convert_to_pdf (const char *soffice, const char *odt, const char *outdir, const char *profile)
{
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  const char *argv[] = { soffice, "--headless", "--norestore", env, "--convert-to",
                         "pdf",   "--outdir",   outdir,        odt, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_build_filename (outdir, "odt-sample.pdf", NULL);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr (GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_in_order (const char *text)
{
  const char *from = text;

  for (guint i = 0; i < G_N_ELEMENTS (sample_strings); i++)
    {
      const char *found = strstr (from, sample_strings[i]);

      if (found == NULL)
        g_error ("“%s” is missing from the PDF after “%.60s”", sample_strings[i], from);
      from = found + strlen (sample_strings[i]);
    }
}

static void
assert_contents (const char *text)
{
  const char *start = strstr (text, "Inhalt");
  const char *end = strstr (text, "Page 2 of");

  g_assert_true (start != NULL && end != NULL && start < end);
  for (guint i = 0; i < G_N_ELEMENTS (contents_entries); i++)
    {
      g_autofree char *page = g_strndup (start, end - start);

      if (!g_regex_match_simple (contents_entries[i], page, 0, 0))
        g_error ("no entry /%s/ in the table of contents: %s", contents_entries[i], page);
    }
}

static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *odt = g_test_build_filename (G_TEST_BUILT, "odt-sample.odt", NULL);
  const char *outdir = g_test_get_dir (G_TEST_BUILT);
  g_autofree char *profile = g_dir_make_tmp ("werk-odt-lo-XXXXXX", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed: apt-get install "
                   "libreoffice-writer-nogui");
      remove_tree (profile);
      return;
    }
  bytes = save_sample ();
  pdf = convert_to_pdf (soffice, odt, outdir, profile);
  remove_tree (profile);
  text = pdf_text (pdf);

  assert_in_order (text);
  assert_contents (text);
  /* The measures table spans two pages, its header row repeated on the second. */
  g_assert_cmpuint (count (text, "Nr. Maßnahme Verantwortlich Status"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/odt/magic", test_magic);
  g_test_add_func ("/odt/recognised", test_recognised);
  g_test_add_func ("/odt/package", test_package);
  g_test_add_func ("/odt/content", test_content);
  g_test_add_func ("/odt/styles", test_styles);
  g_test_add_func ("/odt/meta", test_meta);
  g_test_add_func ("/odt/save-error", test_save_error);
  g_test_add_func ("/odt/libreoffice", test_libreoffice);
  return g_test_run ();
}
