/* test-image.c: photos for print: upright, right size, right colours, clean-up, broken input.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-error.h"
#include "werk-image.h"

#include "werk-test-images.c"
/* The error domain, until src/export/meson.build links werk-image against it. */

#include <string.h>

/* A4 landscape, the whole page. */
#define A4_LONG  842.0
#define A4_SHORT 595.0

static WerkImage *
prepare_ok (GBytes *bytes, double box_w, double box_h, const WerkImageOptions *options)
{
  g_autoptr (GError) error = NULL;
  WerkImage *image = werk_image_prepare (bytes, box_w, box_h, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (image);
  return image;
}

/* Decodes the prepared JPEG as any PDF viewer would and checks its promises. */
static GdkPixbuf *
decode_prepared (const WerkImage *image)
{
  GdkPixbuf *pixbuf = werk_test_decode (image->jpeg);

  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, image->width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, image->height);
  g_assert_null (gdk_pixbuf_get_option (pixbuf, "orientation"));
  return pixbuf;
}

static void
assert_marked_upright (GdkPixbuf *pixbuf, int width, int height)
{
  int side = MIN (width, height) / 5;

  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
  g_assert_true (werk_test_corner_is (pixbuf, 0, side, WERK_TEST_RED, 40));
  g_assert_true (werk_test_corner_is (pixbuf, 1, side, WERK_TEST_BLUE, 40));
  g_assert_true (werk_test_corner_is (pixbuf, 2, side, WERK_TEST_WHITE, 20));
  g_assert_true (werk_test_corner_is (pixbuf, 3, side, WERK_TEST_WHITE, 20));
}

/* Orientation -1 means no EXIF at all; 0 and 9 are values cameras should not write. */
static void
test_orientation (void)
{
  for (int o = -1; o <= 9; o++)
    for (int big_endian = 0; big_endian <= 1; big_endian++)
      {
        g_autoptr (GdkPixbuf) upright = werk_test_pixbuf_marked (400, 300);
        g_autoptr (GdkPixbuf) stored = werk_test_pixbuf_stored_for_orientation (upright, o);
        g_autoptr (GBytes) plain = werk_test_jpeg_encode (stored, 90);
        g_autoptr (GBytes) bytes =
            o < 0 ? g_bytes_ref (plain) : werk_test_jpeg_insert_exif (plain, o, big_endian);
        g_autoptr (GdkPixbuf) raw = werk_image_decode (bytes, 1, NULL);
        g_autoptr (WerkImage) full = NULL, small = NULL;
        g_autoptr (GdkPixbuf) full_pixels = NULL, small_pixels = NULL;

        g_test_message ("orientation %d, %s", o, big_endian ? "big-endian" : "little-endian");
        g_assert_cmpint (gdk_pixbuf_get_width (raw), ==, o >= 5 && o <= 8 ? 300 : 400);
        /* A box so large that the photo stays at full size … */
        full = prepare_ok (bytes, 2000, 2000, NULL);
        g_assert_cmpint (full->decode_scale, ==, 1);
        full_pixels = decode_prepared (full);
        assert_marked_upright (full_pixels, 400, 300);
        /* … and one so small that libjpeg decodes at 1/4: the orientation must survive. */
        small = prepare_ok (bytes, 40, 40, NULL);
        g_assert_cmpint (small->decode_scale, ==, 4);
        small_pixels = decode_prepared (small);
        assert_marked_upright (small_pixels, 100, 75);
      }
}

static GBytes *
corrupt_exif_offset (GBytes *bytes)
{
  gsize size;
  gssize at = werk_test_find (bytes, "Exif\0\0II", 8);
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &size);

  g_assert_cmpint (at, >=, 0);
  /* IFD0 far beyond the segment's end. */
  memset (data + at + 10, 0xff, 4);
  return g_bytes_new_take (data, size);
}

