/* werk-photos-page.c: the photos of a workshop as a grid; import by file chooser or drag and drop.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-photo-editor.h"
#include "werk-photo-import.h"
#include "werk-photos-page.h"
#include "werk-ui-util.h"

struct _WerkPhotosPage
{
  AdwBin parent_instance;

  WerkStore *store;
  GListModel *photos; /* of the workshop shown */
  WerkPhotoImport *import;
  GPtrArray *last_failures;

  GtkStack *stack;
  GtkWidget *grid_page;
  GtkDropDown *workshop_dropdown;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkStack *grid_stack;
  GtkGridView *grid_view;
  WerkPhotoEditor *editor;
};

G_DEFINE_FINAL_TYPE (WerkPhotosPage, werk_photos_page, ADW_TYPE_BIN)

static WerkWorkshop *
shown_workshop (WerkPhotosPage *self)
{
  return gtk_drop_down_get_selected_item (self->workshop_dropdown);
}

static void
update_grid_stack (WerkPhotosPage *self)
{
  const char *name = "grid";

  if (shown_workshop (self) == NULL)
    name = "no-workshop";
  else if (self->photos == NULL || g_list_model_get_n_items (self->photos) == 0)
    name = "empty";
  gtk_stack_set_visible_child_name (self->grid_stack, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-photos",
                                 shown_workshop (self) != NULL);
}

static void
workshop_selected_cb (WerkPhotosPage *self)
{
  WerkWorkshop *workshop = shown_workshop (self);
  g_autoptr (GtkSelectionModel) selection = NULL;

  if (self->photos)
    g_signal_handlers_disconnect_by_func (self->photos, update_grid_stack, self);
  g_clear_object (&self->photos);
  if (workshop)
    {
      self->photos =
          g_object_ref (werk_store_get_list (self->store, WERK_KIND_PHOTO, WERK_RECORD (workshop)));
      g_signal_connect_swapped (self->photos, "items-changed", G_CALLBACK (update_grid_stack),
                                self);
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->photos)));
    }
  gtk_grid_view_set_model (self->grid_view, selection);
  update_grid_stack (self);
}

/* ---- cells ---- */

static void
cell_update (GtkWidget *cell)
{
  WerkPhoto *photo = g_object_get_data (G_OBJECT (cell), "werk-record");
  GtkWidget *picture = gtk_widget_get_first_child (cell);
  GtkWidget *label = gtk_widget_get_next_sibling (picture);
  const char *caption;

  if (photo == NULL)
    return;
  caption = werk_record_get_string (WERK_RECORD (photo), "caption");
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (werk_photo_get_texture (photo)));
  gtk_label_set_label (GTK_LABEL (label), *caption ? caption : _ ("No caption"));
  if (*caption)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *caption ? caption : _ ("Photo without caption"), -1);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, 150, 112);
  gtk_widget_add_css_class (picture, "werk-thumbnail");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (cell), picture);
  gtk_box_append (GTK_BOX (cell), label);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  WerkPhoto *photo = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (cell), "werk-record", photo);
  g_signal_connect_object (photo, "notify::caption", G_CALLBACK (cell_update), cell,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (photo, "notify::rotate", G_CALLBACK (cell_update), cell,
                           G_CONNECT_SWAPPED);
  cell_update (cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  WerkPhoto *photo = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_data (photo, cell);
  g_object_set_data (G_OBJECT (cell), "werk-record", NULL);
}

/* The drop-down's own labels don't ellipsize: a long workshop title would widen the page. */
static void
title_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
title_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       werk_record_get_label (gtk_list_item_get_item (item)));
}

static void
grid_activate_cb (WerkPhotosPage *self, guint position)
{
  g_autoptr (WerkPhoto) photo =
      self->photos ? g_list_model_get_item (self->photos, position) : NULL;

  if (photo == NULL)
    return;
  werk_photo_editor_set_photo (self->editor, photo);
  gtk_stack_set_visible_child_name (self->stack, "photo");
  werk_photo_editor_focus (self->editor);
}

static gboolean
delete_focused_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  GtkWidget *item = gtk_widget_get_focus_child (widget);
  GtkWidget *cell = item ? gtk_widget_get_first_child (item) : NULL;
  WerkRecord *photo = cell ? g_object_get_data (G_OBJECT (cell), "werk-record") : NULL;

  if (photo == NULL)
    return FALSE;
  gtk_widget_activate_action (widget, "win.delete-record", "s", werk_record_get_id (photo));
  return TRUE;
}

/* ---- importing ---- */

