/* test-screenshots.c: renders the app's main pages to PNGs in the build folder, for people to see.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ui-test-util.h"
#include "werk-fields-page.h"
#include "werk-measures-page.h"
#include "werk-new-process-window.h"
#include "werk-preferences-window.h"
#include "werk-start-window.h"
#include "werk-widget-test-util.h"
#include "werk-workshops-page.h"

static void
shoot (GtkWidget *widget, const char *name)
{
  g_autofree char *path = NULL;

  ui_test_wait (900);
  path = ui_test_save_png (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
shoot_page (UiFixture *f, const char *page, const char *name)
{
  werk_window_show_page (f->window, page);
  shoot (GTK_WIDGET (f->window), name);
}

static void
test_start_window (void)
{
  WerkApplication *app = ui_test_app ();
  GSettings *settings = werk_application_get_settings (app);
  GtkWindow *window;

  g_settings_set_strv (settings, "recent-files", NULL);
  window = GTK_WINDOW (werk_start_window_new (app));
  gtk_window_present (window);
  shoot (GTK_WIDGET (window), "screenshot-start-first.png");
  gtk_window_destroy (window);
}

static void
test_start_window_recent (UiFixture *f, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (werk_start_window_new (f->app));

  gtk_window_present (window);
  shoot (GTK_WIDGET (window), "screenshot-start-recent.png");
  gtk_window_destroy (window);
}

static void
test_pages (UiFixture *f, gconstpointer data)
{
  GtkWidget *page;
  g_autoptr (WerkRecord) workshop =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL), 0);
  g_autoptr (WerkRecord) field =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_FIELD, NULL), 0);
  g_autoptr (WerkRecord) measure =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
  shoot_page (f, "overview", "screenshot-overview.png");
  shoot_page (f, "workshops", "screenshot-workshops.png");
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_WORKSHOPS_PAGE);
  werk_workshops_page_show_workshop (WERK_WORKSHOPS_PAGE (page), WERK_WORKSHOP (workshop));
  shoot (GTK_WIDGET (f->window), "screenshot-workshop.png");
  shoot_page (f, "fields", "screenshot-fields.png");
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_FIELDS_PAGE);
  werk_fields_page_show_field (WERK_FIELDS_PAGE (page), WERK_FIELD (field));
  shoot (GTK_WIDGET (f->window), "screenshot-field.png");
  shoot_page (f, "measures", "screenshot-measures.png");
  page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_MEASURES_PAGE);
  werk_measures_page_show_measure (WERK_MEASURES_PAGE (page), WERK_MEASURE (measure));
  shoot (GTK_WIDGET (f->window), "screenshot-measure.png");
  shoot_page (f, "sustainability", "screenshot-sustainability.png");
  shoot_page (f, "photos", "screenshot-photos.png");
  g_signal_emit_by_name (ui_test_find_type (GTK_WIDGET (f->window), GTK_TYPE_GRID_VIEW), "activate",
                         0);
  shoot (GTK_WIDGET (f->window), "screenshot-photo.png");
}

static void
test_dialogs (UiFixture *f, gconstpointer data)
{
  GtkWindow *dialog = GTK_WINDOW (werk_new_process_window_new (f->app, GTK_WINDOW (f->window)));

  gtk_window_present (dialog);
  shoot (GTK_WIDGET (dialog), "screenshot-new-process.png");
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (werk_preferences_window_new (werk_application_get_settings (f->app)));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (f->window));
  gtk_window_present (dialog);
  shoot (GTK_WIDGET (dialog), "screenshot-preferences.png");
  gtk_window_destroy (dialog);
}

/* 360 px wide: the sidebar folds away, and each page must still fit. */
static void
test_narrow (UiFixture *f, gconstpointer data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  ui_test_wait (300);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  shoot (GTK_WIDGET (f->window), "screenshot-narrow-sidebar.png");
  shoot_page (f, "measures", "screenshot-narrow-measures.png");
  shoot_page (f, "workshops", "screenshot-narrow-workshops.png");
  shoot_page (f, "photos", "screenshot-narrow-photos.png");
  {
    g_autoptr (WerkRecord) workshop =
        g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL), 0);
    g_autoptr (WerkRecord) measure =
        g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);
    GtkWidget *page;

    werk_window_show_page (f->window, "workshops");
    page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_WORKSHOPS_PAGE);
    werk_workshops_page_show_workshop (WERK_WORKSHOPS_PAGE (page), WERK_WORKSHOP (workshop));
    shoot (GTK_WIDGET (f->window), "screenshot-narrow-workshop.png");
    werk_window_show_page (f->window, "measures");
    page = ui_test_find_type (GTK_WIDGET (f->window), WERK_TYPE_MEASURES_PAGE);
    werk_measures_page_show_measure (WERK_MEASURES_PAGE (page), WERK_MEASURE (measure));
    shoot (GTK_WIDGET (f->window), "screenshot-narrow-measure.png");
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
}

