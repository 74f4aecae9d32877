/* werk-live-window-private.h: what the live workshop's widgets and tests reach in the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-agenda.h"
#include "werk-live-window.h"
#include "werk-presenter-window.h"

G_BEGIN_DECLS

void _werk_live_window_show_toast (WerkLiveWindow *self, AdwToast *toast);
/* The page that shows agenda items of @kind. */
GtkWidget *_werk_live_window_get_page (WerkLiveWindow *self, WerkAgendaKind kind);
/* The presenter window, if open. */
WerkPresenterWindow *_werk_live_window_get_presenter (WerkLiveWindow *self);
WerkAgenda *_werk_live_window_get_agenda (WerkLiveWindow *self);
/* The agenda item on show (not necessarily the one whose clock runs). */
int _werk_live_window_get_viewed (WerkLiveWindow *self);
/* Updates the clocks now instead of at the next second. */
void _werk_live_window_tick (WerkLiveWindow *self);

G_END_DECLS
