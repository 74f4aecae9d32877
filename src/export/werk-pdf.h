/* werk-pdf.h: a flowing A4 document on libharu — text, headings, contents, tables, charts, photos.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WERK_TYPE_PDF (werk_pdf_get_type ())
G_DECLARE_FINAL_TYPE (WerkPdf, werk_pdf, WERK, PDF, GObject)

/* The one accent colour of our documents. */
#define WERK_PDF_ACCENT "#1c71d8"

typedef enum
{
  WERK_PDF_PORTRAIT,
  WERK_PDF_LANDSCAPE,
} WerkPdfOrientation;

typedef enum
{
  WERK_PDF_STYLE_BODY,     /* 10.5 pt regular */
  WERK_PDF_STYLE_BOLD,     /* 10.5 pt bold */
  WERK_PDF_STYLE_ITALIC,   /* 10.5 pt oblique */
  WERK_PDF_STYLE_SMALL,    /* 8.5 pt, muted grey */
  WERK_PDF_STYLE_CAPTION,  /* 8.5 pt oblique, muted grey */
  WERK_PDF_STYLE_TITLE,    /* 26 pt bold, for a cover */
  WERK_PDF_STYLE_SUBTITLE, /* 15 pt regular, muted grey */
} WerkPdfStyle;

typedef enum
{
  WERK_PDF_ALIGN_LEFT,
  WERK_PDF_ALIGN_CENTER,
  WERK_PDF_ALIGN_RIGHT,
} WerkPdfAlign;

/* A rectangle in points, measured from the top-left corner of the page. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WerkPdfRect;

/* A table column: its share of the text width (shares are scaled to add up to 1). */
typedef struct
{
  double width;
  WerkPdfAlign align;
} WerkPdfColumn;

typedef enum
{
  WERK_PDF_TABLE_NONE = 0,
  WERK_PDF_TABLE_ZEBRA = 1 << 0,             /* every other row lightly shaded */
  WERK_PDF_TABLE_FIRST_COLUMN_BOLD = 1 << 1, /* a matrix: the first column labels the rows */
} WerkPdfTableFlags;

typedef enum
{
  WERK_PDF_ROW_NONE = 0,
  WERK_PDF_ROW_BOLD = 1 << 0,   /* e.g. a total */
  WERK_PDF_ROW_SHADED = 1 << 1, /* e.g. a group row: a field of action above its measures */
} WerkPdfRowFlags;

/* One bar of a ranked chart; tied entries share a rank and are marked as tied. */
typedef struct
{
  guint rank;
  const char *label;
  guint value;
  gboolean tie;
} WerkPdfBar;

/* Document */
WerkPdf *werk_pdf_new (const char *title, const char *author, const char *subject, GError **error);
gboolean werk_pdf_check (WerkPdf *self, GError **error);
GBytes *werk_pdf_save_to_bytes (WerkPdf *self, GError **error);
gboolean werk_pdf_save (WerkPdf *self, const char *path, GError **error);
void werk_pdf_set_footer (WerkPdf *self, const char *text, gboolean first_page_is_cover);
void werk_pdf_set_numbered_headings (WerkPdf *self, gboolean numbered);
void werk_pdf_set_margins (WerkPdf *self, double top, double right, double bottom, double left);

/* Pages and the flow */
void werk_pdf_add_page (WerkPdf *self, WerkPdfOrientation orientation);
void werk_pdf_page_break (WerkPdf *self);
void werk_pdf_ensure_space (WerkPdf *self, double height);
void werk_pdf_space (WerkPdf *self, double height);
guint werk_pdf_get_page_number (WerkPdf *self);
guint werk_pdf_get_n_pages (WerkPdf *self);
void werk_pdf_get_content_rect (WerkPdf *self, WerkPdfRect *rect);
double werk_pdf_get_y (WerkPdf *self);
void werk_pdf_set_y (WerkPdf *self, double y);

/* Text */
void werk_pdf_paragraph (WerkPdf *self, WerkPdfStyle style, const char *text);
void werk_pdf_paragraph_aligned (WerkPdf *self, WerkPdfStyle style, WerkPdfAlign align,
                                 const char *text);
void werk_pdf_key_value (WerkPdf *self, const char *key, const char *value, double key_width);
void werk_pdf_list_item (WerkPdf *self, const char *marker, const char *text);

/* Headings, bookmarks and the table of contents */
void werk_pdf_heading (WerkPdf *self, guint level, const char *text, const char *color);
void werk_pdf_insert_toc (WerkPdf *self, const char *title, guint after_page, guint max_level);

/* Tables */
void werk_pdf_table_begin (WerkPdf *self, const WerkPdfColumn *columns, guint n_columns,
                           const char *const *header, WerkPdfTableFlags flags);
void werk_pdf_table_row (WerkPdf *self, const char *const *cells);
void werk_pdf_table_row_full (WerkPdf *self, const char *const *cells, WerkPdfRowFlags flags,
                              const char *const *fills);
void werk_pdf_table_end (WerkPdf *self);

/* Charts */
void werk_pdf_bar_chart (WerkPdf *self, const WerkPdfBar *bars, guint n_bars);

/* Photos */
gboolean werk_pdf_image (WerkPdf *self, GBytes *jpeg, double width, double max_height,
                         const char *caption, GError **error);
gboolean werk_pdf_image_at (WerkPdf *self, GBytes *jpeg, const WerkPdfRect *box,
                            const char *caption, GError **error);
void werk_pdf_placeholder (WerkPdf *self, double width, double height, const char *file_name,
                           const char *caption);
void werk_pdf_placeholder_at (WerkPdf *self, const WerkPdfRect *box, const char *file_name,
                              const char *caption);

/* Drawing */
void werk_pdf_rule (WerkPdf *self);
void werk_pdf_fill_rect (WerkPdf *self, const WerkPdfRect *rect, const char *color);

G_END_DECLS
