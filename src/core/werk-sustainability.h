/* werk-sustainability.h: the sustainability check: criteria catalogue, ratings, traffic light.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-store.h"

G_BEGIN_DECLS

typedef enum
{
  WERK_LIGHT_UNFINISHED, /* a criterion in use is not rated yet: no light */
  WERK_LIGHT_GREEN,
  WERK_LIGHT_YELLOW,
  WERK_LIGHT_RED,
} WerkTrafficLight;

typedef struct
{
  WerkDimension dimension;
  guint n_criteria; /* criteria in use (not retired) of this dimension */
  guint n_rated;    /* rated, including "not relevant" */
  guint n_relevant; /* rated with a score */
  double mean;      /* mean score of the relevant ratings; 0 without any */
  int min;          /* lowest score given; 0 without any */
} WerkDimensionSummary;

typedef struct
{
  WerkDimensionSummary dimensions[3]; /* by WerkDimension */
  guint n_criteria;
  guint n_rated;
  WerkTrafficLight light;
} WerkSustainabilityResult;

/* Adds the default catalogue of criteria (ecological, social, economic) to a process that has
 * none; does nothing if it has criteria already. */
gboolean werk_sustainability_add_defaults (WerkStore *store, GError **error);

/* The rating of @measure on @criterion, or NULL while unrated. */
WerkRating *werk_sustainability_get_rating (WerkMeasure *measure, WerkCriterion *criterion);
/* Rates @measure on @criterion: @score −2…+2, or @not_relevant; @note may be NULL. */
gboolean werk_sustainability_rate (WerkMeasure *measure, WerkCriterion *criterion, int score,
                                   gboolean not_relevant, const char *note, GError **error);

/* The summaries per dimension and the overall traffic light of a measure's check. */
void werk_sustainability_evaluate (WerkMeasure *measure, WerkSustainabilityResult *result);
/* The rule behind the traffic light, in a sentence or two for the app and the reports. */
const char *werk_sustainability_rule (void);
/* "Green", "Yellow", "Red", "Unfinished", translated. */
const char *werk_traffic_light_label (WerkTrafficLight light);

G_END_DECLS
