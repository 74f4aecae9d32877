/* test-protocol.c: the photo protocol PDF, checked as a participant would read it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-protocol.h"

#include <glib/gstdio.h>
#include <string.h>

#include "werk-test-images.c"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD, what stands in for a glyph the font lacks */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-protocol-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

/* WERK_TEST_KEEP=1 keeps the PDFs, to look at them. */
static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (g_getenv ("WERK_TEST_KEEP") != NULL)
    g_test_message ("Kept %s", f->dir);
  else
    remove_tree (f->dir);
  g_free (f->dir);
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Tools */

static gboolean
have_tools (void)
{
  const char *tools[] = { "pdftotext", "pdffonts", "pdfinfo", "pdfimages", "pdftoppm", "qpdf" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip ("poppler-utils and qpdf are needed");
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs a program; its standard output, and its exit code in @exit_status if given (else it
 * must succeed). Standard error goes to @err if given. */
static char *
run_full (const char *const *argv, int *exit_status, char **err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err_text = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err_text,
                &status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    status = 0;
  else if (exit_status == NULL)
    g_error ("%s failed: %s\n%s", argv[0], error->message, err_text);
  else
    status = g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code) ? error->code : -1;
  if (exit_status != NULL)
    *exit_status = status;
  if (err != NULL)
    *err = g_steal_pointer (&err_text);
  return out;
}

static char *
run (const char *const *argv)
{
  return run_full (argv, NULL, NULL);
}

/* The text of the whole document without the footers, which would interrupt a paragraph that
 * continues on the next page. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *text = run ((const char *[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_autoptr (GRegex) footer =
      g_regex_new ("^(Photo protocol · .*|Page \\d+ of \\d+)$", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (footer, text, -1, 0, "", 0, NULL);
}

static char *
page_text (const char *pdf, guint page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);

  return run ((const char *[]){ "pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-", NULL });
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *info = run ((const char *[]){ "pdfinfo", pdf, NULL });
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static char *
without_space (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Line breaks may fall anywhere in a text, so spaces are ignored on both sides; so are
 * hyphens, which pdftotext drops at the end of a line ("Open-Source-" + "Lösungen"). */
static gboolean
text_has (const char *haystack, const char *needle)
{
  g_autofree char *h = without_space (haystack);
  g_autofree char *n = without_space (needle);

  return strstr (h, n) != NULL;
}

static void
assert_has (const char *haystack, const char *needle)
{
  if (!text_has (haystack, needle))
    g_error ("“%s” is missing from the PDF's text", needle);
}

static void
assert_has_not (const char *haystack, const char *needle)
{
  if (text_has (haystack, needle))
    g_error ("“%s” should not be in the PDF's text", needle);
}

static void
assert_valid_pdf (const char *pdf)
{
  g_autofree char *check = run ((const char *[]){ "qpdf", "--check", pdf, NULL });
  g_autofree char *fonts = run ((const char *[]){ "pdffonts", pdf, NULL });
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  /* Below the two header lines, every font is embedded ("emb" column: yes). */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_nonnull (strstr (lines[i], "DejaVuSans"));
      g_assert_true (g_regex_match_simple ("CID TrueType\\s+Identity-H\\s+yes", lines[i], 0, 0));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);
}

