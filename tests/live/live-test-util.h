/* live-test-util.h: a workshop to run live in the widget tests, and ways to look at the screen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"
#include "werk-live-window-private.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  WerkStore *store;
  WerkWorkshop *workshop;
  GtkApplication *app;
  WerkLiveWindow *window;
} LiveFixture;

/* GTK, libadwaita and a fixed clock (2026-04-28 16:00:00 plus what the test adds). */
void live_test_init (int *argc, char ***argv);
/* The test clock: moves on by @seconds. */
void live_test_clock_advance (int seconds);
void live_test_clock_set (int hour, int minute, int second);

/* A strategy workshop with agenda, fields, challenges, measures and participants, and its
 * live window, shown. */
void live_fixture_set_up (LiveFixture *f, gconstpointer data);
void live_fixture_tear_down (LiveFixture *f, gconstpointer data);
/* Closes and reopens the file, as after the workshop: what the file holds, not the memory. */
WerkStore *live_fixture_reopen (LiveFixture *f);

WerkRecord *live_find (WerkStore *store, WerkKind kind, WerkRecord *parent, const char *label);
int live_agenda_index (LiveFixture *f, WerkAgendaKind kind);

/* Lets the main loop run for @ms milliseconds (layout, idle rebuilds, frames). */
void live_test_wait (guint ms);
/* All visible text of the labels under @widget, one per line. */
char *live_collect_labels (GtkWidget *widget);
/* The @nth widget of @type under @root, depth first. */
GtkWidget *live_find_widget (GtkWidget *root, GType type, guint nth);
/* Hands a key press to the key controllers of @widget, as GTK would; TRUE if one took it. */
gboolean live_send_key (GtkWidget *widget, guint keyval, GdkModifierType state);

/* Renders @widget to a PNG in the build folder of the tests; returns the path. */
char *live_save_png (GtkWidget *widget, const char *name);

G_END_DECLS
