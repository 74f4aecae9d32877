/* werk-live-collect-page.c: collecting challenges or ideas as fast as the room calls them out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "werk-live-collect-page.h"
#include "werk-live-util.h"

struct _WerkLiveCollectPage
{
  GtkWidget parent_instance;

  GtkToggleButton *challenges_button;
  GtkToggleButton *ideas_button;
  GtkLabel *count_label;
  GtkEntry *entry;
  GtkScrolledWindow *scroller;
  GtkListBox *list;

  WerkWorkshop *workshop;
  WerkKind kind;
  GListModel *model;
};

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void werk_live_collect_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveCollectPage, werk_live_collect_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_collect_page_page_init))

static const char *
text_key (WerkKind kind)
{
  return kind == WERK_KIND_CHALLENGE ? "text" : "title";
}

static WerkStore *
store_of (WerkLiveCollectPage *self)
{
  return werk_record_get_store (WERK_RECORD (self->workshop));
}

/* ---- rows ---- */

/* A card reads as a wrapped label and turns into an entry to be edited: an editable label
 * would not wrap, and one long card would widen the whole window. */

static void
show_label (GtkStack *stack)
{
  gtk_stack_set_visible_child_name (stack, "label");
}

static void
commit_edit (GtkEntry *entry, GtkStack *stack)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *record = g_object_get_data (G_OBJECT (stack), "werk-record");
  const char *key = text_key (werk_record_get_kind (record));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "entry") != 0)
    return;
  show_label (stack);
  if (*text == '\0' || g_strcmp0 (text, werk_record_get_string (record, key)) == 0)
    return;
  if (!werk_record_set_string (record, key, text, &error))
    werk_live_report_error (GTK_WIDGET (stack), error);
}

static void
edit_leave_cb (GtkEventControllerFocus *focus, GtkStack *stack)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));

  commit_edit (GTK_ENTRY (entry), stack);
}

static gboolean
edit_key_cb (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state,
             GtkStack *stack)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (stack), GTK_TYPE_LIST_BOX_ROW);

  if (keyval != GDK_KEY_Escape)
    return FALSE;
  show_label (stack);
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
start_editing (GtkStack *stack)
{
  WerkRecord *record = g_object_get_data (G_OBJECT (stack), "werk-record");
  GtkWidget *entry = gtk_stack_get_child_by_name (stack, "entry");

  gtk_editable_set_text (GTK_EDITABLE (entry),
                         werk_record_get_string (record, text_key (werk_record_get_kind (record))));
  gtk_stack_set_visible_child_name (stack, "entry");
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  WerkRecord *record = item;
  const char *key = text_key (werk_record_get_kind (record));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "live-card-text");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  g_object_bind_property (record, key, label, "label", G_BINDING_SYNC_CREATE);
  gtk_widget_set_margin_top (entry, 4);
  gtk_widget_set_margin_bottom (entry, 4);
  gtk_widget_set_margin_start (entry, 6);
  gtk_widget_set_margin_end (entry, 6);
  gtk_stack_add_named (GTK_STACK (stack), label, "label");
  gtk_stack_add_named (GTK_STACK (stack), entry, "entry");
  gtk_stack_set_hhomogeneous (GTK_STACK (stack), FALSE);
  g_object_set_data_full (G_OBJECT (stack), "werk-record", g_object_ref (record), g_object_unref);
  g_signal_connect (entry, "activate", G_CALLBACK (commit_edit), stack);
  g_signal_connect (focus, "leave", G_CALLBACK (edit_leave_cb), stack);
  gtk_widget_add_controller (entry, focus);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (edit_key_cb), stack);
  gtk_widget_add_controller (entry, keys);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), stack);
  werk_live_row_set_record (row, record);
  return row;
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, WerkLiveCollectPage *self)
{
  start_editing (GTK_STACK (gtk_list_box_row_get_child (row)));
}

/* ---- the list ---- */

static void
update_count (WerkLiveCollectPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *text = NULL;

  if (self->kind == WERK_KIND_CHALLENGE)
    text = g_strdup_printf (ngettext ("%u challenge", "%u challenges", n), n);
  else
    text = g_strdup_printf (ngettext ("%u idea", "%u ideas", n), n);
  gtk_label_set_label (self->count_label, text);
}

static void
model_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  WerkLiveCollectPage *self)
{
  update_count (self);
}

static void
load_model (WerkLiveCollectPage *self)
{
  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (self->workshop == NULL)
    return;
  self->model = werk_live_workshop_records (store_of (self), self->kind, self->workshop);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_changed_cb), self, 0);
  gtk_list_box_bind_model (self->list, self->model, create_row_cb, NULL, NULL);
  gtk_entry_set_placeholder_text (self->entry, self->kind == WERK_KIND_CHALLENGE
                                                   ? _ ("Type a challenge and press Enter")
                                                   : _ ("Type an idea and press Enter"));
  update_count (self);
}

