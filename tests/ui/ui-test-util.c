/* ui-test-util.c: what the app's widget tests share: the app, a demo file, waiting, finding, PNGs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "werk-widget-test-util.h"

static WerkApplication *test_app;
static char *data_home;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
cleanup_data_home (void)
{
  if (data_home)
    remove_tree (data_home);
}

void
ui_test_init (int *argc, char ***argv)
{
  /* The app writes the demo and its state here, never into the tester's own folders. */
  data_home = g_dir_make_tmp ("werk-ui-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  atexit (cleanup_data_home);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

WerkApplication *
ui_test_app (void)
{
  g_autoptr (GError) error = NULL;

  if (test_app)
    return test_app;
  test_app = werk_application_new ();
  /* No session bus under test: a unique app would have nothing to register with. */
  g_application_set_flags (G_APPLICATION (test_app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
  return test_app;
}

void
ui_test_wait (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_by_name (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_name (child, name);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_test_find (GtkWidget *root, const char *name)
{
  GtkWidget *found = find_by_name (root, name);

  if (found == NULL)
    g_error ("No widget named “%s”", name);
  return found;
}

GtkWidget *
ui_test_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

char *
ui_test_save_png (GtkWidget *widget, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
  return g_steal_pointer (&path);
}

WerkRecord *
ui_test_find_record (WerkStore *store, WerkKind kind, WerkRecord *parent, const char *label)
{
  GListModel *list = werk_store_get_list (store, kind, parent);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (list, i);
      if (g_strcmp0 (werk_record_get_label (record), label) == 0)
        return record;
    }
  return NULL;
}

void
ui_fixture_set_up (UiFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) demo = NULL;

  f->dir = g_dir_make_tmp ("werk-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Kirchberg.werkstatt", NULL);
  demo = werk_application_create_demo (f->path, &error);
  g_assert_no_error (error);
  werk_store_close (demo);

  f->app = ui_test_app ();
  g_assert_true (werk_application_open_path (f->app, f->path, NULL));
  f->window = WERK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (WERK_IS_WINDOW (f->window));
  f->store = werk_window_get_store (f->window);
  ui_test_wait (200);
}

void
ui_fixture_tear_down (UiFixture *f, gconstpointer data)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  ui_test_wait (50);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

void
ui_fixture_set_up_german (UiFixture *f, gconstpointer data)
{
  werk_widget_test_use_german ();
  ui_fixture_set_up (f, data);
}

void
ui_fixture_tear_down_german (UiFixture *f, gconstpointer data)
{
  ui_fixture_tear_down (f, data);
  werk_widget_test_use_english ();
}
