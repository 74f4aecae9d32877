/* werk-workshops-page.c: the workshops of the process, and one workshop's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-application.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"
#include "werk-workshop-editor.h"
#include "werk-workshops-page.h"

struct _WerkWorkshopsPage
{
  AdwBin parent_instance;

  WerkStore *store;

  GtkStack *stack;
  AdwEntryRow *workshop_entry;
  GtkListBox *workshops_list;
  WerkWorkshopEditor *editor;
};

G_DEFINE_FINAL_TYPE (WerkWorkshopsPage, werk_workshops_page, ADW_TYPE_BIN)

static void
update_subtitle (WerkRecord *workshop, GParamSpec *pspec, AdwActionRow *row)
{
  g_autofree char *date = werk_format_date (werk_record_get_string (workshop, "date"));
  const char *location = werk_record_get_string (workshop, "location");
  g_autoptr (GString) s = g_string_new (
      werk_enum_label (WERK_TYPE_WORKSHOP_FORMAT, werk_record_get_int (workshop, "format")));

  if (date)
    g_string_append_printf (s, " · %s", date);
  if (*location)
    g_string_append_printf (s, " · %s", location);
  adw_action_row_set_subtitle (row, s->str);
}

static GtkWidget *
create_workshop_row (gpointer item, gpointer data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_subtitle), row, 0);
  update_subtitle (item, NULL, ADW_ACTION_ROW (row));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), werk_record_menu_button_new ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  werk_record_actions_attach (row, item, WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
  return row;
}

static void
row_activated_cb (WerkWorkshopsPage *self, GtkListBoxRow *row)
{
  WerkRecord *workshop = g_object_get_data (G_OBJECT (row), "werk-record");

  if (workshop)
    werk_workshops_page_show_workshop (self, WERK_WORKSHOP (workshop));
}

void
werk_workshops_page_show_workshop (WerkWorkshopsPage *self, WerkWorkshop *workshop)
{
  WerkWorkshop *shown = werk_workshop_editor_get_workshop (self->editor);

  g_return_if_fail (WERK_IS_WORKSHOPS_PAGE (self));

  if (workshop)
    {
      werk_workshop_editor_set_workshop (self->editor, workshop);
      gtk_stack_set_visible_child_name (self->stack, "workshop");
      werk_workshop_editor_focus (self->editor);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->workshops_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (shown && g_object_get_data (G_OBJECT (row), "werk-record") == (gpointer) shown)
      gtk_widget_grab_focus (row);
}

static const char *
default_format (void)
{
  GApplication *app = g_application_get_default ();
  static char *format;

  if (!WERK_IS_APPLICATION (app))
    return "strategy_starter";
  g_free (format);
  format = g_settings_get_string (werk_application_get_settings (WERK_APPLICATION (app)),
                                  "default-workshop-format");
  return format;
}

static void
workshop_entry_activated_cb (WerkWorkshopsPage *self)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (self->workshop_entry));
  g_autoptr (GError) error = NULL;

  if (text == NULL || self->store == NULL)
    return;
  if (!werk_store_add (self->store, WERK_KIND_WORKSHOP, NULL, &error, "format", default_format (),
                       "title", text, NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

void
werk_workshops_page_set_store (WerkWorkshopsPage *self, WerkStore *store)
{
  g_return_if_fail (WERK_IS_WORKSHOPS_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_list_box_bind_model (self->workshops_list,
                           werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL),
                           create_workshop_row, NULL, NULL);
}

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkWorkshopsPage *self = WERK_WORKSHOPS_PAGE (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "workshop"))
    werk_workshop_editor_focus (self->editor);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->workshop_entry));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_workshops_page_show_workshop (WERK_WORKSHOPS_PAGE (widget), NULL);
}

static void
werk_workshops_page_dispose (GObject *object)
{
  WerkWorkshopsPage *self = WERK_WORKSHOPS_PAGE (object);

  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_WORKSHOPS_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_workshops_page_parent_class)->dispose (object);
}

static void
werk_workshops_page_class_init (WerkWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_workshops_page_dispose;

  g_type_ensure (WERK_TYPE_WORKSHOP_EDITOR);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/ui/werk-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopsPage, workshop_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopsPage, workshops_list);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, workshop_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

static void
werk_workshops_page_init (WerkWorkshopsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->workshops_list,
                                werk_placeholder_new (_ ("No workshops yet")));
}
