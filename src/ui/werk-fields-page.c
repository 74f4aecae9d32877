/* werk-fields-page.c: the fields of action, the challenges without one, and one field's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-field-editor.h"
#include "werk-fields-page.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"

struct _WerkFieldsPage
{
  AdwBin parent_instance;

  WerkStore *store;

  GtkStack *stack;
  AdwEntryRow *field_entry;
  GtkListBox *fields_list;
  AdwEntryRow *challenge_entry;
  GtkListBox *challenges_list;
  WerkFieldEditor *editor;
};

G_DEFINE_FINAL_TYPE (WerkFieldsPage, werk_fields_page, ADW_TYPE_BIN)

static void
dot_color_cb (WerkRecord *field, GParamSpec *pspec, GtkWidget *dot)
{
  werk_color_dot_set_color (dot, werk_record_get_string (field, "color"));
}

static GtkWidget *
create_field_row (gpointer item, gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = werk_color_dot_new (werk_record_get_string (item, "color"));
  GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (item, "description", row, "subtitle", G_BINDING_SYNC_CREATE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_signal_connect_object (item, "notify::color", G_CALLBACK (dot_color_cb), dot, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), werk_record_menu_button_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), next);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  werk_record_actions_attach (row, item, WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
  return row;
}

static GtkWidget *
create_challenge_row (gpointer item, gpointer data)
{
  return werk_record_row_new (item, "text",
                              WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER |
                                  WERK_RECORD_ACTIONS_MOVE_TO_FIELD |
                                  WERK_RECORD_ACTIONS_UNSET_FIELD);
}

static void
text_row_activated_cb (GtkListBox *box, GtkListBoxRow *row)
{
  werk_record_row_start_editing (row);
}

static void
field_row_activated_cb (WerkFieldsPage *self, GtkListBoxRow *row)
{
  WerkRecord *field = g_object_get_data (G_OBJECT (row), "werk-record");

  if (field)
    werk_fields_page_show_field (self, WERK_FIELD (field));
}

static void
focus_field_row (WerkFieldsPage *self, WerkRecord *field)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "werk-record") == field)
      gtk_widget_grab_focus (row);
}

void
werk_fields_page_show_field (WerkFieldsPage *self, WerkField *field)
{
  WerkField *shown = werk_field_editor_get_field (self->editor);

  g_return_if_fail (WERK_IS_FIELDS_PAGE (self));

  if (field)
    {
      werk_field_editor_set_field (self->editor, field);
      gtk_stack_set_visible_child_name (self->stack, "field");
      werk_field_editor_focus_entry (self->editor);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (shown)
    focus_field_row (self, WERK_RECORD (shown));
}

static void
field_entry_activated_cb (WerkFieldsPage *self)
{
  static const char *const palette[] = { "#3584e4", "#33d17a", "#f6d32d", "#ff7800",
                                         "#e01b24", "#9141ac", "#986a44", "#77767b" };
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (self->field_entry));
  g_autoptr (GError) error = NULL;
  guint n;

  if (text == NULL || self->store == NULL)
    return;
  /* Each new field gets the next colour of the palette, so cards stay apart at a glance. */
  n = g_list_model_get_n_items (werk_store_get_list (self->store, WERK_KIND_FIELD, NULL));
  if (!werk_store_add (self->store, WERK_KIND_FIELD, NULL, &error, "title", text, "color",
                       palette[n % G_N_ELEMENTS (palette)], NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

static void
challenge_entry_activated_cb (WerkFieldsPage *self)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (self->challenge_entry));
  g_autoptr (GError) error = NULL;

  if (text == NULL || self->store == NULL)
    return;
  if (!werk_store_add (self->store, WERK_KIND_CHALLENGE, NULL, &error, "text", text, NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

void
werk_fields_page_set_store (WerkFieldsPage *self, WerkStore *store)
{
  GListModel *challenges;
  g_autoptr (GtkFilterListModel) loose = NULL;

  g_return_if_fail (WERK_IS_FIELDS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_list_box_bind_model (self->fields_list, werk_store_get_list (store, WERK_KIND_FIELD, NULL),
                           create_field_row, NULL, NULL);
  challenges = werk_store_get_list (store, WERK_KIND_CHALLENGE, NULL);
  loose = gtk_filter_list_model_new (g_object_ref (challenges),
                                     werk_key_filter_new (challenges, "field", NULL));
  gtk_list_box_bind_model (self->challenges_list, G_LIST_MODEL (loose), create_challenge_row, NULL,
                           NULL);
}

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkFieldsPage *self = WERK_FIELDS_PAGE (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "field"))
    werk_field_editor_focus_entry (self->editor);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->challenge_entry));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_fields_page_show_field (WERK_FIELDS_PAGE (widget), NULL);
}

static void
werk_fields_page_dispose (GObject *object)
{
  WerkFieldsPage *self = WERK_FIELDS_PAGE (object);

  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_FIELDS_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_fields_page_parent_class)->dispose (object);
}

static void
werk_fields_page_class_init (WerkFieldsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_fields_page_dispose;

  g_type_ensure (WERK_TYPE_FIELD_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-fields-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, field_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, fields_list);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, challenge_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, WerkFieldsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, field_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, challenge_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

static void
werk_fields_page_init (WerkFieldsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->fields_list, "row-activated", G_CALLBACK (field_row_activated_cb),
                            self);
  gtk_list_box_set_placeholder (
      self->fields_list, werk_placeholder_new (_ ("No fields of action yet, such as Mobility or "
                                                  "Education")));
  gtk_list_box_set_placeholder (self->challenges_list,
                                werk_placeholder_new (_ ("Every challenge has its field")));
}