static void
test_orientation_garbage (void)
{
  g_autoptr (GBytes) good = werk_test_jpeg_marked (400, 300, 1);
  g_autoptr (GBytes) bytes = corrupt_exif_offset (good);
  g_autoptr (WerkImage) image = prepare_ok (bytes, 2000, 2000, NULL);
  g_autoptr (GdkPixbuf) pixels = decode_prepared (image);
  WerkImageInfo info;

  assert_marked_upright (pixels, 400, 300);
  g_assert_true (werk_image_get_info (bytes, &info, NULL));
  g_assert_cmpint (info.orientation, ==, 1);
}

static void
test_user_rotation (void)
{
  g_autoptr (GBytes) landscape = werk_test_jpeg_marked (400, 300, -1);
  g_autoptr (GBytes) phone = werk_test_jpeg_marked (400, 300, 6);
  WerkImageOptions options;
  g_autoptr (WerkImage) turned = NULL, twice = NULL;
  g_autoptr (GdkPixbuf) turned_pixels = NULL, twice_pixels = NULL;

  werk_image_options_init (&options);
  options.rotation = 90;
  turned = prepare_ok (landscape, 2000, 2000, &options);
  turned_pixels = decode_prepared (turned);
  /* Turned clockwise: a portrait photo, red now top-right and blue bottom-right. */
  g_assert_cmpint (turned->width, ==, 300);
  g_assert_cmpint (turned->height, ==, 400);
  g_assert_cmpfloat (turned->height_pt, >, turned->width_pt);
  g_assert_true (werk_test_corner_is (turned_pixels, 1, 60, WERK_TEST_RED, 40));
  g_assert_true (werk_test_corner_is (turned_pixels, 2, 60, WERK_TEST_BLUE, 40));

  /* On top of EXIF orientation 6, the user's 180° turns the upright photo upside down. */
  options.rotation = -180;
  twice = prepare_ok (phone, 2000, 2000, &options);
  twice_pixels = decode_prepared (twice);
  g_assert_cmpint (twice->width, ==, 400);
  g_assert_true (werk_test_corner_is (twice_pixels, 2, 60, WERK_TEST_RED, 40));
  g_assert_true (werk_test_corner_is (twice_pixels, 3, 60, WERK_TEST_BLUE, 40));
}

/* A realistic 12 MP phone photo: texture, so that JPEG decoding costs what it does in life. */
static GBytes *
phone_photo (int width, int height, int orientation)
{
  g_autoptr (GdkPixbuf) upright = werk_test_pixbuf_flipchart (width, height, NULL, NULL, NULL);
  g_autoptr (GdkPixbuf) stored = werk_test_pixbuf_stored_for_orientation (upright, orientation);
  g_autoptr (GBytes) plain = werk_test_jpeg_encode (stored, 90);

  return werk_test_jpeg_insert_exif (plain, orientation, FALSE);
}

static void
assert_fits (const WerkImage *image, double box_w, double box_h)
{
  g_assert_cmpfloat (image->width_pt, <=, box_w + 1e-6);
  g_assert_cmpfloat (image->height_pt, <=, box_h + 1e-6);
  g_assert_true (fabs (image->width_pt - box_w) < 0.01 || fabs (image->height_pt - box_h) < 0.01);
  g_assert_cmpfloat_with_epsilon (image->width_pt / image->height_pt,
                                  (double) image->width / image->height, 1e-6);
}

