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
#include "werk-sustainability-report.h"
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

/* ---- exports ---- */

typedef enum
{
  EXPORT_PROTOCOL,
  EXPORT_FRAMEWORK,
  EXPORT_MEASURES,
  EXPORT_JSON,
  EXPORT_COPY,
  EXPORT_SUSTAINABILITY,
} ExportKind;

/* One export. The exporting thread reads only what is set before it starts; the window, the
 * application and the progress dialog belong to the main thread. */
typedef struct
{
  ExportKind kind;
  char *source; /* the open .werkstatt file, opened again as a snapshot on the thread */
  char *path;
  char *workshop_id;
  WerkProtocolOptions protocol;
  WerkFrameworkFormat format;
  gboolean embed_photos;
  GCancellable *cancellable;
  WerkExportHooks hooks;

  WerkWindow *window; /* NULL once the window has gone */
  GApplication *app;  /* held: quitting waits until the file is whole or gone */
  GtkWidget *dialog;  /* weak: the progress dialog, while it is shown */
  GtkProgressBar *bar;
} ExportJob;

static ExportJob *
export_job_new (ExportKind kind, const char *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->path = g_strdup (path);
  job->cancellable = g_cancellable_new ();
  return job;
}

/* May run on the exporting thread: what needs the main thread is let go in export_done_cb. */
static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_assert (job->app == NULL && job->dialog == NULL);
  g_free (job->source);
  g_free (job->path);
  g_free (job->workshop_id);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static const char *
failed_heading (ExportKind kind)
{
  switch (kind)
    {
      case EXPORT_PROTOCOL:
        return _ ("The Photo Protocol Can’t Be Exported");
      case EXPORT_FRAMEWORK:
        return _ ("The Strategy Framework Can’t Be Exported");
      case EXPORT_MEASURES:
        return _ ("The Measures Can’t Be Exported");
      case EXPORT_JSON:
        return _ ("The JSON File Can’t Be Saved");
      case EXPORT_COPY:
        return _ ("The Copy Can’t Be Saved");
      case EXPORT_SUSTAINABILITY:
        return _ ("The Sustainability Report Can’t Be Exported");
      default:
        g_assert_not_reached ();
    }
}

/* -- on the exporting thread, and the progress it sends to the main thread -- */

typedef struct
{
  GTask *task;
  guint done, total;
} Step;

static gboolean
show_step_cb (gpointer data)
{
  Step *step = data;
  ExportJob *job = g_task_get_task_data (step->task);

  if (job->bar)
    gtk_progress_bar_set_fraction (job->bar, step->total ? (double) step->done / step->total : 0);
  return G_SOURCE_REMOVE;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_object_unref (step->task);
  g_free (step);
}

static void
protocol_step_cb (guint done, guint total, gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  Step *step = g_new (Step, 1);

  *step = (Step){ g_object_ref (task), done, total };
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, show_step_cb, step,
                              step_free);
  if (job->hooks.step)
    job->hooks.step (done, total, job->hooks.data);
}

static gboolean
write_protocol (ExportJob *job, WerkStore *store, GTask *task, GError **error)
{
  WerkRecord *workshop = werk_store_lookup (store, job->workshop_id);

  if (!WERK_IS_WORKSHOP (workshop))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                   _ ("There is no workshop with the id “%s” in this file."), job->workshop_id);
      return FALSE;
    }
  return werk_protocol_export (store, WERK_WORKSHOP (workshop), &job->protocol, job->path,
                               protocol_step_cb, task, job->cancellable, error);
}

/* A copy refuses to overwrite, but the file chooser has already asked whether to replace: it is
 * written beside the old file and renamed over it, so a failed copy leaves that as it was. */
static gboolean
write_copy (WerkStore *store, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return werk_store_save_copy (store, path, error);
  tmp = g_strdup_printf ("%s/.%s.%u", dir, base, g_random_int ());
  if (!werk_store_save_copy (store, tmp, error))
    return FALSE;
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", base,
                   g_strerror (saved_errno));
      g_remove (tmp);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_export (ExportJob *job, WerkStore *store, GTask *task, GError **error)
{
  switch (job->kind)
    {
      case EXPORT_PROTOCOL:
        return write_protocol (job, store, task, error);
      case EXPORT_FRAMEWORK:
        return werk_framework_export (store, job->path, job->format, NULL, error);
      case EXPORT_MEASURES:
        return werk_measures_csv_export (store, job->path, error);
      case EXPORT_JSON:
        return werk_json_export_file (store, job->path, job->embed_photos, error);
      case EXPORT_COPY:
        return write_copy (store, job->path, error);
      case EXPORT_SUSTAINABILITY:
        return werk_sustainability_report_export (store, job->path, error);
      default:
        g_assert_not_reached ();
    }
}

