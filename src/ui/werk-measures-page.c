/* werk-measures-page.c: all measures grouped by field, with search and filters; one measure's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "werk-measure-editor.h"
#include "werk-measure-row.h"
#include "werk-measures-page.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"

/* The field dropdown's first two entries: every field, and measures without one. */
enum
{
  FIELD_ALL,
  FIELD_NONE,
  FIELD_FIRST
};

struct _WerkMeasuresPage
{
  AdwBin parent_instance;

  WerkStore *store;
  /* What the list shows: the measures that pass the filter, field by field in the fields'
   * order, then those without a field. One store kept in step by hand: filter models stacked
   * on one base answer out of step while the base changes, and the list view sees doubles. */
  GListStore *grouped;
  GObject *watch_owner; /* the item watches live as long as this */
  GtkStringList *field_names;
  GPtrArray *field_ids; /* parallel to field_names from FIELD_FIRST on */
  guint refocus_position;

  /* the filter as chosen */
  int status;         /* -1: any */
  char *field_id;     /* NULL: any; "": none */
  char *owner_folded; /* NULL: any */
  char *query;        /* NULL: all */

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkDropDown *status_dropdown;
  GtkDropDown *field_dropdown;
  GtkEntry *owner_entry;
  AdwEntryRow *measure_entry;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  WerkMeasureEditor *editor;
};

G_DEFINE_FINAL_TYPE (WerkMeasuresPage, werk_measures_page, ADW_TYPE_BIN)

static gboolean
filtering (WerkMeasuresPage *self)
{
  return self->status >= 0 || self->field_id || self->owner_folded || self->query;
}

static gboolean
match_measure (gpointer item, gpointer data)
{
  WerkMeasuresPage *self = data;
  WerkRecord *m = item;

  if (self->status >= 0 && werk_record_get_int (m, "status") != self->status)
    return FALSE;
  if (self->field_id &&
      g_strcmp0 (werk_record_get_string (m, "field"), *self->field_id ? self->field_id : NULL))
    return FALSE;
  if (self->owner_folded)
    {
      g_autofree char *owner = g_utf8_casefold (werk_record_get_string (m, "owner"), -1);
      if (!strstr (owner, self->owner_folded))
        return FALSE;
    }
  return self->query == NULL || werk_record_matches (m, self->query);
}

static void regroup (WerkMeasuresPage *self);

static void
measure_edited_cb (WerkMeasuresPage *self)
{
  /* Unfiltered, only a change of field moves a measure; that is watched on its own. */
  if (filtering (self))
    regroup (self);
}

static char *
nonempty_folded (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped ? g_utf8_casefold (stripped, -1) : NULL;
}

static void
filters_changed_cb (WerkMeasuresPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint field = gtk_drop_down_get_selected (self->field_dropdown);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->status = status == GTK_INVALID_LIST_POSITION || status == 0 ? -1 : (int) status - 1;
  g_clear_pointer (&self->field_id, g_free);
  if (field == FIELD_NONE)
    self->field_id = g_strdup ("");
  else if (field != GTK_INVALID_LIST_POSITION && field >= FIELD_FIRST && self->field_ids &&
           field - FIELD_FIRST < self->field_ids->len)
    self->field_id = g_strdup (g_ptr_array_index (self->field_ids, field - FIELD_FIRST));
  g_free (self->owner_folded);
  self->owner_folded = nonempty_folded (gtk_editable_get_text (GTK_EDITABLE (self->owner_entry)));
  g_free (self->query);
  self->query = *query ? g_strdup (query) : NULL;

  if (filtering (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  if (self->grouped)
    regroup (self);
}

static void
clear_filters_cb (WerkMeasuresPage *self)
{
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->field_dropdown, FIELD_ALL);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_menu_button_popdown (self->filter_button);
}

static void
stop_search_cb (WerkMeasuresPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->measure_entry));
}

