/* werk-sustainability.c: the sustainability check: default catalogue, ratings, traffic light.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "werk-private.h"
#include "werk-sustainability.h"

typedef struct
{
  WerkDimension dimension;
  const char *title;
  const char *question;
} DefaultCriterion;

static const DefaultCriterion defaults[] = {
  { WERK_DIMENSION_ECOLOGICAL, N_ ("Energy and resources"),
    N_ ("Does the project save energy and materials over its whole life, servers and networks "
        "included?") },
  { WERK_DIMENSION_ECOLOGICAL, N_ ("Emissions"),
    N_ ("Does it cut greenhouse gases and other emissions, for example by saving trips?") },
  { WERK_DIMENSION_ECOLOGICAL, N_ ("E-waste and device lifetime"),
    N_ ("Are devices used for long, repaired, reused and properly recycled?") },
  { WERK_DIMENSION_ECOLOGICAL, N_ ("Land and biodiversity"),
    N_ ("Does it spare land, soil and habitats, or help to protect them?") },
  { WERK_DIMENSION_SOCIAL, N_ ("Participation and accessibility"),
    N_ ("Can every group use it and take part — older people, people with disabilities, "
        "people without a smartphone?") },
  { WERK_DIMENSION_SOCIAL, N_ ("Data protection and self-determination"),
    N_ ("Do people keep control of their data, and is no more collected than needed?") },
  { WERK_DIMENSION_SOCIAL, N_ ("Digital skills"),
    N_ ("Does it help people gain the skills to use digital services with confidence?") },
  { WERK_DIMENSION_SOCIAL, N_ ("Health and safety"),
    N_ ("Does it protect or improve health and safety without creating new risks?") },
  { WERK_DIMENSION_ECONOMIC, N_ ("Follow-up costs"),
    N_ ("Can the town carry the running costs once the funding has ended?") },
  { WERK_DIMENSION_ECONOMIC, N_ ("Regional value creation"),
    N_ ("Does it strengthen local businesses, jobs and the regional economy?") },
  { WERK_DIMENSION_ECONOMIC, N_ ("Open standards, no lock-in"),
    N_ ("Does it rely on open standards, interfaces and data, so that the town can change "
        "its provider?") },
  { WERK_DIMENSION_ECONOMIC, N_ ("Reuse by other towns"),
    N_ ("Can other towns reuse the solution, for example as open source?") },
};

static gboolean
add_defaults_func (WerkStore *store, gpointer data, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (!werk_store_add (store, WERK_KIND_CRITERION, NULL, error, "dimension",
                         werk_enum_nick (WERK_TYPE_DIMENSION, defaults[i].dimension), "title",
                         _ (defaults[i].title), "question", _ (defaults[i].question), NULL))
      return FALSE;
  return TRUE;
}

gboolean
werk_sustainability_add_defaults (WerkStore *store, GError **error)
{
  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);

  if (g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_CRITERION, NULL)) > 0)
    return TRUE;
  return werk_store_run (store, add_defaults_func, NULL, NULL, error);
}

/* Ratings by measure, rebuilt after the ratings list changes: a matrix of 2,000 measures
 * must not scan all ratings per cell. */
#define INDEX_KEY "werk-sustainability-index"

static void
drop_index_cb (GListModel *list, guint position, guint removed, guint added, WerkStore *store)
{
  g_object_set_data (G_OBJECT (store), INDEX_KEY, NULL);
}

static GHashTable *
ratings_index (WerkStore *store)
{
  GListModel *ratings = werk_store_get_list (store, WERK_KIND_RATING, NULL);
  GHashTable *index = g_object_get_data (G_OBJECT (store), INDEX_KEY);

  if (index)
    return index;
  index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr (WerkRecord) rating = g_list_model_get_item (ratings, i);
      WerkRecord *measure = werk_record_get_ref (rating, "measure");
      GPtrArray *list = g_hash_table_lookup (index, measure);

      if (list == NULL)
        g_hash_table_insert (index, measure, list = g_ptr_array_new ());
      g_ptr_array_add (list, rating);
    }
  g_object_set_data_full (G_OBJECT (store), INDEX_KEY, index, (GDestroyNotify) g_hash_table_unref);
  if (!g_object_get_data (G_OBJECT (store), INDEX_KEY "-watched"))
    {
      g_signal_connect_object (ratings, "items-changed", G_CALLBACK (drop_index_cb), store, 0);
      g_object_set_data (G_OBJECT (store), INDEX_KEY "-watched", GINT_TO_POINTER (1));
    }
  return index;
}

