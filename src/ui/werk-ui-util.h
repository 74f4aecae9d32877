/* werk-ui-util.h: small helpers the app's widgets share: errors, toasts, text binding, dates.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

/* Shows @toast (transfer full) in the window that holds @widget. */
void werk_show_toast (GtkWidget *widget, AdwToast *toast);
/* Shows @error in the window that holds @widget; the same message is not stacked up. */
void werk_show_error (GtkWidget *widget, const GError *error);
/* Lets werk_show_toast() find @overlay from any widget inside @window. */
void werk_set_toast_overlay (GtkWindow *window, AdwToastOverlay *overlay);

/* Keeps @buffer's text and a text property of @record the same, both ways. */
void werk_bind_text_buffer (GtkTextBuffer *buffer, gpointer record, const char *property);

/* "HH:MM" from what people type ("9:30", "930", "09.30"); NULL if it is no time. */
char *werk_parse_time (const char *text);

/* Calls @func (@data) once, soon after items of @model changed one of @properties (NULL: any).
 * The watch lives as long as @owner. */
void werk_watch_items (gpointer owner, GListModel *model, const char *const *properties,
                       GCallback func, gpointer data);
/* Re-runs @filter whenever an item of @model changes one of @properties (NULL: any). */
void werk_filter_watch (GtkFilter *filter, GListModel *model, const char *const *properties);

/* The entry's text, trimmed, and clears the entry; NULL if nothing was typed. */
char *werk_entry_take_text (GtkEditable *editable);

/* The index of @record in its list of the store. */
guint werk_record_get_index (WerkRecord *record);

/* A small round swatch of a field's colour ("#3584e4"; NULL draws an outline only). */
GtkWidget *werk_color_dot_new (const char *color);
void werk_color_dot_set_color (GtkWidget *dot, const char *color);

/* The translated names of an enum's values, in order, for a drop-down or combo row. */
GListModel *werk_enum_model_new (GType enum_type);
/* Keeps an enum property of @record and the "selected" of @combo (AdwComboRow or GtkDropDown)
 * the same, both ways; the combo's model is werk_enum_model_new(). */
GBinding *werk_bind_enum (gpointer record, const char *property, gpointer combo);
gboolean werk_enum_to_selected (GBinding *binding, const GValue *from, GValue *to, gpointer data);
gboolean werk_selected_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer data);

/* Makes @row choose the record that the reference @key of @record names, among @targets
 * (the first entry, @none_label, unsets it). Called again, it follows another record;
 * @record NULL stops following. */
void werk_ref_combo_follow (AdwComboRow *row, WerkRecord *record, const char *key,
                            GListModel *targets, const char *none_label);

/* The photo's thumbnail, upright and turned as the user asked; cached on the photo. */
GdkTexture *werk_photo_get_texture (WerkPhoto *photo);

/* A dimmed line of text for an empty list. */
GtkWidget *werk_placeholder_new (const char *text);

/* A filter that keeps records whose @key (a reference or enum, as a string) is @value
 * (NULL: unset); it refilters itself when records change @key. */
GtkFilter *werk_key_filter_new (GListModel *records, const char *key, const char *value);

/* Focuses an entry with the cursor at the end: a stray key must not replace the whole text. */
void werk_focus_entry_end (GtkWidget *editable);

/* Gives an icon-only button its accessible name and tooltip. */
void werk_widget_set_label (GtkWidget *widget, const char *label);

G_END_DECLS
