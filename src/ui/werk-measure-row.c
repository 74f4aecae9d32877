/* werk-measure-row.c: a measure in the long list: its field's heading, title, owner, due, status.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-measure-row.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"

struct _WerkMeasureRow
{
  GtkWidget parent_instance;

  WerkMeasure *measure;
  GListModel *model;
  GtkListItem *item; /* unowned: bound only while the list item shows us */
  char *status_class;

  GtkWidget *box;
  GtkWidget *header;
  GtkLabel *header_label;
  GtkWidget *header_dot;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkLabel *status_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (WerkMeasureRow, werk_measure_row, GTK_TYPE_WIDGET)

WerkMeasure *
werk_measure_row_get_measure (WerkMeasureRow *self)
{
  g_return_val_if_fail (WERK_IS_MEASURE_ROW (self), NULL);
  return self->measure;
}

guint
werk_measure_row_get_position (WerkMeasureRow *self)
{
  g_return_val_if_fail (WERK_IS_MEASURE_ROW (self), GTK_INVALID_LIST_POSITION);
  return self->item ? gtk_list_item_get_position (self->item) : GTK_INVALID_LIST_POSITION;
}

static void
update_header (WerkMeasureRow *self)
{
  guint position;
  const char *field_id;
  WerkRecord *field;
  gboolean first = TRUE;

  if (self->measure == NULL || self->item == NULL)
    return;
  position = gtk_list_item_get_position (self->item);
  field_id = werk_record_get_string (WERK_RECORD (self->measure), "field");
  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    {
      g_autoptr (WerkRecord) before = g_list_model_get_item (self->model, position - 1);
      first = before == NULL || g_strcmp0 (werk_record_get_string (before, "field"), field_id) != 0;
    }
  gtk_widget_set_visible (self->header, first);
  if (!first)
    return;
  field = werk_record_get_ref (WERK_RECORD (self->measure), "field");
  gtk_label_set_label (self->header_label,
                       field ? werk_record_get_label (field) : _ ("Without a Field of Action"));
  werk_color_dot_set_color (self->header_dot,
                            field ? werk_record_get_string (field, "color") : NULL);
}

static void
update_details (WerkMeasureRow *self)
{
  WerkRecord *m = WERK_RECORD (self->measure);
  const char *owner = werk_record_get_string (m, "owner");
  g_autofree char *due = werk_format_date (werk_record_get_string (m, "due"));
  g_autofree char *due_text = NULL;
  g_autofree char *details = NULL;
  int status = werk_record_get_int (m, "status");

  gtk_label_set_label (self->title_label, werk_record_get_string (m, "title"));
  /* Translators: when a measure is due, e.g. "due 31.03.2027" */
  due_text = due ? g_strdup_printf (_ ("due %s"), due) : NULL;
  if (*owner && due_text)
    details = g_strdup_printf ("%s · %s", owner, due_text);
  else if (*owner || due_text)
    details = g_strdup (*owner ? owner : due_text);
  else
    details = g_strdup (_ ("No owner yet"));
  gtk_label_set_label (self->details_label, details);

  gtk_label_set_label (self->status_label, werk_enum_label (WERK_TYPE_MEASURE_STATUS, status));
  if (self->status_class)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class =
      g_strconcat ("status-", werk_enum_nick (WERK_TYPE_MEASURE_STATUS, status), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

static void
measure_notify_cb (WerkMeasureRow *self, GParamSpec *pspec)
{
  update_details (self);
  if (g_str_equal (pspec->name, "field"))
    update_header (self);
}

void
werk_measure_row_bind (WerkMeasureRow *self, WerkMeasure *measure, GListModel *model,
                       GtkListItem *item)
{
  g_return_if_fail (WERK_IS_MEASURE_ROW (self));

  werk_measure_row_unbind (self);
  self->measure = g_object_ref (measure);
  self->model = g_object_ref (model);
  self->item = item;
  werk_record_actions_set_record (GTK_WIDGET (self), WERK_RECORD (measure));
  g_signal_connect_object (measure, "notify", G_CALLBACK (measure_notify_cb), self,
                           G_CONNECT_SWAPPED);
  /* Any change before us may bring another item next to us: check the heading again. */
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  update_details (self);
  update_header (self);
}

void
werk_measure_row_unbind (WerkMeasureRow *self)
{
  g_return_if_fail (WERK_IS_MEASURE_ROW (self));

  if (self->measure)
    g_signal_handlers_disconnect_by_data (self->measure, self);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->item)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->measure);
  g_clear_object (&self->model);
  self->item = NULL;
}

static void
werk_measure_row_dispose (GObject *object)
{
  WerkMeasureRow *self = WERK_MEASURE_ROW (object);

  werk_measure_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_MEASURE_ROW);
  g_clear_pointer (&self->status_class, g_free);
  G_OBJECT_CLASS (werk_measure_row_parent_class)->dispose (object);
}

static void
werk_measure_row_class_init (WerkMeasureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_measure_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-measure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, box);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, header);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureRow, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_measure_row_init (WerkMeasureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->header_dot = werk_color_dot_new (NULL);
  gtk_box_prepend (GTK_BOX (self->header), self->header_dot);
  werk_record_menu_button_setup (self->menu_button);
  werk_record_actions_attach (GTK_WIDGET (self), NULL,
                              WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_MOVE_TO_FIELD |
                                  WERK_RECORD_ACTIONS_UNSET_FIELD);
}

GtkWidget *
werk_measure_row_new (void)
{
  return g_object_new (WERK_TYPE_MEASURE_ROW, NULL);
}
