/* werk-json.c: the JSON exchange format (EXCHANGE.md): strict import, lossless export.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "werk-private.h"

/* Kept in a record's "extra" object: known optional keys the input left out, gave as null, or
 * gave as "" where no value is stored as null (references, dates, times, colours), so that
 * export leaves them out or writes null or "" again while they still hold their default. */
#define ABSENT_KEY "@absent"
#define NULL_KEY   "@null"
#define EMPTY_KEY  "@empty"

/* Nouns for references in refusals: measures[3].field: no field with id "f-mob". */
static const char *const ref_nouns[WERK_N_KINDS] = {
  N_ ("process"),   N_ ("field"),        N_ ("goal"),     N_ ("challenge"),   N_ ("measure"),
  N_ ("criterion"), N_ ("rating"),       N_ ("workshop"), N_ ("participant"), N_ ("agenda item"),
  N_ ("table"),     N_ ("voting round"), N_ ("tally"),    N_ ("ballot"),      N_ ("photo"),
};

/* Child arrays of a record kind, in exchange order. */
static const WerkKind workshop_children[] = {
  WERK_KIND_PARTICIPANT,  WERK_KIND_AGENDA_ITEM, WERK_KIND_TABLE,
  WERK_KIND_VOTING_ROUND, WERK_KIND_PHOTO,
};
static const WerkKind round_children[] = { WERK_KIND_TALLY, WERK_KIND_BALLOT };
static const WerkKind top_level[] = {
  WERK_KIND_FIELD,     WERK_KIND_GOAL,   WERK_KIND_CHALLENGE, WERK_KIND_MEASURE,
  WERK_KIND_CRITERION, WERK_KIND_RATING, WERK_KIND_WORKSHOP,
};

/* The child arrays inside a record's object (the top-level arrays are the root's, not the
 * process object's). */
static const WerkKind *
children_of (WerkKind kind, guint *n)
{
  *n = kind == WERK_KIND_WORKSHOP       ? G_N_ELEMENTS (workshop_children)
       : kind == WERK_KIND_VOTING_ROUND ? G_N_ELEMENTS (round_children)
                                        : 0;
  return kind == WERK_KIND_WORKSHOP ? workshop_children : round_children;
}

/* ---- import ---- */

typedef struct
{
  WerkKind kind;
  char *id;
  char *given_id;  /* the "id" of a kind that stores none (ratings, tallies, ballots), or NULL */
  char *path;      /* "measures[3]" */
  JsonObject *obj; /* borrowed from the parsed document */
  GValue *values;
  char *extra;   /* JSON object of unknown keys and ABSENT_KEY, or NULL */
  GBytes *photo; /* a photo's bytes */
  guint parent;  /* index of the parent in the records array, or G_MAXUINT */
  WerkRecord *record;
} Rec;

typedef struct
{
  GPtrArray *recs;
  GHashTable *ids; /* id → Rec */
  GFile *base;
} Import;

static void
rec_free (Rec *rec)
{
  const WerkKindInfo *info = _werk_kind_info (rec->kind);

  for (guint i = 0; rec->values && i < info->n_fields; i++)
    if (G_IS_VALUE (&rec->values[i]))
      g_value_unset (&rec->values[i]);
  g_free (rec->values);
  g_free (rec->id);
  g_free (rec->given_id);
  g_free (rec->path);
  g_free (rec->extra);
  g_clear_pointer (&rec->photo, g_bytes_unref);
  g_clear_object (&rec->record);
  g_free (rec);
}

G_GNUC_PRINTF (3, 4)
static gboolean
refuse (GError **error, const char *where, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, WERK_ERROR, WERK_ERROR_EXCHANGE, "%s: %s", where, message);
  return FALSE;
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_strings (JsonNode *node, const char *where, GValue *value, GError **error)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, where, _ ("must be a list of strings"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (!holds (e, G_TYPE_STRING))
        return refuse (error, where, _ ("must be a list of strings"));
      g_strv_builder_add (b, json_node_get_string (e));
    }
  g_value_take_boxed (value, g_strv_builder_end (b));
  return TRUE;
}

static gboolean
read_groups (JsonNode *node, const char *where, GValue *value, GError **error)
{
  JsonObject *obj;
  g_autoptr (JsonNode) copy = NULL;
  g_autoptr (GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, where, _ ("must be an object of counts per stakeholder group"));
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *count = json_object_get_member (obj, l->data);
      if (!werk_enum_from_nick (WERK_TYPE_GROUP, l->data, NULL))
        return refuse (error, where, _ ("unknown stakeholder group \"%s\""), (char *) l->data);
      if (!holds (count, G_TYPE_INT64) || json_node_get_int (count) < 0)
        return refuse (error, where, _ ("\"%s\" must be a whole number of at least 0"),
                       (char *) l->data);
    }
  g_value_take_string (value, json_to_string (node, FALSE));
  return TRUE;
}

