/* werk-measure-editor.c: one measure: the five guiding questions, owner, partners, due, status,
 * goals. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-date-button.h"
#include "werk-measure-editor.h"
#include "werk-ui-util.h"

struct _WerkMeasureEditor
{
  AdwBin parent_instance;

  WerkMeasure *measure;
  GBindingGroup *bindings;
  GtkStringList *field_names;
  GPtrArray *field_ids; /* parallel to field_names from index 1 on */
  gboolean syncing;

  GtkLabel *heading;
  AdwEntryRow *title_row;
  AdwEntryRow *description_row;
  AdwComboRow *field_row;
  AdwComboRow *status_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *partners_row;
  WerkDateButton *due_button;
  GtkTextView *goal_pursued_view;
  GtkTextView *next_steps_view;
  GtkTextView *involve_view;
  GtkTextView *watch_out_view;
  GtkTextView *success_factors_view;
  GtkListBox *goals_list;
};

G_DEFINE_FINAL_TYPE (WerkMeasureEditor, werk_measure_editor, ADW_TYPE_BIN)

WerkMeasure *
werk_measure_editor_get_measure (WerkMeasureEditor *self)
{
  g_return_val_if_fail (WERK_IS_MEASURE_EDITOR (self), NULL);
  return self->measure;
}

void
werk_measure_editor_focus (WerkMeasureEditor *self)
{
  werk_focus_entry_end (GTK_WIDGET (self->title_row));
}

/* ---- field ---- */

static void
sync_field (WerkMeasureEditor *self)
{
  const char *id = werk_record_get_string (WERK_RECORD (self->measure), "field");
  guint selected = 0;

  for (guint i = 0; id && i < self->field_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->field_ids, i), id))
      selected = i + 1;
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->field_row, selected);
  self->syncing = FALSE;
}

static void
fill_fields (WerkMeasureEditor *self)
{
  WerkStore *store = werk_record_get_store (WERK_RECORD (self->measure));
  GListModel *fields = werk_store_get_list (store, WERK_KIND_FIELD, NULL);
  guint n = g_list_model_get_n_items (fields);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_set_size (self->field_ids, 0);
  g_ptr_array_add (names, (char *) _ ("No field of action"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      g_ptr_array_add (names, (char *) werk_record_get_label (field));
      g_ptr_array_add (self->field_ids, g_strdup (werk_record_get_id (field)));
    }
  g_ptr_array_add (names, NULL);
  self->syncing = TRUE;
  gtk_string_list_splice (self->field_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->field_names)),
                          (const char *const *) names->pdata);
  self->syncing = FALSE;
  sync_field (self);
}

static void
field_selected_cb (WerkMeasureEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->field_row);
  g_autoptr (GError) error = NULL;
  const char *id = NULL;

  if (self->syncing || self->measure == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected - 1 < self->field_ids->len)
    id = g_ptr_array_index (self->field_ids, selected - 1);
  if (!werk_record_set_string (WERK_RECORD (self->measure), "field", id, &error))
    {
      werk_show_error (GTK_WIDGET (self), error);
      sync_field (self);
    }
}

/* ---- goals ---- */

static void
goal_toggled_cb (GtkCheckButton *check, WerkMeasureEditor *self)
{
  WerkRecord *goal = g_object_get_data (G_OBJECT (check), "werk-record");
  WerkRecord *m = WERK_RECORD (self->measure);
  const char *const *old = werk_record_get_strv (m, "goals");
  const char *id = werk_record_get_id (goal);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) goals = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing)
    return;
  for (guint i = 0; old[i]; i++)
    if (!g_str_equal (old[i], id))
      g_strv_builder_add (builder, old[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, id);
  goals = g_strv_builder_end (builder);
  if (!werk_record_set_strv (m, "goals", (const char *const *) goals, &error))
    werk_show_error (GTK_WIDGET (self), error);
}

