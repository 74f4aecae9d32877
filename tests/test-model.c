/* test-model.c: every kind of record created, edited, reordered, deleted and restored; cascades;
 * refused values; notifications; search.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "werk-core.h"
#include "werk-test-util.c"

typedef struct
{
  char *dir;
  char *path;
  WerkStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = werk_test_make_dir ();
  f->store = werk_test_store_new (f->dir, "model.werkstatt");
  f->path = g_strdup (werk_store_get_path (f->store));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->store, werk_test_store_free);
  werk_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&f->store, werk_test_store_free);
  f->store = werk_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* Adds a record from key/value pairs; fails the test if the store refuses. */
G_GNUC_NULL_TERMINATED static WerkRecord *
add (WerkStore *store, WerkKind kind, WerkRecord *parent, const char *first_key, ...)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  WerkRecord *record;
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key; key = va_arg (args, const char *))
    {
      g_ptr_array_add (keys, (char *) key);
      g_ptr_array_add (values, va_arg (args, char *));
    }
  va_end (args);
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  record = werk_store_insert (store, kind, parent, -1, (const char *const *) keys->pdata,
                              (const char *const *) values->pdata, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static WerkRecord *
lookup (Fixture *f, const char *id)
{
  return werk_store_lookup (f->store, id);
}

static gint64
count_rows (Fixture *f, const char *sql)
{
  return werk_test_sql_int (f->path, sql);
}

/* The records every kind's test needs around it: fields, measures, criteria, a workshop with
 * participants and a voting round. */
typedef struct
{
  WerkRecord *field, *measures[4], *criteria[3], *workshop, *participant, *round;
} Base;

static void
make_base (Fixture *f, Base *b)
{
  b->field = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (b->measures); i++)
    {
      g_autofree char *title = g_strdup_printf ("Maßnahme %u", i + 1);
      b->measures[i] = add (f->store, WERK_KIND_MEASURE, NULL, "title", title, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (b->criteria); i++)
    {
      g_autofree char *title = g_strdup_printf ("Kriterium %u", i + 1);
      b->criteria[i] =
          add (f->store, WERK_KIND_CRITERION, NULL, "dimension", "social", "title", title, NULL);
    }
  b->workshop = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "strategy_starter", "title",
                     "Strategiestarter", NULL);
  b->participant = add (f->store, WERK_KIND_PARTICIPANT, b->workshop, "name", "Eva Schmidt", NULL);
  b->round = add (f->store, WERK_KIND_VOTING_ROUND, b->workshop, "on", "measures", "question",
                  "Welche Ansätze?", NULL);
}

/* The parent a kind's records take in the base. */
static WerkRecord *
parent_for (Base *b, WerkKind kind)
{
  switch (kind)
    {
      case WERK_KIND_PARTICIPANT:
      case WERK_KIND_AGENDA_ITEM:
      case WERK_KIND_TABLE:
      case WERK_KIND_VOTING_ROUND:
      case WERK_KIND_PHOTO:
        return b->workshop;
      case WERK_KIND_TALLY:
      case WERK_KIND_BALLOT:
        return b->round;
      default:
        return NULL;
    }
}

/* The @i-th new record of a kind, and the key an edit changes with its new value. */
static WerkRecord *
make_record (Fixture *f, Base *b, WerkKind kind, guint i, const char **edit_key,
             const char **edit_value)
{
  WerkRecord *parent = parent_for (b, kind);
  g_autofree char *label = g_strdup_printf ("Neu %u", i);
  const char *item = werk_record_get_id (b->measures[i]);

  *edit_key = "title";
  *edit_value = "Geändert „neu“";
  switch (kind)
    {
      case WERK_KIND_FIELD:
        return add (f->store, kind, NULL, "title", label, "color", "#3584e4", NULL);
      case WERK_KIND_GOAL:
        *edit_key = "text";
        return add (f->store, kind, NULL, "level", "core", "text", label, NULL);
      case WERK_KIND_CHALLENGE:
        *edit_key = "text";
        return add (f->store, kind, NULL, "text", label, NULL);
      case WERK_KIND_MEASURE:
        return add (f->store, kind, NULL, "title", label, "status", "idea", NULL);
      case WERK_KIND_CRITERION:
        return add (f->store, kind, NULL, "dimension", "economic", "title", label, NULL);
      case WERK_KIND_RATING:
        *edit_key = "note";
        return add (f->store, kind, NULL, "measure", item, "criterion",
                    werk_record_get_id (b->criteria[i]), "score", "1", "note", label, NULL);
      case WERK_KIND_WORKSHOP:
        return add (f->store, kind, NULL, "format", "custom", "title", label, NULL);
      case WERK_KIND_PARTICIPANT:
        *edit_key = "name";
        return add (f->store, kind, parent, "name", label, "group", "media", NULL);
      case WERK_KIND_AGENDA_ITEM:
        return add (f->store, kind, parent, "title", label, "minutes", "20", NULL);
      case WERK_KIND_TABLE:
        *edit_key = "topic";
        return add (f->store, kind, parent, "topic", label, "round", "1", NULL);
      case WERK_KIND_VOTING_ROUND:
        *edit_key = "question";
        return add (f->store, kind, parent, "on", "challenges", "question", label, NULL);
      case WERK_KIND_TALLY:
        *edit_key = "dots";
        *edit_value = "17";
        return add (f->store, kind, parent, "item", item, "dots", "3", NULL);
      case WERK_KIND_BALLOT:
        *edit_key = "dots";
        *edit_value = "2";
        return add (f->store, kind, parent, "participant", werk_record_get_id (b->participant),
                    "item", item, "dots", "1", NULL);
      case WERK_KIND_PHOTO:
        *edit_key = "caption";
        return add (f->store, kind, parent, "caption", label, "consent", "true", NULL);
      default:
        g_assert_not_reached ();
    }
}

