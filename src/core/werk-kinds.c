/* werk-kinds.c: the field tables of every record kind, and how values are checked and stored.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "werk-private.h"

#define TEXT(k)                  \
  {                              \
    k, k, WERK_VALUE_TEXT, FALSE \
  }
#define TEXT_REQ(k)             \
  {                             \
    k, k, WERK_VALUE_TEXT, TRUE \
  }
#define INT(k, lo, hi)                           \
  {                                              \
    k, k, WERK_VALUE_INT, FALSE, NULL, 0, lo, hi \
  }
#define BOOL(k)                  \
  {                              \
    k, k, WERK_VALUE_BOOL, FALSE \
  }
#define ENUM(k, req, t)           \
  {                               \
    k, k, WERK_VALUE_ENUM, req, t \
  }
#define ENUM_DEFAULT(k, col, t, d)                \
  {                                               \
    k, col, WERK_VALUE_ENUM, FALSE, t, 0, 0, 0, d \
  }
#define REF(k, kind)                        \
  {                                         \
    k, k, WERK_VALUE_REF, FALSE, NULL, kind \
  }
#define REF_REQ(k, kind)                   \
  {                                        \
    k, k, WERK_VALUE_REF, TRUE, NULL, kind \
  }
#define TYPED(k, type) \
  {                    \
    k, k, type, FALSE  \
  }

static const WerkFieldInfo process_fields[] = {
  TEXT_REQ ("title"),
  TEXT ("municipality"),
  TEXT ("region"),
  TEXT ("vision"),
};

static const WerkFieldInfo field_fields[] = {
  TEXT_REQ ("title"),
  TEXT ("description"),
  TYPED ("color", WERK_VALUE_COLOR),
};

static gboolean validate_goal (WerkRecord *record, const GValue *values, GError **error);
gboolean _werk_voting_validate_ballot (WerkRecord *ballot, const GValue *values, GError **error);
static gboolean validate_photo (WerkRecord *record, const GValue *values, GError **error);

static const WerkFieldInfo goal_fields[] = {
  ENUM ("level", TRUE, werk_goal_level_get_type),
  REF ("field", WERK_KIND_FIELD),
  TEXT_REQ ("text"),
  REF ("workshop", WERK_KIND_WORKSHOP),
};

static const WerkFieldInfo challenge_fields[] = {
  TEXT_REQ ("text"),
  REF ("field", WERK_KIND_FIELD),
  REF ("workshop", WERK_KIND_WORKSHOP),
};

static const WerkFieldInfo measure_fields[] = {
  TEXT_REQ ("title"),
  TEXT ("description"),
  REF ("field", WERK_KIND_FIELD),
  { "goals", "goals", WERK_VALUE_REFS, FALSE, NULL, WERK_KIND_GOAL },
  TEXT ("goal_pursued"),
  TEXT ("next_steps"),
  TEXT ("involve"),
  TEXT ("watch_out"),
  TEXT ("success_factors"),
  TEXT ("owner"),
  TEXT ("partners"),
  TYPED ("due", WERK_VALUE_DATE),
  ENUM ("status", FALSE, werk_measure_status_get_type),
  REF ("workshop", WERK_KIND_WORKSHOP),
  { "table", "tbl", WERK_VALUE_REF, FALSE, NULL, WERK_KIND_TABLE },
};

static const WerkFieldInfo criterion_fields[] = {
  ENUM ("dimension", TRUE, werk_dimension_get_type),
  TEXT_REQ ("title"),
  TEXT ("question"),
  BOOL ("retired"),
};

static const WerkFieldInfo rating_fields[] = {
  REF_REQ ("measure", WERK_KIND_MEASURE),
  REF_REQ ("criterion", WERK_KIND_CRITERION),
  { "score", "score", WERK_VALUE_INT, TRUE, NULL, 0, -2, 2 },
  TEXT ("note"),
  { "not_relevant", "not_relevant", WERK_VALUE_BOOL, FALSE },
};

static const WerkFieldInfo workshop_fields[] = {
  ENUM ("format", TRUE, werk_workshop_format_get_type),
  TEXT_REQ ("title"),
  TYPED ("date", WERK_VALUE_DATE),
  TYPED ("start", WERK_VALUE_TIME),
  { "end", "end_time", WERK_VALUE_TIME },
  TEXT ("location"),
  TYPED ("facilitators", WERK_VALUE_STRV),
  INT ("participants_total", 0, 100000),
  TYPED ("groups", WERK_VALUE_GROUPS),
};

static const WerkFieldInfo participant_fields[] = {
  TEXT ("name"),
  TEXT ("organisation"),
  ENUM_DEFAULT ("group", "grp", werk_group_get_type, WERK_GROUP_OTHER),
  TEXT ("email"),
  BOOL ("photo_consent"),
  BOOL ("contact_consent"),
};

static const WerkFieldInfo agenda_fields[] = {
  TEXT ("title"),
  ENUM_DEFAULT ("kind", "kind", werk_agenda_kind_get_type, WERK_AGENDA_OTHER),
  INT ("minutes", 0, 24 * 60),
  TEXT ("speaker"),
  TEXT ("notes"),
  TYPED ("actual_start", WERK_VALUE_DATETIME),
  TYPED ("actual_end", WERK_VALUE_DATETIME),
};

static const WerkFieldInfo table_fields[] = {
  INT ("round", 0, 1000),
  TEXT ("topic"),
  TEXT ("host"),
};

static const WerkFieldInfo round_fields[] = {
  TEXT ("question"),
  { "on", "vote_on", WERK_VALUE_ENUM, TRUE, werk_vote_on_get_type },
  INT ("dots_per_person", 0, 1000),
  INT ("max_per_item", 0, 1000),
  BOOL ("blind"),
  ENUM ("state", FALSE, werk_round_state_get_type),
};

static const WerkFieldInfo tally_fields[] = {
  { "item", "item", WERK_VALUE_REF, TRUE, NULL, WERK_KIND_VOTE_ITEM },
  INT ("dots", 0, 1000000),
};

static const WerkFieldInfo ballot_fields[] = {
  REF_REQ ("participant", WERK_KIND_PARTICIPANT),
  { "item", "item", WERK_VALUE_REF, TRUE, NULL, WERK_KIND_VOTE_ITEM },
  INT ("dots", 0, 1000),
};

static const WerkFieldInfo photo_fields[] = {
  TEXT ("file"),
  TEXT ("caption"),
  REF ("agenda_item", WERK_KIND_AGENDA_ITEM),
  { "table", "tbl", WERK_VALUE_REF, FALSE, NULL, WERK_KIND_TABLE },
  BOOL ("consent"),
  INT ("rotate", 0, 270),
  BOOL ("enhance"),
};

#define KIND(k, tbl, json, pk, pcol, id, label, f, v) \
  [k] = { k, tbl, json, pk, pcol, id, label, f, G_N_ELEMENTS (f), v }

static const WerkKindInfo kinds[WERK_N_KINDS] = {
  KIND (WERK_KIND_PROCESS, "process", "process", WERK_N_KINDS, NULL, TRUE, "title", process_fields,
        NULL),
  KIND (WERK_KIND_FIELD, "field", "fields", WERK_N_KINDS, NULL, TRUE, "title", field_fields, NULL),
  KIND (WERK_KIND_GOAL, "goal", "goals", WERK_N_KINDS, NULL, TRUE, "text", goal_fields,
        validate_goal),
  KIND (WERK_KIND_CHALLENGE, "challenge", "challenges", WERK_N_KINDS, NULL, TRUE, "text",
        challenge_fields, NULL),
  KIND (WERK_KIND_MEASURE, "measure", "measures", WERK_N_KINDS, NULL, TRUE, "title", measure_fields,
        NULL),
  KIND (WERK_KIND_CRITERION, "criterion", "criteria", WERK_N_KINDS, NULL, TRUE, "title",
        criterion_fields, NULL),
  KIND (WERK_KIND_RATING, "rating", "ratings", WERK_N_KINDS, NULL, FALSE, "note", rating_fields,
        NULL),
  KIND (WERK_KIND_WORKSHOP, "workshop", "workshops", WERK_N_KINDS, NULL, TRUE, "title",
        workshop_fields, NULL),
  KIND (WERK_KIND_PARTICIPANT, "participant", "participants", WERK_KIND_WORKSHOP, "workshop", TRUE,
        "name", participant_fields, NULL),
  KIND (WERK_KIND_AGENDA_ITEM, "agenda_item", "agenda", WERK_KIND_WORKSHOP, "workshop", TRUE,
        "title", agenda_fields, NULL),
  KIND (WERK_KIND_TABLE, "work_table", "tables", WERK_KIND_WORKSHOP, "workshop", TRUE, "topic",
        table_fields, NULL),
  KIND (WERK_KIND_VOTING_ROUND, "voting_round", "voting_rounds", WERK_KIND_WORKSHOP, "workshop",
        TRUE, "question", round_fields, NULL),
  KIND (WERK_KIND_TALLY, "tally", "tallies", WERK_KIND_VOTING_ROUND, "round", FALSE, NULL,
        tally_fields, NULL),
  KIND (WERK_KIND_BALLOT, "ballot", "ballots", WERK_KIND_VOTING_ROUND, "round", FALSE, NULL,
        ballot_fields, _werk_voting_validate_ballot),
  KIND (WERK_KIND_PHOTO, "photo", "photos", WERK_KIND_WORKSHOP, "workshop", TRUE, "caption",
        photo_fields, validate_photo),
};

const WerkKind _werk_kind_order[WERK_N_KINDS] = {
  WERK_KIND_PROCESS, WERK_KIND_FIELD,       WERK_KIND_GOAL,        WERK_KIND_WORKSHOP,
  WERK_KIND_TABLE,   WERK_KIND_CHALLENGE,   WERK_KIND_MEASURE,     WERK_KIND_CRITERION,
  WERK_KIND_RATING,  WERK_KIND_PARTICIPANT, WERK_KIND_AGENDA_ITEM, WERK_KIND_VOTING_ROUND,
  WERK_KIND_TALLY,   WERK_KIND_BALLOT,      WERK_KIND_PHOTO,
};

const WerkKindInfo *
_werk_kind_info (WerkKind kind)
{
  g_assert (kind < WERK_N_KINDS);
  return &kinds[kind];
}

int
_werk_kind_field_index (const WerkKindInfo *info, const char *key)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].key, key))
      return i;
  return -1;
}

static gboolean
validate_goal (WerkRecord *record, const GValue *values, GError **error)
{
  gboolean core = g_value_get_enum (&values[0]) == WERK_GOAL_CORE;
  gboolean has_field = g_value_get_string (&values[1]) != NULL;

  if (core && has_field)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "field: %s",
                   _ ("A core goal spans all fields of action and belongs to none."));
      return FALSE;
    }
  if (!core && !has_field)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "field: %s",
                   _ ("A guiding goal needs a field of action."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_photo (WerkRecord *record, const GValue *values, GError **error)
{
  const WerkKindInfo *info = _werk_kind_info (WERK_KIND_PHOTO);
  int rotate = g_value_get_int (&values[_werk_kind_field_index (info, "rotate")]);

  if (rotate % 90 == 0)
    return TRUE;
  g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "rotate: %s",
               _ ("a photo turns in quarter turns: 0, 90, 180 or 270"));
  return FALSE;
}

GType
_werk_field_gtype (const WerkFieldInfo *field)
{
  switch (field->type)
    {
      case WERK_VALUE_INT:
        return G_TYPE_INT;
      case WERK_VALUE_BOOL:
        return G_TYPE_BOOLEAN;
      case WERK_VALUE_ENUM:
        return field->enum_type ();
      case WERK_VALUE_REFS:
      case WERK_VALUE_STRV:
        return G_TYPE_STRV;
      default:
        return G_TYPE_STRING;
    }
}

void
_werk_field_init_default (const WerkFieldInfo *field, GValue *value)
{
  g_value_init (value, _werk_field_gtype (field));
  if (field->type == WERK_VALUE_TEXT)
    g_value_set_static_string (value, "");
  else if (field->type == WERK_VALUE_ENUM)
    g_value_set_enum (value, field->default_value);
  else if (field->type == WERK_VALUE_GROUPS)
    g_value_set_static_string (value, "{}");
}

gboolean
_werk_field_is_default (const WerkFieldInfo *field, const GValue *value)
{
  switch (field->type)
    {
      case WERK_VALUE_INT:
        return g_value_get_int (value) == 0;
      case WERK_VALUE_BOOL:
        return !g_value_get_boolean (value);
      case WERK_VALUE_ENUM:
        return g_value_get_enum (value) == field->default_value;
      case WERK_VALUE_REFS:
      case WERK_VALUE_STRV:
        {
          const char *const *v = g_value_get_boxed (value);
          return v == NULL || v[0] == NULL;
        }
      case WERK_VALUE_GROUPS:
        {
          const char *s = g_value_get_string (value);
          return s == NULL || g_str_equal (s, "{}");
        }
      default:
        {
          const char *s = g_value_get_string (value);
          return s == NULL || *s == '\0';
        }
    }
}

gboolean
_werk_values_equal (const GValue *a, const GValue *b)
{
  GType t = G_VALUE_TYPE (a);

  g_assert (t == G_VALUE_TYPE (b));
  if (t == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (t == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (t == G_TYPE_BOOLEAN)
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (t == G_TYPE_STRV)
    {
      const char *const *x = g_value_get_boxed (a), *const *y = g_value_get_boxed (b);
      static const char *const empty[] = { NULL };
      return g_strv_equal (x ? (const char *const *) x : empty,
                           y ? (const char *const *) y : empty);
    }
  return g_value_get_enum (a) == g_value_get_enum (b);
}

/* YYYY-MM-DD exactly: digits where the pattern has them (no sign, no space), a real day. */
static gboolean
is_date (const char *s)
{
  static const char pattern[] = "0000-00-00";

  if (strlen (s) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i]; i++)
    if (pattern[i] == '0' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return FALSE;
  return g_date_valid_dmy (atoi (s + 8), atoi (s + 5), atoi (s));
}

