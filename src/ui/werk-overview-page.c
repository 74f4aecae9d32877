/* werk-overview-page.c: the process at a glance: title, municipality, region, vision, core goals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-overview-page.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"

struct _WerkOverviewPage
{
  AdwBin parent_instance;

  WerkStore *store;

  AdwEntryRow *title_row;
  AdwEntryRow *municipality_row;
  AdwEntryRow *region_row;
  GtkTextView *vision_view;
  AdwEntryRow *goal_entry;
  GtkListBox *goals_list;
};

G_DEFINE_FINAL_TYPE (WerkOverviewPage, werk_overview_page, ADW_TYPE_BIN)

static GtkWidget *
create_goal_row (gpointer item, gpointer data)
{
  return werk_record_row_new (item, "text",
                              WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
}

static void
row_activated_cb (GtkListBox *box, GtkListBoxRow *row)
{
  werk_record_row_start_editing (row);
}

static void
goal_entry_activated_cb (WerkOverviewPage *self)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (self->goal_entry));
  g_autoptr (GError) error = NULL;

  if (text == NULL || self->store == NULL)
    return;
  if (!werk_store_add (self->store, WERK_KIND_GOAL, NULL, &error, "level", "core", "text", text,
                       NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

void
werk_overview_page_set_store (WerkOverviewPage *self, WerkStore *store)
{
  WerkProcess *process;
  GListModel *goals;
  GtkFilterListModel *core;

  g_return_if_fail (WERK_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  process = werk_store_get_process (store);
  g_object_bind_property (process, "title", self->title_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (process, "municipality", self->municipality_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (process, "region", self->region_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  werk_bind_text_buffer (gtk_text_view_get_buffer (self->vision_view), process, "vision");

  goals = werk_store_get_list (store, WERK_KIND_GOAL, NULL);
  core = gtk_filter_list_model_new (g_object_ref (goals),
                                    werk_key_filter_new (goals, "level", "core"));
  gtk_list_box_bind_model (self->goals_list, G_LIST_MODEL (core), create_goal_row, NULL, NULL);
  g_object_unref (core);
}

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (WERK_OVERVIEW_PAGE (widget)->goal_entry));
}

static void
werk_overview_page_dispose (GObject *object)
{
  WerkOverviewPage *self = WERK_OVERVIEW_PAGE (object);

  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_overview_page_parent_class)->dispose (object);
}

static void
werk_overview_page_class_init (WerkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, vision_view);
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, goal_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkOverviewPage, goals_list);
  gtk_widget_class_bind_template_callback (widget_class, goal_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
}

static void
werk_overview_page_init (WerkOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->goals_list, werk_placeholder_new (_ ("No core goals yet")));
}
