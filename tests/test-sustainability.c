/* test-sustainability.c: the sustainability check's rules: the default catalogue, ratings, "not
 * relevant", retired criteria, the dimension summaries, every branch of the traffic light, and
 * the demo's ratings through the JSON exchange.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "werk-core.h"
#include "werk-test-util.c"

/* Two criteria per dimension: small enough to reason about every mean by hand. */
#define N_PER_DIMENSION 2

typedef struct
{
  char *dir;
  WerkStore *store;
  WerkMeasure *measure;
  WerkCriterion *criteria[3][N_PER_DIMENSION]; /* by WerkDimension */
} Fixture;

static WerkRecord *
add_ok (WerkStore *store, WerkKind kind, const char *k1, const char *v1, const char *k2,
        const char *v2)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *record = werk_store_add (store, kind, NULL, &error, k1, v1, k2, v2, NULL);

  g_assert_no_error (error);
  return record;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = werk_test_make_dir ();
  f->store = werk_test_store_new (f->dir, "check.werkstatt");
  f->measure = WERK_MEASURE (
      add_ok (f->store, WERK_KIND_MEASURE, "title", "Rufbus für die Ortsteile", NULL, NULL));
  for (int d = 0; d < 3; d++)
    for (int i = 0; i < N_PER_DIMENSION; i++)
      {
        g_autofree char *title = g_strdup_printf ("Kriterium %d.%d", d, i);

        f->criteria[d][i] =
            WERK_CRITERION (add_ok (f->store, WERK_KIND_CRITERION, "dimension",
                                    werk_enum_nick (WERK_TYPE_DIMENSION, d), "title", title));
      }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, werk_test_store_free);
  werk_test_rmtree (f->dir);
  g_free (f->dir);
}

static void
rate (Fixture *f, int dimension, int index, int score)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_sustainability_rate (f->measure, f->criteria[dimension][index], score, FALSE,
                                           NULL, &error));
  g_assert_no_error (error);
}

static void
rate_not_relevant (Fixture *f, int dimension, int index)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
      werk_sustainability_rate (f->measure, f->criteria[dimension][index], 0, TRUE, NULL, &error));
  g_assert_no_error (error);
}

/* Rates all six criteria: ecological a, b; social c, d; economic e, g. */
static void
rate_all (Fixture *f, int a, int b, int c, int d, int e, int g)
{
  int scores[3][N_PER_DIMENSION] = { { a, b }, { c, d }, { e, g } };

  for (int dim = 0; dim < 3; dim++)
    for (int i = 0; i < N_PER_DIMENSION; i++)
      rate (f, dim, i, scores[dim][i]);
}

static WerkTrafficLight
light (Fixture *f)
{
  WerkSustainabilityResult result;

  werk_sustainability_evaluate (f->measure, &result);
  return result.light;
}

static void
set_retired (WerkCriterion *criterion, gboolean retired)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_record_set_bool (WERK_RECORD (criterion), "retired", retired, &error));
  g_assert_no_error (error);
}

/* The default catalogue ------------------------------------------------------------------- */

static void
count_by_dimension (WerkStore *store, guint counts[3])
{
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);

  memset (counts, 0, 3 * sizeof (guint));
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      WerkRecord *criterion = werk_test_item (criteria, i);

      counts[werk_record_get_int (criterion, "dimension")]++;
      g_assert_cmpstr (werk_record_get_label (criterion), !=, "");
      g_assert_cmpstr (werk_record_get_string (criterion, "question"), !=, "");
      g_assert_false (werk_record_get_bool (criterion, "retired"));
    }
}

