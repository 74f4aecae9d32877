/* werk-live-window.h: running a workshop live: agenda stepper, timer, voting, presenter window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_WINDOW (werk_live_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveWindow, werk_live_window, WERK, LIVE_WINDOW, AdwApplicationWindow)

/* The facilitator's window for running @workshop of @store from its first agenda item. */
WerkLiveWindow *werk_live_window_new (GtkApplication *app, WerkStore *store,
                                      WerkWorkshop *workshop);

G_END_DECLS
