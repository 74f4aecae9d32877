/* werk-application.c: the Werkstatt application: its windows, actions, settings and recent files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "werk-application.h"
#include "werk-new-process-window.h"
#include "werk-preferences-window.h"
#include "werk-start-window.h"
#include "werk-window.h"

#define MAX_RECENT 12

struct _WerkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean open_demo; /* --demo on the command line */
};

G_DEFINE_FINAL_TYPE (WerkApplication, werk_application, ADW_TYPE_APPLICATION)

void
werk_application_show_error (GtkWindow *parent, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GSettings *
werk_application_get_settings (WerkApplication *self)
{
  g_return_val_if_fail (WERK_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
add_recent (WerkApplication *self, const char *path)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) recent);
}

void
werk_application_forget_recent (WerkApplication *self, const char *path)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;

  for (guint i = 0; old[i]; i++)
    if (!g_str_equal (old[i], path))
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) recent);
}

static WerkWindow *
find_window (WerkApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      WerkStore *store;

      if (!WERK_IS_WINDOW (l->data))
        continue;
      store = werk_window_get_store (l->data);
      if (g_strcmp0 (werk_store_get_path (store), path) == 0)
        return l->data;
    }
  return NULL;
}

/* The start window has done its job once a process is open. */
static void
close_start_windows (WerkApplication *self)
{
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l; l = l->next)
    if (WERK_IS_START_WINDOW (l->data))
      gtk_window_destroy (l->data);
}

GtkWindow *
werk_application_present_store (WerkApplication *self, WerkStore *store)
{
  GtkWindow *window;

  g_return_val_if_fail (WERK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (WERK_IS_STORE (store), NULL);

  window = GTK_WINDOW (werk_window_new (self, store));
  gtk_window_present (window);
  add_recent (self, werk_store_get_path (store));
  close_start_windows (self);
  return window;
}

/* Opens @path or presents the window that has it; on failure says why in @error. */
static gboolean
open_path (WerkApplication *self, const char *path, GError **error)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr (WerkStore) store = NULL;
  WerkWindow *window;

  if ((window = find_window (self, canonical)))
    {
      gtk_window_present (GTK_WINDOW (window));
      close_start_windows (self);
      return TRUE;
    }
  if (!(store = werk_store_open (canonical, error)))
    return FALSE;
  werk_application_present_store (self, store);
  return TRUE;
}

static void
show_open_error (GtkWindow *parent, const char *path, const GError *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_ ("“%s” Can’t Be Opened"), name);

  werk_application_show_error (parent, heading, error);
}

gboolean
werk_application_open_path (WerkApplication *self, const char *path, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (WERK_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (open_path (self, path, &error))
    return TRUE;
  show_open_error (parent, path, error);
  return FALSE;
}

char *
werk_application_get_demo_path (void)
{
  /* Translators: file name of the demo process in the user's data folder */
  g_autofree char *name = g_strconcat (_ ("Demo Kirchberg"), ".werkstatt", NULL);

  return g_build_filename (g_get_user_data_dir (), "werkstatt", name, NULL);
}

WerkStore *
werk_application_create_demo (const char *path, GError **error)
{
  return werk_demo_create (path, error);
}

gboolean
werk_application_open_demo (WerkApplication *self, GtkWindow *parent)
{
  g_autofree char *path = werk_application_get_demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return werk_application_open_path (self, path, parent);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir,
                   g_strerror (errno));
      werk_application_show_error (parent, _ ("The Demo Can’t Be Created"), error);
      return FALSE;
    }
  if (!(store = werk_application_create_demo (path, &error)))
    {
      werk_application_show_error (parent, _ ("The Demo Can’t Be Created"), error);
      return FALSE;
    }
  werk_application_present_store (self, store);
  return TRUE;
}

static GtkWindow *
active_window (WerkApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
open_response_cb (GtkNativeDialog *native, int response, WerkApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path)
            werk_application_open_path (self, path, active_window (self));
        }
    }
  g_object_unref (native);
}

static void
add_werkstatt_filter (GtkFileChooser *chooser)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Werkstatt Files"));
  gtk_file_filter_add_mime_type (filter, "application/x-werkstatt");
  gtk_file_filter_add_suffix (filter, "werkstatt");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      _ ("Open a Process"), active_window (self), GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), NULL);

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_werkstatt_filter (GTK_FILE_CHOOSER (native));
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_demo_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  werk_application_open_demo (user_data, active_window (user_data));
}

static void
new_process_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  GtkWindow *dialog = GTK_WINDOW (werk_new_process_window_new (self, active_window (self)));

  gtk_window_present (dialog);
}

typedef struct
{
  WerkApplication *app;
  char *json_path;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->json_path);
  g_free (data);
}

static void
import_save_response_cb (GtkNativeDialog *native, int response, ImportData *data)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  if (path)
    {
      if (!g_str_has_suffix (path, ".werkstatt"))
        {
          char *with_suffix = g_strconcat (path, ".werkstatt", NULL);
          g_free (path);
          path = with_suffix;
        }
      /* The file chooser already asked whether to replace it; the store never overwrites. */
      if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_str_equal (path, data->json_path))
        g_remove (path);
      store = werk_json_import_file (data->json_path, path, &error);
      if (store)
        werk_application_present_store (data->app, store);
      else
        werk_application_show_error (active_window (data->app),
                                     _ ("The JSON File Can’t Be Imported"), error);
    }
  import_data_free (data);
  g_object_unref (native);
}

