/* werk-new-process-window.h: asks for a new process's title, municipality and first workshop.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-application.h"

G_BEGIN_DECLS

#define WERK_TYPE_NEW_PROCESS_WINDOW (werk_new_process_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkNewProcessWindow, werk_new_process_window, WERK, NEW_PROCESS_WINDOW,
                      AdwWindow)

WerkNewProcessWindow *werk_new_process_window_new (WerkApplication *app, GtkWindow *parent);

/* Creates the process file at @path with its first workshop. */
WerkStore *werk_new_process_create (const char *path, const char *title, const char *municipality,
                                    WerkWorkshopFormat format, GError **error);

G_END_DECLS
