/* werk-workshop-editor.c: one workshop: details, participants, agenda, tables, and its start.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "werk-date-button.h"
#include "werk-live-window.h"
#include "werk-record-actions.h"
#include "werk-ui-util.h"
#include "werk-workshop-editor.h"

struct _WerkWorkshopEditor
{
  AdwBin parent_instance;

  WerkWorkshop *workshop;
  GBindingGroup *bindings;
  GtkSpinButton *group_spins[WERK_N_GROUPS];
  GtkFilter *agenda_watch; /* lives as long as the agenda's watch */
  gboolean syncing;

  GtkLabel *heading;
  GtkWidget *start_button;
  AdwEntryRow *title_row;
  AdwComboRow *format_row;
  WerkDateButton *date_button;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *location_row;
  AdwEntryRow *facilitators_row;
  GtkSpinButton *total_spin;
  AdwExpanderRow *groups_row;
  AdwEntryRow *participant_entry;
  GtkListBox *participants_list;
  AdwPreferencesGroup *agenda_group;
  AdwEntryRow *agenda_entry;
  GtkListBox *agenda_list;
  AdwEntryRow *table_entry;
  GtkListBox *tables_list;
};

G_DEFINE_FINAL_TYPE (WerkWorkshopEditor, werk_workshop_editor, ADW_TYPE_BIN)

WerkWorkshop *
werk_workshop_editor_get_workshop (WerkWorkshopEditor *self)
{
  g_return_val_if_fail (WERK_IS_WORKSHOP_EDITOR (self), NULL);
  return self->workshop;
}

void
werk_workshop_editor_focus (WerkWorkshopEditor *self)
{
  werk_focus_entry_end (GTK_WIDGET (self->title_row));
}

/* ---- rows inside a record's expander row ---- */

static GtkWidget *
sub_entry_row (const char *title, gpointer record, const char *property)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property (record, property, row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return row;
}

static GtkWidget *
sub_spin_row (const char *title, gpointer record, const char *property, double upper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_bind_property (record, property, spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static GtkWidget *
sub_combo_row (const char *title, GType enum_type, gpointer record, const char *property)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GListModel) model = werk_enum_model_new (enum_type);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  werk_bind_enum (record, property, row);
  return row;
}

static GtkWidget *
sub_switch_row (const char *title, gpointer record, const char *property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_bind_property (record, property, sw, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  return row;
}

typedef void (*SubtitleFunc) (WerkRecord *record, GString *subtitle);

static void
update_expander_subtitle (WerkRecord *record, GParamSpec *pspec, AdwExpanderRow *row)
{
  SubtitleFunc func = g_object_get_data (G_OBJECT (row), "subtitle-func");
  g_autoptr (GString) s = g_string_new (NULL);
  const char *label = werk_record_get_label (record);

  func (record, s);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *label ? label : _ ("(no name yet)"));
  adw_expander_row_set_subtitle (row, s->str);
}

static GtkWidget *
record_expander_new (WerkRecord *record, SubtitleFunc func, WerkRecordActionFlags flags)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "subtitle-func", func);
  g_signal_connect_object (record, "notify", G_CALLBACK (update_expander_subtitle), row, 0);
  update_expander_subtitle (record, NULL, ADW_EXPANDER_ROW (row));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), werk_record_menu_button_new ());
  werk_record_actions_attach (row, record, flags);
  return row;
}

