/* werk-ui-util.c: small helpers the app's widgets share: errors, toasts, text binding, dates.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "werk-ui-util.h"

#define OVERLAY_KEY    "werk-toast-overlay"
#define LAST_ERROR_KEY "werk-last-error"

void
werk_set_toast_overlay (GtkWindow *window, AdwToastOverlay *overlay)
{
  g_object_set_data (G_OBJECT (window), OVERLAY_KEY, overlay);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  while (root)
    {
      AdwToastOverlay *overlay = g_object_get_data (G_OBJECT (root), OVERLAY_KEY);
      GtkWindow *parent;

      if (overlay)
        return overlay;
      /* A dialog shows its toasts in the window it belongs to. */
      parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
      root = parent ? GTK_ROOT (parent) : NULL;
    }
  return NULL;
}

void
werk_show_toast (GtkWidget *widget, AdwToast *toast)
{
  AdwToastOverlay *overlay = find_overlay (widget);

  if (overlay)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
error_toast_dismissed_cb (AdwToast *toast, AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), LAST_ERROR_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), LAST_ERROR_KEY, NULL);
}

void
werk_show_error (GtkWidget *widget, const GError *error)
{
  AdwToastOverlay *overlay = find_overlay (widget);
  AdwToast *last, *toast;
  g_autofree char *escaped = NULL;

  g_return_if_fail (error != NULL);
  if (overlay == NULL)
    {
      g_message ("%s", error->message);
      return;
    }
  /* A pulled USB stick fails every keystroke: one message that stays is enough. */
  last = g_object_get_data (G_OBJECT (overlay), LAST_ERROR_KEY);
  if (last && g_strcmp0 (g_object_get_data (G_OBJECT (last), "message"), error->message) == 0)
    return;
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  g_object_set_data_full (G_OBJECT (toast), "message", g_strdup (error->message), g_free);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Problems with the disk need reading in full; a refused value explains itself briefly. */
  adw_toast_set_timeout (toast,
                         error->domain == WERK_ERROR && error->code == WERK_ERROR_INVALID ? 5 : 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (error_toast_dismissed_cb), overlay, 0);
  g_object_set_data (G_OBJECT (overlay), LAST_ERROR_KEY, toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
werk_bind_text_buffer (GtkTextBuffer *buffer, gpointer record, const char *property)
{
  g_object_bind_property (record, property, buffer, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

char *
werk_parse_time (const char *text)
{
  g_autofree char *digits = g_strstrip (g_strdup (text ? text : ""));
  int h = -1, m = 0;
  char sep;

  if (*digits == '\0')
    return NULL;
  if (sscanf (digits, "%d%c%d", &h, &sep, &m) == 3 && (sep == ':' || sep == '.'))
    ;
  else if (strspn (digits, "0123456789") == strlen (digits) && strlen (digits) <= 4)
    {
      int n = atoi (digits);
      h = strlen (digits) <= 2 ? n : n / 100;
      m = strlen (digits) <= 2 ? 0 : n % 100;
    }
  else
    return NULL;
  if (h < 0 || h > 23 || m < 0 || m > 59)
    return NULL;
  return g_strdup_printf ("%02d:%02d", h, m);
}

/* ---- watching the items of a list ---- */

typedef struct
{
  GObject *owner; /* unowned: the watch dies with it */
  GListModel *model;
  GPtrArray *items; /* what the model held, to disconnect from */
  GStrv signals;    /* "notify::title", … */
  GCallback func;
  gpointer data;
  guint idle_id;
} Watch;

static gboolean
watch_idle_cb (gpointer data)
{
  Watch *watch = data;

  watch->idle_id = 0;
  ((void (*) (gpointer)) watch->func) (watch->data);
  return G_SOURCE_REMOVE;
}

static void
item_notify_cb (GObject *item, GParamSpec *pspec, Watch *watch)
{
  if (watch->idle_id == 0)
    watch->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, watch_idle_cb, watch, NULL);
}

static void
watch_items_changed_cb (GListModel *model, guint position, guint removed, guint added, Watch *watch)
{
  for (guint i = position; i < position + removed; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watch->items, i), watch);
  g_ptr_array_remove_range (watch->items, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      for (guint j = 0; watch->signals[j]; j++)
        g_signal_connect (item, watch->signals[j], G_CALLBACK (item_notify_cb), watch);
      g_ptr_array_insert (watch->items, position + i, item);
    }
}

static void
watch_free (gpointer data, GObject *owner)
{
  Watch *watch = data;

  for (guint i = 0; i < watch->items->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watch->items, i), watch);
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  g_ptr_array_unref (watch->items);
  g_object_unref (watch->model);
  g_strfreev (watch->signals);
  g_free (watch);
}

void
werk_watch_items (gpointer owner, GListModel *model, const char *const *properties, GCallback func,
                  gpointer data)
{
  Watch *watch = g_new0 (Watch, 1);
  g_autoptr (GStrvBuilder) signals = g_strv_builder_new ();

  if (properties == NULL)
    g_strv_builder_add (signals, "notify");
  for (guint i = 0; properties && properties[i]; i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", properties[i], NULL);
      g_strv_builder_add (signals, signal);
    }
  watch->owner = owner;
  watch->model = g_object_ref (model);
  watch->items = g_ptr_array_new_with_free_func (g_object_unref);
  watch->signals = g_strv_builder_end (signals);
  watch->func = func;
  watch->data = data;
  g_signal_connect (model, "items-changed", G_CALLBACK (watch_items_changed_cb), watch);
  watch_items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), watch);
  g_object_weak_ref (owner, watch_free, watch);
}

