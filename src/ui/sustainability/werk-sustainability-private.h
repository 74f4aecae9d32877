/* werk-sustainability-private.h: what the sustainability widgets share: looks, toasts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"
#include "werk-sustainability-view.h"

G_BEGIN_DECLS

#define WERK_SUSTAINABILITY_RESOURCE "/app/werkstatt/Werkstatt/sustainability/"

/* Registers the templates and adds the style sheet to the default display, once. */
void _werk_sustainability_init_resources (void);

/* Gives @widget the style class of @light ("green", "yellow", "red", "unfinished") and takes the
 * others away; @light -1 takes all away. */
void _werk_sustainability_set_light (GtkWidget *widget, int light);

AdwToastOverlay *_werk_sustainability_view_get_toast_overlay (WerkSustainabilityView *self);

/* A toast that shows @text as it is (a toast's title is markup: "&" in a title would break it). */
AdwToast *_werk_sustainability_toast_new (const char *text);
/* Shows @toast (transfer full) in the sustainability view that holds @inside. */
void _werk_sustainability_toast (GtkWidget *inside, AdwToast *toast);
/* Shows @error in the sustainability view that holds @inside. */
void _werk_sustainability_error (GtkWidget *inside, const GError *error);

/* A small round swatch in a field's colour ("#3584e4"; NULL or "" draws nothing). */
GtkWidget *_werk_sustainability_dot_new (void);
void _werk_sustainability_dot_set_color (GtkWidget *dot, const char *color);

G_END_DECLS
