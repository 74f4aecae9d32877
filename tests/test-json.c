/* test-json.c: the exchange format: lossless round trips (rich fixture, demo, unknown keys) and
 * every refusal rule of EXCHANGE.md, each by a small change to the rich fixture.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "werk-core.h"
#include "werk-test-util.c"

#define RICH "exchange-rich.json"

typedef struct
{
  char *dir;
  char *fixtures; /* tests/fixtures, the folder photo "file"s resolve against */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *rich = werk_test_fixture_path (RICH);

  f->dir = werk_test_make_dir ();
  f->fixtures = g_path_get_dirname (rich);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  werk_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->fixtures);
}

static JsonNode *
rich (void)
{
  g_autofree char *path = werk_test_fixture_path (RICH);

  return werk_test_load_json (path);
}

static char *
in_dir (Fixture *f, const char *first, ...)
{
  va_list args;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  g_ptr_array_add (parts, f->dir);
  va_start (args, first);
  for (const char *p = first; p; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* Imports @input as if it lay beside the fixtures, into @out. */
static WerkStore *
import_node (Fixture *f, JsonNode *input, const char *out, GError **error)
{
  g_autoptr (GBytes) bytes = werk_test_json_bytes (input);
  g_autoptr (GFile) base = g_file_new_for_path (f->fixtures);

  return werk_json_import (bytes, base, out, error);
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* Replaces @old_key of @obj by @new_key with @value, in the same place among its members. */
static void
replace_member (JsonObject *obj, const char *old_key, const char *new_key, JsonNode *value)
{
  g_autoptr (GList) members = json_object_get_members (obj);
  g_autoptr (JsonObject) rebuilt = json_object_new ();

  for (GList *l = members; l; l = l->next)
    json_object_set_member (rebuilt, g_str_equal (l->data, old_key) ? new_key : l->data,
                            g_str_equal (l->data, old_key)
                                ? json_node_ref (value)
                                : json_node_copy (json_object_get_member (obj, l->data)));
  json_node_unref (value);
  for (GList *l = members; l; l = l->next)
    json_object_remove_member (obj, l->data);
  g_clear_pointer (&members, g_list_free);
  members = json_object_get_members (rebuilt);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (obj, l->data,
                            json_node_copy (json_object_get_member (rebuilt, l->data)));
}

static JsonArray *
photos_of (JsonNode *root, guint workshop)
{
  g_autofree char *path = g_strdup_printf ("workshops[%u].photos", workshop);
  JsonNode *node = werk_test_json_at (root, path);

  return node ? json_node_get_array (node) : NULL;
}

static guint
n_workshops (JsonNode *root)
{
  JsonNode *node = werk_test_json_at (root, "workshops");

  return node ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* What an export of @input must equal: photos given as "file" or "data" come out as @mode
 * ("file": a file in the export's photo folder holding the same bytes; "data": base64). The
 * photo's bytes in @input are checked against what was written. */
static JsonNode *
expected_export (JsonNode *input, JsonNode *output, const char *input_dir, const char *output_dir,
                 gboolean embedded)
{
  JsonNode *expected = werk_test_json_copy (input);

  for (guint w = 0; w < n_workshops (expected); w++)
    {
      JsonArray *want = photos_of (expected, w);
      JsonArray *got = photos_of (output, w);

      for (guint i = 0; want && i < json_array_get_length (want); i++)
        {
          JsonObject *p = json_array_get_object_element (want, i);
          JsonObject *q = json_array_get_object_element (got, i);
          g_autoptr (GBytes) original = NULL;
          g_autoptr (GBytes) written = NULL;
          const char *had = json_object_has_member (p, "data") ? "data" : "file";

          if (g_str_equal (had, "data"))
            {
              gsize len;
              guchar *raw = g_base64_decode (json_object_get_string_member (p, "data"), &len);
              original = g_bytes_new_take (raw, len);
            }
          else
            {
              g_autofree char *path =
                  g_build_filename (input_dir, json_object_get_string_member (p, "file"), NULL);
              original = file_bytes (path);
            }
          if (embedded)
            {
              gsize len;
              guchar *raw;

              g_assert_true (json_object_has_member (q, "data"));
              raw = g_base64_decode (json_object_get_string_member (q, "data"), &len);
              written = g_bytes_new_take (raw, len);
              replace_member (p, had, "data", json_node_copy (json_object_get_member (q, "data")));
            }
          else
            {
              const char *name = json_object_get_string_member (q, "file");
              g_autofree char *path = g_build_filename (output_dir, name, NULL);
              g_autofree char *prefix = NULL;

              g_assert_nonnull (name);
              /* NAME.photos/FILE beside NAME.json */
              prefix = g_strdup_printf ("%s.photos/", "exchange-rich");
              g_assert_true (g_str_has_prefix (name, prefix));
              written = file_bytes (path);
              replace_member (p, had, "file", json_node_copy (json_object_get_member (q, "file")));
            }
          g_assert_true (g_bytes_equal (written, original));
        }
    }
  return expected;
}

static JsonNode *
export_to (WerkStore *store, const char *path, gboolean embed)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (werk_json_export_file (store, path, embed, &error));
  g_assert_no_error (error);
  return werk_test_load_json (path);
}

#define assert_json_equal(a, b)                              \
  G_STMT_START                                               \
  {                                                          \
    g_autofree char *_diff = werk_test_json_diff ((a), (b)); \
    if (_diff)                                               \
      g_error ("JSON differs at %s", _diff);                 \
  }                                                          \
  G_STMT_END

/* import → export gives @input back; export → import → export gives the export back. */
static void
assert_round_trip (Fixture *f, JsonNode *input, const char *input_dir, gboolean embed)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first_dir = in_dir (f, "first", NULL);
  g_autofree char *second_dir = in_dir (f, "second", NULL);
  g_autofree char *first_file = in_dir (f, "first.werkstatt", NULL);
  g_autofree char *second_file = in_dir (f, "second.werkstatt", NULL);
  g_autofree char *first_json = g_build_filename (first_dir, RICH, NULL);
  g_autofree char *second_json = g_build_filename (second_dir, RICH, NULL);
  g_autofree char *first_photos = g_build_filename (first_dir, "exchange-rich.photos", NULL);
  g_autofree char *second_photos = g_build_filename (second_dir, "exchange-rich.photos", NULL);
  g_autoptr (GBytes) bytes = werk_test_json_bytes (input);
  g_autoptr (GFile) base = g_file_new_for_path (input_dir);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (WerkStore) again = NULL;
  g_autoptr (JsonNode) output = NULL;
  g_autoptr (JsonNode) expected = NULL;
  g_autoptr (JsonNode) output2 = NULL;

  g_assert_cmpint (g_mkdir (first_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (second_dir, 0700), ==, 0);
  store = werk_json_import (bytes, base, first_file, &error);
  g_assert_no_error (error);
  output = export_to (store, first_json, embed);
  expected = expected_export (input, output, input_dir, first_dir, embed);
  assert_json_equal (expected, output);

  again = werk_json_import_file (first_json, second_file, &error);
  g_assert_no_error (error);
  output2 = export_to (again, second_json, embed);
  assert_json_equal (output, output2);
  if (!embed)
    {
      g_autofree char *names = werk_test_list_dir (first_photos);
      g_autofree char *names2 = werk_test_list_dir (second_photos);
      g_auto (GStrv) list = g_strsplit (names, "\n", -1);

      g_assert_cmpstr (names2, ==, names);
      for (guint i = 0; list[i] && *list[i]; i++)
        {
          g_autofree char *a = g_build_filename (first_photos, list[i], NULL);
          g_autofree char *b = g_build_filename (second_photos, list[i], NULL);
          g_autofree char *sum_a = werk_test_checksum (a);
          g_autofree char *sum_b = werk_test_checksum (b);
          g_assert_cmpstr (sum_b, ==, sum_a);
        }
    }
  else
    g_assert_false (g_file_test (first_photos, G_FILE_TEST_EXISTS));

  werk_store_close (store);
  werk_store_close (again);
  werk_test_rmtree (first_dir);
  werk_test_rmtree (second_dir);
  werk_test_remove_db (first_file);
  werk_test_remove_db (second_file);
}

static void
test_rich (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) input = rich ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = in_dir (f, "rich.werkstatt", NULL);
  g_autofree char *rich_path = werk_test_fixture_path (RICH);
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  /* The fixture holds every key EXCHANGE.md names; its import checks clean. */
  store = werk_json_import_file (rich_path, out, &error);
  g_assert_no_error (error);
  g_assert_true (werk_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_MEASURE, NULL)),
                    ==, 4);
  g_assert_cmpstr (werk_record_get_string (werk_store_lookup (store, "m3"), "title"), ==,
                   "Bürgerterminal \"24/7\"");
  werk_store_close (store);

  assert_round_trip (f, input, f->fixtures, FALSE);
  assert_round_trip (f, input, f->fixtures, TRUE);
}

/* Keys of later versions (version 2 of the schema) and unknown keys everywhere come back. */
static void
test_extra_keys (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) input = rich ();
  static const struct
  {
    const char *path, *value;
  } keys[] = {
    { "workshops[0].agenda[0].actual_start", "\"2026-04-28T16:02:00\"" },
    { "workshops[0].agenda[0].actual_end", "\"2026-04-28T16:35:00\"" },
    { "criteria[1].retired", "true" },
    { "ratings[1].not_relevant", "true" },
    { "ratings[0].id", "\"r-1\"" },
    { "workshops[0].voting_rounds[0].tallies[1].id", "\"ta-2\"" },
    { "workshops[0].voting_rounds[0].ballots[1].id", "\"b-2\"" },
    { "workshops[0].photos[0].rotate", "90" },
    { "workshops[0].photos[0].enhance", "true" },
    { "x-root-object", "{\"a\": [1, 2, {\"b\": null}], \"c\": \"ä\"}" },
    { "x-root-list", "[\"eins\", 2, 3.5, false]" },
    { "process.x-contact", "{\"name\": \"Frau Keller\", \"phone\": null}" },
    { "fields[0].x-icon", "\"bus-symbolic\"" },
    { "goals[2].x-source", "\"Leitbild 2030\"" },
    { "challenges[1].x-votes", "12" },
    { "measures[0].x-cost", "{\"euro\": 250000, \"funded\": true}" },
    { "criteria[0].x-weight", "1.5" },
    { "ratings[0].x-by", "\"Projektgruppe\"" },
    { "workshops[0].x-weather", "\"Regen\"" },
    { "workshops[0].participants[1].x-table", "\"t1\"" },
    { "workshops[0].agenda[1].x-room", "\"Saal 2\"" },
    { "workshops[0].tables[0].x-colour", "\"#ff0000\"" },
    { "workshops[0].voting_rounds[0].x-device", "\"phones\"" },
    { "workshops[0].voting_rounds[0].tallies[2].x-counted-by", "\"Jonas\"" },
    { "workshops[0].voting_rounds[0].ballots[0].x-at", "\"16:40\"" },
    { "workshops[0].photos[1].x-camera", "\"Pixel\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    werk_test_json_set (input, keys[i].path, keys[i].value);
  assert_round_trip (f, input, f->fixtures, FALSE);
  assert_round_trip (f, input, f->fixtures, TRUE);
}

/* Optional keys given as null (= absent, EXCHANGE.md) come back as null, not as "", 0, false
 * or [], whatever their type. */
static void
test_nulls (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) input = rich ();
  static const char *const keys[] = {
    "process.vision",
    "fields[0].description",
    "fields[1].color",
    "measures[0].workshop",
    "challenges",
    "measures[0].goals",
    "measures[0].due",
    "measures[1].status",
    "criteria[0].question",
    "ratings[0].note",
    "workshops[0].date",
    "workshops[0].facilitators",
    "workshops[0].participants_total",
    "workshops[0].groups",
    "workshops[0].participants[0].photo_consent",
    "workshops[0].agenda[0].kind",
    "workshops[0].agenda[0].minutes",
    "workshops[0].tables",
    "workshops[0].voting_rounds[0].blind",
    "workshops[0].voting_rounds[0].ballots",
    "workshops[0].photos[0].caption",
  };

  /* challenges and tables go, so nothing may name them */
  werk_test_json_remove (input, "measures[0].table");
  werk_test_json_remove (input, "workshops[0].photos[0].table");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    werk_test_json_set (input, keys[i], "null");
  assert_round_trip (f, input, f->fixtures, FALSE);
  assert_round_trip (f, input, f->fixtures, TRUE);
}

/* Optional references, dates, times and colours given as "" (no value) come back as "", not
 * as null. */
static void
test_empty_strings (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) input = rich ();
  static const char *const keys[] = {
    "fields[0].color",
    "measures[0].field",
    "measures[0].due",
    "measures[0].workshop",
    "workshops[0].date",
    "workshops[0].start",
    "workshops[0].photos[0].agenda_item",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    werk_test_json_set (input, keys[i], "\"\"");
  assert_round_trip (f, input, f->fixtures, FALSE);
}

/* A minimal file: only what is required, nothing more comes out. */
static void
test_minimal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) input =
      json_from_string ("{\"format\": \"werkstatt\", \"version\": 1, "
                        "\"process\": {\"id\": \"p\", \"title\": \"Kleinstadt\"}}",
                        &error);

  g_assert_no_error (error);
  assert_round_trip (f, input, f->fixtures, FALSE);
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = in_dir (f, "demo.werkstatt", NULL);
  g_autofree char *json = in_dir (f, "demo.json", NULL);
  g_autoptr (WerkStore) store = werk_demo_create (path, &error);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonNode) exported = NULL;
  GListModel *workshops, *measures;
  guint owners = 0, photos = 0, revealed = 0;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (werk_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("demo: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  workshops = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_FIELD, NULL)),
                    >=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    owners += *werk_record_get_string (werk_test_item (measures, i), "owner") != '\0';
  g_assert_cmpuint (owners, >=, 15);
  for (guint w = 0; w < g_list_model_get_n_items (workshops); w++)
    {
      WerkRecord *workshop = werk_test_item (workshops, w);
      GListModel *rounds = werk_store_get_list (store, WERK_KIND_VOTING_ROUND, workshop);
      GListModel *list = werk_store_get_list (store, WERK_KIND_PHOTO, workshop);

      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          WerkVotingRound *round = WERK_VOTING_ROUND (werk_test_item (rounds, r));
          g_autoptr (GArray) ranked = NULL;

          if (werk_record_get_int (WERK_RECORD (round), "state") != WERK_ROUND_REVEALED)
            continue;
          ranked = werk_voting_round_rank (round);
          g_assert_nonnull (ranked);
          if (ranked->len > 0 && g_array_index (ranked, WerkRankedItem, 0).dots > 0)
            revealed++;
        }
      for (guint p = 0; p < g_list_model_get_n_items (list); p++)
        {
          WerkPhoto *photo = WERK_PHOTO (werk_test_item (list, p));
          g_autoptr (GBytes) bytes = werk_photo_load_bytes (photo, &error);
          g_autoptr (GBytes) thumb = werk_photo_load_thumbnail (photo);

          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
          /* Every demo photo is a picture: it has a thumbnail. */
          g_assert_nonnull (thumb);
          photos++;
        }
    }
  g_assert_cmpuint (revealed, >=, 1);
  g_assert_cmpuint (photos, >=, 1);

  /* It never overwrites either. */
  g_clear_object (&store);
  g_assert_null (werk_demo_create (path, &error));
  g_assert_error (error, WERK_ERROR, WERK_ERROR_EXISTS);
  g_clear_error (&error);

  /* Its round trip: export, then import and export again, with and without embedded photos. */
  store = werk_store_open (path, &error);
  g_assert_no_error (error);
  exported = export_to (store, json, TRUE);
  werk_store_close (store);
  assert_round_trip (f, exported, f->dir, FALSE);
  assert_round_trip (f, exported, f->dir, TRUE);
}

