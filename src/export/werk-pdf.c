/* werk-pdf.c: a flowing A4 document on libharu — text, headings, contents, tables, charts, photos.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "werk-error.h"
#include "werk-text-layout.h"

typedef enum
{
  FACE_REGULAR,
  FACE_BOLD,
  FACE_OBLIQUE,
  N_FACES
} Face;

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  Face face;
  double size;
  double leading;
  double space_before;
  double space_after;
  Rgb color;
} TextStyle;

#define INK          \
  {                  \
    0.14, 0.14, 0.16 \
  }
#define MUTED        \
  {                  \
    0.37, 0.36, 0.40 \
  }
#define ACCENT                               \
  {                                          \
    0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0 \
  }
#define HAIRLINE     \
  {                  \
    0.80, 0.81, 0.83 \
  }

static const Rgb ink = INK;
static const Rgb muted = MUTED;
static const Rgb accent = ACCENT;
static const Rgb hairline = HAIRLINE;
static const Rgb header_shade = { 0.914, 0.929, 0.949 };
static const Rgb zebra_shade = { 0.961, 0.965, 0.973 };
static const Rgb group_shade = { 0.882, 0.922, 0.973 };
static const Rgb placeholder_shade = { 0.957, 0.957, 0.961 };

static const TextStyle styles[] = {
  [WERK_PDF_STYLE_BODY] = { FACE_REGULAR, 10.5, 15, 0, 6, INK },
  [WERK_PDF_STYLE_BOLD] = { FACE_BOLD, 10.5, 15, 0, 6, INK },
  [WERK_PDF_STYLE_ITALIC] = { FACE_OBLIQUE, 10.5, 15, 0, 6, INK },
  [WERK_PDF_STYLE_SMALL] = { FACE_REGULAR, 8.5, 12, 0, 4, MUTED },
  [WERK_PDF_STYLE_CAPTION] = { FACE_OBLIQUE, 8.5, 12, 0, 8, MUTED },
  [WERK_PDF_STYLE_TITLE] = { FACE_BOLD, 26, 32, 0, 10, INK },
  [WERK_PDF_STYLE_SUBTITLE] = { FACE_REGULAR, 15, 20, 0, 8, MUTED },
};

static const TextStyle heading_styles[] = {
  { FACE_BOLD, 16, 21, 20, 8, ACCENT },
  { FACE_BOLD, 13, 18, 14, 6, INK },
  { FACE_BOLD, 11, 15, 10, 4, INK },
};

static const TextStyle table_style = { FACE_REGULAR, 9.5, 13, 0, 12, INK };
static const TextStyle chart_style = { FACE_REGULAR, 10, 14, 0, 10, INK };
static const TextStyle toc_style = { FACE_REGULAR, 10.5, 15, 0, 0, INK };
static const TextStyle footer_style = { FACE_REGULAR, 8, 10, 0, 0, MUTED };

#define CELL_PAD_X    5.0
#define CELL_PAD_Y    4.0
#define BAR_HEIGHT    10.0
#define IMAGE_GAP     5.0
#define N_LEVELS      3
#define MAX_DIMENSION 14400.0 /* PDF's largest page side; keeps libharu's reals in range */

static const char *const font_files[N_FACES] = {
  "DejaVuSans.ttf",
  "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique.ttf",
};

typedef struct
{
  HPDF_Page page;
  double width;
  double height;
} Page;

typedef struct
{
  guint level;
  char *number;
  char *text;
  char *color;
  double extra_after;
  Page *page; /* where it was drawn; NULL while pending */
  double y;
} Heading;

typedef struct
{
  guint n_columns;
  double *x;
  double *width;
  WerkPdfAlign *align;
  char **header;
  WerkPdfTableFlags flags;
  guint n_rows;
  guint chunks_on_page; /* row pieces drawn below the header on this page */
  gboolean started;
} Table;

/* Text broken into lines for one face, size and width. */
typedef struct
{
  char *text;
  GArray *lines;
} Lines;

/* One table cell being drawn, possibly over several pages. */
typedef struct
{
  Lines lines;
  guint next;
  Face face;
  gboolean filled;
  Rgb fill;
} Cell;

struct _WerkPdf
{
  GObject parent_instance;

  HPDF_Doc doc;
  HPDF_Font fonts[N_FACES];

  GPtrArray *pages; /* Page, in document order */
  Page *page;       /* the page the flow is on */
  double y;         /* the flow's cursor, from the top of the page */
  WerkPdfOrientation orientation;
  double margin_top, margin_right, margin_bottom, margin_left;

  char *footer;
  gboolean cover;
  gboolean numbered;
  guint counters[N_LEVELS];
  HPDF_Outline outlines[N_LEVELS];
  GPtrArray *headings; /* Heading, drawn */
  GPtrArray *pending;  /* Heading, waiting to be drawn with what follows them */
  gboolean toc_inserted;
  Table *table;

  HPDF_STATUS status; /* the first libharu error; the document is unusable after it */
  HPDF_STATUS detail;
  gboolean catching; /* an error now is the caller's (a bad photo), not the document's */
  HPDF_STATUS caught;

  gboolean finished;
  GBytes *output;

  guint32 used[0x10000 / 32]; /* the characters drawn, for the fonts' ToUnicode maps */

  FILE *spill;        /* the photos' JPEG streams until the PDF is written; unlinked */
  GPtrArray *spilled; /* Spilled, one per photo moved there */
  gboolean no_spill;  /* the spill file could not be made: photos stay in memory */
};

G_DEFINE_FINAL_TYPE (WerkPdf, werk_pdf, G_TYPE_OBJECT)

static void end_table (WerkPdf *self);

/* Errors */

static void
error_cb (HPDF_STATUS status, HPDF_STATUS detail, void *user_data)
{
  WerkPdf *self = user_data;

  if (self->catching)
    {
      if (self->caught == HPDF_OK)
        self->caught = status;
      return;
    }
  if (self->status == HPDF_OK)
    {
      self->status = status;
      self->detail = detail;
    }
}

static gboolean
ready (WerkPdf *self)
{
  return self->status == HPDF_OK;
}

/**
 * werk_pdf_check:
 *
 * Tells whether libharu has failed so far. After a failure the document ignores further drawing
 * and werk_pdf_save() reports the same error.
 */
gboolean
werk_pdf_check (WerkPdf *self, GError **error)
{
  g_return_val_if_fail (WERK_IS_PDF (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ready (self))
    return TRUE;

  if (self->status == HPDF_FAILD_TO_ALLOC_MEM)
    g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
                 _ ("There was not enough memory to create the PDF."));
  else
    g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
                 /* Translators: the numbers identify the error for a bug report */
                 _ ("The PDF could not be created (libharu error 0x%04X, detail %u)."),
                 (guint) self->status, (guint) self->detail);
  return FALSE;
}

/* GObject */

static void
heading_free (gpointer data)
{
  Heading *h = data;

  g_free (h->number);
  g_free (h->text);
  g_free (h->color);
  g_free (h);
}

static void
table_free (Table *t)
{
  g_free (t->x);
  g_free (t->width);
  g_free (t->align);
  g_strfreev (t->header);
  g_free (t);
}

static void
werk_pdf_finalize (GObject *object)
{
  WerkPdf *self = WERK_PDF (object);

  g_clear_pointer (&self->doc, HPDF_Free);
  g_clear_pointer (&self->spill, fclose);
  g_clear_pointer (&self->spilled, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->table, table_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_pointer (&self->output, g_bytes_unref);

  G_OBJECT_CLASS (werk_pdf_parent_class)->finalize (object);
}

static void
werk_pdf_class_init (WerkPdfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = werk_pdf_finalize;
}

static void
werk_pdf_init (WerkPdf *self)
{
  self->pages = g_ptr_array_new_with_free_func (g_free);
  self->headings = g_ptr_array_new_with_free_func (heading_free);
  self->pending = g_ptr_array_new_with_free_func (heading_free);
  self->spilled = g_ptr_array_new_with_free_func (g_free);
  self->margin_top = 62;
  self->margin_right = 62;
  self->margin_bottom = 74;
  self->margin_left = 68;
}

/* Fonts and text */

static gboolean
has_glyph_cb (gunichar c, gpointer user_data)
{
  HPDF_Font font = user_data;
  HPDF_FontDef def = ((HPDF_FontAttr) font->attr)->fontdef;

  return c <= 0xFFFF && HPDF_TTFontDef_GetGlyphid (def, (HPDF_UINT16) c) != 0;
}

typedef struct
{
  HPDF_Font font;
  double size;
} Measure;

static double
measure_cb (const char *text, gsize n_bytes, gpointer user_data)
{
  const Measure *m = user_data;
  HPDF_TextWidth tw = HPDF_Font_TextWidth (m->font, (const HPDF_BYTE *) text, (HPDF_UINT) n_bytes);

  return tw.width * m->size / 1000.0;
}

static double
measure (WerkPdf *self, Face face, double size, const char *text)
{
  Measure m = { self->fonts[face], size };

  return measure_cb (text, strlen (text), &m);
}

/* Text for one line (no layout), with what the font lacks replaced visibly. */
static char *
clean_line (WerkPdf *self, Face face, const char *text)
{
  char *s = werk_text_layout_sanitize (text, has_glyph_cb, self->fonts[face]);

  g_strdelimit (s, "\n", ' ');
  return s;
}

static void
lay_out (WerkPdf *self, Lines *out, Face face, double size, const char *text, double width)
{
  Measure m = { self->fonts[face], size };

  out->text = werk_text_layout_sanitize (text != NULL ? text : "", has_glyph_cb, self->fonts[face]);
  out->lines = werk_text_layout_break_lines (out->text, width, measure_cb, &m);
}

static void
lines_clear (Lines *l)
{
  g_clear_pointer (&l->text, g_free);
  g_clear_pointer (&l->lines, g_array_unref);
}

static char *
line_at (const Lines *l, guint i)
{
  const WerkTextLine *line = &g_array_index (l->lines, WerkTextLine, i);

  return g_strndup (l->text + line->offset, line->length);
}

/* The baseline that centres the font's ascent and descent in a line box of @leading. */
static double
baseline (WerkPdf *self, Face face, double size, double top, double leading)
{
  double ascent = HPDF_Font_GetAscent (self->fonts[face]) * size / 1000.0;
  double descent = -HPDF_Font_GetDescent (self->fonts[face]) * size / 1000.0;

  return top + (leading - ascent - descent) / 2 + ascent;
}

static void
show_text (WerkPdf *self, Face face, double size, const Rgb *color, double x, double base,
           const char *text)
{
  HPDF_Page p = self->page->page;

  if (*text == '\0')
    return;
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (u < 0x10000)
        self->used[u / 32] |= 1u << (u % 32);
    }
  HPDF_Page_BeginText (p);
  HPDF_Page_SetFontAndSize (p, self->fonts[face], size);
  HPDF_Page_SetRGBFill (p, color->r, color->g, color->b);
  HPDF_Page_TextOut (p, x, self->page->height - base, text);
  HPDF_Page_EndText (p);
}