static void
refilter (GtkFilter *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

void
werk_filter_watch (GtkFilter *filter, GListModel *model, const char *const *properties)
{
  werk_watch_items (filter, model, properties, G_CALLBACK (refilter), filter);
}

char *
werk_entry_take_text (GtkEditable *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    return NULL;
  gtk_editable_set_text (editable, "");
  return g_steal_pointer (&text);
}

guint
werk_record_get_index (WerkRecord *record)
{
  GListModel *list =
      werk_store_get_list (werk_record_get_store (record), werk_record_get_kind (record),
                           werk_record_get_parent (record));
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      if (item == (GObject *) record)
        return i;
    }
  return n;
}

/* ---- colour dots ---- */

static void
draw_dot (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "color");
  GdkRGBA rgba;
  double r = MIN (width, height) / 2.0;

  cairo_arc (cr, width / 2.0, height / 2.0, r - 1, 0, 2 * G_PI);
  if (color && gdk_rgba_parse (&rgba, color))
    {
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_fill (cr);
    }
  else
    {
      GdkRGBA fg;
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
      fg.alpha *= 0.4;
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

GtkWidget *
werk_color_dot_new (const char *color)
{
  GtkWidget *dot = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 14);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot, NULL, NULL);
  werk_color_dot_set_color (dot, color);
  return dot;
}

void
werk_color_dot_set_color (GtkWidget *dot, const char *color)
{
  g_object_set_data_full (G_OBJECT (dot), "color", g_strdup (color), g_free);
  gtk_widget_queue_draw (dot);
}

void
werk_widget_set_label (GtkWidget *widget, const char *label)
{
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

GtkWidget *
werk_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "werk-placeholder");
  return label;
}

typedef struct
{
  char *key;
  char *value;
} KeyFilter;

static void
key_filter_free (gpointer data)
{
  KeyFilter *kf = data;

  g_free (kf->key);
  g_free (kf->value);
  g_free (kf);
}

static gboolean
key_filter_match (gpointer item, gpointer data)
{
  KeyFilter *kf = data;

  return g_strcmp0 (werk_record_get_string (item, kf->key), kf->value) == 0;
}

GtkFilter *
werk_key_filter_new (GListModel *records, const char *key, const char *value)
{
  KeyFilter *kf = g_new0 (KeyFilter, 1);
  GtkCustomFilter *filter;
  g_autofree char *property = g_strdelimit (g_strdup (key), "_", '-');
  const char *properties[] = { property, NULL };

  kf->key = g_strdup (key);
  kf->value = g_strdup (value);
  filter = gtk_custom_filter_new (key_filter_match, kf, key_filter_free);
  werk_filter_watch (GTK_FILTER (filter), records, properties);
  return GTK_FILTER (filter);
}

GListModel *
werk_enum_model_new (GType enum_type)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GEnumClass *klass = g_type_class_ref (enum_type);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, werk_enum_label (enum_type, klass->values[i].value));
  g_type_class_unref (klass);
  return G_LIST_MODEL (list);
}

gboolean
werk_enum_to_selected (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  g_value_set_uint (to, g_value_get_enum (from));
  return TRUE;
}

gboolean
werk_selected_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, selected);
  return TRUE;
}

GBinding *
werk_bind_enum (gpointer record, const char *property, gpointer combo)
{
  return g_object_bind_property_full (record, property, combo, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      werk_enum_to_selected, werk_selected_to_enum, NULL, NULL);
}

/* ---- reference combo rows ---- */

typedef struct
{
  AdwComboRow *row; /* unowned: owns this */
  WerkRecord *record;
  char *key;
  char *signal;
  GListModel *targets;
  char *none_label;
  GtkStringList *names;
  GPtrArray *ids;
  gboolean syncing;
} RefCombo;

static void
ref_combo_sync_selection (RefCombo *rc)
{
  const char *id = werk_record_get_string (rc->record, rc->key);
  guint selected = 0;

  for (guint i = 0; id && i < rc->ids->len; i++)
    if (g_str_equal (g_ptr_array_index (rc->ids, i), id))
      selected = i + 1;
  rc->syncing = TRUE;
  adw_combo_row_set_selected (rc->row, selected);
  rc->syncing = FALSE;
}