static void
export_ok (WerkStore *store, const char *workshop_id, const WerkProtocolOptions *options,
           const char *pdf)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *workshop = werk_store_lookup (store, workshop_id);

  g_assert_true (WERK_IS_WORKSHOP (workshop));
  g_assert_true (werk_protocol_export (store, WERK_WORKSHOP (workshop), options, pdf, NULL, NULL,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

static WerkRecord *
add (WerkStore *store, WerkKind kind, gpointer parent, const char *first_key, ...)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  WerkRecord *record;
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      g_ptr_array_add (keys, (gpointer) key);
      g_ptr_array_add (values, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  record = werk_store_insert (store, kind, parent, -1, (const char *const *) keys->pdata,
                              (const char *const *) values->pdata, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* The demo: every typed result and caption */

static void
assert_measure_shown (const char *text, WerkRecord *m)
{
  const char *keys[] = { "title",     "description",     "goal_pursued", "next_steps", "involve",
                         "watch_out", "success_factors", "owner",        "partners" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = werk_record_get_string (m, keys[i]);

      if (value != NULL && *value != '\0')
        assert_has (text, value);
    }
}

/* Challenges and measures from this workshop, every goal (the demo's goals name no workshop)
 * and the fields of action. */
static void
assert_results_shown (WerkStore *store, WerkRecord *workshop, const char *text)
{
  const WerkKind kinds[] = { WERK_KIND_CHALLENGE, WERK_KIND_MEASURE, WERK_KIND_GOAL,
                             WERK_KIND_FIELD };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *list = werk_store_get_list (store, kinds[k], NULL);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (WerkRecord) r = g_list_model_get_item (list, i);
          WerkRecord *origin =
              kinds[k] == WERK_KIND_FIELD ? NULL : werk_record_get_ref (r, "workshop");

          if (origin != NULL && origin != workshop)
            continue;
          if (kinds[k] == WERK_KIND_MEASURE)
            assert_measure_shown (text, r);
          else
            assert_has (text, werk_record_get_label (r));
        }
    }
}

static void
assert_photos_shown (WerkStore *store, WerkRecord *workshop, const char *text)
{
  GListModel *photos = werk_store_get_list (store, WERK_KIND_PHOTO, workshop);
  guint hidden = 0;

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr (WerkRecord) photo = g_list_model_get_item (photos, i);
      const char *caption = werk_record_get_string (photo, "caption");

      if (werk_record_get_bool (photo, "consent"))
        assert_has (text, caption);
      else
        {
          assert_has_not (text, caption);
          hidden++;
        }
    }
  if (hidden == 1)
    assert_has (text, "1 photo is not shown for lack of consent.");
}

static void
assert_agenda_shown (WerkStore *store, WerkRecord *workshop, const char *text)
{
  GListModel *items = werk_store_get_list (store, WERK_KIND_AGENDA_ITEM, workshop);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (WerkRecord) item = g_list_model_get_item (items, i);
      const char *notes = werk_record_get_string (item, "notes");

      assert_has (text, werk_record_get_label (item));
      if (notes != NULL && *notes != '\0')
        assert_has (text, notes);
    }
}

/* Every page but the cover: "Photo protocol · TITLE · DATE" and "Page X of Y". */
static void
assert_footer (const char *pdf, const char *title)
{
  guint n_pages = count_pages (pdf);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_true ((strstr (text, number) != NULL) == (page > 1));
      g_assert_true (text_has (text, title));
    }
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "demo.werkstatt");
  g_autoptr (WerkStore) store = NULL;
  GListModel *workshops;

  if (!have_tools ())
    return;
  store = werk_demo_create (file, &error);
  g_assert_no_error (error);
  workshops = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), >=, 2);

  for (guint w = 0; w < g_list_model_get_n_items (workshops); w++)
    {
      g_autoptr (WerkRecord) workshop = g_list_model_get_item (workshops, w);
      g_autofree char *name = g_strdup_printf ("%s.pdf", werk_record_get_id (workshop));
      g_autofree char *pdf = path_in (f, name);
      g_autofree char *text = NULL;

      export_ok (store, werk_record_get_id (workshop), NULL, pdf);
      assert_valid_pdf (pdf);
      text = pdf_text (pdf);
      assert_has (text, "Photo protocol");
      assert_has (text, werk_record_get_label (workshop));
      assert_has (text, "Contents");
      assert_results_shown (store, workshop, text);
      assert_photos_shown (store, workshop, text);
      assert_agenda_shown (store, workshop, text);
      assert_has (text, "Next steps");
      assert_footer (pdf, werk_record_get_label (workshop));
    }
}

/* Every page that holds a photo is landscape, one photo each. */
static void
test_demo_landscape (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "demo.werkstatt");
  g_autofree char *pdf = path_in (f, "konz.pdf");
  g_autofree char *list = NULL, *sizes = NULL, *text = NULL, *last = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_auto (GStrv) lines = NULL;
  WerkProtocolOptions options;
  guint n_images = 0, previous = 0;

  if (!have_tools ())
    return;
  store = werk_demo_create (file, &error);
  g_assert_no_error (error);
  werk_protocol_options_init (&options);
  options.photo_layout = WERK_PROTOCOL_PHOTOS_LANDSCAPE;
  export_ok (store, "w-konz", &options, pdf);
  assert_valid_pdf (pdf);
  text = pdf_text (pdf);
  assert_results_shown (store, werk_store_lookup (store, "w-konz"), text);

  last = g_strdup_printf ("%u", count_pages (pdf));
  sizes = run ((const char *[]){ "pdfinfo", "-f", "1", "-l", last, pdf, NULL });
  list = run ((const char *[]){ "pdfimages", "-list", pdf, NULL });
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++, n_images++)
    {
      guint page = (guint) g_ascii_strtoull (lines[i], NULL, 10);
      g_autofree char *pattern = g_strdup_printf ("^Page\\s+%u size:\\s+841.89 x 595.276", page);

      g_assert_cmpuint (page, >, previous);
      g_assert_true (g_regex_match_simple (pattern, sizes, G_REGEX_MULTILINE, 0));
      previous = page;
    }
  g_assert_cmpuint (n_images, ==, 2); /* the third photo has no consent */
}

