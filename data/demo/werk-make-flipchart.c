/* werk-make-flipchart.c: build-time tool that draws the demo's flipchart and pin-board photos.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: werk-make-flipchart SCENE OUT.jpg
 *
 * Draws a believable phone photo of a workshop's pin boards or flipchart (paper, cards, pins,
 * marker writing, red voting dots, uneven room light, a tilted lens, sensor noise) with cairo
 * and pango, and writes it as a JPEG. The texts are the demo's (demo.json), in the short form
 * a participant writes on a card. Output is deterministic: each scene seeds its own generator.
 * The portrait scene is stored sideways with an EXIF orientation tag 6, as phones do, so that
 * the app's upright handling is exercised. */

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#define PHOTO_LONG  1600
#define PHOTO_SHORT 1200
#define JPEG_Q      "85"

/* ---- what is on the walls ---------------------------------------------------------------- */

typedef enum
{
  PAPER_WHITE,
  PAPER_KRAFT,
} Paper;

typedef struct
{
  const char *text;
  int dots;
} Card;

typedef struct
{
  const char *header; /* an oval heading card, or NULL */
  guint32 header_ink;
  guint32 card_rgb;
  Card cards[4]; /* ends at the first NULL text */
} Column;

typedef struct
{
  const char *heading; /* written on the paper above the columns */
  const char *note;    /* a smaller line below it, or NULL */
  const char *footer;  /* a strip card added at the bottom, or NULL */
  Paper paper;
  gboolean dots; /* the voting dots are on the cards */
  const Column *columns;
  int n_columns;
} Wall;

typedef enum
{
  LINE_END,
  LINE_HEADING,
  LINE_LABEL,
  LINE_TEXT,
  LINE_NOTE,
  LINE_STICKIES,
} LineStyle;

typedef struct
{
  LineStyle style;
  const char *text;
} Line;

typedef struct
{
  const char *name;
  gboolean portrait;   /* upright portrait, stored sideways with EXIF orientation 6 */
  gboolean bystanders; /* out-of-focus people in the foreground */
  gboolean window;     /* a window in the wall, left of the flipchart */
  const Wall *walls;   /* two pin boards side by side, or NULL for a flipchart */
  const Line *lines;   /* the flipchart's writing */
  const char *const *stickies;
  double tilt;             /* camera roll, degrees */
  double keystone_x;       /* perspective: > 0 when the camera stands left of the wall */
  double keystone_y;       /* > 0 when it looks up at the wall */
  double light_x, light_y; /* where the room light falls brightest, 0…1 of the frame */
} Scene;

/* Marker inks and the colours of a facilitator's Moderationskarten. */
#define INK_BLACK  0x25252c
#define INK_BLUE   0x1d3f95
#define INK_RED    0xb52129
#define INK_GREEN  0x1d6e3c
#define INK_ORANGE 0xbd5a08
#define INK_PURPLE 0x66308a

#define CARD_WHITE  0xf8f6ef
#define CARD_YELLOW 0xf6e27c
#define CARD_GREEN  0xaedb9c
#define CARD_BLUE   0xa3cdec
#define CARD_ORANGE 0xf5b56e
#define CARD_PINK   0xf3aabb

#define DOT_RED 0xd0282c

static const Column challenge_columns_left[] = {
  { "Verwaltung & Bürgerservice",
    INK_BLUE,
    CARD_BLUE,
    { { "Termine im Bürgerbüro nur per Telefon" },
      { "Online-Anträge werden ausgedruckt" },
      { "Ein Drittel geht bis 2035 in Rente" } } },
  { "Bildung & Teilhabe",
    INK_GREEN,
    CARD_GREEN,
    { { "Tablets da – aber kein Support" },
      { "Ältere fühlen sich abgehängt" },
      { "Vereine: viel Papier, kein Nachwuchs" } } },
  { "Gesundheit & Pflege",
    INK_ORANGE,
    CARD_YELLOW,
    { { "Hausärzte finden keine Nachfolge" },
      { "Pflegende Angehörige: Wer hilft?" },
      { "Facharzt 35 km entfernt" } } },
};

static const Column challenge_columns_right[] = {
  { "Mobilität",
    INK_RED,
    CARD_ORANGE,
    { { "Abends & am Wochenende kein Bus" },
      { "Parksuche an Markttagen" },
      { "Radweg-Lücken zu den Ortsteilen" } } },
  { "Smarte Umwelt",
    INK_PURPLE,
    CARD_PINK,
    { { "Starkregen Talheim: Warnung zu spät" },
      { "Energiekosten Schulen & Hallen" },
      { "Trockenheit & Borkenkäfer im Stadtwald" } } },
  { "Querschnitt", INK_BLACK, CARD_WHITE, { { "Funklöcher & langsames Internet" } } },
};

static const Wall challenge_walls[] = {
  { "Herausforderungen", NULL, NULL, PAPER_WHITE, FALSE, challenge_columns_left, 3 },
  { "Wo drückt der Schuh?", NULL, NULL, PAPER_WHITE, FALSE, challenge_columns_right, 3 },
};

/* The starter workshop's approaches; the dots are the tallies of round v-start. The same
 * walls are photographed before the vote and after it. */
static const Column idea_columns_left[] = {
  { "Verwaltung",
    INK_BLUE,
    CARD_BLUE,
    { { "Bürger-App mit Mängelmelder", 14 },
      { "Online-Termine im Bürgerbüro", 9 },
      { "Digitale Infostelen Innenstadt", 0 } } },
  { "Bildung & Teilhabe",
    INK_GREEN,
    CARD_GREEN,
    { { "Digitallotsen für Ältere", 12 },
      { "IT-Support für alle Schulen", 8 },
      { "Freies WLAN Marktplatz & Bücherei", 4 } } },
  { "Gesundheit & Pflege",
    INK_ORANGE,
    CARD_YELLOW,
    { { "Telemedizin in den Ortsteilen", 10 }, { "Pflegelotse online", 6 } } },
};

static const Column idea_columns_right[] = {
  { "Mobilität",
    INK_RED,
    CARD_ORANGE,
    { { "Rufbus auf Bestellung", 14 }, { "Parkleitsystem Altstadt", 5 } } },
  { "Smarte Umwelt",
    INK_PURPLE,
    CARD_PINK,
    { { "Energiemonitoring städtische Gebäude", 11 }, { "Pegel- & Starkregen-Sensoren", 9 } } },
};

static const Wall idea_walls[] = {
  { "Ideen & Ansätze", NULL, NULL, PAPER_KRAFT, FALSE, idea_columns_left, 3 },
  { "Was packen wir an?", NULL, NULL, PAPER_KRAFT, FALSE, idea_columns_right, 2 },
};

static const Wall vote_walls[] = {
  { "Ideen & Ansätze", NULL, NULL, PAPER_KRAFT, TRUE, idea_columns_left, 3 },
  { "Was packen wir an?", NULL,
    "Punktabfrage: Welche Ansätze sollen weiterverfolgt werden? Je 3 Punkte!", PAPER_KRAFT, TRUE,
    idea_columns_right, 2 },
};

