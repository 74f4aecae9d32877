/* werk-record-actions.c: the actions of a row that shows a record: delete, reorder, move to field.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-record-actions.h"
#include "werk-ui-util.h"

#define DATA_KEY       "werk-record-actions"
#define MAX_FIELD_KEYS 9

typedef struct
{
  GtkWidget *widget; /* unowned: owns this */
  WerkRecord *record;
  WerkRecordActionFlags flags;
  GSimpleActionGroup *group;
} RowActions;

static void
row_actions_free (RowActions *ra)
{
  g_clear_object (&ra->record);
  g_clear_object (&ra->group);
  g_free (ra);
}

static RowActions *
find_row_actions (GtkWidget *widget)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    {
      RowActions *ra = g_object_get_data (G_OBJECT (widget), DATA_KEY);
      if (ra)
        return ra;
    }
  return NULL;
}

/* ---- keeping the focus in the list ---- */

typedef struct
{
  GtkListBox *box;
  WerkRecord *record;
  int index;
} Refocus;

static gboolean
refocus_cb (gpointer data)
{
  Refocus *rf = data;
  GtkListBoxRow *row = NULL;
  int n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (rf->box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (g_object_get_data (G_OBJECT (child), "werk-record") == rf->record)
        {
          row = GTK_LIST_BOX_ROW (child);
          break;
        }
      n++;
    }
  if (row == NULL && n > 0)
    row = gtk_list_box_get_row_at_index (rf->box, MIN (rf->index, n - 1));
  if (row && gtk_widget_get_mapped (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  g_object_unref (rf->box);
  g_object_unref (rf->record);
  g_free (rf);
  return G_SOURCE_REMOVE;
}

/* Runs after the lists have caught up (the filters refilter at a higher priority). */
static void
refocus_later (RowActions *ra)
{
  Refocus *rf;

  if (!GTK_IS_LIST_BOX_ROW (ra->widget) || !GTK_IS_LIST_BOX (gtk_widget_get_parent (ra->widget)))
    return;
  rf = g_new0 (Refocus, 1);
  rf->box = g_object_ref (GTK_LIST_BOX (gtk_widget_get_parent (ra->widget)));
  rf->record = g_object_ref (ra->record);
  rf->index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (ra->widget));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refocus_cb, rf, NULL);
}

/* ---- actions ---- */

static void
delete_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  RowActions *ra = data;

  if (ra->record == NULL)
    return;
  refocus_later (ra);
  gtk_widget_activate_action (ra->widget, "win.delete-record", "s",
                              werk_record_get_id (ra->record));
}

/* The record shown in the row next to this one, in the list the user sees. */
static WerkRecord *
neighbour (RowActions *ra, int step)
{
  GtkListBoxRow *row;
  GtkWidget *box = gtk_widget_get_parent (ra->widget);

  if (!GTK_IS_LIST_BOX_ROW (ra->widget) || !GTK_IS_LIST_BOX (box))
    return NULL;
  row = gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (box), gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (ra->widget)) + step);
  return row ? g_object_get_data (G_OBJECT (row), "werk-record") : NULL;
}

static void
move (RowActions *ra, int step)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *other = neighbour (ra, step);

  if (ra->record == NULL || other == NULL)
    {
      gtk_widget_error_bell (ra->widget);
      return;
    }
  refocus_later (ra);
  if (!werk_store_move (werk_record_get_store (ra->record), ra->record,
                        werk_record_get_index (other), &error))
    werk_show_error (ra->widget, error);
}

static void
move_up_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  move (data, -1);
}

static void
move_down_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  move (data, 1);
}

/* The card leaves the list it was in: say where it went. */
static void
show_moved (GtkWidget *widget, WerkRecord *field)
{
  g_autofree char *escaped =
      field ? g_markup_escape_text (werk_record_get_label (field), -1) : NULL;
  AdwToast *toast = field ? adw_toast_new_format (_ ("Moved to “%s”"), escaped)
                          : adw_toast_new (_ ("Taken out of its field of action"));

  adw_toast_set_timeout (toast, 2);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  werk_show_toast (widget, toast);
}

gboolean
werk_record_move_to_field (GtkWidget *widget, WerkRecord *record, int n)
{
  GListModel *fields = werk_store_get_list (werk_record_get_store (record), WERK_KIND_FIELD, NULL);
  g_autoptr (WerkRecord) field = NULL;
  g_autoptr (GError) error = NULL;

  if (n > 0 && !(field = g_list_model_get_item (fields, n - 1)))
    {
      gtk_widget_error_bell (widget);
      return FALSE;
    }
  if (!werk_record_set_ref (record, "field", field, &error))
    {
      werk_show_error (widget, error);
      return FALSE;
    }
  show_moved (widget, field);
  return TRUE;
}

