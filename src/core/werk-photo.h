/* werk-photo.h: photos kept inside the .werkstatt file: original bytes plus a thumbnail.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-store.h"

G_BEGIN_DECLS

/* Adds a photo to a workshop from its bytes; refuses bytes that are no readable image.
 * @filename is the name the user knows it by ("flipchart-3.jpg"). */
WerkPhoto *werk_store_add_photo (WerkStore *self, WerkWorkshop *workshop, GBytes *bytes,
                                 const char *filename, GError **error);
/* The original bytes as they were imported, read from the file on demand. */
GBytes *werk_photo_load_bytes (WerkPhoto *self, GError **error);
/* A JPEG of at most 256 px on its long side, upright; NULL for a broken photo. */
GBytes *werk_photo_load_thumbnail (WerkPhoto *self);

G_END_DECLS
