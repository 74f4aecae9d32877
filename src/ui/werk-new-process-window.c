/* werk-new-process-window.c: asks for a new process's title, municipality and first workshop.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "werk-new-process-window.h"
#include "werk-ui-util.h"
#include "werk-window.h"

struct _WerkNewProcessWindow
{
  AdwWindow parent_instance;

  WerkApplication *app;

  GtkWidget *create_button;
  AdwEntryRow *title_row;
  AdwEntryRow *municipality_row;
  AdwComboRow *format_row;
};

G_DEFINE_FINAL_TYPE (WerkNewProcessWindow, werk_new_process_window, ADW_TYPE_WINDOW)

typedef struct
{
  const char *title;
  const char *municipality;
  WerkWorkshopFormat format;
} NewProcess;

static gboolean
fill_new_process (WerkStore *store, gpointer data, GError **error)
{
  NewProcess *np = data;
  WerkRecord *process = WERK_RECORD (werk_store_get_process (store));

  return werk_record_set_string (process, "municipality", np->municipality, error) &&
         werk_store_add (store, WERK_KIND_WORKSHOP, NULL, error, "format",
                         werk_enum_nick (WERK_TYPE_WORKSHOP_FORMAT, np->format), "title",
                         werk_enum_label (WERK_TYPE_WORKSHOP_FORMAT, np->format), NULL) != NULL;
}

WerkStore *
werk_new_process_create (const char *path, const char *title, const char *municipality,
                         WerkWorkshopFormat format, GError **error)
{
  NewProcess np = { title, municipality ? municipality : "", format };
  g_autoptr (WerkStore) store = werk_store_create (path, title, error);

  if (store == NULL)
    return NULL;
  if (!werk_store_run (store, fill_new_process, &np, NULL, error))
    {
      werk_store_close (store);
      g_remove (path);
      return NULL;
    }
  return g_steal_pointer (&store);
}

static void
title_changed_cb (WerkNewProcessWindow *self)
{
  g_autofree char *title =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  gtk_widget_set_sensitive (self->create_button, *title != '\0');
}

/* The file chooser asked before replacing a file; a process still open is never replaced. */
static gboolean
make_room (WerkNewProcessWindow *self, const char *path, GError **error)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l; l = l->next)
    if (WERK_IS_WINDOW (l->data) &&
        g_strcmp0 (werk_store_get_path (werk_window_get_store (l->data)), path) == 0)
      {
        g_set_error_literal (error, WERK_ERROR, WERK_ERROR_EXISTS,
                             _ ("This file is open in a window. Choose another name."));
        return FALSE;
      }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_remove (path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *native, int response, WerkNewProcessWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_autofree char *title =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *municipality =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->municipality_row))));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  g_object_unref (native);
  if (path == NULL)
    {
      g_object_unref (self);
      return;
    }
  if (!g_str_has_suffix (path, ".werkstatt"))
    {
      char *with_suffix = g_strconcat (path, ".werkstatt", NULL);
      g_free (path);
      path = with_suffix;
    }
  if (make_room (self, path, &error))
    store = werk_new_process_create (path, title, municipality,
                                     adw_combo_row_get_selected (self->format_row), &error);
  if (store)
    {
      werk_application_present_store (self->app, store);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    werk_application_show_error (GTK_WINDOW (self), _ ("The Process Can’t Be Created"), error);
  g_object_unref (self);
}

static void
create_clicked_cb (WerkNewProcessWindow *self)
{
  g_autofree char *title =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());
  GtkFileChooserNative *native;

  if (*title == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  /* A file name can't hold a slash. */
  name = g_strconcat (g_strdelimit (g_strdup (title), "/\\", '-'), ".werkstatt", NULL);
  native = gtk_file_chooser_native_new (_ ("Where to Keep the Process"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("C_reate"), NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
werk_new_process_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WERK_TYPE_NEW_PROCESS_WINDOW);
  G_OBJECT_CLASS (werk_new_process_window_parent_class)->dispose (object);
}

static void
werk_new_process_window_class_init (WerkNewProcessWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_new_process_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/ui/werk-new-process-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkNewProcessWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, WerkNewProcessWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkNewProcessWindow, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, WerkNewProcessWindow, format_row);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
werk_new_process_window_init (WerkNewProcessWindow *self)
{
  g_autoptr (GListModel) formats = werk_enum_model_new (WERK_TYPE_WORKSHOP_FORMAT);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->format_row, formats);
}

WerkNewProcessWindow *
werk_new_process_window_new (WerkApplication *app, GtkWindow *parent)
{
  WerkNewProcessWindow *self =
      g_object_new (WERK_TYPE_NEW_PROCESS_WINDOW, "transient-for", parent, NULL);
  GSettings *settings = werk_application_get_settings (app);

  self->app = app;
  adw_combo_row_set_selected (self->format_row,
                              g_settings_get_enum (settings, "default-workshop-format"));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
