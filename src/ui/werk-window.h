/* werk-window.h: the window of one strategy process: sidebar of pages, toasts, file actions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-application.h"
#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_WINDOW (werk_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkWindow, werk_window, WERK, WINDOW, AdwApplicationWindow)

WerkWindow *werk_window_new (WerkApplication *app, WerkStore *store);
WerkStore *werk_window_get_store (WerkWindow *self);

/* Shows a page: "overview", "workshops", "fields", "measures" or "photos". */
void werk_window_show_page (WerkWindow *self, const char *name);
const char *werk_window_get_page (WerkWindow *self);

/* The newest toast that offers Undo, while it is shown (for tests). */
AdwToast *werk_window_get_undo_toast (WerkWindow *self);

G_END_DECLS
