/* werk-test-images.c: generated photos for tests and benchmarks; a test may #include this file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-test-images.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static void
werk_test_put (GdkPixbuf *pixbuf, int x, int y, guint8 r, guint8 g, guint8 b)
{
  guint8 *p = gdk_pixbuf_get_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf) +
              (gsize) x * gdk_pixbuf_get_n_channels (pixbuf);

  p[0] = r;
  p[1] = g;
  p[2] = b;
}

static void
werk_test_fill_rect (GdkPixbuf *pixbuf, int x, int y, int width, int height, guint32 rgb)
{
  g_autoptr (GdkPixbuf) area = gdk_pixbuf_new_subpixbuf (pixbuf, x, y, width, height);

  gdk_pixbuf_fill (area, (rgb << 8) | 0xff);
}

GdkPixbuf *
werk_test_pixbuf_marked (int width, int height)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int side = MAX (1, MIN (width, height) / 5);

  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  werk_test_fill_rect (pixbuf, 0, 0, side, side, WERK_TEST_RED);
  werk_test_fill_rect (pixbuf, width - side, 0, side, side, WERK_TEST_BLUE);
  return pixbuf;
}

/* Where stored pixel (sx, sy) appears once orientation @o is applied, after the EXIF 2.3
 * table "0th row / 0th column": e.g. 6 = the 0th row is the visual right side. */
static void
werk_test_displayed_at (int o, int sx, int sy, int sw, int sh, int *dx, int *dy)
{
  switch (o)
    {
      case 2:
        *dx = sw - 1 - sx, *dy = sy;
        break;
      case 3:
        *dx = sw - 1 - sx, *dy = sh - 1 - sy;
        break;
      case 4:
        *dx = sx, *dy = sh - 1 - sy;
        break;
      case 5:
        *dx = sy, *dy = sx;
        break;
      case 6:
        *dx = sh - 1 - sy, *dy = sx;
        break;
      case 7:
        *dx = sh - 1 - sy, *dy = sw - 1 - sx;
        break;
      case 8:
        *dx = sy, *dy = sw - 1 - sx;
        break;
      default:
        *dx = sx, *dy = sy;
        break;
    }
}

GdkPixbuf *
werk_test_pixbuf_stored_for_orientation (GdkPixbuf *upright, int orientation)
{
  int uw = gdk_pixbuf_get_width (upright), uh = gdk_pixbuf_get_height (upright);
  gboolean swap = orientation >= 5 && orientation <= 8;
  int sw = swap ? uh : uw, sh = swap ? uw : uh;
  int n = gdk_pixbuf_get_n_channels (upright), stride = gdk_pixbuf_get_rowstride (upright);
  const guint8 *src = gdk_pixbuf_read_pixels (upright);
  GdkPixbuf *stored = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, sw, sh);

  for (int sy = 0; sy < sh; sy++)
    for (int sx = 0; sx < sw; sx++)
      {
        int dx, dy;
        const guint8 *p;

        werk_test_displayed_at (orientation, sx, sy, sw, sh, &dx, &dy);
        p = src + (gsize) dy * stride + (gsize) dx * n;
        werk_test_put (stored, sx, sy, p[0], p[1], p[2]);
      }
  return stored;
}

GBytes *
werk_test_jpeg_encode (GdkPixbuf *pixbuf, int quality)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) opaque = NULL;
  g_autofree char *q = g_strdup_printf ("%d", quality);
  char *buffer = NULL;
  gsize size = 0;

  if (gdk_pixbuf_get_has_alpha (pixbuf))
    {
      opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, gdk_pixbuf_get_width (pixbuf),
                               gdk_pixbuf_get_height (pixbuf));
      gdk_pixbuf_fill (opaque, 0xffffffff);
      gdk_pixbuf_composite (pixbuf, opaque, 0, 0, gdk_pixbuf_get_width (pixbuf),
                            gdk_pixbuf_get_height (pixbuf), 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
      pixbuf = opaque;
    }
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", q, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
werk_test_put_be16 (GByteArray *out, guint v)
{
  guint8 b[2] = { (v >> 8) & 0xff, v & 0xff };

  g_byte_array_append (out, b, 2);
}