/* Reads one key's value into @value (initialised to the field's type); @where names it. */
static gboolean
read_value (const WerkFieldInfo *f, JsonNode *node, const char *where, GValue *value,
            GError **error)
{
  g_autoptr (GError) local = NULL;

  switch (f->type)
    {
      case WERK_VALUE_INT:
        if (!holds (node, G_TYPE_INT64) || json_node_get_int (node) < G_MININT ||
            json_node_get_int (node) > G_MAXINT)
          return refuse (error, where, _ ("must be a whole number"));
        g_value_set_int (value, json_node_get_int (node));
        break;
      case WERK_VALUE_BOOL:
        if (!holds (node, G_TYPE_BOOLEAN))
          return refuse (error, where, _ ("must be true or false"));
        g_value_set_boolean (value, json_node_get_boolean (node));
        break;
      case WERK_VALUE_ENUM:
        {
          int v;
          if (!holds (node, G_TYPE_STRING))
            return refuse (error, where, _ ("must be a string"));
          if (!werk_enum_from_nick (f->enum_type (), json_node_get_string (node), &v))
            return refuse (error, where, _ ("unknown value \"%s\""), json_node_get_string (node));
          g_value_set_enum (value, v);
          break;
        }
      case WERK_VALUE_REFS:
      case WERK_VALUE_STRV:
        return read_strings (node, where, value, error);
      case WERK_VALUE_GROUPS:
        return read_groups (node, where, value, error);
      default:
        if (!holds (node, G_TYPE_STRING))
          return refuse (error, where, _ ("must be a string"));
        g_value_set_string (value, json_node_get_string (node));
        if (f->type != WERK_VALUE_TEXT && *json_node_get_string (node) == '\0')
          g_value_set_string (value, NULL);
        break;
    }
  if (!_werk_field_check (f, value, &local))
    return refuse (error, where, "%s", local->message);
  return TRUE;
}

/* Base64 as RFC 4648 writes it (line breaks allowed): g_base64_decode takes anything and
 * makes bytes of it, so a photo's "data" that is not base64 is refused rather than stored as
 * noise that exports as different text. */
static gboolean
is_base64 (const char *text)
{
  gsize n = 0, pad = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        pad++;
      else if (pad > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return FALSE;
      n++;
    }
  return n % 4 == 0 && pad <= 2;
}

static gboolean
read_photo_bytes (Import *imp, Rec *rec, GError **error)
{
  JsonNode *file = json_object_get_member (rec->obj, "file");
  JsonNode *data = json_object_get_member (rec->obj, "data");
  g_autofree char *where = NULL;

  if (data && !JSON_NODE_HOLDS_NULL (data))
    {
      gsize len;
      guchar *bytes;

      where = g_strdup_printf ("%s.data", rec->path);
      if (!holds (data, G_TYPE_STRING))
        return refuse (error, where, _ ("must be a string"));
      if (!is_base64 (json_node_get_string (data)))
        return refuse (error, where, _ ("must hold the photo’s bytes in base64"));
      bytes = g_base64_decode (json_node_get_string (data), &len);
      rec->photo = g_bytes_new_take (bytes, len);
      return TRUE;
    }
  if (file && holds (file, G_TYPE_STRING) && *json_node_get_string (file))
    {
      g_autoptr (GFile) f = g_file_resolve_relative_path (imp->base, json_node_get_string (file));
      g_autoptr (GError) local = NULL;
      char *contents;
      gsize len;

      where = g_strdup_printf ("%s.file", rec->path);
      /* A file handed on must not pull in whatever else lies on the importer's disk. */
      if (g_path_is_absolute (json_node_get_string (file)) || !g_file_has_prefix (f, imp->base))
        return refuse (error, where, _ ("must name a file inside the JSON file’s folder"));
      if (!g_file_load_contents (f, NULL, &contents, &len, NULL, &local))
        return refuse (error, where, _ ("can’t be read: %s"), local->message);
      rec->photo = g_bytes_new_take (contents, len);
      return TRUE;
    }
  return refuse (error, rec->path, _ ("needs a \"file\" or \"data\""));
}

