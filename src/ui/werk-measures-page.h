/* werk-measures-page.h: all measures grouped by field, with search and filters; one measure's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_MEASURES_PAGE (werk_measures_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkMeasuresPage, werk_measures_page, WERK, MEASURES_PAGE, AdwBin)

void werk_measures_page_set_store (WerkMeasuresPage *self, WerkStore *store);
/* Shows the page of one measure (NULL: the list). */
void werk_measures_page_show_measure (WerkMeasuresPage *self, WerkMeasure *measure);
/* The measures as the list shows them: filtered and grouped by field. */
GListModel *werk_measures_page_get_model (WerkMeasuresPage *self);

G_END_DECLS