static void
test_dct_scale_a4 (void)
{
  g_autoptr (GBytes) landscape = phone_photo (4032, 3024, 1);
  g_autoptr (GBytes) portrait = phone_photo (3024, 4032, 6);
  g_autoptr (WerkImage) image = NULL, tall = NULL, across = NULL;
  gint64 start = g_get_monotonic_time ();

  /* 3024 px over 595 pt are 366 dpi; half of that is inside the band, a quarter is not. */
  image = prepare_ok (landscape, A4_LONG, A4_SHORT, NULL);
  g_test_message ("4032x3024 JPEG (%zu bytes) to A4: %.1f ms, %zu bytes out",
                  g_bytes_get_size (landscape), (g_get_monotonic_time () - start) / 1000.0,
                  g_bytes_get_size (image->jpeg));
  g_assert_cmpint (image->decode_scale, ==, 2);
  g_assert_false (image->resampled);
  g_assert_cmpint (image->width, ==, 2016);
  g_assert_cmpint (image->height, ==, 1512);
  g_assert_cmpfloat (image->dpi, >=, 150);
  g_assert_cmpfloat (image->dpi, <=, 200);
  assert_fits (image, A4_LONG, A4_SHORT);
  g_assert_cmpfloat_with_epsilon (image->height_pt, A4_SHORT, 1e-6);

  /* Held upright (EXIF 6), the same photo is 4032 px over 595 pt: 488 dpi, 244 at half,
   * 122 at a quarter; so half, then resampled down to 170 dpi. */
  start = g_get_monotonic_time ();
  tall = prepare_ok (portrait, A4_LONG, A4_SHORT, NULL);
  g_test_message ("portrait 3024x4032 to A4 landscape: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (tall->decode_scale, ==, 2);
  g_assert_true (tall->resampled);
  g_assert_cmpint (tall->height, ==, 1405); /* 595 pt = 8.26 in at 170 dpi */
  g_assert_cmpint (tall->width, ==, 1054);
  g_assert_cmpfloat_with_epsilon (tall->dpi, 170, 0.5);
  assert_fits (tall, A4_LONG, A4_SHORT);

  /* Two photos side by side on a page: a quarter is enough. */
  across = prepare_ok (landscape, 400, 300, NULL);
  g_assert_cmpint (across->decode_scale, ==, 4);
  g_assert_cmpint (across->width, ==, 1008);
  g_assert_cmpfloat (across->dpi, >=, 150);
  g_assert_cmpfloat (across->dpi, <=, 200);
}

static GdkPixbuf *
djpeg_scaled (GBytes *jpeg, const char *scale)
{
  const char *argv[] = { "djpeg", "-scale", scale, "-ppm", "-outfile", "OUT", "IN", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) ppm = werk_test_run_tool (jpeg, "in.jpg", "out.ppm", argv, &error);

  if (ppm == NULL)
    return NULL;
  return werk_test_decode (ppm);
}

static double
time_decode_at (GBytes *bytes, int width, int height)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  gint64 start = g_get_monotonic_time ();

  gdk_pixbuf_loader_set_size (loader, width, height);
  gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);
  gdk_pixbuf_loader_close (loader, NULL);
  /* A resample happens lazily, when the pixbuf is asked for. */
  g_assert_cmpint (gdk_pixbuf_get_width (gdk_pixbuf_loader_get_pixbuf (loader)), ==, width);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The reduced decode is libjpeg's own DCT scaling, pixel for pixel, not a resample. */
static void
test_dct_no_resample (void)
{
  g_autoptr (GBytes) bytes = phone_photo (4032, 3024, 1);
  g_autoptr (GdkPixbuf) ours = werk_image_decode (bytes, 2, NULL);
  g_autoptr (GdkPixbuf) reference = djpeg_scaled (bytes, "1/2");
  const guint8 *a, *b;
  int stride_a, stride_b, worst = 0;

  g_test_message ("decode 4032x3024: full %.1f ms, exactly 1/2 %.1f ms, 1/4 %.1f ms, "
                  "1 px off 1/2 (gdk-pixbuf resamples) %.1f ms",
                  time_decode_at (bytes, 4032, 3024), time_decode_at (bytes, 2016, 1512),
                  time_decode_at (bytes, 1008, 756), time_decode_at (bytes, 2015, 1511));
  g_assert_cmpint (gdk_pixbuf_get_width (ours), ==, 2016);
  g_assert_cmpint (gdk_pixbuf_get_height (ours), ==, 1512);
  if (reference == NULL)
    {
      g_test_skip ("djpeg (libjpeg-turbo-progs) is not available");
      return;
    }
  g_assert_cmpint (gdk_pixbuf_get_width (reference), ==, 2016);
  a = gdk_pixbuf_read_pixels (ours), b = gdk_pixbuf_read_pixels (reference);
  stride_a = gdk_pixbuf_get_rowstride (ours), stride_b = gdk_pixbuf_get_rowstride (reference);
  for (int y = 0; y < 1512; y++)
    for (int x = 0; x < 2016 * 3; x++)
      worst = MAX (worst, abs (a[(gsize) y * stride_a + x] - b[(gsize) y * stride_b + x]));
  g_test_message ("largest difference to djpeg -scale 1/2: %d", worst);
  g_assert_cmpint (worst, <=, 1);
}

