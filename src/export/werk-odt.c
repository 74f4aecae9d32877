/* werk-odt.c: a small builder for OpenDocument text files (.odt) with named styles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <minizip/zip.h>
#include <string.h>

#include "werk-error.h"
#include "werk-odt.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

/* A4 with 2.5 cm left and 2 cm right margin: every width below derives from this. */
#define TEXT_WIDTH_CM 16.5

#define NS_OFFICE                                                             \
  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "        \
  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "          \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "            \
  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "          \
  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "   \
  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "                             \
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "                            \
  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "            \
  "office:version=\"1.3\""

#define FONT_DECLS                                                                 \
  "<office:font-face-decls>"                                                       \
  "<style:font-face style:name=\"DejaVu Sans\" svg:font-family=\"'DejaVu Sans'\" " \
  "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/>"            \
  "</office:font-face-decls>"

struct _WerkOdt
{
  GObject parent_instance;

  char *title;
  char *subject;
  char *creator;
  char *footer;
  GDateTime *created;

  GString *body;
  GString *auto_styles; /* per-table column widths */
  GPtrArray *headings;  /* Heading, for the pre-filled table of contents */
  gssize toc_offset;    /* where in body the table of contents goes, or -1 */
  char *toc_title;

  gboolean in_list;
  guint n_tables;
  guint n_columns; /* of the open table; 0 outside a table */
  guint n_cells;   /* in the open row */
  gboolean row_open;
  gboolean has_rows;
};

typedef struct
{
  guint level;
  char *text;
  char *bookmark;
} Heading;

G_DEFINE_FINAL_TYPE (WerkOdt, werk_odt, G_TYPE_OBJECT)

static const char *const paragraph_styles[] = {
  [WERK_ODT_STYLE_BODY] = "Text_20_body", [WERK_ODT_STYLE_TITLE] = "Title",
  [WERK_ODT_STYLE_SUBTITLE] = "Subtitle", [WERK_ODT_STYLE_NOTE] = "Note",
  [WERK_ODT_STYLE_QUOTE] = "Quotations",
};

static const struct
{
  const char *cell;
  const char *paragraph;
} cell_styles[] = {
  [WERK_ODT_CELL_PLAIN] = { "Werk_Cell", "Table_20_Contents" },
  [WERK_ODT_CELL_NUMBER] = { "Werk_Cell", "Table_20_Number" },
  [WERK_ODT_CELL_MARK] = { "Werk_Mark_Cell", "Table_20_Centred" },
  [WERK_ODT_CELL_GREEN] = { "Werk_Green_Cell", "Table_20_Centred" },
  [WERK_ODT_CELL_YELLOW] = { "Werk_Yellow_Cell", "Table_20_Centred" },
  [WERK_ODT_CELL_RED] = { "Werk_Red_Cell", "Table_20_Centred" },
};

static void
heading_free (Heading *heading)
{
  g_free (heading->text);
  g_free (heading->bookmark);
  g_free (heading);
}

static void
werk_odt_finalize (GObject *object)
{
  WerkOdt *self = WERK_ODT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->creator, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_string_free (self->body, TRUE);
  g_string_free (self->auto_styles, TRUE);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->toc_title, g_free);

  G_OBJECT_CLASS (werk_odt_parent_class)->finalize (object);
}

static void
werk_odt_class_init (WerkOdtClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = werk_odt_finalize;
}

static void
werk_odt_init (WerkOdt *self)
{
  self->body = g_string_new (NULL);
  self->auto_styles = g_string_new (NULL);
  self->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);
  self->toc_offset = -1;
}

/**
 * werk_odt_new:
 *
 * Returns: (transfer full): an empty document; fill it with the werk_odt_add_* calls in
 * reading order, then save it.
 */
WerkOdt *
werk_odt_new (void)
{
  return g_object_new (WERK_TYPE_ODT, NULL);
}

