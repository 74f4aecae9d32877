/* werk-records.h: the record types (one per kind) and the few operations beyond fields.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-record.h"

G_BEGIN_DECLS

#define WERK_TYPE_PROCESS (werk_process_get_type ())
G_DECLARE_FINAL_TYPE (WerkProcess, werk_process, WERK, PROCESS, WerkRecord)
#define WERK_TYPE_FIELD (werk_field_get_type ())
G_DECLARE_FINAL_TYPE (WerkField, werk_field, WERK, FIELD, WerkRecord)
#define WERK_TYPE_GOAL (werk_goal_get_type ())
G_DECLARE_FINAL_TYPE (WerkGoal, werk_goal, WERK, GOAL, WerkRecord)
#define WERK_TYPE_CHALLENGE (werk_challenge_get_type ())
G_DECLARE_FINAL_TYPE (WerkChallenge, werk_challenge, WERK, CHALLENGE, WerkRecord)
#define WERK_TYPE_MEASURE (werk_measure_get_type ())
G_DECLARE_FINAL_TYPE (WerkMeasure, werk_measure, WERK, MEASURE, WerkRecord)
#define WERK_TYPE_CRITERION (werk_criterion_get_type ())
G_DECLARE_FINAL_TYPE (WerkCriterion, werk_criterion, WERK, CRITERION, WerkRecord)
#define WERK_TYPE_RATING (werk_rating_get_type ())
G_DECLARE_FINAL_TYPE (WerkRating, werk_rating, WERK, RATING, WerkRecord)
#define WERK_TYPE_WORKSHOP (werk_workshop_get_type ())
G_DECLARE_FINAL_TYPE (WerkWorkshop, werk_workshop, WERK, WORKSHOP, WerkRecord)
#define WERK_TYPE_PARTICIPANT (werk_participant_get_type ())
G_DECLARE_FINAL_TYPE (WerkParticipant, werk_participant, WERK, PARTICIPANT, WerkRecord)
#define WERK_TYPE_AGENDA_ITEM (werk_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (WerkAgendaItem, werk_agenda_item, WERK, AGENDA_ITEM, WerkRecord)
#define WERK_TYPE_TABLE (werk_table_get_type ())
G_DECLARE_FINAL_TYPE (WerkTable, werk_table, WERK, TABLE, WerkRecord)
#define WERK_TYPE_VOTING_ROUND (werk_voting_round_get_type ())
G_DECLARE_FINAL_TYPE (WerkVotingRound, werk_voting_round, WERK, VOTING_ROUND, WerkRecord)
#define WERK_TYPE_TALLY (werk_tally_get_type ())
G_DECLARE_FINAL_TYPE (WerkTally, werk_tally, WERK, TALLY, WerkRecord)
#define WERK_TYPE_BALLOT (werk_ballot_get_type ())
G_DECLARE_FINAL_TYPE (WerkBallot, werk_ballot, WERK, BALLOT, WerkRecord)
#define WERK_TYPE_PHOTO (werk_photo_get_type ())
G_DECLARE_FINAL_TYPE (WerkPhoto, werk_photo, WERK, PHOTO, WerkRecord)

/* The GType of a kind's records. */
GType werk_kind_get_record_type (WerkKind kind);
/* The translated singular name of a kind ("Maßnahme"). */
const char *werk_kind_get_label (WerkKind kind);

/* Stakeholder-group counts of a workshop (its "groups" object). */
guint werk_workshop_get_group_count (WerkWorkshop *self, WerkGroup group);
gboolean werk_workshop_set_group_count (WerkWorkshop *self, WerkGroup group, guint count,
                                        GError **error);

G_END_DECLS
