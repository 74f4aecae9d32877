/* ui-test-util.h: what the app's widget tests share: the app, a demo file, waiting, finding, PNGs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-application.h"
#include "werk-core.h"
#include "werk-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  WerkApplication *app;
  WerkWindow *window;
  WerkStore *store;
} UiFixture;

/* gtk_test_init, libadwaita, and a private data folder for the app. */
void ui_test_init (int *argc, char ***argv);
/* The registered application (one per test program). */
WerkApplication *ui_test_app (void);

/* A temporary folder with the demo process, opened in a window through the app. */
void ui_fixture_set_up (UiFixture *f, gconstpointer data);
void ui_fixture_tear_down (UiFixture *f, gconstpointer data);
/* The same in German: German is switched on before the window is built, and off afterwards. */
void ui_fixture_set_up_german (UiFixture *f, gconstpointer data);
void ui_fixture_tear_down_german (UiFixture *f, gconstpointer data);

/* Lets the main loop run for @ms milliseconds (layout, idles, transitions, frames). */
void ui_test_wait (guint ms);
/* The first widget under @root whose widget name is @name; fails the test if there is none. */
GtkWidget *ui_test_find (GtkWidget *root, const char *name);
/* The first widget under @root of @type that is drawable (mapped), or NULL. */
GtkWidget *ui_test_find_type (GtkWidget *root, GType type);
/* Renders @widget as it is on screen to @name in the build folder; returns the path. */
char *ui_test_save_png (GtkWidget *widget, const char *name);
/* Finds the record of @kind labelled @label (NULL if none). */
WerkRecord *ui_test_find_record (WerkStore *store, WerkKind kind, WerkRecord *parent,
                                 const char *label);

G_END_DECLS