/* A change to the rich fixture that the import must refuse. */
typedef struct _Mutation Mutation;
static void refuse (Fixture *f, const Mutation *m);

struct _Mutation
{
  const char *name;
  const char *path;  /* NULL: @value is the whole file */
  const char *value; /* JSON text to set at @path; NULL removes it */
  const char *prefix;
  const char *part1, *part2;
};

#define WS        "workshops[0]"
#define V1        WS ".voting_rounds[0]"
#define V2        WS ".voting_rounds[1]"
#define REMOVE(p) p, NULL
#define SET(p, v) p, v

static const Mutation mutations[] = {
  /* the header */
  { "format/other", SET ("format", "\"excel-export\""), NULL, "not a Werkstatt exchange file" },
  { "format/missing", REMOVE ("format"), "format:" },
  { "version/higher", SET ("version", "2"), NULL, "version 2", "newer" },
  { "version/zero", SET ("version", "0"), "version:", "version 0", "1" },
  { "version/negative", SET ("version", "-3"), "version:", "version -3" },
  { "version/missing", REMOVE ("version"), "version:" },
  { "version/string", SET ("version", "\"1\""), "version:" },
  { "process/missing", REMOVE ("process"), "process:" },
  { "process/list", SET ("process", "[]"), "process:" },
  /* required keys */
  { "required/process.title", REMOVE ("process.title"), "process.title:" },
  { "required/process.id", REMOVE ("process.id"), "process:", "id" },
  { "required/fields.id", REMOVE ("fields[1].id"), "fields[1]:", "id" },
  { "required/goals.id", REMOVE ("goals[2].id"), "goals[2]:", "id" },
  { "required/challenges.id", REMOVE ("challenges[1].id"), "challenges[1]:", "id" },
  { "required/measures.id", REMOVE ("measures[3].id"), "measures[3]:", "id" },
  { "required/criteria.id", REMOVE ("criteria[1].id"), "criteria[1]:", "id" },
  { "required/workshops.id", REMOVE (WS ".id"), WS ":", "id" },
  { "required/participants.id", REMOVE (WS ".participants[1].id"), WS ".participants[1]:", "id" },
  { "required/agenda.id", REMOVE (WS ".agenda[1].id"), WS ".agenda[1]:", "id" },
  { "required/tables.id", REMOVE (WS ".tables[0].id"), WS ".tables[0]:", "id" },
  { "required/voting_rounds.id", REMOVE (V2 ".id"), V2 ":", "id" },
  { "required/photos.id", REMOVE (WS ".photos[1].id"), WS ".photos[1]:", "id" },
  { "required/id-empty", SET ("fields[0].id", "\"\""), "fields[0]:", "id" },
  { "required/id-number", SET ("measures[0].id", "1"), "measures[0]:", "id" },
  { "required/fields.title", REMOVE ("fields[0].title"), "fields[0].title:" },
  { "required/goals.level", REMOVE ("goals[1].level"), "goals[1].level:" },
  { "required/goals.text", REMOVE ("goals[0].text"), "goals[0].text:" },
  { "required/challenges.text", REMOVE ("challenges[1].text"), "challenges[1].text:" },
  { "required/measures.title", REMOVE ("measures[3].title"), "measures[3].title:" },
  { "required/measures.title-null", SET ("measures[3].title", "null"), "measures[3].title:" },
  { "required/criteria.dimension", REMOVE ("criteria[0].dimension"), "criteria[0].dimension:" },
  { "required/criteria.title", REMOVE ("criteria[1].title"), "criteria[1].title:" },
  { "required/ratings.measure", REMOVE ("ratings[0].measure"), "ratings[0].measure:" },
  { "required/ratings.criterion", REMOVE ("ratings[1].criterion"), "ratings[1].criterion:" },
  { "required/ratings.score", REMOVE ("ratings[0].score"), "ratings[0].score:" },
  { "required/workshops.format", REMOVE (WS ".format"), WS ".format:" },
  { "required/workshops.title", REMOVE (WS ".title"), WS ".title:" },
  { "required/voting_rounds.on", REMOVE (V2 ".on"), V2 ".on:" },
  { "required/photos.file", REMOVE (WS ".photos[0].file"), WS ".photos[0]", "file" },
  /* "" names no record: a required reference given as "" is missing, not an SQL error */
  { "required/ratings.measure-empty", SET ("ratings[0].measure", "\"\""),
    "ratings[0].measure:", "required" },
  { "required/tally.item-empty", SET (V1 ".tallies[0].item", "\"\""),
    V1 ".tallies[0].item:", "required" },
  { "required/ballot.participant-empty", SET (V1 ".ballots[0].participant", "\"\""),
    V1 ".ballots[0].participant:", "required" },
  { "required/photos.data", REMOVE (WS ".photos[1].data"), WS ".photos[1]", "data" },
  /* references to nothing */
  { "ref/measure-field", SET ("measures[1].field", "\"f-nope\""), "measures[1].field:", "f-nope" },
  { "ref/measure-goals", SET ("measures[0].goals", "[\"g3\", \"g-nope\"]"),
    "measures[0].goals:", "g-nope" },
  { "ref/measure-workshop", SET ("measures[0].workshop", "\"w-nope\""),
    "measures[0].workshop:", "w-nope" },
  { "ref/measure-table", SET ("measures[0].table", "\"t-nope\""), "measures[0].table:", "t-nope" },
  { "ref/goal-field", SET ("goals[1].field", "\"f-nope\""), "goals[1].field:", "f-nope" },
  /* EXCHANGE.md's own example, to the letter */
  { "ref/spec-example", SET ("measures[3].field", "\"f-verkehr\""),
    "measures[3].field: no field with id \"f-verkehr\"" },
  { "ref/challenge-workshop", SET ("challenges[0].workshop", "\"w9\""),
    "challenges[0].workshop:", "w9" },
  { "ref/rating-measure", SET ("ratings[1].measure", "\"m9\""), "ratings[1].measure:", "m9" },
  { "ref/rating-criterion", SET ("ratings[0].criterion", "\"k9\""), "ratings[0].criterion:", "k9" },
  { "ref/tally-item", SET (V1 ".tallies[0].item", "\"m9\""), V1 ".tallies[0].item:", "m9" },
  { "ref/ballot-participant", SET (V1 ".ballots[0].participant", "\"p9\""),
    V1 ".ballots[0].participant:", "p9" },
  { "ref/ballot-item", SET (V1 ".ballots[1].item", "\"m9\""), V1 ".ballots[1].item:", "m9" },
  { "ref/photo-agenda", SET (WS ".photos[0].agenda_item", "\"a9\""),
    WS ".photos[0].agenda_item:", "a9" },
  { "ref/photo-table", SET (WS ".photos[0].table", "\"t9\""), WS ".photos[0].table:", "t9" },
  { "ref/measure-goals-twice", SET ("measures[0].goals", "[\"g2\", \"g3\", \"g2\"]"),
    "measures[0].goals:", "g2" },
  /* references to a record of the wrong kind */
  { "kind/measure-field", SET ("measures[1].field", "\"g2\""), "measures[1].field:", "g2" },
  { "kind/measure-goals", SET ("measures[0].goals", "[\"m2\"]"), "measures[0].goals:", "m2" },
  { "kind/rating-criterion", SET ("ratings[0].criterion", "\"m1\""),
    "ratings[0].criterion:", "m1" },
  { "kind/tally-on-fields", SET (V2 ".tallies[0].item", "\"m1\""), V2 ".tallies[0].item:", "m1" },
  { "kind/tally-on-measures", SET (V1 ".tallies[0].item", "\"f-mob\""),
    V1 ".tallies[0].item:", "f-mob" },
  { "kind/ballot-participant", SET (V1 ".ballots[0].participant", "\"m1\""),
    V1 ".ballots[0].participant:", "m1" },
  { "kind/challenge-workshop", SET ("challenges[0].workshop", "\"p1\""),
    "challenges[0].workshop:", "p1" },
  { "kind/photo-table", SET (WS ".photos[0].table", "\"a1\""), WS ".photos[0].table:", "a1" },
  /* duplicate ids, within a kind and across kinds */
  { "duplicate/field", SET ("fields[1].id", "\"f-mob\""), "fields[1]:", "f-mob" },
  { "duplicate/measure-field", SET ("measures[0].id", "\"f-mob\""), "measures[0]:", "f-mob" },
  { "duplicate/criterion-process", SET ("criteria[0].id", "\"p\""), "criteria[0]:", "\"p\"" },
  { "duplicate/participant-measure", SET (WS ".participants[1].id", "\"m2\""),
    WS ".participants[1]:", "m2" },
  { "duplicate/photo-agenda", SET (WS ".photos[0].id", "\"a1\""), WS ".photos[0]:", "a1" },
  { "duplicate/tally", SET (V1 ".tallies[1].item", "\"m1\""), V1 ".tallies[1]" },
  { "duplicate/rating", SET ("ratings[1].criterion", "\"k1\""), "ratings[1]" },
  /* ratings, tallies and ballots need no id, but one they bring is unique and a string */
  { "duplicate/rating-id", SET ("ratings[0].id", "\"m1\""), "ratings[0]:", "m1" },
  { "duplicate/tally-id", SET (V1 ".tallies[0].id", "\"v1\""), V1 ".tallies[0]:", "v1" },
  { "duplicate/ballot-id", SET (V1 ".ballots[2].id", "\"p1\""), V1 ".ballots[2]:", "p1" },
  { "type/rating-id", SET ("ratings[1].id", "5"), "ratings[1]:", "id" },
  { "type/ballot-id", SET (V1 ".ballots[0].id", "\"\""), V1 ".ballots[0]:", "id" },
  /* wrong types */
  { "type/int-string", SET (WS ".participants_total", "\"46\""), WS ".participants_total:" },
  { "type/int-fraction", SET (V1 ".dots_per_person", "2.5"), V1 ".dots_per_person:" },
  { "type/bool-string", SET (V1 ".blind", "\"no\""), V1 ".blind:" },
  { "type/bool-number", SET (WS ".participants[0].photo_consent", "1"),
    WS ".participants[0].photo_consent:" },
  { "type/text-number", SET ("fields[0].title", "5"), "fields[0].title:" },
  { "type/enum-number", SET ("measures[0].status", "1"), "measures[0].status:" },
  { "type/refs-string", SET ("measures[0].goals", "\"g3\""), "measures[0].goals:" },
  { "type/strv-string", SET (WS ".facilitators", "\"Anna Berg\""), WS ".facilitators:" },
  { "type/strv-numbers", SET (WS ".facilitators", "[1, 2]"), WS ".facilitators:" },
  { "type/groups-list", SET (WS ".groups", "[]"), WS ".groups:" },
  { "type/groups-string", SET (WS ".groups.media", "\"3\""), WS ".groups:", "media" },
  { "type/groups-negative", SET (WS ".groups.media", "-1"), WS ".groups:", "media" },
  { "type/list-object", SET ("fields", "{}"), "fields:" },
  { "type/record-string", SET ("measures[2]", "\"Rufbus\""), "measures[2]:" },
  { "type/data-number", SET (WS ".photos[1].data", "5"), WS ".photos[1].data:" },
  { "type/data-not-base64", SET (WS ".photos[1].data", "\"Foto vom Flipchart!\""),
    WS ".photos[1].data:", "base64" },
  { "type/data-cut", SET (WS ".photos[1].data", "\"/9j/4AAQSk\""),
    WS ".photos[1].data:", "base64" },
  { "type/data-inner-padding", SET (WS ".photos[1].data", "\"/9j=4AAQ\""),
    WS ".photos[1].data:", "base64" },
  /* unknown enum values */
  { "enum/status", SET ("measures[0].status", "\"started\""), "measures[0].status:", "started" },
  { "enum/format", SET (WS ".format", "\"barcamp\""), WS ".format:", "barcamp" },
  { "enum/agenda-kind", SET (WS ".agenda[0].kind", "\"lunch\""), WS ".agenda[0].kind:", "lunch" },
  { "enum/group", SET (WS ".participants[0].group", "\"press\""),
    WS ".participants[0].group:", "press" },
  { "enum/groups-key", SET (WS ".groups.press", "2"), WS ".groups:", "press" },
  { "enum/level", SET ("goals[0].level", "\"vision\""), "goals[0].level:", "vision" },
  { "enum/dimension", SET ("criteria[0].dimension", "\"cultural\""),
    "criteria[0].dimension:", "cultural" },
  { "enum/on", SET (V1 ".on", "\"people\""), V1 ".on:", "people" },
  { "enum/state", SET (V1 ".state", "\"paused\""), V1 ".state:", "paused" },
  /* the goal rules */
  { "goal/core-with-field", SET ("goals[0].field", "\"f-mob\""), "goals[0].field:" },
  { "goal/guiding-without-field", REMOVE ("goals[1].field"), "goals[1].field:" },
  /* voting budgets: p1 gives m1 2 and m2 1 of 3 dots, at most 2 per item */
  { "ballot/over-budget", SET (V1 ".ballots[1].dots", "2"), V1 ".ballots[1]:", "p1", "v1" },
  { "ballot/over-max", SET (V1 ".ballots[2].dots", "3"), V1 ".ballots[2]:", "p2", "v1" },
  /* dates, times, colours, ranges */
  { "date/german", SET ("measures[0].due", "\"31.03.2027\""), "measures[0].due:" },
  { "date/no-such-day", SET ("measures[0].due", "\"2027-02-30\""), "measures[0].due:" },
  { "date/short", SET ("measures[0].due", "\"2027-3-31\""), "measures[0].due:" },
  { "date/plus-sign", SET ("measures[0].due", "\"+027-03-31\""), "measures[0].due:" },
  { "date/space", SET ("measures[0].due", "\" 027-03-31\""), "measures[0].due:" },
  { "date/signed-month", SET ("measures[0].due", "\"2027-+3-31\""), "measures[0].due:" },
  { "date/year-zero", SET ("measures[0].due", "\"0000-03-31\""), "measures[0].due:" },
  { "datetime/signed-day", SET (WS ".agenda[0].actual_start", "\"2026-04-+8T16:02:00\""),
    WS ".agenda[0].actual_start:" },
  { "date/workshop", SET (WS ".date", "\"2026-04-31\""), WS ".date:" },
  { "time/pm", SET (WS ".start", "\"4pm\""), WS ".start:" },
  { "time/minutes", SET (WS ".end", "\"19:60\""), WS ".end:" },
  { "time/hours", SET (WS ".start", "\"24:00\""), WS ".start:" },
  { "colour/name", SET ("fields[0].color", "\"blue\""), "fields[0].color:" },
  { "colour/short", SET ("fields[0].color", "\"#3584e\""), "fields[0].color:" },
  { "colour/not-hex", SET ("fields[0].color", "\"#3584eg\""), "fields[0].color:" },
  { "score/3", SET ("ratings[0].score", "3"), "ratings[0].score:" },
  { "score/-3", SET ("ratings[1].score", "-3"), "ratings[1].score:" },
  { "score/string", SET ("ratings[0].score", "\"1\""), "ratings[0].score:" },
  { "minutes/negative", SET (WS ".agenda[0].minutes", "-5"), WS ".agenda[0].minutes:" },
  /* photos */
  { "photo/missing-file", SET (WS ".photos[0].file", "\"exchange-rich.photos/fehlt.jpg\""),
    WS ".photos[0].file:", "fehlt.jpg" },
  { "photo/rotate-45", SET (WS ".photos[0].rotate", "45"), WS ".photos[0].rotate:" },
  /* not JSON at all */
  { "json/cut", NULL, "{\"format\": \"werkstatt\", \"version\": 1, \"process\": {", NULL,
    "not valid JSON" },
  { "json/trailing", NULL, "{\"format\": \"werkstatt\", \"version\": 1} x", NULL,
    "not valid JSON" },
  /* a 0-byte file parses with no root: refused, not a critical warning */
  { "json/empty", NULL, "", NULL, NULL, NULL },
  { "json/list", NULL, "[]", NULL, NULL },
  { "json/text", NULL, "Fotoprotokoll Werkstattgespräch\n", NULL, "not valid JSON" },
};