static gboolean
scroll_to_end_cb (gpointer data)
{
  WerkLiveCollectPage *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

WerkRecord *
werk_live_collect_page_add (WerkLiveCollectPage *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *workshop_id;
  WerkRecord *record;

  g_return_val_if_fail (WERK_IS_LIVE_COLLECT_PAGE (self), NULL);
  g_return_val_if_fail (self->workshop != NULL, NULL);

  if (*stripped == '\0')
    return NULL;
  workshop_id = werk_record_get_id (WERK_RECORD (self->workshop));
  if (self->kind == WERK_KIND_CHALLENGE)
    record = werk_store_add (store_of (self), WERK_KIND_CHALLENGE, NULL, &error, "text", stripped,
                             "workshop", workshop_id, NULL);
  else
    record = werk_store_add (store_of (self), WERK_KIND_MEASURE, NULL, &error, "title", stripped,
                             "status", "idea", "workshop", workshop_id, NULL);
  if (record == NULL)
    {
      werk_live_report_error (GTK_WIDGET (self), error);
      return NULL;
    }
  /* The list grows after layout: scroll once it has. */
  g_timeout_add (50, scroll_to_end_cb, g_object_ref (self));
  return record;
}

static void
entry_activate_cb (GtkEntry *entry, WerkLiveCollectPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (werk_live_collect_page_add (self, text))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
mode_toggled_cb (GtkToggleButton *button, WerkLiveCollectPage *self)
{
  werk_live_collect_page_set_kind (self, gtk_toggle_button_get_active (self->challenges_button)
                                             ? WERK_KIND_CHALLENGE
                                             : WERK_KIND_MEASURE);
}

static void
delete_selected (WerkLiveCollectPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autofree char *title = NULL;
  WerkRecord *record = werk_live_list_box_get_selected (self->list);
  g_autoptr (WerkRecord) keep = NULL;

  if (record == NULL)
    return;
  keep = g_object_ref (record);
  title = g_strdup_printf (_ ("“%s” removed"), werk_record_get_label (record));
  if (!werk_store_delete (store_of (self), record, &undo, &error))
    werk_live_report_error (GTK_WIDGET (self), error);
  else
    werk_live_toast_undo (GTK_WIDGET (self), title, undo);
}

static gboolean
list_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             WerkLiveCollectPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  /* Keys typed into a card being edited are the card's. */
  if (focus && GTK_IS_TEXT (focus))
    return FALSE;
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete)
    {
      delete_selected (self);
      return TRUE;
    }
  return FALSE;
}

/* ---- the page ---- */

WerkKind
werk_live_collect_page_get_kind (WerkLiveCollectPage *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_COLLECT_PAGE (self), WERK_KIND_CHALLENGE);
  return self->kind;
}

void
werk_live_collect_page_set_kind (WerkLiveCollectPage *self, WerkKind kind)
{
  g_return_if_fail (WERK_IS_LIVE_COLLECT_PAGE (self));
  g_return_if_fail (kind == WERK_KIND_CHALLENGE || kind == WERK_KIND_MEASURE);

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_toggle_button_set_active (
      kind == WERK_KIND_CHALLENGE ? self->challenges_button : self->ideas_button, TRUE);
  load_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
werk_live_collect_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveCollectPage *self = WERK_LIVE_COLLECT_PAGE (page);

  g_set_object (&self->workshop, workshop);
  load_model (self);
}

/* An agenda item about ideas or project approaches collects ideas; anything else collects
 * challenges. The facilitator can switch either way. */
static gboolean
is_about_ideas (WerkAgendaItem *item)
{
  static const char *const words[] = { "idee", "ansatz",   "ansätze", "projekt", "maßnahme",
                                       "idea", "approach", "project", "measure" };
  g_autofree char *title =
      g_utf8_strdown (item ? werk_record_get_string (WERK_RECORD (item), "title") : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (title, words[i]))
      return TRUE;
  return FALSE;
}

static void
werk_live_collect_page_set_item (WerkLivePage *page, WerkAgendaItem *item)
{
  WerkLiveCollectPage *self = WERK_LIVE_COLLECT_PAGE (page);

  werk_live_collect_page_set_kind (self,
                                   is_about_ideas (item) ? WERK_KIND_MEASURE : WERK_KIND_CHALLENGE);
}

static void
werk_live_collect_page_focus_input (WerkLivePage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (WERK_LIVE_COLLECT_PAGE (page)->entry));
}

static void
werk_live_collect_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_collect_page_set_workshop;
  iface->set_item = werk_live_collect_page_set_item;
  iface->focus_input = werk_live_collect_page_focus_input;
}

static void
werk_live_collect_page_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  WerkLiveCollectPage *self = WERK_LIVE_COLLECT_PAGE (object);

  switch (prop_id)
    {
      case PROP_KIND:
        g_value_set_int (value, self->kind);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_live_collect_page_dispose (GObject *object)
{
  WerkLiveCollectPage *self = WERK_LIVE_COLLECT_PAGE (object);

  if (self->model)
    g_signal_handlers_disconnect_by_data (self->model, self);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_COLLECT_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_collect_page_parent_class)->dispose (object);
}

static void
werk_live_collect_page_class_init (WerkLiveCollectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_collect_page_dispose;
  object_class->get_property = werk_live_collect_page_get_property;

  properties[PROP_KIND] =
      g_param_spec_int ("kind", NULL, NULL, 0, WERK_N_KINDS, WERK_KIND_CHALLENGE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-collect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, challenges_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, ideas_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, entry);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveCollectPage, list);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_collect_page_init (WerkLiveCollectPage *self)
{
  GtkEventController *keys;

  self->kind = WERK_KIND_CHALLENGE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
}