static void
test_defaults_once (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  WerkStore *store = werk_test_store_new (dir, "defaults.werkstatt");
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  g_autoptr (GError) error = NULL;
  guint counts[3];

  g_assert_true (werk_sustainability_add_defaults (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 12);
  count_by_dimension (store, counts);
  g_assert_cmpuint (counts[WERK_DIMENSION_ECOLOGICAL], ==, 4);
  g_assert_cmpuint (counts[WERK_DIMENSION_SOCIAL], ==, 4);
  g_assert_cmpuint (counts[WERK_DIMENSION_ECONOMIC], ==, 4);

  /* A second time adds nothing: the process has its catalogue. */
  g_assert_true (werk_sustainability_add_defaults (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 12);

  werk_test_store_free (store);
  werk_test_rmtree (dir);
}

static void
test_defaults_own_catalogue (Fixture *f, gconstpointer data)
{
  GListModel *criteria = werk_store_get_list (f->store, WERK_KIND_CRITERION, NULL);
  g_autoptr (GError) error = NULL;

  for (int d = 0; d < 3; d++)
    for (int i = 0; i < N_PER_DIMENSION; i++)
      set_retired (f->criteria[d][i], TRUE);
  g_assert_true (werk_sustainability_add_defaults (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 3 * N_PER_DIMENSION);
}

/* Ratings --------------------------------------------------------------------------------- */

static void
test_rate (Fixture *f, gconstpointer data)
{
  GListModel *ratings = werk_store_get_list (f->store, WERK_KIND_RATING, NULL);
  WerkCriterion *criterion = f->criteria[WERK_DIMENSION_SOCIAL][0];
  g_autoptr (GError) error = NULL;
  WerkRecord *rating;

  g_assert_null (werk_sustainability_get_rating (f->measure, criterion));
  g_assert_true (werk_sustainability_rate (f->measure, criterion, 2, FALSE,
                                           "Buchung auch per Telefon.", &error));
  g_assert_no_error (error);
  rating = WERK_RECORD (werk_sustainability_get_rating (f->measure, criterion));
  g_assert_nonnull (rating);
  g_assert_cmpint (werk_record_get_int (rating, "score"), ==, 2);
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "Buchung auch per Telefon.");
  g_assert_true (werk_record_get_ref (rating, "measure") == WERK_RECORD (f->measure));
  g_assert_true (werk_record_get_ref (rating, "criterion") == WERK_RECORD (criterion));

  /* Rating again changes the one rating; no note given keeps the note. */
  g_assert_true (werk_sustainability_rate (f->measure, criterion, -1, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 1);
  g_assert_true (WERK_RECORD (werk_sustainability_get_rating (f->measure, criterion)) == rating);
  g_assert_cmpint (werk_record_get_int (rating, "score"), ==, -1);
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "Buchung auch per Telefon.");

  /* Outside −2…+2 is refused and changes nothing. */
  g_assert_false (werk_sustainability_rate (f->measure, criterion, 3, FALSE, "x", &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (werk_sustainability_rate (f->measure, criterion, -3, FALSE, "x", &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_assert_cmpint (werk_record_get_int (rating, "score"), ==, -1);
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "Buchung auch per Telefon.");
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 1);
}

static void
test_ratings_persist (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "check.werkstatt", NULL);
  WerkSustainabilityResult before, after;
  WerkRecord *measure;

  rate_all (f, 1, 2, 0, 1, -1, 2);
  rate_not_relevant (f, WERK_DIMENSION_SOCIAL, 1);
  werk_sustainability_evaluate (f->measure, &before);
  werk_test_store_free (f->store);
  f->store = werk_store_open (path, &error);
  g_assert_no_error (error);
  measure = werk_test_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);
  werk_sustainability_evaluate (WERK_MEASURE (measure), &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  WerkRating *rating;

  rate_all (f, 1, 1, 1, 1, 1, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_GREEN);
  rating = werk_sustainability_get_rating (f->measure, f->criteria[0][0]);
  g_assert_true (werk_store_delete (f->store, WERK_RECORD (rating), &undo, &error));
  g_assert_no_error (error);
  g_assert_null (werk_sustainability_get_rating (f->measure, f->criteria[0][0]));
  g_assert_cmpint (light (f), ==, WERK_LIGHT_UNFINISHED);
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (werk_sustainability_get_rating (f->measure, f->criteria[0][0]));
  g_assert_cmpint (light (f), ==, WERK_LIGHT_GREEN);
}

/* Not relevant and retired ---------------------------------------------------------------- */

static void
test_not_relevant (Fixture *f, gconstpointer data)
{
  WerkSustainabilityResult result;
  WerkRecord *rating;

  /* Ecological: −2 then "not relevant" on the same criterion: the −2 is gone. */
  rate_all (f, -2, 2, 1, 1, 1, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
  rate_not_relevant (f, WERK_DIMENSION_ECOLOGICAL, 0);
  rating = WERK_RECORD (werk_sustainability_get_rating (f->measure, f->criteria[0][0]));
  g_assert_true (werk_record_get_bool (rating, "not_relevant"));
  werk_sustainability_evaluate (f->measure, &result);
  g_assert_cmpuint (result.dimensions[0].n_rated, ==, 2);
  g_assert_cmpuint (result.dimensions[0].n_relevant, ==, 1);
  g_assert_cmpfloat (result.dimensions[0].mean, ==, 2.0);
  g_assert_cmpint (result.dimensions[0].min, ==, 2);
  g_assert_cmpuint (result.n_rated, ==, 6);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_GREEN);

  /* A dimension that is not relevant at all does not hold the light back. */
  rate_not_relevant (f, WERK_DIMENSION_ECOLOGICAL, 1);
  werk_sustainability_evaluate (f->measure, &result);
  g_assert_cmpuint (result.dimensions[0].n_relevant, ==, 0);
  g_assert_cmpfloat (result.dimensions[0].mean, ==, 0.0);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_GREEN);

  /* Rated with a score again, it counts again. */
  rate (f, WERK_DIMENSION_ECOLOGICAL, 1, -1);
  rating = WERK_RECORD (werk_sustainability_get_rating (f->measure, f->criteria[0][1]));
  g_assert_false (werk_record_get_bool (rating, "not_relevant"));
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
}

static void
test_retired (Fixture *f, gconstpointer data)
{
  WerkSustainabilityResult result;

  rate_all (f, 1, 1, 1, 1, 1, -2);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);

  /* Retired, the −2 stops counting: the rating stays, the criterion is out of the check. */
  set_retired (f->criteria[WERK_DIMENSION_ECONOMIC][1], TRUE);
  werk_sustainability_evaluate (f->measure, &result);
  g_assert_cmpuint (result.n_criteria, ==, 5);
  g_assert_cmpuint (result.n_rated, ==, 5);
  g_assert_cmpuint (result.dimensions[WERK_DIMENSION_ECONOMIC].n_criteria, ==, 1);
  g_assert_cmpint (result.dimensions[WERK_DIMENSION_ECONOMIC].min, ==, 1);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_GREEN);
  g_assert_nonnull (
      werk_sustainability_get_rating (f->measure, f->criteria[WERK_DIMENSION_ECONOMIC][1]));

  /* An unrated criterion, retired, no longer leaves the check unfinished. */
  set_retired (f->criteria[WERK_DIMENSION_ECONOMIC][1], FALSE);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
  add_ok (f->store, WERK_KIND_CRITERION, "dimension", "social", "title", "Neu");
  g_assert_cmpint (light (f), ==, WERK_LIGHT_UNFINISHED);
  {
    GListModel *criteria = werk_store_get_list (f->store, WERK_KIND_CRITERION, NULL);
    WerkRecord *added = werk_test_item (criteria, g_list_model_get_n_items (criteria) - 1);

    set_retired (WERK_CRITERION (added), TRUE);
  }
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
}

