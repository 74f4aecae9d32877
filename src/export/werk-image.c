/* werk-image.c: photos made ready for print: decoded small, upright, cleaned up, JPEG-encoded.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-image.h"

#include "werk-error.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The acceptable band around the target resolution: 150–200 dpi for the default 170. */
#define WERK_IMAGE_MIN_DPI_RATIO (150.0 / 170.0)
#define WERK_IMAGE_MAX_DPI_RATIO (200.0 / 170.0)

/* What the headers tell before decoding. */
typedef struct
{
  gboolean is_jpeg;
  gboolean complete; /* the file does not end before the image does */
  int orientation;   /* EXIF orientation 1–8, from JPEG headers */
} WerkImageFacts;

/* What the loader is asked for: a fixed DCT reduction, or one chosen to suit a print box. */
typedef struct
{
  const WerkImageFacts *facts;
  int scale;        /* 1, 2, 4, 8; 0 to choose from the box */
  double box_width; /* points */
  double box_height;
  gboolean swapped; /* the upright photo is the stored one turned by 90° */
  double min_dpi;
  int chosen; /* the reduction that was asked for */
} WerkDecodeRequest;

void
werk_image_options_init (WerkImageOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (WerkImageOptions){ WERK_IMAGE_DEFAULT_DPI, 0, FALSE, WERK_IMAGE_DEFAULT_QUALITY };
}

void
werk_image_free (WerkImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->jpeg, g_bytes_unref);
  g_free (image);
}

/* EXIF / TIFF */