/* Keeps the field dropdown's entries in step with the fields, keeping the choice. */
static void
update_field_names (WerkMeasuresPage *self)
{
  GListModel *fields = werk_store_get_list (self->store, WERK_KIND_FIELD, NULL);
  g_autofree char *chosen = g_strdup (self->field_id);
  guint n = g_list_model_get_n_items (fields);
  guint selected = chosen == NULL ? FIELD_ALL : *chosen ? FIELD_ALL : FIELD_NONE;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_set_size (self->field_ids, 0);
  g_ptr_array_add (names, (char *) _ ("All fields of action"));
  g_ptr_array_add (names, (char *) _ ("Without a field of action"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);

      g_ptr_array_add (names, (char *) werk_record_get_label (field));
      g_ptr_array_add (self->field_ids, g_strdup (werk_record_get_id (field)));
      if (g_strcmp0 (chosen, werk_record_get_id (field)) == 0)
        selected = FIELD_FIRST + i;
    }
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->field_dropdown, filters_changed_cb, self);
  gtk_string_list_splice (self->field_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->field_names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->field_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->field_dropdown, filters_changed_cb, self);
  filters_changed_cb (self);
}

static void
update_count (WerkMeasuresPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->grouped));
  guint all = g_list_model_get_n_items (werk_store_get_list (self->store, WERK_KIND_MEASURE, NULL));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (ngettext ("%u measure", "%u measures", all), all);
  else
    /* Translators: e.g. "12 of 2,000 measures" */
    text = g_strdup_printf (ngettext ("%u of %u measure", "%u of %u measures", all), shown, all);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
  if (all == 0)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Measures Yet"));
      adw_status_page_set_description (
          self->empty_page, _ ("Type the title of a measure above and press Enter. Its owner, due "
                               "date and the five guiding questions follow on its own page."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _ ("No Matching Measures"));
      adw_status_page_set_description (self->empty_page,
                                       _ ("Try another search, or show all measures."));
    }
}

/* Makes @store hold exactly @items, touching only the range that differs. */
static void
reconcile (GListStore *store, GPtrArray *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = items->len;
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), head);
      if (item != g_ptr_array_index (items, head))
        break;
      head++;
    }
  while (tail < n_old - head && tail < n_new - head)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - tail);
      if (item != g_ptr_array_index (items, n_new - 1 - tail))
        break;
      tail++;
    }
  if (head + tail == n_old && head + tail == n_new)
    return;
  g_list_store_splice (store, head, n_old - head - tail, items->pdata + head, n_new - head - tail);
}

static void
regroup (WerkMeasuresPage *self)
{
  GListModel *measures = werk_store_get_list (self->store, WERK_KIND_MEASURE, NULL);
  GListModel *fields = werk_store_get_list (self->store, WERK_KIND_FIELD, NULL);
  guint n_fields = g_list_model_get_n_items (fields);
  guint n = g_list_model_get_n_items (measures);
  g_autoptr (GHashTable) slot_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree GPtrArray **slots = g_new0 (GPtrArray *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      g_hash_table_insert (slot_of, (char *) werk_record_get_id (field), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i <= n_fields; i++)
    slots[i] = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      WerkRecord *m = g_list_model_get_item (measures, i);
      const char *field = werk_record_get_string (m, "field");
      guint slot = field ? GPOINTER_TO_UINT (g_hash_table_lookup (slot_of, field)) : 0;

      /* Without a field (slot 0) comes last. */
      if (match_measure (m, self))
        g_ptr_array_add (slots[slot ? slot - 1 : n_fields], m);
      else
        g_object_unref (m);
    }
  for (guint i = 0; i <= n_fields; i++)
    {
      g_ptr_array_extend_and_steal (order, slots[i]);
      slots[i] = NULL;
    }
  reconcile (self->grouped, order);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, werk_measure_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, WerkMeasuresPage *self)
{
  werk_measure_row_bind (WERK_MEASURE_ROW (gtk_list_item_get_child (item)),
                         gtk_list_item_get_item (item), G_LIST_MODEL (self->grouped), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  werk_measure_row_unbind (WERK_MEASURE_ROW (gtk_list_item_get_child (item)));
}

static void
list_activate_cb (WerkMeasuresPage *self, guint position)
{
  g_autoptr (WerkMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->grouped), position);

  if (measure)
    werk_measures_page_show_measure (self, measure);
}

static guint
position_of (WerkMeasuresPage *self, gpointer measure)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->grouped));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->grouped), i);
      if (item == measure)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
focus_position (WerkMeasuresPage *self, guint position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->grouped));

  if (n == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->measure_entry));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              MIN (position, n - 1));
}

static gboolean
refocus_cb (gpointer data)
{
  WerkMeasuresPage *self = data;

  focus_position (self, self->refocus_position);
  return G_SOURCE_REMOVE;
}

