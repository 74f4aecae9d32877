/* werk-sustainability-criteria.c: the process's catalogue of criteria: add, reword, retire.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-sustainability-criteria.h"
#include "werk-sustainability-private.h"

#define N_DIMENSIONS 3

struct _WerkSustainabilityCriteria
{
  AdwBin parent_instance;

  WerkStore *store;
  GtkWidget *groups[N_DIMENSIONS];
  GtkWidget *new_rows[N_DIMENSIONS];
  GHashTable *watched; /* WerkCriterion, each watched once */
  guint rebuild_id;
  int refocus; /* the dimension whose new-criterion row gets the focus back, or -1 */

  GtkBox *groups_box;
  GtkWidget *defaults_button;
};

G_DEFINE_FINAL_TYPE (WerkSustainabilityCriteria, werk_sustainability_criteria, ADW_TYPE_BIN)

/* ---------------------------------------------------------------------------------------- */
/* Changing the catalogue                                                                   */

static WerkRecord *
lookup_criterion (WerkSustainabilityCriteria *self, const char *id)
{
  WerkRecord *record = self->store ? werk_store_lookup (self->store, id) : NULL;

  return WERK_IS_CRITERION (record) ? record : NULL;
}

static gboolean
set_retired (WerkSustainabilityCriteria *self, WerkRecord *criterion, gboolean retired)
{
  g_autoptr (GError) error = NULL;

  if (werk_record_set_bool (criterion, "retired", retired, &error))
    return TRUE;
  _werk_sustainability_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
undo_retire_cb (AdwToast *toast, WerkSustainabilityCriteria *self)
{
  WerkRecord *criterion = lookup_criterion (self, g_object_get_data (G_OBJECT (toast), "id"));

  if (criterion)
    set_retired (self, criterion, FALSE);
}

static void
retire_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCriteria *self = WERK_SUSTAINABILITY_CRITERIA (widget);
  const char *id;
  gboolean retired;
  WerkRecord *criterion;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_variant_get (param, "(&sb)", &id, &retired);
  if ((criterion = lookup_criterion (self, id)) == NULL ||
      !set_retired (self, criterion, retired) || !retired)
    return;
  text = g_strdup_printf (_ ("“%s” retired: its ratings no longer count"),
                          werk_record_get_label (criterion));
  toast = _werk_sustainability_toast_new (text);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_retire_cb), self, 0);
  _werk_sustainability_toast (widget, toast);
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityCriteria *self = WERK_SUSTAINABILITY_CRITERIA (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  int dimension;

  g_variant_get (param, "(is)", &dimension, &title);
  g_strstrip (title);
  if (self->store == NULL || *title == '\0' || dimension < 0 || dimension >= N_DIMENSIONS)
    return;
  if (!werk_store_add (self->store, WERK_KIND_CRITERION, NULL, &error, "dimension",
                       werk_enum_nick (WERK_TYPE_DIMENSION, dimension), "title", title, NULL))
    _werk_sustainability_error (widget, error);
  self->refocus = dimension;
}

static void
new_row_activated_cb (AdwEntryRow *row, WerkSustainabilityCriteria *self)
{
  int dimension = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "dimension"));
  g_autofree char *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "criteria.add", "(is)", dimension, title);
}

/* A reworded title or question, applied with the entry's ✓ or Enter. */
static void
wording_applied_cb (AdwEntryRow *row, WerkSustainabilityCriteria *self)
{
  WerkRecord *criterion = g_object_get_data (G_OBJECT (row), "criterion");
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;

  if (g_str_equal (key, "title") && *text == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (row), werk_record_get_label (criterion));
      return;
    }
  if (!werk_record_set_string (criterion, key, text, &error))
    _werk_sustainability_error (GTK_WIDGET (self), error);
}

/* ---------------------------------------------------------------------------------------- */
/* Rows                                                                                     */

static GtkWidget *
wording_row (WerkSustainabilityCriteria *self, WerkRecord *criterion, const char *key,
             const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), werk_record_get_string (criterion, key));
  g_object_set_data_full (G_OBJECT (row), "criterion", g_object_ref (criterion), g_object_unref);
  g_object_set_data (G_OBJECT (row), "key", (gpointer) key);
  g_signal_connect (row, "apply", G_CALLBACK (wording_applied_cb), self);
  return row;
}

static GtkWidget *
retire_button (WerkRecord *criterion, gboolean retired)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (retired ? _ ("_Use Again") : _ ("_Retire"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "criteria.retire");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sb)", werk_record_get_id (criterion),
                                    !retired);
  gtk_widget_set_tooltip_text (button,
                               retired ? _ ("Count this criterion again in every check")
                                       : _ ("Stop counting this criterion; its ratings are kept"));
  if (!retired)
    gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
