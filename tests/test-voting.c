/* test-voting.c: the dot-voting rules of EXCHANGE.md: totals, ranks and ties, budgets, blind
 * rounds, taking measures forward, and werkstatt-cli's results.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "werk-core.h"
#include "werk-test-util.c"

#define N_MEASURES 6

typedef struct
{
  char *dir;
  WerkStore *store;
  WerkRecord *workshop;
  WerkRecord *eva, *oemer, *jonas;
  WerkRecord *m[N_MEASURES + 1]; /* 1-based, as people count */
  WerkRecord *mob, *verw;
} Fixture;

static WerkRecord *
add_ok (WerkStore *store, WerkKind kind, WerkRecord *parent, const char *k1, const char *v1,
        const char *k2, const char *v2)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *record = werk_store_add (store, kind, parent, &error, k1, v1, k2, v2, NULL);

  g_assert_no_error (error);
  return record;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = werk_test_make_dir ();
  f->store = werk_test_store_new (f->dir, "punkte.werkstatt");
  f->workshop = add_ok (f->store, WERK_KIND_WORKSHOP, NULL, "format", "strategy_starter", "title",
                        "Strategiestarter");
  f->eva = add_ok (f->store, WERK_KIND_PARTICIPANT, f->workshop, "name", "Eva Schmidt", "group",
                   "business");
  f->oemer = add_ok (f->store, WERK_KIND_PARTICIPANT, f->workshop, "name", "Ömer Yıldız", "group",
                     "civil_society");
  f->jonas = add_ok (f->store, WERK_KIND_PARTICIPANT, f->workshop, "name", "Jonas Wolf", "group",
                     "politics");
  for (guint i = 1; i <= N_MEASURES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Maßnahme %u", i);
      f->m[i] = add_ok (f->store, WERK_KIND_MEASURE, NULL, "title", title, "status", "idea");
    }
  f->mob = add_ok (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL, NULL);
  f->verw = add_ok (f->store, WERK_KIND_FIELD, NULL, "title", "Verwaltung", NULL, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, werk_test_store_free);
  werk_test_rmtree (f->dir);
  g_free (f->dir);
}

static WerkVotingRound *
add_round (Fixture *f, const char *on, int dots_per_person, int max_per_item)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *budget = g_strdup_printf ("%d", dots_per_person);
  g_autofree char *max = g_strdup_printf ("%d", max_per_item);
  WerkRecord *round =
      werk_store_add (f->store, WERK_KIND_VOTING_ROUND, f->workshop, &error, "on", on,
                      "dots_per_person", budget, "max_per_item", max, "state", "revealed", NULL);

  g_assert_no_error (error);
  return WERK_VOTING_ROUND (round);
}

static void
tally (WerkVotingRound *round, WerkRecord *item, guint dots)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_voting_set_tally (round, item, dots, &error));
  g_assert_no_error (error);
}

static void
ballot (WerkVotingRound *round, WerkRecord *participant, WerkRecord *item, guint dots)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
      werk_voting_set_ballot (round, WERK_PARTICIPANT (participant), item, dots, &error));
  g_assert_no_error (error);
}

/* A participant's ballot the rules refuse: naming the participant, changing nothing. */
static void
ballot_refused (WerkVotingRound *round, WerkRecord *participant, WerkRecord *item, guint dots)
{
  g_autoptr (GError) error = NULL;
  guint total = werk_voting_round_get_total (round, item);
  guint remaining = werk_voting_remaining (round, WERK_PARTICIPANT (participant));

  g_assert_false (
      werk_voting_set_ballot (round, WERK_PARTICIPANT (participant), item, dots, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_VOTING, werk_record_get_label (participant));
  g_assert_cmpuint (werk_voting_round_get_total (round, item), ==, total);
  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (participant)), ==, remaining);
}

