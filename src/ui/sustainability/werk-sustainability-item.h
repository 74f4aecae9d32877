/* werk-sustainability-item.h: a measure in the overview, its result kept until it changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_ITEM (werk_sustainability_item_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityItem, werk_sustainability_item, WERK, SUSTAINABILITY_ITEM,
                      GObject)

WerkSustainabilityItem *werk_sustainability_item_new (WerkMeasure *measure);
WerkMeasure *werk_sustainability_item_get_measure (WerkSustainabilityItem *self);
/* The check's result, evaluated once and kept until werk_sustainability_item_invalidate(). */
const WerkSustainabilityResult *werk_sustainability_item_get_result (WerkSustainabilityItem *self);
/* Forgets the result and emits "changed"; the measure's own changes emit it too. */
void werk_sustainability_item_invalidate (WerkSustainabilityItem *self);

G_END_DECLS
