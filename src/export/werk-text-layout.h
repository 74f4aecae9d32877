/* werk-text-layout.h: line breaking and glyph clean-up for the PDF engine, independent of libharu.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns the printed width of the first @n_bytes bytes of @text (valid UTF-8, no newline). */
typedef double (*WerkTextMeasureFunc) (const char *text, gsize n_bytes, gpointer user_data);

/* Returns TRUE if the font can show @c. */
typedef gboolean (*WerkTextCoverageFunc) (gunichar c, gpointer user_data);

/* One output line: a byte range of the text it was broken from. The bytes between two lines
 * (and before the first, after the last) are only the spaces and newlines the break consumed. */
typedef struct
{
  gsize offset;
  gsize length;
} WerkTextLine;

/* The character shown instead of one the font lacks: U+FFFD, or "?" if even that is missing. */
#define WERK_TEXT_REPLACEMENT_CHAR 0xFFFD

GArray *werk_text_layout_break_lines (const char *text, double width, WerkTextMeasureFunc measure,
                                      gpointer user_data);

char *werk_text_layout_sanitize (const char *text, WerkTextCoverageFunc has_glyph,
                                 gpointer user_data);

G_END_DECLS