/* The conception workshop's round v-konz: only the paper dots (tallies) are on the wall. */
static const Column start_columns_left[] = {
  { NULL,
    0,
    CARD_YELLOW,
    { { "Bürgerportal & Mängelmelder", 5 },
      { "Rufbus für die Ortsteile", 9 },
      { "Digitallotsen", 6 } } },
  { NULL,
    0,
    CARD_GREEN,
    { { "Energiemonitoring", 5 },
      { "30 Leistungen online", 8 },
      { "E-Akte & digitaler Posteingang", 3 } } },
};

static const Column start_columns_right[] = {
  { NULL,
    0,
    CARD_BLUE,
    { { "Medienscouts an Schulen", 3 },
      { "Gesundheitslotsin mit Tablet", 6 },
      { "Mobilitätsstationen", 2 } } },
  { NULL,
    0,
    CARD_WHITE,
    { { "Echtzeit-Fahrgastinfo", 3 },
      { "LoRaWAN-Sensornetz", 5 },
      { "Offene Daten mit dem Landkreis", 2 } } },
};

static const Wall start_walls[] = {
  { "Womit starten wir 2027?", "3 Punkte pro Person, max. 2 pro Karte", NULL, PAPER_WHITE, TRUE,
    start_columns_left, 2 },
  { "Punktabfrage", "Stimmzettel werden dazugezählt", NULL, PAPER_WHITE, TRUE, start_columns_right,
    2 },
};

static const Line mobility_lines[] = {
  { LINE_HEADING, "Tisch Mobilität" },
  { LINE_NOTE, "Rufbus auf Bestellung für die Ortsteile" },
  { LINE_LABEL, "1. Welches Ziel?" },
  { LINE_TEXT, "Alle Ortsteile stündlich angebunden," },
  { LINE_TEXT, "auch abends + am Wochenende (LZ M1)" },
  { LINE_LABEL, "2. Nächste Schritte" },
  { LINE_TEXT, "– Bedarf erheben:" },
  { LINE_TEXT, "   Umfrage + Ortsvorsteher fragen" },
  { LINE_TEXT, "– Termin Landkreis & VVO" },
  { LINE_TEXT, "– Förderantrag bis 03/2027" },
  { LINE_LABEL, "3. Wer muss mit ins Boot?" },
  { LINE_TEXT, "Landkreis, VVO, Taxi Berger, Seniorenbeirat" },
  { LINE_LABEL, "4. Worauf achten?" },
  { LINE_TEXT, "– Buchung auch per Telefon!" },
  { LINE_TEXT, "– keine Konkurrenz zum Linienbus" },
  { LINE_LABEL, "5. Erfolgsfaktoren" },
  { LINE_TEXT, "verlässlich, 1 Tarif, Werbung vor Ort" },
  { LINE_END },
};

static const char *const education_stickies[] = {
  "Digitallotsen in jedem Ortsteil",
  "Medienscouts: Schüler helfen Schülern",
  "Tablet-Sprech- stunde in der Bücherei",
  "IT-Support Schulen mit Landkreis",
  NULL,
};

static const Line education_lines[] = {
  { LINE_HEADING, "Tisch Bildung & Teilhabe" },
  { LINE_NOTE, "Runde 1 – Was tun wir zuerst?" },
  { LINE_STICKIES },
  { LINE_LABEL, "→ Lotsen + Scouts zusammen denken!" },
  { LINE_TEXT, "Kurse auch auf Türkisch & Russisch" },
  { LINE_END },
};

static const Scene scenes[] = {
  { .name = "starter-herausforderungen",
    .walls = challenge_walls,
    .tilt = -1.2,
    .keystone_x = 0.06,
    .keystone_y = 0.02,
    .light_x = 0.35,
    .light_y = 0.3 },
  { .name = "starter-ansaetze",
    .walls = idea_walls,
    .tilt = 0.8,
    .keystone_x = -0.05,
    .keystone_y = 0.03,
    .light_x = 0.6,
    .light_y = 0.25 },
  { .name = "starter-punktabfrage",
    .walls = vote_walls,
    .tilt = -0.5,
    .keystone_x = 0.1,
    .light_x = 0.7,
    .light_y = 0.3 },
  { .name = "konzeption-tisch-mobilitaet",
    .portrait = TRUE,
    .lines = mobility_lines,
    .tilt = 1.4,
    .keystone_x = -0.04,
    .keystone_y = 0.05,
    .light_x = 0.3,
    .light_y = 0.35 },
  { .name = "konzeption-tisch-bildung",
    .bystanders = TRUE,
    .window = TRUE,
    .lines = education_lines,
    .stickies = education_stickies,
    .tilt = -0.9,
    .keystone_x = 0.07,
    .keystone_y = 0.04,
    .light_x = 0.2,
    .light_y = 0.3 },
  { .name = "konzeption-punktabfrage",
    .walls = start_walls,
    .tilt = 0.6,
    .keystone_x = -0.08,
    .keystone_y = 0.02,
    .light_x = 0.45,
    .light_y = 0.25 },
};

/* ---- randomness and colour --------------------------------------------------------------- */

typedef struct
{
  cairo_t *cr;
  double w, h;
  guint64 rng;
} Canvas;