/* Summaries and the traffic light --------------------------------------------------------- */

static void
test_summaries (Fixture *f, gconstpointer data)
{
  WerkSustainabilityResult result;

  rate (f, WERK_DIMENSION_ECOLOGICAL, 0, 2);
  rate (f, WERK_DIMENSION_ECOLOGICAL, 1, -1);
  rate (f, WERK_DIMENSION_SOCIAL, 0, 1);
  werk_sustainability_evaluate (f->measure, &result);

  g_assert_cmpuint (result.n_criteria, ==, 6);
  g_assert_cmpuint (result.n_rated, ==, 3);
  for (int d = 0; d < 3; d++)
    {
      g_assert_cmpint (result.dimensions[d].dimension, ==, d);
      g_assert_cmpuint (result.dimensions[d].n_criteria, ==, N_PER_DIMENSION);
    }
  g_assert_cmpuint (result.dimensions[0].n_rated, ==, 2);
  g_assert_cmpuint (result.dimensions[0].n_relevant, ==, 2);
  g_assert_cmpfloat_with_epsilon (result.dimensions[0].mean, 0.5, 1e-9);
  g_assert_cmpint (result.dimensions[0].min, ==, -1);
  g_assert_cmpuint (result.dimensions[1].n_rated, ==, 1);
  g_assert_cmpfloat_with_epsilon (result.dimensions[1].mean, 1.0, 1e-9);
  g_assert_cmpint (result.dimensions[1].min, ==, 1);
  g_assert_cmpuint (result.dimensions[2].n_rated, ==, 0);
  g_assert_cmpfloat (result.dimensions[2].mean, ==, 0.0);
  g_assert_cmpint (result.dimensions[2].min, ==, 0);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_UNFINISHED);
}