/* Draws one line of a style in a line box at @top, aligned within [x, x + width]. */
static void
draw_line (WerkPdf *self, const TextStyle *st, const Rgb *color, double x, double width,
           WerkPdfAlign align, double top, const char *text)
{
  double w;

  if (align != WERK_PDF_ALIGN_LEFT)
    {
      w = measure (self, st->face, st->size, text);
      x += align == WERK_PDF_ALIGN_CENTER ? (width - w) / 2 : width - w;
    }
  show_text (self, st->face, st->size, color, x,
             baseline (self, st->face, st->size, top, st->leading), text);
}

/* Colours and shapes */

static Rgb
parse_color (const char *color, const Rgb *fallback)
{
  Rgb rgb = *fallback;
  int v[6];

  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return rgb;
  for (guint i = 0; i < 6; i++)
    if ((v[i] = g_ascii_xdigit_value (color[i + 1])) < 0)
      return rgb;
  rgb.r = (v[0] * 16 + v[1]) / 255.0;
  rgb.g = (v[2] * 16 + v[3]) / 255.0;
  rgb.b = (v[4] * 16 + v[5]) / 255.0;
  return rgb;
}

static const Rgb *
ink_on (const Rgb *fill)
{
  static const Rgb white = { 1, 1, 1 };
  double luminance = 0.2126 * fill->r + 0.7152 * fill->g + 0.0722 * fill->b;

  return luminance < 0.5 ? &white : &ink;
}

static void
fill_rect (WerkPdf *self, double x, double y, double w, double h, const Rgb *c)
{
  HPDF_Page p = self->page->page;

  if (w <= 0 || h <= 0)
    return;
  HPDF_Page_SetRGBFill (p, c->r, c->g, c->b);
  HPDF_Page_Rectangle (p, x, self->page->height - y - h, w, h);
  HPDF_Page_Fill (p);
}

static void
stroke_rect (WerkPdf *self, double x, double y, double w, double h, double line_width, const Rgb *c)
{
  HPDF_Page p = self->page->page;

  if (w <= 0 || h <= 0)
    return;
  HPDF_Page_SetLineWidth (p, line_width);
  HPDF_Page_SetRGBStroke (p, c->r, c->g, c->b);
  HPDF_Page_Rectangle (p, x, self->page->height - y - h, w, h);
  HPDF_Page_Stroke (p);
}

static void
hline (WerkPdf *self, double x0, double x1, double y, double line_width, const Rgb *c)
{
  HPDF_Page p = self->page->page;

  HPDF_Page_SetLineWidth (p, line_width);
  HPDF_Page_SetRGBStroke (p, c->r, c->g, c->b);
  HPDF_Page_MoveTo (p, x0, self->page->height - y);
  HPDF_Page_LineTo (p, x1, self->page->height - y);
  HPDF_Page_Stroke (p);
}

/* Pages and the flow */

