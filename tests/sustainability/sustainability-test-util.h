/* sustainability-test-util.h: the demo in a window with the sustainability view; ways to look.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"
#include "werk-sustainability-check.h"
#include "werk-sustainability-overview.h"
#include "werk-sustainability-view.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  WerkStore *store;
  GtkWindow *window;
  WerkSustainabilityView *view;
} SusFixture;

/* GTK and libadwaita for the tests, with warnings fatal. */
void sus_test_init (int *argc, char ***argv);

/* The built-in demo in a new file, its view in a window of 1100 × 760, shown. */
void sus_fixture_set_up (SusFixture *f, gconstpointer data);
void sus_fixture_tear_down (SusFixture *f, gconstpointer data);
/* Puts @store (taken) in a new window with its view; for fixtures of their own. */
void sus_fixture_show (SusFixture *f, WerkStore *store, int width, int height);

/* The parts of the view. */
WerkSustainabilityOverview *sus_overview (SusFixture *f);
WerkSustainabilityCheck *sus_check (SusFixture *f);
/* The visible page of the view: "browse" or "check". */
const char *sus_page (SusFixture *f);

WerkRecord *sus_find (WerkStore *store, WerkKind kind, const char *label);

/* Lets the main loop run for @ms milliseconds (layout, idle refreshes, frames). */
void sus_wait (guint ms);
/* All visible text of the labels under @widget, one per line. */
char *sus_collect_labels (GtkWidget *widget);
/* The @nth widget of @type under @root, depth first; fails the test if there is none. */
GtkWidget *sus_find_widget (GtkWidget *root, GType type, guint nth);
/* Hands a key press to the key controllers of @widget, as GTK would; TRUE if one took it. */
gboolean sus_send_key (GtkWidget *widget, guint keyval, GdkModifierType state);
/* Types a sequence of keys ("-2" is minus then 2) into the check page. */
void sus_type (SusFixture *f, const char *keys);

/* Renders @widget to a PNG in the build folder of the tests; returns the path. */
char *sus_save_png (GtkWidget *widget, const char *name);

G_END_DECLS