static void
move_to_field_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  RowActions *ra = data;
  int n = g_variant_get_int32 (param);

  if (ra->record == NULL)
    return;
  if (n == 0 && !(ra->flags & WERK_RECORD_ACTIONS_UNSET_FIELD))
    {
      gtk_widget_error_bell (ra->widget);
      return;
    }
  refocus_later (ra);
  werk_record_move_to_field (ra->widget, ra->record, n);
}

static void
add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods,
              const char *action, GVariant *args)
{
  GtkShortcut *shortcut =
      gtk_shortcut_new (gtk_keyval_trigger_new (key, mods), gtk_named_action_new (action));

  if (args)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (GtkWidget *widget, WerkRecordActionFlags flags)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *sc = GTK_SHORTCUT_CONTROLLER (controller);

  if (flags & WERK_RECORD_ACTIONS_DELETE)
    add_shortcut (sc, GDK_KEY_Delete, 0, "row.delete", NULL);
  if (flags & WERK_RECORD_ACTIONS_REORDER)
    {
      add_shortcut (sc, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
      add_shortcut (sc, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
    }
  if (flags & WERK_RECORD_ACTIONS_MOVE_TO_FIELD)
    for (int i = 0; i <= MAX_FIELD_KEYS; i++)
      {
        add_shortcut (sc, GDK_KEY_0 + i, GDK_ALT_MASK, "row.move-to-field",
                      g_variant_new_int32 (i));
        add_shortcut (sc, GDK_KEY_KP_0 + i, GDK_ALT_MASK, "row.move-to-field",
                      g_variant_new_int32 (i));
      }
  gtk_widget_add_controller (widget, controller);
}

void
werk_record_actions_attach (GtkWidget *widget, WerkRecord *record, WerkRecordActionFlags flags)
{
  RowActions *ra = g_new0 (RowActions, 1);
  const GActionEntry entries[] = {
    { "delete", delete_cb },
    { "move-up", move_up_cb },
    { "move-down", move_down_cb },
    { "move-to-field", move_to_field_cb, "i" },
  };

  ra->widget = widget;
  ra->flags = flags;
  ra->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (ra->group), entries, G_N_ELEMENTS (entries), ra);
  g_object_set_data_full (G_OBJECT (widget), DATA_KEY, ra, (GDestroyNotify) row_actions_free);
  gtk_widget_insert_action_group (widget, "row", G_ACTION_GROUP (ra->group));
  add_shortcuts (widget, flags);
  werk_record_actions_set_record (widget, record);
}

void
werk_record_actions_set_record (GtkWidget *widget, WerkRecord *record)
{
  RowActions *ra = g_object_get_data (G_OBJECT (widget), DATA_KEY);

  g_return_if_fail (ra != NULL);
  g_set_object (&ra->record, record);
  g_object_set_data (G_OBJECT (widget), "werk-record", record);
}

WerkRecord *
werk_record_actions_get_record (GtkWidget *widget)
{
  RowActions *ra = find_row_actions (widget);

  return ra ? ra->record : NULL;
}

/* ---- the menu ---- */

static GMenuModel *
fields_menu (WerkStore *store, WerkRecordActionFlags flags)
{
  GListModel *fields = werk_store_get_list (store, WERK_KIND_FIELD, NULL);
  g_autoptr (GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (fields);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (werk_record_get_label (field), NULL);

      g_menu_item_set_action_and_target (item, "row.move-to-field", "i", (gint32) i + 1);
      if (i < MAX_FIELD_KEYS)
        {
          g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
          g_menu_item_set_attribute (item, "accel", "s", accel);
        }
      g_menu_append_item (menu, item);
    }
  if (flags & WERK_RECORD_ACTIONS_UNSET_FIELD)
    {
      g_autoptr (GMenu) none = g_menu_new ();
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("_No Field of Action"), NULL);

      g_menu_item_set_action_and_target (item, "row.move-to-field", "i", 0);
      g_menu_item_set_attribute (item, "accel", "s", "<Alt>0");
      g_menu_append_item (none, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (none));
    }
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
append (GMenu *menu, const char *label, const char *action, const char *accel)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, action);

  if (accel)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static void