static guint
werk_get16 (const guint8 *p, gboolean be)
{
  return be ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static guint32
werk_get32 (const guint8 *p, gboolean be)
{
  return be ? (guint32) werk_get16 (p, TRUE) << 16 | werk_get16 (p + 2, TRUE)
            : (guint32) werk_get16 (p + 2, FALSE) << 16 | werk_get16 (p, FALSE);
}

/* The orientation tag of IFD0 in a TIFF structure (a TIFF file or an EXIF block); anything
 * missing, out of range or malformed counts as 1, as a photo must never fail over it. */
static int
werk_tiff_orientation (const guint8 *tiff, gsize size)
{
  gboolean be;
  guint32 ifd;
  guint count;

  if (size < 8 || (memcmp (tiff, "II", 2) != 0 && memcmp (tiff, "MM", 2) != 0))
    return 1;
  be = tiff[0] == 'M';
  ifd = werk_get32 (tiff + 4, be);
  if (werk_get16 (tiff + 2, be) != 42 || ifd > size - 2)
    return 1;
  count = werk_get16 (tiff + ifd, be);
  for (guint i = 0; i < count && ifd + 2 + (i + 1) * 12 <= size; i++)
    {
      const guint8 *entry = tiff + ifd + 2 + i * 12;

      /* Like gdk-pixbuf, only the form the standard prescribes: one SHORT. */
      if (werk_get16 (entry, be) == 0x0112 && werk_get16 (entry + 2, be) == 3 &&
          werk_get32 (entry + 4, be) == 1)
        {
          guint value = werk_get16 (entry + 8, be);

          return value >= 1 && value <= 8 ? (int) value : 1;
        }
    }
  return 1;
}

/* The last end-of-image marker after @from; entropy-coded data cannot contain one. */
static gboolean
werk_jpeg_has_end_after (const guint8 *data, gsize size, gsize from)
{
  for (gsize at = size; at >= from + 2; at--)
    if (data[at - 2] == 0xff && data[at - 1] == 0xd9)
      return TRUE;
  return FALSE;
}

/* Walks the marker segments up to the first scan, reading the EXIF orientation on the way. */
static void
werk_jpeg_read_facts (const guint8 *data, gsize size, WerkImageFacts *facts)
{
  gsize at = 2, scan = 0;

  facts->is_jpeg = TRUE;
  while (scan == 0 && at + 4 <= size && data[at] == 0xff)
    {
      guint marker = data[at + 1], length = (guint) (data[at + 2] << 8 | data[at + 3]);

      if (marker == 0xff)
        at++;
      else if (marker == 0xda)
        scan = at;
      else if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        at += 2;
      else if (length < 2 || marker == 0xd9)
        break;
      else
        {
          if (marker == 0xe1 && length >= 16 && at + 2 + length <= size &&
              memcmp (data + at + 4, "Exif\0\0", 6) == 0)
            facts->orientation = werk_tiff_orientation (data + at + 10, length - 8);
          at += 2 + length;
        }
    }
  /* libjpeg skips stray bytes between segments; so does the search for the scan then. */
  for (gsize i = 2; scan == 0 && i + 1 < size; i++)
    if (data[i] == 0xff && data[i + 1] == 0xda)
      scan = i;
  facts->complete = scan > 0 && werk_jpeg_has_end_after (data, size, scan + 2);
}

static guint32
werk_get32_be (const guint8 *p)
{
  return werk_get32 (p, TRUE);
}

/* Chunk by chunk up to IEND: gdk-pixbuf shows a cut-off PNG partly empty without an error. */
static gboolean
werk_png_is_complete (const guint8 *data, gsize size)
{
  gsize at = 8;

  while (at + 12 <= size)
    {
      guint32 length = werk_get32_be (data + at);

      if (length > size - at - 12)
        return FALSE;
      if (memcmp (data + at + 4, "IEND", 4) == 0)
        return TRUE;
      at += 12 + (gsize) length;
    }
  return FALSE;
}

/* WebP: the RIFF header states the file's length. */
static gboolean
werk_riff_is_complete (const guint8 *data, gsize size)
{
  return werk_get32 (data + 4, FALSE) <= size - 8;
}

/* HEIC/AVIF: every top-level box must lie inside the file; the HEIF loader only warns about
 * data outside it and reports no error. */
static gboolean
werk_isobmff_is_complete (const guint8 *data, gsize size)
{
  gsize at = 0;

  while (at + 8 <= size)
    {
      guint64 length = werk_get32_be (data + at);

      if (length == 0)
        return TRUE; /* the last box, up to the end */
      if (length == 1)
        length = at + 16 <= size ? (guint64) werk_get32_be (data + at + 8) << 32 |
                                       werk_get32_be (data + at + 12)
                                 : 0;
      if (length < 8 || length > size - at)
        return FALSE;
      at += length;
    }
  return at == size;
}

static void
werk_image_read_facts (const guint8 *data, gsize size, WerkImageFacts *facts)
{
  *facts = (WerkImageFacts){ FALSE, TRUE, 1 };
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    werk_jpeg_read_facts (data, size, facts);
  else if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    facts->complete = werk_png_is_complete (data, size);
  else if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    facts->complete = werk_riff_is_complete (data, size);
  else if (size >= 12 && memcmp (data + 4, "ftyp", 4) == 0)
    facts->complete = werk_isobmff_is_complete (data, size);
}

/* Errors */

static void
werk_image_set_load_error (GError **error, const GError *cause)
{
  if (g_error_matches (cause, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
    g_set_error_literal (error, WERK_ERROR, WERK_ERROR_PHOTO,
                         _ ("The photo cannot be read: it is not in an image format Werkstatt "
                            "knows (such as JPEG, PNG, HEIC or WebP)."));
  else if (cause == NULL)
    g_set_error_literal (error, WERK_ERROR, WERK_ERROR_PHOTO,
                         _ ("The photo is damaged and cannot be read. Import it again from the "
                            "camera or phone."));
  else
    g_set_error (error, WERK_ERROR, WERK_ERROR_PHOTO,
                 _ ("The photo is damaged and cannot be read (%s). Import it again from the "
                    "camera or phone."),
                 cause->message);
}

static gboolean
werk_image_check_bytes (GBytes *original, WerkImageFacts *facts, GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (original, &size);

  if (size == 0)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_PHOTO,
                           _ ("The photo is empty (0 bytes). Import it again from the camera or "
                              "phone."));
      return FALSE;
    }
  werk_image_read_facts (data, size, facts);
  /* gdk-pixbuf shows a cut-off JPEG, PNG or WebP with the missing part grey or empty and
   * reports no error; a half-grey flipchart in a protocol looks like our bug, so such a photo
   * is refused instead. */
  if (!facts->complete)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_PHOTO,
                           _ ("The photo is incomplete: the file ends before the image does. "
                              "Import it again from the camera or phone."));
      return FALSE;
    }
  return TRUE;
}