/* Each export would say it in its own words, some naming a temporary file. */
static gboolean
check_folder (const char *path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = NULL;

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  display = g_filename_display_name (folder);
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _ ("The folder “%s” does not exist."),
               display);
  return FALSE;
}

/* The thread has a connection of its own: the window's store is used on the main thread only,
 * and is edited, or closed, while the export runs. */
static void
export_thread_cb (GTask *task, gpointer source_object, gpointer task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  if (g_strcmp0 (job->path, job->source) == 0)
    g_set_error_literal (&error, WERK_ERROR, WERK_ERROR_EXISTS,
                         _ ("This is the file that is open. Choose another name."));
  else if (check_folder (job->path, &error) &&
           (store = werk_store_open_snapshot (job->source, &error)))
    {
      ok = write_export (job, store, task, &error);
      werk_store_close (store);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* -- on the main thread -- */

static void
progress_response_cb (AdwMessageDialog *dialog, const char *response, ExportJob *job)
{
  g_cancellable_cancel (job->cancellable);
}

static void
show_progress (ExportJob *job)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (job->window), _ ("Exporting the Photo Protocol"), NULL));
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Progress of the export"), -1);
  adw_message_dialog_set_extra_child (dialog, bar);
  adw_message_dialog_add_response (dialog, "cancel", _ ("_Cancel"));
  /* Escape and the window manager's close button cancel too. */
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), job);
  g_set_weak_pointer (&job->dialog, GTK_WIDGET (dialog));
  g_set_weak_pointer (&job->bar, GTK_PROGRESS_BAR (bar));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_progress (ExportJob *job)
{
  g_clear_weak_pointer (&job->bar);
  if (job->dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (job->dialog, job);
  gtk_window_destroy (GTK_WINDOW (job->dialog));
  g_clear_weak_pointer (&job->dialog);
}

/* A finished document is opened at once, as people expect after an export. */
static void
open_document (WerkWindow *self, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
show_result (WerkWindow *self, ExportJob *job, const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;

  if (error)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        werk_application_show_error (GTK_WINDOW (self), failed_heading (job->kind), error);
      return;
    }
  /* Cancel came too late to stop the file; it is whole, but no longer asked for. */
  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  if (job->kind == EXPORT_PROTOCOL || job->kind == EXPORT_FRAMEWORK ||
      job->kind == EXPORT_SUSTAINABILITY)
    {
      if (job->hooks.step == NULL && job->hooks.finished == NULL)
        open_document (self, job->path);
      return;
    }
  name = g_filename_display_basename (job->path);
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is a file name */
  werk_show_toast (GTK_WIDGET (self), adw_toast_new_format (_ ("Saved “%s”"), escaped));
}

static void
export_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  WerkWindow *self = job->window;
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (task, &error);
  close_progress (job);
  if (self)
    show_result (self, job, error);
  if (job->hooks.finished)
    job->hooks.finished (job->path, error, job->hooks.data);
  if (job->app)
    g_application_release (job->app);
  g_clear_object (&job->app);
  if (self)
    g_ptr_array_remove (self->exports, task);
}

