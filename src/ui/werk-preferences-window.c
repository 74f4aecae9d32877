/* werk-preferences-window.c: defaults for dot-voting, new workshops and the photo protocol.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-core.h"
#include "werk-preferences-window.h"
#include "werk-ui-util.h"

struct _WerkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton *dots_spin;
  GtkSpinButton *max_spin;
  AdwComboRow *format_row;
  AdwComboRow *layout_row;
  GtkSwitch *enhance_switch;
};

G_DEFINE_FINAL_TYPE (WerkPreferencesWindow, werk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The settings' enum keys hold nicks; the combo rows list them in the order of @nicks. */
static const char *const format_nicks[] = {
  "strategy_starter", "strategy_conception", "workshop_talk", "topic_marketplace", "custom", NULL,
};
static const char *const layout_nicks[] = { "landscape", "two-per-page", NULL };

static gboolean
nick_to_selected (GValue *value, GVariant *variant, gpointer data)
{
  const char *const *nicks = data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i]; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
selected_to_nick (const GValue *value, const GVariantType *type, gpointer data)
{
  const char *const *nicks = data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static void
werk_preferences_window_class_init (WerkPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/ui/werk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkPreferencesWindow, dots_spin);
  gtk_widget_class_bind_template_child (widget_class, WerkPreferencesWindow, max_spin);
  gtk_widget_class_bind_template_child (widget_class, WerkPreferencesWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, WerkPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, WerkPreferencesWindow, enhance_switch);
}

static void
werk_preferences_window_init (WerkPreferencesWindow *self)
{
  g_autoptr (GListModel) formats = werk_enum_model_new (WERK_TYPE_WORKSHOP_FORMAT);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->format_row, formats);
}

WerkPreferencesWindow *
werk_preferences_window_new (GSettings *settings)
{
  WerkPreferencesWindow *self = g_object_new (WERK_TYPE_PREFERENCES_WINDOW, NULL);

  g_settings_bind (settings, "default-dots-per-person",
                   gtk_spin_button_get_adjustment (self->dots_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-max-per-item",
                   gtk_spin_button_get_adjustment (self->max_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "default-workshop-format", self->format_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) format_nicks, NULL);
  g_settings_bind_with_mapping (settings, "protocol-photo-layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_selected, selected_to_nick,
                                (gpointer) layout_nicks, NULL);
  g_settings_bind (settings, "protocol-enhance-photos", self->enhance_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