static double
rnd (Canvas *cv)
{
  /* splitmix64: small, fast and the same on every machine */
  guint64 z = (cv->rng += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  z ^= z >> 31;
  return (z >> 11) * (1.0 / 9007199254740992.0);
}

/* Starts a stream of its own for a thing seen in several photos (a wall, a card), so that it
 * looks the same in each; returns the stream it replaces. */
static guint64
reseed (Canvas *cv, const char *text)
{
  guint64 old = cv->rng;

  cv->rng = g_str_hash (text) * G_GUINT64_CONSTANT (0x2545f4914f6cdd1d);
  return old;
}

static double
rnd_range (Canvas *cv, double lo, double hi)
{
  return lo + (hi - lo) * rnd (cv);
}

static double
rnd_gauss (Canvas *cv)
{
  return rnd (cv) + rnd (cv) + rnd (cv) + rnd (cv) - 2.0;
}

static void
set_rgb (cairo_t *cr, guint32 rgb, double alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
add_rgb_stop (cairo_pattern_t *pattern, double offset, guint32 rgb, double shade)
{
  cairo_pattern_add_color_stop_rgb (pattern, offset, MIN (1, shade * ((rgb >> 16) & 0xff) / 255.0),
                                    MIN (1, shade * ((rgb >> 8) & 0xff) / 255.0),
                                    MIN (1, shade * (rgb & 0xff) / 255.0));
}

static void
ellipse (cairo_t *cr, double cx, double cy, double rx, double ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

/* ---- marker writing ---------------------------------------------------------------------- */

/* A participant's handwriting: a thin monoline face traced with a felt-tip pen. */
typedef struct
{
  const char *font;
  double pen;     /* stroke width, relative to the size */
  double slant;   /* lean to the right */
  double squeeze; /* horizontal scale */
  gboolean capitals;
} Hand;

static const Hand hands[] = {
  { "URW Gothic, DejaVu Sans", 0.085, -0.02, 0.93, FALSE },
  { "DejaVu Sans Condensed", 0.07, 0.16, 0.98, FALSE },
  { "Nimbus Sans Narrow, DejaVu Sans Condensed", 0.055, 0.07, 1.06, FALSE },
  { "URW Gothic, DejaVu Sans", 0.075, 0.1, 0.86, TRUE },
  { "DejaVu Sans", 0.06, 0.03, 0.88, FALSE },
};

static const Hand *
random_hand (Canvas *cv)
{
  return &hands[(int) (rnd (cv) * G_N_ELEMENTS (hands))];
}

/* Bends the outlines of a typeset line so that it looks written by hand: a wavy baseline,
 * letters that lean and bob a little each, and a slightly shaky stroke. The line's baseline
 * is at y = 0. */
static void
wobble_path (cairo_t *cr, double size, double phase)
{
  cairo_path_t *path = cairo_copy_path_flat (cr);
  double a = size * 0.03;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];
      double u, v;

      if (d->header.type != CAIRO_PATH_MOVE_TO && d->header.type != CAIRO_PATH_LINE_TO)
        continue;
      u = d[1].point.x / size;
      v = d[1].point.y / size + 0.75;
      d[1].point.x += a * (1.6 * sin (u * 2.9 + phase) * (v - 0.6) + 0.35 * sin (v * 11 + phase));
      d[1].point.y += a * (2.4 * sin (u * 0.5 + 3 * phase) + 1.1 * sin (u * 3.7 + 2 * phase) +
                           0.3 * sin (u * 12.0));
    }
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

static PangoLayout *
marker_layout (cairo_t *cr, const Hand *hand, const char *text, double size, double width,
               PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (hand->font);
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autofree char *caps = hand->capitals ? g_utf8_strup (text, -1) : NULL;

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, size * (hand->capitals ? 0.9 : 1) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width / hand->squeeze * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_spacing (layout, (int) (size * 0.12 * PANGO_SCALE));
  pango_layout_set_text (layout, caps ? caps : text, -1);
  return layout;
}

/* Felt-tip ink is never even: it runs thinner and denser along the stroke. */
static cairo_pattern_t *
ink_pattern (Canvas *cv, guint32 ink, double size)
{
  double r = ((ink >> 16) & 0xff) / 255.0, g = ((ink >> 8) & 0xff) / 255.0;
  double b = (ink & 0xff) / 255.0, period = size * rnd_range (cv, 0.7, 1.6);
  cairo_pattern_t *p = cairo_pattern_create_linear (0, 0, period, period * 0.3);

  cairo_pattern_add_color_stop_rgba (p, 0, r, g, b, 0.97);
  cairo_pattern_add_color_stop_rgba (p, 0.45, r * 1.25 + 0.06, g * 1.25 + 0.06, b * 1.25 + 0.06,
                                     0.84);
  cairo_pattern_add_color_stop_rgba (p, 1, r, g, b, 0.97);
  cairo_pattern_set_extend (p, CAIRO_EXTEND_REFLECT);
  return p;
}

/* Writes @text at (@x, @y), the top left of a box @width wide (0: no wrapping), and returns
 * the height written. Each line leans about its own baseline. */
static double
marker_text (Canvas *cv, const Hand *hand, const char *text, double size, double x, double y,
             double width, PangoAlignment align, guint32 ink)
{
  cairo_t *cr = cv->cr;
  PangoLayout *layout = marker_layout (cr, hand, text, size, width, align);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  cairo_matrix_t lean;
  int lw, lh;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  cairo_matrix_init (&lean, hand->squeeze, 0, -hand->slant, 1, 0, 0);
  do
    {
      PangoRectangle logical;
      cairo_pattern_t *pattern;
      double baseline = pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_save (cr);
      cairo_translate (cr, x + logical.x / (double) PANGO_SCALE * hand->squeeze, y + baseline);
      cairo_transform (cr, &lean);
      cairo_new_path (cr);
      cairo_move_to (cr, 0, 0);
      pango_cairo_layout_line_path (cr, pango_layout_iter_get_line_readonly (iter));
      wobble_path (cr, size, rnd_range (cv, 0, 2 * G_PI));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, size * hand->pen);
      pattern = ink_pattern (cv, ink, size);
      cairo_set_source (cr, pattern);
      cairo_fill_preserve (cr);
      cairo_stroke (cr);
      cairo_pattern_destroy (pattern);
      cairo_restore (cr);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  return lh;
}

/* Like marker_text, centred on (@cx, @cy); shrinks the writing until it fits the box. */
static void
marker_text_fit (Canvas *cv, const Hand *hand, const char *text, double size, double cx, double cy,
                 double width, double height, guint32 ink)
{
  int lw, lh;

  for (;; size *= 0.94)
    {
      PangoLayout *layout = marker_layout (cv->cr, hand, text, size, width, PANGO_ALIGN_CENTER);
      int lines = pango_layout_get_line_count (layout);

      pango_layout_get_pixel_size (layout, &lw, &lh);
      g_object_unref (layout);
      if ((lh <= height && lines <= 3) || size < 10)
        break;
    }
  marker_text (cv, hand, text, size, cx - width / 2, cy - lh / 2.0, width, PANGO_ALIGN_CENTER, ink);
}

/* A marker line drawn freehand, for underlinings and arrows. */
static void
marker_stroke (Canvas *cv, double x0, double y0, double x1, double y1, double width, guint32 ink)
{
  cairo_t *cr = cv->cr;
  double bow = rnd_gauss (cv) * 5;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  set_rgb (cr, ink, 0.88);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + (x1 - x0) * 0.33, y0 + bow, x0 + (x1 - x0) * 0.66, y1 - bow, x1, y1);
  cairo_stroke (cr);
}

static void
blur_line (guint8 *line, int n, int step, int radius, guint8 *tmp)
{
  int sum = 0, width = 2 * radius + 1;

  for (int i = -radius; i <= radius; i++)
    sum += line[CLAMP (i, 0, n - 1) * step];
  for (int i = 0; i < n; i++)
    {
      tmp[i] = sum / width;
      sum += line[MIN (i + radius + 1, n - 1) * step] - line[MAX (i - radius, 0) * step];
    }
  for (int i = 0; i < n; i++)
    line[i * step] = tmp[i];
}

/* Three box blurs make a near-Gaussian one: the lens's depth of field. */
static void
box_blur (guint8 *data, int w, int h, int stride, int radius)
{
  guint8 *tmp = g_malloc (MAX (w, h));

  for (int pass = 0; pass < 3; pass++)
    for (int c = 0; c < 4; c++)
      {
        for (int y = 0; y < h; y++)
          blur_line (data + y * stride + c, w, 4, radius, tmp);
        for (int x = 0; x < w; x++)
          blur_line (data + x * 4 + c, h, stride, radius, tmp);
      }
  g_free (tmp);
}

/* Out-of-focus things are drawn on a layer of their own, with the same transformation,
 * which is then blurred onto the picture. */
static cairo_t *
layer_begin (Canvas *cv)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) cv->w, (int) cv->h);
  cairo_t *layer = cairo_create (s);
  cairo_matrix_t m;

  cairo_surface_destroy (s);
  cairo_get_matrix (cv->cr, &m);
  cairo_set_matrix (layer, &m);
  return layer;
}

