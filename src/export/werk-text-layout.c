/* werk-text-layout.c: line breaking and glyph clean-up for the PDF engine, independent of libharu.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-text-layout.h"

#include <string.h>

/* A place where a line may end: the line shows the bytes before @end and the next line starts
 * at @next; the bytes in between (a run of spaces) are consumed by the break. */
typedef struct
{
  gsize end;
  gsize next;
} Break;

static gboolean
is_break_after (gunichar c)
{
  /* hyphen-minus, slash, hyphen, en dash, em dash */
  return c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

/* Finds the first break opportunity at or after byte @from of the paragraph @p of @n bytes. */
static gboolean
next_break (const char *p, gsize n, gsize from, Break *out)
{
  for (gsize i = from; i < n; i = g_utf8_next_char (p + i) - p)
    {
      gunichar c = g_utf8_get_char (p + i);
      gsize after = g_utf8_next_char (p + i) - p;

      if (c == ' ')
        {
          gsize e = i;

          while (e < n && p[e] == ' ')
            e++;
          *out = (Break){ i, e };
          return TRUE;
        }

      /* Only a hyphen inside a word breaks: not "- item", not "A -", not a trailing one. */
      if (is_break_after (c) && i > 0 && p[i - 1] != ' ' && after < n && p[after] != ' ')
        {
          *out = (Break){ after, after };
          return TRUE;
        }
    }

  return FALSE;
}

static void
append_line (GArray *lines, gsize offset, gsize length)
{
  WerkTextLine line = { offset, length };

  g_array_append_val (lines, line);
}

/* The longest prefix of @p (at most @limit bytes, whole characters) that fits @width, but at
 * least one character so that every line makes progress. */
static gsize
fitting_prefix (const char *p, gsize limit, double width, WerkTextMeasureFunc measure,
                gpointer user_data)
{
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint lo = 0, hi;

  for (const char *q = p; (gsize) (q - p) < limit; q = g_utf8_next_char (q))
    {
      gsize end = g_utf8_next_char (q) - p;

      g_array_append_val (ends, end);
    }
  g_assert (ends->len > 0);

  /* ends[lo] always fits or is the single first character; binary search for the last fit */
  hi = ends->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (measure (p, g_array_index (ends, gsize, mid), user_data) <= width)
        lo = mid;
      else
        hi = mid;
    }

  return g_array_index (ends, gsize, lo);
}

static void
break_paragraph (const char *text, gsize start, gsize n, double width, WerkTextMeasureFunc measure,
                 gpointer user_data, GArray *lines)
{
  const char *p = text + start;
  gsize pos = 0;

  if (n == 0)
    append_line (lines, start, 0);

  while (pos < n)
    {
      Break b, best = { 0, 0 };
      gboolean have_best = FALSE;
      gsize from = pos, word_end = n;

      if (measure (p + pos, n - pos, user_data) <= width)
        {
          append_line (lines, start + pos, n - pos);
          return;
        }

      /* Widths only grow with the line, so the first break that overflows ends the search. */
      while (next_break (p, n, from, &b))
        {
          from = b.next;
          if (b.end <= pos)
            continue;
          if (measure (p + pos, b.end - pos, user_data) > width)
            {
              word_end = b.end;
              break;
            }
          best = b;
          have_best = TRUE;
        }

      if (have_best)
        {
          append_line (lines, start + pos, best.end - pos);
          pos = best.next;
        }
      else
        {
          gsize k = fitting_prefix (p + pos, word_end - pos, width, measure, user_data);

          append_line (lines, start + pos, k);
          pos += k;
        }
    }
}

/**
 * werk_text_layout_break_lines:
 * @text: valid UTF-8, as returned by werk_text_layout_sanitize()
 * @width: the width available for each line
 * @measure: measures a run of text in the same unit as @width
 *
 * Breaks @text into lines no wider than @width: at spaces (which the break consumes), after a
 * hyphen, dash or slash inside a word, and at every newline; a word wider than a line is broken
 * at the character that no longer fits. Every character other than the consumed spaces and
 * newlines ends up in exactly one line, in order. An empty text, or an empty line between two
 * newlines, gives an empty line.
 *
 * Returns: (transfer full) (element-type WerkTextLine): the lines
 */
GArray *
werk_text_layout_break_lines (const char *text, double width, WerkTextMeasureFunc measure,
                              gpointer user_data)
{
  GArray *lines;
  gsize start = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  lines = g_array_new (FALSE, FALSE, sizeof (WerkTextLine));
  for (;;)
    {
      const char *nl = strchr (text + start, '\n');
      gsize end = nl ? (gsize) (nl - text) : strlen (text);

      break_paragraph (text, start, end - start, width, measure, user_data, lines);
      if (nl == NULL)
        break;
      start = end + 1;
    }

  return lines;
}

static gboolean
is_unprintable (gunichar c)
{
  return c > 0xFFFF || (g_unichar_iscntrl (c) && c != '\n') ||
         g_unichar_type (c) == G_UNICODE_SURROGATE;
}

/**
 * werk_text_layout_sanitize:
 * @text: any text; invalid UTF-8 is tolerated
 * @has_glyph: (nullable): tells which characters the font can show
 *
 * Prepares user text for a font that covers only the Basic Multilingual Plane: makes it valid
 * UTF-8 in composed form (NFC, so that "a" + combining diaeresis prints as one "ä"), turns
 * CR LF and CR into newlines and tabs into spaces, and replaces what cannot be shown (emoji and
 * other characters beyond U+FFFF, control characters, characters without a glyph) by a visible
 * U+FFFD, so that nothing disappears silently.
 *
 * Returns: (transfer full): the text to lay out
 */
char *
werk_text_layout_sanitize (const char *text, WerkTextCoverageFunc has_glyph, gpointer user_data)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  gunichar replacement = WERK_TEXT_REPLACEMENT_CHAR;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (has_glyph != NULL && !has_glyph (replacement, user_data))
    replacement = '?';

  out = g_string_sized_new (strlen (composed));
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r')
        c = '\n';
      else if (c == '\t')
        c = ' ';
      else if (is_unprintable (c) || (has_glyph != NULL && c != '\n' && !has_glyph (c, user_data)))
        c = replacement;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
