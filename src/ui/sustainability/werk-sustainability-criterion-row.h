/* werk-sustainability-criterion-row.h: one criterion of a check: question, score, note.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_CRITERION_ROW (werk_sustainability_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityCriterionRow, werk_sustainability_criterion_row, WERK,
                      SUSTAINABILITY_CRITERION_ROW, GtkListBoxRow)

GtkWidget *werk_sustainability_criterion_row_new (WerkMeasure *measure, WerkCriterion *criterion);
WerkCriterion *
werk_sustainability_criterion_row_get_criterion (WerkSustainabilityCriterionRow *self);
/* The rating shown, or NULL while the criterion is unrated. */
WerkRating *werk_sustainability_criterion_row_get_rating (WerkSustainabilityCriterionRow *self);
/* Shows the rating, the criterion's wording and the note as the store has them now. */
void werk_sustainability_criterion_row_update (WerkSustainabilityCriterionRow *self);
/* Marks that a minus was typed and the digit is still to come. */
void werk_sustainability_criterion_row_set_pending_minus (WerkSustainabilityCriterionRow *self,
                                                          gboolean pending);
/* Moves the focus into the note; FALSE while the criterion is unrated (there is no rating to
 * hold the note yet). */
gboolean werk_sustainability_criterion_row_focus_note (WerkSustainabilityCriterionRow *self);
/* Writes the note as typed, if it differs from the stored one. */
gboolean werk_sustainability_criterion_row_save_note (WerkSustainabilityCriterionRow *self,
                                                      GError **error);
/* Whether the focus is in the note. */
gboolean werk_sustainability_criterion_row_is_editing_note (WerkSustainabilityCriterionRow *self);

G_END_DECLS
