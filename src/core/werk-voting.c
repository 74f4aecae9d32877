/* werk-voting.c: dot-voting: tallies and ballots combined, budgets, ranking, blind rounds.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-private.h"

gboolean
werk_voting_round_is_hidden (WerkVotingRound *round)
{
  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), TRUE);
  return werk_record_get_bool (WERK_RECORD (round), "blind") &&
         werk_record_get_int (WERK_RECORD (round), "state") != WERK_ROUND_REVEALED;
}

static GListModel *
votes (WerkVotingRound *round, WerkKind kind)
{
  WerkRecord *r = WERK_RECORD (round);
  return werk_store_get_list (werk_record_get_store (r), kind, r);
}

/* The items on the board (with a tally or a ballot) and their totals. */
static GPtrArray *
board (WerkVotingRound *round, GHashTable *totals)
{
  GPtrArray *items = g_ptr_array_new ();
  WerkKind kinds[] = { WERK_KIND_TALLY, WERK_KIND_BALLOT };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *list = votes (round, kinds[k]);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (WerkRecord) vote = g_list_model_get_item (list, i);
          WerkRecord *item = werk_record_get_ref (vote, "item");
          gpointer sum;

          if (item == NULL)
            continue;
          if (!g_hash_table_lookup_extended (totals, item, NULL, &sum))
            g_ptr_array_add (items, item);
          g_hash_table_insert (
              totals, item,
              GUINT_TO_POINTER (GPOINTER_TO_UINT (sum) + werk_record_get_int (vote, "dots")));
        }
    }
  return items;
}

guint
werk_voting_round_get_total (WerkVotingRound *round, WerkRecord *item)
{
  g_autoptr (GHashTable) totals = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), 0);
  items = board (round, totals);
  return GPOINTER_TO_UINT (g_hash_table_lookup (totals, item));
}

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const WerkRankedItem *x = a, *y = b;
  gint64 px = _werk_record_get_position (x->item), py = _werk_record_get_position (y->item);

  if (x->dots != y->dots)
    return x->dots > y->dots ? -1 : 1;
  return px < py ? -1 : px > py;
}

GArray *
werk_voting_round_rank (WerkVotingRound *round)
{
  g_autoptr (GHashTable) totals = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) items = NULL;
  GArray *ranked;

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), NULL);
  if (werk_voting_round_is_hidden (round))
    return NULL;

  items = board (round, totals);
  ranked = g_array_sized_new (FALSE, TRUE, sizeof (WerkRankedItem), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      WerkRankedItem r = { items->pdata[i] };
      r.dots = GPOINTER_TO_UINT (g_hash_table_lookup (totals, r.item));
      g_array_append_val (ranked, r);
    }
  /* Equal totals keep their items' own order: the sort compares positions last. */
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      WerkRankedItem *prev = i > 0 ? r - 1 : NULL;

      r->rank = prev && prev->dots == r->dots ? prev->rank : i + 1;
      if (r->dots > 0 && prev && prev->dots == r->dots)
        r->tie = prev->tie = TRUE;
    }
  return ranked;
}

static WerkRecord *
find_vote (WerkVotingRound *round, WerkKind kind, WerkRecord *participant, WerkRecord *item)
{
  GListModel *list = votes (round, kind);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) vote = g_list_model_get_item (list, i);
      if (werk_record_get_ref (vote, "item") == item &&
          (participant == NULL || werk_record_get_ref (vote, "participant") == participant))
        return vote;
    }
  return NULL;
}

static gboolean
check_item (WerkVotingRound *round, WerkRecord *item, GError **error)
{
  if (werk_record_get_kind (item) == _werk_vote_item_kind (WERK_RECORD (round)))
    return TRUE;
  g_set_error (error, WERK_ERROR, WERK_ERROR_VOTING, _ ("This round votes on %s, not on “%s”."),
               werk_enum_label (WERK_TYPE_VOTE_ON, werk_record_get_int (WERK_RECORD (round), "on")),
               werk_record_get_label (item));
  return FALSE;
}

gboolean
werk_voting_set_tally (WerkVotingRound *round, WerkRecord *item, guint dots, GError **error)
{
  WerkRecord *r = WERK_RECORD (round);
  WerkRecord *tally;
  g_autofree char *text = g_strdup_printf ("%u", dots);

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), FALSE);
  g_return_val_if_fail (WERK_IS_RECORD (item), FALSE);

  if (!check_item (round, item, error))
    return FALSE;
  if ((tally = find_vote (round, WERK_KIND_TALLY, NULL, item)))
    return werk_record_set_int (tally, "dots", dots, error);
  return werk_store_add (werk_record_get_store (r), WERK_KIND_TALLY, r, error, "item",
                         werk_record_get_id (item), "dots", text, NULL) != NULL;
}

