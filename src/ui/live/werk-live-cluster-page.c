/* werk-live-cluster-page.c: sorting the collected cards into fields of action by keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-cluster-page.h"
#include "werk-live-util.h"
#include "werk-live-watch.h"

struct _WerkLiveClusterPage
{
  GtkWidget parent_instance;

  GtkListBox *cards;
  GtkListBox *fields;
  GtkEntry *field_entry;

  WerkWorkshop *workshop;
  GListModel *card_model;
  GListModel *field_model; /* the store's, unowned */
  WerkLiveWatch *watch;
};

static void werk_live_cluster_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveClusterPage, werk_live_cluster_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_cluster_page_page_init))

static WerkStore *
store_of (WerkLiveClusterPage *self)
{
  return werk_record_get_store (WERK_RECORD (self->workshop));
}

/* The number a field is shown and typed with (1-based), or 0. */
static guint
field_number (WerkLiveClusterPage *self, WerkRecord *field)
{
  guint n = g_list_model_get_n_items (self->field_model);

  for (guint i = 0; field && i < n; i++)
    {
      g_autoptr (WerkRecord) f = g_list_model_get_item (self->field_model, i);

      if (f == field)
        return i + 1;
    }
  return 0;
}

/* ---- cards ---- */

static void
update_badge (WerkLiveClusterPage *self, GtkWidget *row)
{
  WerkRecord *card = werk_live_row_get_record (row);
  WerkRecord *field = werk_record_get_ref (card, "field");
  GtkLabel *badge = g_object_get_data (G_OBJECT (row), "badge");
  g_autofree char *text = NULL;

  if (field == NULL)
    {
      gtk_label_set_label (badge, "–");
      gtk_widget_remove_css_class (GTK_WIDGET (badge), "assigned");
      return;
    }
  text = g_strdup_printf ("%u  %s", field_number (self, field), werk_record_get_label (field));
  gtk_label_set_label (badge, text);
  gtk_widget_add_css_class (GTK_WIDGET (badge), "assigned");
}

static void
card_field_cb (WerkRecord *card, GParamSpec *pspec, GtkWidget *row)
{
  WerkLiveClusterPage *self = g_object_get_data (G_OBJECT (row), "page");

  update_badge (self, row);
}

static GtkWidget *
create_card_row_cb (gpointer item, gpointer user_data)
{
  WerkLiveClusterPage *self = user_data;
  WerkRecord *card = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (werk_record_get_label (card));
  GtkWidget *kind = gtk_label_new (
      werk_record_get_kind (card) == WERK_KIND_CHALLENGE ? _ ("Challenge") : _ ("Idea"));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (badge, "live-field-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (badge), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (badge), 16);
  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (badge), 0);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_bind_property (card,
                          werk_record_get_kind (card) == WERK_KIND_CHALLENGE ? "text" : "title",
                          text, "label", G_BINDING_DEFAULT);
  werk_live_row_set_record (row, card);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  g_object_set_data (G_OBJECT (row), "page", self);
  g_signal_connect_object (card, "notify::field", G_CALLBACK (card_field_cb), row, 0);
  update_badge (self, row);
  return row;
}

void
werk_live_cluster_page_select (WerkLiveClusterPage *self, guint index)
{
  GtkListBoxRow *row;

  g_return_if_fail (WERK_IS_LIVE_CLUSTER_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->cards, index);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->cards, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

gboolean
werk_live_cluster_page_assign (WerkLiveClusterPage *self, guint number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkRecord) field = NULL;
  GtkListBoxRow *row;
  WerkRecord *card;

  g_return_val_if_fail (WERK_IS_LIVE_CLUSTER_PAGE (self), FALSE);

  row = gtk_list_box_get_selected_row (self->cards);
  card = werk_live_row_get_record (GTK_WIDGET (row));
  if (card == NULL || self->field_model == NULL)
    return FALSE;
  if (number > g_list_model_get_n_items (self->field_model))
    {
      g_autofree char *text = g_strdup_printf (_ ("There is no field of action %u"), number);
      werk_live_toast (GTK_WIDGET (self), text);
      return FALSE;
    }
  if (number > 0)
    field = g_list_model_get_item (self->field_model, number - 1);
  if (!werk_record_set_ref (card, "field", field, &error))
    {
      werk_live_report_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  werk_live_cluster_page_select (self, gtk_list_box_row_get_index (row) + 1);
  return TRUE;
}

static gboolean
cards_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
              WerkLiveClusterPage *self)
{
  int digit = werk_live_key_digit (keyval);

  if (digit < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  werk_live_cluster_page_assign (self, digit);
  return TRUE;
}

/* ---- fields ---- */

static guint
count_cards (WerkLiveClusterPage *self, WerkRecord *field)
{
  guint n = g_list_model_get_n_items (self->card_model);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) card = g_list_model_get_item (self->card_model, i);

      count += werk_record_get_ref (card, "field") == field;
    }
  return count;
}