static void
ask_import_target (WerkApplication *self, const char *json_path)
{
  ImportData *data = g_new0 (ImportData, 1);
  g_autofree char *base = g_path_get_basename (json_path);
  g_autofree char *dir = g_path_get_dirname (json_path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - 5] = '\0';
  name = g_strconcat (base, ".werkstatt", NULL);
  data->app = self;
  data->json_path = g_strdup (json_path);
  native = gtk_file_chooser_native_new (_ ("Save the Imported Process"), active_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (import_save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_open_response_cb (GtkNativeDialog *native, int response, WerkApplication *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))))
    path = g_file_get_path (file);
  g_object_unref (native);
  if (path)
    ask_import_target (self, path);
}

static void
import_json_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native = gtk_file_chooser_native_new (
      _ ("Import JSON"), active_window (self), GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), NULL);

  gtk_file_filter_set_name (filter, _ ("Werkstatt Exchange Files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (import_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (werk_preferences_window_new (self->settings));

  gtk_window_set_transient_for (window, active_window (self));
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  static const char *developers[] = { "The Werkstatt developers", NULL };
  GtkWidget *about = g_object_new (
      ADW_TYPE_ABOUT_WINDOW, "transient-for", active_window (self), "application-name",
      _ ("Werkstatt"), "application-icon", APP_ID, "developer-name", _ ("The Werkstatt developers"),
      "version", PACKAGE_VERSION, "comments",
      _ ("The digital facilitation kit for municipal strategy workshops: capture challenges, "
         "goals and measures, run dot-voting, keep the photos, and produce the photo protocol "
         "and the strategy framework."),
      "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
      /* Translators: your names, one per line */
      "translator-credits", _ ("translator-credits"), NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* Built when asked for, not with every window: it is a big tree the first frame can do without. */
static void
shortcuts_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  WerkApplication *self = user_data;
  g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/app/werkstatt/Werkstatt/ui/werk-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (window, active_window (self));
  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_autoptr (GList) windows =
      g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing each window lets it remember its size; every edit is already in its file. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-process", new_process_action }, { "open", open_action },
  { "open-demo", open_demo_action },     { "import-json", import_json_action },
  { "preferences", preferences_action }, { "about", about_action },
  { "shortcuts", shortcuts_action },     { "quit", quit_action },
};

static void
set_accels (GtkApplication *app, const char *action, const char *accel)
{
  const char *accels[] = { accel, NULL };

  gtk_application_set_accels_for_action (app, action, accels);
}

static void
werk_application_startup (GApplication *app)
{
  WerkApplication *self = WERK_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (werk_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  set_accels (gtk_app, "app.new-process", "<Control>n");
  set_accels (gtk_app, "app.open", "<Control>o");
  set_accels (gtk_app, "app.preferences", "<Control>comma");
  set_accels (gtk_app, "app.quit", "<Control>q");
  set_accels (gtk_app, "window.close", "<Control>w");
  set_accels (gtk_app, "app.shortcuts", "<Control>question");
}

static int
werk_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  WERK_APPLICATION (app)->open_demo = g_variant_dict_contains (options, "demo");
  return -1;
}

static void
werk_application_activate (GApplication *app)
{
  WerkApplication *self = WERK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (werk_start_window_new (WERK_APPLICATION (app)));
  gtk_window_present (window);
  /* Over the start window, which stays if the demo can't be made and explains why. */
  if (self->open_demo)
    {
      self->open_demo = FALSE;
      werk_application_open_demo (self, window);
    }
}

static void
werk_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  WerkApplication *self = WERK_APPLICATION (app);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      GError *error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _ ("Only files on this computer can be opened."));
      else if (open_path (self, path, &error))
        continue;
      g_ptr_array_add (paths, path ? g_steal_pointer (&path) : g_file_get_uri (files[i]));
      g_ptr_array_add (errors, error);
    }
  /* Errors are explained over a window: the start window when nothing else opened. */
  if (errors->len && active_window (self) == NULL)
    werk_application_activate (app);
  for (guint i = 0; i < errors->len; i++)
    show_open_error (active_window (self), g_ptr_array_index (paths, i),
                     g_ptr_array_index (errors, i));
}

static void
werk_application_dispose (GObject *object)
{
  WerkApplication *self = WERK_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (werk_application_parent_class)->dispose (object);
}

static void
werk_application_class_init (WerkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = werk_application_dispose;
  app_class->startup = werk_application_startup;
  app_class->activate = werk_application_activate;
  app_class->handle_local_options = werk_application_handle_local_options;
  app_class->open = werk_application_open;
}

static void
werk_application_init (WerkApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "demo", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _ ("Open the built-in demo process"), NULL);
}

WerkApplication *
werk_application_new (void)
{
  return g_object_new (WERK_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", "/app/werkstatt/Werkstatt",
                       NULL);
}