static void
test_light_green (Fixture *f, gconstpointer data)
{
  rate_all (f, 1, 1, 2, 2, 1, 2);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_GREEN);
  /* The edge: a 0 is allowed, and a mean of exactly +0.5 is enough. */
  rate_all (f, 0, 1, 0, 1, 0, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_GREEN);
  g_assert_cmpstr (werk_traffic_light_label (WERK_LIGHT_GREEN), ==, "Green");
}

static void
test_light_yellow (Fixture *f, gconstpointer data)
{
  /* All neutral: nothing harmful, but no dimension reaches +0.5. */
  rate_all (f, 0, 0, 0, 0, 0, 0);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_YELLOW);
  /* A −1 with a good mean: not red, but not green either. */
  rate_all (f, -1, 2, 1, 1, 1, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_YELLOW);
  /* Two excellent dimensions do not make up for a neutral one. */
  rate_all (f, 2, 2, 0, 0, 1, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_YELLOW);
  g_assert_cmpstr (werk_traffic_light_label (WERK_LIGHT_YELLOW), ==, "Yellow");
}

static void
test_light_red_minus_two (Fixture *f, gconstpointer data)
{
  /* One −2 is red even where its dimension averages 0 and the rest is excellent. */
  rate_all (f, 2, 2, -2, 2, 2, 2);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
  g_assert_cmpstr (werk_traffic_light_label (WERK_LIGHT_RED), ==, "Red");
}

static void
test_light_red_mean (Fixture *f, gconstpointer data)
{
  /* No −2 anywhere, but economic averages −0.5. */
  rate_all (f, 2, 2, 2, 2, -1, 0);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
}

static void
test_light_unfinished (Fixture *f, gconstpointer data)
{
  WerkSustainabilityResult result;

  g_assert_cmpint (light (f), ==, WERK_LIGHT_UNFINISHED);
  /* Five of six rated, even with a −2 among them: no light until the check is complete. */
  rate_all (f, -2, 1, 1, 1, 1, 1);
  g_assert_cmpint (light (f), ==, WERK_LIGHT_RED);
  {
    g_autoptr (GError) error = NULL;
    WerkRating *rating = werk_sustainability_get_rating (f->measure, f->criteria[2][1]);

    g_assert_true (werk_store_delete (f->store, WERK_RECORD (rating), NULL, &error));
    g_assert_no_error (error);
  }
  werk_sustainability_evaluate (f->measure, &result);
  g_assert_cmpuint (result.n_rated, ==, 5);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_UNFINISHED);
  g_assert_cmpstr (werk_traffic_light_label (WERK_LIGHT_UNFINISHED), ==, "Unfinished");
}

static void
test_light_no_criteria (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  WerkStore *store = werk_test_store_new (dir, "empty.werkstatt");
  WerkRecord *measure = add_ok (store, WERK_KIND_MEASURE, "title", "Stadt-App", NULL, NULL);
  WerkSustainabilityResult result;

  /* Without a catalogue nothing has been checked: unfinished, never green. */
  werk_sustainability_evaluate (WERK_MEASURE (measure), &result);
  g_assert_cmpuint (result.n_criteria, ==, 0);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_UNFINISHED);
  werk_test_store_free (store);
  werk_test_rmtree (dir);
}

static void
test_rule (void)
{
  const char *rule = werk_sustainability_rule ();

  g_assert_nonnull (rule);
  g_assert_cmpuint (strlen (rule), >, 80);
  g_assert_nonnull (strstr (rule, "Green"));
  g_assert_nonnull (strstr (rule, "Red"));
  g_assert_nonnull (strstr (rule, "Yellow"));
  g_assert_nonnull (strstr (rule, "−2"));
  g_assert_nonnull (strstr (rule, "+0.5"));
  g_assert_nonnull (strstr (rule, "not relevant"));
  g_assert_nonnull (strstr (rule, "unfinished"));
}

/* The exchange ---------------------------------------------------------------------------- */

