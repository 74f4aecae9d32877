/* werk-application.h: the Werkstatt application: its windows, actions, settings and recent files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_APPLICATION (werk_application_get_type ())
G_DECLARE_FINAL_TYPE (WerkApplication, werk_application, WERK, APPLICATION, AdwApplication)

WerkApplication *werk_application_new (void);
GSettings *werk_application_get_settings (WerkApplication *self);

/* Opens a .werkstatt file in a window of its own, or presents the window that has it open.
 * A file that can't be opened is explained in a dialog over @parent. */
gboolean werk_application_open_path (WerkApplication *self, const char *path, GtkWindow *parent);
/* Shows an open store in a new window and remembers it among the recent files. */
GtkWindow *werk_application_present_store (WerkApplication *self, WerkStore *store);

/* Where the demo lives: the user's data folder. */
char *werk_application_get_demo_path (void);
/* Opens the demo, writing it first if it is not there yet. */
gboolean werk_application_open_demo (WerkApplication *self, GtkWindow *parent);
/* Writes the built-in demo process to a new file at @path. */
WerkStore *werk_application_create_demo (const char *path, GError **error);

void werk_application_forget_recent (WerkApplication *self, const char *path);

/* Explains an error in a dialog over @parent (or on its own). */
void werk_application_show_error (GtkWindow *parent, const char *heading, const GError *error);

G_END_DECLS
