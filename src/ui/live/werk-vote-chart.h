/* werk-vote-chart.h: a voting round's ranking as horizontal bars, ties marked; empty while hidden.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_VOTE_CHART (werk_vote_chart_get_type ())
G_DECLARE_FINAL_TYPE (WerkVoteChart, werk_vote_chart, WERK, VOTE_CHART, GtkWidget)

GtkWidget *werk_vote_chart_new (void);
WerkVotingRound *werk_vote_chart_get_round (WerkVoteChart *self);
void werk_vote_chart_set_round (WerkVoteChart *self, WerkVotingRound *round);
/* How many of the top items are highlighted as taken forward (0 for none). */
void werk_vote_chart_set_highlight (WerkVoteChart *self, guint top);
/* The ranking as text, one line per item ("1. Stadt-App: 21 dots"); "" while the round is
 * hidden. Screen readers get the same as the chart's description. */
char *werk_vote_chart_dup_summary (WerkVoteChart *self);

G_END_DECLS