/* The ids of @ids in the order the list has them. */
static char *
order_of (GListModel *list, char **ids)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      const char *id = werk_record_get_id (werk_test_item (list, i));
      for (guint j = 0; ids[j]; j++)
        if (g_str_equal (id, ids[j]))
          g_string_append_printf (s, "%s%u", s->len ? " " : "", j);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GListModel *
list_of (Fixture *f, WerkKind kind, const char *parent_id)
{
  return werk_store_get_list (f->store, kind, parent_id ? lookup (f, parent_id) : NULL);
}

static const char *
value_text (WerkRecord *record, const char *key, char **buffer)
{
  GParamSpec *pspec;
  g_autofree char *name = g_strdelimit (g_strdup (key), "_", '-');

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
  g_assert_nonnull (pspec);
  if (pspec->value_type == G_TYPE_INT)
    return *buffer = g_strdup_printf ("%" G_GINT64_FORMAT, werk_record_get_int (record, key));
  return werk_record_get_string (record, key);
}

static void
test_kind (Fixture *f, gconstpointer data)
{
  WerkKind kind = GPOINTER_TO_UINT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autofree char *parent_id = NULL;
  g_autofree char *buffer = NULL;
  g_autofree char *order = NULL;
  char *ids[4] = { NULL };
  const char *edit_key = NULL, *edit_value = NULL;
  GListModel *list;
  WerkRecord *record;
  guint n_base;
  Base b;

  make_base (f, &b);
  parent_id = parent_for (&b, kind) ? g_strdup (werk_record_get_id (parent_for (&b, kind))) : NULL;
  list = list_of (f, kind, parent_id);
  n_base = g_list_model_get_n_items (list);

  /* Created: in the list, findable, in the file. */
  for (guint i = 0; i < 3; i++)
    {
      record = make_record (f, &b, kind, i, &edit_key, &edit_value);
      ids[i] = g_strdup (werk_record_get_id (record));
      g_assert_true (lookup (f, ids[i]) == record);
      g_assert_cmpint (werk_record_get_kind (record), ==, kind);
      g_assert_true (werk_record_get_parent (record) == parent_for (&b, kind));
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_base + 3);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 1 2");

  /* Edited: the new value is read back, also after reopening. */
  record = lookup (f, ids[1]);
  g_assert_true (werk_record_set_string (record, edit_key, edit_value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value_text (record, edit_key, &buffer), ==, edit_value);
  g_clear_pointer (&buffer, g_free);

  /* Moved: the last to the front, then the new front behind the old first. */
  g_assert_true (werk_store_move (f->store, lookup (f, ids[2]), n_base, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "2 0 1");
  g_assert_true (werk_store_move (f->store, lookup (f, ids[2]), n_base + 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 2 1");

  reopen (f);
  list = list_of (f, kind, parent_id);
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 2 1");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_base + 3);
  g_assert_cmpstr (value_text (lookup (f, ids[1]), edit_key, &buffer), ==, edit_value);
  g_clear_pointer (&buffer, g_free);

  /* Deleted, then restored in its place with its values. */
  g_assert_true (werk_store_delete (f->store, lookup (f, ids[2]), &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_null (lookup (f, ids[2]));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_base + 2);
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 1");

  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lookup (f, ids[2]));
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 2 1");

  /* The restored order is the file's, not only the list's. */
  reopen (f);
  list = list_of (f, kind, parent_id);
  g_clear_pointer (&order, g_free);
  order = order_of (list, ids);
  g_assert_cmpstr (order, ==, "0 2 1");

  for (guint i = 0; i < 3; i++)
    g_free (ids[i]);
}

static void
test_process (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *process = WERK_RECORD (werk_store_get_process (f->store));

  g_assert_cmpstr (werk_record_get_string (process, "title"), ==,
                   "Digitalisierungsstrategie Musterstadt");
  g_assert_true (werk_record_set_string (process, "municipality", "Musterstadt", &error));
  g_assert_true (werk_record_set_string (process, "vision", "Eine „digitale Kleinstadt“", &error));
  g_assert_no_error (error);
  reopen (f);
  process = WERK_RECORD (werk_store_get_process (f->store));
  g_assert_cmpstr (werk_record_get_string (process, "municipality"), ==, "Musterstadt");
  g_assert_cmpstr (werk_record_get_string (process, "vision"), ==, "Eine „digitale Kleinstadt“");
}

/* One value of every type, set, read back and read again from the file. */
static void
test_values (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *field = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  WerkRecord *core =
      add (f->store, WERK_KIND_GOAL, NULL, "level", "core", "text", "Teilhabe", NULL);
  WerkRecord *guiding = add (f->store, WERK_KIND_GOAL, NULL, "level", "guiding", "field",
                             werk_record_get_id (field), "text", "Bus im Takt", NULL);
  WerkRecord *measure = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", NULL);
  WerkRecord *workshop = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "workshop_talk",
                              "title", "Werkstattgespräch", NULL);
  WerkRecord *participant = add (f->store, WERK_KIND_PARTICIPANT, workshop, "name", "Ömer", NULL);
  WerkRecord *item = add (f->store, WERK_KIND_AGENDA_ITEM, workshop, "title", "Impulse", NULL);
  const char *facilitators[] = { "Anna Berg", "Jonas Wolf", NULL };
  const char *goals[] = { werk_record_get_id (guiding), werk_record_get_id (core), NULL };
  g_autofree char *field_id = g_strdup (werk_record_get_id (field));
  g_autofree char *goals_joined = g_strjoinv (" ", (char **) goals);
  g_autofree char *measure_id = g_strdup (werk_record_get_id (measure));
  g_autofree char *workshop_id = g_strdup (werk_record_get_id (workshop));
  g_autofree char *participant_id = g_strdup (werk_record_get_id (participant));
  g_autofree char *item_id = g_strdup (werk_record_get_id (item));
  g_autofree char *joined = NULL;

  /* text, with what people type: quotes, umlauts, a line break */
  g_assert_true (werk_record_set_string (measure, "next_steps",
                                         "Ausschreibung „Rufbus“\nBürgerbefragung", &error));
  /* int with a range */
  g_assert_true (werk_record_set_int (item, "minutes", 45, &error));
  /* bool */
  g_assert_true (werk_record_set_bool (participant, "photo_consent", TRUE, &error));
  /* enum, by nick and by value */
  g_assert_true (werk_record_set_string (measure, "status", "in_progress", &error));
  g_assert_cmpint (werk_record_get_int (measure, "status"), ==, WERK_STATUS_IN_PROGRESS);
  g_assert_true (werk_record_set_int (participant, "group", WERK_GROUP_SCIENCE, &error));
  g_assert_cmpstr (werk_record_get_string (participant, "group"), ==, "science");
  /* date, time, date and time, colour */
  g_assert_true (werk_record_set_string (measure, "due", "2027-03-31", &error));
  g_assert_true (werk_record_set_string (workshop, "start", "16:00", &error));
  g_assert_true (werk_record_set_string (workshop, "date", "2028-02-29", &error));
  g_assert_true (werk_record_set_string (item, "actual_start", "2026-04-28T16:02:10", &error));
  g_assert_true (werk_record_set_string (field, "color", "#3584e4", &error));
  /* reference and list of references, whose order counts */
  g_assert_true (werk_record_set_ref (measure, "field", field, &error));
  g_assert_true (werk_record_get_ref (measure, "field") == field);
  g_assert_true (werk_record_set_strv (measure, "goals", goals, &error));
  /* list of strings */
  g_assert_true (werk_record_set_strv (workshop, "facilitators", facilitators, &error));
  g_assert_true (
      werk_workshop_set_group_count (WERK_WORKSHOP (workshop), WERK_GROUP_MEDIA, 3, &error));
  g_assert_no_error (error);

  reopen (f);
  measure = lookup (f, measure_id);
  workshop = lookup (f, workshop_id);
  participant = lookup (f, participant_id);
  item = lookup (f, item_id);
  field = lookup (f, field_id);
  g_assert_cmpstr (werk_record_get_string (measure, "next_steps"), ==,
                   "Ausschreibung „Rufbus“\nBürgerbefragung");
  g_assert_cmpint (werk_record_get_int (item, "minutes"), ==, 45);
  g_assert_true (werk_record_get_bool (participant, "photo_consent"));
  g_assert_false (werk_record_get_bool (participant, "contact_consent"));
  g_assert_cmpint (werk_record_get_int (measure, "status"), ==, WERK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (werk_record_get_string (measure, "status"), ==, "in_progress");
  g_assert_cmpstr (werk_record_get_string (participant, "group"), ==, "science");
  g_assert_cmpstr (werk_record_get_string (measure, "due"), ==, "2027-03-31");
  g_assert_cmpstr (werk_record_get_string (workshop, "start"), ==, "16:00");
  g_assert_cmpstr (werk_record_get_string (workshop, "date"), ==, "2028-02-29");
  g_assert_null (werk_record_get_string (workshop, "end"));
  g_assert_cmpstr (werk_record_get_string (item, "actual_start"), ==, "2026-04-28T16:02:10");
  g_assert_cmpstr (werk_record_get_string (field, "color"), ==, "#3584e4");
  g_assert_true (werk_record_get_ref (measure, "field") == field);
  joined = g_strjoinv (" ", (char **) werk_record_get_strv (measure, "goals"));
  g_assert_cmpstr (joined, ==, goals_joined);
  g_clear_pointer (&joined, g_free);
  joined = g_strjoinv ("|", (char **) werk_record_get_strv (workshop, "facilitators"));
  g_assert_cmpstr (joined, ==, "Anna Berg|Jonas Wolf");
  g_assert_cmpuint (werk_workshop_get_group_count (WERK_WORKSHOP (workshop), WERK_GROUP_MEDIA), ==,
                    3);
  g_assert_cmpuint (werk_workshop_get_group_count (WERK_WORKSHOP (workshop), WERK_GROUP_POLITICS),
                    ==, 0);

  /* Unset again: a date, a reference, a list. */
  g_assert_true (werk_record_set_string (measure, "due", NULL, &error));
  g_assert_true (werk_record_set_ref (measure, "field", NULL, &error));
  g_assert_true (werk_record_set_strv (measure, "goals", NULL, &error));
  g_assert_no_error (error);
  reopen (f);
  measure = lookup (f, measure_id);
  g_assert_null (werk_record_get_string (measure, "due"));
  g_assert_null (werk_record_get_ref (measure, "field"));
  g_assert_null (werk_record_get_strv (measure, "goals")[0]);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure_goal"), ==, 0);
}

/* A refused value names its key, keeps the old value and leaves the file as it was. */
static void
assert_refused (Fixture *f, WerkRecord *record, const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strconcat (key, ":", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old = NULL;
  g_autofree char *buffer = NULL;

  old = g_strdup (value_text (record, key, &buffer));
  before = werk_test_sql_text (f->path, "SELECT group_concat(title || '|' || "
                                        "coalesce(due, '') || '|' || coalesce(field, ''), ';') "
                                        "FROM measure");
  g_assert_false (werk_record_set_string (record, key, value, &error));
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, prefix);
  g_clear_pointer (&buffer, g_free);
  g_assert_cmpstr (value_text (record, key, &buffer), ==, old);
  after = werk_test_sql_text (f->path, "SELECT group_concat(title || '|' || "
                                       "coalesce(due, '') || '|' || coalesce(field, ''), ';') "
                                       "FROM measure");
  g_assert_cmpstr (after, ==, before);
}

static void
test_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *field = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  WerkRecord *goal =
      add (f->store, WERK_KIND_GOAL, NULL, "level", "core", "text", "Teilhabe", NULL);
  WerkRecord *measure = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", "due",
                             "2027-03-31", "field", werk_record_get_id (field), NULL);
  WerkRecord *criterion =
      add (f->store, WERK_KIND_CRITERION, NULL, "dimension", "social", "title", "Teilhabe", NULL);
  WerkRecord *rating =
      add (f->store, WERK_KIND_RATING, NULL, "measure", werk_record_get_id (measure), "criterion",
           werk_record_get_id (criterion), "score", "1", NULL);
  WerkRecord *workshop = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "custom", "title",
                              "Werkstatt", "start", "16:00", NULL);
  WerkRecord *item = add (f->store, WERK_KIND_AGENDA_ITEM, workshop, "title", "Impulse", NULL);
  const char *bad_goals[] = { werk_record_get_id (goal), "g-nope", NULL };
  WerkRecord *added;

  assert_refused (f, measure, "due", "2027-02-30");
  assert_refused (f, measure, "due", "31.03.2027");
  assert_refused (f, measure, "due", "2027-3-31");
  assert_refused (f, workshop, "start", "24:00");
  assert_refused (f, workshop, "start", "4pm");
  assert_refused (f, field, "color", "blue");
  assert_refused (f, field, "color", "#3584e");
  assert_refused (f, field, "color", "#3584eg");
  assert_refused (f, rating, "score", "3");
  assert_refused (f, rating, "score", "-3");
  assert_refused (f, rating, "score", "viel");
  assert_refused (f, item, "minutes", "-5");
  assert_refused (f, item, "minutes", "1441");
  assert_refused (f, measure, "status", "started");
  assert_refused (f, measure, "field", "f-nope");
  /* A reference to a record of another kind is as wrong as one to nothing. */
  assert_refused (f, measure, "field", werk_record_get_id (goal));
  assert_refused (f, item, "actual_start", "2026-04-28 16:02");

  g_assert_false (werk_record_set_int (rating, "score", 3, &error));
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "score:");
  g_clear_error (&error);
  g_assert_false (werk_record_set_strv (measure, "goals", bad_goals, &error));
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "goals:");
  werk_test_assert_error_contains (error, WERK_ERROR_INVALID, "g-nope");
  g_clear_error (&error);
  g_assert_null (werk_record_get_strv (measure, "goals")[0]);

  /* New records are checked the same way, and nothing is added. */
  added = werk_store_add (f->store, WERK_KIND_MEASURE, NULL, &error, "title", "X", "due", "morgen",
                          NULL);
  g_assert_null (added);
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "due:");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure"), ==, 1);
}

