/* werk-photos-page.h: the photos of a workshop as a grid; import by file chooser or drag and drop.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_PHOTOS_PAGE (werk_photos_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkPhotosPage, werk_photos_page, WERK, PHOTOS_PAGE, AdwBin)

void werk_photos_page_set_store (WerkPhotosPage *self, WerkStore *store);
/* Adds the files (GFiles) to the workshop shown, in the background. */
void werk_photos_page_import (WerkPhotosPage *self, GListModel *files);

G_END_DECLS
