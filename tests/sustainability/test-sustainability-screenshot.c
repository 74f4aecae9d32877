/* test-sustainability-screenshot.c: the overview, a measure's check and the catalogue as PNGs in
 * the build folder to look at, and that each shows what it should.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sustainability-test-util.h"
#include "werk-widget-test-util.h"

static void
test_overview (SusFixture *f, gconstpointer data)
{
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;

  werk_sustainability_overview_sort_by (sus_overview (f), WERK_SUSTAINABILITY_COLUMN_LIGHT,
                                        GTK_SORT_ASCENDING);
  sus_wait (300);
  text = sus_collect_labels (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (text, "Energiemonitoring für städtische Gebäude"));
  g_assert_nonnull (strstr (text, "Unfinished"));
  g_assert_nonnull (strstr (text, "12 of 12"));
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-overview.png");
  g_test_message ("overview: %s", png);
}

static void
test_check_page (SusFixture *f, gconstpointer data)
{
  WerkRecord *measure =
      sus_find (f->store, WERK_KIND_MEASURE, "Gesundheitslotsin mit Tablet für die Ortsteile");
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (measure);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                              werk_record_get_id (measure));
  sus_wait (500);
  g_assert_cmpstr (sus_page (f), ==, "check");
  text = sus_collect_labels (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (text, "Gesundheitslotsin mit Tablet für die Ortsteile"));
  g_assert_nonnull (strstr (text, "5 of 12 criteria rated"));
  g_assert_nonnull (strstr (text, "Unfinished"));
  g_assert_nonnull (strstr (text, "Not rated yet"));
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-check.png");
  g_test_message ("check page: %s", png);
}

static void
test_criteria_page (SusFixture *f, gconstpointer data)
{
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-criteria", NULL);
  sus_wait (500);
  text = sus_collect_labels (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (text, "4 criteria in use"));
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-criteria.png");
  g_test_message ("criteria: %s", png);
}

/* On a phone-sized window (360 px): nothing cut off, the table scrolls sideways. */
static void
test_narrow (void)
{
  SusFixture fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  g_autofree char *png = NULL;
  WerkRecord *measure;

  f->dir = g_dir_make_tmp ("werk-sus-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "demo.werkstatt", NULL);
  sus_fixture_show (f, werk_demo_create (f->path, &error), 360, 720);
  g_assert_no_error (error);
  measure = sus_find (f->store, WERK_KIND_MEASURE, "Rufbus auf Bestellung für die Ortsteile");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                              werk_record_get_id (measure));
  sus_wait (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-check-narrow.png");
  g_test_message ("check, 360 px wide: %s", png);
  sus_fixture_tear_down (f, NULL);
}

/* What a German project group sees: its words, its decimal comma. */
static void
test_german (void)
{
  SusFixture fixture = { 0 }, *f = &fixture;
  WerkRecord *measure;
  g_autofree char *png = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *check = NULL;

  g_autoptr (GString) seen = g_string_new (NULL);

  werk_widget_test_use_german ();
  sus_fixture_set_up (f, NULL);
  werk_widget_test_assert_german (GTK_WIDGET (f->window), "the overview", seen);
  overview = sus_collect_labels (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (overview, "Ökologisch"));
  g_assert_nonnull (strstr (overview, "Unvollständig"));
  g_assert_nonnull (strstr (overview, "+0,5"));
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-overview-de.png");
  g_test_message ("overview in German: %s", png);
  measure = sus_find (f->store, WERK_KIND_MEASURE, "Rufbus auf Bestellung für die Ortsteile");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                              werk_record_get_id (measure));
  sus_wait (500);
  werk_widget_test_assert_german (GTK_WIDGET (f->window), "the check", seen);
  check = sus_collect_labels (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (check, "Alle 12 Kriterien sind bewertet."));
  g_assert_nonnull (strstr (check, "Ø +0,8"));
  g_free (png);
  png = sus_save_png (GTK_WIDGET (f->window), "sustainability-check-de.png");
  g_test_message ("check in German: %s", png);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-criteria", NULL);
  werk_widget_test_assert_german (GTK_WIDGET (f->window), "the criteria", seen);
  sus_fixture_tear_down (f, NULL);
  werk_widget_test_use_english ();
}

int
main (int argc, char **argv)
{
  sus_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add (name, SusFixture, NULL, sus_fixture_set_up, func, sus_fixture_tear_down)
  ADD ("/sustainability-view/screenshot/overview", test_overview);
  ADD ("/sustainability-view/screenshot/check", test_check_page);
  ADD ("/sustainability-view/screenshot/criteria", test_criteria_page);
  g_test_add_func ("/sustainability-view/screenshot/narrow", test_narrow);
  g_test_add_func ("/sustainability-view/screenshot/german", test_german);
#undef ADD
  return g_test_run ();
}