static gboolean
is_time (const char *s)
{
  return strlen (s) == 5 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && s[2] == ':' &&
         g_ascii_isdigit (s[3]) && g_ascii_isdigit (s[4]) && atoi (s) < 24 && atoi (s + 3) < 60;
}

static gboolean
is_datetime (const char *s)
{
  char date[11], time[6];

  if (strlen (s) != 16 && strlen (s) != 19)
    return FALSE;
  g_strlcpy (date, s, sizeof date);
  g_strlcpy (time, s + 11, sizeof time);
  if (s[10] != 'T' || !is_date (date) || !is_time (time))
    return FALSE;
  return strlen (s) == 16 ||
         (s[16] == ':' && g_ascii_isdigit (s[17]) && g_ascii_isdigit (s[18]) && atoi (s + 17) < 60);
}

static gboolean
is_color (const char *s)
{
  if (strlen (s) != 7 || s[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

gboolean
_werk_field_check (const WerkFieldInfo *field, const GValue *value, GError **error)
{
  const char *s = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (field->type)
    {
      case WERK_VALUE_INT:
        if (field->min != field->max &&
            (g_value_get_int (value) < field->min || g_value_get_int (value) > field->max))
          {
            g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                         _ ("must be a whole number from %d to %d"), field->min, field->max);
            return FALSE;
          }
        return TRUE;
      case WERK_VALUE_DATE:
        if (s != NULL && !is_date (s))
          {
            g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                 _ ("must be a date written YYYY-MM-DD"));
            return FALSE;
          }
        return TRUE;
      case WERK_VALUE_TIME:
        if (s != NULL && !is_time (s))
          {
            g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                 _ ("must be a time written HH:MM"));
            return FALSE;
          }
        return TRUE;
      case WERK_VALUE_DATETIME:
        if (s != NULL && !is_datetime (s))
          {
            g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                 _ ("must be a date and time written YYYY-MM-DDTHH:MM:SS"));
            return FALSE;
          }
        return TRUE;
      case WERK_VALUE_COLOR:
        if (s != NULL && !is_color (s))
          {
            g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                 _ ("must be a colour written #rrggbb"));
            return FALSE;
          }
        return TRUE;
      default:
        return TRUE;
    }
}

