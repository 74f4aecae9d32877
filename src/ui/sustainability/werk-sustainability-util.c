/* werk-sustainability-util.c: what the sustainability widgets share: looks, toasts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-sustainability-private.h"
#include "werk-sustainability-resources.h"
#include "werk-sustainability-view.h"

void
_werk_sustainability_init_resources (void)
{
  static gsize done = 0;

  /* Registered by hand: a static library's constructor would be dropped by the linker. */
  if (g_once_init_enter (&done))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      werk_sustainability_register_resource ();
      gtk_css_provider_load_from_resource (provider,
                                           WERK_SUSTAINABILITY_RESOURCE "sustainability.css");
      if (gdk_display_get_default () != NULL)
        gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                    GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

void
_werk_sustainability_set_light (GtkWidget *widget, int light)
{
  static const char *const classes[] = {
    [WERK_LIGHT_UNFINISHED] = "unfinished",
    [WERK_LIGHT_GREEN] = "green",
    [WERK_LIGHT_YELLOW] = "yellow",
    [WERK_LIGHT_RED] = "red",
  };

  for (int i = 0; i < (int) G_N_ELEMENTS (classes); i++)
    if (i == light)
      gtk_widget_add_css_class (widget, classes[i]);
    else
      gtk_widget_remove_css_class (widget, classes[i]);
}

AdwToast *
_werk_sustainability_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static AdwToastOverlay *
find_overlay (GtkWidget *inside)
{
  GtkWidget *view = gtk_widget_get_ancestor (inside, WERK_TYPE_SUSTAINABILITY_VIEW);

  return view ? _werk_sustainability_view_get_toast_overlay (WERK_SUSTAINABILITY_VIEW (view))
              : NULL;
}

void
_werk_sustainability_toast (GtkWidget *inside, AdwToast *toast)
{
  AdwToastOverlay *overlay = find_overlay (inside);

  if (overlay)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

void
_werk_sustainability_error (GtkWidget *inside, const GError *error)
{
  AdwToast *toast = _werk_sustainability_toast_new (error->message);

  /* The message stays until read: it says what did not happen. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _werk_sustainability_toast (inside, toast);
}

static void
draw_dot (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

GtkWidget *
_werk_sustainability_dot_new (void)
{
  GtkWidget *dot = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 10);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);
  return dot;
}

void
_werk_sustainability_dot_set_color (GtkWidget *dot, const char *color)
{
  g_object_set_data_full (G_OBJECT (dot), "color", g_strdup (color), g_free);
  gtk_widget_queue_draw (dot);
}