static void
test_small_original (void)
{
  g_autoptr (GBytes) bytes = werk_test_jpeg_marked (400, 300, 1);
  g_autoptr (WerkImage) image = prepare_ok (bytes, A4_LONG, A4_SHORT, NULL);

  /* Never scaled up: the print resolution is simply low. */
  g_assert_cmpint (image->decode_scale, ==, 1);
  g_assert_false (image->resampled);
  g_assert_cmpint (image->width, ==, 400);
  g_assert_cmpfloat (image->dpi, <, 50);
  assert_fits (image, A4_LONG, A4_SHORT);
}

/* What libharu embeds must be a plain baseline JPEG without EXIF to turn it again. */
static void
test_output_is_baseline (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) marked = werk_test_jpeg_marked (400, 300, 6);
  g_autoptr (GBytes) progressive = werk_test_jpeg_progressive (marked, &error);
  g_autoptr (WerkImage) image = NULL;

  g_assert_no_error (error);
  image = prepare_ok (progressive, 2000, 2000, NULL);
  g_assert_cmpint (werk_test_find (image->jpeg, "\xff\xc0", 2), >, 0);
  g_assert_cmpint (werk_test_find (image->jpeg, "\xff\xc2", 2), <, 0);
  g_assert_cmpint (werk_test_find (image->jpeg, "Exif", 4), <, 0);
}

static void
test_progressive (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) marked = werk_test_jpeg_marked (800, 600, 8);
  g_autoptr (GBytes) bytes = werk_test_jpeg_progressive (marked, &error);
  g_autoptr (WerkImage) image = NULL;
  g_autoptr (GdkPixbuf) pixels = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (werk_test_find (bytes, "\xff\xc2", 2), >, 0);
  image = prepare_ok (bytes, 80, 80, NULL);
  g_assert_cmpint (image->decode_scale, ==, 4);
  pixels = decode_prepared (image);
  assert_marked_upright (pixels, 200, 150);
}

static void
test_cmyk (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) marked = werk_test_pixbuf_marked (400, 300);
  g_autoptr (GBytes) bytes = werk_test_jpeg_cmyk (marked, &error);
  g_autoptr (WerkImage) image = NULL;
  g_autoptr (GdkPixbuf) pixels = NULL;

  if (bytes == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_cmpint (werk_test_find (bytes, "Adobe", 5), >, 0);
  image = prepare_ok (bytes, 2000, 2000, NULL);
  pixels = decode_prepared (image);
  /* Inverted CMYK would show white as black and red as cyan. */
  assert_marked_upright (pixels, 400, 300);
  g_assert_cmpfloat (werk_test_mean_luma (pixels, 150, 100, 100, 100), >, 240);
}

static void
test_greyscale (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) marked = werk_test_pixbuf_marked (400, 300);
  g_autoptr (GBytes) bytes = werk_test_jpeg_grey (marked, &error);
  g_autoptr (WerkImage) image = NULL;
  g_autoptr (GdkPixbuf) pixels = NULL;
  double red[3], white[3];

  if (bytes == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  image = prepare_ok (bytes, 2000, 2000, NULL);
  pixels = decode_prepared (image);
  werk_test_mean_rgb (pixels, 15, 15, 30, 30, red);
  werk_test_mean_rgb (pixels, 150, 100, 100, 100, white);
  /* Red in grey is dark grey; paper stays white; no colour appears. */
  g_assert_cmpfloat (fabs (red[0] - red[1]), <, 4);
  g_assert_cmpfloat (fabs (red[1] - red[2]), <, 4);
  g_assert_cmpfloat (red[1], >, 40);
  g_assert_cmpfloat (red[1], <, 120);
  g_assert_cmpfloat (white[1], >, 245);
}