/* The goal rules: a guiding goal needs a field, a core goal has none. */
static void
test_goal_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *field = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  WerkRecord *goal =
      add (f->store, WERK_KIND_GOAL, NULL, "level", "core", "text", "Teilhabe", NULL);
  GListModel *goals = werk_store_get_list (f->store, WERK_KIND_GOAL, NULL);
  WerkRecord *added;

  added = werk_store_add (f->store, WERK_KIND_GOAL, NULL, &error, "level", "guiding", "text",
                          "Ohne Feld", NULL);
  g_assert_null (added);
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "field:");
  g_clear_error (&error);
  added = werk_store_add (f->store, WERK_KIND_GOAL, NULL, &error, "level", "core", "field",
                          werk_record_get_id (field), "text", "Mit Feld", NULL);
  g_assert_null (added);
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "field:");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM goal"), ==, 1);
  /* Turning the existing core goal into a guiding one without a field is refused too. */
  g_assert_false (werk_record_set_string (goal, "level", "guiding", &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (werk_record_get_string (goal, "level"), ==, "core");
  g_assert_false (werk_record_set_ref (goal, "field", field, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (werk_record_get_ref (goal, "field"));
}

static void
test_rotate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  WerkRecord *workshop =
      add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "custom", "title", "Werkstatt", NULL);

  /* A photo turns by quarter turns only. */
  WerkRecord *photo = add (f->store, WERK_KIND_PHOTO, workshop, "caption", "Flipchart", NULL);
  g_assert_true (werk_record_set_int (photo, "rotate", 90, &error));
  g_assert_no_error (error);
  g_assert_false (werk_record_set_int (photo, "rotate", 45, &error));
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "rotate:");
  g_assert_cmpint (werk_record_get_int (photo, "rotate"), ==, 90);
}