/* XML 1.0 cannot carry C0 controls other than tab and newlines, not even as references. */
static char *
sanitize (const char *text)
{
  char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  char *out = valid;

  for (const char *p = valid; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
      *out++ = *p;
  *out = '\0';
  return valid;
}

static void
append_escaped (GString *out, const char *text)
{
  g_autofree char *clean = sanitize (text);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (out, escaped);
}

/* ODF collapses white space (ODF 1.3 part 3, 6.1.2): keep every space the user typed. */
static const char *
append_spaces (GString *out, const char *p, gboolean after_element)
{
  gsize n = strspn (p, " ");
  gboolean before_element = strchr ("\t\r\n", p[n]) != NULL;

  if (!after_element && !before_element)
    {
      g_string_append_c (out, ' ');
      n--;
    }
  if (n == 1)
    g_string_append (out, "<text:s/>");
  else if (n > 1)
    g_string_append_printf (out, "<text:s text:c=\"%" G_GSIZE_FORMAT "\"/>", n);
  return p + strspn (p, " ");
}

static void
append_text (GString *out, const char *text)
{
  g_autofree char *clean = sanitize (text);
  gboolean after_element = TRUE;

  for (const char *p = clean; *p != '\0';)
    {
      if (*p == ' ')
        {
          p = append_spaces (out, p, after_element);
          after_element = FALSE;
          continue;
        }
      after_element = *p == '\t' || *p == '\r' || *p == '\n';
      if (*p == '\t')
        g_string_append (out, "<text:tab/>");
      else if (*p == '\r' || *p == '\n')
        g_string_append (out, "<text:line-break/>");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
      p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
    }
}

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/** werk_odt_set_title: the document title in meta.xml (shown by file managers and viewers). */
void
werk_odt_set_title (WerkOdt *self, const char *title)
{
  g_return_if_fail (WERK_IS_ODT (self));
  set_string (&self->title, title);
}

/** werk_odt_set_subject: the document subject in meta.xml. */
void
werk_odt_set_subject (WerkOdt *self, const char *subject)
{
  g_return_if_fail (WERK_IS_ODT (self));
  set_string (&self->subject, subject);
}

/** werk_odt_set_creator: the author in meta.xml, as creator and initial creator. */
void
werk_odt_set_creator (WerkOdt *self, const char *creator)
{
  g_return_if_fail (WERK_IS_ODT (self));
  set_string (&self->creator, creator);
}

/** werk_odt_set_creation_date: the creation date in meta.xml; the time of saving if unset. */
void
werk_odt_set_creation_date (WerkOdt *self, GDateTime *date)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (date != NULL);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = g_date_time_ref (date);
}

/** werk_odt_set_footer: text on the left of every page's footer, next to the page number. */
void
werk_odt_set_footer (WerkOdt *self, const char *text)
{
  g_return_if_fail (WERK_IS_ODT (self));
  set_string (&self->footer, text);
}

static void
close_list (WerkOdt *self)
{
  if (self->in_list)
    g_string_append (self->body, "</text:list>");
  self->in_list = FALSE;
}

/* Every block but a list item ends a running list; no block may sit inside a table. */
static gboolean
begin_block (WerkOdt *self)
{
  g_return_val_if_fail (self->n_columns == 0, FALSE);
  close_list (self);
  return TRUE;
}

/**
 * werk_odt_add_heading:
 * @level: 1 to 3
 *
 * Adds a heading in the style "Heading @level" with its outline level, so that the navigator
 * and the table of contents list it.
 */
void
werk_odt_add_heading (WerkOdt *self, guint level, const char *text)
{
  Heading *heading;

  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);
  if (!begin_block (self))
    return;

  heading = g_new0 (Heading, 1);
  heading->level = level;
  heading->text = g_strdup (text);
  heading->bookmark = g_strdup_printf ("__RefHeading__werk_%u", self->headings->len + 1);
  g_ptr_array_add (self->headings, heading);

  g_string_append_printf (self->body,
                          "<text:h text:style-name=\"Heading_20_%u\" text:outline-level=\"%u\">"
                          "<text:bookmark text:name=\"%s\"/>",
                          level, level, heading->bookmark);
  append_text (self->body, text);
  g_string_append (self->body, "</text:h>");
}

/** werk_odt_add_paragraph: adds @text as a paragraph in the named @style. */
void
werk_odt_add_paragraph (WerkOdt *self, WerkOdtStyle style, const char *text)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (style <= WERK_ODT_STYLE_QUOTE);
  g_return_if_fail (text != NULL);
  if (!begin_block (self))
    return;

  g_string_append_printf (self->body, "<text:p text:style-name=\"%s\">", paragraph_styles[style]);
  append_text (self->body, text);
  g_string_append (self->body, "</text:p>");
}

/**
 * werk_odt_add_label_value:
 *
 * Adds a metadata line such as "Owner: Building department", in the paragraph style "Label
 * Value" with the label in the character style "Label".
 */
void
werk_odt_add_label_value (WerkOdt *self, const char *label, const char *value)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (value != NULL);
  if (!begin_block (self))
    return;

  g_string_append (self->body, "<text:p text:style-name=\"Label_20_Value\">"
                               "<text:span text:style-name=\"Label\">");
  append_text (self->body, label);
  g_string_append (self->body, ":</text:span> ");
  append_text (self->body, value);
  g_string_append (self->body, "</text:p>");
}

/** werk_odt_add_list_item: adds a bullet point; consecutive items form one list. */
void
werk_odt_add_list_item (WerkOdt *self, const char *text)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (self->n_columns == 0);

  if (!self->in_list)
    g_string_append (self->body, "<text:list text:style-name=\"Bullets\">");
  self->in_list = TRUE;
  g_string_append (self->body, "<text:list-item><text:p text:style-name=\"List_20_Bullet\">");
  append_text (self->body, text);
  g_string_append (self->body, "</text:p></text:list-item>");
}

