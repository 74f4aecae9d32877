/* werk-window-private.h: what werk-window.c and werk-window-actions.c share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-window.h"

G_BEGIN_DECLS

struct _WerkWindow
{
  AdwApplicationWindow parent_instance;

  WerkStore *store;
  GHashTable *undos; /* key → WerkUndo, while its toast is shown */
  guint undo_serial;
  AdwToast *undo_toast; /* unowned: cleared when dismissed */

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar;
  GtkStack *stack;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *content_title;
  GtkWidget *overview_page;
  GtkWidget *workshops_page;
  GtkWidget *fields_page;
  GtkWidget *measures_page;
  GtkWidget *photos_page;
};

/* The page called @name, made now if it was not yet. */
GtkWidget *_werk_window_ensure_page (WerkWindow *self, const char *name);
void _werk_window_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