static void
layer_end (Canvas *cv, cairo_t *layer, int radius)
{
  cairo_surface_t *s = cairo_get_target (layer);

  cairo_surface_flush (s);
  box_blur (cairo_image_surface_get_data (s), cairo_image_surface_get_width (s),
            cairo_image_surface_get_height (s), cairo_image_surface_get_stride (s), radius);
  cairo_surface_mark_dirty (s);
  cairo_save (cv->cr);
  cairo_identity_matrix (cv->cr);
  cairo_set_source_surface (cv->cr, s, 0, 0);
  cairo_paint (cv->cr);
  cairo_restore (cv->cr);
  cairo_destroy (layer);
}

/* ---- the room ---------------------------------------------------------------------------- */

static void
draw_room (Canvas *cv, double floor_y)
{
  cairo_t *cr = cv->cr;
  cairo_pattern_t *p;
  double m = cv->w * 0.3;

  p = cairo_pattern_create_linear (0, -m, 0, floor_y);
  add_rgb_stop (p, 0, 0xcdc6b8, 1);
  add_rgb_stop (p, 1, 0xdad3c6, 1);
  cairo_set_source (cr, p);
  cairo_rectangle (cr, -m, -m, cv->w + 2 * m, floor_y + m);
  cairo_fill (cr);
  cairo_pattern_destroy (p);

  p = cairo_pattern_create_linear (0, floor_y, 0, cv->h + m);
  add_rgb_stop (p, 0, 0x8d7c66, 1);
  add_rgb_stop (p, 1, 0x66584a, 1);
  cairo_set_source (cr, p);
  cairo_rectangle (cr, -m, floor_y, cv->w + 2 * m, cv->h + m);
  cairo_fill (cr);
  cairo_pattern_destroy (p);

  /* parquet joints running towards the camera, then the skirting board */
  cairo_set_line_width (cr, 1.5);
  for (double x = -m + rnd_range (cv, 0, 90); x < cv->w + m; x += rnd_range (cv, 70, 110))
    {
      set_rgb (cr, 0x3a2f24, rnd_range (cv, 0.1, 0.22));
      cairo_move_to (cr, x, floor_y);
      cairo_line_to (cr, x + (x - cv->w / 2) * 0.6, cv->h + m);
      cairo_stroke (cr);
    }
  set_rgb (cr, 0xe6e1d7, 1);
  cairo_rectangle (cr, -m, floor_y - 22, cv->w + 2 * m, 22);
  cairo_fill (cr);
  set_rgb (cr, 0x000000, 0.12);
  cairo_rectangle (cr, -m, floor_y, cv->w + 2 * m, 5);
  cairo_fill (cr);
}

/* A soft shadow: a stack of faint copies of a rectangle, each a little larger. */
static void
soft_shadow (cairo_t *cr, double x, double y, double w, double h, double spread, double alpha)
{
  int layers = spread > 12 ? 14 : 6;

  for (int i = layers; i >= 1; i--)
    {
      double g = spread * i / layers;
      cairo_new_path (cr);
      cairo_rectangle (cr, x - g, y - g, w + 2 * g, h + 2 * g);
      cairo_set_source_rgba (cr, 0, 0, 0, alpha / layers);
      cairo_fill (cr);
    }
}

/* A window onto a sunny day: far brighter than the room, the trees outside out of focus. */
static void
draw_window (Canvas *cv, double x, double y, double w, double h)
{
  cairo_t *cr = cv->cr, *view = layer_begin (cv);
  cairo_pattern_t *p;

  p = cairo_pattern_create_linear (0, y, 0, y + h);
  add_rgb_stop (p, 0, 0xf6f9fc, 1);
  add_rgb_stop (p, 0.5, 0xe6eef3, 1);
  add_rgb_stop (p, 0.6, 0xbfd0ae, 1);
  add_rgb_stop (p, 1, 0xa3b992, 1);
  cairo_set_source (view, p);
  cairo_rectangle (view, x, y, w, h);
  cairo_fill (view);
  cairo_pattern_destroy (p);
  cairo_rectangle (view, x, y, w, h);
  cairo_clip (view);
  for (int i = 0; i < 40; i++)
    {
      ellipse (view, x + rnd_range (cv, -20, w + 20), y + h * rnd_range (cv, 0.3, 0.75),
               rnd_range (cv, 15, 45), rnd_range (cv, 20, 60));
      set_rgb (view, rnd (cv) < 0.5 ? 0x7f9f6c : 0x95b57f, 0.35);
      cairo_fill (view);
    }
  layer_end (cv, view, 9);

  /* frame, mullion and transom, then the sill */
  set_rgb (cr, 0xf2f0ea, 1);
  cairo_set_line_width (cr, 18);
  cairo_rectangle (cr, x, y, w, h);
  cairo_move_to (cr, x + w / 2, y);
  cairo_line_to (cr, x + w / 2, y + h);
  cairo_move_to (cr, x, y + h * 0.3);
  cairo_line_to (cr, x + w, y + h * 0.3);
  cairo_stroke (cr);
  soft_shadow (cr, x - 20, y + h + 4, w + 40, 10, 6, 0.25);
  set_rgb (cr, 0xe8e5de, 1);
  cairo_rectangle (cr, x - 24, y + h + 2, w + 48, 16);
  cairo_fill (cr);
}

/* Creases from unrolling the paper, each with a lit and a shaded side, and for brown paper
 * its fibres. */
static void
paper_texture (Canvas *cv, double x, double y, double w, double h, Paper paper)
{
  cairo_t *cr = cv->cr;
  int creases = paper == PAPER_KRAFT ? 10 : 6;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  if (paper == PAPER_KRAFT)
    for (int i = 0; i < 1400; i++)
      {
        double fx = rnd_range (cv, x, x + w), fy = rnd_range (cv, y, y + h);
        set_rgb (cr, rnd (cv) < 0.5 ? 0x6b4a26 : 0xe8cfa6, 0.1);
        cairo_set_line_width (cr, rnd_range (cv, 0.6, 1.4));
        cairo_move_to (cr, fx, fy);
        cairo_line_to (cr, fx + rnd_range (cv, 8, 30), fy + rnd_range (cv, -3, 3));
        cairo_stroke (cr);
      }
  for (int i = 0; i < creases; i++)
    {
      double cx = rnd_range (cv, x, x + w), cy = rnd_range (cv, y, y + h);
      double ang = rnd_range (cv, -0.4, 0.4) + (rnd (cv) < 0.6 ? 0 : G_PI / 2);
      double len = rnd_range (cv, w * 0.3, w * 0.9), half = rnd_range (cv, 6, 14);
      cairo_pattern_t *p = cairo_pattern_create_linear (0, -half, 0, half);

      cairo_pattern_add_color_stop_rgba (p, 0, 0, 0, 0, 0);
      cairo_pattern_add_color_stop_rgba (p, 0.5, 0, 0, 0, 0.05);
      cairo_pattern_add_color_stop_rgba (p, 0.56, 1, 1, 1, 0.07);
      cairo_pattern_add_color_stop_rgba (p, 1, 1, 1, 1, 0);
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_rotate (cr, ang);
      cairo_set_source (cr, p);
      cairo_move_to (cr, -len / 2, 0);
      cairo_line_to (cr, 0, -half);
      cairo_line_to (cr, len / 2, 0);
      cairo_line_to (cr, 0, half);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_restore (cr);
      cairo_pattern_destroy (p);
    }
  cairo_restore (cr);
}

