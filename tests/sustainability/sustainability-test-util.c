/* sustainability-test-util.c: the demo in a window with the sustainability view; ways to look.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sustainability-test-util.h"

void
sus_test_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

void
sus_fixture_show (SusFixture *f, WerkStore *store, int width, int height)
{
  f->store = store;
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "Nachhaltigkeits-Check");
  gtk_window_set_default_size (f->window, width, height);
  f->view = WERK_SUSTAINABILITY_VIEW (werk_sustainability_view_new (store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  sus_wait (300);
}

void
sus_fixture_set_up (SusFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkStore *store;

  f->dir = g_dir_make_tmp ("werk-sus-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "demo.werkstatt", NULL);
  store = werk_demo_create (f->path, &error);
  g_assert_no_error (error);
  sus_fixture_show (f, store, 1100, 760);
}

void
sus_fixture_tear_down (SusFixture *f, gconstpointer data)
{
  if (f->window)
    gtk_window_destroy (f->window);
  sus_wait (50);
  if (f->store)
    werk_store_close (f->store);
  g_clear_object (&f->store);
  if (f->dir)
    remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

WerkSustainabilityOverview *
sus_overview (SusFixture *f)
{
  return WERK_SUSTAINABILITY_OVERVIEW (
      sus_find_widget (GTK_WIDGET (f->view), WERK_TYPE_SUSTAINABILITY_OVERVIEW, 0));
}

WerkSustainabilityCheck *
sus_check (SusFixture *f)
{
  return WERK_SUSTAINABILITY_CHECK (
      sus_find_widget (GTK_WIDGET (f->view), WERK_TYPE_SUSTAINABILITY_CHECK, 0));
}

const char *
sus_page (SusFixture *f)
{
  GtkStack *stack = GTK_STACK (sus_find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK, 0));

  return gtk_stack_get_visible_child_name (stack);
}

WerkRecord *
sus_find (WerkStore *store, WerkKind kind, const char *label)
{
  GListModel *list = werk_store_get_list (store, kind, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (list, i);
      if (g_strcmp0 (werk_record_get_label (record), label) == 0)
        return record;
    }
  return NULL;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

void
sus_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget, GString *text)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != widget)
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, text);
}

char *
sus_collect_labels (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect (widget, text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type, guint *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*nth)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, nth);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
sus_find_widget (GtkWidget *root, GType type, guint nth)
{
  GtkWidget *found = find_widget (root, type, &nth);

  g_assert_nonnull (found);
  return found;
}

gboolean
sus_send_key (GtkWidget *widget, guint keyval, GdkModifierType state)
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

void
sus_type (SusFixture *f, const char *keys)
{
  for (const char *k = keys; *k; k++)
    {
      guint keyval = *k == ' ' ? GDK_KEY_Return : gdk_unicode_to_keyval (*k);

      g_assert_true (sus_send_key (GTK_WIDGET (sus_check (f)), keyval, 0));
    }
}

char *
sus_save_png (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