gboolean
_werk_field_from_string (const WerkFieldInfo *field, const char *str, GValue *value, GError **error)
{
  _werk_field_init_default (field, value);
  switch (field->type)
    {
      case WERK_VALUE_INT:
        {
          gint64 n;
          if (!g_ascii_string_to_signed (str, 10, G_MININT, G_MAXINT, &n, NULL))
            {
              g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                   _ ("must be a whole number"));
              return FALSE;
            }
          g_value_set_int (value, n);
          break;
        }
      case WERK_VALUE_BOOL:
        if (!g_str_equal (str, "true") && !g_str_equal (str, "false"))
          {
            g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                                 _ ("must be true or false"));
            return FALSE;
          }
        g_value_set_boolean (value, g_str_equal (str, "true"));
        break;
      case WERK_VALUE_ENUM:
        {
          int v;
          if (!werk_enum_from_nick (field->enum_type (), str, &v))
            {
              g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, _ ("unknown value \"%s\""), str);
              return FALSE;
            }
          g_value_set_enum (value, v);
          break;
        }
      case WERK_VALUE_REFS:
      case WERK_VALUE_STRV:
        {
          g_auto (GStrv) parts = *str ? g_strsplit (str, "\n", -1) : g_new0 (char *, 1);
          g_value_take_boxed (value, g_steal_pointer (&parts));
          break;
        }
      case WERK_VALUE_TEXT:
      case WERK_VALUE_GROUPS:
        g_value_set_string (value, str);
        break;
      default:
        g_value_set_string (value, *str ? str : NULL);
        break;
    }
  return _werk_field_check (field, value, error);
}