/* ---- cards, pins and dots ---------------------------------------------------------------- */

static void
draw_pin (Canvas *cv, double x, double y)
{
  static const guint32 heads[] = { 0xc62828, 0x1e5bb8, 0x2e8b47, 0xe0b000, 0xf2f2f2 };
  cairo_t *cr = cv->cr;
  guint32 head = heads[(int) (rnd (cv) * G_N_ELEMENTS (heads))];
  cairo_pattern_t *p;
  double r = 8;

  ellipse (cr, x + 4, y + 5, r + 1.5, r + 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  p = cairo_pattern_create_radial (x - r * 0.35, y - r * 0.4, r * 0.1, x, y, r);
  add_rgb_stop (p, 0, 0xffffff, 1);
  add_rgb_stop (p, 0.35, head, 1);
  add_rgb_stop (p, 1, head, 0.55);
  cairo_set_source (cr, p);
  ellipse (cr, x, y, r, r);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
}

static void
draw_dot (Canvas *cv, double x, double y)
{
  cairo_t *cr = cv->cr;
  cairo_pattern_t *p;
  double r = 10;

  ellipse (cr, x + 1.2, y + 1.8, r + 0.8, r + 0.8);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  p = cairo_pattern_create_radial (x - r * 0.3, y - r * 0.35, r * 0.05, x, y, r);
  add_rgb_stop (p, 0, 0xf19a9a, 1);
  add_rgb_stop (p, 0.3, DOT_RED, 1);
  add_rgb_stop (p, 1, DOT_RED, 0.82);
  cairo_set_source (cr, p);
  ellipse (cr, x, y, r, r);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
}

/* Dots stuck on by many hands: rows along the card's lower edge, a little out of line. */
static void
draw_dots (Canvas *cv, double x, double y, double w, int n)
{
  int per_row = (int) ((w - 16) / 23);

  for (int i = 0; i < n; i++)
    {
      int row = i / per_row, col = i % per_row;
      draw_dot (cv, x + 18 + col * 23 + rnd_gauss (cv) * 2.5 + row * 7,
                y + row * 22 + rnd_gauss (cv) * 2.5);
    }
}

typedef enum
{
  SHAPE_CARD,   /* a Moderationskarte, pinned */
  SHAPE_OVAL,   /* an oval heading card, pinned */
  SHAPE_STICKY, /* a sticky note: no pin, its lower edge lifts off the paper */
} Shape;

static void
card_outline (cairo_t *cr, Shape shape, double w, double h)
{
  if (shape == SHAPE_OVAL)
    ellipse (cr, 0, 0, w / 2, h / 2);
  else
    cairo_rectangle (cr, -w / 2, -h / 2, w, h);
}

static void
draw_card (Canvas *cv, double cx, double cy, double w, double h, guint32 rgb, Shape shape,
           const char *text, double size, guint32 ink, int dots)
{
  cairo_t *cr = cv->cr;
  guint64 stream = reseed (cv, text);
  cairo_pattern_t *p;

  cairo_save (cr);
  cairo_translate (cr, cx + rnd_gauss (cv) * 5, cy + rnd_gauss (cv) * 4);
  cairo_rotate (cr, rnd_gauss (cv) * 0.04);

  switch (shape)
    {
      case SHAPE_OVAL:
        ellipse (cr, 3, 5, w / 2 + 2, h / 2 + 2);
        cairo_set_source_rgba (cr, 0, 0, 0, 0.16);
        cairo_fill (cr);
        break;
      case SHAPE_CARD:
        soft_shadow (cr, -w / 2 + 3, -h / 2 + 5, w, h, 5, 0.24);
        break;
      case SHAPE_STICKY:
        soft_shadow (cr, -w / 2 + 2, -h / 2 + h * 0.3, w, h * 0.72, 8, 0.32);
        break;
      default:
        g_assert_not_reached ();
    }

  /* the card bends a little away from the wall below its pin or glue strip */
  p = cairo_pattern_create_linear (0, -h / 2, 0, h / 2);
  add_rgb_stop (p, 0, rgb, 1.02);
  add_rgb_stop (p, shape == SHAPE_STICKY ? 0.25 : 0.6, rgb, 0.99);
  add_rgb_stop (p, 1, rgb, shape == SHAPE_STICKY ? 0.84 : 0.9);
  cairo_set_source (cr, p);
  card_outline (cr, shape, w, h);
  cairo_fill (cr);
  cairo_pattern_destroy (p);

  marker_text_fit (cv, random_hand (cv), text, size, 0, shape == SHAPE_OVAL ? 0 : 5,
                   w * (shape == SHAPE_OVAL ? 0.78 : 0.88), h * 0.8, ink);
  if (shape != SHAPE_STICKY)
    draw_pin (cv, rnd_gauss (cv) * 6, -h / 2 + 11);
  if (dots > 0)
    draw_dots (cv, -w / 2, h / 2 - 6, w, dots);
  cairo_restore (cr);
  cv->rng = stream;
}

/* ---- pin boards -------------------------------------------------------------------------- */

static void
draw_legs (Canvas *cv, double x, double w, double from_y, double floor_y, double spread)
{
  cairo_t *cr = cv->cr;

  for (int side = 0; side < 2; side++)
    {
      double lx = side ? x + w - 34 : x + 22;
      double foot = floor_y + 0.45 * (cv->h - floor_y);
      cairo_pattern_t *p = cairo_pattern_create_linear (lx, 0, lx + 12, 0);

      ellipse (cr, lx + 6, foot + 6, spread + 10, 8);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.28);
      cairo_fill (cr);
      add_rgb_stop (p, 0, 0x7d8083, 1);
      add_rgb_stop (p, 0.4, 0xc8cacc, 1);
      add_rgb_stop (p, 1, 0x606366, 1);
      cairo_set_source (cr, p);
      cairo_rectangle (cr, lx, from_y, 12, foot - from_y);
      cairo_rectangle (cr, lx + 6 - spread, foot - 4, 2 * spread, 9);
      cairo_fill (cr);
      cairo_pattern_destroy (p);
    }
}

