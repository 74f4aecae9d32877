/* werk-odt.h: a small builder for OpenDocument text files (.odt) with named styles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Paragraph styles defined in styles.xml; a town restyles them to its corporate design. */
typedef enum
{
  WERK_ODT_STYLE_BODY,     /* "Text body" */
  WERK_ODT_STYLE_TITLE,    /* "Title", the title page's big line */
  WERK_ODT_STYLE_SUBTITLE, /* "Subtitle" */
  WERK_ODT_STYLE_NOTE,     /* "Note", muted small print */
  WERK_ODT_STYLE_QUOTE,    /* "Quotations", e.g. the vision statement */
} WerkOdtStyle;

/* Table cell looks; each is a named cell style plus a named paragraph style. */
typedef enum
{
  WERK_ODT_CELL_PLAIN,
  WERK_ODT_CELL_NUMBER, /* right-aligned */
  WERK_ODT_CELL_MARK,   /* tinted and centred: a mark in a matrix */
  WERK_ODT_CELL_GREEN,  /* traffic light */
  WERK_ODT_CELL_YELLOW,
  WERK_ODT_CELL_RED,
} WerkOdtCell;

#define WERK_TYPE_ODT (werk_odt_get_type ())
G_DECLARE_FINAL_TYPE (WerkOdt, werk_odt, WERK, ODT, GObject)

WerkOdt *werk_odt_new (void);

void werk_odt_set_title (WerkOdt *self, const char *title);
void werk_odt_set_subject (WerkOdt *self, const char *subject);
void werk_odt_set_creator (WerkOdt *self, const char *creator);
void werk_odt_set_creation_date (WerkOdt *self, GDateTime *date);
void werk_odt_set_footer (WerkOdt *self, const char *text);

void werk_odt_add_heading (WerkOdt *self, guint level, const char *text);
void werk_odt_add_paragraph (WerkOdt *self, WerkOdtStyle style, const char *text);
void werk_odt_add_label_value (WerkOdt *self, const char *label, const char *value);
void werk_odt_add_list_item (WerkOdt *self, const char *text);
void werk_odt_add_page_break (WerkOdt *self);
void werk_odt_add_table_of_contents (WerkOdt *self, const char *title);

void werk_odt_begin_table (WerkOdt *self, guint n_columns, const double *widths);
void werk_odt_add_header_row (WerkOdt *self, const char *const *cells);
void werk_odt_begin_row (WerkOdt *self);
void werk_odt_add_cell (WerkOdt *self, WerkOdtCell look, const char *text);
void werk_odt_add_row (WerkOdt *self, const char *const *cells);
void werk_odt_end_table (WerkOdt *self);

GBytes *werk_odt_to_bytes (WerkOdt *self, GError **error);
gboolean werk_odt_save (WerkOdt *self, const char *path, GError **error);

G_END_DECLS
