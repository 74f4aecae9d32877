/* werk-live-measures-page.h: working out measures with the five guiding questions, owner and date.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_MEASURES_PAGE (werk_live_measures_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveMeasuresPage, werk_live_measures_page, WERK, LIVE_MEASURES_PAGE,
                      GtkWidget)

/* The measure being worked on, or NULL. */
WerkMeasure *werk_live_measures_page_get_measure (WerkLiveMeasuresPage *self);
void werk_live_measures_page_set_measure (WerkLiveMeasuresPage *self, WerkMeasure *measure);

G_END_DECLS