/* Decoding */

static int
werk_ceil_div (int value, int divisor)
{
  return (value + divisor - 1) / divisor;
}

/* Points per pixel when a photo of @width × @height is fitted into the box. */
static double
werk_fit_scale (int width, int height, double box_width, double box_height)
{
  return MIN (box_width / width, box_height / height);
}

/* The largest power-of-two reduction that keeps the printed photo at @min_dpi or more. */
static int
werk_choose_scale (const WerkDecodeRequest *request, int width, int height)
{
  int uw = request->swapped ? height : width, uh = request->swapped ? width : height;
  double inches = uw * werk_fit_scale (uw, uh, request->box_width, request->box_height) / 72.0;

  for (int scale = 8; scale > 1; scale /= 2)
    if (werk_ceil_div (uw, scale) / inches >= request->min_dpi)
      return scale;
  return 1;
}

/* Asks for exactly ceil(size / scale), which is what libjpeg's DCT scaling delivers, so that
 * gdk-pixbuf does not resample after decoding. */
static void
werk_image_size_prepared_cb (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  WerkDecodeRequest *request = user_data;

  request->chosen = 1;
  if (!request->facts->is_jpeg || width <= 0 || height <= 0)
    return;
  request->chosen =
      request->scale > 0 ? request->scale : werk_choose_scale (request, width, height);
  if (request->chosen > 1)
    gdk_pixbuf_loader_set_size (loader, werk_ceil_div (width, request->chosen),
                                werk_ceil_div (height, request->chosen));
}

static GdkPixbuf *
werk_image_load (GBytes *original, WerkDecodeRequest *request, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) local_error = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (werk_image_size_prepared_cb), request);
  if (!gdk_pixbuf_loader_write_bytes (loader, original, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      werk_image_set_load_error (error, local_error);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      werk_image_set_load_error (error, NULL);
      return NULL;
    }
  return g_object_ref (pixbuf);
}

GdkPixbuf *
werk_image_decode (GBytes *original, int scale, GError **error)
{
  WerkImageFacts facts;
  WerkDecodeRequest request = { &facts, scale };

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (scale == 1 || scale == 2 || scale == 4 || scale == 8, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!werk_image_check_bytes (original, &facts, error))
    return NULL;
  return werk_image_load (original, &request, error);
}

/* Pixel operations */

/* Only for photos well above the band: a cheap resample down to the target resolution. */
static GdkPixbuf *
werk_image_reduce (GdkPixbuf *pixbuf, gboolean swapped, double box_w, double box_h, double dpi,
                   double max_dpi, gboolean *resampled)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  double now =
      72.0 / (swapped ? werk_fit_scale (h, w, box_w, box_h) : werk_fit_scale (w, h, box_w, box_h));
  GdkPixbuf *reduced;

  *resampled = now > max_dpi;
  if (!*resampled)
    return g_object_ref (pixbuf);
  reduced = gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) lround (w * dpi / now)),
                                     MAX (1, (int) lround (h * dpi / now)), GDK_INTERP_BILINEAR);
  gdk_pixbuf_copy_options (pixbuf, reduced);
  return reduced;
}

/* Transparent parts of a PNG are laid onto white paper; saved as JPEG they would be black. */
static GdkPixbuf *
werk_image_onto_white (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf), out_stride;
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  GdkPixbuf *opaque;
  guint8 *out;

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);
  opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  out = gdk_pixbuf_get_pixels (opaque);
  out_stride = gdk_pixbuf_get_rowstride (opaque);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *s = in + (gsize) y * in_stride + (gsize) x * 4;
        guint8 *d = out + (gsize) y * out_stride + (gsize) x * 3;

        for (int c = 0; c < 3; c++)
          d[c] = (guint8) ((s[c] * s[3] + 255 * (255 - s[3]) + 127) / 255);
      }
  gdk_pixbuf_copy_options (pixbuf, opaque);
  return opaque;
}

