/* werk-window-actions.c: the process window's actions: delete with undo, pages, copies, exports.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "werk-sustainability-view.h"
#include "werk-ui-util.h"
#include "werk-window-private.h"

/* ---- delete and undo ---- */

static void
undo_toast_dismissed_cb (AdwToast *toast, WerkWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (toast), "undo-key");

  if (self->undos)
    g_hash_table_remove (self->undos, key);
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

static char *
deleted_title (WerkRecord *record)
{
  const char *label = werk_record_get_label (record);
  const char *kind = werk_kind_get_label (werk_record_get_kind (record));
  g_autofree char *shortened = NULL;

  if (label == NULL || *label == '\0')
    /* Translators: %s is a kind of record, e.g. "Photo deleted" */
    return g_strdup_printf (_ ("%s deleted"), kind);
  shortened = g_utf8_strlen (label, -1) > 40
                  ? g_strconcat (g_utf8_substring (label, 0, 38), "…", NULL)
                  : g_strdup (label);
  /* Translators: a kind of record and its name, e.g. Measure “Stadt-App” deleted */
  return g_strdup_printf (_ ("%s “%s” deleted"), kind, shortened);
}

static void
offer_undo (WerkWindow *self, const char *title, WerkUndo *undo)
{
  g_autofree char *key = g_strdup_printf ("%u", ++self->undo_serial);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_hash_table_insert (self->undos, g_strdup (key), g_object_ref (undo));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_string (key));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "undo-key", g_strdup (key), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  self->undo_toast = toast;
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_record_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  WerkRecord *record = werk_store_lookup (self->store, g_variant_get_string (param, NULL));
  g_autoptr (WerkUndo) undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (record == NULL)
    return;
  title = deleted_title (record);
  if (!werk_store_delete (self->store, record, &undo, &error))
    werk_show_error (widget, error);
  else
    offer_undo (self, title, undo);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  const char *key = g_variant_get_string (param, NULL);
  WerkUndo *undo = g_hash_table_lookup (self->undos, key);
  g_autoptr (GError) error = NULL;

  if (undo == NULL)
    return;
  if (!werk_undo_apply (undo, &error))
    werk_show_error (widget, error);
  g_hash_table_remove (self->undos, key);
}

static void
undo_last_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  AdwToast *toast = self->undo_toast;
  g_autofree char *key = NULL;

  if (toast == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  key = g_strdup (g_object_get_data (G_OBJECT (toast), "undo-key"));
  undo_action (widget, "win.undo", g_variant_new_string (key));
  adw_toast_dismiss (toast);
}

/* ---- pages ---- */

static void
show_page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_window_show_page (WERK_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_sidebar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  adw_leaflet_navigate (WERK_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (!gtk_widget_activate_action (
          _werk_window_ensure_page (self, gtk_stack_get_visible_child_name (self->stack)),
          "page.focus-entry", NULL))
    gtk_widget_error_bell (widget);
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);

  werk_window_show_page (self, "measures");
  gtk_widget_activate_action (_werk_window_ensure_page (self, "measures"), "page.search", NULL);
}

/* ---- copies and exchange files ---- */

typedef gboolean (*SaveFunc) (WerkWindow *self, const char *path, gboolean option, GError **error);

typedef struct
{
  WerkWindow *self;
  SaveFunc func;
  const char *suffix;
  const char *failed_heading;
  gboolean embed_choice;
} SaveData;

/* Writes beside the target and renames over it: the file chooser has already asked whether
 * to replace an existing file, and a failed save must leave that file as it was. */
static gboolean
save_replacing (SaveData *data, const char *path, gboolean option, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  if (g_strcmp0 (path, werk_store_get_path (data->self->store)) == 0)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_EXISTS,
                           _ ("This is the file that is open. Choose another name."));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return data->func (data->self, path, option, error);
  tmp = g_strdup_printf ("%s/.%s.%u%s", dir, base, g_random_int (), data->suffix);
  if (!data->func (data->self, tmp, option, error))
    return FALSE;
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", base,
                   g_strerror (errno));
      g_remove (tmp);
      return FALSE;
    }
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog *native, int response, SaveData *data)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  const char *choice = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  if (path && !g_str_has_suffix (path, data->suffix))
    {
      char *with_suffix = g_strconcat (path, data->suffix, NULL);
      g_free (path);
      path = with_suffix;
    }
  if (data->embed_choice)
    choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "embed");
  if (path && !save_replacing (data, path, g_strcmp0 (choice, "true") == 0, &error))
    werk_application_show_error (GTK_WINDOW (data->self), data->failed_heading, error);
  else if (path)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      /* Translators: %s is a file name */
      werk_show_toast (GTK_WIDGET (data->self), adw_toast_new_format (_ ("Saved “%s”"), escaped));
    }
  g_object_unref (data->self);
  g_free (data);
  g_object_unref (native);
}

static void
ask_save (WerkWindow *self, const char *title, const char *suffix, SaveFunc func,
          const char *failed_heading, gboolean embed_choice)
{
  SaveData *data = g_new0 (SaveData, 1);
  const char *path = werk_store_get_path (self->store);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (g_str_has_suffix (base, ".werkstatt"))
    base[strlen (base) - strlen (".werkstatt")] = '\0';
  /* Translators: the suggested name of a copy, %s is the file's name without extension */
  name = g_str_equal (suffix, ".werkstatt") ? g_strdup_printf (_ ("%s (copy)"), base)
                                            : g_strdup (base);
  data->self = g_object_ref (self);
  data->func = func;
  data->suffix = suffix;
  data->failed_heading = failed_heading;
  data->embed_choice = embed_choice;
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _ ("_Save"), NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  {
    g_autofree char *full = g_strconcat (name, suffix, NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), full);
  }
  if (embed_choice)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "embed",
                                 _ ("Put the photos into the JSON file"), NULL, NULL);
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
save_copy (WerkWindow *self, const char *path, gboolean option, GError **error)
{
  return werk_store_save_copy (self->store, path, error);
}

static void
save_copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_save (WERK_WINDOW (widget), _ ("Save a Copy"), ".werkstatt", save_copy,
            _ ("The Copy Can’t Be Saved"), FALSE);
}

static gboolean
export_json (WerkWindow *self, const char *path, gboolean embed, GError **error)
{
  return werk_json_export_file (self->store, path, embed, error);
}

static void
export_json_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_save (WERK_WINDOW (widget), _ ("Export as JSON"), ".json", export_json,
            _ ("The JSON File Can’t Be Saved"), TRUE);
}

static void
export_sustainability_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkWidget *view = _werk_window_ensure_page (WERK_WINDOW (widget), "sustainability");

  werk_sustainability_view_export_report (WERK_SUSTAINABILITY_VIEW (view));
}

/* Registered so that menus and shortcuts have a place; enabled once the documents land. */
static void
export_document_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_error_bell (widget);
}

static const char *const document_actions[] = {
  "win.export-protocol",
  "win.export-framework",
  "win.export-measures",
};

void
_werk_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char *const pages[] = { "overview", "workshops", "fields",
                                       "measures", "photos",    "sustainability" };

  gtk_widget_class_install_action (widget_class, "win.delete-record", "s", delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", "s", undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-last", NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", NULL, export_json_action);
  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_class_install_action (widget_class, document_actions[i], NULL,
                                     export_document_action);

  gtk_widget_class_install_action (widget_class, "win.export-sustainability", NULL,
                                   export_sustainability_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-last",
                                       NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", pages[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-entry",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-json",
                                       NULL);
}

void
_werk_window_init_actions (WerkWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], FALSE);
}