/** werk_odt_add_page_break: starts a new page (an empty paragraph in the style "Page Break"). */
void
werk_odt_add_page_break (WerkOdt *self)
{
  g_return_if_fail (WERK_IS_ODT (self));
  if (!begin_block (self))
    return;

  g_string_append (self->body, "<text:p text:style-name=\"Page_20_Break\"/>");
}

/**
 * werk_odt_add_table_of_contents:
 * @title: the heading above the entries, e.g. "Contents"
 *
 * Adds a table of contents of headings levels 1 to 3, at most once per document. Its entries
 * are filled in when saving, with page numbers as reference fields that LibreOffice computes;
 * "Update index" in LibreOffice rebuilds it.
 */
void
werk_odt_add_table_of_contents (WerkOdt *self, const char *title)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (self->toc_offset < 0);
  if (!begin_block (self))
    return;

  self->toc_offset = self->body->len;
  self->toc_title = g_strdup (title);
}

static void
append_column_styles (WerkOdt *self, guint n_columns, const double *widths)
{
  double total = 0;

  for (guint i = 0; i < n_columns; i++)
    total += widths != NULL ? widths[i] : 1;

  g_string_append_printf (self->auto_styles,
                          "<style:style style:name=\"Table%u\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%.2fcm\" table:align=\"margins\"/>"
                          "</style:style>",
                          self->n_tables, TEXT_WIDTH_CM);
  for (guint i = 0; i < n_columns; i++)
    {
      double share = (widths != NULL ? widths[i] : 1) / total;
      char width[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (width, sizeof width, "%.3f", share * TEXT_WIDTH_CM);
      g_string_append_printf (
          self->auto_styles,
          "<style:style style:name=\"Table%u.C%u\" style:family=\"table-column\">"
          "<style:table-column-properties style:column-width=\"%scm\" "
          "style:rel-column-width=\"%u*\"/></style:style>",
          self->n_tables, i + 1, width, (guint) (share * 65535 + 0.5));
    }
}

/**
 * werk_odt_begin_table:
 * @n_columns: at least 1
 * @widths: (nullable) (array length=n_columns): relative column widths, e.g. {3, 1, 1};
 *   %NULL for equal columns
 *
 * Starts a table across the text width. Add an optional header row first, then rows of cells;
 * finish with werk_odt_end_table().
 */
void
werk_odt_begin_table (WerkOdt *self, guint n_columns, const double *widths)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (n_columns > 0);
  if (!begin_block (self))
    return;
  for (guint i = 0; widths != NULL && i < n_columns; i++)
    g_return_if_fail (widths[i] > 0);

  self->n_tables++;
  self->n_columns = n_columns;
  self->n_cells = 0;
  self->row_open = FALSE;
  self->has_rows = FALSE;
  append_column_styles (self, n_columns, widths);

  g_string_append_printf (self->body,
                          "<table:table table:name=\"Table%u\" table:style-name=\"Table%u\">",
                          self->n_tables, self->n_tables);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (self->body, "<table:table-column table:style-name=\"Table%u.C%u\"/>",
                            self->n_tables, i + 1);
}

static void
append_cell (WerkOdt *self, const char *cell_style, const char *paragraph_style, const char *text)
{
  g_string_append_printf (self->body,
                          "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
                          "<text:p text:style-name=\"%s\">",
                          cell_style, paragraph_style);
  append_text (self->body, text);
  g_string_append (self->body, "</text:p></table:table-cell>");
  self->n_cells++;
}

/* Short rows are padded, so that every row spans the table. */
static void
close_row (WerkOdt *self)
{
  if (!self->row_open)
    return;
  while (self->n_cells < self->n_columns)
    append_cell (self, "Werk_Cell", "Table_20_Contents", "");
  g_string_append (self->body, "</table:table-row>");
  self->row_open = FALSE;
}

/**
 * werk_odt_add_header_row:
 * @cells: (array zero-terminated=1): at most as many as the table has columns
 *
 * Adds the table's header row, which LibreOffice repeats on every page the table spans.
 * Only before the first body row.
 */
void
werk_odt_add_header_row (WerkOdt *self, const char *const *cells)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->n_columns > 0 && !self->has_rows);
  g_return_if_fail (g_strv_length ((char **) cells) <= self->n_columns);

  self->has_rows = TRUE;
  self->n_cells = 0;
  g_string_append (self->body,
                   "<table:table-header-rows><table:table-row table:style-name=\"Werk_Row\">");
  for (guint i = 0; cells[i] != NULL; i++)
    append_cell (self, "Werk_Header_Cell", "Table_20_Heading", cells[i]);
  while (self->n_cells < self->n_columns)
    append_cell (self, "Werk_Header_Cell", "Table_20_Heading", "");
  g_string_append (self->body, "</table:table-row></table:table-header-rows>");
}

