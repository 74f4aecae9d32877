/* werk-window-actions.c: the process window's actions: delete with undo, pages, copies, exports.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "werk-application.h"
#include "werk-framework.h"
#include "werk-measures-csv.h"
#include "werk-protocol.h"
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

/* A finished document is opened at once, as people expect after an export. */
static void
open_document (WerkWindow *self, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
export_measures (WerkWindow *self, const char *path, gboolean option, GError **error)
{
  return werk_measures_csv_export (self->store, path, error);
}

static void
export_measures_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_save (WERK_WINDOW (widget), _ ("Export Measures as CSV"), ".csv", export_measures,
            _ ("The Measures Can’t Be Exported"), FALSE);
}

/* The framework: the format is chosen in the file chooser and decides the extension. */
static void
framework_response_cb (GtkNativeDialog *native, int response, WerkWindow *self)
{
  static const char *const suffixes[] = { ".pdf", ".odt", ".md" };
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "format");
  const char *suffix = suffixes[format ? CLAMP (atoi (format), 0, 2) : 0];

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  if (path && !g_str_has_suffix (path, suffix))
    {
      char *with_suffix = g_strconcat (path, suffix, NULL);
      g_free (path);
      path = with_suffix;
    }
  if (path && !werk_framework_export_file (self->store, path, FALSE, &error))
    werk_application_show_error (GTK_WINDOW (self), _ ("The Strategy Framework Can’t Be Exported"),
                                 error);
  else if (path)
    open_document (self, path);
  g_object_unref (self);
  g_object_unref (native);
}

static void
export_framework_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  const char *ids[] = { "0", "1", "2", NULL };
  const char *labels[] = { _ ("PDF for reading and printing"), _ ("OpenDocument (ODT) for editing"),
                           _ ("Markdown"), NULL };
  g_autofree char *dir = g_path_get_dirname (werk_store_get_path (self->store));
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_ ("Export Strategy Framework"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  /* Translators: the suggested file name of the strategy framework */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _ ("Strategy framework"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _ ("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "0");
  g_signal_connect (native, "response", G_CALLBACK (framework_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The photo protocol: a workshop, a file, then the export with progress and Cancel. */
typedef struct
{
  WerkWindow *self;
  WerkWorkshop *workshop;
  GtkProgressBar *bar;
  GCancellable *cancellable;
} ProtocolExport;

static void
protocol_export_free (ProtocolExport *pe)
{
  g_clear_object (&pe->self);
  g_clear_object (&pe->workshop);
  g_clear_object (&pe->cancellable);
  g_free (pe);
}

/* The export runs on this thread (the store is not shared with others); the progress bar and
 * the Cancel button stay alive because each step lets the main loop run. */
static void
protocol_progress_cb (guint done, guint total, gpointer user_data)
{
  ProtocolExport *pe = user_data;

  gtk_progress_bar_set_fraction (pe->bar, total ? (double) done / total : 0.0);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
cancel_protocol_cb (AdwMessageDialog *dialog, const char *response, ProtocolExport *pe)
{
  g_cancellable_cancel (pe->cancellable);
}

static void
run_protocol_export (ProtocolExport *pe, const char *path)
{
  GSettings *settings = werk_application_get_settings (
      WERK_APPLICATION (gtk_window_get_application (GTK_WINDOW (pe->self))));
  g_autoptr (GError) error = NULL;
  WerkProtocolOptions options;
  GtkWidget *dialog, *bar;
  gboolean ok;

  werk_protocol_options_init (&options);
  options.photo_layout = g_settings_get_enum (settings, "protocol-photo-layout");
  options.clean_up = g_settings_get_boolean (settings, "protocol-enhance-photos");
  dialog = adw_message_dialog_new (GTK_WINDOW (pe->self), _ ("Exporting the Photo Protocol"), NULL);
  bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Progress of the export"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"));
  g_signal_connect (dialog, "response::cancel", G_CALLBACK (cancel_protocol_cb), pe);
  pe->bar = GTK_PROGRESS_BAR (bar);
  pe->cancellable = g_cancellable_new ();
  gtk_window_present (GTK_WINDOW (dialog));

  ok = werk_protocol_export (werk_record_get_store (WERK_RECORD (pe->workshop)), pe->workshop,
                             &options, path, protocol_progress_cb, pe, pe->cancellable, &error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (ok)
    open_document (pe->self, path);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    werk_application_show_error (GTK_WINDOW (pe->self), _ ("The Photo Protocol Can’t Be Exported"),
                                 error);
}

static void
protocol_file_cb (GtkNativeDialog *native, int response, ProtocolExport *pe)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  if (path && !g_str_has_suffix (path, ".pdf"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);
      g_free (path);
      path = with_suffix;
    }
  if (path)
    run_protocol_export (pe, path);
  protocol_export_free (pe);
  g_object_unref (native);
}

static void
ask_protocol_file (WerkWindow *self, WerkWorkshop *workshop)
{
  ProtocolExport *pe = g_new0 (ProtocolExport, 1);
  g_autofree char *dir = g_path_get_dirname (werk_store_get_path (self->store));
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  /* Translators: the suggested file name of a photo protocol; %s is the workshop's title */
  g_autofree char *name =
      g_strdup_printf (_ ("Photo protocol %s.pdf"), werk_record_get_label (WERK_RECORD (workshop)));
  GtkFileChooserNative *native;

  pe->self = g_object_ref (self);
  pe->workshop = g_object_ref (workshop);
  g_strdelimit (name, "/\\:", '-');
  native = gtk_file_chooser_native_new (_ ("Export Photo Protocol"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (protocol_file_cb), pe);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
workshop_chosen_cb (AdwMessageDialog *dialog, const char *response, WerkWindow *self)
{
  WerkRecord *workshop = werk_store_lookup (self->store, response);

  if (WERK_IS_WORKSHOP (workshop))
    ask_protocol_file (self, WERK_WORKSHOP (workshop));
  g_object_unref (self);
}

static void
export_protocol_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  GListModel *workshops = werk_store_get_list (self->store, WERK_KIND_WORKSHOP, NULL);
  guint n = g_list_model_get_n_items (workshops);
  GtkWidget *dialog;

  if (n == 0)
    {
      werk_show_toast (widget, adw_toast_new (_ ("Add a workshop first: a protocol is written "
                                                 "for one workshop.")));
      return;
    }
  if (n == 1)
    {
      g_autoptr (WerkWorkshop) only = g_list_model_get_item (workshops, 0);
      ask_protocol_file (self, only);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Which Workshop?"),
                                   _ ("The photo protocol is written for one workshop."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) workshop = g_list_model_get_item (workshops, i);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), werk_record_get_id (workshop),
                                       werk_record_get_label (workshop));
    }
  g_signal_connect (dialog, "response", G_CALLBACK (workshop_chosen_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

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
  gtk_widget_class_install_action (widget_class, "win.export-protocol", NULL,
                                   export_protocol_action);
  gtk_widget_class_install_action (widget_class, "win.export-framework", NULL,
                                   export_framework_action);
  gtk_widget_class_install_action (widget_class, "win.export-measures", NULL,
                                   export_measures_action);

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
