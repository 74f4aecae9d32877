/* werk-sustainability-check.h: one measure's check, criterion by criterion, with live summaries.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_CHECK (werk_sustainability_check_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityCheck, werk_sustainability_check, WERK,
                      SUSTAINABILITY_CHECK, AdwBin)

/* Shows the check of @measure, the @position-th (from 0) of @n_measures in the round. */
void werk_sustainability_check_set_measure (WerkSustainabilityCheck *self, WerkMeasure *measure,
                                            guint position, guint n_measures);
WerkMeasure *werk_sustainability_check_get_measure (WerkSustainabilityCheck *self);
/* Focuses the first criterion still unrated, or the first of all once every one is rated. */
void werk_sustainability_check_focus_first_open (WerkSustainabilityCheck *self);
/* The position on the page of the criterion last in focus, -1 before any. */
int werk_sustainability_check_get_current (WerkSustainabilityCheck *self);
/* The criteria as the page lists them: by dimension, retired ones left out. */
GPtrArray *werk_sustainability_check_dup_criteria (WerkSustainabilityCheck *self);
/* Keeps what is typed into notes; before the page shows another measure. */
void werk_sustainability_check_save_notes (WerkSustainabilityCheck *self);

G_END_DECLS