/** werk_odt_begin_row: starts a body row; werk_odt_add_cell() fills it from the left. */
void
werk_odt_begin_row (WerkOdt *self)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (self->n_columns > 0);

  close_row (self);
  g_string_append (self->body, "<table:table-row table:style-name=\"Werk_Row\">");
  self->row_open = TRUE;
  self->has_rows = TRUE;
  self->n_cells = 0;
}

/**
 * werk_odt_add_cell:
 * @look: the cell's named style, e.g. %WERK_ODT_CELL_GREEN for a traffic light
 *
 * Adds the next cell of the row started with werk_odt_begin_row().
 */
void
werk_odt_add_cell (WerkOdt *self, WerkOdtCell look, const char *text)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (look <= WERK_ODT_CELL_RED);
  g_return_if_fail (text != NULL);
  g_return_if_fail (self->row_open);
  g_return_if_fail (self->n_cells < self->n_columns);

  append_cell (self, cell_styles[look].cell, cell_styles[look].paragraph, text);
}

/** werk_odt_add_row: adds a body row of plain cells; missing cells stay empty. */
void
werk_odt_add_row (WerkOdt *self, const char *const *cells)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->n_columns > 0);
  g_return_if_fail (g_strv_length ((char **) cells) <= self->n_columns);

  werk_odt_begin_row (self);
  for (guint i = 0; cells[i] != NULL; i++)
    werk_odt_add_cell (self, WERK_ODT_CELL_PLAIN, cells[i]);
}

/** werk_odt_end_table: closes the table begun with werk_odt_begin_table(). */
void
werk_odt_end_table (WerkOdt *self)
{
  g_return_if_fail (WERK_IS_ODT (self));
  g_return_if_fail (self->n_columns > 0);

  close_row (self);
  if (!self->has_rows)
    {
      /* A table needs a row to be valid ODF. */
      werk_odt_begin_row (self);
      close_row (self);
    }
  g_string_append (self->body, "</table:table>");
  self->n_columns = 0;
}