/* Reads a record's keys; unknown keys and left-out optional keys go into its extra object. */
static gboolean
read_record (Import *imp, Rec *rec, GError **error)
{
  const WerkKindInfo *info = _werk_kind_info (rec->kind);
  g_autoptr (JsonObject) extra = json_object_new ();
  g_autoptr (JsonArray) absent = json_array_new ();
  g_autoptr (JsonArray) nulls = json_array_new ();
  g_autoptr (JsonArray) empties = json_array_new ();
  g_autoptr (GList) members = json_object_get_members (rec->obj);
  guint n_children;
  const WerkKind *children = children_of (rec->kind, &n_children);

  rec->values = g_new0 (GValue, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const WerkFieldInfo *f = &info->fields[i];
      JsonNode *node = json_object_get_member (rec->obj, f->key);
      g_autofree char *where = g_strdup_printf ("%s.%s", rec->path, f->key);

      _werk_field_init_default (f, &rec->values[i]);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (f->required && !(rec->kind == WERK_KIND_PHOTO && g_str_equal (f->key, "file")))
            return refuse (error, where, _ ("is required"));
          json_array_add_string_element (node ? nulls : absent, f->key);
          continue;
        }
      if (!read_value (f, node, where, &rec->values[i], error))
        return FALSE;
      if (G_VALUE_HOLDS_STRING (&rec->values[i]) && g_value_get_string (&rec->values[i]) == NULL)
        {
          /* "" where a reference must be is as good as no reference */
          if (f->required)
            return refuse (error, where, _ ("is required"));
          json_array_add_string_element (empties, f->key);
        }
    }
  for (guint c = 0; c < n_children; c++)
    {
      const char *key = _werk_kind_info (children[c])->json_key;
      JsonNode *node = json_object_get_member (rec->obj, key);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        json_array_add_string_element (node ? nulls : absent, key);
    }

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      gboolean known = _werk_kind_field_index (info, key) >= 0 || g_str_equal (key, "id") ||
                       (rec->kind == WERK_KIND_PHOTO && g_str_equal (key, "data")) ||
                       (rec->kind == WERK_KIND_PROCESS &&
                        (g_str_equal (key, "format") || g_str_equal (key, "version")));
      for (guint c = 0; c < n_children && !known; c++)
        known = g_str_equal (key, _werk_kind_info (children[c])->json_key);
      if (!known || (g_str_equal (key, "id") && !info->has_id))
        json_object_set_member (extra, key,
                                json_node_copy (json_object_get_member (rec->obj, key)));
    }
  if (json_array_get_length (absent) > 0)
    json_object_set_array_member (extra, ABSENT_KEY, json_array_ref (absent));
  if (json_array_get_length (nulls) > 0)
    json_object_set_array_member (extra, NULL_KEY, json_array_ref (nulls));
  if (json_array_get_length (empties) > 0)
    json_object_set_array_member (extra, EMPTY_KEY, json_array_ref (empties));
  if (json_object_get_size (extra) > 0)
    {
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), extra);
      rec->extra = json_to_string (node, FALSE);
    }
  if (rec->kind == WERK_KIND_PHOTO)
    {
      g_autoptr (GError) local = NULL;

      /* A photo's own rule (quarter turns) needs no other record: named here, not left to
       * the database's CHECK. Its message starts with the key. */
      if (!info->validate (NULL, rec->values, &local))
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_EXCHANGE, "%s.%s", rec->path, local->message);
          return FALSE;
        }
      return read_photo_bytes (imp, rec, error);
    }
  return TRUE;
}

static Rec *
add_rec (Import *imp, WerkKind kind, JsonObject *obj, const char *path, guint parent,
         GError **error)
{
  const WerkKindInfo *info = _werk_kind_info (kind);
  Rec *rec = g_new0 (Rec, 1);
  JsonNode *id = json_object_get_member (obj, "id");

  rec->kind = kind;
  rec->obj = obj;
  rec->path = g_strdup (path);
  rec->parent = parent;
  g_ptr_array_add (imp->recs, rec);
  /* Ratings, tallies and ballots may come without an id (EXCHANGE.md's own example); one they
   * bring is kept for the round trip and is unique like any other. */
  if (!info->has_id)
    rec->id = _werk_new_id ();
  if (!info->has_id && (id == NULL || JSON_NODE_HOLDS_NULL (id)))
    return rec;
  if (id == NULL || JSON_NODE_HOLDS_NULL (id))
    return refuse (error, path, _ ("\"id\" is required")), NULL;
  if (!holds (id, G_TYPE_STRING) || *json_node_get_string (id) == '\0')
    return refuse (error, path, _ ("\"id\" must be a non-empty string")), NULL;
  if (g_hash_table_contains (imp->ids, json_node_get_string (id)))
    return refuse (error, path, _ ("duplicate id \"%s\""), json_node_get_string (id)), NULL;
  if (info->has_id)
    rec->id = g_strdup (json_node_get_string (id));
  else
    rec->given_id = g_strdup (json_node_get_string (id));
  g_hash_table_insert (imp->ids, info->has_id ? rec->id : rec->given_id, rec);
  return rec;
}

static gboolean collect_children (Import *imp, Rec *parent, guint parent_index, GError **error);