/* "label dots rank tie|-" per ranked item, joined with "|". */
static char *
ranking (WerkVotingRound *round)
{
  g_autoptr (GArray) ranked = werk_voting_round_rank (round);
  g_autoptr (GString) s = g_string_new (NULL);

  g_assert_nonnull (ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      g_string_append_printf (s, "%s%s %u %u %s", i ? "|" : "", werk_record_get_label (r->item),
                              r->dots, r->rank, r->tie ? "tie" : "-");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_ranking(round, expected)       \
  G_STMT_START                                \
  {                                           \
    g_autofree char *_text = ranking (round); \
    g_assert_cmpstr (_text, ==, expected);    \
  }                                           \
  G_STMT_END

static void
test_totals (Fixture *f, gconstpointer data)
{
  WerkVotingRound *round = add_round (f, "measures", 0, 0);

  /* Paper dots and phone dots add up. */
  tally (round, f->m[1], 5);
  ballot (round, f->eva, f->m[1], 2);
  ballot (round, f->oemer, f->m[1], 1);
  ballot (round, f->eva, f->m[2], 3);
  g_assert_cmpuint (werk_voting_round_get_total (round, f->m[1]), ==, 8);
  g_assert_cmpuint (werk_voting_round_get_total (round, f->m[2]), ==, 3);
  g_assert_cmpuint (werk_voting_round_get_total (round, f->m[3]), ==, 0);
  assert_ranking (round, "Maßnahme 1 8 1 -|Maßnahme 2 3 2 -");

  /* A tally typed again replaces the count; a ballot changed replaces the person's dots. */
  tally (round, f->m[1], 6);
  ballot (round, f->eva, f->m[1], 1);
  g_assert_cmpuint (werk_voting_round_get_total (round, f->m[1]), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (
                        werk_store_get_list (f->store, WERK_KIND_TALLY, WERK_RECORD (round))),
                    ==, 1);
  /* Taking the dots back removes the ballot; a tally of 0 keeps the card on the board. */
  ballot (round, f->eva, f->m[2], 0);
  tally (round, f->m[4], 0);
  assert_ranking (round, "Maßnahme 1 8 1 -|Maßnahme 4 0 2 -");

  /* The totals are the file's, not only the window's. */
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *path = g_strdup (werk_store_get_path (f->store));
    g_autofree char *id = g_strdup (werk_record_get_id (WERK_RECORD (round)));
    werk_test_store_free (f->store);
    f->store = werk_store_open (path, &error);
    g_assert_no_error (error);
    assert_ranking (WERK_VOTING_ROUND (werk_store_lookup (f->store, id)),
                    "Maßnahme 1 8 1 -|Maßnahme 4 0 2 -");
  }
}

static void
test_ranking (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkVotingRound *round = add_round (f, "measures", 0, 0);
  WerkVotingRound *three = add_round (f, "measures", 0, 0);
  WerkVotingRound *none = add_round (f, "measures", 0, 0);
  WerkVotingRound *on_fields = add_round (f, "fields", 0, 0);

  /* Entered in another order than the measures list has them. */
  tally (round, f->m[6], 0);
  tally (round, f->m[3], 5);
  tally (round, f->m[5], 9);
  tally (round, f->m[2], 0);
  tally (round, f->m[4], 2);
  ballot (round, f->eva, f->m[1], 2);
  ballot (round, f->oemer, f->m[1], 3);
  /* 1, 2, 2, 4: equal totals share a rank and are a tie, in the measures' order; zero dots
   * share the last rank, come last in the measures' order, and are no tie. */
  assert_ranking (round, "Maßnahme 5 9 1 -|Maßnahme 1 5 2 tie|Maßnahme 3 5 2 tie|"
                         "Maßnahme 4 2 4 -|Maßnahme 2 0 5 -|Maßnahme 6 0 5 -");

  /* "Original order" is the measures list's: reordering it reorders ties and zeros. */
  g_assert_true (werk_store_move (f->store, f->m[6], 0, &error));
  g_assert_true (werk_store_move (f->store, f->m[3], 0, &error));
  g_assert_no_error (error);
  assert_ranking (round, "Maßnahme 5 9 1 -|Maßnahme 3 5 2 tie|Maßnahme 1 5 2 tie|"
                         "Maßnahme 4 2 4 -|Maßnahme 6 0 5 -|Maßnahme 2 0 5 -");

  /* Three share the top: 1, 1, 1, 4. */
  tally (three, f->m[2], 4);
  tally (three, f->m[4], 4);
  tally (three, f->m[5], 1);
  ballot (three, f->jonas, f->m[1], 4);
  assert_ranking (three, "Maßnahme 1 4 1 tie|Maßnahme 2 4 1 tie|Maßnahme 4 4 1 tie|"
                         "Maßnahme 5 1 4 -");

  /* Nobody gave a dot: all share rank 1, and that is no tie. */
  tally (none, f->m[4], 0);
  tally (none, f->m[1], 0);
  assert_ranking (none, "Maßnahme 1 0 1 -|Maßnahme 4 0 1 -");

  /* Fields keep the fields list's order. */
  tally (on_fields, f->verw, 3);
  tally (on_fields, f->mob, 3);
  assert_ranking (on_fields, "Mobilität 3 1 tie|Verwaltung 3 1 tie");
}

static void
test_budget (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkVotingRound *round = add_round (f, "measures", 3, 2);
  WerkVotingRound *other = add_round (f, "measures", 3, 2);
  WerkRecord *b;

  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (f->eva)), ==, 3);
  /* At most max_per_item on one item. */
  ballot_refused (round, f->eva, f->m[1], 3);
  ballot (round, f->eva, f->m[1], 2);
  /* At most dots_per_person in the round. */
  ballot_refused (round, f->eva, f->m[2], 2);
  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (f->eva)), ==, 1);
  ballot (round, f->eva, f->m[2], 1);
  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (f->eva)), ==, 0);
  ballot_refused (round, f->eva, f->m[3], 1);
  /* Changing one's own ballot counts it once. */
  ballot (round, f->eva, f->m[1], 1);
  g_assert_cmpuint (werk_voting_remaining (round, WERK_PARTICIPANT (f->eva)), ==, 1);
  ballot (round, f->eva, f->m[3], 1);
  /* Each person has their own budget, in each round. */
  ballot (round, f->oemer, f->m[1], 2);
  ballot (round, f->oemer, f->m[3], 1);
  ballot_refused (round, f->oemer, f->m[4], 1);
  ballot (other, f->eva, f->m[1], 2);
  g_assert_cmpuint (werk_voting_remaining (other, WERK_PARTICIPANT (f->eva)), ==, 1);

  /* The rules hold for a ballot changed directly, too. */
  b = werk_test_item (werk_store_get_list (f->store, WERK_KIND_BALLOT, WERK_RECORD (round)), 0);
  g_assert_false (werk_record_set_int (b, "dots", 3, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_VOTING, "Eva Schmidt");
  g_clear_error (&error);
  g_assert_cmpint (werk_record_get_int (b, "dots"), ==, 1);

  /* Paper tallies have no such limits. */
  tally (round, f->m[1], 500);
  g_assert_cmpuint (werk_voting_round_get_total (round, f->m[1]), ==, 503);

  /* A round on measures takes no fields. */
  g_assert_false (werk_voting_set_ballot (round, WERK_PARTICIPANT (f->jonas), f->mob, 1, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_VOTING);
  g_clear_error (&error);
  g_assert_false (werk_voting_set_tally (round, f->mob, 1, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_VOTING);
}

static void
test_no_limits (Fixture *f, gconstpointer data)
{
  WerkVotingRound *free_round = add_round (f, "measures", 0, 0);
  WerkVotingRound *max_only = add_round (f, "measures", 0, 2);
  WerkVotingRound *budget_only = add_round (f, "measures", 4, 0);

  /* 0 = no limit. */
  ballot (free_round, f->eva, f->m[1], 50);
  ballot (free_round, f->eva, f->m[2], 70);
  g_assert_cmpuint (werk_voting_remaining (free_round, WERK_PARTICIPANT (f->eva)), ==, G_MAXUINT);

  ballot_refused (max_only, f->eva, f->m[1], 3);
  for (guint i = 1; i <= N_MEASURES; i++)
    ballot (max_only, f->eva, f->m[i], 2);
  g_assert_cmpuint (werk_voting_remaining (max_only, WERK_PARTICIPANT (f->eva)), ==, G_MAXUINT);

  ballot (budget_only, f->eva, f->m[1], 4);
  ballot_refused (budget_only, f->eva, f->m[2], 1);
  g_assert_cmpuint (werk_voting_remaining (budget_only, WERK_PARTICIPANT (f->eva)), ==, 0);
}

static void
set_state (WerkVotingRound *round, const char *state)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_record_set_string (WERK_RECORD (round), "state", state, &error));
  g_assert_no_error (error);
}