static void
import_progress_cb (WerkPhotosPage *self, guint done, guint total)
{
  g_autofree char *text = g_strdup_printf (_ ("%u of %u photos"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
import_finished_cb (WerkPhotosPage *self)
{
  guint added = werk_photo_import_get_n_added (self->import);
  GPtrArray *failures = werk_photo_import_get_failures (self->import);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (failures->len == 0)
    title = g_strdup_printf (ngettext ("%u photo added", "%u photos added", added), added);
  else
    {
      g_autofree char *names = werk_photo_import_get_failed_names (self->import);
      g_autofree char *escaped = g_markup_escape_text (names, -1);
      /* Translators: photos added, then the names of files that were not */
      title = g_strdup_printf (
          ngettext ("%u photo added; not added: %s", "%u photos added; not added: %s", added),
          added, escaped);
    }
  toast = adw_toast_new (title);
  if (failures->len)
    {
      g_clear_pointer (&self->last_failures, g_ptr_array_unref);
      self->last_failures = g_ptr_array_ref (failures);
      adw_toast_set_button_label (toast, _ ("_Details"));
      adw_toast_set_action_name (toast, "page.import-details");
      adw_toast_set_timeout (toast, 0);
    }
  werk_show_toast (GTK_WIDGET (self), toast);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->import);
}

void
werk_photos_page_import (WerkPhotosPage *self, GListModel *files)
{
  WerkWorkshop *workshop;

  g_return_if_fail (WERK_IS_PHOTOS_PAGE (self));

  if (!(workshop = shown_workshop (self)) || g_list_model_get_n_items (files) == 0)
    return;
  if (self->import)
    {
      werk_show_toast (GTK_WIDGET (self),
                       adw_toast_new (_ ("Photos are still being added; try again afterwards")));
      return;
    }
  self->import = werk_photo_import_new (self->store, workshop, files);
  g_signal_connect_swapped (self->import, "progress", G_CALLBACK (import_progress_cb), self);
  g_signal_connect_swapped (self->import, "finished", G_CALLBACK (import_finished_cb), self);
  import_progress_cb (self, 0, g_list_model_get_n_items (files));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  werk_photo_import_start (self->import);
}

static void
stop_import_cb (WerkPhotosPage *self)
{
  if (self->import == NULL)
    return;
  werk_photo_import_cancel (self->import);
  import_finished_cb (self);
}

static void
import_details_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkPhotosPage *self = WERK_PHOTOS_PAGE (widget);
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->last_failures == NULL)
    return;
  for (guint i = 0; i < self->last_failures->len; i++)
    g_ptr_array_add (lines, g_ptr_array_index (self->last_failures, i));
  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **) lines->pdata);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Some Photos Were Not Added"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *native, int response, WerkPhotosPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      werk_photos_page_import (self, files);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
add_photos_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkPhotosPage *self = WERK_PHOTOS_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native =
      gtk_file_chooser_native_new (_ ("Add Photos"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), NULL);

  gtk_file_filter_set_name (filter, _ ("Photos"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, WerkPhotosPage *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (shown_workshop (self) == NULL)
    return FALSE;
  for (GSList *l = list; l; l = l->next)
    g_list_store_append (files, l->data);
  werk_photos_page_import (self, G_LIST_MODEL (files));
  return TRUE;
}

/* ---- the page ---- */

void
werk_photos_page_set_store (WerkPhotosPage *self, WerkStore *store)
{
  g_return_if_fail (WERK_IS_PHOTOS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_drop_down_set_model (self->workshop_dropdown,
                           werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL));
  workshop_selected_cb (self);
}

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkPhotosPage *self = WERK_PHOTOS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "grid");
  gtk_widget_grab_focus (GTK_WIDGET (self->workshop_dropdown));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkPhotosPage *self = WERK_PHOTOS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "grid");
  werk_photo_editor_set_photo (self->editor, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

static void
werk_photos_page_dispose (GObject *object)
{
  WerkPhotosPage *self = WERK_PHOTOS_PAGE (object);

  if (self->import)
    werk_photo_import_cancel (self->import);
  g_clear_object (&self->import);
  if (self->photos)
    g_signal_handlers_disconnect_by_func (self->photos, update_grid_stack, self);
  g_clear_object (&self->photos);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_PHOTOS_PAGE);
  g_clear_pointer (&self->last_failures, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_photos_page_parent_class)->dispose (object);
}

static void
werk_photos_page_class_init (WerkPhotosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_photos_page_dispose;

  g_type_ensure (WERK_TYPE_PHOTO_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-photos-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, grid_page);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, workshop_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotosPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, workshop_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_import_cb);

  gtk_widget_class_install_action (widget_class, "page.add-photos", NULL, add_photos_action);
  gtk_widget_class_install_action (widget_class, "page.import-details", NULL,
                                   import_details_action);
  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "page.add-photos",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

static void
werk_photos_page_init (WerkPhotosPage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) titles = gtk_signal_list_item_factory_new ();
  GtkDropTarget *target;
  GtkEventController *keys;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_expression (self->workshop_dropdown,
                                gtk_property_expression_new (WERK_TYPE_WORKSHOP, NULL, "title"));
  g_signal_connect (titles, "setup", G_CALLBACK (title_setup_cb), NULL);
  g_signal_connect (titles, "bind", G_CALLBACK (title_bind_cb), NULL);
  gtk_drop_down_set_factory (self->workshop_dropdown, titles);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->grid_page, GTK_EVENT_CONTROLLER (target));

  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_callback_action_new (delete_focused_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->grid_view), keys);
  update_grid_stack (self);
}
