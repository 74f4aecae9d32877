/* werk-window-private.h: what werk-window.c and werk-window-actions.c share, and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-framework.h"
#include "werk-window.h"

G_BEGIN_DECLS

/* For tests, which can't answer a file chooser or look at an opened document. @step is called
 * on the exporting thread after each step of a photo protocol (@done of @total); @finished on
 * the main thread when an export is over, @error NULL if the file was written, even if the
 * window has gone by then. While hooks are set, finished documents are not opened. */
typedef struct
{
  void (*step) (guint done, guint total, gpointer data);
  void (*finished) (const char *path, const GError *error, gpointer data);
  gpointer data;
} WerkExportHooks;

struct _WerkWindow
{
  AdwApplicationWindow parent_instance;

  WerkStore *store;
  GHashTable *undos; /* key → WerkUndo, while its toast is shown */
  guint undo_serial;
  AdwToast *undo_toast; /* unowned: cleared when dismissed */
  GPtrArray *exports;   /* the GTasks of this window's exports that are still running */
  WerkExportHooks export_hooks;

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

/* What the window's exports do once the file chooser has given @path (with its extension).
 * Each runs on a thread of its own with a snapshot of the file, so the window can be edited
 * meanwhile; a failure is shown in a dialog, a finished document is opened, a copy is
 * announced in a toast. The protocol shows its progress in a dialog with Cancel. */
void _werk_window_export_protocol_to (WerkWindow *self, WerkWorkshop *workshop, const char *path);
void _werk_window_export_framework_to (WerkWindow *self, WerkFrameworkFormat format,
                                       const char *path);
void _werk_window_export_measures_to (WerkWindow *self, const char *path);
void _werk_window_export_json_to (WerkWindow *self, gboolean embed_photos, const char *path);
void _werk_window_export_sustainability_to (WerkWindow *self, const char *path);
void _werk_window_save_copy_to (WerkWindow *self, const char *path);
/* Cancels the window's exports when it goes: nothing is left to show their results. */
void _werk_window_cancel_exports (WerkWindow *self);
void _werk_window_set_export_hooks (WerkWindow *self, const WerkExportHooks *hooks);

G_END_DECLS