static void
start_export (WerkWindow *self, ExportJob *job)
{
  g_autoptr (GTask) task = g_task_new (NULL, job->cancellable, export_done_cb, NULL);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  job->source = g_strdup (werk_store_get_path (self->store));
  job->hooks = self->export_hooks;
  job->window = self;
  if (app)
    {
      job->app = G_APPLICATION (g_object_ref (app));
      g_application_hold (job->app);
    }
  g_task_set_task_data (task, job, export_job_free);
  g_task_set_source_tag (task, start_export);
  /* A file written despite a late Cancel is reported as written, not as cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  if (job->kind == EXPORT_PROTOCOL)
    show_progress (job);
  g_ptr_array_add (self->exports, g_object_ref (task));
  g_task_run_in_thread (task, export_thread_cb);
}

void
_werk_window_cancel_exports (WerkWindow *self)
{
  g_return_if_fail (WERK_IS_WINDOW (self));

  for (guint i = 0; self->exports && i < self->exports->len; i++)
    {
      ExportJob *job = g_task_get_task_data (g_ptr_array_index (self->exports, i));

      job->window = NULL;
      close_progress (job);
      g_cancellable_cancel (job->cancellable);
    }
  if (self->exports)
    g_ptr_array_set_size (self->exports, 0);
}

void
_werk_window_set_export_hooks (WerkWindow *self, const WerkExportHooks *hooks)
{
  g_return_if_fail (WERK_IS_WINDOW (self));

  self->export_hooks = hooks ? *hooks : (WerkExportHooks){ NULL };
}

static void
protocol_options_init (WerkWindow *self, WerkProtocolOptions *options)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings =
      WERK_IS_APPLICATION (app) ? werk_application_get_settings (WERK_APPLICATION (app)) : NULL;

  werk_protocol_options_init (options);
  if (settings == NULL)
    return;
  options->photo_layout = g_settings_get_enum (settings, "protocol-photo-layout");
  options->clean_up = g_settings_get_boolean (settings, "protocol-enhance-photos");
}

void
_werk_window_export_protocol_to (WerkWindow *self, WerkWorkshop *workshop, const char *path)
{
  ExportJob *job;

  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (WERK_IS_WORKSHOP (workshop));
  g_return_if_fail (path != NULL);

  job = export_job_new (EXPORT_PROTOCOL, path);
  job->workshop_id = g_strdup (werk_record_get_id (WERK_RECORD (workshop)));
  protocol_options_init (self, &job->protocol);
  start_export (self, job);
}

void
_werk_window_export_framework_to (WerkWindow *self, WerkFrameworkFormat format, const char *path)
{
  ExportJob *job;

  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (format <= WERK_FRAMEWORK_MARKDOWN);
  g_return_if_fail (path != NULL);

  job = export_job_new (EXPORT_FRAMEWORK, path);
  job->format = format;
  start_export (self, job);
}

void
_werk_window_export_measures_to (WerkWindow *self, const char *path)
{
  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  start_export (self, export_job_new (EXPORT_MEASURES, path));
}

void
_werk_window_export_json_to (WerkWindow *self, gboolean embed_photos, const char *path)
{
  ExportJob *job;

  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = export_job_new (EXPORT_JSON, path);
  job->embed_photos = embed_photos;
  start_export (self, job);
}

void
_werk_window_export_sustainability_to (WerkWindow *self, const char *path)
{
  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  start_export (self, export_job_new (EXPORT_SUSTAINABILITY, path));
}

void
_werk_window_save_copy_to (WerkWindow *self, const char *path)
{
  g_return_if_fail (WERK_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  start_export (self, export_job_new (EXPORT_COPY, path));
}

/* ---- asking for the file ---- */

/* Called with what the file chooser gave, before any extension is added. */
typedef void (*ChosenFunc) (WerkWindow *self, GtkFileChooser *chooser, const char *path);

static char *
with_suffix (const char *path, const char *suffix)
{
  return g_str_has_suffix (path, suffix) ? g_strdup (path) : g_strconcat (path, suffix, NULL);
}

static void
chooser_response_cb (GtkNativeDialog *native, int response, WerkWindow *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (native), "werk-chosen");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  if (path)
    func (self, GTK_FILE_CHOOSER (native), path);
  g_object_unref (self);
  g_object_unref (native);
}

/* A save dialog in the folder of the open file, offering @name; shown by the caller. */
static GtkFileChooser *
new_chooser (WerkWindow *self, const char *title, const char *accept, const char *name,
             ChosenFunc func)
{
  g_autofree char *dir = g_path_get_dirname (werk_store_get_path (self->store));
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (gtk_file_chooser_native_new (
      title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, accept, NULL));

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, name);
  g_object_set_data (G_OBJECT (chooser), "werk-chosen", func);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  return chooser;
}

static void
show_chooser (GtkFileChooser *chooser)
{
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The open file's name without ".werkstatt", for the names offered. */
static char *
file_stem (WerkWindow *self)
{
  char *base = g_path_get_basename (werk_store_get_path (self->store));

  if (g_str_has_suffix (base, ".werkstatt"))
    base[strlen (base) - strlen (".werkstatt")] = '\0';
  return base;
}

static void
copy_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  g_autofree char *full = with_suffix (path, ".werkstatt");

  _werk_window_save_copy_to (self, full);
}

static void
save_copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  g_autofree char *stem = file_stem (self);
  /* Translators: the suggested name of a copy, %s is the file's name without extension */
  g_autofree char *copy = g_strdup_printf (_ ("%s (copy)"), stem);
  g_autofree char *offered = g_strconcat (copy, ".werkstatt", NULL);

  show_chooser (new_chooser (self, _ ("Save a Copy"), _ ("_Save"), offered, copy_chosen));
}