/* Whether gdk_pixbuf_apply_embedded_orientation () will swap width and height. */
static gboolean
werk_pixbuf_turns (GdkPixbuf *pixbuf)
{
  const char *orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  gint64 value = orientation ? g_ascii_strtoll (orientation, NULL, 10) : 1;

  return value >= 5 && value <= 8;
}

static GdkPixbuf *
werk_image_upright (GdkPixbuf *pixbuf, int rotation)
{
  g_autoptr (GdkPixbuf) oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);

  switch (rotation)
    {
      case 90:
        return gdk_pixbuf_rotate_simple (oriented, GDK_PIXBUF_ROTATE_CLOCKWISE);
      case 180:
        return gdk_pixbuf_rotate_simple (oriented, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
      case 270:
        return gdk_pixbuf_rotate_simple (oriented, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      default:
        return g_steal_pointer (&oriented);
    }
}

/* Flipchart clean-up */

typedef struct
{
  int cell; /* pixels per cell side */
  int columns;
  int rows;
  float *white; /* per cell and channel: the paper's brightness there */
} WerkPaper;

/* The paper's colour in one cell: a bright percentile of each channel, so that marker strokes
 * (dark) and a little noise (above it) do not count. Every second pixel is enough. */
static void
werk_paper_cell (GdkPixbuf *pixbuf, const WerkPaper *paper, int column, int row, float *out)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int x1 = MIN (w, (column + 1) * paper->cell), y1 = MIN (h, (row + 1) * paper->cell);
  guint histogram[3][256] = { { 0 } };
  guint samples = 0;

  for (int y = row * paper->cell; y < y1; y += 2)
    for (int x = column * paper->cell; x < x1; x += 2, samples++)
      for (int c = 0; c < 3; c++)
        histogram[c][pixels[(gsize) y * stride + (gsize) x * 3 + c]]++;
  for (int c = 0; c < 3; c++)
    {
      guint seen = 0;
      int level = 255;

      while (level > 0 && (seen += histogram[c][level]) < samples / 10)
        level--;
      out[c] = MAX (level, 16);
    }
}

/* Each cell takes the brightest of its neighbours, as dense writing can darken a cell's
 * percentile, then the estimate is smoothed so that no cell edges show. */
static void
werk_paper_spread (WerkPaper *paper, gboolean take_max)
{
  gsize n = (gsize) paper->columns * paper->rows * 3;
  g_autofree float *source = g_memdup2 (paper->white, n * sizeof (float));

  for (int row = 0; row < paper->rows; row++)
    for (int column = 0; column < paper->columns; column++)
      for (int c = 0; c < 3; c++)
        {
          float best = 0, sum = 0;
          int count = 0;

          for (int j = MAX (0, row - 1); j <= MIN (paper->rows - 1, row + 1); j++)
            for (int i = MAX (0, column - 1); i <= MIN (paper->columns - 1, column + 1); i++)
              {
                float v = source[((gsize) j * paper->columns + i) * 3 + c];

                best = MAX (best, v);
                sum += v;
                count++;
              }
          paper->white[((gsize) row * paper->columns + column) * 3 + c] =
              take_max ? best : sum / count;
        }
}

static float
werk_paper_level (const WerkPaper *paper, int column, int row)
{
  const float *v = paper->white + ((gsize) row * paper->columns + column) * 3;

  return v[0] + v[1] + v[2];
}

/* A cell much darker than the paper a few cells away is covered in ink (a heading coloured in),
 * not in shadow: lighting changes slowly. */
