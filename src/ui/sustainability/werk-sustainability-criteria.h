/* werk-sustainability-criteria.h: the process's catalogue of criteria: add, reword, retire.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_CRITERIA (werk_sustainability_criteria_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityCriteria, werk_sustainability_criteria, WERK,
                      SUSTAINABILITY_CRITERIA, AdwBin)

void werk_sustainability_criteria_set_store (WerkSustainabilityCriteria *self, WerkStore *store);

G_END_DECLS