static void
append_part (GString *s, const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

/* ---- participants ---- */

static void
participant_subtitle (WerkRecord *p, GString *s)
{
  append_part (s, werk_record_get_string (p, "organisation"));
  append_part (s, werk_enum_label (WERK_TYPE_GROUP, werk_record_get_int (p, "group")));
  append_part (s,
               werk_record_get_bool (p, "photo_consent") ? _ ("photos allowed") : _ ("no photos"));
  if (werk_record_get_bool (p, "contact_consent"))
    append_part (s, _ ("may be contacted"));
}

static GtkWidget *
create_participant_row (gpointer item, gpointer data)
{
  GtkWidget *row = record_expander_new (item, participant_subtitle,
                                        WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
  AdwExpanderRow *ex = ADW_EXPANDER_ROW (row);

  adw_expander_row_add_row (ex, sub_entry_row (_ ("Name"), item, "name"));
  adw_expander_row_add_row (ex, sub_entry_row (_ ("Organisation"), item, "organisation"));
  adw_expander_row_add_row (
      ex, sub_combo_row (_ ("Stakeholder group"), WERK_TYPE_GROUP, item, "group"));
  adw_expander_row_add_row (ex, sub_entry_row (_ ("Email"), item, "email"));
  adw_expander_row_add_row (ex, sub_switch_row (_ ("May appear in photos"), item, "photo-consent"));
  adw_expander_row_add_row (
      ex, sub_switch_row (_ ("May be contacted afterwards"), item, "contact-consent"));
  return row;
}

/* ---- agenda ---- */

static void
agenda_subtitle (WerkRecord *a, GString *s)
{
  int minutes = werk_record_get_int (a, "minutes");
  g_autofree char *duration = NULL;

  append_part (s, werk_enum_label (WERK_TYPE_AGENDA_KIND, werk_record_get_int (a, "kind")));
  if (minutes)
    {
      /* Translators: planned length of an agenda item */
      duration = g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
      append_part (s, duration);
    }
  append_part (s, werk_record_get_string (a, "speaker"));
}

static GtkWidget *
create_agenda_row (gpointer item, gpointer data)
{
  GtkWidget *row = record_expander_new (item, agenda_subtitle,
                                        WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
  AdwExpanderRow *ex = ADW_EXPANDER_ROW (row);

  adw_expander_row_add_row (ex, sub_entry_row (_ ("Title"), item, "title"));
  adw_expander_row_add_row (ex, sub_combo_row (_ ("Kind"), WERK_TYPE_AGENDA_KIND, item, "kind"));
  adw_expander_row_add_row (ex, sub_spin_row (_ ("Planned minutes"), item, "minutes", 24 * 60));
  adw_expander_row_add_row (ex, sub_entry_row (_ ("Speaker"), item, "speaker"));
  adw_expander_row_add_row (ex, sub_entry_row (_ ("Notes"), item, "notes"));
  return row;
}

static void
update_agenda_summary (WerkWorkshopEditor *self)
{
  GListModel *agenda;
  int total = 0;
  const char *start;
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;
  int h, m;

  if (self->workshop == NULL)
    return;
  agenda = werk_store_get_list (werk_record_get_store (WERK_RECORD (self->workshop)),
                                WERK_KIND_AGENDA_ITEM, WERK_RECORD (self->workshop));
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr (WerkRecord) item = g_list_model_get_item (agenda, i);
      total += werk_record_get_int (item, "minutes");
    }
  /* Translators: a length of time in hours and minutes, e.g. "2 h 45 min" */
  duration = total >= 60 ? g_strdup_printf (_ ("%d h %02d min"), total / 60, total % 60)
                         : g_strdup_printf (_ ("%d min"), total);
  start = werk_record_get_string (WERK_RECORD (self->workshop), "start");
  if (start && sscanf (start, "%d:%d", &h, &m) == 2)
    {
      int end = h * 60 + m + total;
      /* Translators: planned length of the agenda and the time it ends */
      text =
          g_strdup_printf (_ ("Planned: %s, until %02d:%02d"), duration, (end / 60) % 24, end % 60);
    }
  else
    /* Translators: planned length of the agenda */
    text = g_strdup_printf (_ ("Planned: %s"), duration);
  adw_preferences_group_set_description (self->agenda_group, text);
}

/* ---- tables ---- */

static void
table_subtitle (WerkRecord *t, GString *s)
{
  g_autofree char *round = NULL;

  if (werk_record_get_int (t, "round"))
    {
      /* Translators: the round of a topic market-place table */
      round = g_strdup_printf (_ ("Round %d"), (int) werk_record_get_int (t, "round"));
      append_part (s, round);
    }
  append_part (s, werk_record_get_string (t, "host"));
}

static GtkWidget *
create_table_row (gpointer item, gpointer data)
{
  GtkWidget *row = record_expander_new (item, table_subtitle,
                                        WERK_RECORD_ACTIONS_DELETE | WERK_RECORD_ACTIONS_REORDER);
  AdwExpanderRow *ex = ADW_EXPANDER_ROW (row);

  adw_expander_row_add_row (ex, sub_entry_row (_ ("Topic"), item, "topic"));
  adw_expander_row_add_row (ex, sub_spin_row (_ ("Round"), item, "round", 1000));
  adw_expander_row_add_row (ex, sub_entry_row (_ ("Host"), item, "host"));
  return row;
}

/* ---- times, facilitators and group counts, which need more than a binding ---- */

static void
sync_time (WerkWorkshopEditor *self, AdwEntryRow *row, const char *key)
{
  const char *value = werk_record_get_string (WERK_RECORD (self->workshop), key);
  g_autofree char *typed = werk_parse_time (gtk_editable_get_text (GTK_EDITABLE (row)));

  /* Leave what is being typed alone while it means the same time. */
  if (g_strcmp0 (typed, value) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  self->syncing = FALSE;
}

static void
time_changed_cb (WerkWorkshopEditor *self, AdwEntryRow *row)
{
  const char *key = row == self->start_row ? "start" : "end";
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *time = werk_parse_time (text);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr (GError) error = NULL;

  if (self->syncing || self->workshop == NULL)
    return;
  if (time == NULL && *stripped)
    {
      /* Half-typed ("16:") waits for the rest; only a full time is written. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!werk_record_set_string (WERK_RECORD (self->workshop), key, time, &error))
    werk_show_error (GTK_WIDGET (self), error);
}

static GStrv
split_names (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i])
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
strv_equal0 (const char *const *a, const char *const *b)
{
  return g_strv_equal (a ? a : (const char *const[]){ NULL },
                       b ? b : (const char *const[]){ NULL });
}

static void
sync_facilitators (WerkWorkshopEditor *self)
{
  const char *const *names = werk_record_get_strv (WERK_RECORD (self->workshop), "facilitators");
  g_auto (GStrv) typed =
      split_names (gtk_editable_get_text (GTK_EDITABLE (self->facilitators_row)));
  g_autofree char *joined = NULL;

  if (strv_equal0 ((const char *const *) typed, names))
    return;
  joined = g_strjoinv (", ", (char **) names);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->facilitators_row), joined);
  self->syncing = FALSE;
}

static void
facilitators_changed_cb (WerkWorkshopEditor *self)
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || self->workshop == NULL)
    return;
  names = split_names (gtk_editable_get_text (GTK_EDITABLE (self->facilitators_row)));
  if (!werk_record_set_strv (WERK_RECORD (self->workshop), "facilitators",
                             (const char *const *) names, &error))
    werk_show_error (GTK_WIDGET (self), error);
}

static void
sync_groups (WerkWorkshopEditor *self)
{
  guint sum = 0;
  g_autofree char *subtitle = NULL;

  self->syncing = TRUE;
  for (guint g = 0; g < WERK_N_GROUPS; g++)
    {
      guint n = werk_workshop_get_group_count (self->workshop, g);
      gtk_spin_button_set_value (self->group_spins[g], n);
      sum += n;
    }
  self->syncing = FALSE;
  /* Translators: the sum of the participants counted per stakeholder group */
  subtitle = g_strdup_printf (
      ngettext ("%u person counted by group", "%u people counted by group", sum), sum);
  adw_expander_row_set_subtitle (self->groups_row, subtitle);
}

static void
group_value_changed_cb (GtkSpinButton *spin, WerkWorkshopEditor *self)
{
  WerkGroup group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "group"));
  g_autoptr (GError) error = NULL;

  if (self->syncing || self->workshop == NULL)
    return;
  if (!werk_workshop_set_group_count (self->workshop, group,
                                      gtk_spin_button_get_value_as_int (spin), &error))
    werk_show_error (GTK_WIDGET (self), error);
}

static void
workshop_notify_cb (WerkWorkshopEditor *self, GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "start"))
    {
      sync_time (self, self->start_row, "start");
      update_agenda_summary (self);
    }
  else if (g_str_equal (pspec->name, "end"))
    sync_time (self, self->end_row, "end");
  else if (g_str_equal (pspec->name, "facilitators"))
    sync_facilitators (self);
  else if (g_str_equal (pspec->name, "groups"))
    sync_groups (self);
}

