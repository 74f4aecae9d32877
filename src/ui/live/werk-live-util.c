/* werk-live-util.c: small helpers shared by the live workshop's widgets: times, lists, toasts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "werk-live-resources.h"
#include "werk-live-util.h"
#include "werk-live-window-private.h"

void
werk_live_init_resources (void)
{
  static gsize done = 0;

  /* Registered by hand: a static library's constructor would be dropped by the linker. */
  if (g_once_init_enter (&done))
    {
      werk_live_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static WerkLiveClock live_clock = g_date_time_new_now_local;

GDateTime *
werk_live_now (void)
{
  return live_clock ();
}

void
werk_live_set_clock (WerkLiveClock clock)
{
  live_clock = clock ? clock : g_date_time_new_now_local;
}

char *
werk_live_format_time (GDateTime *time)
{
  if (time == NULL)
    return g_strdup ("–");
  return g_date_time_format (time, "%H:%M");
}

char *
werk_live_format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}

char *
werk_live_parse_date (const char *text)
{
  g_autoptr (GDateTime) check = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int y, m, d;
  char end;

  if (*stripped == '\0')
    return g_strdup ("");
  if (sscanf (stripped, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 &&
      sscanf (stripped, "%2d.%2d.%4d%c", &d, &m, &y, &end) != 3)
    return NULL;
  if (y < 100)
    y += 2000;
  check = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (check == NULL)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static gboolean
from_workshop_cb (gpointer item, gpointer workshop)
{
  return werk_record_get_ref (item, "workshop") == workshop;
}

GListModel *
werk_live_workshop_records (WerkStore *store, WerkKind kind, WerkWorkshop *workshop)
{
  GListModel *all = werk_store_get_list (store, kind, NULL);
  GtkCustomFilter *filter = gtk_custom_filter_new (from_workshop_cb, workshop, NULL);

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (all), GTK_FILTER (filter)));
}

static WerkLiveWindow *
live_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return WERK_IS_LIVE_WINDOW (root) ? WERK_LIVE_WINDOW (root) : NULL;
}

void
werk_live_report_error (GtkWidget *widget, const GError *error)
{
  WerkLiveWindow *window = live_window (widget);

  if (window)
    _werk_live_window_show_toast (window, adw_toast_new (error->message));
  else
    g_message ("%s", error->message);
}

void
werk_live_toast (GtkWidget *widget, const char *title)
{
  WerkLiveWindow *window = live_window (widget);

  if (window)
    _werk_live_window_show_toast (window, adw_toast_new (title));
}

static void
unref_data (gpointer data, GClosure *closure)
{
  g_object_unref (data);
}

static void
undo_clicked_cb (AdwToast *toast, WerkUndo *undo)
{
  g_autoptr (GError) error = NULL;

  if (!werk_undo_apply (undo, &error))
    g_message ("%s", error->message);
}

void
werk_live_toast_undo (GtkWidget *widget, const char *title, WerkUndo *undo)
{
  WerkLiveWindow *window = live_window (widget);
  AdwToast *toast;

  if (window == NULL || undo == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), g_object_ref (undo),
                         unref_data, 0);
  _werk_live_window_show_toast (window, toast);
}

void
werk_live_row_set_record (GtkWidget *row, WerkRecord *record)
{
  g_object_set_data_full (G_OBJECT (row), "werk-record", g_object_ref (record), g_object_unref);
}

WerkRecord *
werk_live_row_get_record (GtkWidget *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "werk-record") : NULL;
}

WerkRecord *
werk_live_list_box_get_selected (GtkListBox *box)
{
  return werk_live_row_get_record (GTK_WIDGET (gtk_list_box_get_selected_row (box)));
}

void
werk_live_dispose_children (GtkWidget *widget, GType type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)))
    gtk_widget_unparent (child);
}

void
werk_live_box_clear (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

int
werk_live_key_digit (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return -1;
}