static gboolean
collect_array (Import *imp, JsonObject *holder, WerkKind kind, const char *prefix, guint parent,
               GError **error)
{
  const char *key = _werk_kind_info (kind)->json_key;
  JsonNode *node = json_object_get_member (holder, key);
  g_autofree char *where = prefix ? g_strdup_printf ("%s.%s", prefix, key) : g_strdup (key);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, where, _ ("must be a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);
      Rec *rec;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        return refuse (error, path, _ ("must be an object"));
      if (!(rec = add_rec (imp, kind, json_node_get_object (e), path, parent, error)))
        return FALSE;
      if (!collect_children (imp, rec, imp->recs->len - 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
collect_children (Import *imp, Rec *parent, guint parent_index, GError **error)
{
  guint n;
  const WerkKind *children = children_of (parent->kind, &n);

  for (guint c = 0; c < n; c++)
    if (!collect_array (imp, parent->obj, children[c], parent->path, parent_index, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_header (JsonNode *root, GError **error)
{
  JsonObject *obj;
  JsonNode *format, *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse (error, "$", _ ("the file must hold one JSON object"));
  obj = json_node_get_object (root);
  format = json_object_get_member (obj, "format");
  version = json_object_get_member (obj, "version");
  if (format == NULL)
    return refuse (error, "format", _ ("is required"));
  if (!holds (format, G_TYPE_STRING) || !g_str_equal (json_node_get_string (format), "werkstatt"))
    {
      g_set_error (
          error, WERK_ERROR, WERK_ERROR_EXCHANGE,
          _ ("This is not a Werkstatt exchange file (its \"format\" is not \"werkstatt\")."));
      return FALSE;
    }
  if (version == NULL)
    return refuse (error, "version", _ ("is required"));
  if (!holds (version, G_TYPE_INT64))
    return refuse (error, "version", _ ("must be a whole number"));
  if (json_node_get_int (version) < 1)
    return refuse (error, "version",
                   _ ("there is no version %d of the exchange format; its versions start at 1"),
                   (int) MAX (json_node_get_int (version), G_MININT));
  if (json_node_get_int (version) > WERK_EXCHANGE_VERSION)
    {
      g_set_error (
          error, WERK_ERROR, WERK_ERROR_EXCHANGE,
          _ ("This exchange file has version %d, written by a newer Werkstatt; this version "
             "reads version %d. Please update Werkstatt."),
          (int) MIN (json_node_get_int (version), G_MAXINT), WERK_EXCHANGE_VERSION);
      return FALSE;
    }
  if (json_object_get_member (obj, "process") == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "process")))
    return refuse (error, "process", _ ("is required and must be an object"));
  return TRUE;
}

/* The root's own unknown keys and left-out arrays, kept with the process as "@root". */
static void
keep_root (JsonObject *root, Rec *process)
{
  g_autoptr (JsonObject) keep = json_object_new ();
  g_autoptr (JsonObject) extra = json_object_new ();
  g_autoptr (JsonArray) absent = json_array_new ();
  g_autoptr (JsonArray) nulls = json_array_new ();
  g_autoptr (JsonObject) process_extra = NULL;
  g_autoptr (GList) members = json_object_get_members (root);
  g_autoptr (JsonNode) node = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
    {
      const char *key = _werk_kind_info (top_level[i])->json_key;
      JsonNode *node = json_object_get_member (root, key);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        json_array_add_string_element (node ? nulls : absent, key);
    }
  for (GList *l = members; l; l = l->next)
    {
      gboolean known = g_str_equal (l->data, "format") || g_str_equal (l->data, "version") ||
                       g_str_equal (l->data, "process");
      for (guint i = 0; i < G_N_ELEMENTS (top_level) && !known; i++)
        known = g_str_equal (l->data, _werk_kind_info (top_level[i])->json_key);
      if (!known)
        json_object_set_member (extra, l->data,
                                json_node_copy (json_object_get_member (root, l->data)));
    }
  if (json_array_get_length (absent) == 0 && json_array_get_length (nulls) == 0 &&
      json_object_get_size (extra) == 0)
    return;
  json_object_set_array_member (keep, "absent", json_array_ref (absent));
  if (json_array_get_length (nulls) > 0)
    json_object_set_array_member (keep, "null", json_array_ref (nulls));
  json_object_set_object_member (keep, "extra", json_object_ref (extra));
  node = process->extra ? json_from_string (process->extra, NULL) : NULL;
  process_extra = node ? json_object_ref (json_node_get_object (node)) : json_object_new ();
  json_object_set_object_member (process_extra, "@root", json_object_ref (keep));
  g_clear_pointer (&node, json_node_unref);
  node = json_node_init_object (json_node_alloc (), process_extra);
  g_free (process->extra);
  process->extra = json_to_string (node, FALSE);
}

static Rec *
rec_at (Import *imp, guint index)
{
  return index < imp->recs->len ? g_ptr_array_index (imp->recs, index) : NULL;
}

static const GValue *
value_of (Rec *rec, const char *key)
{
  return &rec->values[_werk_kind_field_index (_werk_kind_info (rec->kind), key)];
}

static gboolean
resolve_one (Import *imp, Rec *rec, const WerkFieldInfo *f, const char *id, GError **error)
{
  WerkKind want = f->ref_kind;
  Rec *target = g_hash_table_lookup (imp->ids, id);
  g_autofree char *where = g_strdup_printf ("%s.%s", rec->path, f->key);

  if (want == WERK_KIND_VOTE_ITEM)
    {
      int on = g_value_get_enum (value_of (rec_at (imp, rec->parent), "on"));
      want = on == WERK_VOTE_ON_CHALLENGES ? WERK_KIND_CHALLENGE
             : on == WERK_VOTE_ON_FIELDS   ? WERK_KIND_FIELD
                                           : WERK_KIND_MEASURE;
    }
  if (target && target->kind == want)
    return TRUE;
  return refuse (error, where, _ ("no %s with id \"%s\""), _ (ref_nouns[want]), id);
}

static gboolean
resolve_refs (Import *imp, Rec *rec, GError **error)
{
  const WerkKindInfo *info = _werk_kind_info (rec->kind);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const WerkFieldInfo *f = &info->fields[i];
      const GValue *v = &rec->values[i];

      if (f->type == WERK_VALUE_REF && g_value_get_string (v) &&
          !resolve_one (imp, rec, f, g_value_get_string (v), error))
        return FALSE;
      if (f->type == WERK_VALUE_REFS)
        {
          const char *const *ids = g_value_get_boxed (v);
          for (guint j = 0; ids && ids[j]; j++)
            {
              if (!resolve_one (imp, rec, f, ids[j], error))
                return FALSE;
              /* The file links a measure to a goal once: a second link would not come back. */
              for (guint k = 0; k < j; k++)
                if (g_str_equal (ids[k], ids[j]))
                  {
                    g_autofree char *where = g_strdup_printf ("%s.%s", rec->path, f->key);
                    return refuse (error, where, _ ("names \"%s\" twice"), ids[j]);
                  }
            }
        }
    }
  if (rec->kind == WERK_KIND_GOAL)
    {
      gboolean core = g_value_get_enum (value_of (rec, "level")) == WERK_GOAL_CORE;
      gboolean has_field = g_value_get_string (value_of (rec, "field")) != NULL;
      g_autofree char *where = g_strdup_printf ("%s.field", rec->path);

      if (core && has_field)
        return refuse (error, where, _ ("a core goal belongs to no field of action"));
      if (!core && !has_field)
        return refuse (error, where, _ ("is required for a guiding goal"));
    }
  return TRUE;
}

/* A second record with the same references (two tallies of one item, …) is refused. */
static gboolean
check_unique (Import *imp, Rec *rec, GHashTable *seen, GError **error)
{
  g_autofree char *key = NULL;
  const char *round = rec->parent != G_MAXUINT ? rec_at (imp, rec->parent)->id : "";

  if (rec->kind == WERK_KIND_TALLY)
    key = g_strdup_printf ("t\x1f%s\x1f%s", round, g_value_get_string (value_of (rec, "item")));
  else if (rec->kind == WERK_KIND_BALLOT)
    key = g_strdup_printf ("b\x1f%s\x1f%s\x1f%s", round,
                           g_value_get_string (value_of (rec, "participant")),
                           g_value_get_string (value_of (rec, "item")));
  else if (rec->kind == WERK_KIND_RATING)
    key = g_strdup_printf ("r\x1f%s\x1f%s", g_value_get_string (value_of (rec, "measure")),
                           g_value_get_string (value_of (rec, "criterion")));
  else
    return TRUE;
  if (g_hash_table_contains (seen, key))
    return refuse (error, rec->path, _ ("the same %s appears twice"), _ (ref_nouns[rec->kind]));
  g_hash_table_add (seen, g_steal_pointer (&key));
  return TRUE;
}

/* EXCHANGE.md: a participant's ballots in a round stay within dots_per_person, and one
 * participant gives an item at most max_per_item (0 = no limit). */
static gboolean
check_ballots (Import *imp, GError **error)
{
  g_autoptr (GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < imp->recs->len; i++)
    {
      Rec *ballot = rec_at (imp, i), *round;
      const char *participant;
      guint dots, budget, max, sum;
      g_autofree char *key = NULL;

      if (ballot->kind != WERK_KIND_BALLOT)
        continue;
      round = rec_at (imp, ballot->parent);
      participant = g_value_get_string (value_of (ballot, "participant"));
      dots = g_value_get_int (value_of (ballot, "dots"));
      budget = g_value_get_int (value_of (round, "dots_per_person"));
      max = g_value_get_int (value_of (round, "max_per_item"));
      key = g_strdup_printf ("%s\x1f%s", round->id, participant);
      sum = GPOINTER_TO_UINT (g_hash_table_lookup (given, key)) + dots;
      g_hash_table_insert (given, g_strdup (key), GUINT_TO_POINTER (sum));
      if (max > 0 && dots > max)
        return refuse (error, ballot->path,
                       _ ("participant \"%s\" gives %u dots to one item in round \"%s\", more than "
                          "its maximum of %u per item"),
                       participant, dots, round->id, max);
      if (budget > 0 && sum > budget)
        return refuse (error, ballot->path,
                       _ ("participant \"%s\" gives %u dots in round \"%s\", more than its %u dots "
                          "per person"),
                       participant, sum, round->id, budget);
    }
  return TRUE;
}

static gboolean
validate (Import *imp, JsonNode *root, GError **error)
{
  JsonObject *obj = json_node_get_object (root);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Rec *process;

  if (!(process = add_rec (imp, WERK_KIND_PROCESS, json_object_get_object_member (obj, "process"),
                           "process", G_MAXUINT, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
    if (!collect_array (imp, obj, top_level[i], NULL, G_MAXUINT, error))
      return FALSE;
  for (guint i = 0; i < imp->recs->len; i++)
    if (!read_record (imp, rec_at (imp, i), error))
      return FALSE;
  keep_root (obj, process);
  for (guint i = 0; i < imp->recs->len; i++)
    if (!resolve_refs (imp, rec_at (imp, i), error) ||
        !check_unique (imp, rec_at (imp, i), seen, error))
      return FALSE;
  return check_ballots (imp, error);
}

static gboolean
write_records (Import *imp, WerkStore *store, GError **error)
{
  for (guint i = 0; i < imp->recs->len; i++)
    {
      Rec *rec = rec_at (imp, i);
      Rec *parent = rec->parent != G_MAXUINT ? rec_at (imp, rec->parent) : NULL;
      const WerkKindInfo *info = _werk_kind_info (rec->kind);
      GValue *values;

      rec->record = _werk_record_new (store, rec->kind, rec->id, parent ? parent->record : NULL);
      values = _werk_record_values (rec->record);
      for (guint f = 0; f < info->n_fields; f++)
        {
          g_value_unset (&values[f]);
          values[f] = rec->values[f];
          rec->values[f] = (GValue) G_VALUE_INIT;
        }
      _werk_record_set_extra (rec->record, rec->extra);
      if (!_werk_store_append_record (store, rec->record, error))
        return FALSE;
      if (rec->photo)
        {
          WerkPhotoInfo photo = { 0 };
          gboolean ok;

          /* A broken photo is kept as it came; the protocol shows a placeholder for it. */
          _werk_photo_probe (rec->photo, &photo, NULL);
          ok = _werk_photo_write_data (store, WERK_PHOTO (rec->record), rec->photo, &photo, error);
          _werk_photo_info_clear (&photo);
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_file (Import *imp, const char *path, GError **error)
{
  g_autoptr (WerkStore) store = NULL;
  sqlite3 *db = _werk_db_create (path, NULL, error);

  if (db == NULL)
    return FALSE;
  store = _werk_store_new_for_db (db, path, FALSE, error);
  /* Records name workshops and tables that come later in the document. */
  if (!_werk_store_begin (store, error) ||
      !_werk_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  if (!write_records (imp, store, error))
    {
      _werk_store_rollback (store);
      return FALSE;
    }
  if (!_werk_store_commit (store, error))
    return FALSE;
  werk_store_close (store);
  return TRUE;
}

WerkStore *
werk_json_import (GBytes *json, GFile *base, const char *out_path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autofree char *part = NULL;
  g_autofree char *display = NULL;
  Import imp = { 0 };
  gsize size;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (out_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (out_path);
  if (g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_EXISTS,
                   _ ("“%s” already exists; it was left as it is. Choose another name."), display);
      return NULL;
    }
  data = g_bytes_get_data (json, &size);
  if (!json_parser_load_from_data (parser, data ? data : "", size, &local))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_EXCHANGE, _ ("The file is not valid JSON: %s"),
                   local->message);
      return NULL;
    }
  if (!check_header (json_parser_get_root (parser), error))
    return NULL;

  imp.recs = g_ptr_array_new_with_free_func ((GDestroyNotify) rec_free);
  imp.ids = g_hash_table_new (g_str_hash, g_str_equal);
  imp.base = base;
  part = g_strconcat (out_path, ".part", NULL);
  _werk_remove_database (part);
  ok = validate (&imp, json_parser_get_root (parser), error) && write_file (&imp, part, error);
  g_hash_table_unref (imp.ids);
  g_ptr_array_unref (imp.recs);
  if (ok && g_file_test (out_path, G_FILE_TEST_EXISTS))
    ok = (g_set_error (error, WERK_ERROR, WERK_ERROR_EXISTS,
                       _ ("“%s” already exists; it was left as it is. Choose another name."),
                       display),
          FALSE);
  if (ok && g_rename (part, out_path) != 0)
    ok = (g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("“%s” can’t be written: %s"),
                       display, g_strerror (errno)),
          FALSE);
  _werk_remove_database (part);
  return ok ? werk_store_open (out_path, error) : NULL;
}

WerkStore *
werk_json_import_file (const char *json_path, const char *out_path, GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) base = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (json_path != NULL, NULL);

  file = g_file_new_for_path (json_path);
  base = g_file_get_parent (file);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local)))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("“%s” can’t be read: %s"), json_path,
                   local->message);
      return NULL;
    }
  return werk_json_import (bytes, base, out_path, error);
}

/* ---- export ---- */

typedef struct
{
  WerkStore *store;
  gboolean embed;
  GFile *photo_dir;   /* where photo files go */
  char *photo_prefix; /* how the JSON names that folder */
  GHashTable *names;  /* photo file names used */
} Export;

static JsonNode *
value_node (const WerkFieldInfo *f, const GValue *v)
{
  switch (f->type)
    {
      case WERK_VALUE_INT:
        return json_node_init_int (json_node_alloc (), g_value_get_int (v));
      case WERK_VALUE_BOOL:
        return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (v));
      case WERK_VALUE_ENUM:
        return json_node_init_string (json_node_alloc (),
                                      werk_enum_nick (f->enum_type (), g_value_get_enum (v)));
      case WERK_VALUE_REFS:
      case WERK_VALUE_STRV:
        {
          JsonArray *array = json_array_new ();
          const char *const *strv = g_value_get_boxed (v);
          for (guint i = 0; strv && strv[i]; i++)
            json_array_add_string_element (array, strv[i]);
          return json_node_init_array (json_node_alloc (), array);
        }
      case WERK_VALUE_GROUPS:
        {
          JsonNode *node = json_from_string (g_value_get_string (v), NULL);
          return node ? node : json_node_init_object (json_node_alloc (), json_object_new ());
        }
      case WERK_VALUE_TEXT:
        return json_node_init_string (json_node_alloc (), g_value_get_string (v));
      default:
        if (g_value_get_string (v) == NULL)
          return json_node_init_null (json_node_alloc ());
        return json_node_init_string (json_node_alloc (), g_value_get_string (v));
    }
}

static gboolean
in_array (JsonArray *array, const char *key)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), key) == 0)
      return TRUE;
  return FALSE;
}