/* The grey felt board in its aluminium frame, standing a little in front of the wall. */
static void
draw_board (Canvas *cv, double x, double y, double w, double h, double floor_y)
{
  cairo_t *cr = cv->cr;
  cairo_pattern_t *p;

  soft_shadow (cr, x + 26, y + 18, w, h, 40, 0.22);
  draw_legs (cv, x, w, y + h, floor_y, 58);
  p = cairo_pattern_create_linear (x, y, x + w, y + h);
  add_rgb_stop (p, 0, 0xc9ccce, 1);
  add_rgb_stop (p, 0.5, 0xa8acaf, 1);
  add_rgb_stop (p, 1, 0x8e9295, 1);
  cairo_set_source (cr, p);
  cairo_rectangle (cr, x - 7, y - 7, w + 14, h + 14);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
  set_rgb (cr, 0xb9bab6, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* The paper sheet pinned on the board, a few centimetres short of its edges. */
static void
draw_sheet (Canvas *cv, double x, double y, double w, double h, Paper paper)
{
  cairo_t *cr = cv->cr;
  double corners[4][2] = { { x, y }, { x + w, y }, { x, y + h }, { x + w, y + h } };

  soft_shadow (cr, x + 2, y + 3, w, h, 3, 0.2);
  set_rgb (cr, paper == PAPER_KRAFT ? 0xc29c6c : 0xf4f2eb, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  paper_texture (cv, x, y, w, h, paper);
  for (int i = 0; i < 4; i++)
    draw_pin (cv, corners[i][0] + (i % 2 ? -16 : 16), corners[i][1] + (i / 2 ? -16 : 16));
}

/* The height of a wall's heading and note, written from @top; returns the new top. */
static double
draw_heading (Canvas *cv, const Wall *wall, double x, double top, double w)
{
  const Hand *hand = &hands[0];
  double lh;

  lh = marker_text (cv, hand, wall->heading, 52, x + 30, top, 0, PANGO_ALIGN_LEFT, INK_BLACK);
  top += lh;
  marker_stroke (cv, x + 32, top + 6, x + 32 + rnd_range (cv, 300, 380), top + 2, 5, INK_RED);
  top += 22;
  if (wall->note)
    top += marker_text (cv, hand, wall->note, 28, x + 34, top, w - 70, PANGO_ALIGN_LEFT, INK_BLUE) +
           10;
  return top;
}

static void
draw_pinwall (Canvas *cv, const Wall *wall, double x, double y, double w, double h, double floor_y)
{
  guint64 stream = reseed (cv, wall->heading);
  double sx = x + 14 + rnd_range (cv, 0, 8), sy = y + 12 + rnd_range (cv, 0, 8);
  double sw = w - 30, sh = h - 30;
  double top, col_w, card_w, card_h = 112, header_h = 0;
  int most = 0;

  draw_board (cv, x, y, w, h, floor_y);
  draw_sheet (cv, sx, sy, sw, sh, wall->paper);
  top = draw_heading (cv, wall, sx, sy + 26, sw);

  for (int c = 0; c < wall->n_columns; c++)
    {
      int n = 0;
      while (n < 4 && wall->columns[c].cards[n].text)
        n++;
      most = MAX (most, n);
      if (wall->columns[c].header)
        header_h = 112;
    }

  col_w = (sw - 20) / wall->n_columns;
  card_w = MIN (col_w - 26, 270);
  for (int c = 0; c < wall->n_columns; c++)
    {
      const Column *col = &wall->columns[c];
      double cx = sx + 10 + col_w * (c + 0.5), cy = top + 16;
      double step = MIN ((sy + sh - 40 - cy - header_h) / most, card_h + 100);

      if (col->header)
        draw_card (cv, cx, cy + 44, card_w + 16, 88, CARD_WHITE, SHAPE_OVAL, col->header, 29,
                   col->header_ink, 0);
      cy += header_h;
      for (int i = 0; i < 4 && col->cards[i].text; i++, cy += step)
        draw_card (cv, cx, cy + card_h / 2, card_w, card_h, col->card_rgb, SHAPE_CARD,
                   col->cards[i].text, 28, INK_BLACK, wall->dots ? col->cards[i].dots : 0);
    }
  if (wall->footer)
    draw_card (cv, sx + sw / 2, sy + sh - 64, sw * 0.8, 84, CARD_WHITE, SHAPE_CARD, wall->footer,
               28, INK_RED, 0);
  cv->rng = stream;
}

/* ---- flipcharts -------------------------------------------------------------------------- */

static void
draw_grid (Canvas *cv, double x, double y, double w, double h, double pitch)
{
  cairo_t *cr = cv->cr;

  set_rgb (cr, 0x9fb2c8, 0.16);
  cairo_set_line_width (cr, 1.1);
  for (double gx = x + pitch; gx < x + w; gx += pitch)
    {
      cairo_move_to (cr, gx, y);
      cairo_line_to (cr, gx, y + h);
    }
  for (double gy = y + pitch; gy < y + h; gy += pitch)
    {
      cairo_move_to (cr, x, gy);
      cairo_line_to (cr, x + w, gy);
    }
  cairo_stroke (cr);
}

static void
draw_easel (Canvas *cv, double x, double y, double w, double h, double floor_y)
{
  cairo_t *cr = cv->cr;
  double mid = x + w / 2, foot = floor_y + 0.5 * (cv->h - floor_y);

  soft_shadow (cr, x + 30, y + 10, w, h, 40, 0.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < 2; i++)
    {
      ellipse (cr, i ? x + w + 40 : x - 40, foot + 4, 36, 7);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_fill (cr);
    }
  set_rgb (cr, 0x3e4144, 1);
  cairo_set_line_width (cr, 10);
  cairo_move_to (cr, mid, y + h - 40);
  cairo_line_to (cr, mid + 14, foot - 70);
  cairo_stroke (cr);
  set_rgb (cr, 0x55595d, 1);
  cairo_set_line_width (cr, 15);
  cairo_move_to (cr, x + 40, y + h - 20);
  cairo_line_to (cr, x - 40, foot);
  cairo_move_to (cr, x + w - 40, y + h - 20);
  cairo_line_to (cr, x + w + 40, foot);
  cairo_stroke (cr);
  set_rgb (cr, 0x5a5e62, 1);
  cairo_rectangle (cr, x - 12, y - 10, w + 24, h + 20);
  cairo_fill (cr);
}

static double
draw_stickies (Canvas *cv, const char *const *stickies, double x, double y, double w)
{
  double size = (w - 120) / 2, rows = 0;

  for (int i = 0; stickies[i]; i++)
    {
      double sx = x + 40 + size / 2 + (i % 2) * (size + 40) + rnd_gauss (cv) * 8;
      double sy = y + size / 2 + (i / 2) * (size + 28);

      draw_card (cv, sx, sy, size, size, CARD_YELLOW, SHAPE_STICKY, stickies[i], 34, INK_BLACK, 0);
      rows = i / 2 + 1;
    }
  return rows * (size + 28);
}

static void
draw_flipchart (Canvas *cv, const Scene *scene, double x, double y, double w, double h,
                double floor_y)
{
  cairo_t *cr = cv->cr;
  const Hand *hand = &hands[(int) (rnd (cv) * 3)];
  double scale = w / 760, ty = y + 60 * scale, left = x + 40 * scale;
  cairo_pattern_t *p;

  draw_easel (cv, x, y, w, h, floor_y);
  /* the pad: the sheets below show as a thin stack at the bottom edge */
  set_rgb (cr, 0xd2cfc7, 1);
  cairo_rectangle (cr, x + 2, y + 4, w - 4, h);
  cairo_fill (cr);
  p = cairo_pattern_create_linear (x, y, x + w, y + h);
  add_rgb_stop (p, 0, 0xf7f6f1, 1);
  add_rgb_stop (p, 1, 0xecebe4, 1);
  cairo_set_source (cr, p);
  cairo_rectangle (cr, x, y, w, h - 4);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
  draw_grid (cv, x, y, w, h - 4, w / 27.2);
  paper_texture (cv, x, y, w, h - 4, PAPER_WHITE);

  for (const Line *l = scene->lines; l->style != LINE_END; l++)
    switch (l->style)
      {
        case LINE_HEADING:
          ty += marker_text (cv, hand, l->text, 60 * scale, left, ty, w - 70 * scale,
                             PANGO_ALIGN_LEFT, INK_BLUE);
          marker_stroke (cv, left, ty + 6, x + w * 0.75, ty + 2, 6 * scale, INK_BLUE);
          ty += 20 * scale;
          break;
        case LINE_NOTE:
          ty += marker_text (cv, hand, l->text, 36 * scale, left, ty, w - 70 * scale,
                             PANGO_ALIGN_LEFT, INK_BLACK) +
                10 * scale;
          break;
        case LINE_LABEL:
          ty += 16 * scale;
          ty += marker_text (cv, hand, l->text, 40 * scale, left, ty, w - 70 * scale,
                             PANGO_ALIGN_LEFT, INK_RED);
          break;
        case LINE_TEXT:
          ty += marker_text (cv, hand, l->text, 35 * scale, left + 24 * scale, ty, w - 90 * scale,
                             PANGO_ALIGN_LEFT, INK_BLACK);
          break;
        case LINE_STICKIES:
          ty += draw_stickies (cv, scene->stickies, x, ty + 20 * scale, w);
          break;
        case LINE_END:
        default:
          g_assert_not_reached ();
      }

  /* the clamp bar that holds the pad */
  p = cairo_pattern_create_linear (0, y - 34, 0, y + 22);
  add_rgb_stop (p, 0, 0x6e7275, 1);
  add_rgb_stop (p, 0.4, 0xb9bcbf, 1);
  add_rgb_stop (p, 1, 0x4b4e51, 1);
  cairo_set_source (cr, p);
  cairo_rectangle (cr, x - 24, y - 34, w + 48, 56);
  cairo_fill (cr);
  cairo_pattern_destroy (p);
}

/* ---- people in front of the lens --------------------------------------------------------- */

static void
person (cairo_t *cr, double x, double y, double s, guint32 hair, guint32 shirt)
{
  set_rgb (cr, shirt, 1);
  cairo_move_to (cr, x - s * 1.7, y + s * 3);
  cairo_curve_to (cr, x - s * 1.6, y + s * 1.2, x - s * 1.2, y + s * 0.95, x, y + s * 0.9);
  cairo_curve_to (cr, x + s * 1.2, y + s * 0.95, x + s * 1.6, y + s * 1.2, x + s * 1.7, y + s * 3);
  cairo_close_path (cr);
  cairo_fill (cr);
  set_rgb (cr, 0xb88e76, 1);
  cairo_rectangle (cr, x - s * 0.24, y + s * 0.4, s * 0.48, s * 0.6);
  cairo_fill (cr);
  ellipse (cr, x - s * 0.47, y + s * 0.05, s * 0.09, s * 0.16);
  ellipse (cr, x + s * 0.47, y + s * 0.05, s * 0.09, s * 0.16);
  cairo_fill (cr);
  set_rgb (cr, hair, 1);
  ellipse (cr, x, y - s * 0.05, s * 0.5, s * 0.6);
  cairo_fill (cr);
}

/* Two people at the table, out of focus: the reason this photo has no consent. */
static void
draw_bystanders (Canvas *cv)
{
  cairo_t *layer = layer_begin (cv);

  cairo_identity_matrix (layer);
  person (layer, cv->w * 0.13, cv->h * 0.78, 210, 0x2b211b, 0x34536d);
  person (layer, cv->w * 0.88, cv->h * 0.9, 180, 0x8a6a45, 0x7d3b3b);
  layer_end (cv, layer, 14);
}

/* ---- light, lens and sensor -------------------------------------------------------------- */

static void
draw_light (Canvas *cv, const Scene *scene)
{
  cairo_t *cr = cv->cr;
  double lx = scene->light_x * cv->w, ly = scene->light_y * cv->h;
  cairo_pattern_t *p;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  p = cairo_pattern_create_radial (lx, ly, 0, lx, ly, hypot (cv->w, cv->h) * 0.8);
  cairo_pattern_add_color_stop_rgb (p, 0, 1, 1, 1);
  cairo_pattern_add_color_stop_rgb (p, 0.4, 0.92, 0.91, 0.89);
  cairo_pattern_add_color_stop_rgb (p, 1, 0.6, 0.58, 0.56);
  cairo_set_source (cr, p);
  cairo_paint (cr);
  cairo_pattern_destroy (p);
  /* warm ceiling lights, and a camera that exposes white paper a little grey */
  cairo_set_source_rgb (cr, 0.96, 0.93, 0.87);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SCREEN);
  p = cairo_pattern_create_radial (lx, ly, 0, lx, ly, cv->w * 0.3);
  cairo_pattern_add_color_stop_rgba (p, 0, 1, 1, 0.95, 0.12);
  cairo_pattern_add_color_stop_rgba (p, 1, 1, 1, 0.95, 0);
  cairo_set_source (cr, p);
  cairo_paint (cr);
  cairo_pattern_destroy (p);
  cairo_restore (cr);
}

/* The projective map of a camera that does not face the wall squarely: for each pixel of the
 * photo, where it falls in the drawing. Scaled so that the photo's corners stay inside. */
typedef struct
{
  double kx, ky, s;
} Keystone;

static void
keystone_map (const Keystone *k, double w, double h, double x, double y, double *sx, double *sy)
{
  double u = (x - w / 2) / w, v = (y - h / 2) / w, d = 1 + k->kx * u + k->ky * v;

  *sx = w / 2 + u * k->s / d * w;
  *sy = h / 2 + v * k->s / d * w;
}

static Keystone
keystone_new (double kx, double ky, double w, double h)
{
  Keystone k = { kx, ky, 1 };
  double fit = 1;

  for (int i = 0; i < 4; i++)
    {
      double sx, sy;
      keystone_map (&k, w, h, i % 2 ? w : 0, i / 2 ? h : 0, &sx, &sy);
      fit = MIN (fit, MIN ((w / 2) / fabs (sx - w / 2), (h / 2) / fabs (sy - h / 2)));
    }
  k.s = fit * 0.999;
  return k;
}

static void
sample (const guint8 *src, int stride, int w, int h, double x, double y, double out[3])
{
  int x0 = CLAMP ((int) floor (x), 0, w - 2), y0 = CLAMP ((int) floor (y), 0, h - 2);
  double fx = CLAMP (x - x0, 0, 1), fy = CLAMP (y - y0, 0, 1);

  for (int c = 0; c < 3; c++)
    {
      int shift = 16 - 8 * c;
      guint32 p00 = *(const guint32 *) (src + y0 * stride + x0 * 4);
      guint32 p10 = *(const guint32 *) (src + y0 * stride + (x0 + 1) * 4);
      guint32 p01 = *(const guint32 *) (src + (y0 + 1) * stride + x0 * 4);
      guint32 p11 = *(const guint32 *) (src + (y0 + 1) * stride + (x0 + 1) * 4);
      double top = ((p00 >> shift) & 0xff) * (1 - fx) + ((p10 >> shift) & 0xff) * fx;
      double bottom = ((p01 >> shift) & 0xff) * (1 - fx) + ((p11 >> shift) & 0xff) * fx;
      out[c] = top * (1 - fy) + bottom * fy;
    }
}

/* A phone lens is a little soft: a [1 2 1] blur across and down. */
static void
soften (guint8 *pixels, int w, int h, int stride)
{
  guint8 *prev = g_malloc (MAX (w * 3, stride)), *cur = g_malloc (MAX (w * 3, stride));

  for (int y = 0; y < h; y++)
    {
      guint8 *row = pixels + y * stride;
      memcpy (prev, row, w * 3);
      for (int x = 1; x < w - 1; x++)
        for (int c = 0; c < 3; c++)
          row[x * 3 + c] =
              (prev[(x - 1) * 3 + c] + 2 * prev[x * 3 + c] + prev[(x + 1) * 3 + c] + 2) / 4;
    }
  memcpy (prev, pixels, w * 3);
  for (int y = 1; y < h - 1; y++)
    {
      guint8 *row = pixels + y * stride;
      memcpy (cur, row, w * 3);
      for (int i = 0; i < w * 3; i++)
        row[i] = (prev[i] + 2 * cur[i] + row[stride + i] + 2) / 4;
      memcpy (prev, cur, w * 3);
    }
  g_free (prev);
  g_free (cur);
}

/* Takes the photo of the drawing: perspective, a phone's tone curve and a little colour
 * loss, then sensor noise. */
static GdkPixbuf *
develop (Canvas *cv, const Scene *scene, cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *src = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  int dstride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *dst = gdk_pixbuf_get_pixels (pixbuf);
  Keystone k = keystone_new (scene->keystone_x, scene->keystone_y, w, h);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double sx, sy, rgb[3], luma;

        keystone_map (&k, w, h, x + 0.5, y + 0.5, &sx, &sy);
        sample (src, stride, w, h, sx - 0.5, sy - 0.5, rgb);
        luma = 0.3 * rgb[0] + 0.59 * rgb[1] + 0.11 * rgb[2];
        for (int c = 0; c < 3; c++)
          {
            double v = 0.88 * rgb[c] + 0.12 * luma;
            dst[y * dstride + x * 3 + c] = (guint8) CLAMP (10 + v * 0.94 + 0.5, 0, 255);
          }
      }
  soften (dst, w, h, dstride);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double grain = rnd_gauss (cv) * 3.0;
        for (int c = 0; c < 3; c++)
          {
            guint8 *v = &dst[y * dstride + x * 3 + c];
            *v = (guint8) CLAMP (*v + grain + rnd_gauss (cv) * 1.4 + 0.5, 0, 255);
          }
      }
  return pixbuf;
}