static WerkRecord *
tally (WerkRecord *round, WerkRecord *item, guint dots)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_voting_set_tally (WERK_VOTING_ROUND (round), item, dots, &error));
  g_assert_no_error (error);
  return round;
}

static char *
goals_of (WerkRecord *measure)
{
  return g_strjoinv (" ", (char **) werk_record_get_strv (measure, "goals"));
}

static void
test_cascade_field (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  WerkRecord *mob = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  WerkRecord *verw = add (f->store, WERK_KIND_FIELD, NULL, "title", "Verwaltung", NULL);
  WerkRecord *core =
      add (f->store, WERK_KIND_GOAL, NULL, "level", "core", "text", "Teilhabe", NULL);
  WerkRecord *bus = add (f->store, WERK_KIND_GOAL, NULL, "level", "guiding", "field",
                         werk_record_get_id (mob), "text", "Bus im Takt", NULL);
  WerkRecord *online = add (f->store, WERK_KIND_GOAL, NULL, "level", "guiding", "field",
                            werk_record_get_id (verw), "text", "Online-Amt", NULL);
  WerkRecord *measure = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", "field",
                             werk_record_get_id (mob), NULL);
  WerkRecord *other = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Stadt-App", "field",
                           werk_record_get_id (verw), NULL);
  WerkRecord *challenge = add (f->store, WERK_KIND_CHALLENGE, NULL, "text", "Kein Bus", "field",
                               werk_record_get_id (mob), NULL);
  WerkRecord *workshop =
      add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "custom", "title", "Werkstatt", NULL);
  WerkRecord *p1 = add (f->store, WERK_KIND_PARTICIPANT, workshop, "name", "Eva", NULL);
  WerkRecord *on_fields = add (f->store, WERK_KIND_VOTING_ROUND, workshop, "on", "fields", NULL);
  GListModel *fields = werk_store_get_list (f->store, WERK_KIND_FIELD, NULL);
  GListModel *goals = werk_store_get_list (f->store, WERK_KIND_GOAL, NULL);
  GListModel *tallies = werk_store_get_list (f->store, WERK_KIND_TALLY, on_fields);
  GListModel *ballots = werk_store_get_list (f->store, WERK_KIND_BALLOT, on_fields);
  const char *measure_goals[] = { werk_record_get_id (bus), werk_record_get_id (core),
                                  werk_record_get_id (online), NULL };
  g_autofree char *mob_id = g_strdup (werk_record_get_id (mob));
  g_autofree char *bus_id = g_strdup (werk_record_get_id (bus));
  g_autofree char *all_goals = g_strjoinv (" ", (char **) measure_goals);
  g_autofree char *left_goals =
      g_strdup_printf ("%s %s", werk_record_get_id (core), werk_record_get_id (online));
  g_autofree char *text = NULL;

  g_assert_true (werk_record_set_strv (measure, "goals", measure_goals, &error));
  tally (on_fields, mob, 7);
  tally (on_fields, verw, 3);
  g_assert_true (werk_voting_set_ballot (WERK_VOTING_ROUND (on_fields), WERK_PARTICIPANT (p1), mob,
                                         2, &error));
  g_assert_no_error (error);

  g_assert_true (werk_store_delete (f->store, mob, &undo, &error));
  g_assert_no_error (error);
  g_assert_null (lookup (f, mob_id));
  g_assert_null (lookup (f, bus_id));
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  g_assert_null (werk_record_get_ref (measure, "field"));
  g_assert_true (werk_record_get_ref (other, "field") == verw);
  text = goals_of (measure);
  g_assert_cmpstr (text, ==, left_goals);
  g_clear_pointer (&text, g_free);
  g_assert_null (werk_record_get_ref (challenge, "field"));
  g_assert_cmpuint (g_list_model_get_n_items (tallies), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ballots), ==, 0);
  g_assert_cmpuint (werk_voting_round_get_total (WERK_VOTING_ROUND (on_fields), verw), ==, 3);
  /* The file agrees with the lists. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM goal"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure_goal"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure WHERE field IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM tally"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM ballot"), ==, 0);

  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  mob = lookup (f, mob_id);
  g_assert_nonnull (mob);
  g_assert_true (werk_test_item (fields, 0) == mob);
  g_assert_cmpstr (werk_record_get_string (mob, "title"), ==, "Mobilität");
  g_assert_nonnull (lookup (f, bus_id));
  g_assert_true (werk_record_get_ref (lookup (f, bus_id), "field") == mob);
  g_assert_true (werk_test_item (goals, 1) == lookup (f, bus_id));
  g_assert_true (werk_record_get_ref (measure, "field") == mob);
  text = goals_of (measure);
  g_assert_cmpstr (text, ==, all_goals);
  g_clear_pointer (&text, g_free);
  g_assert_true (werk_record_get_ref (challenge, "field") == mob);
  g_assert_cmpuint (werk_voting_round_get_total (WERK_VOTING_ROUND (on_fields), mob), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (ballots), ==, 1);

  reopen (f);
  measure = werk_test_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);
  text = goals_of (measure);
  g_assert_cmpstr (text, ==, all_goals);
  g_assert_cmpstr (werk_record_get_string (measure, "field"), ==, mob_id);
}

static void
test_cascade_workshop (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autoptr (GBytes) jpeg = werk_test_make_jpeg (640, 480);
  g_autoptr (GBytes) restored = NULL;
  WerkRecord *keep = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "strategy_starter", "title",
                          "Strategiestarter", NULL);
  WerkRecord *ws = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "topic_marketplace", "title",
                        "Themenmarktplatz", NULL);
  WerkRecord *p = add (f->store, WERK_KIND_PARTICIPANT, ws, "name", "Eva Schmidt", NULL);
  WerkRecord *a = add (f->store, WERK_KIND_AGENDA_ITEM, ws, "title", "Impulse", NULL);
  WerkRecord *t = add (f->store, WERK_KIND_TABLE, ws, "topic", "Innenstadt", "round", "1", NULL);
  WerkRecord *m = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Stadt-App", "workshop",
                       werk_record_get_id (ws), "table", werk_record_get_id (t), NULL);
  WerkRecord *c = add (f->store, WERK_KIND_CHALLENGE, NULL, "text", "Leerstand", "workshop",
                       werk_record_get_id (ws), NULL);
  WerkRecord *r =
      add (f->store, WERK_KIND_VOTING_ROUND, ws, "on", "measures", "state", "revealed", NULL);
  WerkPhoto *photo;
  GListModel *workshops = werk_store_get_list (f->store, WERK_KIND_WORKSHOP, NULL);
  g_autofree char *ids = NULL;
  g_autofree char *ws_id = g_strdup (werk_record_get_id (ws));
  g_autofree char *photo_id = NULL;
  g_autofree char *t_id = NULL;
  const char *children[] = { "participant", "agenda_item", "work_table", "voting_round",
                             "tally",       "ballot",      "photo" };

  tally (r, m, 12);
  g_assert_true (
      werk_voting_set_ballot (WERK_VOTING_ROUND (r), WERK_PARTICIPANT (p), m, 2, &error));
  photo = werk_store_add_photo (f->store, WERK_WORKSHOP (ws), jpeg, "flipchart.jpg", &error);
  g_assert_no_error (error);
  g_assert_true (werk_record_set_ref (WERK_RECORD (photo), "agenda_item", a, &error));
  g_assert_true (werk_record_set_ref (WERK_RECORD (photo), "table", t, &error));
  g_assert_no_error (error);
  photo_id = g_strdup (werk_record_get_id (WERK_RECORD (photo)));
  t_id = g_strdup (werk_record_get_id (t));
  ids = g_strdup_printf ("%s %s %s %s %s", werk_record_get_id (p), werk_record_get_id (a),
                         werk_record_get_id (t), werk_record_get_id (r), photo_id);

  g_assert_true (werk_store_delete (f->store, ws, &undo, &error));
  g_assert_no_error (error);
  g_assert_null (lookup (f, ws_id));
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
  g_assert_true (werk_test_item (workshops, 0) == keep);
  {
    g_auto (GStrv) gone = g_strsplit (ids, " ", -1);
    for (guint i = 0; gone[i]; i++)
      g_assert_null (lookup (f, gone[i]));
  }
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", children[i]);
      g_assert_cmpint (count_rows (f, sql), ==, 0);
    }
  g_assert_null (werk_record_get_ref (m, "workshop"));
  g_assert_null (werk_record_get_ref (m, "table"));
  g_assert_null (werk_record_get_ref (c, "workshop"));

  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  ws = lookup (f, ws_id);
  g_assert_nonnull (ws);
  g_assert_true (werk_test_item (workshops, 1) == ws);
  {
    g_auto (GStrv) back = g_strsplit (ids, " ", -1);
    for (guint i = 0; back[i]; i++)
      {
        WerkRecord *child = lookup (f, back[i]);
        g_assert_nonnull (child);
        g_assert_true (werk_record_get_parent (child) == ws);
      }
  }
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (f->store, WERK_KIND_PARTICIPANT, ws)), ==, 1);
  g_assert_true (werk_record_get_ref (m, "workshop") == ws);
  g_assert_true (werk_record_get_ref (m, "table") == lookup (f, t_id));
  g_assert_true (werk_record_get_ref (c, "workshop") == ws);
  r = werk_test_item (werk_store_get_list (f->store, WERK_KIND_VOTING_ROUND, ws), 0);
  g_assert_cmpuint (werk_voting_round_get_total (WERK_VOTING_ROUND (r), m), ==, 14);
  restored = werk_photo_load_bytes (WERK_PHOTO (lookup (f, photo_id)), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (restored, jpeg));
  g_assert_nonnull (werk_record_get_ref (lookup (f, photo_id), "agenda_item"));
  g_assert_nonnull (werk_record_get_ref (lookup (f, photo_id), "table"));
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", children[i]);
      g_assert_cmpint (count_rows (f, sql), ==, 1);
    }
}

/* Undo of an operation of several changes; a failing operation leaves nothing behind. */
static gboolean
three_changes (WerkStore *store, gpointer data, GError **error)
{
  WerkRecord *measure = data;

  return werk_record_set_string (measure, "owner", "Hauptamt", error) &&
         werk_store_add (store, WERK_KIND_MEASURE, NULL, error, "title", "Zweite", NULL) &&
         werk_record_set_string (measure, "status", "planned", error);
}