create_popup_cb (GtkMenuButton *button, gpointer data)
{
  RowActions *ra = find_row_actions (GTK_WIDGET (button));
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();

  if (ra == NULL || ra->record == NULL)
    return;
  if (ra->flags & WERK_RECORD_ACTIONS_REORDER)
    {
      append (section, _ ("Move _Up"), "row.move-up", "<Alt>Up");
      append (section, _ ("Move _Down"), "row.move-down", "<Alt>Down");
    }
  if (ra->flags & WERK_RECORD_ACTIONS_MOVE_TO_FIELD)
    {
      g_autoptr (GMenuModel) fields = fields_menu (werk_record_get_store (ra->record), ra->flags);
      g_menu_append_submenu (section, _ ("Move to _Field of Action"), fields);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (ra->flags & WERK_RECORD_ACTIONS_DELETE)
    {
      g_autoptr (GMenu) del = g_menu_new ();
      append (del, _ ("_Delete"), "row.delete", "Delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (del));
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

void
werk_record_menu_button_setup (GtkMenuButton *button)
{
  werk_widget_set_label (GTK_WIDGET (button), _ ("Actions"));
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, NULL, NULL);
}

GtkWidget *
werk_record_menu_button_new (void)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  werk_record_menu_button_setup (GTK_MENU_BUTTON (button));
  return button;
}

/* ---- rows edited in place ---- */

typedef struct
{
  WerkRecord *record;
  char *key;
  GtkStack *stack;
  GtkLabel *label;
  GtkEntry *entry;
  gboolean editing;
} TextRow;

static void
text_row_free (TextRow *tr)
{
  g_clear_object (&tr->record);
  g_free (tr->key);
  g_free (tr);
}

static void
finish_editing (GtkListBoxRow *row, TextRow *tr, gboolean keep)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (!tr->editing)
    return;
  tr->editing = FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (tr->entry))));
  /* An emptied text would leave a blank card: keep the old one. */
  if (keep && *text && !werk_record_set_string (tr->record, tr->key, text, &error))
    werk_show_error (GTK_WIDGET (row), error);
  gtk_stack_set_visible_child_name (tr->stack, "label");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
entry_activate_cb (GtkEntry *entry, GtkListBoxRow *row)
{
  finish_editing (row, g_object_get_data (G_OBJECT (row), "werk-text-row"), TRUE);
}

static gboolean
entry_key_cb (GtkEventControllerKey *key, guint keyval, guint keycode, GdkModifierType state,
              GtkListBoxRow *row)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  finish_editing (row, g_object_get_data (G_OBJECT (row), "werk-text-row"), FALSE);
  return TRUE;
}

static void
entry_leave_cb (GtkEventControllerFocus *focus, GtkListBoxRow *row)
{
  TextRow *tr = g_object_get_data (G_OBJECT (row), "werk-text-row");

  /* Clicking elsewhere keeps what was typed, as a paper card would. */
  if (tr->editing)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text =
          g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (tr->entry))));

      tr->editing = FALSE;
      if (*text && !werk_record_set_string (tr->record, tr->key, text, &error))
        werk_show_error (GTK_WIDGET (row), error);
      gtk_stack_set_visible_child_name (tr->stack, "label");
    }
}

void
werk_record_row_start_editing (GtkListBoxRow *row)
{
  TextRow *tr = g_object_get_data (G_OBJECT (row), "werk-text-row");

  if (tr == NULL || tr->editing)
    return;
  tr->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (tr->entry), werk_record_get_string (tr->record, tr->key));
  gtk_stack_set_visible_child_name (tr->stack, "entry");
  gtk_widget_grab_focus (GTK_WIDGET (tr->entry));
}

static gboolean
edit_shortcut_cb (GtkWidget *row, GVariant *args, gpointer data)
{
  werk_record_row_start_editing (GTK_LIST_BOX_ROW (row));
  return TRUE;
}

GtkWidget *
werk_record_row_new (WerkRecord *record, const char *key, WerkRecordActionFlags flags)
{
  TextRow *tr = g_new0 (TextRow, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkEventController *controller;
  g_autofree char *property = g_strdelimit (g_strdup (key), "_", '-');

  tr->record = g_object_ref (record);
  tr->key = g_strdup (key);
  tr->stack = GTK_STACK (gtk_stack_new ());
  tr->label = GTK_LABEL (gtk_label_new (NULL));
  tr->entry = GTK_ENTRY (gtk_entry_new ());
  g_object_set_data_full (G_OBJECT (row), "werk-text-row", tr, (GDestroyNotify) text_row_free);

  gtk_label_set_wrap (tr->label, TRUE);
  gtk_label_set_wrap_mode (tr->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (tr->label, 0);
  g_object_bind_property (record, property, tr->label, "label", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (tr->stack, GTK_WIDGET (tr->label), "label");
  gtk_stack_add_named (tr->stack, GTK_WIDGET (tr->entry), "entry");
  gtk_stack_set_hhomogeneous (tr->stack, FALSE);
  gtk_stack_set_vhomogeneous (tr->stack, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (tr->stack), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (tr->stack), GTK_ALIGN_CENTER);

  g_signal_connect (tr->entry, "activate", G_CALLBACK (entry_activate_cb), row);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (entry_key_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (tr->entry), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (entry_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (tr->entry), controller);
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F2, 0),
                        gtk_callback_action_new (edit_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (row, controller);

  gtk_widget_add_css_class (box, "werk-record-row");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tr->stack));
  if (flags)
    gtk_box_append (GTK_BOX (box), werk_record_menu_button_new ());
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  werk_record_actions_attach (row, record, flags);
  return row;
}
