/* werk-live-impulse-page.h: an impulse talk live: its speaker and the facilitator's notes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_IMPULSE_PAGE (werk_live_impulse_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveImpulsePage, werk_live_impulse_page, WERK, LIVE_IMPULSE_PAGE,
                      GtkWidget)

G_END_DECLS