void
_werk_field_bind (const WerkFieldInfo *field, sqlite3_stmt *stmt, int col, const GValue *v)
{
  switch (field->type)
    {
      case WERK_VALUE_INT:
        sqlite3_bind_int (stmt, col, g_value_get_int (v));
        break;
      case WERK_VALUE_BOOL:
        sqlite3_bind_int (stmt, col, g_value_get_boolean (v) ? 1 : 0);
        break;
      case WERK_VALUE_ENUM:
        sqlite3_bind_text (stmt, col, werk_enum_nick (field->enum_type (), g_value_get_enum (v)),
                           -1, SQLITE_STATIC);
        break;
      case WERK_VALUE_STRV:
        {
          g_autoptr (JsonBuilder) b = json_builder_new ();
          const char *const *strv = g_value_get_boxed (v);
          json_builder_begin_array (b);
          for (guint i = 0; strv && strv[i]; i++)
            json_builder_add_string_value (b, strv[i]);
          json_builder_end_array (b);
          g_autoptr (JsonNode) root = json_builder_get_root (b);
          sqlite3_bind_text (stmt, col, json_to_string (root, FALSE), -1, g_free);
          break;
        }
      case WERK_VALUE_REFS:
        g_assert_not_reached ();
        break;
      case WERK_VALUE_TEXT:
      case WERK_VALUE_GROUPS:
        sqlite3_bind_text (stmt, col, g_value_get_string (v) ? g_value_get_string (v) : "", -1,
                           SQLITE_TRANSIENT);
        break;
      default:
        if (g_value_get_string (v))
          sqlite3_bind_text (stmt, col, g_value_get_string (v), -1, SQLITE_TRANSIENT);
        else
          sqlite3_bind_null (stmt, col);
        break;
    }
}