static char *
photo_name (Export *ex, WerkRecord *photo)
{
  const char *file = werk_record_get_string (photo, "file");
  g_autofree char *base = *file ? g_path_get_basename (file) : NULL;
  char *name;

  if (base == NULL || g_str_equal (base, ".") || g_str_equal (base, G_DIR_SEPARATOR_S) ||
      g_hash_table_contains (ex->names, base))
    {
      const char *dot = base ? strrchr (base, '.') : NULL;
      name = g_strdup_printf ("%s%s", werk_record_get_id (photo), dot ? dot : ".jpg");
    }
  else
    name = g_steal_pointer (&base);
  g_hash_table_add (ex->names, name);
  return g_strdup (name);
}

static gboolean
export_photo (Export *ex, WerkRecord *photo, JsonObject *obj, GError **error)
{
  g_autoptr (GBytes) bytes = werk_photo_load_bytes (WERK_PHOTO (photo), error);
  g_autofree char *name = NULL;
  g_autofree char *ref = NULL;
  g_autoptr (GFile) file = NULL;
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (ex->embed)
    {
      g_autofree char *base64 = g_base64_encode (data, size);
      json_object_set_string_member (obj, "data", base64);
      return TRUE;
    }
  name = photo_name (ex, photo);
  file = g_file_get_child (ex->photo_dir, name);
  if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                error))
    return FALSE;
  ref = g_strdup_printf ("%s/%s", ex->photo_prefix, name);
  json_object_set_string_member (obj, "file", ref);
  return TRUE;
}