static Page *
page_new (HPDF_Page hp, WerkPdfOrientation orientation)
{
  Page *page = g_new0 (Page, 1);

  HPDF_Page_SetSize (hp, HPDF_PAGE_SIZE_A4,
                     orientation == WERK_PDF_LANDSCAPE ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
  page->page = hp;
  page->width = HPDF_Page_GetWidth (hp);
  page->height = HPDF_Page_GetHeight (hp);
  return page;
}

static void
new_page (WerkPdf *self, WerkPdfOrientation orientation)
{
  HPDF_Page hp = HPDF_AddPage (self->doc);

  /* Even if libharu failed, the cursor moves up, so no loop waits for room forever. */
  self->y = self->margin_top;
  if (hp == NULL)
    return;
  self->page = page_new (hp, orientation);
  self->orientation = orientation;
  g_ptr_array_add (self->pages, self->page);
}

static void
break_page (WerkPdf *self)
{
  new_page (self, self->orientation);
  if (self->table != NULL)
    self->table->chunks_on_page = 0;
}

static gboolean
ensure_page (WerkPdf *self)
{
  if (ready (self) && self->page == NULL)
    new_page (self, WERK_PDF_PORTRAIT);
  return ready (self) && self->page != NULL;
}

/* Readies the flow for new content: a first page, and no table left open. */
static gboolean
start (WerkPdf *self)
{
  if (!ensure_page (self))
    return FALSE;
  if (self->table != NULL)
    end_table (self);
  return ready (self);
}

static double
content_width (WerkPdf *self)
{
  return self->page->width - self->margin_left - self->margin_right;
}

static double
content_height (WerkPdf *self)
{
  return self->page->height - self->margin_top - self->margin_bottom;
}

static double
bottom (WerkPdf *self)
{
  return self->page->height - self->margin_bottom;
}

static gboolean
at_top (WerkPdf *self)
{
  return self->y <= self->margin_top + 0.01;
}

/* At the top of a page everything "fits": a taller block must be split, not moved on. */
static gboolean
fits (WerkPdf *self, double height)
{
  return at_top (self) || self->y + height <= bottom (self) + 0.01;
}

static void
advance (WerkPdf *self, double dy)
{
  self->y = MIN (self->y + dy, bottom (self));
}

/* Draws a sequence of lines, turning pages as needed. */
static void
flow_lines (WerkPdf *self, const Lines *l, const TextStyle *st, double x, double width,
            WerkPdfAlign align)
{
  for (guint i = 0; i < l->lines->len && ready (self); i++)
    {
      g_autofree char *text = line_at (l, i);

      if (!fits (self, st->leading))
        break_page (self);
      draw_line (self, st, &st->color, x, width, align, self->y, text);
      self->y += st->leading;
    }
}

/* Headings wait until what follows them is known, so that a heading never ends a page. */

static const TextStyle *
heading_style (const Heading *h)
{
  return &heading_styles[h->level - 1];
}

static double
heading_indent (WerkPdf *self, const Heading *h)
{
  const TextStyle *st = heading_style (h);
  double indent = 0;

  if (h->color != NULL)
    indent += st->size * 1.1;
  if (h->number != NULL)
    indent += measure (self, st->face, st->size, h->number) + st->size * 0.6;
  return indent;
}

static double
heading_height (WerkPdf *self, const Heading *h, gboolean first_on_page)
{
  const TextStyle *st = heading_style (h);
  Lines l = { 0 };
  double height;

  lay_out (self, &l, st->face, st->size, h->text, content_width (self) - heading_indent (self, h));
  height = (first_on_page ? 0 : st->space_before) + l.lines->len * st->leading + st->space_after +
           h->extra_after;
  lines_clear (&l);
  return height;
}

static char *
heading_label (const Heading *h)
{
  g_autofree char *text = werk_text_layout_sanitize (h->text, NULL, NULL);

  g_strdelimit (text, "\n", ' ');
  return h->number != NULL ? g_strdup_printf ("%s  %s", h->number, text) : g_steal_pointer (&text);
}

static HPDF_Destination
heading_destination (const Heading *h)
{
  HPDF_Destination dst = HPDF_Page_CreateDestination (h->page->page);

  if (dst != NULL)
    HPDF_Destination_SetFitH (dst, h->page->height - h->y + 6);
  return dst;
}

static void
add_outline (WerkPdf *self, const Heading *h)
{
  g_autofree char *title = heading_label (h);
  HPDF_Outline parent = NULL, outline;

  for (int l = (int) h->level - 2; l >= 0 && parent == NULL; l--)
    parent = self->outlines[l];
  outline = HPDF_CreateOutline (self->doc, parent, title, HPDF_GetEncoder (self->doc, "UTF-8"));
  if (outline == NULL)
    return;
  HPDF_Outline_SetOpened (outline, HPDF_TRUE);
  HPDF_Outline_SetDestination (outline, heading_destination (h));
  self->outlines[h->level - 1] = outline;
  for (guint l = h->level; l < N_LEVELS; l++)
    self->outlines[l] = NULL;
}

static void
draw_heading (WerkPdf *self, Heading *h)
{
  const TextStyle *st = heading_style (h);
  double indent = heading_indent (self, h), x = self->margin_left;
  Lines l = { 0 };

  if (!at_top (self))
    self->y += st->space_before;
  h->page = self->page;
  h->y = self->y;
  add_outline (self, h);

  if (h->color != NULL)
    {
      Rgb c = parse_color (h->color, &accent);
      double side = st->size * 0.62;
      double base = baseline (self, st->face, st->size, self->y, st->leading);

      fill_rect (self, x, base - st->size * 0.36 - side / 2, side, side, &c);
      x += st->size * 1.1;
    }
  if (h->number != NULL)
    draw_line (self, st, &st->color, x, 0, WERK_PDF_ALIGN_LEFT, self->y, h->number);

  lay_out (self, &l, st->face, st->size, h->text, content_width (self) - indent);
  flow_lines (self, &l, st, self->margin_left + indent, 0, WERK_PDF_ALIGN_LEFT);
  lines_clear (&l);
  advance (self, st->space_after + h->extra_after);
}

/* Makes room for a block whose first part is @height high, together with the headings waiting
 * for it, and draws those headings. */
static void
begin_block (WerkPdf *self, double height)
{
  double total = height;

  for (guint i = 0; i < self->pending->len; i++)
    total += heading_height (self, g_ptr_array_index (self->pending, i), i == 0 && at_top (self));
  if (!fits (self, total))
    break_page (self);

  for (guint i = 0; i < self->pending->len; i++)
    {
      Heading *h = g_ptr_array_index (self->pending, i);

      draw_heading (self, h);
      g_ptr_array_add (self->headings, h);
    }
  g_ptr_array_set_free_func (self->pending, NULL);
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_free_func (self->pending, heading_free);
}

/* Document */

/* libharu 2.3.0 gives a UTF-8 font a ToUnicode stream that is a CID map ("begincidrange"),
 * which PDF readers reject (poppler warns about it on every page and guesses). The codes it
 * writes are the characters' own Unicode values: each font gets a map of the characters the
 * document drew, code to itself, as bfchar entries, which every reader takes (Ghostscript
 * 10.0 gets bfrange destinations wrong). */
static void
write_to_unicode (WerkPdf *self, HPDF_Font font)
{
  HPDF_Dict cmap = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  g_autoptr (GString) text = NULL;
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (guint));

  if (cmap == NULL || cmap->stream == NULL || cmap->stream->type != HPDF_STREAM_MEMORY)
    return;
  for (guint u = 0; u < 0x10000; u++)
    if (self->used[u / 32] & (1u << (u % 32)) && (u < 0xD800 || u > 0xDFFF))
      g_array_append_val (chars, u);
  text = g_string_new ("/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint i = 0; i < chars->len; i++)
    {
      guint u = g_array_index (chars, guint, i);

      if (i % 100 == 0)
        g_string_append_printf (text, "%s%u beginbfchar\n", i ? "endbfchar\n" : "",
                                MIN (100u, chars->len - i));
      g_string_append_printf (text, "<%04X> <%04X>\n", u, u);
    }
  if (chars->len > 0)
    g_string_append (text, "endbfchar\n");
  g_string_append (text, "endcmap\n"
                         "CMapName currentdict /CMap defineresource pop\n"
                         "end\n"
                         "end\n");
  HPDF_MemStream_FreeData (cmap->stream);
  HPDF_Stream_WriteStr (cmap->stream, text->str);
}

static gboolean
load_fonts (WerkPdf *self, GError **error)
{
  const char *dir = g_getenv ("WERK_FONTDIR");

  for (guint face = 0; face < N_FACES; face++)
    {
      g_autofree char *path = g_build_filename (dir ? dir : FONTDIR, font_files[face], NULL);
      const char *name;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_NOT_AVAILABLE,
                       _ ("The font “%s” is missing. Please install the DejaVu fonts "
                          "(package fonts-dejavu-core)."),
                       path);
          return FALSE;
        }
      name = HPDF_LoadTTFontFromFile (self->doc, path, HPDF_TRUE);
      if (name != NULL)
        self->fonts[face] = HPDF_GetFont (self->doc, name, "UTF-8");
      if (self->fonts[face] == NULL)
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_NOT_AVAILABLE,
                       _ ("The font “%s” could not be loaded."), path);
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_info (WerkPdf *self, HPDF_InfoType type, const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;
  clean = werk_text_layout_sanitize (value, NULL, NULL);
  g_strdelimit (clean, "\n", ' ');
  HPDF_SetInfoAttr (self->doc, type, clean);
}

static void
set_creation_date (WerkPdf *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int offset = (int) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE);
  HPDF_Date date = {
    .year = g_date_time_get_year (now),
    .month = g_date_time_get_month (now),
    .day = g_date_time_get_day_of_month (now),
    .hour = g_date_time_get_hour (now),
    .minutes = g_date_time_get_minute (now),
    .seconds = g_date_time_get_second (now),
    .ind = offset < 0 ? '-' : '+',
    .off_hour = ABS (offset) / 60,
    .off_minutes = ABS (offset) % 60,
  };

  HPDF_SetInfoDateAttr (self->doc, HPDF_INFO_CREATION_DATE, date);
}

/**
 * werk_pdf_new:
 * @title: the document's title, shown by PDF viewers
 * @author: (nullable): e.g. the facilitators
 * @subject: (nullable): e.g. the municipality and the workshop
 *
 * Starts an A4 document with DejaVu Sans embedded (from FONTDIR, or $WERK_FONTDIR if set) and
 * compressed pages. The first page is created portrait when the first content arrives, unless
 * werk_pdf_add_page() comes first.
 *
 * Returns: (transfer full): the document, or %NULL if the fonts are missing
 */
WerkPdf *
werk_pdf_new (const char *title, const char *author, const char *subject, GError **error)
{
  g_autoptr (WerkPdf) self = NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (WERK_TYPE_PDF, NULL);
  self->doc = HPDF_New (error_cb, self);
  if (self->doc == NULL)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
                   _ ("There was not enough memory to create the PDF."));
      return NULL;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  if (!load_fonts (self, error))
    return NULL;

  set_info (self, HPDF_INFO_TITLE, title);
  set_info (self, HPDF_INFO_AUTHOR, author);
  set_info (self, HPDF_INFO_SUBJECT, subject);
  set_info (self, HPDF_INFO_CREATOR, "Werkstatt");
  set_creation_date (self);
  if (!werk_pdf_check (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * werk_pdf_set_footer:
 * @text: (nullable): shown bottom left on every page, e.g. "Fotoprotokoll · 14.07.2026"
 * @first_page_is_cover: whether the first page has no footer at all
 *
 * Every page gets "Page X of Y" bottom right; both are drawn when the document is saved.
 */
void
werk_pdf_set_footer (WerkPdf *self, const char *text, gboolean first_page_is_cover)
{
  g_return_if_fail (WERK_IS_PDF (self));

  g_free (self->footer);
  self->footer = g_strdup (text);
  self->cover = first_page_is_cover;
}

/* Numbers headings 1, 1.1, 1.1.1 from here on, in the text, the bookmarks and the contents. */
void
werk_pdf_set_numbered_headings (WerkPdf *self, gboolean numbered)
{
  g_return_if_fail (WERK_IS_PDF (self));

  self->numbered = numbered;
}

/* Margins in points for the pages that follow; set them before any content. */
void
werk_pdf_set_margins (WerkPdf *self, double top, double right, double bottom_, double left)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom_ >= 0 && left >= 0);
  g_return_if_fail (left + right < 500 && top + bottom_ < 500);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom_;
  self->margin_left = left;
}

/* Pages and the flow */

/* Starts a new page in @orientation; pages that the flow adds by itself keep it. */
void
werk_pdf_add_page (WerkPdf *self, WerkPdfOrientation orientation)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!ready (self))
    return;
  if (self->table != NULL)
    end_table (self);
  new_page (self, orientation);
}

/* Continues on a new page of the same orientation; a pending heading moves along. */
void
werk_pdf_page_break (WerkPdf *self)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!ready (self))
    return;
  if (self->page == NULL)
    {
      ensure_page (self);
      return;
    }
  if (self->table != NULL)
    end_table (self);
  break_page (self);
}

/* Starts a new page unless @height points are left on this one (with any pending heading). */
void
werk_pdf_ensure_space (WerkPdf *self, double height)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  begin_block (self, MAX (height, 0));
}

/* Vertical space; at most to the bottom of the page, never onto the next one. */
void
werk_pdf_space (WerkPdf *self, double height)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  if (self->pending->len > 0)
    {
      Heading *last = g_ptr_array_index (self->pending, self->pending->len - 1);

      last->extra_after += MAX (height, 0);
      return;
    }
  advance (self, MAX (height, 0));
}