/* ---- JPEG with EXIF orientation ---------------------------------------------------------- */

/* A minimal APP1/Exif segment: big-endian TIFF header, IFD0 with one entry,
 * Orientation (0x0112, SHORT, count 1) = @orientation, and no next IFD. */
static GBytes *
insert_exif_orientation (const guint8 *jpeg, gsize len, guint16 orientation)
{
  guint8 seg[] = {
    0xff, 0xe1, 0x00, 0x22, 'E',  'x',  'i',  'f',  0, 0,       /* APP1, 34 bytes, "Exif" */
    'M',  'M',  0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,             /* TIFF header, IFD0 at 8 */
    0x00, 0x01,                                                 /* one entry */
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0, 0, 0, 0, /* Orientation */
    0x00, 0x00, 0x00, 0x00,                                     /* no next IFD */
  };
  GByteArray *out = g_byte_array_sized_new (len + sizeof seg);

  g_assert (len > 2 && jpeg[0] == 0xff && jpeg[1] == 0xd8);
  seg[28] = orientation >> 8;
  seg[29] = orientation & 0xff;
  g_byte_array_append (out, jpeg, 2);
  g_byte_array_append (out, seg, sizeof seg);
  g_byte_array_append (out, jpeg + 2, len - 2);
  return g_byte_array_free_to_bytes (out);
}