/* The named styles a town may restyle: LibreOffice's standard names where one exists. */
static const char styles_office[] =
    "<office:styles>"
    "<style:default-style style:family=\"paragraph\">"
    "<style:paragraph-properties style:tab-stop-distance=\"1.25cm\" style:writing-mode=\"lr-tb\"/>"
    "<style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"10pt\" "
    "fo:language=\"de\" "
    "fo:country=\"DE\" style:font-name-asian=\"DejaVu Sans\" style:font-size-asian=\"10pt\" "
    "style:font-name-complex=\"DejaVu Sans\" style:font-size-complex=\"10pt\" "
    "fo:color=\"#1a1a1a\"/>"
    "</style:default-style>"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
    "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.22cm\" "
    "fo:line-height=\"130%\" fo:orphans=\"2\" fo:widows=\"2\"/></style:style>"
    "<style:style style:name=\"Heading\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" "
    "style:class=\"text\"><style:paragraph-properties fo:text-align=\"start\" "
    "fo:margin-top=\"0.5cm\" "
    "fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:color=\"#1f4e79\" fo:font-weight=\"bold\" "
    "style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
    "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
    "style:next-style-name=\"Text_20_body\" style:default-outline-level=\"1\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0.8cm\" fo:margin-bottom=\"0.3cm\"/>"
    "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" "
    "style:font-size-complex=\"16pt\"/></style:style>"
    "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
    "style:next-style-name=\"Text_20_body\" style:default-outline-level=\"2\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.22cm\"/>"
    "<style:text-properties fo:font-size=\"13pt\" style:font-size-asian=\"13pt\" "
    "style:font-size-complex=\"13pt\"/></style:style>"
    "<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
    "style:next-style-name=\"Text_20_body\" style:default-outline-level=\"3\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.18cm\"/>"
    "<style:text-properties fo:font-size=\"11pt\" fo:color=\"#2b4c6f\" "
    "style:font-size-asian=\"11pt\" "
    "style:font-size-complex=\"11pt\"/></style:style>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" "
    "style:next-style-name=\"Subtitle\" style:class=\"chapter\">"
    "<style:paragraph-properties fo:text-align=\"start\" fo:margin-top=\"3cm\" "
    "fo:margin-bottom=\"0.4cm\" "
    "fo:line-height=\"115%\"/><style:text-properties fo:font-size=\"26pt\" fo:color=\"#1f4e79\" "
    "fo:font-weight=\"bold\" style:font-size-asian=\"26pt\" style:font-weight-asian=\"bold\" "
    "style:font-size-complex=\"26pt\" style:font-weight-complex=\"bold\"/></style:style>"
    "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" "
    "style:class=\"chapter\"><style:paragraph-properties fo:text-align=\"start\" "
    "fo:margin-top=\"0cm\" "
    "fo:margin-bottom=\"1.2cm\"/><style:text-properties fo:font-size=\"15pt\" fo:color=\"#5f6b7a\" "
    "style:font-size-asian=\"15pt\" style:font-size-complex=\"15pt\"/></style:style>"
    "<style:style style:name=\"Label_20_Value\" style:display-name=\"Label Value\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-bottom=\"0.08cm\"/></style:style>"
    "<style:style style:name=\"Note\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Text_20_body\" style:class=\"text\">"
    "<style:text-properties fo:font-size=\"8.5pt\" fo:color=\"#5f6b7a\" "
    "style:font-size-asian=\"8.5pt\" style:font-size-complex=\"8.5pt\"/></style:style>"
    "<style:style style:name=\"Quotations\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Text_20_body\" style:class=\"html\">"
    "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:margin-right=\"0.6cm\" "
    "fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.4cm\" fo:padding-left=\"0.3cm\" "
    "fo:border-left=\"0.06cm solid #1f4e79\" fo:border-right=\"none\" fo:border-top=\"none\" "
    "fo:border-bottom=\"none\"/><style:text-properties fo:font-size=\"11pt\" "
    "fo:font-style=\"italic\" "
    "style:font-size-asian=\"11pt\" style:font-style-asian=\"italic\" "
    "style:font-size-complex=\"11pt\" "
    "style:font-style-complex=\"italic\"/></style:style>"
    "<style:style style:name=\"List_20_Bullet\" style:display-name=\"List Bullet\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" "
    "style:list-style-name=\"Bullets\" style:class=\"list\">"
    "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/></style:style>"
    "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\"/>"
    "<style:text-properties fo:font-size=\"9pt\" style:font-size-asian=\"9pt\" "
    "style:font-size-complex=\"9pt\"/></style:style>"
    "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
    "style:class=\"extra\">"
    "<style:paragraph-properties fo:text-align=\"start\"/><style:text-properties "
    "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" "
    "style:font-weight-complex=\"bold\"/></style:style>"
    "<style:style style:name=\"Table_20_Number\" style:display-name=\"Table Number\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
    "style:class=\"extra\">"
    "<style:paragraph-properties fo:text-align=\"end\"/></style:style>"
    "<style:style style:name=\"Table_20_Centred\" style:display-name=\"Table Centred\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
    "style:class=\"extra\">"
    "<style:paragraph-properties fo:text-align=\"center\"/></style:style>"
    "<style:style style:name=\"Footer\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" style:class=\"extra\"><style:paragraph-properties>"
    "<style:tab-stops><style:tab-stop style:position=\"16.5cm\" style:type=\"right\"/>"
    "</style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size=\"8pt\" "
    "fo:color=\"#5f6b7a\" style:font-size-asian=\"8pt\" style:font-size-complex=\"8pt\"/>"
    "</style:style>"
    "<style:style style:name=\"Spacer\" style:family=\"paragraph\" "
    "style:parent-style-name=\"Standard\" style:class=\"text\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0cm\" "
    "fo:line-height=\"100%\"/><style:text-properties fo:font-size=\"2pt\" "
    "style:font-size-asian=\"2pt\" style:font-size-complex=\"2pt\"/></style:style>"
    "<style:style style:name=\"Page_20_Break\" style:display-name=\"Page Break\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Spacer\" style:class=\"text\">"
    "<style:paragraph-properties fo:break-before=\"page\"/></style:style>"
    "<style:style style:name=\"Contents_20_Heading\" style:display-name=\"Contents Heading\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:class=\"index\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.4cm\"/>"
    "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" "
    "style:font-size-complex=\"16pt\"/></style:style>"
    "<style:style style:name=\"Contents_20_1\" style:display-name=\"Contents 1\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
    "<style:paragraph-properties fo:margin-left=\"0cm\" fo:margin-top=\"0.2cm\" "
    "fo:margin-bottom=\"0.05cm\"><style:tab-stops><style:tab-stop style:position=\"16.5cm\" "
    "style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
    "</style:paragraph-properties><style:text-properties fo:font-weight=\"bold\" "
    "style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
    "<style:style style:name=\"Contents_20_2\" style:display-name=\"Contents 2\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
    "<style:paragraph-properties fo:margin-left=\"0.5cm\" fo:margin-bottom=\"0.05cm\">"
    "<style:tab-stops><style:tab-stop style:position=\"16cm\" style:type=\"right\" "
    "style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
    "</style:paragraph-properties></style:style>"
    "<style:style style:name=\"Contents_20_3\" style:display-name=\"Contents 3\" "
    "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
    "<style:paragraph-properties fo:margin-left=\"1cm\" fo:margin-bottom=\"0.05cm\">"
    "<style:tab-stops><style:tab-stop style:position=\"15.5cm\" style:type=\"right\" "
    "style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops>"
    "</style:paragraph-properties></style:style>"
    "<style:style style:name=\"Label\" style:family=\"text\"><style:text-properties "
    "fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/>"
    "</style:style>"
    "<style:style style:name=\"Index_20_Link\" style:display-name=\"Index Link\" "
    "style:family=\"text\"/>"
    "<text:outline-style style:name=\"Outline\">"
    "<text:outline-level-style text:level=\"1\" style:num-format=\"\"/>"
    "<text:outline-level-style text:level=\"2\" style:num-format=\"\"/>"
    "<text:outline-level-style text:level=\"3\" style:num-format=\"\"/>"
    "</text:outline-style>"
    "<text:list-style style:name=\"Bullets\">"
    "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\">"
    "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
    "<style:list-level-label-alignment text:label-followed-by=\"listtab\" "
    "text:list-tab-stop-position=\"0.6cm\" fo:text-indent=\"-0.4cm\" fo:margin-left=\"0.6cm\"/>"
    "</style:list-level-properties></text:list-level-style-bullet>"
    "</text:list-style>"
    "</office:styles>";

