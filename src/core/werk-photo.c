/* werk-photo.c: photos inside the .werkstatt file: original bytes, a thumbnail, size and format.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>

#include <stdlib.h>

#include "werk-private.h"

#define THUMBNAIL_SIZE 256

typedef struct
{
  int width, height;
} Probe;

/* Decoding at 1/2, 1/4 or 1/8 happens in the JPEG DCT and is far cheaper than a full decode. */
static void
size_prepared_cb (GdkPixbufLoader *loader, int width, int height, Probe *probe)
{
  int scale = 1;

  probe->width = width;
  probe->height = height;
  while (scale < 8 && MAX (width, height) / (scale * 2) >= THUMBNAIL_SIZE)
    scale *= 2;
  if (scale > 1)
    gdk_pixbuf_loader_set_size (loader, width / scale, height / scale);
}

static GdkPixbuf *
flatten (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  GdkPixbuf *white;

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);
  /* Transparent areas would turn black in a JPEG: put the picture on white paper. */
  white = gdk_pixbuf_composite_color_simple (pixbuf, w, h, GDK_INTERP_NEAREST, 255, 8, 0xffffff,
                                             0xffffff);
  return white;
}

static GBytes *
make_thumbnail (GdkPixbuf *decoded)
{
  g_autoptr (GdkPixbuf) upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  g_autoptr (GdkPixbuf) flat = flatten (upright);
  int w = gdk_pixbuf_get_width (flat), h = gdk_pixbuf_get_height (flat);
  double scale = MIN (1.0, (double) THUMBNAIL_SIZE / MAX (w, h));
  g_autoptr (GdkPixbuf) small =
      gdk_pixbuf_scale_simple (flat, MAX (1, w * scale), MAX (1, h * scale), GDK_INTERP_BILINEAR);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_save_to_buffer (small, &buffer, &size, "jpeg", NULL, "quality", "80", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

void
_werk_photo_info_clear (WerkPhotoInfo *info)
{
  g_clear_pointer (&info->mime, g_free);
  g_clear_pointer (&info->thumbnail, g_bytes_unref);
}

gboolean
_werk_photo_probe (GBytes *bytes, WerkPhotoInfo *info, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) types = NULL;
  Probe probe = { 0 };
  GdkPixbufFormat *format;
  GdkPixbuf *pixbuf = NULL;
  const char *option;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &probe);
  if (size > 0 && gdk_pixbuf_loader_write (loader, data, size, &local))
    {
      if (gdk_pixbuf_loader_close (loader, &local))
        pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
    }
  else
    gdk_pixbuf_loader_close (loader, NULL);
  if (pixbuf == NULL)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_PHOTO, _ ("It is not a picture (%s)."),
                   local ? local->message : _ ("the file is empty"));
      return FALSE;
    }
  format = gdk_pixbuf_loader_get_format (loader);
  types = format ? gdk_pixbuf_format_get_mime_types (format) : NULL;
  info->mime = g_strdup (types && types[0] ? types[0] : "application/octet-stream");
  option = gdk_pixbuf_get_option (pixbuf, "orientation");
  info->width = probe.width;
  info->height = probe.height;
  info->orientation = option ? CLAMP (atoi (option), 0, 8) : 1;
  info->thumbnail = make_thumbnail (pixbuf);
  return TRUE;
}

gboolean
_werk_photo_write_data (WerkStore *store, WerkPhoto *photo, GBytes *bytes,
                        const WerkPhotoInfo *info, GError **error)
{
  sqlite3_stmt *stmt;
  gsize size, thumb_size = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  const void *thumb = info->thumbnail ? g_bytes_get_data (info->thumbnail, &thumb_size) : NULL;

  stmt = _werk_store_prepare (store,
                              "UPDATE photo SET data = ?, thumbnail = ?, mime = ?, width = ?, "
                              "height = ?, orientation = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob64 (stmt, 1, data ? data : "", size, SQLITE_STATIC);
  if (thumb)
    sqlite3_bind_blob64 (stmt, 2, thumb, thumb_size, SQLITE_STATIC);
  if (info->mime)
    sqlite3_bind_text (stmt, 3, info->mime, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, info->width);
  sqlite3_bind_int (stmt, 5, info->height);
  sqlite3_bind_int (stmt, 6, info->orientation);
  sqlite3_bind_text (stmt, 7, werk_record_get_id (WERK_RECORD (photo)), -1, SQLITE_STATIC);
  return _werk_store_check_sqlite (store, sqlite3_step (stmt), error);
}

typedef struct
{
  WerkWorkshop *workshop;
  GBytes *bytes;
  const char *filename;
  WerkPhotoInfo info;
  WerkPhoto *photo;
} AddPhoto;

static gboolean
add_photo_func (WerkStore *store, gpointer data, GError **error)
{
  AddPhoto *add = data;

  add->photo = (WerkPhoto *) werk_store_add (store, WERK_KIND_PHOTO, WERK_RECORD (add->workshop),
                                             error, "file", add->filename, "consent", "true", NULL);
  return add->photo && _werk_photo_write_data (store, add->photo, add->bytes, &add->info, error);
}

WerkPhoto *
werk_store_add_photo (WerkStore *self, WerkWorkshop *workshop, GBytes *bytes, const char *filename,
                      GError **error)
{
  AddPhoto add = { workshop, bytes, filename ? filename : "" };
  g_autoptr (GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (WERK_IS_STORE (self), NULL);
  g_return_val_if_fail (WERK_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (!_werk_photo_probe (bytes, &add.info, &local))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_PHOTO,
                   _ ("“%s” can’t be added: %s Nothing was changed."), add.filename,
                   local->message);
      return NULL;
    }
  ok = werk_store_run (self, add_photo_func, &add, NULL, error);
  _werk_photo_info_clear (&add.info);
  return ok ? add.photo : NULL;
}

static GBytes *
load_blob (WerkPhoto *self, const char *sql, GError **error)
{
  WerkStore *store = werk_record_get_store (WERK_RECORD (self));
  sqlite3_stmt *stmt = _werk_store_prepare (store, sql, error);
  GBytes *bytes = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, werk_record_get_id (WERK_RECORD (self)), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_ROW)
    bytes = g_bytes_new (NULL, 0);
  else
    _werk_store_check_sqlite (store, rc, error);
  sqlite3_reset (stmt);
  return bytes;
}

GBytes *
werk_photo_load_bytes (WerkPhoto *self, GError **error)
{
  g_return_val_if_fail (WERK_IS_PHOTO (self), NULL);
  return load_blob (self, "SELECT data FROM photo WHERE id = ?", error);
}

GBytes *
werk_photo_load_thumbnail (WerkPhoto *self)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (WERK_IS_PHOTO (self), NULL);
  bytes = load_blob (self, "SELECT thumbnail FROM photo WHERE id = ?", NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;
  return g_steal_pointer (&bytes);
}
