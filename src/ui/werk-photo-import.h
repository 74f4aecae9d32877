/* werk-photo-import.h: adding many photos to a workshop without blocking the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_PHOTO_IMPORT (werk_photo_import_get_type ())
G_DECLARE_FINAL_TYPE (WerkPhotoImport, werk_photo_import, WERK, PHOTO_IMPORT, GObject)

/* Reads each of @files (GFiles) asynchronously and adds it to @workshop from an idle callback,
 * one at a time, so the window stays responsive. Emits "progress" (done, total) after each and
 * "finished" at the end. */
WerkPhotoImport *werk_photo_import_new (WerkStore *store, WerkWorkshop *workshop,
                                        GListModel *files);
void werk_photo_import_start (WerkPhotoImport *self);
void werk_photo_import_cancel (WerkPhotoImport *self);

guint werk_photo_import_get_n_added (WerkPhotoImport *self);
/* One line per file that could not be added: "name: reason". */
GPtrArray *werk_photo_import_get_failures (WerkPhotoImport *self);
/* The names of the files that could not be added, for a short message. */
char *werk_photo_import_get_failed_names (WerkPhotoImport *self);

G_END_DECLS