/* Document info and bookmarks */

static void
test_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "demo.werkstatt");
  g_autofree char *pdf = path_in (f, "start.pdf");
  g_autofree char *info = NULL, *outline = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (!have_tools ())
    return;
  store = werk_demo_create (file, &error);
  g_assert_no_error (error);
  export_ok (store, "w-start", NULL, pdf);
  info = run ((const char *[]){ "pdfinfo", pdf, NULL });
  g_assert_true (g_regex_match_simple ("^Title:\\s+Photo protocol: Strategiestarter", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Author:\\s+Julia Wendt, Markus Albrecht", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Subject:\\s+\\S", info, G_REGEX_MULTILINE, 0));
  /* qpdf lists the bookmarks: one for each section. */
  outline = run ((const char *[]){ "qpdf", "--json", "--json-key=outlines", pdf, NULL });
  for (guint i = 0; i < 6; i++)
    {
      const char *sections[] = { "Agenda",   "Challenges", "Fields of action and goals",
                                 "Measures", "Dot-voting", "Photo documentation" };

      g_assert_nonnull (strstr (outline, sections[i]));
    }
}

/* A workshop of nasty text, built in code */

static char *
long_word (void)
{
  GString *s = g_string_new (NULL);

  while (g_utf8_strlen (s->str, -1) < 200)
    g_string_append (s, "Bürgerbeteiligungsprozess");
  g_string_truncate (s, g_utf8_offset_to_pointer (s->str, 200) - s->str);
  return g_string_free (s, FALSE);
}

static const char *const markup = "Kein <b>markup</b> & keine \"quotes\" werden umgedeutet";
static const char *const german = "„Mehr Grün!“ – Kosten 1.500 € oder ½ des Budgets";
static const char *const foreign = "Stimmung im Raum: 漢字 bleibt sichtbar";

static WerkRecord *
nasty_workshop (WerkStore *store, const char *word)
{
  WerkRecord *w, *field, *goal, *round, *measure;

  w = add (store, WERK_KIND_WORKSHOP, NULL, "format", "workshop_talk", "title", markup, "date",
           "2026-04-28", "start", "16:00", "end", "19:00", "location", german, NULL);
  field = add (store, WERK_KIND_FIELD, NULL, "title", "Mobilität & <i>Verkehr</i>", "color",
               "#e66100", NULL);
  goal = add (store, WERK_KIND_GOAL, NULL, "level", "guiding", "field", werk_record_get_id (field),
              "text", "Leitziel mit „Anführungszeichen“", "workshop", werk_record_get_id (w), NULL);
  add (store, WERK_KIND_CHALLENGE, NULL, "text", word, "field", werk_record_get_id (field),
       "workshop", werk_record_get_id (w), NULL);
  add (store, WERK_KIND_CHALLENGE, NULL, "text", foreign, "workshop", werk_record_get_id (w), NULL);
  measure = add (store, WERK_KIND_MEASURE, NULL, "title", "Rufbus <script>", "description", german,
                 "field", werk_record_get_id (field), "owner", word, "due", "2027-03-31", "status",
                 "planned", "next_steps", "Förderantrag stellen; \"Termin\" finden", "workshop",
                 werk_record_get_id (w), NULL);
  werk_record_set_strv (measure, "goals", (const char *[]){ werk_record_get_id (goal), NULL },
                        NULL);
  add (store, WERK_KIND_AGENDA_ITEM, w, "title", "Impuls", "kind", "impulse", "minutes", "30",
       "notes", word, NULL);
  round = add (store, WERK_KIND_VOTING_ROUND, w, "question", "Geheime Runde", "on", "measures",
               "blind", "true", "state", "closed", NULL);
  add (store, WERK_KIND_TALLY, round, "item", werk_record_get_id (measure), "dots", "4711", NULL);
  return w;
}

