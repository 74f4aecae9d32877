/* werk-test-images.h: generated photos for tests and benchmarks (markers, EXIF, odd formats).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* The marker colours of werk_test_pixbuf_marked (): red top-left, blue top-right, on white. */
#define WERK_TEST_RED   0xff0000
#define WERK_TEST_BLUE  0x0000ff
#define WERK_TEST_WHITE 0xffffff

typedef struct
{
  int x, y, width, height;
} WerkTestRect;

/* An opaque RGB image on white with a red square top-left and a blue square top-right, each a
 * fifth of the short side, so that every rotation and flip puts them somewhere else. */
GdkPixbuf *werk_test_pixbuf_marked (int width, int height);

/* @upright stored the way a camera would store it for EXIF orientation @orientation (1–8), so
 * that applying that orientation gives @upright back; 5–8 swap width and height. Pixel by pixel
 * from the EXIF definitions, independent of gdk-pixbuf's own transforms. */
GdkPixbuf *werk_test_pixbuf_stored_for_orientation (GdkPixbuf *upright, int orientation);

/* @pixbuf as baseline JPEG bytes (alpha dropped). */
GBytes *werk_test_jpeg_encode (GdkPixbuf *pixbuf, int quality);

/* @jpeg with an EXIF APP1 segment holding just the orientation tag with @value (any value, so
 * 0 and garbage can be tested), little-endian TIFF or, with @big_endian, big-endian. */
GBytes *werk_test_jpeg_insert_exif (GBytes *jpeg, int value, gboolean big_endian);

/* A marked photo of @width × @height as seen upright, stored for @orientation, with an EXIF
 * orientation tag of that value; @orientation -1 writes no EXIF at all, 0 writes the tag 0. */
GBytes *werk_test_jpeg_marked (int width, int height, int orientation);

/* @jpeg rewritten as progressive JPEG by jpegtran; NULL (with a reason) if that fails. */
GBytes *werk_test_jpeg_progressive (GBytes *jpeg, GError **error);

/* @pixbuf converted by ImageMagick to a CMYK JPEG (Adobe, as Photoshop writes them), a greyscale
 * JPEG, or any format ImageMagick writes ("heic", "webp", "tiff"); NULL if that fails. */
GBytes *werk_test_jpeg_cmyk (GdkPixbuf *pixbuf, GError **error);
GBytes *werk_test_jpeg_grey (GdkPixbuf *pixbuf, GError **error);
GBytes *werk_test_convert (GdkPixbuf *pixbuf, const char *format, GError **error);

/* A PNG of @width × @height that is fully transparent black, with a half-transparent black
 * band in the middle third and an opaque red square top-left. */
GBytes *werk_test_png_alpha (int width, int height);

/* The first @keep bytes of @bytes, as a photo cut off while copying. */
GBytes *werk_test_truncate (GBytes *bytes, gsize keep);

/* Plain text, as a text file somebody renamed to .jpg. */
GBytes *werk_test_not_an_image (void);

/* A greyish, unevenly lit photo of a flipchart: paper from about 120 (dark corner) to 210 grey
 * with a yellowish cast and noise, a black stroke along the middle row band, a red stroke and a
 * blue stroke. The strokes' rectangles are given back for sampling (any may be NULL). */
GdkPixbuf *werk_test_pixbuf_flipchart (int width, int height, WerkTestRect *black,
                                       WerkTestRect *red, WerkTestRect *blue);

/* Where @needle first occurs in @haystack, or -1. */
gssize werk_test_find (GBytes *haystack, const void *needle, gsize length);

/* Decodes image bytes fully, as stored; fails the test on error. */
GdkPixbuf *werk_test_decode (GBytes *bytes);

/* The mean colour (0–255 per channel) of a rectangle, clipped to the image. */
void werk_test_mean_rgb (GdkPixbuf *pixbuf, int x, int y, int width, int height, double rgb[3]);

/* The mean luma (Rec. 601, 0–255) of a rectangle. */
double werk_test_mean_luma (GdkPixbuf *pixbuf, int x, int y, int width, int height);

/* TRUE if the mean colour of a square of @size in the corner (0 top-left, 1 top-right,
 * 2 bottom-right, 3 bottom-left), inset by @size / 4, is within @tolerance of @rgb per channel. */
gboolean werk_test_corner_is (GdkPixbuf *pixbuf, int corner, int size, guint32 rgb, int tolerance);

G_END_DECLS