static void
test_png_alpha (void)
{
  g_autoptr (GBytes) bytes = werk_test_png_alpha (300, 300);
  g_autoptr (WerkImage) image = prepare_ok (bytes, 2000, 2000, NULL);
  g_autoptr (GdkPixbuf) pixels = decode_prepared (image);
  double band[3];

  g_assert_true (werk_test_corner_is (pixels, 0, 60, WERK_TEST_RED, 30));
  g_assert_true (werk_test_corner_is (pixels, 2, 60, WERK_TEST_WHITE, 4));
  g_assert_true (werk_test_corner_is (pixels, 3, 60, WERK_TEST_WHITE, 4));
  /* Half-transparent black over white paper is middle grey. */
  werk_test_mean_rgb (pixels, 100, 120, 100, 60, band);
  g_assert_cmpfloat (fabs (band[1] - 127), <, 6);
}

static void
check_other_format (const char *format, const char *mime)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) marked = werk_test_pixbuf_marked (400, 300);
  g_autoptr (GBytes) bytes = werk_test_convert (marked, format, &error);
  g_autoptr (WerkImage) image = NULL;
  g_autoptr (GdkPixbuf) pixels = NULL;
  WerkImageInfo info;

  if (bytes == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  image = werk_image_prepare (bytes, 100, 100, NULL, &error);
  if (g_error_matches (error, WERK_ERROR, WERK_ERROR_PHOTO))
    {
      g_autofree char *why =
          g_strdup_printf ("no %s loader for gdk-pixbuf: %s", format, error->message);
      g_test_skip (why);
      return;
    }
  g_assert_no_error (error);
  pixels = decode_prepared (image);
  /* 400 px over 100 pt are 288 dpi; no DCT here, so resampled to 170 dpi. */
  g_assert_true (image->resampled);
  assert_marked_upright (pixels, 236, 177);
  g_assert_true (werk_image_get_info (bytes, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.width, ==, 400);
  g_assert_cmpstr (info.mime_type, ==, mime);
}

static void
test_heic (void)
{
  check_other_format ("heic", "image/heif");
}

static void
test_webp (void)
{
  check_other_format ("webp", "image/webp");
}

static void
test_tiff (void)
{
  check_other_format ("tiff", "image/tiff");
}

static void
assert_broken (GBytes *bytes, const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkImage) image = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;

  g_test_message ("%s", what);
  image = werk_image_prepare (bytes, A4_LONG, A4_SHORT, NULL, &error);
  g_assert_null (image);
  g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_test_message ("  -> %s", error->message);
  g_clear_error (&error);
  pixbuf = werk_image_decode (bytes, 2, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
}

/* Formats ImageMagick writes and gdk-pixbuf reads through plug-in loaders, cut in half. */
static void
assert_broken_when_cut (const char *format)
{
  g_autoptr (GdkPixbuf) chart = werk_test_pixbuf_flipchart (400, 300, NULL, NULL, NULL);
  g_autoptr (GBytes) whole = werk_test_convert (chart, format, NULL);
  g_autoptr (GBytes) half = NULL;
  g_autofree char *what = g_strdup_printf ("%s cut in half", format);

  if (whole == NULL)
    {
      g_test_message ("ImageMagick cannot write %s; not checked", format);
      return;
    }
  half = werk_test_truncate (whole, g_bytes_get_size (whole) / 2);
  assert_broken (half, what);
}

static void
test_broken (void)
{
  g_autoptr (GBytes) photo = phone_photo (4032, 3024, 6);
  g_autoptr (GBytes) png = werk_test_png_alpha (300, 300);
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) text = werk_test_not_an_image ();
  g_autoptr (GBytes) half = werk_test_truncate (photo, g_bytes_get_size (photo) / 2);
  g_autoptr (GBytes) all_but_end = werk_test_truncate (photo, g_bytes_get_size (photo) - 2);
  g_autoptr (GBytes) header_only = werk_test_truncate (photo, 100);
  g_autoptr (GBytes) png_half = werk_test_truncate (png, g_bytes_get_size (png) / 2);
  g_autofree char *fixture = NULL;
  g_autoptr (GBytes) renamed = NULL;
  static const guint8 jpeg_garbage[] = { 0xff, 0xd8, 0xff, 0xda, 0x00, 0x02,
                                         0x13, 0x37, 0x00, 0x00, 0xff, 0xd9 };
  g_autoptr (GBytes) garbage = g_bytes_new_static (jpeg_garbage, sizeof jpeg_garbage);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  assert_broken (empty, "zero bytes");
  assert_broken (text, "text");
  assert_broken (half, "JPEG cut in half");
  assert_broken (all_but_end, "JPEG without its last two bytes");
  assert_broken (header_only, "JPEG cut in its header");
  assert_broken (png_half, "PNG cut in half");
  assert_broken (garbage, "JPEG signature with garbage");
  assert_broken_when_cut ("webp");
  assert_broken_when_cut ("heic");
  assert_broken_when_cut ("tiff");

  fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "image-not-a-photo.jpg", NULL);
  g_file_get_contents (fixture, &contents, &size, &error);
  g_assert_no_error (error);
  renamed = g_bytes_new_take (contents, size);
  assert_broken (renamed, "text file renamed .jpg");
}

