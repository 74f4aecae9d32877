/* werk-sustainability-view.c: the sustainability page: overview, catalogue, a measure's check.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-sustainability-check.h"
#include "werk-sustainability-criteria.h"
#include "werk-sustainability-overview.h"
#include "werk-sustainability-private.h"
#include "werk-sustainability-view.h"

struct _WerkSustainabilityView
{
  AdwBin parent_instance;

  WerkStore *store;
  GPtrArray *round; /* WerkMeasure: the list the check goes through, as shown when it began */
  guint position;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwViewStack *browse_stack;
  WerkSustainabilityOverview *overview;
  WerkSustainabilityCriteria *criteria;
  WerkSustainabilityCheck *check;
};

G_DEFINE_FINAL_TYPE (WerkSustainabilityView, werk_sustainability_view, ADW_TYPE_BIN)

static const char *const check_actions[] = {
  "sustainability.show-overview",
  "sustainability.next-measure",
  "sustainability.previous-measure",
};

AdwToastOverlay *
_werk_sustainability_view_get_toast_overlay (WerkSustainabilityView *self)
{
  return self->toast_overlay;
}

static void
toast (WerkSustainabilityView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, _werk_sustainability_toast_new (text));
}

static void
page_changed_cb (WerkSustainabilityView *self)
{
  gboolean checking = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "check") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (check_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), check_actions[i], checking);
}

/* ---------------------------------------------------------------------------------------- */
/* The round through the measures                                                           */

/* Whether @measure is still in the process: the list is what counts, as it changes first. */
static gboolean
still_there (WerkSustainabilityView *self, WerkMeasure *measure)
{
  GListModel *measures = werk_store_get_list (self->store, WERK_KIND_MEASURE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkMeasure) item = g_list_model_get_item (measures, i);
      if (item == measure)
        return TRUE;
    }
  return FALSE;
}

static void
open_position (WerkSustainabilityView *self)
{
  WerkMeasure *measure = g_ptr_array_index (self->round, self->position);

  werk_sustainability_check_set_measure (self->check, measure, self->position, self->round->len);
  gtk_stack_set_visible_child_name (self->stack, "check");
  werk_sustainability_check_focus_first_open (self->check);
}

static void
step (WerkSustainabilityView *self, int delta)
{
  werk_sustainability_check_save_notes (self->check);
  for (int p = (int) self->position + delta; self->round && p >= 0 && p < (int) self->round->len;
       p += delta)
    if (still_there (self, g_ptr_array_index (self->round, p)))
      {
        self->position = p;
        open_position (self);
        return;
      }
  if (delta < 0)
    {
      toast (self, _ ("This is the first measure of the list."));
      return;
    }
  werk_sustainability_view_show_overview (self);
  toast (self, _ ("That was the last measure of the list."));
}

/* A measure deleted elsewhere while its check is open: back to the overview. */
static void
measures_changed_cb (WerkSustainabilityView *self)
{
  WerkMeasure *measure = werk_sustainability_check_get_measure (self->check);

  if (measure && !still_there (self, measure) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "check") == 0)
    gtk_stack_set_visible_child_name (self->stack, "browse");
}

/* ---------------------------------------------------------------------------------------- */
/* The report                                                                               */

/* The window writes it, on a thread of its own with a snapshot of the file, as its other
 * exports; it asks for the file first. */
void
werk_sustainability_view_export_report (WerkSustainabilityView *self)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_VIEW (self));

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.export-sustainability", NULL))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------------------------- */
/* Actions                                                                                  */

static void
show_measure_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityView *self = WERK_SUSTAINABILITY_VIEW (widget);
  WerkRecord *record = werk_store_lookup (self->store, g_variant_get_string (param, NULL));

  if (WERK_IS_MEASURE (record))
    werk_sustainability_view_show_measure (self, WERK_MEASURE (record));
}

static void
show_overview_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_sustainability_view_show_overview (WERK_SUSTAINABILITY_VIEW (widget));
}

static void
show_criteria_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityView *self = WERK_SUSTAINABILITY_VIEW (widget);

  werk_sustainability_check_save_notes (self->check);
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_view_stack_set_visible_child_name (self->browse_stack, "criteria");
}

/* Ctrl+F searches the measures of the check here, not the page "Measures" of the window. */
static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityView *self = WERK_SUSTAINABILITY_VIEW (widget);

  werk_sustainability_check_save_notes (self->check);
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_view_stack_set_visible_child_name (self->browse_stack, "overview");
  werk_sustainability_overview_focus_search (self->overview);
}

static void
step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step (WERK_SUSTAINABILITY_VIEW (widget),
        g_str_equal (name, "sustainability.next-measure") ? 1 : -1);
}