static void
test_nasty_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "nasty.werkstatt");
  g_autofree char *pdf = path_in (f, "nasty.pdf");
  g_autofree char *word = long_word ();
  g_autofree char *text = NULL;
  g_autoptr (WerkStore) store = NULL;
  WerkRecord *w;

  if (!have_tools ())
    return;
  store = werk_store_create (file, "Prozess „Nasty“ – <b>fett</b>", &error);
  g_assert_no_error (error);
  w = nasty_workshop (store, word);
  export_ok (store, werk_record_get_id (w), NULL, pdf);
  assert_valid_pdf (pdf);
  text = pdf_text (pdf);

  assert_has (text, markup);
  assert_has (text, german);
  assert_has (text, "Mobilität & <i>Verkehr</i>");
  assert_has (text, "Rufbus <script>");
  assert_has (text, "Leitziel mit „Anführungszeichen“");
  assert_has (text, "Förderantrag stellen; \"Termin\" finden");
  assert_has (text, "2026-04-28");
  assert_has (text, "2027-03-31");
  /* The 200-character word as challenge, owner and agenda notes: broken, never cut. */
  g_assert_cmpuint (strlen (word), >, 200);
  {
    g_autofree char *flat = without_space (text);
    guint n = 0;

    for (const char *p = strstr (flat, word); p != NULL; p = strstr (p + 1, word))
      n++;
    g_assert_cmpuint (n, >=, 4); /* challenge, owner, next-steps owner, agenda notes */
  }
  /* What DejaVu Sans lacks is replaced visibly, one mark per character. */
  assert_has (text, "Stimmung im Raum: " REPLACEMENT REPLACEMENT " bleibt sichtbar");
  /* The blind round is named and explained, without its numbers. */
  assert_has (text, "Geheime Runde");
  assert_has (text, "blind round");
  assert_has_not (text, "4711");
  assert_has (text, "No photos were taken.");
}

/* A blind round once revealed shows its numbers. */
static void
test_revealed_round (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "revealed.werkstatt");
  g_autofree char *pdf = path_in (f, "revealed.pdf");
  g_autofree char *word = long_word ();
  g_autofree char *text = NULL;
  g_autoptr (WerkStore) store = NULL;
  GListModel *rounds;
  g_autoptr (WerkRecord) round = NULL;
  WerkRecord *w;

  if (!have_tools ())
    return;
  store = werk_store_create (file, "Prozess", &error);
  g_assert_no_error (error);
  w = nasty_workshop (store, word);
  rounds = werk_store_get_list (store, WERK_KIND_VOTING_ROUND, w);
  round = g_list_model_get_item (rounds, 0);
  g_assert_true (werk_record_set_int (round, "state", WERK_ROUND_REVEALED, &error));
  g_assert_no_error (error);
  export_ok (store, werk_record_get_id (w), NULL, pdf);
  text = pdf_text (pdf);
  assert_has (text, "4711");
  assert_has (text, "1. Rufbus <script>");
  assert_has_not (text, "blind round");
}

/* Photos: upright, consent, broken */

typedef struct
{
  const char *caption;
  int orientation; /* EXIF tag written; -1 for none */
  int stored_as;   /* the pixels stored as for this orientation */
  int rotate;      /* the user's turn */
} OrientationCase;

static const OrientationCase orientation_cases[] = {
  { "Orientation 0", 0, 1, 0 },
  { "Orientation 1", 1, 1, 0 },
  { "Orientation 3", 3, 3, 0 },
  { "Orientation 6", 6, 6, 0 },
  { "Orientation 8", 8, 8, 0 },
  { "No EXIF, turned by the user", -1, 6, 90 },
  { "EXIF 3 and turned by the user", 3, 8, 90 },
};

static GBytes *
photo_for_case (const OrientationCase *c)
{
  g_autoptr (GdkPixbuf) upright = werk_test_pixbuf_marked (640, 480);
  g_autoptr (GdkPixbuf) stored = werk_test_pixbuf_stored_for_orientation (upright, c->stored_as);
  g_autoptr (GBytes) plain = werk_test_jpeg_encode (stored, 90);

  if (c->orientation < 0)
    return g_steal_pointer (&plain);
  return werk_test_jpeg_insert_exif (plain, c->orientation, FALSE);
}