/* The current page, counting from 1 (a table of contents inserted later shifts it). */
guint
werk_pdf_get_page_number (WerkPdf *self)
{
  guint index = 0;

  g_return_val_if_fail (WERK_IS_PDF (self), 0);

  if (self->page == NULL || !g_ptr_array_find (self->pages, self->page, &index))
    return 0;
  return index + 1;
}

guint
werk_pdf_get_n_pages (WerkPdf *self)
{
  g_return_val_if_fail (WERK_IS_PDF (self), 0);

  return self->pages->len;
}

/* The area inside the margins of the current page (created if there is none yet). */
void
werk_pdf_get_content_rect (WerkPdf *self, WerkPdfRect *rect)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (rect != NULL);

  if (!ensure_page (self))
    {
      *rect = (WerkPdfRect){ self->margin_left, self->margin_top, 595.276 - 130, 841.89 - 136 };
      return;
    }
  *rect = (WerkPdfRect){ self->margin_left, self->margin_top, content_width (self),
                         content_height (self) };
}

/* The flow's cursor, in points from the top of the page. */
double
werk_pdf_get_y (WerkPdf *self)
{
  g_return_val_if_fail (WERK_IS_PDF (self), 0);

  return ensure_page (self) ? self->y : self->margin_top;
}

void
werk_pdf_set_y (WerkPdf *self, double y)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (ensure_page (self))
    self->y = CLAMP (y, self->margin_top, bottom (self));
}

/* Text */

void
werk_pdf_paragraph_aligned (WerkPdf *self, WerkPdfStyle style, WerkPdfAlign align, const char *text)
{
  const TextStyle *st;
  Lines l = { 0 };

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (style <= WERK_PDF_STYLE_SUBTITLE);
  g_return_if_fail (align <= WERK_PDF_ALIGN_RIGHT);
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  st = &styles[style];
  lay_out (self, &l, st->face, st->size, text, content_width (self));
  begin_block (self, MIN (l.lines->len, 2) * st->leading);
  flow_lines (self, &l, st, self->margin_left, content_width (self), align);
  lines_clear (&l);
  advance (self, st->space_after);
}

/* A left-aligned paragraph; newlines in @text start new lines. */
void
werk_pdf_paragraph (WerkPdf *self, WerkPdfStyle style, const char *text)
{
  werk_pdf_paragraph_aligned (self, style, WERK_PDF_ALIGN_LEFT, text);
}

/* Two columns side by side, line by line, e.g. a bold key and its value. */
static void
two_columns (WerkPdf *self, const char *left, Face left_face, const Rgb *left_color,
             double left_width, const char *right, double space_after)
{
  const TextStyle *st = &styles[WERK_PDF_STYLE_BODY];
  TextStyle left_st = *st;
  Lines l = { 0 }, r = { 0 };
  guint rows;

  left_st.face = left_face;
  left_st.color = *left_color;
  lay_out (self, &l, left_face, st->size, left, left_width - st->size * 0.5);
  lay_out (self, &r, st->face, st->size, right, content_width (self) - left_width);
  rows = MAX (l.lines->len, r.lines->len);
  begin_block (self, MIN (rows, 2) * st->leading);

  for (guint i = 0; i < rows && ready (self); i++)
    {
      if (!fits (self, st->leading))
        break_page (self);
      if (i < l.lines->len)
        {
          g_autofree char *text = line_at (&l, i);
          draw_line (self, &left_st, left_color, self->margin_left, 0, WERK_PDF_ALIGN_LEFT, self->y,
                     text);
        }
      if (i < r.lines->len)
        {
          g_autofree char *text = line_at (&r, i);
          draw_line (self, st, &st->color, self->margin_left + left_width, 0, WERK_PDF_ALIGN_LEFT,
                     self->y, text);
        }
      self->y += st->leading;
    }
  lines_clear (&l);
  lines_clear (&r);
  advance (self, space_after);
}

/**
 * werk_pdf_key_value:
 * @key: e.g. "Owner:", drawn bold
 * @value: e.g. "Frau Meier", wrapped beside the key
 * @key_width: the width of the key column in points, so that values align; 0 to put each value
 *   right after its key
 */
void
werk_pdf_key_value (WerkPdf *self, const char *key, const char *value, double key_width)
{
  const TextStyle *st = &styles[WERK_PDF_STYLE_BODY];
  double width;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (key != NULL && value != NULL);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  width = key_width > 0 ? key_width : measure (self, FACE_BOLD, st->size, key) + st->size * 0.5;
  width = MIN (width, content_width (self) * 0.45);
  two_columns (self, key, FACE_BOLD, &st->color, width, value, 2);
}

/* A list entry: @marker ("•", "–", "3.") in a hanging indent, then the wrapped @text. */
void
werk_pdf_list_item (WerkPdf *self, const char *marker, const char *text)
{
  const TextStyle *st = &styles[WERK_PDF_STYLE_BODY];
  double width;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (marker != NULL && text != NULL);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  width = MAX (16, measure (self, FACE_REGULAR, st->size, marker) + st->size * 0.6);
  two_columns (self, marker, FACE_REGULAR, &muted, MIN (width, content_width (self) * 0.3), text,
               3);
}

/* Headings */

/**
 * werk_pdf_heading:
 * @level: 1, 2 or 3
 * @text: the heading
 * @color: (nullable): "#rrggbb" for a coloured square before the heading, e.g. a field's colour
 *
 * Adds a heading that becomes a bookmark (nested by level) and an entry of the table of contents.
 * It is drawn together with the first lines of what follows, never alone at a page's bottom.
 */
void
werk_pdf_heading (WerkPdf *self, guint level, const char *text, const char *color)
{
  Heading *h;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (level >= 1 && level <= N_LEVELS);
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  h = g_new0 (Heading, 1);
  h->level = level;
  h->text = g_strdup (text);
  h->color = g_strdup (color);
  if (self->numbered)
    {
      GString *number = g_string_new (NULL);

      self->counters[level - 1]++;
      for (guint l = level; l < N_LEVELS; l++)
        self->counters[l] = 0;
      for (guint l = 0; l < level; l++)
        g_string_append_printf (number, l > 0 ? ".%u" : "%u", self->counters[l]);
      h->number = g_string_free (number, FALSE);
    }
  g_ptr_array_add (self->pending, h);
}

/* Table of contents */

typedef struct
{
  Heading *heading;
  Lines lines;
  double indent; /* of the number */
  double text_x; /* of the text, from the left margin */
  double height;
  guint page; /* index among the contents pages */
  double y;
} TocEntry;

static void
toc_entry_clear (gpointer data)
{
  TocEntry *e = data;

  lines_clear (&e->lines);
}

#define TOC_PAGE_COLUMN 36.0
#define TOC_INDENT      18.0

static Face
toc_face (guint level)
{
  return level == 1 ? FACE_BOLD : FACE_REGULAR;
}

static GArray *
toc_lay_out (WerkPdf *self, guint max_level, double width)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  double number_width[N_LEVELS] = { 0 };

  g_array_set_clear_func (entries, toc_entry_clear);
  for (guint i = 0; i < self->headings->len; i++)
    {
      Heading *h = g_ptr_array_index (self->headings, i);

      if (h->level <= max_level && h->number != NULL)
        number_width[h->level - 1] =
            MAX (number_width[h->level - 1],
                 measure (self, toc_face (h->level), toc_style.size, h->number) + 8);
    }

  for (guint i = 0; i < self->headings->len; i++)
    {
      Heading *h = g_ptr_array_index (self->headings, i);
      TocEntry e = { h };

      if (h->level > max_level)
        continue;
      e.indent = (h->level - 1) * TOC_INDENT;
      e.text_x = e.indent + number_width[h->level - 1];
      lay_out (self, &e.lines, toc_face (h->level), toc_style.size, h->text,
               width - e.text_x - TOC_PAGE_COLUMN - 8);
      e.height = e.lines.lines->len * toc_style.leading + (h->level == 1 ? 6 : 0);
      g_array_append_val (entries, e);
    }
  return entries;
}

static double
toc_title_height (void)
{
  return heading_styles[0].leading + heading_styles[0].space_after + 6;
}

/* Assigns entries to contents pages; returns how many pages they take. */
static guint
toc_paginate (GArray *entries, double top, double page_bottom)
{
  guint page = 0;
  double y = top + toc_title_height ();

  for (guint i = 0; i < entries->len; i++)
    {
      TocEntry *e = &g_array_index (entries, TocEntry, i);

      if (y + e->height > page_bottom && y > top)
        {
          page++;
          y = top;
        }
      e->page = page;
      e->y = y;
      y += e->height;
    }
  return page + 1;
}

static void
draw_dot_leader (WerkPdf *self, double x0, double x1, double base)
{
  HPDF_Page p = self->page->page;
  double right = self->page->width - self->margin_right;

  HPDF_Page_SetRGBFill (p, muted.r, muted.g, muted.b);
  /* Dots on a grid from the right edge line up from entry to entry. */
  for (double x = right - TOC_PAGE_COLUMN - 4; x > x0 + 2; x -= 4.5)
    if (x < x1)
      HPDF_Page_Circle (p, x, self->page->height - base, 0.55);
  HPDF_Page_Fill (p);
}

