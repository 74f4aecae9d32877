/* werk-live-voting-page.h: dot-voting rounds: settings, paper tallies and ballots, the results.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_VOTING_PAGE (werk_live_voting_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveVotingPage, werk_live_voting_page, WERK, LIVE_VOTING_PAGE, GtkWidget)

/*
 * Actions (also what the buttons and keys use):
 *   vote.new-round (s: "measures", "challenges" or "fields")  a round with every item of this
 *                                                           workshop on the board
 *   vote.select-round (s: round id)
 *   vote.set-tally ((si): item id, dots)      vote.step-tally ((si): item id, ±dots)
 *   vote.add-participant (s: name)            vote.select-participant (s: participant id)
 *   vote.set-ballot ((si): item id, dots)     vote.step-ballot ((si): item id, ±dots)
 *   vote.close  vote.reopen  vote.reveal      vote.take-forward (u: how many)
 */

/* The round on show (the presenter shows the same), or NULL. */
WerkVotingRound *werk_live_voting_page_get_round (WerkLiveVotingPage *self);
/* The participant whose ballot is being entered, or NULL. */
WerkParticipant *werk_live_voting_page_get_participant (WerkLiveVotingPage *self);

G_END_DECLS