static WerkPhoto *
add_photo (WerkStore *store, WerkRecord *workshop, GBytes *bytes, const char *name,
           const char *caption, gboolean consent)
{
  g_autoptr (GError) error = NULL;
  WerkPhoto *photo = werk_store_add_photo (store, WERK_WORKSHOP (workshop), bytes, name, &error);

  g_assert_no_error (error);
  g_assert_true (werk_record_set_string (WERK_RECORD (photo), "caption", caption, &error));
  g_assert_true (werk_record_set_bool (WERK_RECORD (photo), "consent", consent, &error));
  g_assert_no_error (error);
  return photo;
}

static WerkRecord *
photo_workshop (WerkStore *store)
{
  WerkRecord *w = add (store, WERK_KIND_WORKSHOP, NULL, "format", "custom", "title", "Fotos", NULL);
  WerkRecord *item = add (store, WERK_KIND_AGENDA_ITEM, w, "title", "Flipcharts", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (orientation_cases); i++)
    {
      const OrientationCase *c = &orientation_cases[i];
      g_autoptr (GBytes) bytes = photo_for_case (c);
      g_autofree char *name = g_strdup_printf ("case-%u.jpg", i);
      WerkPhoto *photo = add_photo (store, w, bytes, name, c->caption, TRUE);

      g_assert_true (werk_record_set_int (WERK_RECORD (photo), "rotate", c->rotate, NULL));
      g_assert_true (werk_record_set_ref (WERK_RECORD (photo), "agenda_item", item, NULL));
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GBytes) bytes = werk_test_jpeg_marked (320, 240, 1);

      add_photo (store, w, bytes, "privat.jpg",
                 i == 0 ? "Ohne Einwilligung eins" : "Ohne Einwilligung zwei", FALSE);
    }
  return w;
}

typedef struct
{
  double x, y;
  guint n;
} Centroid;

static void
centroids (GdkPixbuf *page, Centroid *red, Centroid *blue)
{
  int w = gdk_pixbuf_get_width (page), h = gdk_pixbuf_get_height (page);
  int stride = gdk_pixbuf_get_rowstride (page), channels = gdk_pixbuf_get_n_channels (page);
  const guint8 *pixels = gdk_pixbuf_read_pixels (page);

  *red = *blue = (Centroid){ 0 };
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        Centroid *c = NULL;

        /* Pure marker colours; the accent blue of headings has far more green. */
        if (p[0] > 180 && p[1] < 70 && p[2] < 70)
          c = red;
        else if (p[2] > 180 && p[0] < 70 && p[1] < 70)
          c = blue;
        if (c != NULL)
          {
            c->x += x;
            c->y += y;
            c->n++;
          }
      }
  g_assert_cmpuint (red->n, >, 20);
  g_assert_cmpuint (blue->n, >, 20);
  red->x /= red->n, red->y /= red->n;
  blue->x /= blue->n, blue->y /= blue->n;
}

/* Upright, the red marker is top left and the blue one top right: side by side, red first.
 * Any turn or mirroring puts them elsewhere. */
static void
assert_page_upright (const char *pdf, guint page, const char *caption, const char *dir)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);
  g_autofree char *out = run ((const char *[]){ "pdftoppm", "-png", "-r", "30", "-singlefile", "-f",
                                                n, "-l", n, pdf, prefix, NULL });
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) image = gdk_pixbuf_new_from_file (png, &error);
  Centroid red, blue;

  g_assert_no_error (error);
  centroids (image, &red, &blue);
  if (!(red.x + 20 < blue.x && ABS (red.y - blue.y) < 8))
    g_error ("“%s” is not upright: red marker at %.0f,%.0f, blue at %.0f,%.0f", caption, red.x,
             red.y, blue.x, blue.y);
  g_unlink (png);
}

static guint
page_with (const char *pdf, guint n_pages, const char *needle)
{
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (pdf, page);

      if (text_has (text, needle))
        return page;
    }
  g_error ("“%s” is on no page", needle);
}

