/* werk-start-window.h: the first window: recent processes, a new process, the demo.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-application.h"

G_BEGIN_DECLS

#define WERK_TYPE_START_WINDOW (werk_start_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkStartWindow, werk_start_window, WERK, START_WINDOW, AdwApplicationWindow)

WerkStartWindow *werk_start_window_new (WerkApplication *app);

G_END_DECLS