/* Dots a participant gives in a round, leaving out one ballot (the one being changed). */
static guint
dots_given (WerkRecord *round, WerkRecord *participant, WerkRecord *except)
{
  GListModel *list = werk_store_get_list (werk_record_get_store (round), WERK_KIND_BALLOT, round);
  guint sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) ballot = g_list_model_get_item (list, i);
      if (ballot != except && werk_record_get_ref (ballot, "participant") == participant)
        sum += werk_record_get_int (ballot, "dots");
    }
  return sum;
}

/* Kind rule of ballots (see werk-kinds.c): the budget and the per-item maximum. */
gboolean
_werk_voting_validate_ballot (WerkRecord *ballot, const GValue *values, GError **error)
{
  WerkRecord *round = werk_record_get_parent (ballot);
  WerkStore *store = werk_record_get_store (ballot);
  WerkRecord *participant = werk_store_lookup (store, g_value_get_string (&values[0]));
  guint dots = g_value_get_int (&values[2]);
  guint budget = werk_record_get_int (round, "dots_per_person");
  guint max = werk_record_get_int (round, "max_per_item");
  guint given = dots_given (round, participant, ballot);
  const char *name = participant ? werk_record_get_label (participant) : "";

  if (max > 0 && dots > max)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_VOTING,
                   ngettext ("%s can give an item at most %u dot in this round.",
                             "%s can give an item at most %u dots in this round.", max),
                   name, max);
      return FALSE;
    }
  if (budget > 0 && given + dots > budget)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_VOTING,
                   ngettext ("%s has %u dot in this round and has given %u already.",
                             "%s has %u dots in this round and has given %u already.", budget),
                   name, budget, given);
      return FALSE;
    }
  return TRUE;
}

gboolean
werk_voting_set_ballot (WerkVotingRound *round, WerkParticipant *participant, WerkRecord *item,
                        guint dots, GError **error)
{
  WerkRecord *r = WERK_RECORD (round);
  WerkRecord *ballot;
  g_autofree char *text = g_strdup_printf ("%u", dots);

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), FALSE);
  g_return_val_if_fail (WERK_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (WERK_IS_RECORD (item), FALSE);

  if (!check_item (round, item, error))
    return FALSE;
  ballot = find_vote (round, WERK_KIND_BALLOT, WERK_RECORD (participant), item);
  if (ballot && dots == 0)
    return werk_store_delete (werk_record_get_store (r), ballot, NULL, error);
  if (ballot)
    return werk_record_set_int (ballot, "dots", dots, error);
  if (dots == 0)
    return TRUE;
  return werk_store_add (werk_record_get_store (r), WERK_KIND_BALLOT, r, error, "participant",
                         werk_record_get_id (WERK_RECORD (participant)), "item",
                         werk_record_get_id (item), "dots", text, NULL) != NULL;
}

guint
werk_voting_remaining (WerkVotingRound *round, WerkParticipant *participant)
{
  guint budget, given;

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), 0);
  budget = werk_record_get_int (WERK_RECORD (round), "dots_per_person");
  if (budget == 0)
    return G_MAXUINT;
  given = dots_given (WERK_RECORD (round), WERK_RECORD (participant), NULL);
  return given >= budget ? 0 : budget - given;
}

typedef struct
{
  WerkVotingRound *round;
  guint n;
} TakeForward;

static gboolean
take_forward_func (WerkStore *store, gpointer data, GError **error)
{
  TakeForward *tf = data;
  g_autoptr (GArray) ranked = werk_voting_round_rank (tf->round);

  for (guint i = 0; ranked && i < ranked->len; i++)
    {
      WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);

      /* Items tied with the n-th go forward too; later stages are not set back. */
      if (r->rank > tf->n || r->dots == 0)
        break;
      if (werk_record_get_int (r->item, "status") == WERK_STATUS_IDEA &&
          !werk_record_set_int (r->item, "status", WERK_STATUS_PRIORITISED, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
werk_voting_take_forward (WerkVotingRound *round, guint n, WerkUndo **undo, GError **error)
{
  TakeForward tf = { round, n };
  WerkRecord *r = WERK_RECORD (round);

  g_return_val_if_fail (WERK_IS_VOTING_ROUND (round), FALSE);

  if (werk_record_get_int (r, "on") != WERK_VOTE_ON_MEASURES)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_VOTING,
                           _ ("Only measures can be taken forward."));
      return FALSE;
    }
  if (werk_voting_round_is_hidden (round))
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_VOTING,
                           _ ("Reveal the round first: its results are still hidden."));
      return FALSE;
    }
  return werk_store_run (werk_record_get_store (r), take_forward_func, &tf, undo, error);
}