static void
test_orientation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "photos.werkstatt");
  g_autofree char *pdf = path_in (f, "photos.pdf");
  g_autoptr (WerkStore) store = NULL;
  WerkProtocolOptions options;
  WerkRecord *w;
  guint n_pages;

  if (!have_tools ())
    return;
  store = werk_store_create (file, "Fotos", &error);
  g_assert_no_error (error);
  w = photo_workshop (store);
  werk_protocol_options_init (&options);
  options.photo_layout = WERK_PROTOCOL_PHOTOS_LANDSCAPE;
  export_ok (store, werk_record_get_id (w), &options, pdf);
  assert_valid_pdf (pdf);
  n_pages = count_pages (pdf);

  /* One photo on each landscape page: the page of a caption shows that photo alone. */
  for (guint i = 0; i < G_N_ELEMENTS (orientation_cases); i++)
    assert_page_upright (pdf, page_with (pdf, n_pages, orientation_cases[i].caption),
                         orientation_cases[i].caption, f->dir);
}

static void
test_two_per_page (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "photos.werkstatt");
  g_autofree char *pdf = path_in (f, "photos.pdf");
  g_autofree char *list = NULL, *text = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GHashTable) per_page = g_hash_table_new (NULL, NULL);
  g_auto (GStrv) lines = NULL;
  WerkRecord *w;

  if (!have_tools ())
    return;
  store = werk_store_create (file, "Fotos", &error);
  g_assert_no_error (error);
  w = photo_workshop (store);
  export_ok (store, werk_record_get_id (w), NULL, pdf);
  assert_valid_pdf (pdf);

  /* Consent: the two photos without it are left out and counted. */
  text = pdf_text (pdf);
  assert_has (text, "2 photos are not shown for lack of consent.");
  assert_has_not (text, "Ohne Einwilligung");

  /* Seven photos, at most two on a page. */
  list = run ((const char *[]){ "pdfimages", "-list", pdf, NULL });
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      guint page = (guint) g_ascii_strtoull (lines[i], NULL, 10);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_page, GUINT_TO_POINTER (page)));

      g_assert_nonnull (strstr (lines[i], "jpeg"));
      g_hash_table_insert (per_page, GUINT_TO_POINTER (page), GUINT_TO_POINTER (n + 1));
      g_assert_cmpuint (n + 1, <=, 2);
    }
  g_assert_cmpuint (g_strv_length (lines) - 3, ==, G_N_ELEMENTS (orientation_cases));
}

static char *
broken_json (void)
{
  g_autoptr (GBytes) good = werk_test_jpeg_marked (640, 480, 1);
  g_autoptr (GBytes) cut = werk_test_truncate (good, g_bytes_get_size (good) / 2);
  g_autoptr (GBytes) text = werk_test_not_an_image ();
  g_autofree char *cut64 = g_base64_encode (g_bytes_get_data (cut, NULL), g_bytes_get_size (cut));
  g_autofree char *text64 =
      g_base64_encode (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_autofree char *good64 =
      g_base64_encode (g_bytes_get_data (good, NULL), g_bytes_get_size (good));

  return g_strdup_printf (
      "{\"format\": \"werkstatt\", \"version\": 1, \"process\": {\"id\": \"p\", \"title\": \"P\"},"
      " \"workshops\": [{\"id\": \"w\", \"format\": \"custom\", \"title\": \"Kaputt\","
      " \"photos\": ["
      "{\"id\": \"a\", \"file\": \"abgeschnitten.jpg\", \"data\": \"%s\", \"consent\": true,"
      " \"caption\": \"Beim Kopieren abgeschnitten\"},"
      "{\"id\": \"b\", \"file\": \"notiz-umbenannt.jpg\", \"data\": \"%s\", \"consent\": true,"
      " \"caption\": \"Eine Textdatei\"},"
      "{\"id\": \"c\", \"file\": \"heil.jpg\", \"data\": \"%s\", \"consent\": true,"
      " \"caption\": \"Ein heiles Foto danach\"}]}]}",
      cut64, text64, good64);
}

static void
test_broken_photos (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = broken_json ();
  g_autoptr (GBytes) bytes = g_bytes_new_take (g_strdup (json), strlen (json));
  g_autofree char *file = path_in (f, "broken.werkstatt");
  g_autofree char *pdf = path_in (f, "broken.pdf");
  g_autoptr (GFile) base = g_file_new_for_path (f->dir);
  g_autoptr (WerkStore) store = NULL;
  g_autofree char *text = NULL, *list = NULL;

  if (!have_tools ())
    return;
  store = werk_json_import (bytes, base, file, &error);
  g_assert_no_error (error);
  export_ok (store, "w", NULL, pdf);
  assert_valid_pdf (pdf);
  text = pdf_text (pdf);
  assert_has (text, "abgeschnitten.jpg");
  assert_has (text, "notiz-umbenannt.jpg");
  assert_has (text, "Beim Kopieren abgeschnitten");
  assert_has (text, "Eine Textdatei");
  assert_has (text, "Ein heiles Foto danach");
  g_assert_nonnull (strstr (text, "Photo could not be read"));
  g_assert_nonnull (
      strstr (strstr (text, "Photo could not be read") + 1, "Photo could not be read"));
  /* The good photo after them is there. */
  list = run ((const char *[]){ "pdfimages", "-list", pdf, NULL });
  g_assert_nonnull (strstr (list, "640   480"));
}

/* Progress, cancellation, whole or nothing */

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
  GCancellable *cancel_after_first;
} ProgressLog;