/* LibreOffice Writer ignores cell styles in styles.xml, so the cell looks are automatic styles
 * of content.xml: fixed names, one per look, so a town can still find and change them. */
static const struct
{
  const char *name;
  const char *background;
} cell_looks[] = {
  { "Werk_Cell", "transparent" },    { "Werk_Header_Cell", "#dde5ee" },
  { "Werk_Mark_Cell", "#c9d8ea" },   { "Werk_Green_Cell", "#c6efce" },
  { "Werk_Yellow_Cell", "#ffeb9c" }, { "Werk_Red_Cell", "#ffc7ce" },
};

/* Rows are kept whole on a page: a measure split across pages is hard to read. */
static void
append_cell_styles (GString *out)
{
  g_string_append (out, "<style:style style:name=\"Werk_Row\" style:family=\"table-row\">"
                        "<style:table-row-properties fo:keep-together=\"always\"/></style:style>");
  for (guint i = 0; i < G_N_ELEMENTS (cell_looks); i++)
    g_string_append_printf (out,
                            "<style:style style:name=\"%s\" style:family=\"table-cell\">"
                            "<style:table-cell-properties fo:padding=\"0.1cm\" "
                            "fo:border=\"0.5pt solid #9aa7b5\" fo:background-color=\"%s\"/>"
                            "</style:style>",
                            cell_looks[i].name, cell_looks[i].background);
}

static const char styles_page[] =
    "<office:automatic-styles><style:page-layout style:name=\"Werk_Page\">"
    "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
    "style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"1.5cm\" "
    "fo:margin-left=\"2.5cm\" fo:margin-right=\"2cm\" style:num-format=\"1\"/>"
    "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" "
    "fo:margin-top=\"0.5cm\"/></style:footer-style></style:page-layout></office:automatic-styles>";

/* Translators split around the placeholders: the fields themselves are LibreOffice's. */
static void
append_page_numbers (GString *out)
{
  /* Translators: in the footer of documents; keep %1$s (this page) and %2$s (page count) */
  const char *format = _ ("Page %1$s of %2$s");
  g_autoptr (GString) literal = g_string_new (NULL);

  for (const char *p = format; *p != '\0';)
    {
      const char *field = NULL;

      if (g_str_has_prefix (p, "%1$s"))
        field = "<text:page-number text:select-page=\"current\">1</text:page-number>";
      else if (g_str_has_prefix (p, "%2$s"))
        field = "<text:page-count>1</text:page-count>";
      if (field == NULL)
        {
          g_string_append_c (literal, *p++);
          continue;
        }
      append_text (out, literal->str);
      g_string_truncate (literal, 0);
      g_string_append (out, field);
      p += strlen ("%1$s");
    }
  append_text (out, literal->str);
}

static char *
build_styles (WerkOdt *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-styles " NS_OFFICE ">" FONT_DECLS);

  g_string_append (out, styles_office);
  g_string_append (out, styles_page);
  g_string_append (out, "<office:master-styles><style:master-page style:name=\"Standard\" "
                        "style:page-layout-name=\"Werk_Page\"><style:footer>"
                        "<text:p text:style-name=\"Footer\">");
  if (self->footer != NULL)
    append_text (out, self->footer);
  g_string_append (out, "<text:tab/>");
  append_page_numbers (out);
  g_string_append (out, "</text:p></style:footer></style:master-page></office:master-styles>"
                        "</office:document-styles>");
  return g_string_free (out, FALSE);
}

static void
append_toc_source (WerkOdt *self, GString *out)
{
  g_string_append (out, "<text:table-of-content-source text:outline-level=\"3\">"
                        "<text:index-title-template text:style-name=\"Contents_20_Heading\">");
  append_escaped (out, self->toc_title);
  g_string_append (out, "</text:index-title-template>");
  for (guint level = 1; level <= 3; level++)
    g_string_append_printf (out,
                            "<text:table-of-content-entry-template text:outline-level=\"%u\" "
                            "text:style-name=\"Contents_20_%u\">"
                            "<text:index-entry-link-start text:style-name=\"Index_20_Link\"/>"
                            "<text:index-entry-text/>"
                            "<text:index-entry-tab-stop style:type=\"right\" "
                            "style:leader-char=\".\"/>"
                            "<text:index-entry-page-number/>"
                            "<text:index-entry-link-end/>"
                            "</text:table-of-content-entry-template>",
                            level, level);
  g_string_append (out, "</text:table-of-content-source>");
}

