/* werk-measure-editor.h: one measure: the five guiding questions, owner, partners, due, status,
 * goals. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_MEASURE_EDITOR (werk_measure_editor_get_type ())
G_DECLARE_FINAL_TYPE (WerkMeasureEditor, werk_measure_editor, WERK, MEASURE_EDITOR, AdwBin)

void werk_measure_editor_set_measure (WerkMeasureEditor *self, WerkMeasure *measure);
WerkMeasure *werk_measure_editor_get_measure (WerkMeasureEditor *self);
void werk_measure_editor_focus (WerkMeasureEditor *self);

G_END_DECLS