static GtkWidget *
field_row (WerkLiveClusterPage *self, WerkRecord *field, guint number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *num = number <= 9 ? g_strdup_printf ("%u", number) : g_strdup ("");
  g_autofree char *count = g_strdup_printf ("%u", count_cards (self, field));
  GtkWidget *num_label = gtk_label_new (num);
  GtkWidget *title = gtk_label_new (werk_record_get_label (field));
  GtkWidget *count_label = gtk_label_new (count);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (num_label, "live-key");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_set_tooltip_text (count_label, _ ("Cards in this field"));
  gtk_box_append (GTK_BOX (box), num_label);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  werk_live_row_set_record (row, field);
  return row;
}

static void
rebuild_fields (WerkLiveClusterPage *self)
{
  guint n = g_list_model_get_n_items (self->field_model);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields))))
    gtk_list_box_remove (self->fields, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (self->field_model, i);
      gtk_list_box_append (self->fields, field_row (self, field, i + 1));
    }
  /* Field numbers and titles show on every card. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child;
       child = gtk_widget_get_next_sibling (child))
    if (werk_live_row_get_record (child))
      update_badge (self, child);
}

static void
field_activated_cb (GtkListBox *box, GtkListBoxRow *row, WerkLiveClusterPage *self)
{
  werk_live_cluster_page_assign (self, gtk_list_box_row_get_index (row) + 1);
}

static void
field_entry_activate_cb (GtkEntry *entry, WerkLiveClusterPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*title == '\0' || self->workshop == NULL)
    return;
  if (!werk_store_add (store_of (self), WERK_KIND_FIELD, NULL, &error, "title", title, NULL))
    werk_live_report_error (GTK_WIDGET (self), error);
  else
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* ---- the page ---- */

static void
werk_live_cluster_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
  WerkLiveClusterPage *self = WERK_LIVE_CLUSTER_PAGE (page);
  g_autoptr (GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListModel) challenges = NULL;
  g_autoptr (GListModel) ideas = NULL;

  g_set_object (&self->workshop, workshop);
  challenges = werk_live_workshop_records (store_of (self), WERK_KIND_CHALLENGE, workshop);
  ideas = werk_live_workshop_records (store_of (self), WERK_KIND_MEASURE, workshop);
  g_list_store_append (parts, challenges);
  g_list_store_append (parts, ideas);
  g_clear_object (&self->card_model);
  self->card_model =
      G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
  self->field_model = werk_store_get_list (store_of (self), WERK_KIND_FIELD, NULL);
  gtk_list_box_bind_model (self->cards, self->card_model, create_card_row_cb, self, NULL);

  werk_live_watch_clear (self->watch);
  werk_live_watch_add_model (self->watch, self->field_model);
  werk_live_watch_add_model (self->watch, self->card_model);
  rebuild_fields (self);
}

static void
werk_live_cluster_page_focus_input (WerkLivePage *page)
{
  WerkLiveClusterPage *self = WERK_LIVE_CLUSTER_PAGE (page);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->cards);

  if (row)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    werk_live_cluster_page_select (self, 0);
}

static void
werk_live_cluster_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_cluster_page_set_workshop;
  iface->focus_input = werk_live_cluster_page_focus_input;
}

static void
werk_live_cluster_page_dispose (GObject *object)
{
  WerkLiveClusterPage *self = WERK_LIVE_CLUSTER_PAGE (object);

  if (self->watch)
    werk_live_watch_clear (self->watch);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_CLUSTER_PAGE);
  g_clear_object (&self->watch);
  g_clear_object (&self->card_model);
  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (werk_live_cluster_page_parent_class)->dispose (object);
}

static void
werk_live_cluster_page_class_init (WerkLiveClusterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_cluster_page_dispose;

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-cluster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveClusterPage, cards);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveClusterPage, fields);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveClusterPage, field_entry);
  gtk_widget_class_bind_template_callback (widget_class, field_entry_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_cluster_page_init (WerkLiveClusterPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (rebuild_fields), self);
  g_signal_connect (self->fields, "row-activated", G_CALLBACK (field_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cards_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->cards), keys);
}