static JsonArray *export_list (Export *ex, GListModel *list, GError **error);

static JsonObject *
export_record (Export *ex, WerkRecord *record, GError **error)
{
  const WerkKindInfo *info = _werk_record_info (record);
  const GValue *values = _werk_record_values (record);
  g_autoptr (JsonObject) obj = json_object_new ();
  g_autoptr (JsonNode) extra_node = NULL;
  JsonObject *extra = NULL;
  JsonArray *absent = NULL;
  JsonArray *nulls = NULL;
  JsonArray *empties = NULL;
  guint n_children;
  const WerkKind *children = children_of (info->kind, &n_children);

  if (_werk_record_get_extra (record))
    extra_node = json_from_string (_werk_record_get_extra (record), NULL);
  if (extra_node && JSON_NODE_HOLDS_OBJECT (extra_node))
    extra = json_node_get_object (extra_node);
  if (extra && json_object_has_member (extra, ABSENT_KEY))
    absent = json_object_get_array_member (extra, ABSENT_KEY);
  if (extra && json_object_has_member (extra, NULL_KEY))
    nulls = json_object_get_array_member (extra, NULL_KEY);
  if (extra && json_object_has_member (extra, EMPTY_KEY))
    empties = json_object_get_array_member (extra, EMPTY_KEY);

  if (info->has_id)
    json_object_set_string_member (obj, "id", werk_record_get_id (record));
  for (guint i = 0; i < info->n_fields; i++)
    {
      const WerkFieldInfo *f = &info->fields[i];

      if (info->kind == WERK_KIND_PHOTO && g_str_equal (f->key, "file"))
        {
          if (!export_photo (ex, record, obj, error))
            return NULL;
          continue;
        }
      if (in_array (absent, f->key) && _werk_field_is_default (f, &values[i]))
        continue;
      if (in_array (nulls, f->key) && _werk_field_is_default (f, &values[i]))
        json_object_set_null_member (obj, f->key);
      else if (in_array (empties, f->key) && _werk_field_is_default (f, &values[i]))
        json_object_set_string_member (obj, f->key, "");
      else
        json_object_set_member (obj, f->key, value_node (f, &values[i]));
    }
  for (guint c = 0; c < n_children; c++)
    {
      const char *key = _werk_kind_info (children[c])->json_key;
      GListModel *list = werk_store_get_list (ex->store, children[c], record);
      JsonArray *array;

      if (in_array (absent, key) && g_list_model_get_n_items (list) == 0)
        continue;
      if (in_array (nulls, key) && g_list_model_get_n_items (list) == 0)
        {
          json_object_set_null_member (obj, key);
          continue;
        }
      if (!(array = export_list (ex, list, error)))
        return NULL;
      json_object_set_array_member (obj, key, array);
    }
  if (extra)
    {
      g_autoptr (GList) members = json_object_get_members (extra);
      for (GList *l = members; l; l = l->next)
        if (*(char *) l->data != '@' && !json_object_has_member (obj, l->data))
          json_object_set_member (obj, l->data,
                                  json_node_copy (json_object_get_member (extra, l->data)));
    }
  return g_steal_pointer (&obj);
}

