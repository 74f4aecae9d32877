/* werk-start-window.c: the first window: recent processes, a new process, the demo.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-start-window.h"
#include "werk-ui-util.h"

struct _WerkStartWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkListBox *recent_list;
  GtkWidget *demo_button;
};

G_DEFINE_FINAL_TYPE (WerkStartWindow, werk_start_window, ADW_TYPE_APPLICATION_WINDOW)

static WerkApplication *
get_app (WerkStartWindow *self)
{
  return WERK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* What a recent file's row says: the process, its municipality and its latest workshop. */
static void
describe_file (const char *path, char **title, char **subtitle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *latest = NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  WerkRecord *process;
  GListModel *workshops;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      *title = g_steal_pointer (&name);
      *subtitle = g_strdup (_ ("Not found: was it moved, or is its USB stick out?"));
      return;
    }
  if (!(store = werk_store_open (path, &error)))
    {
      *title = g_steal_pointer (&name);
      *subtitle = g_strdup (error->message);
      return;
    }
  process = WERK_RECORD (werk_store_get_process (store));
  workshops = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr (WerkRecord) w = g_list_model_get_item (workshops, i);
      const char *date = werk_record_get_string (w, "date");
      if (date && g_strcmp0 (date, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (date);
        }
    }
  g_string_append (s, werk_record_get_string (process, "municipality"));
  if (latest)
    {
      g_autofree char *date = werk_format_date (latest);
      if (s->len)
        g_string_append (s, " · ");
      /* Translators: the date of the latest workshop of a process */
      g_string_append_printf (s, _ ("last workshop %s"), date);
    }
  if (s->len == 0)
    g_string_append (s, name);
  *title = g_strdup (*werk_record_get_string (process, "title")
                         ? werk_record_get_string (process, "title")
                         : name);
  *subtitle = g_string_free (g_steal_pointer (&s), FALSE);
  werk_store_close (store);
}

static void
forget_clicked_cb (GtkButton *button, WerkStartWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  werk_application_forget_recent (get_app (self), path);
}

static GtkWidget *
recent_row_new (WerkStartWindow *self, const char *path)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *forget = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *display = g_filename_display_name (path);

  describe_file (path, &title, &subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, display);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);

  gtk_widget_set_valign (forget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (forget, "flat");
  werk_widget_set_label (forget, _ ("Remove from the List"));
  g_object_set_data_full (G_OBJECT (forget), "path", g_strdup (path), g_free);
  g_signal_connect (forget, "clicked", G_CALLBACK (forget_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
fill_recent (WerkStartWindow *self)
{
  GSettings *settings = werk_application_get_settings (get_app (self));
  g_auto (GStrv) recent = g_settings_get_strv (settings, "recent-files");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i]; i++)
    gtk_list_box_append (self->recent_list, recent_row_new (self, recent[i]));
  /* A first start shows the demo front and centre. */
  gtk_stack_set_visible_child_name (self->stack, recent[0] ? "recent" : "welcome");
  if (!recent[0])
    gtk_widget_grab_focus (self->demo_button);
}

static void
recent_activated_cb (WerkStartWindow *self, GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  werk_application_open_path (get_app (self), path, GTK_WINDOW (self));
}

static void
werk_start_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WERK_TYPE_START_WINDOW);
  G_OBJECT_CLASS (werk_start_window_parent_class)->dispose (object);
}

static void
werk_start_window_class_init (WerkStartWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_start_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-start-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkStartWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WerkStartWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkStartWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, WerkStartWindow, demo_button);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
werk_start_window_init (WerkStartWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  werk_set_toast_overlay (GTK_WINDOW (self), self->toast_overlay);
}

WerkStartWindow *
werk_start_window_new (WerkApplication *app)
{
  WerkStartWindow *self = g_object_new (WERK_TYPE_START_WINDOW, "application", app, NULL);

  g_signal_connect_object (werk_application_get_settings (app), "changed::recent-files",
                           G_CALLBACK (fill_recent), self, G_CONNECT_SWAPPED);
  fill_recent (self);
  return self;
}
