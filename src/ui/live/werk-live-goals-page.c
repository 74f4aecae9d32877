/* werk-live-goals-page.c: noting core goals and the guiding goals of each field of action.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-goals-page.h"
#include "werk-live-util.h"
#include "werk-live-watch.h"

struct _WerkLiveGoalsPage
{
  GtkWidget parent_instance;

  GtkDropDown *target_dropdown;
  GtkEntry *entry;
  GtkBox *goals_box;

  WerkWorkshop *workshop;
  GListModel *goals;  /* the store's */
  GListModel *fields; /* the store's */
  GtkStringList *targets;
  WerkLiveWatch *watch;
};

static void werk_live_goals_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveGoalsPage, werk_live_goals_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_goals_page_page_init))

static WerkStore *
store_of (WerkLiveGoalsPage *self)
{
  return werk_record_get_store (WERK_RECORD (self->workshop));
}

/* ---- adding ---- */

void
werk_live_goals_page_set_target (WerkLiveGoalsPage *self, guint target)
{
  g_return_if_fail (WERK_IS_LIVE_GOALS_PAGE (self));

  if (target < g_list_model_get_n_items (G_LIST_MODEL (self->targets)))
    gtk_drop_down_set_selected (self->target_dropdown, target);
}

WerkRecord *
werk_live_goals_page_add (WerkLiveGoalsPage *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkRecord) field = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint target = gtk_drop_down_get_selected (self->target_dropdown);
  const char *workshop_id;
  WerkRecord *goal;

  g_return_val_if_fail (WERK_IS_LIVE_GOALS_PAGE (self), NULL);

  if (*stripped == '\0' || self->workshop == NULL)
    return NULL;
  workshop_id = werk_record_get_id (WERK_RECORD (self->workshop));
  if (target > 0 && target != GTK_INVALID_LIST_POSITION)
    field = g_list_model_get_item (self->fields, target - 1);
  if (field)
    goal = werk_store_add (store_of (self), WERK_KIND_GOAL, NULL, &error, "level", "guiding",
                           "field", werk_record_get_id (field), "text", stripped, "workshop",
                           workshop_id, NULL);
  else
    goal = werk_store_add (store_of (self), WERK_KIND_GOAL, NULL, &error, "level", "core", "text",
                           stripped, "workshop", workshop_id, NULL);
  if (goal == NULL)
    werk_live_report_error (GTK_WIDGET (self), error);
  return goal;
}

static void
entry_activate_cb (GtkEntry *entry, WerkLiveGoalsPage *self)
{
  if (werk_live_goals_page_add (self, gtk_editable_get_text (GTK_EDITABLE (entry))))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static gboolean
key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
        WerkLiveGoalsPage *self)
{
  int digit = werk_live_key_digit (keyval);

  if (digit < 0 || !(state & GDK_ALT_MASK))
    return FALSE;
  werk_live_goals_page_set_target (self, digit);
  return TRUE;
}

/* ---- the goals ---- */

static void
delete_clicked_cb (GtkButton *button, WerkLiveGoalsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  WerkRecord *goal = g_object_get_data (G_OBJECT (button), "werk-record");
  g_autoptr (WerkRecord) keep = g_object_ref (goal);
  g_autofree char *title = g_strdup_printf (_ ("“%s” removed"), werk_record_get_label (goal));

  if (!werk_store_delete (store_of (self), goal, &undo, &error))
    werk_live_report_error (GTK_WIDGET (self), error);
  else
    werk_live_toast_undo (GTK_WIDGET (self), title, undo);
}

static GtkWidget *
goal_row (WerkLiveGoalsPage *self, WerkRecord *goal)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), werk_record_get_label (goal));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _ ("Remove Goal"));
  g_object_set_data_full (G_OBJECT (remove), "werk-record", g_object_ref (goal), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
add_group (WerkLiveGoalsPage *self, const char *title, WerkRecord *field)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint n = g_list_model_get_n_items (self->goals);
  gboolean any = FALSE;
  g_autofree char *markup = g_markup_escape_text (title, -1);

  /* Group titles are Pango markup; field names have "&" in them. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), markup);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) goal = g_list_model_get_item (self->goals, i);
      gboolean core = werk_record_get_int (goal, "level") == WERK_GOAL_CORE;

      if (field ? (core || werk_record_get_ref (goal, "field") != field) : !core)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), goal_row (self, goal));
      any = TRUE;
    }
  if (!any)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _ ("None yet"));
  gtk_box_append (self->goals_box, group);
}

static void
rebuild_targets (WerkLiveGoalsPage *self)
{
  guint n = g_list_model_get_n_items (self->fields);
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, g_strdup (_ ("Core goal (across all fields)")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (self->fields, i);
      g_ptr_array_add (labels,
                       g_strdup_printf (_ ("Guiding goal: %s"), werk_record_get_label (field)));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->targets, 0, old, (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (
      self->target_dropdown, selected != GTK_INVALID_LIST_POSITION && selected <= n ? selected : 0);
}

static void
rebuild (WerkLiveGoalsPage *self)
{
  guint n = g_list_model_get_n_items (self->fields);

  rebuild_targets (self);
  werk_live_box_clear (self->goals_box);
  add_group (self, _ ("Core Goals"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (self->fields, i);
      g_autofree char *title =
          g_strdup_printf (_ ("Guiding Goals: %s"), werk_record_get_label (field));

      add_group (self, title, field);
    }
}

/* ---- the page ---- */

static void
werk_live_goals_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveGoalsPage *self = WERK_LIVE_GOALS_PAGE (page);

  g_set_object (&self->workshop, workshop);
  self->goals = werk_store_get_list (store_of (self), WERK_KIND_GOAL, NULL);
  self->fields = werk_store_get_list (store_of (self), WERK_KIND_FIELD, NULL);
  werk_live_watch_clear (self->watch);
  werk_live_watch_add_model (self->watch, self->goals);
  werk_live_watch_add_model (self->watch, self->fields);
  rebuild (self);
}

static void
werk_live_goals_page_focus_input (WerkLivePage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (WERK_LIVE_GOALS_PAGE (page)->entry));
}

static void
werk_live_goals_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_goals_page_set_workshop;
  iface->focus_input = werk_live_goals_page_focus_input;
}

static void
werk_live_goals_page_dispose (GObject *object)
{
  WerkLiveGoalsPage *self = WERK_LIVE_GOALS_PAGE (object);

  if (self->watch)
    werk_live_watch_clear (self->watch);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_GOALS_PAGE);
  g_clear_object (&self->watch);
  g_clear_object (&self->targets);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_goals_page_parent_class)->dispose (object);
}

static void
werk_live_goals_page_class_init (WerkLiveGoalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_goals_page_dispose;

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-goals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveGoalsPage, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveGoalsPage, entry);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveGoalsPage, goals_box);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_goals_page_init (WerkLiveGoalsPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->targets = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (self->targets));
  self->watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (rebuild), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