static gboolean *
werk_paper_find_ink (const WerkPaper *paper)
{
  gboolean *ink = g_new0 (gboolean, (gsize) paper->columns * paper->rows);

  for (int row = 0; row < paper->rows; row++)
    for (int column = 0; column < paper->columns; column++)
      {
        float nearby = 0;

        for (int j = MAX (0, row - 3); j <= MIN (paper->rows - 1, row + 3); j++)
          for (int i = MAX (0, column - 3); i <= MIN (paper->columns - 1, column + 3); i++)
            nearby = MAX (nearby, werk_paper_level (paper, i, j));
        ink[(gsize) row * paper->columns + column] =
            werk_paper_level (paper, column, row) < 0.6f * nearby;
      }
  return ink;
}

/* Gives one ink cell the mean of its paper neighbours; FALSE if it has none yet. */
static gboolean
werk_paper_fill_cell (WerkPaper *paper, gboolean *ink, int column, int row)
{
  float sum[3] = { 0, 0, 0 };
  int count = 0;

  for (int j = MAX (0, row - 1); j <= MIN (paper->rows - 1, row + 1); j++)
    for (int i = MAX (0, column - 1); i <= MIN (paper->columns - 1, column + 1); i++)
      if (!ink[(gsize) j * paper->columns + i])
        {
          for (int c = 0; c < 3; c++)
            sum[c] += paper->white[((gsize) j * paper->columns + i) * 3 + c];
          count++;
        }
  if (count == 0)
    return FALSE;
  for (int c = 0; c < 3; c++)
    paper->white[((gsize) row * paper->columns + column) * 3 + c] = sum[c] / count;
  ink[(gsize) row * paper->columns + column] = FALSE;
  return TRUE;
}

/* Ink cells take the paper around them, from the edge of the inked area inwards. */
static void
werk_paper_fill_ink (WerkPaper *paper)
{
  g_autofree gboolean *ink = werk_paper_find_ink (paper);
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (int row = 0; row < paper->rows; row++)
        for (int column = 0; column < paper->columns; column++)
          if (ink[(gsize) row * paper->columns + column])
            progress |= werk_paper_fill_cell (paper, ink, column, row);
    }
}

static WerkPaper
werk_paper_estimate (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  WerkPaper paper;

  /* About 40 cells along the long side: coarse enough that strokes do not fill a cell. */
  paper.cell = MAX (8, MAX (w, h) / 40);
  paper.columns = werk_ceil_div (w, paper.cell);
  paper.rows = werk_ceil_div (h, paper.cell);
  paper.white = g_new (float, (gsize) paper.columns *paper.rows * 3);
  for (int row = 0; row < paper.rows; row++)
    for (int column = 0; column < paper.columns; column++)
      werk_paper_cell (pixbuf, &paper, column, row,
                       paper.white + ((gsize) row * paper.columns + column) * 3);
  werk_paper_fill_ink (&paper);
  werk_paper_spread (&paper, TRUE);
  werk_paper_spread (&paper, FALSE);
  werk_paper_spread (&paper, FALSE);
  return paper;
}

/* Everything at or above this share of the paper's brightness becomes white, everything at
 * or below the lower one black; in between is stretched. */
#define WERK_CLEAN_WHITE      0.86f
#define WERK_CLEAN_BLACK      0.12f
#define WERK_CLEAN_SATURATION 1.25f

/* Where pixel column @x lies between two cell centres: the left one and the weight of the
 * right one; the same for every row, so computed once. */
typedef struct
{
  int left;
  float weight;
} WerkSpan;

static WerkSpan *
werk_paper_spans (const WerkPaper *paper, int width)
{
  WerkSpan *spans = g_new (WerkSpan, width);

  for (int x = 0; x < width; x++)
    {
      float at = (x + 0.5f) / paper->cell - 0.5f;
      int left = CLAMP ((int) floorf (at), 0, MAX (0, paper->columns - 2));

      spans[x] = (WerkSpan){ left, CLAMP (at - left, 0.0f, 1.0f) };
    }
  return spans;
}