static void
draw_toc_entry (WerkPdf *self, TocEntry *e)
{
  const Heading *h = e->heading;
  TextStyle st = toc_style;
  double x = self->margin_left, right = self->page->width - self->margin_right;
  double top = e->y + (h->level == 1 ? 6 : 0), last_top = top, base;
  guint index = 0;
  g_autofree char *number = NULL;
  HPDF_Annotation link;
  HPDF_Rect rect;

  st.face = toc_face (h->level);
  if (h->number != NULL)
    draw_line (self, &st, &st.color, x + e->indent, 0, WERK_PDF_ALIGN_LEFT, top, h->number);
  for (guint i = 0; i < e->lines.lines->len; i++)
    {
      g_autofree char *text = line_at (&e->lines, i);

      last_top = top + i * st.leading;
      draw_line (self, &st, &st.color, x + e->text_x, 0, WERK_PDF_ALIGN_LEFT, last_top, text);
    }

  g_ptr_array_find (self->pages, h->page, &index);
  number = g_strdup_printf ("%u", index + 1);
  draw_line (self, &st, &st.color, right - TOC_PAGE_COLUMN, TOC_PAGE_COLUMN, WERK_PDF_ALIGN_RIGHT,
             last_top, number);
  {
    g_autofree char *last = line_at (&e->lines, e->lines.lines->len - 1);
    base = baseline (self, st.face, st.size, last_top, st.leading);
    draw_dot_leader (self, x + e->text_x + measure (self, st.face, st.size, last) + 4,
                     right - measure (self, st.face, st.size, number) - 4, base);
  }

  rect = (HPDF_Rect){ x, self->page->height - (last_top + st.leading), right,
                      self->page->height - top };
  link = HPDF_Page_CreateLinkAnnot (self->page->page, rect, heading_destination (h));
  if (link != NULL)
    HPDF_LinkAnnot_SetBorderStyle (link, 0, 0, 0);
}

static void
draw_toc_pages (WerkPdf *self, GArray *entries, GPtrArray *toc_pages, const char *title)
{
  const TextStyle *st = &heading_styles[0];

  for (guint p = 0; p < toc_pages->len; p++)
    {
      self->page = g_ptr_array_index (toc_pages, p);
      if (p == 0)
        {
          g_autofree char *text = clean_line (self, st->face, title);
          draw_line (self, st, &st->color, self->margin_left, 0, WERK_PDF_ALIGN_LEFT,
                     self->margin_top, text);
        }
      for (guint i = 0; i < entries->len; i++)
        {
          TocEntry *e = &g_array_index (entries, TocEntry, i);

          if (e->page == p)
            draw_toc_entry (self, e);
        }
    }
}

/**
 * werk_pdf_insert_toc:
 * @title: (nullable): the heading of the contents, by default "Contents"
 * @after_page: the contents go after this page (1 for after a cover); 0 for the very beginning
 * @max_level: the deepest heading level listed (1–3)
 *
 * Lists the headings so far on new portrait pages inserted after @after_page, with dot leaders
 * and their page numbers (which count the contents pages too); each entry links to its heading.
 * Call it once, after the body is laid out.
 */
void
werk_pdf_insert_toc (WerkPdf *self, const char *title, guint after_page, guint max_level)
{
  g_autoptr (GArray) entries = NULL;
  g_autoptr (GPtrArray) toc_pages = NULL;
  Page *flow_page;
  double flow_y, width;
  gboolean at_end;
  guint n;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (max_level >= 1 && max_level <= N_LEVELS);
  g_return_if_fail (!self->toc_inserted);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  if (self->pending->len > 0)
    begin_block (self, 0);
  self->toc_inserted = TRUE;
  after_page = MIN (after_page, self->pages->len);

  width = 595.276 - self->margin_left - self->margin_right;
  entries = toc_lay_out (self, max_level, width);
  n = toc_paginate (entries, self->margin_top, 841.89 - self->margin_bottom);

  at_end = after_page == self->pages->len;
  toc_pages = g_ptr_array_new ();
  for (guint p = 0; p < n; p++)
    {
      Page *before = at_end ? NULL : g_ptr_array_index (self->pages, after_page + p);
      HPDF_Page hp = before ? HPDF_InsertPage (self->doc, before->page) : HPDF_AddPage (self->doc);
      Page *page;

      if (hp == NULL)
        return;
      page = page_new (hp, WERK_PDF_PORTRAIT);
      g_ptr_array_insert (self->pages, after_page + p, page);
      g_ptr_array_add (toc_pages, page);
    }

  flow_page = self->page;
  flow_y = self->y;
  draw_toc_pages (self, entries, toc_pages, title != NULL ? title : _ ("Contents"));
  self->page = flow_page;
  self->y = flow_y;
}

/* Footers */

static void
draw_footer (WerkPdf *self, guint number, guint n_pages)
{
  const TextStyle *st = &footer_style;
  double left = self->margin_left, right = self->page->width - self->margin_right;
  double rule_y = self->page->height - self->margin_bottom + 26;
  /* Translators: the footer of every page of a PDF */
  g_autofree char *label = g_strdup_printf (_ ("Page %u of %u"), number, n_pages);
  double label_width = measure (self, st->face, st->size, label);

  hline (self, left, right, rule_y, 0.5, &hairline);
  draw_line (self, st, &st->color, right - label_width, 0, WERK_PDF_ALIGN_LEFT, rule_y + 5, label);

  if (self->footer != NULL)
    {
      Lines l = { 0 };
      g_autofree char *first = NULL;

      lay_out (self, &l, st->face, st->size, self->footer, right - left - label_width - 24);
      first = line_at (&l, 0);
      if (l.lines->len > 1)
        {
          char *more = g_strconcat (first, " …", NULL);
          g_free (first);
          first = more;
        }
      draw_line (self, st, &st->color, left, 0, WERK_PDF_ALIGN_LEFT, rule_y + 5, first);
      lines_clear (&l);
    }
}

static void
draw_footers (WerkPdf *self)
{
  for (guint i = self->cover ? 1 : 0; i < self->pages->len; i++)
    {
      self->page = g_ptr_array_index (self->pages, i);
      draw_footer (self, i + 1, self->pages->len);
    }
}

/* Tables */

static Face
cell_face (const Table *t, guint column, WerkPdfRowFlags flags)
{
  if ((flags & WERK_PDF_ROW_BOLD) || (column == 0 && (t->flags & WERK_PDF_TABLE_FIRST_COLUMN_BOLD)))
    return FACE_BOLD;
  return FACE_REGULAR;
}

static Cell *
lay_out_row (WerkPdf *self, const char *const *cells, Face header_face, WerkPdfRowFlags flags,
             const char *const *fills)
{
  Table *t = self->table;
  Cell *row = g_new0 (Cell, t->n_columns);

  for (guint i = 0; i < t->n_columns; i++)
    {
      row[i].face = header_face != N_FACES ? header_face : cell_face (t, i, flags);
      lay_out (self, &row[i].lines, row[i].face, table_style.size, cells[i],
               t->width[i] - 2 * CELL_PAD_X);
      if (fills != NULL && fills[i] != NULL)
        {
          row[i].filled = TRUE;
          row[i].fill = parse_color (fills[i], &header_shade);
        }
    }
  return row;
}

static void
free_row (Table *t, Cell *row)
{
  for (guint i = 0; i < t->n_columns; i++)
    lines_clear (&row[i].lines);
  g_free (row);
}

static guint
row_lines_left (const Table *t, const Cell *row)
{
  guint left = 0;

  for (guint i = 0; i < t->n_columns; i++)
    left = MAX (left, row[i].lines.lines->len - row[i].next);
  return MAX (left, 1);
}

static double
row_height (guint lines)
{
  return lines * table_style.leading + 2 * CELL_PAD_Y;
}

/* Draws up to @n lines of every cell of a row as one band across the table. */
static void
draw_row_chunk (WerkPdf *self, Cell *row, guint n, const Rgb *background, const Rgb *rule)
{
  Table *t = self->table;
  double left = t->x[0], right = t->x[t->n_columns - 1] + t->width[t->n_columns - 1];
  double h = row_height (n);

  if (background != NULL)
    fill_rect (self, left, self->y, right - left, h, background);
  for (guint i = 0; i < t->n_columns; i++)
    {
      Cell *c = &row[i];
      TextStyle st = table_style;
      const Rgb *color = c->filled ? ink_on (&c->fill) : &ink;
      guint end = MIN (c->next + n, c->lines.lines->len);

      st.face = c->face;
      if (c->filled)
        fill_rect (self, t->x[i], self->y, t->width[i], h, &c->fill);
      for (guint j = c->next; j < end; j++)
        {
          g_autofree char *text = line_at (&c->lines, j);

          draw_line (self, &st, color, t->x[i] + CELL_PAD_X, t->width[i] - 2 * CELL_PAD_X,
                     t->align[i], self->y + CELL_PAD_Y + (j - c->next) * st.leading, text);
        }
      c->next = end;
    }
  self->y += h;
  hline (self, left, right, self->y, 0.5, rule);
  t->chunks_on_page++;
}

static void
draw_table_header (WerkPdf *self)
{
  Table *t = self->table;
  Cell *row;

  if (t->header == NULL)
    return;
  row = lay_out_row (self, (const char *const *) t->header, FACE_BOLD, 0, NULL);
  draw_row_chunk (self, row, row_lines_left (t, row), &header_shade, &muted);
  free_row (t, row);
  t->chunks_on_page = 0;
}

