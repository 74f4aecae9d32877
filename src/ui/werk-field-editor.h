/* werk-field-editor.h: one field of action: its name, colour, challenges and guiding goals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_FIELD_EDITOR (werk_field_editor_get_type ())
G_DECLARE_FINAL_TYPE (WerkFieldEditor, werk_field_editor, WERK, FIELD_EDITOR, AdwBin)

void werk_field_editor_set_field (WerkFieldEditor *self, WerkField *field);
WerkField *werk_field_editor_get_field (WerkFieldEditor *self);
void werk_field_editor_focus_entry (WerkFieldEditor *self);

G_END_DECLS