void
werk_measures_page_show_measure (WerkMeasuresPage *self, WerkMeasure *measure)
{
  WerkMeasure *shown = werk_measure_editor_get_measure (self->editor);

  g_return_if_fail (WERK_IS_MEASURES_PAGE (self));

  if (measure)
    {
      werk_measure_editor_set_measure (self->editor, measure);
      gtk_stack_set_visible_child_name (self->stack, "measure");
      werk_measure_editor_focus (self->editor);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (shown && position_of (self, shown) != GTK_INVALID_LIST_POSITION)
    focus_position (self, position_of (self, shown));
  werk_measure_editor_set_measure (self->editor, NULL);
}

GListModel *
werk_measures_page_get_model (WerkMeasuresPage *self)
{
  g_return_val_if_fail (WERK_IS_MEASURES_PAGE (self), NULL);
  return G_LIST_MODEL (self->grouped);
}

static void
measure_entry_activated_cb (WerkMeasuresPage *self)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (self->measure_entry));
  g_autoptr (GError) error = NULL;
  const char *field = self->field_id && *self->field_id ? self->field_id : NULL;

  if (text == NULL || self->store == NULL)
    return;
  /* A measure typed while one field is shown belongs to that field. */
  if (!werk_store_add (self->store, WERK_KIND_MEASURE, NULL, &error, "title", text,
                       field ? "field" : NULL, field, NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

void
werk_measures_page_set_store (WerkMeasuresPage *self, WerkStore *store)
{
  GListModel *measures, *fields;
  g_autoptr (GtkSelectionModel) selection = NULL;
  g_autoptr (GtkListItemFactory) factory = NULL;

  g_return_if_fail (WERK_IS_MEASURES_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  fields = werk_store_get_list (store, WERK_KIND_FIELD, NULL);
  self->grouped = g_list_store_new (WERK_TYPE_MEASURE);
  self->watch_owner = g_object_new (G_TYPE_OBJECT, NULL);

  /* Measures and fields that come and go regroup at once; edits, once they settle. */
  g_signal_connect_object (measures, "items-changed", G_CALLBACK (regroup), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (fields, "items-changed", G_CALLBACK (regroup), self, G_CONNECT_SWAPPED);
  werk_watch_items (self->watch_owner, measures, (const char *const[]){ "field", NULL },
                    G_CALLBACK (regroup), self);
  werk_watch_items (self->watch_owner, measures, NULL, G_CALLBACK (measure_edited_cb), self);
  g_signal_connect_object (fields, "items-changed", G_CALLBACK (update_field_names), self,
                           G_CONNECT_SWAPPED);
  werk_watch_items (self->watch_owner, fields, (const char *const[]){ "title", NULL },
                    G_CALLBACK (update_field_names), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  selection =
      GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->grouped))));
  gtk_list_view_set_model (self->list_view, selection);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->grouped, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_field_names (self);
  regroup (self);
  update_count (self);
}

/* ---- keyboard on the list ---- */

static WerkMeasureRow *
focused_row (WerkMeasuresPage *self)
{
  GtkWidget *item = gtk_widget_get_focus_child (GTK_WIDGET (self->list_view));
  GtkWidget *row = item ? gtk_widget_get_first_child (item) : NULL;

  return WERK_IS_MEASURE_ROW (row) ? WERK_MEASURE_ROW (row) : NULL;
}

static gboolean
row_action_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  WerkMeasuresPage *self =
      WERK_MEASURES_PAGE (gtk_widget_get_ancestor (widget, WERK_TYPE_MEASURES_PAGE));
  WerkMeasureRow *row = focused_row (self);
  const char *action = data;

  if (row == NULL || werk_measure_row_get_measure (row) == NULL)
    return FALSE;
  /* The next measure takes the focus, as the next card on the table would. */
  self->refocus_position = werk_measure_row_get_position (row);
  if (g_str_equal (action, "row.delete"))
    gtk_widget_activate_action (GTK_WIDGET (row), action, NULL);
  else
    gtk_widget_activate_action_variant (GTK_WIDGET (row), action, args);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refocus_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
add_list_shortcut (GtkShortcutController *sc, guint key, GdkModifierType mods, const char *action,
                   GVariant *args)
{
  GtkShortcut *shortcut =
      gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                        gtk_callback_action_new (row_action_cb, (gpointer) action, NULL));
  if (args)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (sc, shortcut);
}

