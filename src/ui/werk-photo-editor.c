/* werk-photo-editor.c: one photo: preview, turning, caption, agenda item, table and consent.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-photo-editor.h"
#include "werk-ui-util.h"

#define PREVIEW_SIZE 1400

struct _WerkPhotoEditor
{
  AdwBin parent_instance;

  WerkPhoto *photo;
  GBindingGroup *bindings;
  GCancellable *cancellable;

  GtkLabel *heading;
  GtkPicture *picture;
  AdwEntryRow *caption_row;
  AdwComboRow *agenda_row;
  AdwComboRow *table_row;
  GtkSwitch *consent_switch;
  GtkSwitch *enhance_switch;
};

G_DEFINE_FINAL_TYPE (WerkPhotoEditor, werk_photo_editor, ADW_TYPE_BIN)

WerkPhoto *
werk_photo_editor_get_photo (WerkPhotoEditor *self)
{
  g_return_val_if_fail (WERK_IS_PHOTO_EDITOR (self), NULL);
  return self->photo;
}

void
werk_photo_editor_focus (WerkPhotoEditor *self)
{
  werk_focus_entry_end (GTK_WIDGET (self->caption_row));
}

/* ---- the preview, decoded off the main thread ---- */

static void
decode_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GBytes *bytes = data;
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (
      stream, PREVIEW_SIZE, PREVIEW_SIZE, TRUE, cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, gdk_pixbuf_apply_embedded_orientation (pixbuf), g_object_unref);
}

static void
decoded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  WerkPhotoEditor *self = WERK_PHOTO_EDITOR (source);
  g_autoptr (GdkPixbuf) pixbuf = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr (GdkPixbuf) turned = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int rotate;

  if (pixbuf == NULL || self->photo == NULL)
    return;
  rotate = werk_record_get_int (WERK_RECORD (self->photo), "rotate");
  turned = gdk_pixbuf_rotate_simple (pixbuf, (GdkPixbufRotation) ((360 - rotate) % 360));
  texture = gdk_texture_new_for_pixbuf (turned ? turned : pixbuf);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
load_preview (WerkPhotoEditor *self)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->photo == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }
  /* The thumbnail at once; the sharp picture when it is decoded. */
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (werk_photo_get_texture (self->photo)));
  if (!(bytes = werk_photo_load_bytes (self->photo, NULL)))
    return;
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, decoded_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

static void
rotate_by (WerkPhotoEditor *self, int degrees)
{
  g_autoptr (GError) error = NULL;
  int rotate;

  if (self->photo == NULL)
    return;
  rotate = (werk_record_get_int (WERK_RECORD (self->photo), "rotate") + degrees + 360) % 360;
  if (!werk_record_set_int (WERK_RECORD (self->photo), "rotate", rotate, &error))
    werk_show_error (GTK_WIDGET (self), error);
}

static void
rotate_left_cb (WerkPhotoEditor *self)
{
  rotate_by (self, -90);
}

static void
rotate_right_cb (WerkPhotoEditor *self)
{
  rotate_by (self, 90);
}

static void
photo_notify_cb (WerkPhotoEditor *self, GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "rotate"))
    load_preview (self);
}

static void
update_heading (WerkPhotoEditor *self)
{
  const char *file = werk_record_get_string (WERK_RECORD (self->photo), "file");
  g_autofree char *name = file && *file ? g_path_get_basename (file) : NULL;

  gtk_label_set_label (self->heading, name ? name : _ ("Photo"));
}

void
werk_photo_editor_set_photo (WerkPhotoEditor *self, WerkPhoto *photo)
{
  WerkRecord *workshop;
  WerkStore *store;

  g_return_if_fail (WERK_IS_PHOTO_EDITOR (self));

  if (self->photo)
    g_signal_handlers_disconnect_by_data (self->photo, self);
  if (!g_set_object (&self->photo, photo))
    return;
  g_binding_group_set_source (self->bindings, photo);
  if (photo == NULL)
    {
      werk_ref_combo_follow (self->agenda_row, NULL, NULL, NULL, NULL);
      werk_ref_combo_follow (self->table_row, NULL, NULL, NULL, NULL);
      load_preview (self);
      return;
    }
  workshop = werk_record_get_parent (WERK_RECORD (photo));
  store = werk_record_get_store (WERK_RECORD (photo));
  werk_ref_combo_follow (self->agenda_row, WERK_RECORD (photo), "agenda_item",
                         werk_store_get_list (store, WERK_KIND_AGENDA_ITEM, workshop),
                         _ ("Not assigned"));
  werk_ref_combo_follow (self->table_row, WERK_RECORD (photo), "table",
                         werk_store_get_list (store, WERK_KIND_TABLE, workshop),
                         _ ("Not assigned"));
  g_signal_connect_object (photo, "notify", G_CALLBACK (photo_notify_cb), self, G_CONNECT_SWAPPED);
  update_heading (self);
  load_preview (self);
}

static void
delete_clicked_cb (WerkPhotoEditor *self)
{
  g_autofree char *id = NULL;

  if (self->photo == NULL)
    return;
  id = g_strdup (werk_record_get_id (WERK_RECORD (self->photo)));
  gtk_widget_activate_action (GTK_WIDGET (self), "page.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "s", id);
}

static void
rotate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rotate_by (WERK_PHOTO_EDITOR (widget), g_variant_get_int32 (param));
}

static void
werk_photo_editor_dispose (GObject *object)
{
  WerkPhotoEditor *self = WERK_PHOTO_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->photo)
    g_signal_handlers_disconnect_by_data (self->photo, self);
  g_clear_object (&self->photo);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_PHOTO_EDITOR);
  g_clear_object (&self->bindings);
  G_OBJECT_CLASS (werk_photo_editor_parent_class)->dispose (object);
}

static void
werk_photo_editor_class_init (WerkPhotoEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_photo_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-photo-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, picture);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, caption_row);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, agenda_row);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, table_row);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, WerkPhotoEditor, enhance_switch);
  gtk_widget_class_bind_template_callback (widget_class, rotate_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, rotate_right_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_install_action (widget_class, "photo.rotate", "i", rotate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, GDK_CONTROL_MASK,
                                       "photo.rotate", "i", -90);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, GDK_CONTROL_MASK,
                                       "photo.rotate", "i", 90);
}

static void
werk_photo_editor_init (WerkPhotoEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "caption", self->caption_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "consent", self->consent_switch, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "enhance", self->enhance_switch, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}