static gboolean
change_then_fail (WerkStore *store, gpointer data, GError **error)
{
  WerkRecord *measure = data;

  return werk_record_set_string (measure, "owner", "Niemand", error) &&
         werk_store_add (store, WERK_KIND_MEASURE, NULL, error, "title", "Dritte", NULL) &&
         werk_record_set_string (measure, "due", "nie", error);
}

static void
test_run (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  WerkRecord *measure = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", NULL);
  GListModel *measures = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);

  g_assert_true (werk_store_run (f->store, three_changes, measure, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 2);
  g_assert_cmpstr (werk_record_get_string (measure, "owner"), ==, "Hauptamt");
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);
  g_assert_cmpstr (werk_record_get_string (measure, "owner"), ==, "");
  g_assert_cmpstr (werk_record_get_string (measure, "status"), ==, "idea");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure"), ==, 1);
  /* Applying it again changes nothing more. */
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);

  g_assert_false (werk_store_run (f->store, change_then_fail, measure, NULL, &error));
  werk_test_assert_error_prefix (error, WERK_ERROR_INVALID, "due:");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM measure WHERE owner = ''"), ==, 1);
  /* What the user sees must be the file: no record that was never saved, no value that isn't. */
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);
  g_assert_cmpstr (werk_record_get_string (measure, "owner"), ==, "");
  reopen (f);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL)), ==, 1);
}