static GtkWidget *
create_goal_row (gpointer item, gpointer data)
{
  WerkMeasureEditor *self = data;
  WerkRecord *goal = item;
  WerkRecord *field = werk_record_get_ref (goal, "field");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *const *linked = werk_record_get_strv (WERK_RECORD (self->measure), "goals");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), werk_record_get_string (goal, "text"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               field ? werk_record_get_label (field)
                                     : werk_enum_label (WERK_TYPE_GOAL_LEVEL, WERK_GOAL_CORE));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data (G_OBJECT (check), "werk-record", goal);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_strv_contains (linked, werk_record_get_id (goal)));
  g_signal_connect (check, "toggled", G_CALLBACK (goal_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
sync_goals (WerkMeasureEditor *self)
{
  const char *const *linked = werk_record_get_strv (WERK_RECORD (self->measure), "goals");

  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = ADW_IS_ACTION_ROW (row)
                             ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))
                             : NULL;
      WerkRecord *goal = check ? g_object_get_data (G_OBJECT (check), "werk-record") : NULL;

      if (goal)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     g_strv_contains (linked, werk_record_get_id (goal)));
    }
  self->syncing = FALSE;
}

static void
measure_notify_cb (WerkMeasureEditor *self, GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "field"))
    sync_field (self);
  else if (g_str_equal (pspec->name, "goals"))
    sync_goals (self);
}

void
werk_measure_editor_set_measure (WerkMeasureEditor *self, WerkMeasure *measure)
{
  g_return_if_fail (WERK_IS_MEASURE_EDITOR (self));

  if (self->measure)
    g_signal_handlers_disconnect_by_data (self->measure, self);
  if (!g_set_object (&self->measure, measure))
    return;
  g_binding_group_set_source (self->bindings, measure);
  if (measure == NULL)
    {
      gtk_list_box_bind_model (self->goals_list, NULL, NULL, NULL, NULL);
      return;
    }
  fill_fields (self);
  gtk_list_box_bind_model (
      self->goals_list,
      werk_store_get_list (werk_record_get_store (WERK_RECORD (measure)), WERK_KIND_GOAL, NULL),
      create_goal_row, self, NULL);
  g_signal_connect_object (measure, "notify", G_CALLBACK (measure_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
delete_clicked_cb (WerkMeasureEditor *self)
{
  g_autofree char *id = NULL;

  if (self->measure == NULL)
    return;
  id = g_strdup (werk_record_get_id (WERK_RECORD (self->measure)));
  gtk_widget_activate_action (GTK_WIDGET (self), "page.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "s", id);
}

static void
werk_measure_editor_dispose (GObject *object)
{
  WerkMeasureEditor *self = WERK_MEASURE_EDITOR (object);

  if (self->measure)
    g_signal_handlers_disconnect_by_data (self->measure, self);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_MEASURE_EDITOR);
  g_clear_object (&self->bindings);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (werk_measure_editor_parent_class)->dispose (object);
}

static void
werk_measure_editor_class_init (WerkMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_measure_editor_dispose;

  g_type_ensure (WERK_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/ui/werk-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, field_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, partners_row);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, goal_pursued_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, involve_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, watch_out_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, success_factors_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasureEditor, goals_list);
  gtk_widget_class_bind_template_callback (widget_class, field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
bind_text (WerkMeasureEditor *self, const char *property, GtkTextView *view)
{
  g_binding_group_bind (self->bindings, property, gtk_text_view_get_buffer (view), "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
bind_entry (WerkMeasureEditor *self, const char *property, gpointer row)
{
  g_binding_group_bind (self->bindings, property, row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
werk_measure_editor_init (WerkMeasureEditor *self)
{
  g_autoptr (GListModel) statuses = werk_enum_model_new (WERK_TYPE_MEASURE_STATUS);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->status_row, statuses);
  self->field_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (self->field_names));
  g_object_unref (self->field_names);
  self->field_ids = g_ptr_array_new_with_free_func (g_free);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->heading, "label", G_BINDING_SYNC_CREATE);
  bind_entry (self, "title", self->title_row);
  bind_entry (self, "description", self->description_row);
  bind_entry (self, "owner", self->owner_row);
  bind_entry (self, "partners", self->partners_row);
  g_binding_group_bind (self->bindings, "due", self->due_button, "date",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "status", self->status_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, werk_enum_to_selected,
                             werk_selected_to_enum, NULL, NULL);
  bind_text (self, "goal-pursued", self->goal_pursued_view);
  bind_text (self, "next-steps", self->next_steps_view);
  bind_text (self, "involve", self->involve_view);
  bind_text (self, "watch-out", self->watch_out_view);
  bind_text (self, "success-factors", self->success_factors_view);
  gtk_list_box_set_placeholder (self->goals_list,
                                werk_placeholder_new (_ ("No goals yet: add core goals on the "
                                                         "Overview, guiding goals in a field")));
}