static void
ref_combo_fill (RefCombo *rc)
{
  guint n = g_list_model_get_n_items (rc->targets);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_set_size (rc->ids, 0);
  g_ptr_array_add (names, rc->none_label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) target = g_list_model_get_item (rc->targets, i);
      const char *label = werk_record_get_label (target);

      g_ptr_array_add (names, (char *) (*label ? label : _ ("(untitled)")));
      g_ptr_array_add (rc->ids, g_strdup (werk_record_get_id (target)));
    }
  g_ptr_array_add (names, NULL);
  rc->syncing = TRUE;
  gtk_string_list_splice (rc->names, 0, g_list_model_get_n_items (G_LIST_MODEL (rc->names)),
                          (const char *const *) names->pdata);
  rc->syncing = FALSE;
  ref_combo_sync_selection (rc);
}

static void
ref_combo_selected_cb (AdwComboRow *row, GParamSpec *pspec, RefCombo *rc)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (GError) error = NULL;
  const char *id = NULL;

  if (rc->syncing || rc->record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected - 1 < rc->ids->len)
    id = g_ptr_array_index (rc->ids, selected - 1);
  if (!werk_record_set_string (rc->record, rc->key, id, &error))
    {
      werk_show_error (GTK_WIDGET (row), error);
      ref_combo_sync_selection (rc);
    }
}

static void
ref_combo_unfollow (RefCombo *rc)
{
  if (rc->record)
    g_signal_handlers_disconnect_by_data (rc->record, rc);
  if (rc->targets)
    g_signal_handlers_disconnect_by_data (rc->targets, rc);
  g_clear_object (&rc->record);
  g_clear_object (&rc->targets);
}

static void
ref_combo_free (RefCombo *rc)
{
  ref_combo_unfollow (rc);
  g_ptr_array_unref (rc->ids);
  g_free (rc->key);
  g_free (rc->none_label);
  g_free (rc);
}

void
werk_ref_combo_follow (AdwComboRow *row, WerkRecord *record, const char *key, GListModel *targets,
                       const char *none_label)
{
  RefCombo *rc = g_object_get_data (G_OBJECT (row), "werk-ref-combo");
  g_autofree char *property = NULL;

  if (rc == NULL)
    {
      rc = g_new0 (RefCombo, 1);
      rc->row = row;
      rc->ids = g_ptr_array_new_with_free_func (g_free);
      rc->names = gtk_string_list_new (NULL);
      adw_combo_row_set_model (row, G_LIST_MODEL (rc->names));
      g_object_unref (rc->names);
      g_signal_connect (row, "notify::selected", G_CALLBACK (ref_combo_selected_cb), rc);
      g_object_set_data_full (G_OBJECT (row), "werk-ref-combo", rc,
                              (GDestroyNotify) ref_combo_free);
    }
  ref_combo_unfollow (rc);
  if (record == NULL)
    return;
  g_free (rc->key);
  rc->key = g_strdup (key);
  g_free (rc->none_label);
  rc->none_label = g_strdup (none_label);
  rc->record = g_object_ref (record);
  rc->targets = g_object_ref (targets);
  property = g_strconcat ("notify::", key, NULL);
  g_strdelimit (property, "_", '-');
  g_signal_connect_swapped (record, property, G_CALLBACK (ref_combo_sync_selection), rc);
  g_signal_connect_swapped (targets, "items-changed", G_CALLBACK (ref_combo_fill), rc);
  ref_combo_fill (rc);
}

/* ---- photo thumbnails ---- */

GdkTexture *
werk_photo_get_texture (WerkPhoto *photo)
{
  int rotate = werk_record_get_int (WERK_RECORD (photo), "rotate");
  GdkTexture *texture = g_object_get_data (G_OBJECT (photo), "werk-texture");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GdkPixbuf) turned = NULL;

  if (texture &&
      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (photo), "werk-texture-rotate")) == rotate)
    return texture;
  if (!(bytes = werk_photo_load_thumbnail (photo)))
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  if (!(pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL)))
    return NULL;
  /* gdk-pixbuf turns counter-clockwise; "rotate" is clockwise, as the buttons say. */
  turned = gdk_pixbuf_rotate_simple (pixbuf, (GdkPixbufRotation) ((360 - rotate) % 360));
  texture = gdk_texture_new_for_pixbuf (turned ? turned : pixbuf);
  g_object_set_data_full (G_OBJECT (photo), "werk-texture", texture, g_object_unref);
  g_object_set_data (G_OBJECT (photo), "werk-texture-rotate", GINT_TO_POINTER (rotate));
  return texture;
}

void
werk_focus_entry_end (GtkWidget *editable)
{
  gtk_widget_grab_focus (editable);
  gtk_editable_set_position (GTK_EDITABLE (editable), -1);
}
