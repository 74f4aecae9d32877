/* werk-records.c: one record type per kind; their fields come from the kinds' tables.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-private.h"

#define WERK_DEFINE_RECORD(TypeName, type_name, KIND)                 \
  struct _##TypeName                                                  \
  {                                                                   \
    WerkRecord parent_instance;                                       \
  };                                                                  \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, WERK_TYPE_RECORD)         \
  static void type_name##_class_init (TypeName##Class *klass)         \
  {                                                                   \
    _werk_record_class_install_fields (G_OBJECT_CLASS (klass), KIND); \
  }                                                                   \
  static void type_name##_init (TypeName *self)                       \
  {                                                                   \
  }

WERK_DEFINE_RECORD (WerkProcess, werk_process, WERK_KIND_PROCESS)
WERK_DEFINE_RECORD (WerkField, werk_field, WERK_KIND_FIELD)
WERK_DEFINE_RECORD (WerkGoal, werk_goal, WERK_KIND_GOAL)
WERK_DEFINE_RECORD (WerkChallenge, werk_challenge, WERK_KIND_CHALLENGE)
WERK_DEFINE_RECORD (WerkMeasure, werk_measure, WERK_KIND_MEASURE)
WERK_DEFINE_RECORD (WerkCriterion, werk_criterion, WERK_KIND_CRITERION)
WERK_DEFINE_RECORD (WerkRating, werk_rating, WERK_KIND_RATING)
WERK_DEFINE_RECORD (WerkWorkshop, werk_workshop, WERK_KIND_WORKSHOP)
WERK_DEFINE_RECORD (WerkParticipant, werk_participant, WERK_KIND_PARTICIPANT)
WERK_DEFINE_RECORD (WerkAgendaItem, werk_agenda_item, WERK_KIND_AGENDA_ITEM)
WERK_DEFINE_RECORD (WerkTable, werk_table, WERK_KIND_TABLE)
WERK_DEFINE_RECORD (WerkVotingRound, werk_voting_round, WERK_KIND_VOTING_ROUND)
WERK_DEFINE_RECORD (WerkTally, werk_tally, WERK_KIND_TALLY)
WERK_DEFINE_RECORD (WerkBallot, werk_ballot, WERK_KIND_BALLOT)
WERK_DEFINE_RECORD (WerkPhoto, werk_photo, WERK_KIND_PHOTO)

GType
werk_kind_get_record_type (WerkKind kind)
{
  switch (kind)
    {
      case WERK_KIND_PROCESS:
        return WERK_TYPE_PROCESS;
      case WERK_KIND_FIELD:
        return WERK_TYPE_FIELD;
      case WERK_KIND_GOAL:
        return WERK_TYPE_GOAL;
      case WERK_KIND_CHALLENGE:
        return WERK_TYPE_CHALLENGE;
      case WERK_KIND_MEASURE:
        return WERK_TYPE_MEASURE;
      case WERK_KIND_CRITERION:
        return WERK_TYPE_CRITERION;
      case WERK_KIND_RATING:
        return WERK_TYPE_RATING;
      case WERK_KIND_WORKSHOP:
        return WERK_TYPE_WORKSHOP;
      case WERK_KIND_PARTICIPANT:
        return WERK_TYPE_PARTICIPANT;
      case WERK_KIND_AGENDA_ITEM:
        return WERK_TYPE_AGENDA_ITEM;
      case WERK_KIND_TABLE:
        return WERK_TYPE_TABLE;
      case WERK_KIND_VOTING_ROUND:
        return WERK_TYPE_VOTING_ROUND;
      case WERK_KIND_TALLY:
        return WERK_TYPE_TALLY;
      case WERK_KIND_BALLOT:
        return WERK_TYPE_BALLOT;
      case WERK_KIND_PHOTO:
        return WERK_TYPE_PHOTO;
      default:
        g_return_val_if_reached (G_TYPE_INVALID);
    }
}

const char *
werk_kind_get_label (WerkKind kind)
{
  return werk_enum_label (WERK_TYPE_KIND, kind);
}

guint
werk_workshop_get_group_count (WerkWorkshop *self, WerkGroup group)
{
  const char *groups;
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (WERK_IS_WORKSHOP (self), 0);
  groups = werk_record_get_string (WERK_RECORD (self), "groups");
  node = json_from_string (groups, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (node),
                                                  werk_enum_nick (WERK_TYPE_GROUP, group), 0);
}

gboolean
werk_workshop_set_group_count (WerkWorkshop *self, WerkGroup group, guint count, GError **error)
{
  const char *groups;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (WERK_IS_WORKSHOP (self), FALSE);
  groups = werk_record_get_string (WERK_RECORD (self), "groups");
  node = json_from_string (groups, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  json_object_set_int_member (json_node_get_object (node), werk_enum_nick (WERK_TYPE_GROUP, group),
                              count);
  text = json_to_string (node, FALSE);
  return werk_record_set_string (WERK_RECORD (self), "groups", text, error);
}