WerkRating *
werk_sustainability_get_rating (WerkMeasure *measure, WerkCriterion *criterion)
{
  WerkStore *store;
  GPtrArray *ratings;

  g_return_val_if_fail (WERK_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (WERK_IS_CRITERION (criterion), NULL);

  store = werk_record_get_store (WERK_RECORD (measure));
  ratings = g_hash_table_lookup (ratings_index (store), measure);
  for (guint i = 0; ratings && i < ratings->len; i++)
    if (werk_record_get_ref (ratings->pdata[i], "criterion") == WERK_RECORD (criterion))
      return ratings->pdata[i];
  return NULL;
}

typedef struct
{
  WerkMeasure *measure;
  WerkCriterion *criterion;
  int score;
  gboolean not_relevant;
  const char *note;
} Rate;

static gboolean
rate_func (WerkStore *store, gpointer data, GError **error)
{
  Rate *r = data;
  WerkRecord *rating = WERK_RECORD (werk_sustainability_get_rating (r->measure, r->criterion));
  g_autofree char *score = g_strdup_printf ("%d", r->not_relevant ? 0 : r->score);

  if (rating == NULL)
    return werk_store_add (store, WERK_KIND_RATING, NULL, error, "measure",
                           werk_record_get_id (WERK_RECORD (r->measure)), "criterion",
                           werk_record_get_id (WERK_RECORD (r->criterion)), "score", score,
                           "not_relevant", r->not_relevant ? "true" : "false", "note",
                           r->note ? r->note : "", NULL) != NULL;
  return werk_record_set_int (rating, "score", r->not_relevant ? 0 : r->score, error) &&
         werk_record_set_bool (rating, "not_relevant", r->not_relevant, error) &&
         (r->note == NULL || werk_record_set_string (rating, "note", r->note, error));
}

gboolean
werk_sustainability_rate (WerkMeasure *measure, WerkCriterion *criterion, int score,
                          gboolean not_relevant, const char *note, GError **error)
{
  Rate r = { measure, criterion, score, not_relevant, note };

  g_return_val_if_fail (WERK_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (WERK_IS_CRITERION (criterion), FALSE);

  if (score < -2 || score > 2)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                           _ ("A rating goes from −2 to +2."));
      return FALSE;
    }
  return werk_store_run (werk_record_get_store (WERK_RECORD (measure)), rate_func, &r, NULL, error);
}

static void
count_rating (WerkDimensionSummary *d, WerkRecord *rating, double *sum)
{
  int score = werk_record_get_int (rating, "score");

  d->n_rated++;
  if (werk_record_get_bool (rating, "not_relevant"))
    return;
  d->min = d->n_relevant == 0 ? score : MIN (d->min, score);
  d->n_relevant++;
  *sum += score;
}

static WerkTrafficLight
light_for (const WerkSustainabilityResult *result)
{
  gboolean red = FALSE, green = TRUE;

  if (result->n_rated < result->n_criteria || result->n_criteria == 0)
    return WERK_LIGHT_UNFINISHED;
  for (guint d = 0; d < G_N_ELEMENTS (result->dimensions); d++)
    {
      const WerkDimensionSummary *s = &result->dimensions[d];
      if (s->n_relevant == 0)
        continue;
      red |= s->min <= -2 || s->mean < 0;
      green &= s->min >= 0 && s->mean >= 0.5;
    }
  return red ? WERK_LIGHT_RED : green ? WERK_LIGHT_GREEN : WERK_LIGHT_YELLOW;
}

void
werk_sustainability_evaluate (WerkMeasure *measure, WerkSustainabilityResult *result)
{
  WerkStore *store;
  GListModel *criteria;
  double sums[3] = { 0 };

  g_return_if_fail (WERK_IS_MEASURE (measure));
  g_return_if_fail (result != NULL);

  memset (result, 0, sizeof *result);
  store = werk_record_get_store (WERK_RECORD (measure));
  criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  for (guint d = 0; d < 3; d++)
    result->dimensions[d].dimension = d;
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (WerkRecord) criterion = g_list_model_get_item (criteria, i);
      WerkDimensionSummary *d;
      WerkRating *rating;

      if (werk_record_get_bool (criterion, "retired"))
        continue;
      d = &result->dimensions[werk_record_get_int (criterion, "dimension")];
      d->n_criteria++;
      result->n_criteria++;
      rating = werk_sustainability_get_rating (measure, WERK_CRITERION (criterion));
      if (rating == NULL)
        continue;
      count_rating (d, WERK_RECORD (rating), &sums[d->dimension]);
      result->n_rated++;
    }
  for (guint d = 0; d < 3; d++)
    if (result->dimensions[d].n_relevant > 0)
      result->dimensions[d].mean = sums[d] / result->dimensions[d].n_relevant;
  result->light = light_for (result);
}

const char *
werk_sustainability_rule (void)
{
  return _ ("Green: no criterion is rated below 0 and each dimension averages at least +0.5. "
            "Red: a criterion is rated −2 or a dimension averages below 0. Yellow: everything in "
            "between. Criteria marked “not relevant” do not count; while a criterion is still "
            "unrated the check is unfinished and has no light.");
}

const char *
werk_traffic_light_label (WerkTrafficLight light)
{
  switch (light)
    {
      case WERK_LIGHT_GREEN:
        return _ ("Green");
      case WERK_LIGHT_YELLOW:
        return _ ("Yellow");
      case WERK_LIGHT_RED:
        return _ ("Red");
      default:
        return _ ("Unfinished");
    }
}
