/* werk-live-next-steps-page.h: agreeing who does what by when, measure by measure.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_NEXT_STEPS_PAGE (werk_live_next_steps_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveNextStepsPage, werk_live_next_steps_page, WERK, LIVE_NEXT_STEPS_PAGE,
                      GtkWidget)

G_END_DECLS