/* One line per rating, "measure criterion score not_relevant note", in the file's order. */
static char *
describe_ratings (WerkStore *store)
{
  GListModel *ratings = werk_store_get_list (store, WERK_KIND_RATING, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      WerkRecord *r = werk_test_item (ratings, i);

      g_string_append_printf (
          text, "%s %s %d %d %s\n", werk_record_get_string (r, "measure"),
          werk_record_get_string (r, "criterion"), (int) werk_record_get_int (r, "score"),
          werk_record_get_bool (r, "not_relevant"), werk_record_get_string (r, "note"));
    }
  return g_string_free (text, FALSE);
}

/* Each measure's light, dimension means and progress. */
static char *
describe_results (WerkStore *store)
{
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      WerkRecord *m = werk_test_item (measures, i);
      WerkSustainabilityResult r;

      werk_sustainability_evaluate (WERK_MEASURE (m), &r);
      g_string_append_printf (text, "%s %d %u/%u %.3f %.3f %.3f\n", werk_record_get_id (m), r.light,
                              r.n_rated, r.n_criteria, r.dimensions[0].mean, r.dimensions[1].mean,
                              r.dimensions[2].mean);
    }
  return g_string_free (text, FALSE);
}

static void
test_demo_round_trip (void)
{
  g_autofree char *dir = werk_test_make_dir ();
  g_autofree char *demo_path = g_build_filename (dir, "demo.werkstatt", NULL);
  g_autofree char *json_path = g_build_filename (dir, "demo.json", NULL);
  g_autofree char *back_path = g_build_filename (dir, "back.werkstatt", NULL);
  g_autoptr (GError) error = NULL;
  WerkStore *demo, *back;
  g_autofree char *ratings = NULL, *ratings_back = NULL;
  g_autofree char *results = NULL, *results_back = NULL;
  GListModel *criteria;

  demo = werk_demo_create (demo_path, &error);
  g_assert_no_error (error);
  criteria = werk_store_get_list (demo, WERK_KIND_CRITERION, NULL);
  /* The demo has a catalogue and rated measures; add what it lacks: a "not relevant", a
   * retired criterion. */
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (werk_store_get_list (demo, WERK_KIND_RATING, NULL)),
                    >=, 40);
  {
    WerkRecord *m = werk_test_item (werk_store_get_list (demo, WERK_KIND_MEASURE, NULL), 0);

    g_assert_true (werk_sustainability_rate (WERK_MEASURE (m),
                                             WERK_CRITERION (werk_test_item (criteria, 3)), 0, TRUE,
                                             "Keine Flächen betroffen.", &error));
    g_assert_no_error (error);
  }
  set_retired (WERK_CRITERION (werk_test_item (criteria, 11)), TRUE);
  ratings = describe_ratings (demo);
  results = describe_results (demo);

  g_assert_true (werk_json_export_file (demo, json_path, FALSE, &error));
  g_assert_no_error (error);
  back = werk_json_import_file (json_path, back_path, &error);
  g_assert_no_error (error);
  ratings_back = describe_ratings (back);
  results_back = describe_results (back);
  g_assert_cmpstr (ratings_back, ==, ratings);
  g_assert_cmpstr (results_back, ==, results);
  g_assert_true (werk_record_get_bool (
      werk_test_item (werk_store_get_list (back, WERK_KIND_CRITERION, NULL), 11), "retired"));

  werk_test_store_free (demo);
  werk_test_store_free (back);
  werk_test_rmtree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/sustainability/defaults/once", test_defaults_once);
  ADD ("/sustainability/defaults/own-catalogue", test_defaults_own_catalogue);
  ADD ("/sustainability/rate", test_rate);
  ADD ("/sustainability/rate/persist", test_ratings_persist);
  ADD ("/sustainability/rate/delete-undo", test_delete_and_undo);
  ADD ("/sustainability/not-relevant", test_not_relevant);
  ADD ("/sustainability/retired", test_retired);
  ADD ("/sustainability/summaries", test_summaries);
  ADD ("/sustainability/light/green", test_light_green);
  ADD ("/sustainability/light/yellow", test_light_yellow);
  ADD ("/sustainability/light/red-minus-two", test_light_red_minus_two);
  ADD ("/sustainability/light/red-mean", test_light_red_mean);
  ADD ("/sustainability/light/unfinished", test_light_unfinished);
  g_test_add_func ("/sustainability/light/no-criteria", test_light_no_criteria);
  g_test_add_func ("/sustainability/rule", test_rule);
  g_test_add_func ("/sustainability/exchange/demo-round-trip", test_demo_round_trip);
#undef ADD
  return g_test_run ();
}