criterion_row (WerkSustainabilityCriteria *self, WerkRecord *criterion)
{
  GtkWidget *row = adw_expander_row_new ();
  gboolean retired = werk_record_get_bool (criterion, "retired");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (criterion, "title", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (criterion, "question", row, "subtitle", G_BINDING_SYNC_CREATE);
  if (retired)
    {
      GtkWidget *tag = gtk_label_new (_ ("Retired"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "werk-light");
      gtk_widget_add_css_class (tag, "caption");
      _werk_sustainability_set_light (tag, WERK_LIGHT_UNFINISHED);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
      gtk_widget_add_css_class (row, "werk-retired");
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), retire_button (criterion, retired));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            wording_row (self, criterion, "title", _ ("Criterion")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            wording_row (self, criterion, "question", _ ("Guiding question")));
  return row;
}

static GtkWidget *
new_criterion_row (WerkSustainabilityCriteria *self, WerkDimension dimension)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("New criterion (Enter adds it)"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "dimension", GINT_TO_POINTER (dimension));
  g_signal_connect (row, "entry-activated", G_CALLBACK (new_row_activated_cb), self);
  return row;
}

/* ---------------------------------------------------------------------------------------- */
/* Building the groups                                                                      */

static char *
describe_group (guint in_use, guint retired)
{
  g_autofree char *used =
      g_strdup_printf (ngettext ("%u criterion in use", "%u criteria in use", in_use), in_use);

  if (retired == 0)
    return g_steal_pointer (&used);
  /* Translators: e.g. "4 criteria in use, 1 retired" */
  return g_strdup_printf (ngettext ("%s, %u retired", "%s, %u retired", retired), used, retired);
}

static void
fill_group (WerkSustainabilityCriteria *self, WerkDimension dimension)
{
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint in_use = 0, retired = 0;
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (group, werk_enum_label (WERK_TYPE_DIMENSION, dimension));
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (WerkRecord) criterion = g_list_model_get_item (criteria, i);

      if (werk_record_get_int (criterion, "dimension") != (int) dimension)
        continue;
      werk_record_get_bool (criterion, "retired") ? retired++ : in_use++;
      adw_preferences_group_add (group, criterion_row (self, criterion));
    }
  self->new_rows[dimension] = new_criterion_row (self, dimension);
  adw_preferences_group_add (group, self->new_rows[dimension]);
  description = describe_group (in_use, retired);
  adw_preferences_group_set_description (group, description);
  gtk_box_append (self->groups_box, GTK_WIDGET (group));
  self->groups[dimension] = GTK_WIDGET (group);
}

static void
rebuild (WerkSustainabilityCriteria *self)
{
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);

  for (int d = 0; d < N_DIMENSIONS; d++)
    if (self->groups[d])
      gtk_box_remove (self->groups_box, self->groups[d]);
  for (int d = 0; d < N_DIMENSIONS; d++)
    fill_group (self, d);
  gtk_widget_set_visible (self->defaults_button, g_list_model_get_n_items (criteria) == 0);
  if (self->refocus >= 0)
    gtk_widget_grab_focus (self->new_rows[self->refocus]);
  self->refocus = -1;
}

static gboolean
rebuild_cb (gpointer data)
{
  WerkSustainabilityCriteria *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (WerkSustainabilityCriteria *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Titles and questions are bound to the rows; where a criterion belongs needs a rebuild. */
static void
criteria_changed_cb (WerkSustainabilityCriteria *self)
{
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (GObject) criterion = g_list_model_get_item (criteria, i);

      if (!g_hash_table_add (self->watched, g_object_ref (criterion)))
        continue;
      g_signal_connect_object (criterion, "notify::retired", G_CALLBACK (schedule_rebuild), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (criterion, "notify::dimension", G_CALLBACK (schedule_rebuild), self,
                               G_CONNECT_SWAPPED);
    }
  schedule_rebuild (self);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
werk_sustainability_criteria_dispose (GObject *object)
{
  WerkSustainabilityCriteria *self = WERK_SUSTAINABILITY_CRITERIA (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_SUSTAINABILITY_CRITERIA);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_sustainability_criteria_parent_class)->dispose (object);
}

static void
werk_sustainability_criteria_class_init (WerkSustainabilityCriteriaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_sustainability_criteria_dispose;

  _werk_sustainability_init_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WERK_SUSTAINABILITY_RESOURCE
                                               "werk-sustainability-criteria.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriteria, groups_box);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriteria, defaults_button);

  /* (dimension, title) */
  gtk_widget_class_install_action (widget_class, "criteria.add", "(is)", add_action);
  /* (criterion id, retired) */
  gtk_widget_class_install_action (widget_class, "criteria.retire", "(sb)", retire_action);
}

static void
werk_sustainability_criteria_init (WerkSustainabilityCriteria *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->refocus = -1;
}

void
werk_sustainability_criteria_set_store (WerkSustainabilityCriteria *self, WerkStore *store)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_CRITERIA (self));
  g_return_if_fail (WERK_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_CRITERION, NULL), "items-changed",
                           G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  criteria_changed_cb (self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}
