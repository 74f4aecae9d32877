/* werk-workshop-editor.h: one workshop: details, participants, agenda, tables, and its start.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_WORKSHOP_EDITOR (werk_workshop_editor_get_type ())
G_DECLARE_FINAL_TYPE (WerkWorkshopEditor, werk_workshop_editor, WERK, WORKSHOP_EDITOR, AdwBin)

void werk_workshop_editor_set_workshop (WerkWorkshopEditor *self, WerkWorkshop *workshop);
WerkWorkshop *werk_workshop_editor_get_workshop (WerkWorkshopEditor *self);
void werk_workshop_editor_focus (WerkWorkshopEditor *self);

G_END_DECLS