static JsonArray *
export_list (Export *ex, GListModel *list, GError **error)
{
  g_autoptr (JsonArray) array = json_array_sized_new (g_list_model_get_n_items (list));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) record = g_list_model_get_item (list, i);
      JsonObject *obj = export_record (ex, record, error);
      if (obj == NULL)
        return NULL;
      json_array_add_object_element (array, obj);
    }
  return g_steal_pointer (&array);
}

static JsonNode *
export_root (Export *ex, GError **error)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (ex->store));
  g_autoptr (JsonObject) root = json_object_new ();
  g_autoptr (JsonNode) extra_node = NULL;
  JsonObject *keep = NULL;
  JsonArray *absent = NULL;
  JsonArray *nulls = NULL;
  JsonObject *process_obj;

  if (_werk_record_get_extra (process))
    extra_node = json_from_string (_werk_record_get_extra (process), NULL);
  if (extra_node && JSON_NODE_HOLDS_OBJECT (extra_node) &&
      json_object_has_member (json_node_get_object (extra_node), "@root"))
    {
      keep = json_object_get_object_member (json_node_get_object (extra_node), "@root");
      absent = json_object_get_array_member (keep, "absent");
      if (json_object_has_member (keep, "null"))
        nulls = json_object_get_array_member (keep, "null");
    }
  json_object_set_string_member (root, "format", "werkstatt");
  json_object_set_int_member (root, "version", WERK_EXCHANGE_VERSION);
  if (!(process_obj = export_record (ex, process, error)))
    return NULL;
  json_object_set_object_member (root, "process", process_obj);
  for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
    {
      const char *key = _werk_kind_info (top_level[i])->json_key;
      GListModel *list = werk_store_get_list (ex->store, top_level[i], NULL);
      JsonArray *array;

      if (in_array (absent, key) && g_list_model_get_n_items (list) == 0)
        continue;
      if (in_array (nulls, key) && g_list_model_get_n_items (list) == 0)
        {
          json_object_set_null_member (root, key);
          continue;
        }
      if (!(array = export_list (ex, list, error)))
        return NULL;
      json_object_set_array_member (root, key, array);
    }
  if (keep && json_object_has_member (keep, "extra"))
    {
      JsonObject *extra = json_object_get_object_member (keep, "extra");
      g_autoptr (GList) members = json_object_get_members (extra);
      for (GList *l = members; l; l = l->next)
        json_object_set_member (root, l->data,
                                json_node_copy (json_object_get_member (extra, l->data)));
    }
  return json_node_init_object (json_node_alloc (), root);
}