/* The cells' gains (stretch / paper brightness) interpolated to every pixel of row @y. */
static void
werk_paper_row_gains (const WerkPaper *paper, const WerkSpan *spans, int y, int width, float *cells,
                      float *gains)
{
  float position = (y + 0.5f) / paper->cell - 0.5f;
  int r0 = CLAMP ((int) floorf (position), 0, paper->rows - 1);
  int r1 = MIN (r0 + 1, paper->rows - 1);
  float t = CLAMP (position - r0, 0.0f, 1.0f);
  float stretch = 255.0f / (WERK_CLEAN_WHITE - WERK_CLEAN_BLACK);
  const float *above = paper->white + (gsize) r0 * paper->columns * 3;
  const float *below = paper->white + (gsize) r1 * paper->columns * 3;
  int right = paper->columns > 1 ? 3 : 0;

  for (int i = 0; i < paper->columns * 3; i++)
    cells[i] = stretch / (above[i] * (1 - t) + below[i] * t);
  for (int x = 0; x < width; x++)
    {
      const float *left = cells + spans[x].left * 3;
      float u = spans[x].weight;

      for (int c = 0; c < 3; c++)
        gains[x * 3 + c] = left[c] + (left[c + right] - left[c]) * u;
    }
}

static inline guint8
werk_clamp_byte (float v)
{
  return v <= 0.0f ? 0 : v >= 255.0f ? 255 : (guint8) (v + 0.5f);
}

static void
werk_clean_row (const float *gains, guint8 *pixels, int width)
{
  const float offset = WERK_CLEAN_BLACK * 255.0f / (WERK_CLEAN_WHITE - WERK_CLEAN_BLACK);
  const float s = WERK_CLEAN_SATURATION;

  for (int x = 0; x < width; x++, pixels += 3, gains += 3)
    {
      float r = pixels[0] * gains[0] - offset, g = pixels[1] * gains[1] - offset,
            b = pixels[2] * gains[2] - offset;
      float luma = (1 - s) * (0.299f * r + 0.587f * g + 0.114f * b);

      pixels[0] = werk_clamp_byte (luma + r * s);
      pixels[1] = werk_clamp_byte (luma + g * s);
      pixels[2] = werk_clamp_byte (luma + b * s);
    }
}

/* White paper and saturated markers from a greyish, unevenly lit photo: the paper's brightness
 * is estimated on a coarse grid, divided out, and the result stretched. Works in place. */
static void
werk_image_clean_up (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  WerkPaper paper = werk_paper_estimate (pixbuf);
  g_autofree float *cells = g_new (float, (gsize) paper.columns * 3);
  g_autofree float *gains = g_new (float, (gsize) width * 3);
  g_autofree WerkSpan *spans = werk_paper_spans (&paper, width);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  g_assert (gdk_pixbuf_get_n_channels (pixbuf) == 3);
  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    {
      werk_paper_row_gains (&paper, spans, y, width, cells, gains);
      werk_clean_row (gains, pixels + (gsize) y * stride, width);
    }
  g_free (paper.white);
}

/* Putting it together */

static GBytes *
werk_image_encode (GdkPixbuf *pixbuf, int quality, GError **error)
{
  g_autofree char *value = g_strdup_printf ("%d", quality);
  g_autoptr (GError) local_error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &local_error, "quality", value,
                                  NULL))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_PHOTO,
                   _ ("The photo could not be prepared for print (%s)."), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

static void
werk_image_normalize_options (const WerkImageOptions *options, WerkImageOptions *out)
{
  werk_image_options_init (out);
  if (options == NULL)
    return;
  *out = *options;
  if (out->dpi <= 0)
    out->dpi = WERK_IMAGE_DEFAULT_DPI;
  if (out->quality <= 0)
    out->quality = WERK_IMAGE_DEFAULT_QUALITY;
  out->quality = MIN (out->quality, 100);
  out->rotation = ((out->rotation % 360) + 360) % 360;
}

static WerkImage *
werk_image_finish (GdkPixbuf *upright, double box_w, double box_h, int quality, GError **error)
{
  int w = gdk_pixbuf_get_width (upright), h = gdk_pixbuf_get_height (upright);
  double fit = werk_fit_scale (w, h, box_w, box_h);
  g_autoptr (WerkImage) image = g_new0 (WerkImage, 1);

  image->jpeg = werk_image_encode (upright, quality, error);
  if (image->jpeg == NULL)
    return NULL;
  image->width = w;
  image->height = h;
  image->width_pt = MIN (w * fit, box_w);
  image->height_pt = MIN (h * fit, box_h);
  image->dpi = 72.0 / fit;
  return g_steal_pointer (&image);
}