static void
test_blind (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkVotingRound *blind = add_round (f, "measures", 0, 0);
  WerkVotingRound *open = add_round (f, "measures", 0, 0);
  GArray *ranked;

  g_assert_true (werk_record_set_bool (WERK_RECORD (blind), "blind", TRUE, &error));
  g_assert_no_error (error);
  set_state (blind, "open");
  tally (blind, f->m[1], 4);
  ballot (blind, f->eva, f->m[2], 2);

  /* While voting and once closed: no totals anywhere. */
  g_assert_true (werk_voting_round_is_hidden (blind));
  g_assert_null (werk_voting_round_rank (blind));
  set_state (blind, "closed");
  g_assert_true (werk_voting_round_is_hidden (blind));
  g_assert_null (werk_voting_round_rank (blind));
  /* The facilitator's entry still sees what was typed. */
  g_assert_cmpuint (werk_voting_round_get_total (blind, f->m[1]), ==, 4);
  /* Nothing can be taken forward from what nobody may see. */
  g_assert_false (werk_voting_take_forward (blind, 1, NULL, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_VOTING);
  g_clear_error (&error);
  g_assert_cmpstr (werk_record_get_string (f->m[1], "status"), ==, "idea");

  set_state (blind, "revealed");
  g_assert_false (werk_voting_round_is_hidden (blind));
  assert_ranking (blind, "Maßnahme 1 4 1 -|Maßnahme 2 2 2 -");

  /* A round that is not blind shows its totals while it is open. */
  set_state (open, "open");
  tally (open, f->m[3], 1);
  g_assert_false (werk_voting_round_is_hidden (open));
  ranked = werk_voting_round_rank (open);
  g_assert_nonnull (ranked);
  g_assert_cmpuint (ranked->len, ==, 1);
  g_array_unref (ranked);
}

static void
set_status (WerkRecord *measure, const char *status)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_record_set_string (measure, "status", status, &error));
  g_assert_no_error (error);
}

