/* werk-photo-editor.h: one photo: preview, turning, caption, agenda item, table and consent.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_PHOTO_EDITOR (werk_photo_editor_get_type ())
G_DECLARE_FINAL_TYPE (WerkPhotoEditor, werk_photo_editor, WERK, PHOTO_EDITOR, AdwBin)

void werk_photo_editor_set_photo (WerkPhotoEditor *self, WerkPhoto *photo);
WerkPhoto *werk_photo_editor_get_photo (WerkPhotoEditor *self);
void werk_photo_editor_focus (WerkPhotoEditor *self);

G_END_DECLS