static void
werk_test_put_16 (GByteArray *out, guint v, gboolean be)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };

  if (be)
    werk_test_put_be16 (out, v);
  else
    g_byte_array_append (out, b, 2);
}

static void
werk_test_put_32 (GByteArray *out, guint32 v, gboolean be)
{
  werk_test_put_16 (out, be ? v >> 16 : v & 0xffff, be);
  werk_test_put_16 (out, be ? v & 0xffff : v >> 16, be);
}

/* "Exif\0\0", then a TIFF header and IFD0 with the one entry 0x0112 (SHORT, count 1). */
static GByteArray *
werk_test_exif_payload (int value, gboolean be)
{
  GByteArray *tiff = g_byte_array_new ();

  g_byte_array_append (tiff, (const guint8 *) "Exif\0\0", 6);
  g_byte_array_append (tiff, (const guint8 *) (be ? "MM" : "II"), 2);
  werk_test_put_16 (tiff, 42, be);
  werk_test_put_32 (tiff, 8, be); /* IFD0 right after the header */
  werk_test_put_16 (tiff, 1, be); /* one entry */
  werk_test_put_16 (tiff, 0x0112, be);
  werk_test_put_16 (tiff, 3, be); /* SHORT */
  werk_test_put_32 (tiff, 1, be);
  werk_test_put_16 (tiff, value, be); /* left-justified in the 4-byte value field */
  werk_test_put_16 (tiff, 0, be);
  werk_test_put_32 (tiff, 0, be); /* no next IFD */
  return tiff;
}

GBytes *
werk_test_jpeg_insert_exif (GBytes *jpeg, int value, gboolean big_endian)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  g_autoptr (GByteArray) payload = werk_test_exif_payload (value, big_endian);
  GByteArray *out = g_byte_array_sized_new (size + payload->len + 4);
  gsize at = 2;

  g_assert_true (size > 4 && data[0] == 0xff && data[1] == 0xd8);
  /* After a JFIF APP0, as cameras that write both do. */
  if (data[2] == 0xff && data[3] == 0xe0)
    at = 4 + ((data[4] << 8) | data[5]);
  g_byte_array_append (out, data, at);
  g_byte_array_append (out, (const guint8 *) "\xff\xe1", 2);
  werk_test_put_be16 (out, payload->len + 2);
  g_byte_array_append (out, payload->data, payload->len);
  g_byte_array_append (out, data + at, size - at);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
werk_test_jpeg_marked (int width, int height, int orientation)
{
  g_autoptr (GdkPixbuf) upright = werk_test_pixbuf_marked (width, height);
  g_autoptr (GdkPixbuf) stored = werk_test_pixbuf_stored_for_orientation (upright, orientation);
  g_autoptr (GBytes) plain = werk_test_jpeg_encode (stored, 90);

  if (orientation < 0)
    return g_steal_pointer (&plain);
  return werk_test_jpeg_insert_exif (plain, orientation, FALSE);
}

/* Runs a converter on a temporary copy: argv holds "IN" and "OUT" where the file names go. */
static GBytes *
werk_test_run_tool (GBytes *input, const char *in_name, const char *out_name,
                    const char *const *argv, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("werk-test-XXXXXX", error);
  g_autofree char *in = NULL, *out = NULL, *contents = NULL, *err_text = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  gsize size = 0;
  int status = 0;
  gboolean ok;

  if (dir == NULL)
    return NULL;
  in = g_build_filename (dir, in_name, NULL);
  out = g_build_filename (dir, out_name, NULL);
  for (gsize i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) (g_str_equal (argv[i], "IN")    ? in
                                       : g_str_equal (argv[i], "OUT") ? out
                                                                      : argv[i]));
  g_ptr_array_add (args, NULL);
  ok = g_file_set_contents (in, g_bytes_get_data (input, NULL), g_bytes_get_size (input), error) &&
       g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                     &err_text, &status, error) &&
       g_spawn_check_wait_status (status, error) &&
       g_file_get_contents (out, &contents, &size, error);
  g_remove (in);
  g_remove (out);
  g_rmdir (dir);
  if (!ok)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