static gboolean
write_jpeg (GdkPixbuf *pixbuf, gboolean sideways, const char *path, GError **error)
{
  g_autoptr (GdkPixbuf) stored = NULL;
  g_autofree gchar *buf = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len;

  /* Orientation 6 means "turn 90° clockwise to view", so the sensor's image is the upright
   * picture turned counter-clockwise. */
  stored = sideways ? gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE)
                    : g_object_ref (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (stored, &buf, &len, "jpeg", error, "quality", JPEG_Q, NULL))
    return FALSE;
  if (sideways)
    bytes = insert_exif_orientation ((const guint8 *) buf, len, 6);
  else
    bytes = g_bytes_new (buf, len);
  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              error);
}

/* ---- main -------------------------------------------------------------------------------- */

static void
draw_scene (Canvas *cv, const Scene *scene)
{
  cairo_t *cr = cv->cr;
  double floor_y = cv->h * (scene->portrait ? 0.93 : 0.86);

  cairo_translate (cr, cv->w / 2, cv->h / 2);
  cairo_rotate (cr, scene->tilt * G_PI / 180);
  cairo_translate (cr, -cv->w / 2, -cv->h / 2);
  draw_room (cv, floor_y);
  if (scene->window)
    draw_window (cv, 60, 140, 340, 560);

  if (scene->walls)
    {
      double wall_w = (cv->w - 130) / 2, wall_h = floor_y - 210;
      draw_pinwall (cv, &scene->walls[0], 50, 80, wall_w, wall_h, floor_y);
      draw_pinwall (cv, &scene->walls[1], cv->w - 50 - wall_w, 80, wall_w, wall_h, floor_y);
    }
  else if (scene->portrait)
    draw_flipchart (cv, scene, 150, 110, cv->w - 300, (cv->w - 300) * 1.42, floor_y);
  else
    draw_flipchart (cv, scene, cv->w * 0.33, 100, cv->w * 0.36, cv->w * 0.36 * 1.42, floor_y);

  if (scene->bystanders)
    draw_bystanders (cv);
  draw_light (cv, scene);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  const Scene *scene = NULL;
  cairo_surface_t *surface;
  Canvas cv = { 0 };

  if (argc != 3)
    {
      g_printerr ("Usage: %s SCENE OUT.jpg\n", argv[0]);
      return 2;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (scenes); i++)
    if (g_str_equal (scenes[i].name, argv[1]))
      scene = &scenes[i];
  if (!scene)
    {
      g_printerr ("%s: no scene named “%s”\n", argv[0], argv[1]);
      return 2;
    }

  cv.w = scene->portrait ? PHOTO_SHORT : PHOTO_LONG;
  cv.h = scene->portrait ? PHOTO_LONG : PHOTO_SHORT;
  cv.rng = g_str_hash (scene->name);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) cv.w, (int) cv.h);
  cv.cr = cairo_create (surface);
  draw_scene (&cv, scene);
  cairo_destroy (cv.cr);

  pixbuf = develop (&cv, scene, surface);
  cairo_surface_destroy (surface);
  if (!write_jpeg (pixbuf, scene->portrait, argv[2], &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