/* Page numbers are reference fields to the headings' bookmarks, so that the entries show
 * them before anyone updates the index. */
static void
append_toc_entry (GString *out, const Heading *heading)
{
  g_string_append_printf (out,
                          "<text:p text:style-name=\"Contents_20_%u\">"
                          "<text:a xlink:type=\"simple\" xlink:href=\"#%s\" "
                          "text:style-name=\"Index_20_Link\" "
                          "text:visited-style-name=\"Index_20_Link\">",
                          heading->level, heading->bookmark);
  append_text (out, heading->text);
  g_string_append_printf (out,
                          "<text:tab/><text:bookmark-ref text:reference-format=\"page\" "
                          "text:ref-name=\"%s\"></text:bookmark-ref></text:a></text:p>",
                          heading->bookmark);
}

static char *
build_toc (WerkOdt *self)
{
  GString *out = g_string_new ("<text:table-of-content text:protected=\"true\" "
                               "text:name=\"Contents\">");

  append_toc_source (self, out);
  g_string_append (out, "<text:index-body><text:index-title text:name=\"Contents_Head\">"
                        "<text:p text:style-name=\"Contents_20_Heading\">");
  append_text (out, self->toc_title);
  g_string_append (out, "</text:p></text:index-title>");
  for (guint i = 0; i < self->headings->len; i++)
    append_toc_entry (out, g_ptr_array_index (self->headings, i));
  g_string_append (out, "</text:index-body></text:table-of-content>");
  return g_string_free (out, FALSE);
}

static char *
build_content (WerkOdt *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-content " NS_OFFICE ">" FONT_DECLS);

  g_string_append (out, "<office:automatic-styles>");
  append_cell_styles (out);
  g_string_append (out, self->auto_styles->str);
  g_string_append (out, "</office:automatic-styles>");
  g_string_append (out, "<office:body><office:text>");
  if (self->toc_offset >= 0)
    {
      g_autofree char *toc = build_toc (self);

      g_string_append_len (out, self->body->str, self->toc_offset);
      g_string_append (out, toc);
      g_string_append (out, self->body->str + self->toc_offset);
    }
  else
    g_string_append (out, self->body->str);
  /* LibreOffice ends a document that ends in a table with a body-sized empty paragraph, which
   * may spill onto a page of its own; a spacer is smaller. */
  if (g_str_has_suffix (self->body->str, "</table:table>"))
    g_string_append (out, "<text:p text:style-name=\"Spacer\"/>");
  g_string_append (out, "</office:text></office:body></office:document-content>");
  return g_string_free (out, FALSE);
}

static void
append_meta_element (GString *out, const char *element, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, "<%s>", element);
  append_escaped (out, value);
  g_string_append_printf (out, "</%s>", element);
}

static char *
build_meta (WerkOdt *self, GDateTime *created)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-meta " NS_OFFICE "><office:meta>"
                               "<meta:generator>Werkstatt/" PACKAGE_VERSION "</meta:generator>");
  g_autofree char *date = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S");

  append_meta_element (out, "dc:title", self->title);
  append_meta_element (out, "dc:subject", self->subject);
  append_meta_element (out, "meta:initial-creator", self->creator);
  append_meta_element (out, "dc:creator", self->creator);
  append_meta_element (out, "meta:creation-date", date);
  append_meta_element (out, "dc:date", date);
  append_meta_element (out, "dc:language", "de-DE");
  g_string_append (out, "</office:meta></office:document-meta>");
  return g_string_free (out, FALSE);
}

static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
    "manifest:version=\"1.3\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
    "manifest:media-type=\"" MIMETYPE "\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>";

/* minizip writes through these callbacks into memory, so that the caller gets the whole file
 * or nothing. It seeks back to fill in sizes and CRC in each local header, so no entry needs a
 * data descriptor. */
typedef struct
{
  GByteArray *bytes;
  gsize position;
} ZipBuffer;

static voidpf ZCALLBACK
zip_open_cb (voidpf opaque, const void *filename, int mode)
{
  return opaque;
}

static uLong ZCALLBACK
zip_read_cb (voidpf opaque, voidpf stream, void *buffer, uLong size)
{
  ZipBuffer *zip = stream;
  gsize n = MIN (size, zip->bytes->len - zip->position);

  memcpy (buffer, zip->bytes->data + zip->position, n);
  zip->position += n;
  return n;
}

static uLong ZCALLBACK
zip_write_cb (voidpf opaque, voidpf stream, const void *buffer, uLong size)
{
  ZipBuffer *zip = stream;

  if (zip->position + size > zip->bytes->len)
    g_byte_array_set_size (zip->bytes, zip->position + size);
  memcpy (zip->bytes->data + zip->position, buffer, size);
  zip->position += size;
  return size;
}

