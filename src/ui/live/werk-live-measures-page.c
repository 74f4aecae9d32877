/* werk-live-measures-page.c: working out measures with the five guiding questions, owner and date.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-measures-page.h"
#include "werk-live-util.h"
#include "werk-live-watch.h"

/* The measure's text fields and the rows that edit them, in the order of the form. */
static const char *const text_keys[] = {
  "title",     "goal_pursued",    "next_steps", "involve",
  "watch_out", "success_factors", "owner",      "partners",
};

struct _WerkLiveMeasuresPage
{
  GtkWidget parent_instance;

  GtkEntry *new_entry;
  GtkListBox *list;
  GtkStack *stack;
  AdwEntryRow *title_row;
  GtkDropDown *field_dropdown;
  AdwEntryRow *goal_pursued_row;
  AdwEntryRow *next_steps_row;
  AdwEntryRow *involve_row;
  AdwEntryRow *watch_out_row;
  AdwEntryRow *success_factors_row;
  AdwEntryRow *owner_row;
  AdwEntryRow *partners_row;
  AdwEntryRow *due_row;

  WerkWorkshop *workshop;
  GListModel *model;
  GListModel *fields; /* the store's */
  GtkStringList *field_names;
  WerkLiveWatch *field_watch;
  WerkMeasure *measure;
  GBinding *bindings[G_N_ELEMENTS (text_keys)];
  gboolean loading;
};

enum
{
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void werk_live_measures_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveMeasuresPage, werk_live_measures_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_measures_page_page_init))

static WerkStore *
store_of (WerkLiveMeasuresPage *self)
{
  return werk_record_get_store (WERK_RECORD (self->workshop));
}

static AdwEntryRow *
row_for (WerkLiveMeasuresPage *self, guint i)
{
  AdwEntryRow *rows[] = {
    self->title_row,     self->goal_pursued_row,    self->next_steps_row, self->involve_row,
    self->watch_out_row, self->success_factors_row, self->owner_row,      self->partners_row,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (text_keys));
  return rows[i];
}

/* ---- the form ---- */

static void
load_field (WerkLiveMeasuresPage *self)
{
  guint n = g_list_model_get_n_items (self->fields);
  WerkRecord *field =
      self->measure ? werk_record_get_ref (WERK_RECORD (self->measure), "field") : NULL;
  guint selected = 0;

  for (guint i = 0; field && i < n; i++)
    {
      g_autoptr (WerkRecord) f = g_list_model_get_item (self->fields, i);
      if (f == field)
        selected = i + 1;
    }
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->field_dropdown, selected);
  self->loading = FALSE;
}

static void
load_due (WerkLiveMeasuresPage *self)
{
  g_autofree char *due = werk_live_format_date (
      self->measure ? werk_record_get_string (WERK_RECORD (self->measure), "due") : NULL);

  /* The date as stored is no edit of the facilitator's: it must not bring back the apply
   * button (which says "not saved yet") nor move the cursor. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), due) != 0)
    {
      adw_entry_row_set_show_apply_button (self->due_row, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
      adw_entry_row_set_show_apply_button (self->due_row, TRUE);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
}

static void
rebuild_fields (WerkLiveMeasuresPage *self)
{
  guint n = g_list_model_get_n_items (self->fields);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->field_names));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup (_ ("None")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (self->fields, i);
      g_ptr_array_add (names, g_strdup (werk_record_get_label (field)));
    }
  g_ptr_array_add (names, NULL);
  self->loading = TRUE;
  gtk_string_list_splice (self->field_names, 0, old, (const char *const *) names->pdata);
  self->loading = FALSE;
  load_field (self);
}

static void
field_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, WerkLiveMeasuresPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkRecord) field = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->measure == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    field = g_list_model_get_item (self->fields, selected - 1);
  if (!werk_record_set_ref (WERK_RECORD (self->measure), "field", field, &error))
    {
      werk_live_report_error (GTK_WIDGET (self), error);
      load_field (self);
    }
}

static void
due_apply_cb (AdwEntryRow *row, WerkLiveMeasuresPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *due = werk_live_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (self->measure == NULL)
    return;
  if (due == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      werk_live_toast (GTK_WIDGET (self), _ ("Please enter the date as DD.MM.YYYY"));
      return;
    }
  if (!werk_record_set_string (WERK_RECORD (self->measure), "due", *due ? due : NULL, &error))
    werk_live_report_error (GTK_WIDGET (self), error);
  load_due (self);
}

static void
measure_notify_cb (GObject *measure, GParamSpec *pspec, WerkLiveMeasuresPage *self)
{
  if (g_str_equal (pspec->name, "field"))
    load_field (self);
  else if (g_str_equal (pspec->name, "due"))
    load_due (self);
}

WerkMeasure *
werk_live_measures_page_get_measure (WerkLiveMeasuresPage *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_MEASURES_PAGE (self), NULL);
  return self->measure;
}

static void
select_row_of (WerkLiveMeasuresPage *self, WerkMeasure *measure)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (werk_live_row_get_record (row) == WERK_RECORD (measure))
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return;
      }
}

void
werk_live_measures_page_set_measure (WerkLiveMeasuresPage *self, WerkMeasure *measure)
{
  g_return_if_fail (WERK_IS_LIVE_MEASURES_PAGE (self));

  if (self->measure == measure)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    g_clear_pointer (&self->bindings[i], g_binding_unbind);
  if (self->measure)
    g_signal_handlers_disconnect_by_data (self->measure, self);
  g_set_object (&self->measure, measure);
  gtk_stack_set_visible_child_name (self->stack, measure ? "form" : "empty");
  if (measure)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
        {
          g_autofree char *prop = g_strdelimit (g_strdup (text_keys[i]), "_", '-');
          self->bindings[i] =
              g_object_bind_property (measure, prop, row_for (self, i), "text",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
        }
      g_signal_connect_object (measure, "notify", G_CALLBACK (measure_notify_cb), self, 0);
      select_row_of (self, measure);
    }
  load_field (self);
  load_due (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

/* ---- the list ---- */

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  g_object_bind_property (item, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  werk_live_row_set_record (row, item);
  return row;
}

static void
row_selected_cb (GtkListBox *list, GtkListBoxRow *row, WerkLiveMeasuresPage *self)
{
  WerkRecord *record = werk_live_row_get_record (GTK_WIDGET (row));

  if (record)
    werk_live_measures_page_set_measure (self, WERK_MEASURE (record));
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, WerkLiveMeasuresPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_pursued_row));
}