GBytes *
werk_test_jpeg_progressive (GBytes *jpeg, GError **error)
{
  const char *argv[] = {
    "jpegtran", "-progressive", "-copy", "all", "-outfile", "OUT", "IN", NULL
  };

  return werk_test_run_tool (jpeg, "in.jpg", "out.jpg", argv, error);
}

static GBytes *
werk_test_magick (GdkPixbuf *pixbuf, const char *option, const char *value, const char *out_name,
                  GError **error)
{
  g_autoptr (GBytes) png = NULL;
  char *buffer = NULL;
  gsize size = 0;
  const char *argv[] = { "convert", "IN", option, value, "OUT", NULL };

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", error, NULL))
    return NULL;
  png = g_bytes_new_take (buffer, size);
  if (option == NULL)
    argv[2] = "OUT", argv[3] = NULL;
  return werk_test_run_tool (png, "in.png", out_name, argv, error);
}

GBytes *
werk_test_jpeg_cmyk (GdkPixbuf *pixbuf, GError **error)
{
  return werk_test_magick (pixbuf, "-colorspace", "CMYK", "out.jpg", error);
}

GBytes *
werk_test_jpeg_grey (GdkPixbuf *pixbuf, GError **error)
{
  return werk_test_magick (pixbuf, "-colorspace", "Gray", "out.jpg", error);
}

GBytes *
werk_test_convert (GdkPixbuf *pixbuf, const char *format, GError **error)
{
  g_autofree char *name = g_strconcat ("out.", format, NULL);

  return werk_test_magick (pixbuf, NULL, NULL, name, error);
}

GBytes *
werk_test_png_alpha (int width, int height)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autoptr (GdkPixbuf) band = NULL;
  g_autoptr (GError) error = NULL;
  int side = MAX (1, MIN (width, height) / 5);
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x00000000);
  band = gdk_pixbuf_new_subpixbuf (pixbuf, 0, height / 3, width, height / 3);
  gdk_pixbuf_fill (band, 0x00000080);
  g_clear_object (&band);
  band = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 0, side, side);
  gdk_pixbuf_fill (band, 0xff0000ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

GBytes *
werk_test_truncate (GBytes *bytes, gsize keep)
{
  return g_bytes_new_from_bytes (bytes, 0, MIN (keep, g_bytes_get_size (bytes)));
}

GBytes *
werk_test_not_an_image (void)
{
  static const char text[] = "Protokoll Werkstattgespräch Juli\n"
                             "Das ist kein Foto, nur eine umbenannte Textdatei.\n";

  return g_bytes_new_static (text, sizeof text - 1);
}

static guint8
werk_test_clamp (double v)
{
  return (guint8) CLAMP (lround (v), 0, 255);
}

static void
werk_test_stroke (GdkPixbuf *pixbuf, const double *light, WerkTestRect r, const double ink[3])
{
  int width = gdk_pixbuf_get_width (pixbuf);

  for (int y = r.y; y < r.y + r.height; y++)
    for (int x = r.x; x < r.x + r.width; x++)
      {
        double l = light[(gsize) y * width + x];

        werk_test_put (pixbuf, x, y, werk_test_clamp (ink[0] * l), werk_test_clamp (ink[1] * l),
                       werk_test_clamp (ink[2] * l));
      }
}

/* Light falls off from a lamp near the top left to about 57 % in the far corner. */
static double *
werk_test_lighting (int width, int height)
{
  double *light = g_new (double, (gsize) width *height);
  double diagonal = hypot (width, height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double r = hypot (x - 0.3 * width, y - 0.2 * height) / diagonal;

        light[(gsize) y * width + x] = 210.0 * (1.0 - 0.55 * MIN (r, 1.0));
      }
  return light;
}

GdkPixbuf *
werk_test_pixbuf_flipchart (int width, int height, WerkTestRect *black, WerkTestRect *red,
                            WerkTestRect *blue)
{
  static const double paper[3] = { 1.0, 0.96, 0.84 }, black_ink[3] = { 0.13, 0.13, 0.15 },
                      red_ink[3] = { 0.85, 0.16, 0.14 }, blue_ink[3] = { 0.14, 0.22, 0.72 };
  g_autofree double *light = werk_test_lighting (width, height);
  g_autoptr (GRand) rand = g_rand_new_with_seed (1234);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int thick = MAX (4, height / 50);
  WerkTestRect b = { width / 10, height * 45 / 100, width * 8 / 10, thick };
  WerkTestRect r = { width / 10, height * 70 / 100, width * 5 / 10, thick };
  WerkTestRect u = { width * 7 / 10, height * 15 / 100, thick, height * 6 / 10 };

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        double l = light[(gsize) y * width + x] + g_rand_double_range (rand, -6, 6);

        werk_test_put (pixbuf, x, y, werk_test_clamp (paper[0] * l), werk_test_clamp (paper[1] * l),
                       werk_test_clamp (paper[2] * l));
      }
  /* Handwriting-like squiggles above the strokes, for looking at. */
  for (int i = 0; i < 6; i++)
    for (int x = width / 10; x < width * 9 / 10; x++)
      {
        int y = height * (20 + 4 * i) / 100 + (int) (height / 60.0 * sin (x * 0.05 + i));
        WerkTestRect dot = { x, y, MAX (2, thick / 2), MAX (2, thick / 2) };

        if (x % 97 < 80 && dot.x + dot.width < width && dot.y + dot.height < height)
          werk_test_stroke (pixbuf, light, dot, black_ink);
      }
  werk_test_stroke (pixbuf, light, b, black_ink);
  werk_test_stroke (pixbuf, light, r, red_ink);
  werk_test_stroke (pixbuf, light, u, blue_ink);
  if (black)
    *black = b;
  if (red)
    *red = r;
  if (blue)
    *blue = u;
  return pixbuf;
}

