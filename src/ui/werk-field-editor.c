/* werk-field-editor.c: one field of action: its name, colour, challenges and guiding goals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-field-editor.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"

struct _WerkFieldEditor
{
  AdwBin parent_instance;

  WerkField *field;
  GBindingGroup *bindings;

  GtkLabel *heading;
  AdwEntryRow *title_row;
  AdwEntryRow *description_row;
  GtkColorButton *color_button;
  AdwEntryRow *challenge_entry;
  GtkListBox *challenges_list;
  AdwEntryRow *goal_entry;
  GtkListBox *goals_list;
};

G_DEFINE_FINAL_TYPE (WerkFieldEditor, werk_field_editor, ADW_TYPE_BIN)

static gboolean
color_to_rgba (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  const char *color = g_value_get_string (from);
  GdkRGBA rgba = { 0.6, 0.6, 0.6, 1 };

  if (color)
    gdk_rgba_parse (&rgba, color);
  g_value_set_boxed (to, &rgba);
  return TRUE;
}

static gboolean
rgba_to_color (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  const GdkRGBA *rgba = g_value_get_boxed (from);

  if (rgba == NULL)
    return FALSE;
  g_value_take_string (to, g_strdup_printf ("#%02x%02x%02x", (int) (rgba->red * 255 + 0.5),
                                            (int) (rgba->green * 255 + 0.5),
                                            (int) (rgba->blue * 255 + 0.5)));
  return TRUE;
}

static GtkWidget *
create_challenge_row (gpointer item, gpointer data)
{
  return werk_record_row_new (item, "text",
                              WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER |
                                  WERK_RECORD_ACTIONS_MOVE_TO_FIELD |
                                  WERK_RECORD_ACTIONS_UNSET_FIELD);
}

static GtkWidget *
create_goal_row (gpointer item, gpointer data)
{
  return werk_record_row_new (item, "text",
                              WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER |
                                  WERK_RECORD_ACTIONS_MOVE_TO_FIELD);
}

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row)
{
  werk_record_row_start_editing (row);
}

static void
bind_list (GtkListBox *box, WerkStore *store, WerkKind kind, const char *field_id,
           GtkListBoxCreateWidgetFunc create)
{
  GListModel *all = werk_store_get_list (store, kind, NULL);
  g_autoptr (GtkFilterListModel) mine =
      gtk_filter_list_model_new (g_object_ref (all), werk_key_filter_new (all, "field", field_id));

  gtk_list_box_bind_model (box, G_LIST_MODEL (mine), create, NULL, NULL);
}

WerkField *
werk_field_editor_get_field (WerkFieldEditor *self)
{
  g_return_val_if_fail (WERK_IS_FIELD_EDITOR (self), NULL);
  return self->field;
}

void
werk_field_editor_set_field (WerkFieldEditor *self, WerkField *field)
{
  WerkStore *store;
  const char *id;

  g_return_if_fail (WERK_IS_FIELD_EDITOR (self));

  if (!g_set_object (&self->field, field))
    return;
  g_binding_group_set_source (self->bindings, field);
  if (field == NULL)
    {
      gtk_list_box_bind_model (self->challenges_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->goals_list, NULL, NULL, NULL, NULL);
      return;
    }
  store = werk_record_get_store (WERK_RECORD (field));
  id = werk_record_get_id (WERK_RECORD (field));
  bind_list (self->challenges_list, store, WERK_KIND_CHALLENGE, id, create_challenge_row);
  bind_list (self->goals_list, store, WERK_KIND_GOAL, id, create_goal_row);
}

void
werk_field_editor_focus_entry (WerkFieldEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->challenge_entry));
}

static void
add_to_field (WerkFieldEditor *self, AdwEntryRow *entry, WerkKind kind)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (entry));
  g_autoptr (GError) error = NULL;
  WerkRecord *field = WERK_RECORD (self->field);
  WerkRecord *added;

  if (text == NULL || field == NULL)
    return;
  if (kind == WERK_KIND_GOAL)
    added = werk_store_add (werk_record_get_store (field), kind, NULL, &error, "level", "guiding",
                            "field", werk_record_get_id (field), "text", text, NULL);
  else
    added = werk_store_add (werk_record_get_store (field), kind, NULL, &error, "field",
                            werk_record_get_id (field), "text", text, NULL);
  if (added == NULL)
    werk_show_error (GTK_WIDGET (self), error);
}

static void
challenge_entry_activated_cb (WerkFieldEditor *self)
{
  add_to_field (self, self->challenge_entry, WERK_KIND_CHALLENGE);
}

static void
goal_entry_activated_cb (WerkFieldEditor *self)
{
  add_to_field (self, self->goal_entry, WERK_KIND_GOAL);
}

static void
delete_clicked_cb (WerkFieldEditor *self)
{
  g_autofree char *id = NULL;

  if (self->field == NULL)
    return;
  id = g_strdup (werk_record_get_id (WERK_RECORD (self->field)));
  gtk_widget_activate_action (GTK_WIDGET (self), "page.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "s", id);
}

static void
werk_field_editor_dispose (GObject *object)
{
  WerkFieldEditor *self = WERK_FIELD_EDITOR (object);

  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_FIELD_EDITOR);
  g_clear_object (&self->bindings);
  g_clear_object (&self->field);
  G_OBJECT_CLASS (werk_field_editor_parent_class)->dispose (object);
}

static void
werk_field_editor_class_init (WerkFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_field_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-field-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, challenge_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, goal_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldEditor, goals_list);
  gtk_widget_class_bind_template_callback (widget_class, challenge_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
werk_field_editor_init (WerkFieldEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->heading, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "title", self->title_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "description", self->description_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "color", self->color_button, "rgba",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, color_to_rgba,
                             rgba_to_color, NULL, NULL);
  gtk_list_box_set_placeholder (self->challenges_list,
                                werk_placeholder_new (_ ("No challenges in this field yet")));
  gtk_list_box_set_placeholder (self->goals_list,
                                werk_placeholder_new (_ ("No guiding goals in this field yet")));
}
