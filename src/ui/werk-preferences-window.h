/* werk-preferences-window.h: defaults for dot-voting, new workshops and the photo protocol.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERK_TYPE_PREFERENCES_WINDOW (werk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkPreferencesWindow, werk_preferences_window, WERK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

WerkPreferencesWindow *werk_preferences_window_new (GSettings *settings);

G_END_DECLS