static double
table_header_height (WerkPdf *self)
{
  Table *t = self->table;
  Cell *row;
  double h;

  if (t->header == NULL)
    return 0;
  row = lay_out_row (self, (const char *const *) t->header, FACE_BOLD, 0, NULL);
  h = row_height (row_lines_left (t, row));
  free_row (t, row);
  return h;
}

static void
table_break (WerkPdf *self)
{
  break_page (self);
  draw_table_header (self);
}

/* Draws a row, on the next page if it would fit there whole; a row taller than a page is split
 * between lines, with the header repeated above each piece. */
static void
draw_row (WerkPdf *self, Cell *row, const Rgb *background)
{
  Table *t = self->table;
  double capacity = content_height (self) - table_header_height (self);

  while (ready (self))
    {
      guint left = row_lines_left (t, row);
      double room = bottom (self) - self->y;
      guint fit;

      if (row_height (left) <= room + 0.01)
        {
          draw_row_chunk (self, row, left, background, &hairline);
          return;
        }
      if (t->chunks_on_page > 0 && row_height (left) <= capacity)
        {
          table_break (self);
          continue;
        }
      fit = room > 2 * CELL_PAD_Y ? (guint) ((room - 2 * CELL_PAD_Y) / table_style.leading) : 0;
      if (fit == 0 && t->chunks_on_page > 0)
        {
          table_break (self);
          continue;
        }
      draw_row_chunk (self, row, MAX (fit, 1), background, &hairline);
      table_break (self);
    }
}

/**
 * werk_pdf_table_begin:
 * @columns: (array length=n_columns): the columns' shares of the text width and alignment
 * @header: (nullable) (array length=n_columns): the header row, repeated on every page
 * @flags: zebra rows, or a bold first column for a matrix
 *
 * Starts a table; add rows with werk_pdf_table_row() and finish with werk_pdf_table_end() (any
 * other content also ends it).
 */
void
werk_pdf_table_begin (WerkPdf *self, const WerkPdfColumn *columns, guint n_columns,
                      const char *const *header, WerkPdfTableFlags flags)
{
  Table *t;
  double total = 0, x;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (columns != NULL && n_columns > 0);
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  t = g_new0 (Table, 1);
  t->n_columns = n_columns;
  t->x = g_new0 (double, n_columns);
  t->width = g_new0 (double, n_columns);
  t->align = g_new0 (WerkPdfAlign, n_columns);
  t->flags = flags;
  if (header != NULL)
    {
      t->header = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        t->header[i] = g_strdup (header[i] != NULL ? header[i] : "");
    }
  for (guint i = 0; i < n_columns; i++)
    total += MAX (columns[i].width, 0);

  x = self->margin_left;
  for (guint i = 0; i < n_columns; i++)
    {
      double share = total > 0 ? MAX (columns[i].width, 0) / total : 1.0 / n_columns;

      t->x[i] = x;
      t->width[i] = share * content_width (self);
      t->align[i] = columns[i].align <= WERK_PDF_ALIGN_RIGHT ? columns[i].align : 0;
      x += t->width[i];
    }
  self->table = t;
}

/**
 * werk_pdf_table_row_full:
 * @cells: (array): one text per column (%NULL for an empty cell)
 * @flags: bold, or shaded as a group row
 * @fills: (nullable) (array): per column a "#rrggbb" cell colour or %NULL, e.g. a traffic light
 */
void
werk_pdf_table_row_full (WerkPdf *self, const char *const *cells, WerkPdfRowFlags flags,
                         const char *const *fills)
{
  Table *t;
  Cell *row;
  const Rgb *background = NULL;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (!self->finished);

  if (!ready (self) || self->table == NULL)
    return;
  t = self->table;
  row = lay_out_row (self, cells, N_FACES, flags, fills);
  if (!t->started)
    {
      double first = row_height (row_lines_left (t, row));

      if (first > content_height (self) - table_header_height (self))
        first = row_height (2);
      begin_block (self, table_header_height (self) + first);
      draw_table_header (self);
      t->started = TRUE;
    }
  if (flags & WERK_PDF_ROW_SHADED)
    background = &group_shade;
  else if ((t->flags & WERK_PDF_TABLE_ZEBRA) && t->n_rows % 2 == 1)
    background = &zebra_shade;
  draw_row (self, row, background);
  free_row (t, row);
  t->n_rows++;
}

void
werk_pdf_table_row (WerkPdf *self, const char *const *cells)
{
  werk_pdf_table_row_full (self, cells, WERK_PDF_ROW_NONE, NULL);
}

static void
end_table (WerkPdf *self)
{
  Table *t = self->table;

  if (ready (self) && !t->started && t->header != NULL)
    {
      begin_block (self, table_header_height (self));
      draw_table_header (self);
    }
  g_clear_pointer (&self->table, table_free);
  if (ready (self))
    advance (self, table_style.space_after);
}

void
werk_pdf_table_end (WerkPdf *self)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (self->table != NULL)
    end_table (self);
}

/* Bar chart */

static char *
rank_label (const WerkPdfBar *bar)
{
  if (bar->tie)
    /* Translators: the rank of an entry in a chart that has as many dots as another one */
    return g_strdup_printf (_ ("%u. (tie)"), bar->rank);
  return g_strdup_printf ("%u.", bar->rank);
}

typedef struct
{
  double rank_width;
  double label_x;
  double label_width;
  double bar_x;
  double bar_width;
  guint max;
} ChartLayout;

static ChartLayout
chart_layout (WerkPdf *self, const WerkPdfBar *bars, guint n_bars)
{
  const TextStyle *st = &chart_style;
  ChartLayout c = { 0 };
  g_autofree char *max_text = NULL;
  double width = content_width (self);

  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *rank = rank_label (&bars[i]);

      c.rank_width = MAX (c.rank_width, measure (self, FACE_BOLD, st->size, rank));
      c.max = MAX (c.max, bars[i].value);
    }
  c.rank_width = MIN (c.rank_width, width * 0.2);
  max_text = g_strdup_printf ("%u", c.max);
  c.label_x = self->margin_left + c.rank_width + 8;
  c.label_width = width * 0.42;
  c.bar_x = c.label_x + c.label_width + 6;
  c.bar_width =
      self->margin_left + width - c.bar_x - measure (self, FACE_BOLD, st->size, max_text) - 6;
  return c;
}

static void
draw_bar (WerkPdf *self, const ChartLayout *c, const WerkPdfBar *bar)
{
  const TextStyle *st = &chart_style;
  TextStyle bold = *st;
  Lines l = { 0 };
  g_autofree char *rank = rank_label (bar);
  g_autofree char *value = g_strdup_printf ("%u", bar->value);
  double row_h, length, bar_top;

  bold.face = FACE_BOLD;
  lay_out (self, &l, st->face, st->size, bar->label, c->label_width);
  row_h = l.lines->len * st->leading + 6;
  if (!fits (self, row_h))
    break_page (self);

  draw_line (self, &bold, bar->tie ? &muted : &ink, self->margin_left, c->rank_width,
             WERK_PDF_ALIGN_RIGHT, self->y, rank);
  for (guint i = 0; i < l.lines->len; i++)
    {
      g_autofree char *text = line_at (&l, i);
      draw_line (self, st, &st->color, c->label_x, 0, WERK_PDF_ALIGN_LEFT,
                 self->y + i * st->leading, text);
    }
  length = c->max > 0 ? c->bar_width * bar->value / c->max : 0;
  bar_top = self->y + (st->leading - BAR_HEIGHT) / 2;
  fill_rect (self, c->bar_x, bar_top, MAX (length, bar->value > 0 ? 1.5 : 0), BAR_HEIGHT, &accent);
  draw_line (self, &bold, &ink, c->bar_x + MAX (length, 0) + 5, 0, WERK_PDF_ALIGN_LEFT, self->y,
             value);
  self->y += row_h;
  lines_clear (&l);
}

/**
 * werk_pdf_bar_chart:
 * @bars: (array length=n_bars): in rank order
 *
 * A ranked horizontal bar chart, e.g. the dots of a voting round: rank ("2. (tie)" for a tie),
 * the wrapped label, a bar scaled to the largest value, and the value; it continues across pages.
 */
void
werk_pdf_bar_chart (WerkPdf *self, const WerkPdfBar *bars, guint n_bars)
{
  ChartLayout c;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (bars != NULL || n_bars == 0);
  g_return_if_fail (!self->finished);

  if (!start (self) || n_bars == 0)
    return;
  c = chart_layout (self, bars, n_bars);
  begin_block (self, 2 * chart_style.leading + 12);
  for (guint i = 0; i < n_bars && ready (self); i++)
    draw_bar (self, &c, &bars[i]);
  advance (self, chart_style.space_after);
}

/* Photos */

/* Checks what libharu will need before it gets the bytes: a half-loaded image would stay in the
 * PDF as a broken object. Baseline, extended and progressive JPEGs are what PDF can show. */