typedef struct
{
  guint count;
  GPtrArray *names;
} Notes;

static void
notify_cb (GObject *object, GParamSpec *pspec, Notes *notes)
{
  notes->count++;
  g_ptr_array_add (notes->names, g_strdup (pspec->name));
}

static void
error_cb (WerkStore *store, GError *error, char **message)
{
  g_free (*message);
  *message = g_strdup (error->message);
}

static void
test_notify (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  g_autofree char *message = NULL;
  g_autofree char *value = NULL;
  WerkRecord *field = add (f->store, WERK_KIND_FIELD, NULL, "title", "Mobilität", NULL);
  WerkRecord *measure = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", "field",
                             werk_record_get_id (field), NULL);
  Notes notes = { 0, g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (measure, "notify", G_CALLBACK (notify_cb), &notes);
  g_signal_connect (f->store, "error", G_CALLBACK (error_cb), &message);

  g_assert_true (werk_record_set_string (measure, "next_steps", "Ausschreibung", &error));
  g_assert_cmpuint (notes.count, ==, 1);
  g_assert_cmpstr (notes.names->pdata[0], ==, "next-steps");
  /* The same value again is no change. */
  g_assert_true (werk_record_set_string (measure, "next_steps", "Ausschreibung", &error));
  g_assert_cmpuint (notes.count, ==, 1);
  /* A refused value is no change either. */
  g_assert_false (werk_record_set_string (measure, "due", "bald", &error));
  g_clear_error (&error);
  g_assert_cmpuint (notes.count, ==, 1);

  /* Through the property, as a binding does: written to the file, notified. */
  g_object_set (measure, "owner", "Frau Keller", NULL);
  g_assert_cmpuint (notes.count, ==, 2);
  g_assert_cmpstr (notes.names->pdata[1], ==, "owner");
  value = werk_test_sql_text (f->path, "SELECT owner FROM measure");
  g_assert_cmpstr (value, ==, "Frau Keller");
  g_object_get (measure, "owner", &message, NULL);
  g_assert_cmpstr (message, ==, "Frau Keller");
  g_clear_pointer (&message, g_free);

  /* A property set the store refuses: the "error" signal, no change, no notify. */
  g_object_set (measure, "due", "2027-13-01", NULL);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "due:"));
  g_assert_null (werk_record_get_string (measure, "due"));
  g_assert_cmpuint (notes.count, ==, 2);

  /* Changes from a cascade and from an undo notify too. */
  g_assert_true (werk_store_delete (f->store, field, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes.count, ==, 3);
  g_assert_cmpstr (notes.names->pdata[2], ==, "field");
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_cmpuint (notes.count, ==, 4);
  g_assert_cmpstr (notes.names->pdata[3], ==, "field");
  g_assert_nonnull (werk_record_get_ref (measure, "field"));

  g_signal_handlers_disconnect_by_data (measure, &notes);
  g_signal_handlers_disconnect_by_data (f->store, &message);
  g_ptr_array_unref (notes.names);
}

