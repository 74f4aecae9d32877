/* werk-live-window.c: running a workshop live (placeholder until the live workshop lands).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-live-window.h"

struct _WerkLiveWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (WerkLiveWindow, werk_live_window, ADW_TYPE_APPLICATION_WINDOW)

static void
werk_live_window_class_init (WerkLiveWindowClass *klass)
{
}

static void
werk_live_window_init (WerkLiveWindow *self)
{
}

WerkLiveWindow *
werk_live_window_new (GtkApplication *app, WerkStore *store, WerkWorkshop *workshop)
{
  return g_object_new (WERK_TYPE_LIVE_WINDOW, "application", app, NULL);
}
