/* werk-image.h: photos made ready for print: upright, at print resolution, as compact JPEG.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

#define WERK_IMAGE_DEFAULT_DPI     170.0
#define WERK_IMAGE_DEFAULT_QUALITY 80

/* How one photo is prepared; zeroed fields mean the defaults. */
typedef struct
{
  double dpi;        /* print resolution aimed at; 0 means WERK_IMAGE_DEFAULT_DPI (170) */
  int rotation;      /* the user's extra turn, clockwise: 0, 90, 180 or 270 */
  gboolean clean_up; /* flipchart clean-up: even white paper, stronger marker colours */
  int quality;       /* JPEG quality 1–100; 0 means WERK_IMAGE_DEFAULT_QUALITY (80) */
} WerkImageOptions;

/* A photo ready to embed (HPDF_LoadJpegImageFromMem) and draw at width_pt × height_pt. */
typedef struct
{
  GBytes *jpeg; /* baseline RGB JPEG, upright, no EXIF */
  int width;    /* pixels of @jpeg */
  int height;
  double width_pt; /* the photo fitted into the box, aspect kept; never larger than the box */
  double height_pt;
  double dpi;         /* resulting print resolution; below the target only for small originals */
  int decode_scale;   /* 1, 2, 4 or 8: the DCT reduction libjpeg decoded at (1 for non-JPEG) */
  gboolean resampled; /* TRUE if pixels were resampled after decoding to come down to the dpi */
} WerkImage;

/* The defaults: 170 dpi, no extra rotation, no clean-up, quality 80. */
void werk_image_options_init (WerkImageOptions *options);

/* Turns the original bytes of a photo (JPEG incl. progressive/greyscale/CMYK, PNG, HEIC, WebP,
 * whatever gdk-pixbuf reads) into an upright JPEG for a box of @box_width_pt × @box_height_pt
 * points at 150–200 dpi (for the default target). EXIF orientation is applied, transparency
 * laid onto white. Bytes that are no complete image fail with WERK_ERROR_PHOTO, so that the
 * caller can draw a placeholder: that includes a JPEG, PNG, WebP or HEIC cut off before its end,
 * which gdk-pixbuf would show half grey without an error. @options may be NULL.
 * Safe to call from several threads at once. */
WerkImage *werk_image_prepare (GBytes *original, double box_width_pt, double box_height_pt,
                               const WerkImageOptions *options, GError **error);

void werk_image_free (WerkImage *image);

/* Decodes @original as stored (not yet upright; the "orientation" option is kept) at 1/@scale
 * of its size, @scale 1, 2, 4 or 8, done by libjpeg's DCT for JPEG without resampling; other
 * formats are decoded at full size. Same checks and errors as werk_image_prepare (). */
GdkPixbuf *werk_image_decode (GBytes *original, int scale, GError **error);

/* What the app shows about a photo, read from the headers without decoding the pixels. */
typedef struct
{
  int width; /* pixels, as seen upright (EXIF orientation applied) */
  int height;
  int orientation;       /* EXIF orientation 1–8; 1 when missing or unreadable */
  const char *mime_type; /* "image/jpeg", "image/png", …; interned, never free it */
} WerkImageInfo;

/* Fills @info from the start of @bytes; FALSE with WERK_ERROR_PHOTO if it is no image gdk-pixbuf
 * can read. Orientation is read from JPEG and TIFF; other formats report 1 (HEIC is turned
 * upright by its decoder). Does not notice truncation, which only a full decode reveals. */
gboolean werk_image_get_info (GBytes *bytes, WerkImageInfo *info, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WerkImage, werk_image_free)

G_END_DECLS