typedef struct
{
  guint count;
  guint position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *list, guint position, guint removed, guint added, Changes *c)
{
  c->count++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
assert_change (Changes *c, guint count, guint position, guint removed, guint added)
{
  g_assert_cmpuint (c->count, ==, count);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

static void
test_items_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkUndo) undo = NULL;
  GListModel *measures = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);
  Changes c = { 0 }, pc = { 0 };
  WerkRecord *a, *b, *workshop, *p;
  GListModel *participants;
  g_autofree char *ids = NULL;

  g_signal_connect (measures, "items-changed", G_CALLBACK (items_changed_cb), &c);
  a = add (f->store, WERK_KIND_MEASURE, NULL, "title", "A", NULL);
  assert_change (&c, 1, 0, 0, 1);
  b = add (f->store, WERK_KIND_MEASURE, NULL, "title", "B", NULL);
  assert_change (&c, 2, 1, 0, 1);
  add (f->store, WERK_KIND_MEASURE, NULL, "title", "C", NULL);
  assert_change (&c, 3, 2, 0, 1);

  /* A move is seen as a change of the list (whatever its steps). */
  g_assert_true (werk_store_move (f->store, a, 2, &error));
  g_assert_cmpuint (c.count, >, 3);
  ids = werk_test_labels (measures);
  g_assert_cmpstr (ids, ==, "B|C|A");
  c.count = 0;

  /* Editing a record is not a change of the list: its properties notify. */
  g_assert_true (werk_record_set_string (b, "owner", "Hauptamt", &error));
  g_assert_cmpuint (c.count, ==, 0);

  g_assert_true (werk_store_delete (f->store, b, &undo, &error));
  g_assert_no_error (error);
  assert_change (&c, 1, 0, 1, 0);
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.count, ==, 2);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);
  g_clear_pointer (&ids, g_free);
  ids = werk_test_labels (measures);
  g_assert_cmpstr (ids, ==, "B|C|A");

  /* A child list: a workshop's participants. */
  workshop = add (f->store, WERK_KIND_WORKSHOP, NULL, "format", "custom", "title", "W", NULL);
  participants = werk_store_get_list (f->store, WERK_KIND_PARTICIPANT, workshop);
  g_signal_connect (participants, "items-changed", G_CALLBACK (items_changed_cb), &pc);
  p = add (f->store, WERK_KIND_PARTICIPANT, workshop, "name", "Eva", NULL);
  assert_change (&pc, 1, 0, 0, 1);
  g_clear_object (&undo);
  g_assert_true (werk_store_delete (f->store, p, &undo, &error));
  assert_change (&pc, 2, 0, 1, 0);

  g_signal_handlers_disconnect_by_data (measures, &c);
  g_signal_handlers_disconnect_by_data (participants, &pc);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  WerkRecord *m = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Bürgerbeteiligung online",
                       "owner", "Amt für Straßenbau", NULL);
  WerkRecord *c =
      add (f->store, WERK_KIND_CHALLENGE, NULL, "text", "Die HAUPTSTRASSE ist voll", NULL);
  WerkRecord *other = add (f->store, WERK_KIND_MEASURE, NULL, "title", "Rufbus", NULL);
  const char *finds_m[] = { "burger",  "Bürger", "BÜRGER", "bürgerbeteiligung", "strasse", "Straße",
                            "STRASSE", "ONLINE", "" };
  const char *finds_c[] = { "strasse", "straße", "Hauptstraße", "voll" };
  const char *misses[] = { "burgerbus", "Strassenbahn", "Bürgermeister", "xyz" };

  for (guint i = 0; i < G_N_ELEMENTS (finds_m); i++)
    g_assert_true (werk_record_matches (m, finds_m[i]));
  for (guint i = 0; i < G_N_ELEMENTS (finds_c); i++)
    g_assert_true (werk_record_matches (c, finds_c[i]));
  for (guint i = 0; i < G_N_ELEMENTS (misses); i++)
    {
      g_assert_false (werk_record_matches (m, misses[i]));
      g_assert_false (werk_record_matches (c, misses[i]));
    }
  g_assert_false (werk_record_matches (other, "bürger"));
  g_assert_false (werk_record_matches (other, "strasse"));
}