/* ---- adding ---- */

static void
add_child (WerkWorkshopEditor *self, AdwEntryRow *entry, WerkKind kind, const char *key)
{
  g_autofree char *text = werk_entry_take_text (GTK_EDITABLE (entry));
  g_autoptr (GError) error = NULL;
  WerkRecord *workshop = WERK_RECORD (self->workshop);

  if (text == NULL || workshop == NULL)
    return;
  if (!werk_store_add (werk_record_get_store (workshop), kind, workshop, &error, key, text, NULL))
    werk_show_error (GTK_WIDGET (self), error);
}

static void
participant_entry_activated_cb (WerkWorkshopEditor *self)
{
  add_child (self, self->participant_entry, WERK_KIND_PARTICIPANT, "name");
}

static void
agenda_entry_activated_cb (WerkWorkshopEditor *self)
{
  add_child (self, self->agenda_entry, WERK_KIND_AGENDA_ITEM, "title");
}

static void
table_entry_activated_cb (WerkWorkshopEditor *self)
{
  add_child (self, self->table_entry, WERK_KIND_TABLE, "topic");
}

static void
start_clicked_cb (WerkWorkshopEditor *self)
{
  GApplication *app = g_application_get_default ();
  WerkLiveWindow *live;

  if (self->workshop == NULL || !GTK_IS_APPLICATION (app))
    return;
  live = werk_live_window_new (
      GTK_APPLICATION (app), werk_record_get_store (WERK_RECORD (self->workshop)), self->workshop);
  gtk_window_present (GTK_WINDOW (live));
}

