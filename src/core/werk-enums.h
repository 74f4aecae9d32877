/* werk-enums.h: the enumerations of the Werkstatt domain, with their exchange-format nicks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of record a .werkstatt file holds; each has a table and an exchange key. */
typedef enum
{
  WERK_KIND_PROCESS,      /*< nick=process >*/
  WERK_KIND_FIELD,        /*< nick=fields >*/
  WERK_KIND_GOAL,         /*< nick=goals >*/
  WERK_KIND_CHALLENGE,    /*< nick=challenges >*/
  WERK_KIND_MEASURE,      /*< nick=measures >*/
  WERK_KIND_CRITERION,    /*< nick=criteria >*/
  WERK_KIND_RATING,       /*< nick=ratings >*/
  WERK_KIND_WORKSHOP,     /*< nick=workshops >*/
  WERK_KIND_PARTICIPANT,  /*< nick=participants >*/
  WERK_KIND_AGENDA_ITEM,  /*< nick=agenda >*/
  WERK_KIND_TABLE,        /*< nick=tables >*/
  WERK_KIND_VOTING_ROUND, /*< nick=voting_rounds >*/
  WERK_KIND_TALLY,        /*< nick=tallies >*/
  WERK_KIND_BALLOT,       /*< nick=ballots >*/
  WERK_KIND_PHOTO,        /*< nick=photos >*/
  WERK_N_KINDS            /*< skip >*/
} WerkKind;

typedef enum
{
  WERK_FORMAT_STRATEGY_STARTER,    /*< nick=strategy_starter >*/
  WERK_FORMAT_STRATEGY_CONCEPTION, /*< nick=strategy_conception >*/
  WERK_FORMAT_WORKSHOP_TALK,       /*< nick=workshop_talk >*/
  WERK_FORMAT_TOPIC_MARKETPLACE,   /*< nick=topic_marketplace >*/
  WERK_FORMAT_CUSTOM,              /*< nick=custom >*/
} WerkWorkshopFormat;

typedef enum
{
  WERK_GROUP_ADMINISTRATION, /*< nick=administration >*/
  WERK_GROUP_POLITICS,       /*< nick=politics >*/
  WERK_GROUP_BUSINESS,       /*< nick=business >*/
  WERK_GROUP_EDUCATION,      /*< nick=education >*/
  WERK_GROUP_SCIENCE,        /*< nick=science >*/
  WERK_GROUP_MEDIA,          /*< nick=media >*/
  WERK_GROUP_CIVIL_SOCIETY,  /*< nick=civil_society >*/
  WERK_GROUP_OTHER,          /*< nick=other >*/
} WerkGroup;

#define WERK_N_GROUPS (WERK_GROUP_OTHER + 1)

typedef enum
{
  WERK_AGENDA_IMPULSE,    /*< nick=impulse >*/
  WERK_AGENDA_COLLECT,    /*< nick=collect >*/
  WERK_AGENDA_CLUSTER,    /*< nick=cluster >*/
  WERK_AGENDA_GOALS,      /*< nick=goals >*/
  WERK_AGENDA_MEASURES,   /*< nick=measures >*/
  WERK_AGENDA_VOTING,     /*< nick=voting >*/
  WERK_AGENDA_BREAK,      /*< nick=break >*/
  WERK_AGENDA_NEXT_STEPS, /*< nick=next_steps >*/
  WERK_AGENDA_OTHER,      /*< nick=other >*/
} WerkAgendaKind;

typedef enum
{
  WERK_GOAL_CORE,    /*< nick=core >*/
  WERK_GOAL_GUIDING, /*< nick=guiding >*/
} WerkGoalLevel;

typedef enum
{
  WERK_STATUS_IDEA,        /*< nick=idea >*/
  WERK_STATUS_PRIORITISED, /*< nick=prioritised >*/
  WERK_STATUS_PLANNED,     /*< nick=planned >*/
  WERK_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  WERK_STATUS_DONE,        /*< nick=done >*/
  WERK_STATUS_DROPPED,     /*< nick=dropped >*/
} WerkMeasureStatus;

typedef enum
{
  WERK_DIMENSION_ECOLOGICAL, /*< nick=ecological >*/
  WERK_DIMENSION_SOCIAL,     /*< nick=social >*/
  WERK_DIMENSION_ECONOMIC,   /*< nick=economic >*/
} WerkDimension;

typedef enum
{
  WERK_VOTE_ON_MEASURES,   /*< nick=measures >*/
  WERK_VOTE_ON_CHALLENGES, /*< nick=challenges >*/
  WERK_VOTE_ON_FIELDS,     /*< nick=fields >*/
} WerkVoteOn;

typedef enum
{
  WERK_ROUND_OPEN,     /*< nick=open >*/
  WERK_ROUND_CLOSED,   /*< nick=closed >*/
  WERK_ROUND_REVEALED, /*< nick=revealed >*/
} WerkRoundState;

/* The translated name of an enum value, for people ("Strategiestarter", "in Umsetzung"). */
const char *werk_enum_label (GType enum_type, int value);
/* The exchange-format nick of an enum value ("in_progress"). */
const char *werk_enum_nick (GType enum_type, int value);
/* Looks a nick up; FALSE if it is not one of the type's nicks. */
gboolean werk_enum_from_nick (GType enum_type, const char *nick, int *value);

G_END_DECLS
