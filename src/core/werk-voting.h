/* werk-voting.h: dot-voting rules: budgets, tallies and ballots combined, ranking, blind rounds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-store.h"

G_BEGIN_DECLS

typedef struct
{
  WerkRecord *item; /* the measure, challenge or field */
  guint dots;       /* tally plus ballots */
  guint rank;       /* 1-based; equal totals share a rank */
  gboolean tie;     /* shares its rank with another item that has dots */
} WerkRankedItem;

/* TRUE while a blind round is not revealed: no totals may be shown anywhere. */
gboolean werk_voting_round_is_hidden (WerkVotingRound *round);
/* The round's items ranked as EXCHANGE.md says, as a GArray of WerkRankedItem;
 * NULL while the round is hidden. */
GArray *werk_voting_round_rank (WerkVotingRound *round);
/* An item's total (tally plus ballots), regardless of blindness: for the facilitator's entry. */
guint werk_voting_round_get_total (WerkVotingRound *round, WerkRecord *item);

/* Sets the paper dots counted on an item (0 keeps it on the board with no dots). */
gboolean werk_voting_set_tally (WerkVotingRound *round, WerkRecord *item, guint dots,
                                GError **error);
/* Sets how many dots a participant gives an item, within the round's budget and maximum. */
gboolean werk_voting_set_ballot (WerkVotingRound *round, WerkParticipant *participant,
                                 WerkRecord *item, guint dots, GError **error);
/* Dots a participant has left to give in this round (G_MAXUINT without a budget). */
guint werk_voting_remaining (WerkVotingRound *round, WerkParticipant *participant);
/* Sets the top @n ranked measures of a revealed or closed round to "prioritised". */
gboolean werk_voting_take_forward (WerkVotingRound *round, guint n, WerkUndo **undo,
                                   GError **error);

G_END_DECLS