static void
model_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  WerkLiveMeasuresPage *self)
{
  guint n = g_list_model_get_n_items (model);
  gboolean present = FALSE;

  for (guint i = 0; self->measure && i < n; i++)
    {
      g_autoptr (WerkRecord) m = g_list_model_get_item (model, i);
      present |= m == WERK_RECORD (self->measure);
    }
  if (!present)
    werk_live_measures_page_set_measure (self, NULL);
  else
    select_row_of (self, self->measure);
}

static void
new_entry_activate_cb (GtkEntry *entry, WerkLiveMeasuresPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  WerkRecord *measure;

  if (*title == '\0' || self->workshop == NULL)
    return;
  measure =
      werk_store_add (store_of (self), WERK_KIND_MEASURE, NULL, &error, "title", title, "status",
                      "idea", "workshop", werk_record_get_id (WERK_RECORD (self->workshop)), NULL);
  if (measure == NULL)
    {
      werk_live_report_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  werk_live_measures_page_set_measure (self, WERK_MEASURE (measure));
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_pursued_row));
}

/* Enter in one answer goes on to the next, as the group dictates them in turn: the form is
 * filled like the collect page's fast entry, without reaching for Tab. */
static void
row_entry_activated_cb (AdwEntryRow *row, WerkLiveMeasuresPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    if (row_for (self, i) == row)
      {
        gtk_widget_grab_focus (i + 1 < G_N_ELEMENTS (text_keys) ? GTK_WIDGET (row_for (self, i + 1))
                                                                : GTK_WIDGET (self->due_row));
        return;
      }
}

/* ---- the page ---- */

static void
werk_live_measures_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveMeasuresPage *self = WERK_LIVE_MEASURES_PAGE (page);

  g_set_object (&self->workshop, workshop);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  self->model = werk_live_workshop_records (store_of (self), WERK_KIND_MEASURE, workshop);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_changed_cb), self, 0);
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, NULL, NULL);
  self->fields = werk_store_get_list (store_of (self), WERK_KIND_FIELD, NULL);
  werk_live_watch_clear (self->field_watch);
  werk_live_watch_add_model (self->field_watch, self->fields);
  rebuild_fields (self);
}

static void
werk_live_measures_page_focus_input (WerkLivePage *page)
{
  WerkLiveMeasuresPage *self = WERK_LIVE_MEASURES_PAGE (page);

  gtk_widget_grab_focus (self->measure ? GTK_WIDGET (self->goal_pursued_row)
                                       : GTK_WIDGET (self->new_entry));
}

static void
werk_live_measures_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_measures_page_set_workshop;
  iface->focus_input = werk_live_measures_page_focus_input;
}

static void
werk_live_measures_page_get_property (GObject *object, guint prop_id, GValue *value,
                                      GParamSpec *pspec)
{
  WerkLiveMeasuresPage *self = WERK_LIVE_MEASURES_PAGE (object);

  switch (prop_id)
    {
      case PROP_MEASURE:
        g_value_set_object (value, self->measure);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_live_measures_page_dispose (GObject *object)
{
  WerkLiveMeasuresPage *self = WERK_LIVE_MEASURES_PAGE (object);

  werk_live_measures_page_set_measure (self, NULL);
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->field_watch)
    werk_live_watch_clear (self->field_watch);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_MEASURES_PAGE);
  g_clear_object (&self->field_watch);
  g_clear_object (&self->field_names);
  g_clear_object (&self->model);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_measures_page_parent_class)->dispose (object);
}

/* Ctrl+L: back to the entry for the next measure from anywhere in the form. */
static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (WERK_LIVE_MEASURES_PAGE (widget)->new_entry));
}

static void
werk_live_measures_page_class_init (WerkLiveMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_measures_page_dispose;
  object_class->get_property = werk_live_measures_page_get_property;

  properties[PROP_MEASURE] =
      g_param_spec_object ("measure", NULL, NULL, WERK_TYPE_MEASURE,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, new_entry);
  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, list);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, goal_pursued_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, next_steps_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, involve_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, watch_out_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, success_factors_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, partners_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveMeasuresPage, due_row);
  gtk_widget_class_bind_template_callback (widget_class, new_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_apply_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_measures_page_init (WerkLiveMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->field_dropdown, G_LIST_MODEL (self->field_names));
  self->field_watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->field_watch, "changed", G_CALLBACK (rebuild_fields), self);
  g_signal_connect (self->field_dropdown, "notify::selected", G_CALLBACK (field_selected_cb), self);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    g_signal_connect (row_for (self, i), "entry-activated", G_CALLBACK (row_entry_activated_cb),
                      self);
}
