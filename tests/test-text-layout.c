/* test-text-layout.c: line breaking and glyph clean-up of the PDF engine, without a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-text-layout.h"

#include <locale.h>
#include <string.h>

/* A monospaced "font": every character is one unit wide, "W" and "—" two. */
static double
measure_units (const char *text, gsize n_bytes, gpointer user_data)
{
  double width = 0;

  for (const char *p = text; (gsize) (p - text) < n_bytes; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c != '\n');
      width += (c == 'W' || c == 0x2014) ? 2 : 1;
    }
  return width;
}

static char **
break_into_strv (const char *text, double width)
{
  g_autoptr (GArray) lines = werk_text_layout_break_lines (text, width, measure_units, NULL);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      WerkTextLine *line = &g_array_index (lines, WerkTextLine, i);
      g_autofree char *s = g_strndup (text + line->offset, line->length);

      g_strv_builder_add (builder, s);
    }
  return g_strv_builder_end (builder);
}

static void
assert_lines (const char *text, double width, const char *const *expected)
{
  g_auto (GStrv) lines = break_into_strv (text, width);

  g_assert_cmpstrv (lines, expected);
}

static void
test_wrap_at_spaces (void)
{
  assert_lines ("Die Stadt plant eine neue Bürgerbeteiligung", 16,
                (const char *[]){ "Die Stadt plant", "eine neue", "Bürgerbeteiligun", "g", NULL });
  assert_lines ("Wege   zum Ziel", 6, (const char *[]){ "Wege", "zum", "Ziel", NULL });
  assert_lines ("passt genau", 11, (const char *[]){ "passt genau", NULL });
  /* trailing spaces never push a word onto a line of its own */
  assert_lines ("Ende     ", 5, (const char *[]){ "Ende", NULL });
  /* a leading indent is the writer's and is kept */
  assert_lines ("  eingerückt", 20, (const char *[]){ "  eingerückt", NULL });
}

static void
test_wrap_after_hyphens (void)
{
  assert_lines ("Stadt-Entwicklungskonzept", 12,
                (const char *[]){ "Stadt-", "Entwicklungs", "konzept", NULL });
  assert_lines ("Schulen und/oder Kitas", 11,
                (const char *[]){ "Schulen", "und/oder", "Kitas", NULL });
  assert_lines ("und/oder", 5, (const char *[]){ "und/", "oder", NULL });
  assert_lines ("2020–2030", 6, (const char *[]){ "2020–", "2030", NULL });
  /* a list dash or a minus before a number is no break opportunity */
  assert_lines ("- Punkt", 3, (const char *[]){ "-", "Pun", "kt", NULL });
  assert_lines ("x -5", 3, (const char *[]){ "x", "-5", NULL });
}

static void
test_overlong_word (void)
{
  g_autofree char *word = g_strnfill (200, 'a');
  g_autofree char *text = g_strconcat ("Vor ", word, " nach", NULL);
  g_auto (GStrv) lines = break_into_strv (text, 30);
  g_autofree char *joined = NULL;

  g_assert_cmpstr (lines[0], ==, "Vor");
  for (guint i = 1; i < 7; i++)
    g_assert_cmpuint (strlen (lines[i]), ==, 30);
  g_assert_cmpstr (lines[7], ==, "aaaaaaaaaaaaaaaaaaaa nach");
  g_assert_null (lines[8]);

  joined = g_strjoinv ("", lines + 1);
  g_assert_true (strstr (joined, word) != NULL);

  /* a line narrower than one character still gets one character each, and ends */
  assert_lines ("WWW", 1, (const char *[]){ "W", "W", "W", NULL });
  assert_lines ("ab", 0, (const char *[]){ "a", "b", NULL });
}

static void
test_newlines (void)
{
  assert_lines ("Erste Zeile\nzweite\n\nnach Leerzeile", 40,
                (const char *[]){ "Erste Zeile", "zweite", "", "nach Leerzeile", NULL });
  assert_lines ("", 10, (const char *[]){ "", NULL });
  assert_lines ("\n", 10, (const char *[]){ "", "", NULL });
  assert_lines ("a b\n", 1, (const char *[]){ "a", "b", "", NULL });
}

static char *
random_text (void)
{
  static const char *const pieces[] = { "a", "b", "W", " ", " ", " ", "-", "/", "\n", "ä",
                                        "ß", "€", "„", "“", "—", "–", "x", "y", "z",  "Ö" };
  GString *s = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 120);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static gboolean
only_breaks (const char *text, gsize start, gsize end)
{
  for (gsize i = start; i < end; i++)
    if (text[i] != ' ' && text[i] != '\n')
      return FALSE;
  return TRUE;
}