/* ---- German: what a German town sees ---- */

/* German before the window is built (ui_fixture_set_up_german): a window built in English first
 * must fail the test. */
static void
test_german (UiFixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  const char *pages[] = {
    "overview", "workshops", "fields", "measures", "photos", "sustainability"
  };
  g_autoptr (WerkRecord) workshop =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL), 0);
  g_autoptr (WerkRecord) field =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_FIELD, NULL), 0);
  g_autoptr (WerkRecord) measure =
      g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);
  GtkWindow *dialog;
  GtkWidget *page;
  g_autoptr (GString) seen = g_string_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 780);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      werk_window_show_page (f->window, pages[i]);
      werk_widget_test_assert_german (window, pages[i], seen);
    }
  werk_window_show_page (f->window, "workshops");
  page = ui_test_find_type (window, WERK_TYPE_WORKSHOPS_PAGE);
  werk_workshops_page_show_workshop (WERK_WORKSHOPS_PAGE (page), WERK_WORKSHOP (workshop));
  werk_widget_test_assert_german (window, "the workshop", seen);
  werk_window_show_page (f->window, "fields");
  page = ui_test_find_type (window, WERK_TYPE_FIELDS_PAGE);
  werk_fields_page_show_field (WERK_FIELDS_PAGE (page), WERK_FIELD (field));
  werk_widget_test_assert_german (window, "the field of action", seen);
  werk_window_show_page (f->window, "measures");
  page = ui_test_find_type (window, WERK_TYPE_MEASURES_PAGE);
  werk_measures_page_show_measure (WERK_MEASURES_PAGE (page), WERK_MEASURE (measure));
  werk_widget_test_assert_german (window, "the measure", seen);
  shoot (window, "screenshot-measure-de.png");

  dialog = GTK_WINDOW (werk_start_window_new (f->app));
  gtk_window_present (dialog);
  werk_widget_test_assert_german (GTK_WIDGET (dialog), "the start window", seen);
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (werk_new_process_window_new (f->app, GTK_WINDOW (f->window)));
  gtk_window_present (dialog);
  werk_widget_test_assert_german (GTK_WIDGET (dialog), "the new process dialog", seen);
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (werk_preferences_window_new (werk_application_get_settings (f->app)));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (f->window));
  gtk_window_present (dialog);
  werk_widget_test_assert_german (GTK_WIDGET (dialog), "the preferences", seen);
  gtk_window_destroy (dialog);
  /* And it is German indeed, in words and dates. */
  g_assert_nonnull (strstr (seen->str, "Übersicht"));
  g_assert_nonnull (strstr (seen->str, "Handlungsfelder"));
  g_assert_nonnull (strstr (seen->str, "Nachhaltigkeits-Check"));
  g_assert_true (g_regex_match_simple ("fällig am \\d\\d\\.\\d\\d\\.20\\d\\d", seen->str, 0, 0));
  g_test_message ("%u characters on screen checked for German", (guint) seen->len);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/screenshots/start-first", test_start_window);
  g_test_add ("/screenshots/pages", UiFixture, NULL, ui_fixture_set_up, test_pages,
              ui_fixture_tear_down);
  g_test_add ("/screenshots/start-recent", UiFixture, NULL, ui_fixture_set_up,
              test_start_window_recent, ui_fixture_tear_down);
  g_test_add ("/screenshots/dialogs", UiFixture, NULL, ui_fixture_set_up, test_dialogs,
              ui_fixture_tear_down);
  g_test_add ("/screenshots/narrow", UiFixture, NULL, ui_fixture_set_up, test_narrow,
              ui_fixture_tear_down);
  g_test_add ("/screenshots/german", UiFixture, NULL, ui_fixture_set_up_german, test_german,
              ui_fixture_tear_down_german);
  return g_test_run ();
}