static void
test_refusal (Fixture *f, gconstpointer data)
{
  const Mutation *m = data;

  refuse (f, m);
}

static void
refuse (Fixture *f, const Mutation *m)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFile) base = g_file_new_for_path (f->fixtures);
  g_autoptr (WerkStore) store = NULL;
  g_autofree char *out = in_dir (f, "abgelehnt.werkstatt", NULL);
  g_autofree char *listing = NULL;

  if (m->path)
    {
      g_autoptr (JsonNode) input = rich ();
      if (m->value)
        werk_test_json_set (input, m->path, m->value);
      else
        werk_test_json_remove (input, m->path);
      bytes = werk_test_json_bytes (input);
    }
  else
    bytes = g_bytes_new_static (m->value, strlen (m->value));

  store = werk_json_import (bytes, base, out, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (m->prefix)
    werk_test_assert_error_prefix (error, WERK_ERROR_EXCHANGE, m->prefix);
  if (m->part1)
    werk_test_assert_error_contains (error, WERK_ERROR_EXCHANGE, m->part1);
  if (m->part2)
    werk_test_assert_error_contains (error, WERK_ERROR_EXCHANGE, m->part2);
  g_assert_error (error, WERK_ERROR, WERK_ERROR_EXCHANGE);

  /* Nothing is left behind: no file, no half-written part, no journal. */
  listing = werk_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "");
}