gssize
werk_test_find (GBytes *haystack, const void *needle, gsize length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (haystack, &size);

  for (gsize at = 0; length > 0 && at + length <= size; at++)
    if (memcmp (data + at, needle, length) == 0)
      return (gssize) at;
  return -1;
}

GdkPixbuf *
werk_test_decode (GBytes *bytes)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) error = NULL;

  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

void
werk_test_mean_rgb (GdkPixbuf *pixbuf, int x, int y, int width, int height, double rgb[3])
{
  int n = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  int x0 = CLAMP (x, 0, gdk_pixbuf_get_width (pixbuf));
  int x1 = CLAMP (x + width, 0, gdk_pixbuf_get_width (pixbuf));
  int y0 = CLAMP (y, 0, gdk_pixbuf_get_height (pixbuf));
  int y1 = CLAMP (y + height, 0, gdk_pixbuf_get_height (pixbuf));
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  double sum[3] = { 0, 0, 0 };
  gsize count = 0;

  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++, count++)
      for (int c = 0; c < 3; c++)
        sum[c] += pixels[(gsize) j * stride + (gsize) i * n + c];
  g_assert_cmpuint (count, >, 0);
  for (int c = 0; c < 3; c++)
    rgb[c] = sum[c] / count;
}

double
werk_test_mean_luma (GdkPixbuf *pixbuf, int x, int y, int width, int height)
{
  double rgb[3];

  werk_test_mean_rgb (pixbuf, x, y, width, height, rgb);
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}

gboolean
werk_test_corner_is (GdkPixbuf *pixbuf, int corner, int size, guint32 rgb, int tolerance)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int inset = size / 4, side = MAX (1, size / 2);
  int x = (corner == 1 || corner == 2) ? w - inset - side : inset;
  int y = (corner >= 2) ? h - inset - side : inset;
  double mean[3];

  werk_test_mean_rgb (pixbuf, x, y, side, side, mean);
  for (int c = 0; c < 3; c++)
    {
      int want = (rgb >> (16 - 8 * c)) & 0xff;

      if (fabs (mean[c] - want) > tolerance)
        return FALSE;
    }
  return TRUE;
}