/* The owner filter offers each owner once, in the order of a German phone book (DIN 5007-1),
 * whatever the process locale is. */
static void
test_owners (Fixture *f, gconstpointer data)
{
  const char *owners[] = { "Zahnarztpraxis Weber", "Ärztehaus Mitte", "Bauamt", "Ölmühle e. V.",
                           "apotheke am Markt",    "Bauamt",          "" };
  const char *expected[] = { "apotheke am Markt", "Ärztehaus Mitte",      "Bauamt",
                             "Ölmühle e. V.",     "Zahnarztpraxis Weber", NULL };
  g_auto (GStrv) listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    add (f->store, WERK_KIND_MEASURE, NULL, "title", "Maßnahme", "owner", owners[i], NULL);
  listed = werk_store_list_owners (f->store);
  g_assert_cmpstrv (listed, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (WerkKind k = WERK_KIND_FIELD; k < WERK_N_KINDS; k++)
    {
      g_autofree char *path =
          g_strdup_printf ("/model/kind/%s", werk_enum_nick (WERK_TYPE_KIND, k));
      g_test_add (path, Fixture, GUINT_TO_POINTER (k), fixture_set_up, test_kind,
                  fixture_tear_down);
    }
  g_test_add ("/model/kind/process", Fixture, NULL, fixture_set_up, test_process,
              fixture_tear_down);
  g_test_add ("/model/values", Fixture, NULL, fixture_set_up, test_values, fixture_tear_down);
  g_test_add ("/model/invalid", Fixture, NULL, fixture_set_up, test_invalid, fixture_tear_down);
  g_test_add ("/model/invalid/goal-rules", Fixture, NULL, fixture_set_up, test_goal_rules,
              fixture_tear_down);
  g_test_add ("/model/invalid/rotate", Fixture, NULL, fixture_set_up, test_rotate,
              fixture_tear_down);
  g_test_add ("/model/cascade/field", Fixture, NULL, fixture_set_up, test_cascade_field,
              fixture_tear_down);
  g_test_add ("/model/cascade/workshop", Fixture, NULL, fixture_set_up, test_cascade_workshop,
              fixture_tear_down);
  g_test_add ("/model/run", Fixture, NULL, fixture_set_up, test_run, fixture_tear_down);
  g_test_add ("/model/notify", Fixture, NULL, fixture_set_up, test_notify, fixture_tear_down);
  g_test_add ("/model/items-changed", Fixture, NULL, fixture_set_up, test_items_changed,
              fixture_tear_down);
  g_test_add ("/model/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/model/owners", Fixture, NULL, fixture_set_up, test_owners, fixture_tear_down);
  return g_test_run ();
}