static gboolean
jpeg_has_frame (const guint8 *d, gsize n)
{
  gsize i = 2;

  if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
    return FALSE;
  while (i + 4 <= n)
    {
      guint8 marker = d[i + 1];
      gsize len;

      if (d[i] != 0xFF)
        return FALSE;
      if (marker == 0xFF)
        {
          i++;
          continue;
        }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
        {
          i += 2;
          continue;
        }
      if (marker == 0xD9 || marker == 0xDA)
        return FALSE;
      len = (d[i + 2] << 8) | d[i + 3];
      if (len < 2 || i + 2 + len > n)
        return FALSE;
      if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2)
        return len >= 8 && ((d[i + 5] << 8) | d[i + 6]) > 0 && ((d[i + 7] << 8) | d[i + 8]) > 0;
      i += 2 + len;
    }
  return FALSE;
}

/* Photos on disk until the PDF is written.
 *
 * libharu keeps every image's stream in memory until HPDF_SaveToFile(), so a protocol's memory
 * would grow by each photo's JPEG. Each JPEG stream moves instead into one unlinked temporary
 * file, and libharu reads it back through a callback stream while it writes the PDF: memory
 * grows only by the page and image objects (about 72 MB at 320 photos against 96 MB before). If
 * the file cannot be made or written (a full disk), the photo simply stays in memory. */

typedef struct
{
  FILE *file;
  off_t offset;
  HPDF_UINT32 length;
  HPDF_UINT32 pos;
} Spilled;

static HPDF_STATUS
spilled_read (HPDF_Stream stream, HPDF_BYTE *buf, HPDF_UINT *size)
{
  Spilled *s = stream->attr;
  HPDF_UINT want = MIN (*size, s->length - s->pos);

  *size = 0;
  if (want > 0 && (fseeko (s->file, s->offset + s->pos, SEEK_SET) != 0 ||
                   fread (buf, 1, want, s->file) != want))
    return HPDF_SetError (stream->error, HPDF_FILE_IO_ERROR, errno);
  s->pos += want;
  *size = want;
  return s->pos == s->length ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS
spilled_seek (HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode)
{
  Spilled *s = stream->attr;
  gint64 to = pos;

  if (mode == HPDF_SEEK_CUR)
    to += s->pos;
  else if (mode == HPDF_SEEK_END)
    to += s->length;
  if (to < 0 || to > s->length)
    return HPDF_SetError (stream->error, HPDF_STREAM_EOF, 0);
  s->pos = (HPDF_UINT32) to;
  return HPDF_OK;
}

static HPDF_INT32
spilled_tell (HPDF_Stream stream)
{
  return (HPDF_INT32) ((Spilled *) stream->attr)->pos;
}

static HPDF_UINT32
spilled_size (HPDF_Stream stream)
{
  return ((Spilled *) stream->attr)->length;
}

static FILE *
spill_file (WerkPdf *self)
{
  g_autofree char *name = NULL;
  int fd;

  if (self->spill != NULL || self->no_spill)
    return self->spill;
  fd = g_file_open_tmp ("werkstatt-pdf-XXXXXX", &name, NULL);
  if (fd >= 0)
    {
      g_unlink (name);
      self->spill = fdopen (fd, "w+b");
      if (self->spill == NULL)
        close (fd);
    }
  self->no_spill = self->spill == NULL;
  return self->spill;
}

/* Copies @image's stream to the end of the spill file and lets libharu read it from there. */
static void
spill_image (WerkPdf *self, HPDF_Image image)
{
  HPDF_Stream memory = image->stream;
  HPDF_UINT32 length = HPDF_Stream_Size (memory), copied = 0;
  FILE *file = spill_file (self);
  HPDF_BYTE buf[65536];
  HPDF_Stream disk;
  Spilled *s;
  off_t offset;

  if (file == NULL || length == 0 || fseeko (file, 0, SEEK_END) != 0 ||
      (offset = ftello (file)) < 0 || HPDF_Stream_Seek (memory, 0, HPDF_SEEK_SET) != HPDF_OK)
    return;
  while (copied < length)
    {
      HPDF_UINT n = MIN (sizeof buf, length - copied);
      HPDF_STATUS status = HPDF_Stream_Read (memory, buf, &n);

      if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || n == 0 ||
          fwrite (buf, 1, n, file) != n)
        break;
      copied += n;
    }
  if (copied != length || fflush (file) != 0)
    {
      clearerr (file);
      return; /* what was written stays unused; the photo stays in memory */
    }
  s = g_new0 (Spilled, 1);
  *s = (Spilled){ file, offset, length, 0 };
  disk = HPDF_CallbackReader_New (self->doc->mmgr, spilled_read, spilled_seek, spilled_tell,
                                  spilled_size, s);
  if (disk == NULL)
    {
      g_free (s);
      return;
    }
  g_ptr_array_add (self->spilled, s);
  HPDF_Stream_Free (memory);
  image->stream = disk;
}

static HPDF_Image
load_jpeg (WerkPdf *self, GBytes *jpeg, GError **error)
{
  gsize n = 0;
  const guint8 *d = g_bytes_get_data (jpeg, &n);
  HPDF_Image image = NULL;

  if (n < G_MAXUINT32 && jpeg_has_frame (d, n))
    {
      self->catching = TRUE;
      self->caught = HPDF_OK;
      image = HPDF_LoadJpegImageFromMem (self->doc, d, (HPDF_UINT) n);
      self->catching = FALSE;
      if (self->caught != HPDF_OK)
        {
          HPDF_ResetError (self->doc);
          image = NULL;
        }
      else if (image != NULL)
        spill_image (self, image);
    }
  if (image == NULL)
    g_set_error (error, WERK_ERROR, WERK_ERROR_PHOTO,
                 _ ("The photo is not a JPEG image that can be put into a PDF."));
  return image;
}

static void
draw_image (WerkPdf *self, HPDF_Image image, double x, double y, double w, double h)
{
  HPDF_Page_DrawImage (self->page->page, image, x, self->page->height - y - h, w, h);
  stroke_rect (self, x, y, w, h, 0.5, &hairline);
}

/* Draws caption lines centred under something centred on @center_x. */
static void
draw_caption (WerkPdf *self, const Lines *l, double center_x, double width, double top)
{
  const TextStyle *st = &styles[WERK_PDF_STYLE_CAPTION];

  for (guint i = 0; i < l->lines->len; i++)
    {
      g_autofree char *text = line_at (l, i);
      draw_line (self, st, &st->color, center_x - width / 2, width, WERK_PDF_ALIGN_CENTER,
                 top + i * st->leading, text);
    }
}

static double
caption_height (const Lines *l)
{
  return l->lines != NULL ? IMAGE_GAP + l->lines->len * styles[WERK_PDF_STYLE_CAPTION].leading : 0;
}

static void
lay_out_caption (WerkPdf *self, Lines *l, const char *caption, double width)
{
  const TextStyle *st = &styles[WERK_PDF_STYLE_CAPTION];

  if (caption != NULL && *caption != '\0')
    lay_out (self, l, st->face, st->size, caption, width);
}

static double
caption_width (WerkPdf *self, double w)
{
  return MIN (content_width (self), MAX (w, 240));
}

/**
 * werk_pdf_image:
 * @jpeg: JPEG bytes, embedded as they are
 * @width: the printed width in points, at most the text width; 0 for the text width
 * @max_height: the printed height at most, in points; 0 for no limit but the page
 * @caption: (nullable): centred under the photo
 *
 * Places a photo centred in the flow, keeping its aspect ratio. Bytes that are no usable JPEG
 * leave the document unchanged and give %WERK_ERROR_PHOTO: draw werk_pdf_placeholder() instead.
 */
