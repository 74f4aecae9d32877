/* test-sustainability-many.c: 2,000 measures, half of them checked: the overview stays smooth.
 * It prints its timings; it fails on wrong results, never on time.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sustainability-test-util.h"

#define N_MEASURES 2000
#define N_FIELDS   5

static gboolean
fill (WerkStore *store, gpointer data, GError **error)
{
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  const char *fields[N_FIELDS];

  for (int i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Handlungsfeld %d", i + 1);
      WerkRecord *field =
          werk_store_add (store, WERK_KIND_FIELD, NULL, error, "title", title, NULL);

      if (field == NULL)
        return FALSE;
      fields[i] = werk_record_get_id (field);
    }
  for (int m = 0; m < N_MEASURES; m++)
    {
      g_autofree char *title = g_strdup_printf ("Maßnahme %04d", m);
      WerkRecord *measure = werk_store_add (store, WERK_KIND_MEASURE, NULL, error, "title", title,
                                            "field", fields[m % N_FIELDS], NULL);

      if (measure == NULL)
        return FALSE;
      /* Every other measure checked completely: scores from −1 to +2, some −2. */
      for (guint c = 0; m % 2 == 0 && c < g_list_model_get_n_items (criteria); c++)
        {
          g_autoptr (WerkRecord) criterion = g_list_model_get_item (criteria, c);
          g_autofree char *score =
              g_strdup_printf ("%d", (int) ((m / 2 + c) % 4) - 1 - (m % 50 == 0));

          if (!werk_store_add (store, WERK_KIND_RATING, NULL, error, "measure",
                               werk_record_get_id (measure), "criterion",
                               werk_record_get_id (criterion), "score", score, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
scroll_through (WerkSustainabilityOverview *overview)
{
  GtkWidget *table = sus_find_widget (GTK_WIDGET (overview), GTK_TYPE_COLUMN_VIEW, 0);
  GtkScrolledWindow *scroller =
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gint64 start = g_get_monotonic_time ();
  guint pages = 0;

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                                gtk_adjustment_get_page_size (adjustment));
      sus_wait (1);
      pages++;
      g_assert_cmpuint (pages, <, 1000);
    }
  g_test_message ("scrolled through %u pages of the matrix: %.1f ms a page", pages,
                  (g_get_monotonic_time () - start) / 1e3 / MAX (pages, 1));
  g_assert_cmpuint (pages, >, 5);
}

static void
test_many (void)
{
  SusFixture fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  WerkSustainabilityOverview *overview;
  GListModel *shown;
  WerkStore *store;
  gint64 start;

  f->dir = g_dir_make_tmp ("werk-sus-many-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "viele.werkstatt", NULL);
  store = werk_store_create (f->path, "Zweitausend Maßnahmen", &error);
  g_assert_no_error (error);
  g_assert_true (werk_sustainability_add_defaults (store, &error));
  start = g_get_monotonic_time ();
  g_assert_true (werk_store_run (store, fill, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("filling %d measures with %u ratings: %.2f s", N_MEASURES,
                  g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_RATING, NULL)),
                  seconds_since (start));

  start = g_get_monotonic_time ();
  sus_fixture_show (f, store, 1100, 760);
  g_test_message ("view shown (incl. 300 ms wait): %.2f s", seconds_since (start));
  overview = sus_overview (f);
  shown = werk_sustainability_overview_get_model (overview);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_MEASURES);

  start = g_get_monotonic_time ();
  werk_sustainability_overview_sort_by (overview, WERK_SUSTAINABILITY_COLUMN_LIGHT,
                                        GTK_SORT_ASCENDING);
  g_test_message ("sorted by light: %.3f s", seconds_since (start));
  start = g_get_monotonic_time ();
  g_object_set (overview, "unfinished-only", TRUE, NULL);
  g_test_message ("filtered to the unfinished: %.3f s", seconds_since (start));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_MEASURES / 2);

  /* A check in the middle of the round, rated by keys; the overview follows. */
  start = g_get_monotonic_time ();
  {
    g_autoptr (GPtrArray) round = werk_sustainability_overview_dup_shown (overview);
    WerkRecord *measure = g_ptr_array_index (round, 500);

    gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                                werk_record_get_id (measure));
    sus_type (f, "111111111111");
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.next-measure", NULL));
    g_assert_true (werk_sustainability_check_get_measure (sus_check (f)) ==
                   g_ptr_array_index (round, 501));
  }
  g_test_message ("one measure rated by keys and on to the next: %.3f s", seconds_since (start));
  /* The overview catches up when the main loop is idle, whatever the renderer's pace. */
  for (int i = 0; i < 200 && g_list_model_get_n_items (shown) != N_MEASURES / 2 - 1; i++)
    sus_wait (10);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_MEASURES / 2 - 1);

  start = g_get_monotonic_time ();
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.next-measure", NULL);
  g_test_message ("20 measures opened one after another: %.3f s", seconds_since (start));

  /* Back in the matrix, scrolled from top to bottom a page at a time, each drawn. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-overview", NULL);
  g_object_set (overview, "unfinished-only", FALSE, NULL);
  sus_wait (100);
  scroll_through (overview);
  sus_fixture_tear_down (f, NULL);
}

int
main (int argc, char **argv)
{
  sus_test_init (&argc, &argv);
  g_test_add_func ("/sustainability-view/many", test_many);
  return g_test_run ();
}