WerkImage *
werk_image_prepare (GBytes *original, double box_width_pt, double box_height_pt,
                    const WerkImageOptions *options, GError **error)
{
  WerkImageOptions opt;
  WerkImageFacts facts;
  WerkDecodeRequest request = { &facts, 0, box_width_pt, box_height_pt };
  g_autoptr (GdkPixbuf) decoded = NULL, reduced = NULL, opaque = NULL, upright = NULL;
  gboolean resampled = FALSE;
  WerkImage *image;

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (box_width_pt > 0 && box_height_pt > 0, NULL);
  g_return_val_if_fail (options == NULL || options->rotation % 90 == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  werk_image_normalize_options (options, &opt);
  if (!werk_image_check_bytes (original, &facts, error))
    return NULL;
  request.swapped = (facts.orientation >= 5) != (opt.rotation % 180 != 0);
  request.min_dpi = opt.dpi * WERK_IMAGE_MIN_DPI_RATIO;
  decoded = werk_image_load (original, &request, error);
  if (decoded == NULL)
    return NULL;
  /* The loader's orientation, not our header walk's, decides how the pixels are turned. */
  request.swapped = werk_pixbuf_turns (decoded) != (opt.rotation % 180 != 0);
  reduced = werk_image_reduce (decoded, request.swapped, box_width_pt, box_height_pt, opt.dpi,
                               opt.dpi * WERK_IMAGE_MAX_DPI_RATIO, &resampled);
  opaque = werk_image_onto_white (reduced);
  upright = werk_image_upright (opaque, opt.rotation);
  if (opt.clean_up)
    werk_image_clean_up (upright);
  image = werk_image_finish (upright, box_width_pt, box_height_pt, opt.quality, error);
  if (image != NULL)
    {
      image->decode_scale = MAX (request.chosen, 1);
      image->resampled = resampled;
    }
  return image;
}

/* Photo info */

static void
werk_image_info_size_cb (GdkPixbufLoader *loader, int width, int height, gpointer user_data)
{
  WerkImageInfo *info = user_data;
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  g_auto (GStrv) mime_types = format ? gdk_pixbuf_format_get_mime_types (format) : NULL;

  info->width = width;
  info->height = height;
  info->mime_type = g_intern_string (mime_types && mime_types[0] ? mime_types[0] : NULL);
  /* Stops the decoder: the header was all we wanted. */
  gdk_pixbuf_loader_set_size (loader, 0, 0);
}

gboolean
werk_image_get_info (GBytes *bytes, WerkImageInfo *info, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = NULL;
  g_autoptr (GError) local_error = NULL;
  const guint8 *data;
  gsize size;
  WerkImageFacts facts;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  loader = gdk_pixbuf_loader_new ();
  *info = (WerkImageInfo){ 0, 0, 1, NULL };
  g_signal_connect (loader, "size-prepared", G_CALLBACK (werk_image_info_size_cb), info);
  for (gsize at = 0; at < size && info->width == 0; at += 65536)
    if (!gdk_pixbuf_loader_write (loader, data + at, MIN (65536, size - at), &local_error))
      break;
  if (info->width == 0 && local_error == NULL)
    gdk_pixbuf_loader_close (loader, &local_error);
  gdk_pixbuf_loader_close (loader, NULL);
  if (info->width <= 0 || info->height <= 0)
    {
      if (size == 0)
        return werk_image_check_bytes (bytes, &facts, error);
      werk_image_set_load_error (error, local_error);
      return FALSE;
    }
  werk_image_read_facts (data, size, &facts);
  info->orientation = facts.is_jpeg ? facts.orientation : werk_tiff_orientation (data, size);
  if (info->orientation >= 5)
    {
      int width = info->width;

      info->width = info->height;
      info->height = width;
    }
  return TRUE;
}
