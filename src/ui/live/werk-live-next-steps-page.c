/* werk-live-next-steps-page.c: agreeing who does what by when, measure by measure.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-next-steps-page.h"
#include "werk-live-util.h"

struct _WerkLiveNextStepsPage
{
  GtkWidget parent_instance;

  GtkListBox *list;

  WerkWorkshop *workshop;
  GtkSorter *sorter;
  GListModel *model;
};

static void werk_live_next_steps_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveNextStepsPage, werk_live_next_steps_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_next_steps_page_page_init))

/* Measures the room decided to take forward first, mere ideas next, dropped ones last. */
static int
status_order (WerkRecord *measure)
{
  switch (werk_record_get_int (measure, "status"))
    {
      case WERK_STATUS_PRIORITISED:
      case WERK_STATUS_PLANNED:
      case WERK_STATUS_IN_PROGRESS:
        return 0;
      case WERK_STATUS_IDEA:
        return 1;
      case WERK_STATUS_DONE:
        return 2;
      default:
        return 3;
    }
}

static int
compare_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  return status_order ((WerkRecord *) a) - status_order ((WerkRecord *) b);
}

/* ---- rows ---- */

static void
update_status (WerkRecord *measure, GParamSpec *pspec, GtkLabel *label)
{
  int status = werk_record_get_int (measure, "status");

  gtk_label_set_label (label, werk_enum_label (WERK_TYPE_MEASURE_STATUS, status));
  if (status == WERK_STATUS_PRIORITISED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "accent");
}

static void
commit_due (GtkEntry *entry)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *measure = g_object_get_data (G_OBJECT (entry), "werk-record");
  g_autofree char *due = werk_live_parse_date (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_autofree char *shown = NULL;

  if (due == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      werk_live_toast (GTK_WIDGET (entry), _ ("Please enter the date as DD.MM.YYYY"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (!werk_record_set_string (measure, "due", *due ? due : NULL, &error))
    werk_live_report_error (GTK_WIDGET (entry), error);
  shown = werk_live_format_date (werk_record_get_string (measure, "due"));
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), shown);
}

static void
due_leave_cb (GtkEventControllerFocus *focus, GtkEntry *entry)
{
  commit_due (entry);
}

static GtkWidget *
text_entry (WerkRecord *measure, const char *prop, const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  g_object_bind_property (measure, prop, entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return entry;
}

static GtkWidget *
due_entry (WerkRecord *measure)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *due = werk_live_format_date (werk_record_get_string (measure, "due"));
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("DD.MM.YYYY"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Due"),
                                  -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_text (GTK_EDITABLE (entry), due);
  g_object_set_data_full (G_OBJECT (entry), "werk-record", g_object_ref (measure), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (commit_due), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (due_leave_cb), entry);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  WerkRecord *measure = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *owner = text_entry (measure, "owner", _ ("Owner"));
  GtkWidget *steps = text_entry (measure, "next-steps", _ ("Next steps"));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (status, "caption");
  g_object_bind_property (measure, "title", title, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (measure, "notify::status", G_CALLBACK (update_status), status, 0);
  update_status (measure, NULL, GTK_LABEL (status));
  gtk_editable_set_width_chars (GTK_EDITABLE (owner), 18);
  gtk_widget_set_hexpand (steps, TRUE);

  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), status);
  gtk_box_append (GTK_BOX (fields), owner);
  gtk_box_append (GTK_BOX (fields), due_entry (measure));
  gtk_box_append (GTK_BOX (fields), steps);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  werk_live_row_set_record (row, measure);
  g_object_set_data (G_OBJECT (row), "owner-entry", owner);
  return row;
}

/* ---- the page ---- */

static void
werk_live_next_steps_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveNextStepsPage *self = WERK_LIVE_NEXT_STEPS_PAGE (page);
  WerkStore *store = werk_record_get_store (WERK_RECORD (workshop));
  GListModel *measures = werk_live_workshop_records (store, WERK_KIND_MEASURE, workshop);

  g_set_object (&self->workshop, workshop);
  g_clear_object (&self->model);
  self->model = G_LIST_MODEL (gtk_sort_list_model_new (measures, g_object_ref (self->sorter)));
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, NULL, NULL);
}

/* Statuses change elsewhere (taking the vote's winners forward): sort again on arrival. */
static void
werk_live_next_steps_page_set_item (WerkLivePage *page, WerkAgendaItem *item)
{
  gtk_sorter_changed (WERK_LIVE_NEXT_STEPS_PAGE (page)->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* Arriving, the cursor waits at the end of the first measure's owner: typing adds to what is
 * there instead of replacing it unseen, as a focused entry with its text selected would. */
static void
werk_live_next_steps_page_focus_input (WerkLivePage *page)
{
  WerkLiveNextStepsPage *self = WERK_LIVE_NEXT_STEPS_PAGE (page);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);
  GtkWidget *owner = row ? g_object_get_data (G_OBJECT (row), "owner-entry") : NULL;

  if (owner == NULL)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
      return;
    }
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (owner));
  gtk_editable_set_position (GTK_EDITABLE (owner), -1);
}

static void
werk_live_next_steps_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_next_steps_page_set_workshop;
  iface->set_item = werk_live_next_steps_page_set_item;
  iface->focus_input = werk_live_next_steps_page_focus_input;
}

static void
werk_live_next_steps_page_dispose (GObject *object)
{
  WerkLiveNextStepsPage *self = WERK_LIVE_NEXT_STEPS_PAGE (object);

  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_NEXT_STEPS_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_next_steps_page_parent_class)->dispose (object);
}

static void
werk_live_next_steps_page_class_init (WerkLiveNextStepsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_next_steps_page_dispose;

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-next-steps-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveNextStepsPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_next_steps_page_init (WerkLiveNextStepsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, NULL, NULL));
}
