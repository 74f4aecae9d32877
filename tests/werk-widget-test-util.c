/* werk-widget-test-util.c: looking at widgets as a user would, for the widget tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-widget-test-util.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
werk_widget_test_wait (guint ms)
{
  gboolean done = FALSE;

  /* Below idle priority: what became due meanwhile (an idle refresh) runs before the wait
   * ends, however slow the machine (a sanitizer build) made the loop. */
  g_timeout_add_full (G_PRIORITY_LOW, ms, quit_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget, GString *text, void (*extra) (GtkWidget *, GString *))
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  /* A hidden stack page is not on screen. */
  if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != widget)
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (extra)
    extra (widget, text);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, text, extra);
}

char *
werk_widget_test_collect_labels (GtkWidget *widget, void (*extra) (GtkWidget *, GString *))
{
  GString *text = g_string_new (NULL);

  collect (widget, text, extra);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find (GtkWidget *widget, GType type, guint *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*nth)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, nth);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
werk_widget_test_find (GtkWidget *root, GType type, guint nth)
{
  GtkWidget *found = find (root, type, &nth);

  g_assert_nonnull (found);
  return found;
}

gboolean
werk_widget_test_send_key (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* The widget's last frame; under load the first frame may still be on its way. */
static GskRenderNode *
render_node (GtkWidget *widget, int width, int height)
{
  for (int tries = 0; tries < 50; tries++)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node)
        return node;
      werk_widget_test_wait (100);
    }
  return NULL;
}

char *
werk_widget_test_save_png (GtkWidget *widget, const char *name)
{
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  g_assert_cmpint (width, >, 0);
  node = render_node (widget, width, height);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

void
werk_widget_test_use_german (void)
{
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    g_error ("the locale de_DE.UTF-8 is missing (build-aux/install-deps.sh makes it)");
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, WERK_BUILD_PODIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Setting the domain again makes gettext forget the English it has looked up so far. */
  textdomain (GETTEXT_PACKAGE);
  if (g_str_equal (_ ("Measures"), "Measures"))
    g_error ("no German translation in %s", WERK_BUILD_PODIR);
}

void
werk_widget_test_use_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
collect_texts (GtkWidget *widget, GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_TEXT (widget) && gtk_text_get_placeholder_text (GTK_TEXT (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_text_get_placeholder_text (GTK_TEXT (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

void
werk_widget_test_assert_german (GtkWidget *widget, const char *where, GString *seen)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) iso = g_regex_new ("\\b\\d{4}-\\d{2}-\\d{2}\\b", 0, 0, NULL);

  werk_widget_test_wait (400);
  collect_texts (widget, texts);
  g_assert_cmpuint (texts->len, >, 3);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *german = g_dgettext (GETTEXT_PACKAGE, text);

      if (german != text && !g_str_equal (german, text))
        g_error ("%s shows “%s” in English (German: “%s”)", where, text, german);
      if (g_regex_match (iso, text, 0, NULL))
        g_error ("%s shows the date of “%s” in ISO form", where, text);
      g_string_append_printf (seen, "%s\n", text);
    }
}