static void
add_defaults_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkSustainabilityView *self = WERK_SUSTAINABILITY_VIEW (widget);
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);
  guint before = g_list_model_get_n_items (criteria);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint added;

  if (!werk_sustainability_add_defaults (self->store, &error))
    {
      _werk_sustainability_error (widget, error);
      return;
    }
  added = g_list_model_get_n_items (criteria) - before;
  text = g_strdup_printf (ngettext ("%u criterion added", "%u criteria added", added), added);
  toast (self, text);
}

static void
export_report_action (GtkWidget *widget, const char *name, GVariant *param)
{
  werk_sustainability_view_export_report (WERK_SUSTAINABILITY_VIEW (widget));
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
werk_sustainability_view_dispose (GObject *object)
{
  WerkSustainabilityView *self = WERK_SUSTAINABILITY_VIEW (object);

  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_SUSTAINABILITY_VIEW);
  g_clear_pointer (&self->round, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_sustainability_view_parent_class)->dispose (object);
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], GDK_CONTROL_MASK,
                                           "sustainability.next-measure", NULL);
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i],
                                           GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                           "sustainability.previous-measure", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sustainability.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "sustainability.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "sustainability.show-overview", NULL);
}

static void
werk_sustainability_view_class_init (WerkSustainabilityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_sustainability_view_dispose;

  _werk_sustainability_init_resources ();
  g_type_ensure (WERK_TYPE_SUSTAINABILITY_OVERVIEW);
  g_type_ensure (WERK_TYPE_SUSTAINABILITY_CRITERIA);
  g_type_ensure (WERK_TYPE_SUSTAINABILITY_CHECK);
  gtk_widget_class_set_template_from_resource (widget_class, WERK_SUSTAINABILITY_RESOURCE
                                               "werk-sustainability-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, browse_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, overview);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, criteria);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityView, check);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "sustainability.show-measure", "s",
                                   show_measure_action);
  gtk_widget_class_install_action (widget_class, "sustainability.show-overview", NULL,
                                   show_overview_action);
  gtk_widget_class_install_action (widget_class, "sustainability.show-criteria", NULL,
                                   show_criteria_action);
  gtk_widget_class_install_action (widget_class, "sustainability.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "sustainability.next-measure", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "sustainability.previous-measure", NULL,
                                   step_action);
  gtk_widget_class_install_action (widget_class, "sustainability.add-defaults", NULL,
                                   add_defaults_action);
  gtk_widget_class_install_action (widget_class, "sustainability.export-report", NULL,
                                   export_report_action);
  add_shortcuts (widget_class);
}

static void
werk_sustainability_view_init (WerkSustainabilityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  page_changed_cb (self);
}

GtkWidget *
werk_sustainability_view_new (WerkStore *store)
{
  WerkSustainabilityView *self;

  g_return_val_if_fail (WERK_IS_STORE (store), NULL);

  self = g_object_new (WERK_TYPE_SUSTAINABILITY_VIEW, NULL);
  self->store = g_object_ref (store);
  werk_sustainability_overview_set_store (self->overview, store);
  werk_sustainability_criteria_set_store (self->criteria, store);
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_MEASURE, NULL), "items-changed",
                           G_CALLBACK (measures_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return GTK_WIDGET (self);
}

WerkStore *
werk_sustainability_view_get_store (WerkSustainabilityView *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_VIEW (self), NULL);

  return self->store;
}

void
werk_sustainability_view_show_measure (WerkSustainabilityView *self, WerkMeasure *measure)
{
  g_autoptr (GPtrArray) round = NULL;
  guint position;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_VIEW (self));
  g_return_if_fail (WERK_IS_MEASURE (measure));

  /* The round is the list as shown now: finishing a check under "unfinished only" must not
   * pull the next measure from under the facilitator's feet. */
  round = werk_sustainability_overview_dup_shown (self->overview);
  if (!g_ptr_array_find (round, measure, &position))
    {
      g_ptr_array_add (round, g_object_ref (measure));
      position = round->len - 1;
    }
  g_clear_pointer (&self->round, g_ptr_array_unref);
  self->round = g_steal_pointer (&round);
  self->position = position;
  open_position (self);
}

void
werk_sustainability_view_show_overview (WerkSustainabilityView *self)
{
  WerkMeasure *measure;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_VIEW (self));

  werk_sustainability_check_save_notes (self->check);
  measure = werk_sustainability_check_get_measure (self->check);
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_view_stack_set_visible_child_name (self->browse_stack, "overview");
  if (measure && still_there (self, measure))
    werk_sustainability_overview_reveal (self->overview, measure);
}
