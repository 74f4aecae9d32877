/* werk-window.c: the window of one strategy process: sidebar of pages, toasts, file actions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-fields-page.h"
#include "werk-measures-page.h"
#include "werk-overview-page.h"
#include "werk-photos-page.h"
#include "werk-sustainability-view.h"
#include "werk-ui-util.h"
#include "werk-window-private.h"
#include "werk-workshops-page.h"

G_DEFINE_FINAL_TYPE (WerkWindow, werk_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

WerkStore *
werk_window_get_store (WerkWindow *self)
{
  g_return_val_if_fail (WERK_IS_WINDOW (self), NULL);
  return self->store;
}

AdwToast *
werk_window_get_undo_toast (WerkWindow *self)
{
  g_return_val_if_fail (WERK_IS_WINDOW (self), NULL);
  return self->undo_toast;
}

const char *
werk_window_get_page (WerkWindow *self)
{
  g_return_val_if_fail (WERK_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Pages are made when first shown: the first frame needs only the one in front. */
GtkWidget *
_werk_window_ensure_page (WerkWindow *self, const char *name)
{
  static const struct
  {
    const char *name;
    GType (*get_type) (void);
    void (*set_store) (gpointer page, WerkStore *store);
  } pages[] = {
    { "overview", werk_overview_page_get_type, (gpointer) werk_overview_page_set_store },
    { "workshops", werk_workshops_page_get_type, (gpointer) werk_workshops_page_set_store },
    { "fields", werk_fields_page_get_type, (gpointer) werk_fields_page_set_store },
    { "measures", werk_measures_page_get_type, (gpointer) werk_measures_page_set_store },
    { "photos", werk_photos_page_get_type, (gpointer) werk_photos_page_set_store },
  };
  AdwBin *slot = ADW_BIN (gtk_stack_get_child_by_name (self->stack, name));
  GtkWidget *page;

  if (slot == NULL)
    return NULL;
  if ((page = adw_bin_get_child (slot)) || self->store == NULL)
    return page;
  if (g_str_equal (name, "sustainability"))
    {
      page = werk_sustainability_view_new (self->store);
      adw_bin_set_child (slot, page);
      return page;
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      {
        page = g_object_new (pages[i].get_type (), NULL);
        adw_bin_set_child (slot, page);
        pages[i].set_store (page, self->store);
      }
  return page;
}

void
werk_window_show_page (WerkWindow *self, const char *name)
{
  g_return_if_fail (WERK_IS_WINDOW (self));

  if (_werk_window_ensure_page (self, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
sync_sidebar (WerkWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      {
        /* When folded the sidebar is a plain list: nothing looks chosen there. */
        if (adw_leaflet_get_folded (self->leaflet))
          gtk_list_box_unselect_all (self->sidebar);
        else
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
      }
}

static void
stack_visible_child_cb (WerkWindow *self)
{
  GtkStackPage *page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  _werk_window_ensure_page (self, gtk_stack_get_visible_child_name (self->stack));

  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  sync_sidebar (self);
}

static void
leaflet_folded_cb (WerkWindow *self)
{
  sync_sidebar (self);
}

static void
sidebar_row_activated_cb (WerkWindow *self, GtkListBoxRow *row)
{
  werk_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
update_title (WerkWindow *self)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (self->store));
  const char *title = werk_record_get_string (process, "title");
  const char *municipality = werk_record_get_string (process, "municipality");
  g_autofree char *file = g_filename_display_basename (werk_store_get_path (self->store));

  /* The sidebar stays narrow: the long title goes with the page's. */
  gtk_window_set_title (GTK_WINDOW (self), *title ? title : file);
  adw_window_title_set_title (self->sidebar_title, *municipality ? municipality : _ ("Werkstatt"));
  adw_window_title_set_subtitle (self->content_title, *title ? title : file);
}

static void
store_error_cb (WerkWindow *self, const GError *error)
{
  werk_show_error (GTK_WIDGET (self), error);
}

static void
set_store (WerkWindow *self, WerkStore *store)
{
  WerkProcess *process;

  g_assert (self->store == NULL);
  self->store = g_object_ref (store);
  process = werk_store_get_process (store);
  g_signal_connect_object (store, "error", G_CALLBACK (store_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (process, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (process, "notify::municipality", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
  _werk_window_ensure_page (self, gtk_stack_get_visible_child_name (self->stack));
}

static void
restore_size (WerkWindow *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings =
      WERK_IS_APPLICATION (app) ? werk_application_get_settings (WERK_APPLICATION (app)) : NULL;

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
werk_window_close_request (GtkWindow *window)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings =
      WERK_IS_APPLICATION (app) ? werk_application_get_settings (WERK_APPLICATION (app)) : NULL;
  int width, height;

  if (settings)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_apply (settings);
    }
  return GTK_WINDOW_CLASS (werk_window_parent_class)->close_request (window);
}

static void
werk_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        set_store (WERK_WINDOW (object), g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_STORE:
        g_value_set_object (value, WERK_WINDOW (object)->store);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_window_dispose (GObject *object)
{
  WerkWindow *self = WERK_WINDOW (object);

  _werk_window_cancel_exports (self);
  g_clear_pointer (&self->exports, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_WINDOW);
  g_clear_pointer (&self->undos, g_hash_table_unref);
  G_OBJECT_CLASS (werk_window_parent_class)->dispose (object);
}

static void
werk_window_finalize (GObject *object)
{
  WerkWindow *self = WERK_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_window_parent_class)->finalize (object);
}

static void
werk_window_class_init (WerkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->set_property = werk_window_set_property;
  object_class->get_property = werk_window_get_property;
  object_class->dispose = werk_window_dispose;
  object_class->finalize = werk_window_finalize;
  window_class->close_request = werk_window_close_request;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, WERK_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, workshops_page);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, fields_page);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, measures_page);
  gtk_widget_class_bind_template_child (widget_class, WerkWindow, photos_page);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  _werk_window_class_init_actions (widget_class);
}

static void
werk_window_init (WerkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->exports = g_ptr_array_new_with_free_func (g_object_unref);
  werk_set_toast_overlay (GTK_WINDOW (self), self->toast_overlay);
  restore_size (self);
  stack_visible_child_cb (self);
}

WerkWindow *
werk_window_new (WerkApplication *app, WerkStore *store)
{
  g_return_val_if_fail (WERK_IS_STORE (store), NULL);

  return g_object_new (WERK_TYPE_WINDOW, "application", app, "store", store, NULL);
}