static void
test_info (void)
{
  g_autoptr (GBytes) jpeg = werk_test_jpeg_marked (400, 300, 6);
  g_autoptr (GBytes) png = werk_test_png_alpha (120, 80);
  g_autoptr (GBytes) text = werk_test_not_an_image ();
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr (GError) error = NULL;
  WerkImageInfo info;

  g_assert_true (werk_image_get_info (jpeg, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.width, ==, 400);
  g_assert_cmpint (info.height, ==, 300);
  g_assert_cmpint (info.orientation, ==, 6);
  g_assert_cmpstr (info.mime_type, ==, "image/jpeg");

  g_assert_true (werk_image_get_info (png, &info, &error));
  g_assert_cmpint (info.width, ==, 120);
  g_assert_cmpint (info.height, ==, 80);
  g_assert_cmpint (info.orientation, ==, 1);
  g_assert_cmpstr (info.mime_type, ==, "image/png");

  g_assert_false (werk_image_get_info (text, &info, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
  g_clear_error (&error);
  g_assert_false (werk_image_get_info (empty, &info, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_PHOTO);
}

static void
save_for_looking (GBytes *jpeg, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (
      g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));
  g_test_message ("wrote %s", path);
}

/* The brightest channel anywhere in the block filled in below: it must stay dark all over,
 * without a lighter or coloured glow in its middle. */
static double
block_brightest (GdkPixbuf *pixbuf)
{
  double brightest = 0, rgb[3];

  for (int y = 910; y < 1080; y += 20)
    for (int x = 110; x < 320; x += 20)
      {
        werk_test_mean_rgb (pixbuf, x, y, 20, 20, rgb);
        brightest = MAX (brightest, MAX (rgb[0], MAX (rgb[1], rgb[2])));
      }
  return brightest;
}

static void
test_clean_up (void)
{
  WerkTestRect black, red, blue;
  g_autoptr (GdkPixbuf) photo = werk_test_pixbuf_flipchart (1600, 1200, &black, &red, &blue);
  g_autoptr (GdkPixbuf) block = gdk_pixbuf_new_subpixbuf (photo, 100, 900, 240, 200);
  g_autoptr (GBytes) bytes = NULL;
  WerkImageOptions options;
  g_autoptr (WerkImage) plain = NULL, clean = NULL;
  g_autoptr (GdkPixbuf) before = NULL, after = NULL;
  double ink[3], dark_before, dark_after, lit_after;
  gint64 start;

  /* A heading coloured in with a black marker, wider than the paper estimate's cells. */
  gdk_pixbuf_fill (block, 0x1a1917ff); /* black ink under the same yellowish light */
  bytes = werk_test_jpeg_encode (photo, 90);
  werk_image_options_init (&options);
  plain = prepare_ok (bytes, 2000, 2000, &options);
  options.clean_up = TRUE;
  start = g_get_monotonic_time ();
  clean = prepare_ok (bytes, 2000, 2000, &options);
  g_test_message ("1600x1200 prepared with clean-up: %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  save_for_looking (plain->jpeg, "image-flipchart-before.jpg");
  save_for_looking (clean->jpeg, "image-flipchart-after.jpg");
  before = decode_prepared (plain);
  after = decode_prepared (clean);

  /* The dim bottom-right paper comes up to white, like the lit top. */
  dark_before = werk_test_mean_luma (before, 1450, 1050, 100, 100);
  dark_after = werk_test_mean_luma (after, 1450, 1050, 100, 100);
  lit_after = werk_test_mean_luma (after, 300, 150, 100, 40);
  g_test_message ("paper in the dim corner: %.0f before, %.0f after; lit: %.0f", dark_before,
                  dark_after, lit_after);
  g_assert_cmpfloat (dark_before, <, 150);
  g_assert_cmpfloat (dark_after, >, 240);
  g_assert_cmpfloat (lit_after, >, 240);

  /* Strokes keep their ink: black stays dark, red and blue stay (or get more) coloured. */
  g_test_message ("filled block: %.0f before, at most %.0f after",
                  werk_test_mean_luma (before, 200, 980, 40, 40), block_brightest (after));
  g_assert_cmpfloat (block_brightest (after), <, 30);
  g_assert_cmpfloat (
      werk_test_mean_luma (after, black.x + black.width / 2, black.y + 2, 40, black.height - 4), <,
      50);
  werk_test_mean_rgb (after, red.x + red.width / 2, red.y + 2, 40, red.height - 4, ink);
  g_test_message ("red ink after: %.0f %.0f %.0f", ink[0], ink[1], ink[2]);
  g_assert_cmpfloat (ink[0], >, 160);
  g_assert_cmpfloat (ink[0] - MAX (ink[1], ink[2]), >, 100);
  werk_test_mean_rgb (after, blue.x + 2, blue.y + blue.height / 2, blue.width - 4, 40, ink);
  g_test_message ("blue ink after: %.0f %.0f %.0f", ink[0], ink[1], ink[2]);
  g_assert_cmpfloat (ink[2] - MAX (ink[0], ink[1]), >, 80);
}

/* What the clean-up costs on its own, at the size of an A4 page's photo. */
static void
test_clean_up_time (void)
{
  g_autoptr (GBytes) bytes = phone_photo (4032, 3024, 1);
  WerkImageOptions options = { 0 };
  double without, with;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (WerkImage) plain = prepare_ok (bytes, A4_LONG, A4_SHORT, &options);
  g_autoptr (WerkImage) clean = NULL;

  without = (g_get_monotonic_time () - start) / 1000.0;
  options.clean_up = TRUE;
  start = g_get_monotonic_time ();
  clean = prepare_ok (bytes, A4_LONG, A4_SHORT, &options);
  with = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("4032x3024 to A4 (%dx%d): %.1f ms, with clean-up %.1f ms; %zu and %zu bytes",
                  clean->width, clean->height, without, with, g_bytes_get_size (plain->jpeg),
                  g_bytes_get_size (clean->jpeg));
  g_assert_cmpint (clean->width, ==, plain->width);
  /* White paper compresses better than grainy grey paper. */
  g_assert_cmpuint (g_bytes_get_size (clean->jpeg), <, g_bytes_get_size (plain->jpeg));
}

static void
test_quality (void)
{
  g_autoptr (GdkPixbuf) photo = werk_test_pixbuf_flipchart (800, 600, NULL, NULL, NULL);
  g_autoptr (GBytes) bytes = werk_test_jpeg_encode (photo, 95);
  WerkImageOptions options = { .quality = 30 };
  g_autoptr (WerkImage) low = prepare_ok (bytes, 2000, 2000, &options);
  g_autoptr (WerkImage) normal = prepare_ok (bytes, 2000, 2000, NULL);

  g_assert_cmpuint (g_bytes_get_size (low->jpeg), <, g_bytes_get_size (normal->jpeg) * 3 / 4);
}

typedef struct
{
  GBytes *bytes;
  WerkImageOptions options;
  GBytes *expected;
} Job;

static gpointer
run_jobs (gpointer data)
{
  Job *jobs = data;

  for (int round = 0; round < 3; round++)
    for (int i = 0; jobs[i].bytes; i++)
      {
        g_autoptr (WerkImage) image =
            werk_image_prepare (jobs[i].bytes, 300, 300, &jobs[i].options, NULL);

        if (image == NULL || !g_bytes_equal (image->jpeg, jobs[i].expected))
          return GINT_TO_POINTER (FALSE);
      }
  return GINT_TO_POINTER (TRUE);
}

/* The protocol prepares photos on several worker threads: same results as one at a time. */
static void
test_threads (void)
{
  g_autoptr (GdkPixbuf) chart = werk_test_pixbuf_flipchart (1200, 900, NULL, NULL, NULL);
  Job jobs[5] = {
    { werk_test_jpeg_marked (1600, 1200, 6), { 0 } },
    { werk_test_jpeg_encode (chart, 90), { .clean_up = TRUE } },
    { werk_test_png_alpha (500, 400), { .rotation = 90 } },
    { werk_test_jpeg_marked (900, 1200, 3), { .dpi = 150 } },
  };
  GThread *threads[4];

  for (int i = 0; jobs[i].bytes; i++)
    {
      g_autoptr (WerkImage) image = prepare_ok (jobs[i].bytes, 300, 300, &jobs[i].options);

      jobs[i].expected = g_bytes_ref (image->jpeg);
    }
  for (int t = 0; t < 4; t++)
    threads[t] = g_thread_new ("prepare", run_jobs, jobs);
  for (int t = 0; t < 4; t++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[t])));
  for (int i = 0; jobs[i].bytes; i++)
    {
      g_bytes_unref (jobs[i].bytes);
      g_bytes_unref (jobs[i].expected);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/orientation/exif", test_orientation);
  g_test_add_func ("/image/orientation/garbage", test_orientation_garbage);
  g_test_add_func ("/image/orientation/user-rotation", test_user_rotation);
  g_test_add_func ("/image/size/dct-scale-a4", test_dct_scale_a4);
  g_test_add_func ("/image/size/dct-no-resample", test_dct_no_resample);
  g_test_add_func ("/image/size/small-original", test_small_original);
  g_test_add_func ("/image/output/baseline", test_output_is_baseline);
  g_test_add_func ("/image/output/quality", test_quality);
  g_test_add_func ("/image/formats/progressive", test_progressive);
  g_test_add_func ("/image/formats/cmyk", test_cmyk);
  g_test_add_func ("/image/formats/greyscale", test_greyscale);
  g_test_add_func ("/image/formats/png-alpha", test_png_alpha);
  g_test_add_func ("/image/formats/heic", test_heic);
  g_test_add_func ("/image/formats/webp", test_webp);
  g_test_add_func ("/image/formats/tiff", test_tiff);
  g_test_add_func ("/image/broken", test_broken);
  g_test_add_func ("/image/info", test_info);
  g_test_add_func ("/image/clean-up/result", test_clean_up);
  g_test_add_func ("/image/clean-up/time", test_clean_up_time);
  g_test_add_func ("/image/threads", test_threads);

  return g_test_run ();
}