void
_werk_field_read (const WerkFieldInfo *field, sqlite3_stmt *stmt, int col, GValue *value)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  _werk_field_init_default (field, value);
  switch (field->type)
    {
      case WERK_VALUE_INT:
        g_value_set_int (value, sqlite3_column_int (stmt, col));
        break;
      case WERK_VALUE_BOOL:
        g_value_set_boolean (value, sqlite3_column_int (stmt, col) != 0);
        break;
      case WERK_VALUE_ENUM:
        {
          int v = field->default_value;
          if (text)
            werk_enum_from_nick (field->enum_type (), text, &v);
          g_value_set_enum (value, v);
          break;
        }
      case WERK_VALUE_STRV:
        {
          g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
          g_autoptr (JsonNode) node = text ? json_from_string (text, NULL) : NULL;
          if (node && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *a = json_node_get_array (node);
              for (guint i = 0; i < json_array_get_length (a); i++)
                g_strv_builder_add (b, json_array_get_string_element (a, i));
            }
          g_value_take_boxed (value, g_strv_builder_end (b));
          break;
        }
      case WERK_VALUE_REFS:
        break;
      case WERK_VALUE_TEXT:
        g_value_set_string (value, text ? text : "");
        break;
      case WERK_VALUE_GROUPS:
        g_value_set_string (value, text ? text : "{}");
        break;
      default:
        g_value_set_string (value, text);
        break;
    }
}