static ZPOS64_T ZCALLBACK
zip_tell_cb (voidpf opaque, voidpf stream)
{
  return ((ZipBuffer *) stream)->position;
}

static long ZCALLBACK
zip_seek_cb (voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
  ZipBuffer *zip = stream;
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                  : origin == ZLIB_FILEFUNC_SEEK_CUR ? zip->position
                                                     : zip->bytes->len;

  if (base + offset > zip->bytes->len)
    return -1;
  zip->position = base + offset;
  return 0;
}

static int ZCALLBACK
zip_close_cb (voidpf opaque, voidpf stream)
{
  return 0;
}

static int ZCALLBACK
zip_error_cb (voidpf opaque, voidpf stream)
{
  return 0;
}

/* ZIP stores local time from 1980 to 2107 only. */
static zip_fileinfo
zip_file_info (GDateTime *mtime)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (mtime);
  zip_fileinfo info = { 0 };

  info.tmz_date.tm_sec = g_date_time_get_second (local);
  info.tmz_date.tm_min = g_date_time_get_minute (local);
  info.tmz_date.tm_hour = g_date_time_get_hour (local);
  info.tmz_date.tm_mday = g_date_time_get_day_of_month (local);
  info.tmz_date.tm_mon = g_date_time_get_month (local) - 1;
  info.tmz_date.tm_year = CLAMP (g_date_time_get_year (local), 1980, 2107);
  return info;
}

/* No extra field and no ZIP64 block (zip64 = 0): ODF's magic number is "mimetype" and the
 * media type right behind the 30-byte local header, which an extra field would push away. */
static int
zip_add (zipFile zip, const zip_fileinfo *info, const char *name, const char *data, int method)
{
  gsize length = strlen (data);
  int status;

  if (length > G_MAXUINT32)
    return ZIP_PARAMERROR;
  status = zipOpenNewFileInZip64 (zip, name, info, NULL, 0, NULL, 0, NULL, method,
                                  method == 0 ? 0 : Z_DEFAULT_COMPRESSION, 0);
  if (status == ZIP_OK)
    status = zipWriteInFileInZip (zip, data, length);
  if (status == ZIP_OK)
    status = zipCloseFileInZip (zip);
  return status;
}

/* ODF wants "mimetype" first and stored, so that tools recognise the file by its first bytes. */
static GBytes *
zip_parts (const char *const *parts, GDateTime *mtime, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  ZipBuffer buffer = { bytes, 0 };
  zlib_filefunc64_def io = { zip_open_cb, zip_read_cb,  zip_write_cb, zip_tell_cb,
                             zip_seek_cb, zip_close_cb, zip_error_cb, &buffer };
  zip_fileinfo info = zip_file_info (mtime);
  zipFile zip = zipOpen2_64 (NULL, APPEND_STATUS_CREATE, NULL, &io);
  int status = zip != NULL ? ZIP_OK : ZIP_INTERNALERROR;

  if (status == ZIP_OK)
    status = zip_add (zip, &info, "mimetype", MIMETYPE, 0);
  for (guint i = 0; status == ZIP_OK && parts[i] != NULL; i += 2)
    status = zip_add (zip, &info, parts[i], parts[i + 1], Z_DEFLATED);
  /* zipClose frees the handle whatever happened before; its own failure loses the directory. */
  if (zip != NULL && zipClose (zip, NULL) != ZIP_OK && status == ZIP_OK)
    status = ZIP_INTERNALERROR;
  if (status != ZIP_OK)
    {
      g_autofree char *detail = g_strdup_printf ("minizip error %d", status);

      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
                   _ ("Could not assemble the OpenDocument file: %s"), detail);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * werk_odt_to_bytes:
 *
 * Returns: (transfer full): the whole .odt file, or %NULL with @error set. Call it only with
 * no table open.
 */
GBytes *
werk_odt_to_bytes (WerkOdt *self, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDateTime *created;
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;

  g_return_val_if_fail (WERK_IS_ODT (self), NULL);
  g_return_val_if_fail (self->n_columns == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  close_list (self);
  created = self->created != NULL ? self->created : now;
  content = build_content (self);
  styles = build_styles (self);
  meta = build_meta (self, created);
  {
    const char *const parts[] = { "META-INF/manifest.xml",
                                  manifest,
                                  "content.xml",
                                  content,
                                  "styles.xml",
                                  styles,
                                  "meta.xml",
                                  meta,
                                  NULL };

    return zip_parts (parts, created, error);
  }
}

/**
 * werk_odt_save:
 * @path: the file to write, replaced as a whole
 *
 * Writes the document to @path: either the whole file or, on failure, nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
werk_odt_save (WerkOdt *self, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (WERK_IS_ODT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = werk_odt_to_bytes (self, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, size, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("Could not save “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