static void
add_list_shortcuts (WerkMeasuresPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *sc = GTK_SHORTCUT_CONTROLLER (controller);

  add_list_shortcut (sc, GDK_KEY_Delete, 0, "row.delete", NULL);
  for (int i = 0; i <= 9; i++)
    {
      add_list_shortcut (sc, GDK_KEY_0 + i, GDK_ALT_MASK, "row.move-to-field",
                         g_variant_new_int32 (i));
      add_list_shortcut (sc, GDK_KEY_KP_0 + i, GDK_ALT_MASK, "row.move-to-field",
                         g_variant_new_int32 (i));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}

/* ---- page actions ---- */

static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkMeasuresPage *self = WERK_MEASURES_PAGE (widget);

  werk_measures_page_show_measure (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->measure_entry));
}

static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkMeasuresPage *self = WERK_MEASURES_PAGE (widget);

  werk_measures_page_show_measure (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_measures_page_show_measure (WERK_MEASURES_PAGE (widget), NULL);
}

static void
werk_measures_page_dispose (GObject *object)
{
  WerkMeasuresPage *self = WERK_MEASURES_PAGE (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_MEASURES_PAGE);
  g_clear_object (&self->watch_owner);
  g_clear_object (&self->grouped);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_measures_page_parent_class)->dispose (object);
}

static void
werk_measures_page_finalize (GObject *object)
{
  WerkMeasuresPage *self = WERK_MEASURES_PAGE (object);

  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  g_free (self->field_id);
  g_free (self->owner_folded);
  g_free (self->query);
  G_OBJECT_CLASS (werk_measures_page_parent_class)->finalize (object);
}

/* Arriving on the list from elsewhere (Ctrl+4, the sidebar, Tab), the focus lands in the entry
 * for a new measure, as on the other pages: type, Enter, next. The search is Ctrl+F or
 * Shift+Tab away. Coming back, the stack returns to where the focus was. */
static gboolean
werk_measures_page_focus (GtkWidget *widget, GtkDirectionType direction)
{
  WerkMeasuresPage *self = WERK_MEASURES_PAGE (widget);

  if (direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_focus_child (widget) == NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->measure_entry));
  return GTK_WIDGET_CLASS (werk_measures_page_parent_class)->focus (widget, direction);
}

static void
werk_measures_page_class_init (WerkMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_measures_page_dispose;
  object_class->finalize = werk_measures_page_finalize;
  widget_class->focus = werk_measures_page_focus;

  g_type_ensure (WERK_TYPE_MEASURE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-measures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, measure_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WerkMeasuresPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, measure_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "page.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "page.back", NULL);
}

/* Suggests the owners already named, in German order, each time the field is entered. */
static void
owner_entry_focus_cb (GtkEventControllerFocus *focus, WerkMeasuresPage *self)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (self->owner_entry);
  g_autoptr (GtkListStore) model = gtk_list_store_new (1, G_TYPE_STRING);
  g_auto (GStrv) owners = self->store ? werk_store_list_owners (self->store) : NULL;

  for (guint i = 0; owners && owners[i]; i++)
    gtk_list_store_insert_with_values (model, NULL, -1, 0, owners[i], -1);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (model));
}

static void
add_owner_completion (WerkMeasuresPage *self)
{
  g_autoptr (GtkEntryCompletion) completion = gtk_entry_completion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 0);
  gtk_entry_set_completion (self->owner_entry, completion);
  g_signal_connect (focus, "enter", G_CALLBACK (owner_entry_focus_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->owner_entry), focus);
}

static void
werk_measures_page_init (WerkMeasuresPage *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  GEnumClass *status_class = g_type_class_ref (WERK_TYPE_MEASURE_STATUS);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status = -1;
  self->field_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (statuses, _ ("All statuses"));
  for (guint i = 0; i < status_class->n_values; i++)
    gtk_string_list_append (
        statuses, werk_enum_label (WERK_TYPE_MEASURE_STATUS, status_class->values[i].value));
  g_type_class_unref (status_class);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->field_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->field_dropdown, G_LIST_MODEL (self->field_names));
  g_object_unref (self->field_names);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  add_list_shortcuts (self);
  add_owner_completion (self);
}