gboolean
werk_pdf_image (WerkPdf *self, GBytes *jpeg, double width, double max_height, const char *caption,
                GError **error)
{
  HPDF_Image image;
  Lines cap = { 0 };
  double w, h, limit, iw, ih, center;

  g_return_val_if_fail (WERK_IS_PDF (self), FALSE);
  g_return_val_if_fail (jpeg != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (!start (self))
    return werk_pdf_check (self, error);
  if ((image = load_jpeg (self, jpeg, error)) == NULL)
    return FALSE;
  iw = HPDF_Image_GetWidth (image);
  ih = HPDF_Image_GetHeight (image);
  w = width > 0 ? MIN (width, content_width (self)) : content_width (self);
  h = w * ih / iw;
  lay_out_caption (self, &cap, caption, caption_width (self, w));
  limit = content_height (self) - caption_height (&cap);
  if (max_height > 0)
    limit = MIN (limit, max_height);
  if (h > limit)
    {
      h = MAX (limit, 1);
      w = h * iw / ih;
    }

  begin_block (self, h + caption_height (&cap));
  center = self->margin_left + content_width (self) / 2;
  draw_image (self, image, center - w / 2, self->y, w, h);
  self->y += h;
  if (cap.lines != NULL)
    draw_caption (self, &cap, center, caption_width (self, w), self->y + IMAGE_GAP);
  self->y += caption_height (&cap);
  lines_clear (&cap);
  advance (self, 14);
  return werk_pdf_check (self, error);
}

static gboolean
box_is_sane (const WerkPdfRect *box)
{
  return box->width > 1 && box->height > 1 && box->width < MAX_DIMENSION &&
         box->height < MAX_DIMENSION && fabs (box->x) < MAX_DIMENSION &&
         fabs (box->y) < MAX_DIMENSION;
}

/**
 * werk_pdf_image_at:
 * @box: where on the current page, from its top-left corner
 *
 * Fits a photo and its caption into @box (centred horizontally, at the top), e.g. one photo per
 * landscape page or two per portrait page. The flow continues below the box. Errors as for
 * werk_pdf_image().
 */
gboolean
werk_pdf_image_at (WerkPdf *self, GBytes *jpeg, const WerkPdfRect *box, const char *caption,
                   GError **error)
{
  HPDF_Image image;
  Lines cap = { 0 };
  double scale, w, h, iw, ih, center;

  g_return_val_if_fail (WERK_IS_PDF (self), FALSE);
  g_return_val_if_fail (jpeg != NULL, FALSE);
  g_return_val_if_fail (box != NULL && box_is_sane (box), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (!start (self))
    return werk_pdf_check (self, error);
  if ((image = load_jpeg (self, jpeg, error)) == NULL)
    return FALSE;
  begin_block (self, 0);
  iw = HPDF_Image_GetWidth (image);
  ih = HPDF_Image_GetHeight (image);
  lay_out_caption (self, &cap, caption, box->width);
  scale = MIN (box->width / iw, MAX (box->height - caption_height (&cap), 1) / ih);
  w = iw * scale;
  h = ih * scale;
  center = box->x + box->width / 2;

  draw_image (self, image, center - w / 2, box->y, w, h);
  if (cap.lines != NULL)
    draw_caption (self, &cap, center, box->width, box->y + h + IMAGE_GAP);
  lines_clear (&cap);
  self->y = CLAMP (MAX (self->y, box->y + box->height + 10), self->margin_top, bottom (self));
  return werk_pdf_check (self, error);
}

static void
draw_placeholder (WerkPdf *self, double x, double y, double w, double h, const char *file_name)
{
  static const HPDF_UINT16 dash[] = { 3, 2 };
  const TextStyle *note = &styles[WERK_PDF_STYLE_BOLD];
  const TextStyle *small = &styles[WERK_PDF_STYLE_SMALL];
  Lines l = { 0 };
  double top;

  fill_rect (self, x, y, w, h, &placeholder_shade);
  HPDF_Page_SetDash (self->page->page, dash, 2, 0);
  stroke_rect (self, x, y, w, h, 0.8, &hairline);
  HPDF_Page_SetDash (self->page->page, NULL, 0, 0);

  lay_out (self, &l, small->face, small->size, file_name != NULL ? file_name : "", w - 16);
  top = y + (h - note->leading - l.lines->len * small->leading) / 2;
  if (top >= y)
    {
      g_autofree char *text = clean_line (self, note->face, _ ("Photo could not be read"));

      draw_line (self, note, &muted, x, w, WERK_PDF_ALIGN_CENTER, top, text);
      for (guint i = 0; i < l.lines->len; i++)
        {
          g_autofree char *line = line_at (&l, i);

          draw_line (self, small, &small->color, x, w, WERK_PDF_ALIGN_CENTER,
                     top + note->leading + i * small->leading, line);
        }
    }
  lines_clear (&l);
}

/**
 * werk_pdf_placeholder:
 * @width: in points; 0 for the text width
 * @height: in points; 0 for three quarters of the width
 * @file_name: (nullable): the photo's name, so that readers can find the original
 * @caption: (nullable): the photo's caption
 *
 * A grey dashed frame noting a photo that could not be read, in the flow.
 */
void
werk_pdf_placeholder (WerkPdf *self, double width, double height, const char *file_name,
                      const char *caption)
{
  Lines cap = { 0 };
  double w, h, center;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  w = width > 0 ? MIN (width, content_width (self)) : content_width (self);
  h = height > 0 ? height : w * 0.75;
  lay_out_caption (self, &cap, caption, caption_width (self, w));
  h = MIN (h, content_height (self) - caption_height (&cap));
  begin_block (self, h + caption_height (&cap));
  center = self->margin_left + content_width (self) / 2;
  draw_placeholder (self, center - w / 2, self->y, w, h, file_name);
  self->y += h;
  if (cap.lines != NULL)
    draw_caption (self, &cap, center, caption_width (self, w), self->y + IMAGE_GAP);
  self->y += caption_height (&cap);
  lines_clear (&cap);
  advance (self, 14);
}

/* The placeholder in a box, as werk_pdf_image_at() would have placed the photo. */
void
werk_pdf_placeholder_at (WerkPdf *self, const WerkPdfRect *box, const char *file_name,
                         const char *caption)
{
  Lines cap = { 0 };
  double h;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (box != NULL && box_is_sane (box));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  begin_block (self, 0);
  lay_out_caption (self, &cap, caption, box->width);
  h = MAX (box->height - caption_height (&cap), 1);
  draw_placeholder (self, box->x, box->y, box->width, h, file_name);
  if (cap.lines != NULL)
    draw_caption (self, &cap, box->x + box->width / 2, box->width, box->y + h + IMAGE_GAP);
  lines_clear (&cap);
  self->y = CLAMP (MAX (self->y, box->y + box->height + 10), self->margin_top, bottom (self));
}

/* Drawing */

/* A thin grey line across the text width. */
void
werk_pdf_rule (WerkPdf *self)
{
  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  begin_block (self, 14);
  hline (self, self->margin_left, self->margin_left + content_width (self), self->y + 6, 0.6,
         &hairline);
  advance (self, 14);
}

/* Fills @rect on the current page with "#rrggbb"; the flow does not move. */
void
werk_pdf_fill_rect (WerkPdf *self, const WerkPdfRect *rect, const char *color)
{
  Rgb c;

  g_return_if_fail (WERK_IS_PDF (self));
  g_return_if_fail (rect != NULL && box_is_sane (rect));
  g_return_if_fail (!self->finished);

  if (!start (self))
    return;
  c = parse_color (color, &accent);
  fill_rect (self, rect->x, rect->y, rect->width, rect->height, &c);
}

/* Saving */

static void
finish (WerkPdf *self)
{
  if (self->finished)
    return;
  if (start (self))
    {
      if (self->pending->len > 0)
        begin_block (self, 0);
      draw_footers (self);
      for (guint face = 0; face < N_FACES; face++)
        write_to_unicode (self, self->fonts[face]);
    }
  self->finished = TRUE;
}

static GBytes *
read_output (WerkPdf *self)
{
  HPDF_UINT32 size = HPDF_GetStreamSize (self->doc), got = 0;
  guint8 *data = g_malloc (MAX (size, 1));

  /* libharu reports the end of its stream as an error; here it is none. */
  self->catching = TRUE;
  while (got < size)
    {
      HPDF_UINT32 len = size - got;

      HPDF_ReadFromStream (self->doc, data + got, &len);
      if (len == 0)
        break;
      got += len;
    }
  self->catching = FALSE;
  HPDF_ResetError (self->doc);
  if (got != size || size == 0)
    {
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, size);
}

/**
 * werk_pdf_save_to_bytes:
 *
 * Finishes the document (footers with page numbers) and returns the PDF. Nothing can be added
 * afterwards.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set if libharu failed at any point
 */
GBytes *
werk_pdf_save_to_bytes (WerkPdf *self, GError **error)
{
  g_return_val_if_fail (WERK_IS_PDF (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->output != NULL)
    return g_bytes_ref (self->output);
  finish (self);
  if (!werk_pdf_check (self, error))
    return NULL;
  if (HPDF_SaveToStream (self->doc) != HPDF_OK)
    {
      if (werk_pdf_check (self, error))
        g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The PDF could not be created."));
      return NULL;
    }
  self->output = read_output (self);
  if (self->output == NULL)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The PDF could not be created."));
      return NULL;
    }
  return g_bytes_ref (self->output);
}

static gboolean
save_failed (const char *path, const char *message, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("Could not save the PDF “%s”: %s"), display,
               message);
  return FALSE;
}

/* libharu writes the file itself beside the target, which is then synced and renamed over it:
 * no second and third copy of every photo in memory, and still the whole file or nothing. */
static gboolean
save_through_file (WerkPdf *self, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp (tmp);
  int saved_errno;
  HPDF_STATUS status;

  mode_t mask;

  if (fd < 0)
    return save_failed (path, g_strerror (errno), error);
  /* mkstemp makes the file private; a document is shared like any other file. */
  mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  close (fd);
  /* A failed write (a full disk) is the disk's fault, not the document's: it may be saved
   * elsewhere afterwards. */
  self->catching = TRUE;
  self->caught = HPDF_OK;
  status = HPDF_SaveToFile (self->doc, tmp);
  self->catching = FALSE;
  if (status != HPDF_OK || self->caught != HPDF_OK)
    {
      HPDF_ResetError (self->doc);
      g_unlink (tmp);
      return save_failed (path, _ ("The file could not be written."), error);
    }
  fd = g_open (tmp, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0 || g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (tmp);
      return save_failed (path, g_strerror (saved_errno), error);
    }
  close (fd);
  return TRUE;
}

/**
 * werk_pdf_save:
 * @path: the file to write
 *
 * Writes the whole PDF or nothing: an existing file at @path stays as it was on failure.
 */
gboolean
werk_pdf_save (WerkPdf *self, const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (WERK_IS_PDF (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->output == NULL)
    {
      finish (self);
      return werk_pdf_check (self, error) && save_through_file (self, path, error);
    }
  if (!g_file_set_contents_full (
          path, g_bytes_get_data (self->output, NULL), g_bytes_get_size (self->output),
          G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666, &local_error))
    return save_failed (path, local_error->message, error);
  return TRUE;
}