/* Paths outside the JSON file's folder are no photos of the workshop: importing a file that
 * names /etc/… must not carry local files into a .werkstatt that is then handed on. */
static void
test_photo_outside (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) input = rich ();
  g_autofree char *out = in_dir (f, "fremd.werkstatt", NULL);
  g_autoptr (WerkStore) store = NULL;

  werk_test_json_set (input, WS ".photos[0].file", "\"/etc/hostname\"");
  store = import_node (f, input, out, &error);
  g_assert_null (store);
  werk_test_assert_error_prefix (error, WERK_ERROR_EXCHANGE, WS ".photos[0].file:");
}

static void
test_never_overwrites (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) input = rich ();
  g_autofree char *out = in_dir (f, "da.werkstatt", NULL);
  g_autofree char *json = in_dir (f, "in.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *err = NULL;
  g_autofree char *cli = werk_test_cli_path ();
  g_autoptr (GBytes) bytes = werk_test_json_bytes (input);

  werk_test_write_file (out, "Ergebnisse vom Juli – nicht überschreiben", -1);
  before = werk_test_checksum (out);
  g_assert_null (import_node (f, input, out, &error));
  werk_test_assert_error_contains (error, WERK_ERROR_EXISTS, "da.werkstatt");
  g_clear_error (&error);
  after = werk_test_checksum (out);
  g_assert_cmpstr (after, ==, before);

  /* The command line says so on one line and exits non-zero. */
  werk_test_write_file (json, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (cli)
    {
      g_assert_cmpint (
          werk_test_run_cli ((const char *[]){ "import", json, out, NULL }, NULL, &err), !=, 0);
      g_assert_nonnull (strstr (err, "da.werkstatt"));
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
      g_clear_pointer (&after, g_free);
      after = werk_test_checksum (out);
      g_assert_cmpstr (after, ==, before);
    }
  listing = werk_test_list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "da.werkstatt\nin.json");
}

