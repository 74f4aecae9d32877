/* werk-date-button.c: a date chosen from a calendar, or none; its "date" is "YYYY-MM-DD" or NULL.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "werk-date-button.h"
#include "werk-ui-util.h"

struct _WerkDateButton
{
  GtkWidget parent_instance;

  char *date;
  gboolean syncing;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  GtkWidget *clear_button;
};

G_DEFINE_FINAL_TYPE (WerkDateButton, werk_date_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
werk_date_button_get_date (WerkDateButton *self)
{
  g_return_val_if_fail (WERK_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

static void
sync_widgets (WerkDateButton *self)
{
  g_autofree char *shown = werk_format_date (self->date);
  int y, m, d;

  gtk_menu_button_set_label (self->button, shown ? shown : _ ("No date"));
  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);
  if (self->date && sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_local (y, m, d, 0, 0, 0);
      if (dt)
        {
          self->syncing = TRUE;
          gtk_calendar_select_day (self->calendar, dt);
          self->syncing = FALSE;
        }
    }
}

void
werk_date_button_set_date (WerkDateButton *self, const char *date)
{
  g_return_if_fail (WERK_IS_DATE_BUTTON (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  sync_widgets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
day_selected_cb (WerkDateButton *self)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  werk_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
today_clicked_cb (WerkDateButton *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  werk_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (WerkDateButton *self)
{
  werk_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
werk_date_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_DATE:
        g_value_set_string (value, WERK_DATE_BUTTON (object)->date);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_date_button_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_DATE:
        werk_date_button_set_date (WERK_DATE_BUTTON (object), g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WERK_TYPE_DATE_BUTTON);
  G_OBJECT_CLASS (werk_date_button_parent_class)->dispose (object);
}

static void
werk_date_button_finalize (GObject *object)
{
  g_free (WERK_DATE_BUTTON (object)->date);
  G_OBJECT_CLASS (werk_date_button_parent_class)->finalize (object);
}

static gboolean
werk_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (WERK_DATE_BUTTON (widget)->button));
}

static void
werk_date_button_class_init (WerkDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = werk_date_button_get_property;
  object_class->set_property = werk_date_button_set_property;
  object_class->dispose = werk_date_button_dispose;
  object_class->finalize = werk_date_button_finalize;
  widget_class->grab_focus = werk_date_button_grab_focus;

  properties[PROP_DATE] =
      g_param_spec_string ("date", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/ui/werk-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, WerkDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, WerkDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, WerkDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_date_button_init (WerkDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sync_widgets (self);
}