static char *
statuses (Fixture *f)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 1; i <= N_MEASURES; i++)
    g_string_append_printf (s, "%s%s", i > 1 ? " " : "",
                            werk_record_get_string (f->m[i], "status"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_statuses(f, expected)       \
  G_STMT_START                             \
  {                                        \
    g_autofree char *_text = statuses (f); \
    g_assert_cmpstr (_text, ==, expected); \
  }                                        \
  G_STMT_END

static void
test_take_forward (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  WerkVotingRound *round = add_round (f, "measures", 0, 0);
  WerkVotingRound *on_fields = add_round (f, "fields", 0, 0);

  tally (round, f->m[1], 9);
  tally (round, f->m[2], 7);
  tally (round, f->m[3], 5);
  tally (round, f->m[4], 5);
  tally (round, f->m[5], 3);
  tally (round, f->m[6], 0);
  set_status (f->m[2], "planned");

  /* The top three: the tie at third place goes forward together; a measure already further
   * along keeps its stage. */
  g_assert_true (werk_voting_take_forward (round, 3, &undo, &error));
  g_assert_no_error (error);
  assert_statuses (f, "prioritised planned prioritised prioritised idea idea");
  g_assert_cmpint (werk_test_sql_int (werk_store_get_path (f->store),
                                      "SELECT count(*) FROM measure WHERE status = 'prioritised'"),
                   ==, 3);

  /* One undo takes all of it back. */
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  assert_statuses (f, "idea planned idea idea idea idea");

  /* Measures without a dot never go forward; dropped ones stay dropped. */
  set_status (f->m[1], "dropped");
  g_assert_true (werk_voting_take_forward (round, 10, NULL, &error));
  g_assert_no_error (error);
  assert_statuses (f, "dropped planned prioritised prioritised prioritised idea");

  g_assert_false (werk_voting_take_forward (on_fields, 1, NULL, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_VOTING);
}

/* werkstatt-cli results: what scripts read. */
static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (werk_store_get_path (f->store));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *want = NULL;
  g_autofree char *csv = NULL;
  WerkVotingRound *shown, *hidden, *open, *unveiled, *later;
  WerkRecord *second;
  const char *r1, *r2, *r4, *r5;
  g_autofree char *cli = werk_test_cli_path ();

  if (cli == NULL)
    return;
  g_assert_true (werk_record_set_string (f->m[1], "title", "Stadt-App\t2.0", &error));
  g_assert_true (werk_record_set_string (f->m[3], "title", "Bürgerterminal \"24/7\"", &error));
  g_assert_no_error (error);

  shown = add_round (f, "measures", 3, 2);
  tally (shown, f->m[3], 4);
  tally (shown, f->m[1], 6);
  tally (shown, f->m[2], 0);
  ballot (shown, f->eva, f->m[3], 2);
  hidden = add_round (f, "measures", 0, 0);
  g_assert_true (werk_record_set_bool (WERK_RECORD (hidden), "blind", TRUE, &error));
  set_state (hidden, "closed");
  tally (hidden, f->m[1], 3);
  open = add_round (f, "measures", 0, 0);
  set_state (open, "open");
  tally (open, f->m[2], 1);
  unveiled = add_round (f, "fields", 0, 0);
  g_assert_true (werk_record_set_bool (WERK_RECORD (unveiled), "blind", TRUE, &error));
  tally (unveiled, f->mob, 2);
  second = add_ok (f->store, WERK_KIND_WORKSHOP, NULL, "format", "strategy_conception", "title",
                   "Strategiekonzeption");
  later = WERK_VOTING_ROUND (werk_store_add (f->store, WERK_KIND_VOTING_ROUND, second, &error, "on",
                                             "challenges", "state", "closed", NULL));
  g_assert_no_error (error);
  tally (later,
         add_ok (f->store, WERK_KIND_CHALLENGE, NULL, "text", "Kein Bus nach 20 Uhr", NULL, NULL),
         5);
  r1 = werk_record_get_id (WERK_RECORD (shown));
  r2 = werk_record_get_id (WERK_RECORD (hidden));
  r4 = werk_record_get_id (WERK_RECORD (unveiled));
  r5 = werk_record_get_id (WERK_RECORD (later));

  /* Scripts read a file nobody has open (a file still open is test-storage's matter). */
  werk_store_close (f->store);

  /* Revealed and closed rounds, in the workshops' order; open ones not at all. */
  want = g_strdup_printf ("%s\t1\t6\ttie\tStadt-App 2.0\n"
                          "%s\t1\t6\ttie\tBürgerterminal \"24/7\"\n"
                          "%s\t3\t0\t-\tMaßnahme 2\n"
                          "%s\thidden\n"
                          "%s\t1\t2\t-\tMobilität\n"
                          "%s\t1\t5\t-\tKein Bus nach 20 Uhr\n",
                          r1, r1, r1, r2, r4, r5);
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "results", path, NULL }, &out, &err), ==,
                   0);
  g_assert_cmpstr (out, ==, want);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&want, g_free);

  /* One workshop. */
  want = g_strdup_printf ("%s\t1\t5\t-\tKein Bus nach 20 Uhr\n", r5);
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "results", path, "--workshop",
                                                        werk_record_get_id (second), NULL },
                                      &out, &err),
                   ==, 0);
  g_assert_cmpstr (out, ==, want);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&want, g_free);

  /* CSV: a header row, every cell quoted, quotes doubled. */
  g_assert_cmpint (
      werk_test_run_cli ((const char *[]){ "results", path, "--csv", NULL }, &out, &err), ==, 0);
  {
    g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
    g_autoptr (GString) joined = g_string_new (NULL);
    for (guint i = 0; lines[i] && *lines[i]; i++)
      {
        /* RFC 4180 ends lines with CRLF; a bare LF is read as well by everyone. */
        if (g_str_has_suffix (lines[i], "\r"))
          lines[i][strlen (lines[i]) - 1] = '\0';
        g_string_append_printf (joined, "%s\n", lines[i]);
      }
    csv = g_string_free (g_steal_pointer (&joined), FALSE);
  }
  want = g_strdup_printf ("\"round\",\"rank\",\"dots\",\"tie\",\"title\"\n"
                          "\"%s\",\"1\",\"6\",\"tie\",\"Stadt-App\t2.0\"\n"
                          "\"%s\",\"1\",\"6\",\"tie\",\"Bürgerterminal \"\"24/7\"\"\"\n"
                          "\"%s\",\"3\",\"0\",\"-\",\"Maßnahme 2\"\n",
                          r1, r1, r1);
  g_assert_true (g_str_has_prefix (csv, want));
  {
    g_autofree char *hidden_row = g_strdup_printf ("\"%s\",\"hidden\"", r2);
    g_assert_nonnull (strstr (csv, hidden_row));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad input: one line on stderr, a non-zero exit. */
  g_assert_cmpint (
      werk_test_run_cli ((const char *[]){ "results", path, "--workshop", "w-nope", NULL }, &out,
                         &err),
      !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "w-nope"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/voting/totals", test_totals);
  ADD ("/voting/ranking", test_ranking);
  ADD ("/voting/budget", test_budget);
  ADD ("/voting/no-limits", test_no_limits);
  ADD ("/voting/blind", test_blind);
  ADD ("/voting/take-forward", test_take_forward);
  ADD ("/voting/cli", test_cli);
#undef ADD
  return g_test_run ();
}