static void
json_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  g_autofree char *full = with_suffix (path, ".json");

  _werk_window_export_json_to (
      self, g_strcmp0 (gtk_file_chooser_get_choice (chooser, "embed"), "true") == 0, full);
}

static void
export_json_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  g_autofree char *stem = file_stem (self);
  g_autofree char *offered = g_strconcat (stem, ".json", NULL);
  GtkFileChooser *chooser =
      new_chooser (self, _ ("Export as JSON"), _ ("_Save"), offered, json_chosen);

  gtk_file_chooser_add_choice (chooser, "embed", _ ("Put the photos into the JSON file"), NULL,
                               NULL);
  show_chooser (chooser);
}

static void
measures_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  g_autofree char *full = with_suffix (path, ".csv");

  _werk_window_export_measures_to (self, full);
}

static void
export_measures_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  g_autofree char *stem = file_stem (self);
  g_autofree char *offered = g_strconcat (stem, ".csv", NULL);

  show_chooser (
      new_chooser (self, _ ("Export Measures as CSV"), _ ("_Save"), offered, measures_chosen));
}

/* The sustainability check's report, from the menu and from the button on its page. */
static void
sustainability_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  g_autofree char *full = with_suffix (path, ".pdf");

  _werk_window_export_sustainability_to (self, full);
}

static void
export_sustainability_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *offered = NULL;
  GtkFileChooser *chooser;

  /* Translators: the file name the report is offered under; %s is the process's title */
  offered =
      g_strdup_printf (_ ("%s – sustainability check.pdf"),
                       werk_record_get_label (WERK_RECORD (werk_store_get_process (self->store))));
  g_strdelimit (offered, "/\\", '-');
  chooser = new_chooser (self, _ ("Save the Sustainability Report"), _ ("_Save"), offered,
                         sustainability_chosen);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (chooser, filter);
  show_chooser (chooser);
}

/* The framework: the format is chosen in the file chooser and decides the extension. */
static void
framework_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  static const char *const suffixes[] = {
    [WERK_FRAMEWORK_PDF] = ".pdf", [WERK_FRAMEWORK_ODT] = ".odt", [WERK_FRAMEWORK_MARKDOWN] = ".md"
  };
  const char *choice = gtk_file_chooser_get_choice (chooser, "format");
  WerkFrameworkFormat format = choice ? CLAMP (atoi (choice), 0, WERK_FRAMEWORK_MARKDOWN) : 0;
  g_autofree char *full = with_suffix (path, suffixes[format]);

  _werk_window_export_framework_to (self, format, full);
}

static void
export_framework_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWindow *self = WERK_WINDOW (widget);
  const char *ids[] = { "0", "1", "2", NULL };
  const char *labels[] = { _ ("PDF for reading and printing"), _ ("OpenDocument (ODT) for editing"),
                           _ ("Markdown"), NULL };
  GtkFileChooser *chooser;

  /* Translators: the suggested file name of the strategy framework */
  chooser = new_chooser (self, _ ("Export Strategy Framework"), _ ("_Export"),
                         _ ("Strategy framework"), framework_chosen);
  gtk_file_chooser_add_choice (chooser, "format", _ ("Format"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "format", "0");
  show_chooser (chooser);
}

/* The photo protocol: a workshop, a file, then the export with progress and Cancel. */
static void
protocol_chosen (WerkWindow *self, GtkFileChooser *chooser, const char *path)
{
  g_autofree char *full = with_suffix (path, ".pdf");

  _werk_window_export_protocol_to (self, g_object_get_data (G_OBJECT (chooser), "werk-workshop"),
                                   full);
}

static void
ask_protocol_file (WerkWindow *self, WerkWorkshop *workshop)
{
  /* Translators: the suggested file name of a photo protocol; %s is the workshop's title */
  g_autofree char *offered =
      g_strdup_printf (_ ("Photo protocol %s.pdf"), werk_record_get_label (WERK_RECORD (workshop)));
  GtkFileChooser *chooser;

  g_strdelimit (offered, "/\\:", '-');
  chooser =
      new_chooser (self, _ ("Export Photo Protocol"), _ ("_Export"), offered, protocol_chosen);
  g_object_set_data_full (G_OBJECT (chooser), "werk-workshop", g_object_ref (workshop),
                          g_object_unref);
  show_chooser (chooser);
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
