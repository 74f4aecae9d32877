/* sustainability-test-util.c: the demo in a window with the sustainability view; ways to look.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sustainability-test-util.h"
#include "werk-widget-test-util.h"

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

void
sus_wait (guint ms)
{
  werk_widget_test_wait (ms);
}

char *
sus_collect_labels (GtkWidget *widget)
{
  return werk_widget_test_collect_labels (widget, NULL);
}

GtkWidget *
sus_find_widget (GtkWidget *root, GType type, guint nth)
{
  return werk_widget_test_find (root, type, nth);
}

gboolean
sus_send_key (GtkWidget *widget, guint keyval, GdkModifierType state)
{
  return werk_widget_test_send_key (widget, keyval, state);
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
  return werk_widget_test_save_png (widget, name);
}