static void
delete_clicked_cb (WerkWorkshopEditor *self)
{
  g_autofree char *id = NULL;

  if (self->workshop == NULL)
    return;
  id = g_strdup (werk_record_get_id (WERK_RECORD (self->workshop)));
  gtk_widget_activate_action (GTK_WIDGET (self), "page.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-record", "s", id);
}

static void
bind_children (WerkWorkshopEditor *self, WerkStore *store)
{
  WerkRecord *w = WERK_RECORD (self->workshop);
  GListModel *agenda = werk_store_get_list (store, WERK_KIND_AGENDA_ITEM, w);

  gtk_list_box_bind_model (self->participants_list,
                           werk_store_get_list (store, WERK_KIND_PARTICIPANT, w),
                           create_participant_row, NULL, NULL);
  gtk_list_box_bind_model (self->agenda_list, agenda, create_agenda_row, NULL, NULL);
  gtk_list_box_bind_model (self->tables_list, werk_store_get_list (store, WERK_KIND_TABLE, w),
                           create_table_row, NULL, NULL);
  /* Any filter will do as the owner of a watch; this one is dropped with the workshop. */
  g_clear_object (&self->agenda_watch);
  self->agenda_watch = GTK_FILTER (gtk_custom_filter_new (NULL, NULL, NULL));
  werk_watch_items (self->agenda_watch, agenda, (const char *const[]){ "minutes", NULL },
                    G_CALLBACK (update_agenda_summary), self);
  g_signal_connect_object (agenda, "items-changed", G_CALLBACK (update_agenda_summary), self,
                           G_CONNECT_SWAPPED);
}

void
werk_workshop_editor_set_workshop (WerkWorkshopEditor *self, WerkWorkshop *workshop)
{
  g_return_if_fail (WERK_IS_WORKSHOP_EDITOR (self));

  if (self->workshop)
    {
      g_signal_handlers_disconnect_by_data (self->workshop, self);
      g_signal_handlers_disconnect_by_func (
          werk_store_get_list (werk_record_get_store (WERK_RECORD (self->workshop)),
                               WERK_KIND_AGENDA_ITEM, WERK_RECORD (self->workshop)),
          update_agenda_summary, self);
    }
  if (!g_set_object (&self->workshop, workshop))
    return;
  g_binding_group_set_source (self->bindings, workshop);
  if (workshop == NULL)
    {
      g_clear_object (&self->agenda_watch);
      return;
    }
  bind_children (self, werk_record_get_store (WERK_RECORD (workshop)));
  g_signal_connect_object (workshop, "notify", G_CALLBACK (workshop_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_time (self, self->start_row, "start");
  sync_time (self, self->end_row, "end");
  sync_facilitators (self);
  sync_groups (self);
  update_agenda_summary (self);
}

static void
werk_workshop_editor_dispose (GObject *object)
{
  WerkWorkshopEditor *self = WERK_WORKSHOP_EDITOR (object);

  werk_workshop_editor_set_workshop (self, NULL);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_WORKSHOP_EDITOR);
  g_clear_object (&self->bindings);
  G_OBJECT_CLASS (werk_workshop_editor_parent_class)->dispose (object);
}

static void
werk_workshop_editor_class_init (WerkWorkshopEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_workshop_editor_dispose;

  g_type_ensure (WERK_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/ui/werk-workshop-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, start_button);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, facilitators_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, total_spin);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, groups_row);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, participant_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, participants_list);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, agenda_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, table_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkWorkshopEditor, tables_list);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, facilitators_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, agenda_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
add_group_rows (WerkWorkshopEditor *self)
{
  for (guint g = 0; g < WERK_N_GROUPS; g++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);
      const char *label = werk_enum_label (WERK_TYPE_GROUP, g);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data (G_OBJECT (spin), "group", GUINT_TO_POINTER (g));
      g_signal_connect (spin, "value-changed", G_CALLBACK (group_value_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_expander_row_add_row (self->groups_row, row);
      self->group_spins[g] = GTK_SPIN_BUTTON (spin);
    }
}

static void
werk_workshop_editor_init (WerkWorkshopEditor *self)
{
  g_autoptr (GListModel) formats = werk_enum_model_new (WERK_TYPE_WORKSHOP_FORMAT);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->format_row, formats);
  add_group_rows (self);
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->heading, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "title", self->title_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "format", self->format_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, werk_enum_to_selected,
                             werk_selected_to_enum, NULL, NULL);
  g_binding_group_bind (self->bindings, "date", self->date_button, "date",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "location", self->location_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "participants-total", self->total_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_list_box_set_placeholder (self->participants_list,
                                werk_placeholder_new (_ ("No names yet: counting is enough")));
  gtk_list_box_set_placeholder (self->agenda_list, werk_placeholder_new (_ ("No agenda yet")));
  gtk_list_box_set_placeholder (self->tables_list, werk_placeholder_new (_ ("No tables")));
}