static JsonNode *
export_to (WerkStore *store, gboolean embed, GFile *dir, const char *prefix, GError **error)
{
  Export ex = { store, embed, dir, (char *) prefix };
  JsonNode *root;

  ex.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  root = export_root (&ex, error);
  g_hash_table_unref (ex.names);
  return root;
}

JsonNode *
werk_json_export (WerkStore *store, gboolean embed_photos, GFile *photo_dir, GError **error)
{
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (WERK_IS_STORE (store), NULL);
  g_return_val_if_fail (embed_photos || G_IS_FILE (photo_dir), NULL);

  prefix = photo_dir ? g_file_get_basename (photo_dir) : NULL;
  return export_to (store, embed_photos, photo_dir, prefix, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

/* Puts the new photo folder in place of the old one, keeping the old one until told. */
static gboolean
swap_folder (const char *fresh, const char *final, char **old, GError **error)
{
  if (g_file_test (final, G_FILE_TEST_EXISTS))
    {
      *old = g_strconcat (final, ".old", NULL);
      remove_tree (*old);
      if (g_rename (final, *old) != 0)
        goto fail;
    }
  if (g_rename (fresh, final) == 0)
    return TRUE;
  if (*old)
    g_rename (*old, final);
fail:
  g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The photo folder can’t be written: %s"),
               g_strerror (errno));
  return FALSE;
}

gboolean
werk_json_export_file (WerkStore *store, const char *json_path, gboolean embed_photos,
                       GError **error)
{
  g_autofree char *dirname = g_path_get_dirname (json_path);
  g_autofree char *basename = g_path_get_basename (json_path);
  g_autofree char *prefix = NULL;
  g_autofree char *final = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GFile) dir = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) local = NULL;
  gboolean has_photos = FALSE;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (json_path != NULL, FALSE);

  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - 5] = '\0';
  prefix = g_strconcat (basename, ".photos", NULL);
  final = g_build_filename (dirname, prefix, NULL);
  fresh = g_build_filename (dirname, ".werkstatt-photos-XXXXXX", NULL);
  /* The folder ends up as NAME.photos: as readable as the JSON beside it, not 0700. */
  if (!embed_photos && g_mkdtemp_full (fresh, 0777) == NULL)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("“%s” can’t be written: %s"), json_path,
                   g_strerror (errno));
      return FALSE;
    }
  dir = g_file_new_for_path (fresh);
  root = export_to (store, embed_photos, dir, prefix, error);
  if (!embed_photos)
    {
      g_autoptr (GDir) written = g_dir_open (fresh, 0, NULL);
      has_photos = written && g_dir_read_name (written) != NULL;
      if (!has_photos)
        remove_tree (fresh);
    }
  if (root == NULL)
    {
      remove_tree (fresh);
      return FALSE;
    }
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  if (has_photos && !swap_folder (fresh, final, &old, error))
    {
      remove_tree (fresh);
      return FALSE;
    }
  if (!g_file_set_contents (json_path, text, -1, &local))
    {
      if (has_photos)
        {
          remove_tree (final);
          if (old)
            g_rename (old, final);
        }
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("“%s” can’t be written: %s"), json_path,
                   local->message);
      return FALSE;
    }
  if (old)
    remove_tree (old);
  return TRUE;
}