/* werkstatt-cli import and export: the same round trip, and a refusal on one line. */
static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *cli = werk_test_cli_path ();
  g_autofree char *rich_path = werk_test_fixture_path (RICH);
  g_autofree char *out = in_dir (f, "cli.werkstatt", NULL);
  g_autofree char *bad = in_dir (f, "kaputt.json", NULL);
  g_autofree char *bad_out = in_dir (f, "kaputt.werkstatt", NULL);
  g_autofree char *json = in_dir (f, RICH, NULL);
  g_autofree char *err = NULL;
  g_autoptr (JsonNode) input = rich ();
  g_autoptr (JsonNode) output = NULL;
  g_autoptr (JsonNode) expected = NULL;
  g_autoptr (JsonNode) broken = rich ();
  g_autoptr (GBytes) broken_bytes = NULL;
  g_autofree char *embedded = in_dir (f, "eingebettet.json", NULL);
  g_autofree char *embedded_photos = in_dir (f, "eingebettet.photos", NULL);
  g_autoptr (JsonNode) embedded_output = NULL;
  g_autoptr (JsonNode) embedded_expected = NULL;

  if (cli == NULL)
    return;
  g_assert_cmpint (
      werk_test_run_cli ((const char *[]){ "import", rich_path, out, NULL }, NULL, NULL), ==, 0);
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "export", out, json, NULL }, NULL, NULL),
                   ==, 0);
  output = werk_test_load_json (json);
  expected = expected_export (input, output, f->fixtures, f->dir, FALSE);
  assert_json_equal (expected, output);
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "check", out, NULL }, NULL, NULL), ==, 0);

  /* --embed-photos: the bytes inside the JSON, no photo folder. */
  g_assert_cmpint (
      werk_test_run_cli ((const char *[]){ "export", out, embedded, "--embed-photos", NULL }, NULL,
                         NULL),
      ==, 0);
  embedded_output = werk_test_load_json (embedded);
  embedded_expected = expected_export (input, embedded_output, f->fixtures, f->dir, TRUE);
  assert_json_equal (embedded_expected, embedded_output);
  g_assert_false (g_file_test (embedded_photos, G_FILE_TEST_EXISTS));

  werk_test_json_set (broken, "measures[3].field", "\"f-nope\"");
  broken_bytes = werk_test_json_bytes (broken);
  werk_test_write_file (bad, g_bytes_get_data (broken_bytes, NULL),
                        g_bytes_get_size (broken_bytes));
  g_assert_cmpint (werk_test_run_cli ((const char *[]){ "import", bad, bad_out, NULL }, NULL, &err),
                   !=, 0);
  g_assert_nonnull (strstr (err, "measures[3].field"));
  g_assert_nonnull (strstr (err, "f-nope"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_false (g_file_test (bad_out, G_FILE_TEST_EXISTS));
}

/* NAME.photos/ is as readable as NAME.json beside it: a town archives both, others read them. */
static void
test_photo_folder_mode (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *rich_path = werk_test_fixture_path (RICH);
  g_autofree char *out = in_dir (f, "rich.werkstatt", NULL);
  g_autofree char *json = in_dir (f, "archiv.json", NULL);
  g_autofree char *photos = in_dir (f, "archiv.photos", NULL);
  g_autoptr (WerkStore) store = NULL;
  GStatBuf dir_stat, json_stat;
  mode_t mask = umask (022);

  store = werk_json_import_file (rich_path, out, &error);
  g_assert_no_error (error);
  g_assert_true (werk_json_export_file (store, json, FALSE, &error));
  g_assert_no_error (error);
  umask (mask);
  g_assert_cmpint (g_stat (photos, &dir_stat), ==, 0);
  g_assert_cmpint (g_stat (json, &json_stat), ==, 0);
  g_assert_cmpint (dir_stat.st_mode & 0777, ==, 0755);
  g_assert_cmpint (json_stat.st_mode & 0777, ==, 0644);
  werk_store_close (store);
}

/* Runs werkstatt-cli in @dir, so that a file it should not write would show up there. */
static int
run_cli_in (const char *dir, const char *const *args, char **out, char **err)
{
  g_autofree char *built = werk_test_cli_path ();
  g_autofree char *cli = built ? g_canonicalize_filename (built, NULL) : NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* Each command takes its own options only: --help is help, not a file name, and an option
 * of another command is refused on one line before anything is written. */
static void
test_cli_arguments (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "demo",      "import",   "export",
                                       "check",     "results",  "protocol",
                                       "framework", "measures", "sustainability" };
  static const char *const refused[][8] = {
    { "import", "cli.werkstatt", "neu.werkstatt", "--foo", NULL },
    { "import", "cli.werkstatt", "neu.werkstatt", "--embed-photos", NULL },
    { "demo", "neu.werkstatt", "--csv", NULL },
    { "check", "cli.werkstatt", "--workshop", "w1", NULL },
    { "export", "cli.werkstatt", "neu.json", "--csv", NULL },
    { "results", "cli.werkstatt", "--embed-photos", NULL },
    { "results", "cli.werkstatt", "-o", "neu.csv", NULL },
    { "measures", "cli.werkstatt", "-o", "neu.csv", "--workshop", "w1", NULL },
    { "framework", "cli.werkstatt", "-o", "neu.md", "--csv", NULL },
    { "protocol", "cli.werkstatt", "--workshop", "w1", "-o", "neu.pdf", "--with-dropped", NULL },
    { "protocol", "cli.werkstatt", "-o", "neu.pdf", NULL },
  };
  g_autofree char *cli = werk_test_cli_path ();
  g_autofree char *fixture = werk_test_fixture_path (RICH);
  g_autofree char *rich_path = g_canonicalize_filename (fixture, NULL);
  g_autofree char *before = NULL;

  if (cli == NULL)
    return;
  g_assert_cmpint (run_cli_in (f->dir,
                               (const char *[]){ "import", rich_path, "cli.werkstatt", NULL }, NULL,
                               NULL),
                   ==, 0);
  before = werk_test_list_dir (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *want = g_strdup_printf ("Usage: werkstatt-cli %s ", names[i]);
      g_autofree char *after = NULL;

      g_assert_cmpint (
          run_cli_in (f->dir, (const char *[]){ names[i], "--help", NULL }, &out, &err), ==, 0);
      g_assert_true (g_str_has_prefix (out, want));
      g_assert_cmpstr (err, ==, "");
      after = werk_test_list_dir (f->dir);
      g_assert_cmpstr (after, ==, before);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("refused: werkstatt-cli %s %s", refused[i][0], refused[i][1]);
      g_assert_cmpint (run_cli_in (f->dir, refused[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "Usage: werkstatt-cli "));
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
      after = werk_test_list_dir (f->dir);
      g_assert_cmpstr (after, ==, before);
    }
}

/* An unknown command is an error on one line too. */
static void
test_cli_unknown_command (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_in (f->dir, (const char *[]){ "exprot", "a", "b", NULL }, &out, &err),
                   !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "exprot"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/json/round-trip/rich", test_rich);
  ADD ("/json/round-trip/extra-keys", test_extra_keys);
  ADD ("/json/round-trip/minimal", test_minimal);
  ADD ("/json/round-trip/nulls", test_nulls);
  ADD ("/json/round-trip/empty-strings", test_empty_strings);
  ADD ("/json/round-trip/demo", test_demo);
  ADD ("/json/never-overwrites", test_never_overwrites);
  ADD ("/json/photo-outside", test_photo_outside);
  ADD ("/json/photo-folder-mode", test_photo_folder_mode);
  ADD ("/json/cli", test_cli);
  ADD ("/json/cli/arguments", test_cli_arguments);
  ADD ("/json/cli/unknown-command", test_cli_unknown_command);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/refuse/%s", mutations[i].name);
      g_test_add (path, Fixture, &mutations[i], fixture_set_up, test_refusal, fixture_tear_down);
    }
  return g_test_run ();
}