static guint
count_newlines (const char *text, gsize start, gsize end)
{
  guint n = 0;

  for (gsize i = start; i < end; i++)
    n += text[i] == '\n';
  return n;
}

/* Property: the lines and the spaces/newlines between them are the text, in order; no line is
 * wider than the width unless it is a single character; each newline ends exactly one line. */
static void
check_layout (const char *text, double width)
{
  g_autoptr (GArray) lines = werk_text_layout_break_lines (text, width, measure_units, NULL);
  gsize prev_end = 0;

  g_assert_cmpuint (lines->len, >=, count_newlines (text, 0, strlen (text)) + 1);
  for (guint i = 0; i < lines->len; i++)
    {
      WerkTextLine *line = &g_array_index (lines, WerkTextLine, i);

      g_assert_cmpuint (line->offset, >=, prev_end);
      g_assert_true (only_breaks (text, prev_end, line->offset));
      g_assert_cmpuint (count_newlines (text, prev_end, line->offset), <=, i == 0 ? 0 : 1);
      g_assert_true (g_utf8_validate (text + line->offset, line->length, NULL));
      g_assert_null (memchr (text + line->offset, '\n', line->length));
      if (g_utf8_strlen (text + line->offset, line->length) > 1)
        g_assert_cmpfloat (measure_units (text + line->offset, line->length, NULL), <=, width);
      prev_end = line->offset + line->length;
    }
  g_assert_true (only_breaks (text, prev_end, strlen (text)));
  g_assert_cmpuint (count_newlines (text, prev_end, strlen (text)), ==, 0);
}

static char *
without_whitespace (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    if (*s != ' ' && *s != '\n')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static void
test_no_character_lost (void)
{
  for (guint round = 0; round < 3000; round++)
    {
      g_autofree char *text = random_text ();
      double width = g_test_rand_int_range (0, 40) + (g_test_rand_bit () ? 0.5 : 0);
      g_auto (GStrv) lines = break_into_strv (text, width);
      g_autofree char *joined = g_strjoinv ("", lines);
      g_autofree char *a = without_whitespace (text);
      g_autofree char *b = without_whitespace (joined);

      check_layout (text, width);
      g_assert_cmpstr (a, ==, b);
    }
}

static gboolean
covers_no_x (gunichar c, gpointer user_data)
{
  return c != 'X' && c != GPOINTER_TO_UINT (user_data);
}

static void
test_sanitize (void)
{
  g_autofree char *emoji = werk_text_layout_sanitize ("Idee 😀 gut", NULL, NULL);
  g_autofree char *lines = werk_text_layout_sanitize ("a\r\nb\rc\td", NULL, NULL);
  g_autofree char *nfd = werk_text_layout_sanitize ("Mu\xcc\x88nchen", NULL, NULL);
  g_autofree char *invalid = werk_text_layout_sanitize ("ok\xff!", NULL, NULL);
  g_autofree char *control = werk_text_layout_sanitize ("a\x01z", NULL, NULL);
  g_autofree char *uncovered = werk_text_layout_sanitize ("aXb", covers_no_x, NULL);
  g_autofree char *no_fffd =
      werk_text_layout_sanitize ("aXb", covers_no_x, GUINT_TO_POINTER (WERK_TEXT_REPLACEMENT_CHAR));
  g_autofree char *german = werk_text_layout_sanitize ("„Grüße“ – 5 € ½ ß", NULL, NULL);

  g_assert_cmpstr (emoji, ==, "Idee \xef\xbf\xbd gut");
  g_assert_cmpstr (lines, ==, "a\nb\nc d");
  g_assert_cmpstr (nfd, ==, "München");
  g_assert_cmpstr (invalid, ==, "ok\xef\xbf\xbd!");
  g_assert_cmpstr (control, ==, "a\xef\xbf\xbdz");
  g_assert_cmpstr (uncovered, ==,
                   "a\xef\xbf\xbd"
                   "b");
  g_assert_cmpstr (no_fffd, ==, "a?b");
  g_assert_cmpstr (german, ==, "„Grüße“ – 5 € ½ ß");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-layout/wrap-at-spaces", test_wrap_at_spaces);
  g_test_add_func ("/text-layout/wrap-after-hyphens", test_wrap_after_hyphens);
  g_test_add_func ("/text-layout/overlong-word", test_overlong_word);
  g_test_add_func ("/text-layout/newlines", test_newlines);
  g_test_add_func ("/text-layout/no-character-lost", test_no_character_lost);
  g_test_add_func ("/text-layout/sanitize", test_sanitize);

  return g_test_run ();
}