static void
progress_cb (guint done, guint total, gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (done, >=, log->last_done);
  g_assert_cmpuint (done, <=, total);
  log->calls++;
  log->last_done = done;
  log->total = total;
  if (log->cancel_after_first != NULL && done == 1)
    g_cancellable_cancel (log->cancel_after_first);
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *file = path_in (f, "photos.werkstatt");
  g_autofree char *pdf = path_in (f, "photos.pdf");
  g_autofree char *missing = path_in (f, "no-such-folder/out.pdf");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (WerkStore) store = NULL;
  ProgressLog log = { 0 };
  WerkRecord *w;
  g_autofree char *kept = NULL;

  store = werk_store_create (file, "Fotos", &error);
  g_assert_no_error (error);
  w = photo_workshop (store);

  g_assert_true (
      werk_protocol_export (store, WERK_WORKSHOP (w), NULL, pdf, progress_cb, &log, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.total, ==, G_N_ELEMENTS (orientation_cases) + 1);
  g_assert_cmpuint (log.last_done, ==, log.total);
  g_assert_cmpuint (log.calls, ==, log.total + 1);

  /* Cancelled half way: the file from before stays as it was. */
  g_file_set_contents (pdf, "old", -1, &error);
  log = (ProgressLog){ .cancel_after_first = cancellable };
  g_assert_false (werk_protocol_export (store, WERK_WORKSHOP (w), NULL, pdf, progress_cb, &log,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_file_get_contents (pdf, &kept, NULL, &error);
  g_assert_cmpstr (kept, ==, "old");

  /* A folder that does not exist: refused before any work, nothing written. */
  g_assert_false (
      werk_protocol_export (store, WERK_WORKSHOP (w), NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* The command line */

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *cli =
      g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "werkstatt-cli", NULL);
  g_autofree char *file = path_in (f, "demo.werkstatt");
  g_autofree char *pdf = path_in (f, "out.pdf");
  g_autofree char *wrong = path_in (f, "wrong.pdf");
  g_autofree char *nowhere = path_in (f, "missing/out.pdf");
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int status = 0;

  if (!have_tools ())
    return;
  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("werkstatt-cli was not built at %s", cli);
      return;
    }
  g_free (run ((const char *[]){ cli, "demo", file, NULL }));
  g_free (run ((const char *[]){ cli, "protocol", file, "--workshop", "w-konz", "-o", pdf, NULL }));
  assert_valid_pdf (pdf);
  text = pdf_text (pdf);
  assert_has (text, "Strategiekonzeption: Ziele und Maßnahmen");

  out = run_full (
      (const char *[]){ cli, "protocol", file, "--workshop", "w-nope", "-o", wrong, NULL }, &status,
      &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "w-nope"));
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_full (
      (const char *[]){ cli, "protocol", file, "--workshop", "w-konz", "-o", nowhere, NULL },
      &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "missing"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/protocol/demo", test_demo);
  ADD ("/protocol/demo-landscape", test_demo_landscape);
  ADD ("/protocol/metadata", test_metadata);
  ADD ("/protocol/nasty-text", test_nasty_text);
  ADD ("/protocol/revealed-round", test_revealed_round);
  ADD ("/protocol/orientation", test_orientation);
  ADD ("/protocol/two-per-page-and-consent", test_two_per_page);
  ADD ("/protocol/broken-photos", test_broken_photos);
  ADD ("/protocol/progress-and-cancel", test_progress_and_cancel);
  ADD ("/protocol/cli", test_cli);
#undef ADD

  return g_test_run ();
}
