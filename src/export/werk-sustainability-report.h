/* werk-sustainability-report.h: the sustainability check as a PDF for the council, and its looks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

/* Writes the check of every measure of @store to @path (a .pdf in an existing folder), whole or
 * not at all: title page, the rule, the catalogue, the matrix of measures × dimensions with
 * their traffic lights, then each measure's ratings and notes by dimension. */
gboolean werk_sustainability_report_export (WerkStore *store, const char *path, GError **error);

/* What the app and the report show alike. */

/* The colour of one dimension by the thresholds of werk_sustainability_rule(): red for a −2 or a
 * mean below 0, green for no score below 0 and a mean of at least +0.5, yellow in between;
 * WERK_LIGHT_UNFINISHED (no colour) while it has no relevant rating. */
WerkTrafficLight werk_sustainability_dimension_light (const WerkDimensionSummary *summary);
/* The colour of a single score: +1/+2 green, 0 none, −1 yellow, −2 red. */
WerkTrafficLight werk_sustainability_score_light (int score);
/* "+0,8", "−1", "0": in the locale's numbers, with a true minus sign; @decimals 0 or 1. */
char *werk_sustainability_format_score (double score, guint decimals);
/* A dimension in a few words: "Ø +0,8 · lowest −1", "not relevant", "not rated yet", and how far
 * its rating got while unfinished ("2 of 4 rated"). */
char *werk_sustainability_describe_dimension (const WerkDimensionSummary *summary);
/* A light's cell colour in print ("#cdeccf"), or NULL for none. */
const char *werk_sustainability_light_fill (WerkTrafficLight light);

G_END_DECLS
