/* werk-widget-test-util.h: looking at widgets as a user would, for the widget tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lets the main loop run for @ms milliseconds. */
void werk_widget_test_wait (guint ms);
/* The text of every label on screen below @widget, one per line (hidden stack pages left out);
 * @extra may add what a custom-drawn widget shows. */
char *werk_widget_test_collect_labels (GtkWidget *widget,
                                       void (*extra) (GtkWidget *widget, GString *text));
/* The @nth widget of @type below @root; fails the test if there is none. */
GtkWidget *werk_widget_test_find (GtkWidget *root, GType type, guint nth);
/* Sends a key press to the key controllers of @widget; TRUE if one handled it. */
gboolean werk_widget_test_send_key (GtkWidget *widget, guint keyval, GdkModifierType state);
/* Renders @widget into NAME in the build folder for people to look at; returns the path. */
char *werk_widget_test_save_png (GtkWidget *widget, const char *name);

/* Switches the process to German with the build's translation; windows built afterwards are
 * German. Aborts the test program if the machine lacks de_DE.UTF-8 or the build the .mo. */
void werk_widget_test_use_german (void);
/* Back to the untranslated strings and the C locale. */
void werk_widget_test_use_english (void);
/* Fails the test if @widget shows a text in English that the translation has German for (a
 * string that missed gettext) or a date in ISO form; appends every text it saw to @seen. */
void werk_widget_test_assert_german (GtkWidget *widget, const char *where, GString *seen);

G_END_DECLS
