/* werk-record.c: the base type of all records: values by exchange key, GObject properties.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "werk-private.h"

typedef struct
{
  WerkStore *store;   /* unowned: the store owns its records */
  WerkRecord *parent; /* unowned: parents outlive their children in the store */
  WerkKind kind;
  char *id;
  GValue *values;
  char *extra; /* exchange keys this version does not know, kept for the round trip */
  gint64 position;
  GListStore **children; /* by kind, for workshops and voting rounds */
} WerkRecordPrivate;

#define MAX_FIELDS 16
static GParamSpec *field_pspecs[WERK_N_KINDS][MAX_FIELDS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WerkRecord, werk_record, G_TYPE_OBJECT)

#define PRIV(self) ((WerkRecordPrivate *) werk_record_get_instance_private (WERK_RECORD (self)))

static void
werk_record_finalize (GObject *object)
{
  WerkRecordPrivate *priv = PRIV (object);
  const WerkKindInfo *info = _werk_kind_info (priv->kind);

  for (guint i = 0; i < info->n_fields; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);
  g_free (priv->id);
  g_free (priv->extra);
  for (guint i = 0; priv->children && i < WERK_N_KINDS; i++)
    g_clear_object (&priv->children[i]);
  g_free (priv->children);

  G_OBJECT_CLASS (werk_record_parent_class)->finalize (object);
}

static void
werk_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  WerkRecordPrivate *priv = PRIV (object);

  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
werk_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  WerkRecordPrivate *priv = PRIV (object);
  g_autoptr (GError) error = NULL;

  /* Bindings have no way to take an error: the store reports it to whoever shows errors. */
  if (!_werk_store_set_value (priv->store, WERK_RECORD (object), prop_id - 1, value, &error))
    _werk_store_emit_error (priv->store, error);
}

static void
werk_record_class_init (WerkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = werk_record_finalize;
  object_class->get_property = werk_record_get_property;
  object_class->set_property = werk_record_set_property;
}

static void
werk_record_init (WerkRecord *self)
{
}

void
_werk_record_class_install_fields (GObjectClass *klass, WerkKind kind)
{
  const WerkKindInfo *info = _werk_kind_info (kind);

  g_assert (info->n_fields <= MAX_FIELDS);
  /* GObject does not inherit these: every class that installs properties sets its own. */
  klass->get_property = werk_record_get_property;
  klass->set_property = werk_record_set_property;
  for (guint i = 0; i < info->n_fields; i++)
    {
      const WerkFieldInfo *f = &info->fields[i];
      GType type = _werk_field_gtype (f);
      const char *name = g_intern_string (g_strdelimit (g_strdup (f->key), "_", '-'));
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      if (type == G_TYPE_INT)
        pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
      else if (type == G_TYPE_BOOLEAN)
        pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
      else if (type == G_TYPE_STRING)
        pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
      else if (type == G_TYPE_STRV)
        pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
      else
        pspec = g_param_spec_enum (name, NULL, NULL, type, 0, flags);
      g_object_class_install_property (klass, i + 1, pspec);
      field_pspecs[kind][i] = pspec;
    }
}

char *
_werk_new_id (void)
{
  return g_uuid_string_random ();
}

WerkRecord *
_werk_record_new (WerkStore *store, WerkKind kind, const char *id, WerkRecord *parent)
{
  WerkRecord *self = g_object_new (werk_kind_get_record_type (kind), NULL);
  WerkRecordPrivate *priv = PRIV (self);
  const WerkKindInfo *info = _werk_kind_info (kind);

  priv->store = store;
  priv->parent = parent;
  priv->kind = kind;
  priv->id = id ? g_strdup (id) : _werk_new_id ();
  priv->values = g_new0 (GValue, info->n_fields);
  for (guint i = 0; i < info->n_fields; i++)
    _werk_field_init_default (&info->fields[i], &priv->values[i]);
  return self;
}

GValue *
_werk_record_values (WerkRecord *self)
{
  return PRIV (self)->values;
}

const WerkKindInfo *
_werk_record_info (WerkRecord *self)
{
  return _werk_kind_info (PRIV (self)->kind);
}

gint64
_werk_record_get_position (WerkRecord *self)
{
  return PRIV (self)->position;
}

void
_werk_record_set_position (WerkRecord *self, gint64 position)
{
  PRIV (self)->position = position;
}

const char *
_werk_record_get_extra (WerkRecord *self)
{
  return PRIV (self)->extra;
}

void
_werk_record_set_extra (WerkRecord *self, const char *extra)
{
  g_free (PRIV (self)->extra);
  PRIV (self)->extra = g_strdup (extra);
}

void
_werk_record_set_parent (WerkRecord *self, WerkRecord *parent)
{
  PRIV (self)->parent = parent;
}

void
_werk_record_update_values (WerkRecord *self, GValue *values)
{
  WerkRecordPrivate *priv = PRIV (self);
  const WerkKindInfo *info = _werk_kind_info (priv->kind);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (_werk_values_equal (&priv->values[i], &values[i]))
        continue;
      g_value_unset (&priv->values[i]);
      priv->values[i] = values[i];
      values[i] = (GValue) G_VALUE_INIT;
      g_object_notify_by_pspec (G_OBJECT (self), field_pspecs[priv->kind][i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_werk_record_notify_field (WerkRecord *self, guint field_index)
{
  g_object_notify_by_pspec (G_OBJECT (self), field_pspecs[PRIV (self)->kind][field_index]);
}

GListStore *
_werk_record_children (WerkRecord *self, WerkKind kind)
{
  WerkRecordPrivate *priv = PRIV (self);

  g_return_val_if_fail (_werk_kind_info (kind)->parent_kind == priv->kind, NULL);
  if (priv->children == NULL)
    priv->children = g_new0 (GListStore *, WERK_N_KINDS);
  if (priv->children[kind] == NULL)
    priv->children[kind] = g_list_store_new (werk_kind_get_record_type (kind));
  return priv->children[kind];
}

const char *
werk_record_get_id (WerkRecord *self)
{
  g_return_val_if_fail (WERK_IS_RECORD (self), NULL);
  return PRIV (self)->id;
}

WerkKind
werk_record_get_kind (WerkRecord *self)
{
  g_return_val_if_fail (WERK_IS_RECORD (self), WERK_KIND_PROCESS);
  return PRIV (self)->kind;
}

WerkStore *
werk_record_get_store (WerkRecord *self)
{
  g_return_val_if_fail (WERK_IS_RECORD (self), NULL);
  return PRIV (self)->store;
}

WerkRecord *
werk_record_get_parent (WerkRecord *self)
{
  g_return_val_if_fail (WERK_IS_RECORD (self), NULL);
  return PRIV (self)->parent;
}

static int
field_index (WerkRecord *self, const char *key)
{
  int i = _werk_kind_field_index (_werk_record_info (self), key);

  if (i < 0)
    g_critical ("A %s has no field “%s”", _werk_record_info (self)->table, key);
  return i;
}

const char *
werk_record_get_string (WerkRecord *self, const char *key)
{
  int i;
  GValue *v;

  g_return_val_if_fail (WERK_IS_RECORD (self), NULL);
  if ((i = field_index (self, key)) < 0)
    return NULL;
  v = &PRIV (self)->values[i];
  if (G_VALUE_HOLDS_ENUM (v))
    return werk_enum_nick (G_VALUE_TYPE (v), g_value_get_enum (v));
  g_return_val_if_fail (G_VALUE_HOLDS_STRING (v), NULL);
  return g_value_get_string (v);
}

gint64
werk_record_get_int (WerkRecord *self, const char *key)
{
  int i;
  GValue *v;

  g_return_val_if_fail (WERK_IS_RECORD (self), 0);
  if ((i = field_index (self, key)) < 0)
    return 0;
  v = &PRIV (self)->values[i];
  if (G_VALUE_HOLDS_ENUM (v))
    return g_value_get_enum (v);
  if (G_VALUE_HOLDS_BOOLEAN (v))
    return g_value_get_boolean (v);
  g_return_val_if_fail (G_VALUE_HOLDS_INT (v), 0);
  return g_value_get_int (v);
}

gboolean
werk_record_get_bool (WerkRecord *self, const char *key)
{
  return werk_record_get_int (self, key) != 0;
}

const char *const *
werk_record_get_strv (WerkRecord *self, const char *key)
{
  static const char *const empty[] = { NULL };
  int i;
  const char *const *strv;

  g_return_val_if_fail (WERK_IS_RECORD (self), empty);
  if ((i = field_index (self, key)) < 0)
    return empty;
  g_return_val_if_fail (G_VALUE_HOLDS (&PRIV (self)->values[i], G_TYPE_STRV), empty);
  strv = g_value_get_boxed (&PRIV (self)->values[i]);
  return strv ? strv : empty;
}

WerkRecord *
werk_record_get_ref (WerkRecord *self, const char *key)
{
  const char *id = werk_record_get_string (self, key);

  return id ? werk_store_lookup (PRIV (self)->store, id) : NULL;
}

const char *
werk_record_get_label (WerkRecord *self)
{
  const WerkKindInfo *info;
  WerkRecord *item;

  g_return_val_if_fail (WERK_IS_RECORD (self), "");
  info = _werk_record_info (self);
  if (info->label_key)
    return werk_record_get_string (self, info->label_key);
  item = werk_record_get_ref (self, "item");
  return item ? werk_record_get_label (item) : "";
}

static gboolean
set_value (WerkRecord *self, const char *key, const GValue *value, GError **error)
{
  int i = field_index (self, key);

  g_return_val_if_fail (i >= 0, FALSE);
  return _werk_store_set_value (PRIV (self)->store, self, i, value, error);
}

gboolean
werk_record_set_string (WerkRecord *self, const char *key, const char *value, GError **error)
{
  const WerkKindInfo *info;
  g_auto (GValue) v = G_VALUE_INIT;
  g_autoptr (GError) local_error = NULL;
  int i;

  g_return_val_if_fail (WERK_IS_RECORD (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  info = _werk_record_info (self);
  if ((i = field_index (self, key)) < 0)
    return FALSE;
  if (!_werk_field_from_string (&info->fields[i], value ? value : "", &v, &local_error))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, "%s: %s", key, local_error->message);
      return FALSE;
    }
  return _werk_store_set_value (PRIV (self)->store, self, i, &v, error);
}

gboolean
werk_record_set_int (WerkRecord *self, const char *key, gint64 value, GError **error)
{
  g_auto (GValue) v = G_VALUE_INIT;
  int i;

  g_return_val_if_fail (WERK_IS_RECORD (self), FALSE);
  if ((i = field_index (self, key)) < 0)
    return FALSE;
  g_value_init (&v, G_VALUE_TYPE (&PRIV (self)->values[i]));
  if (G_VALUE_HOLDS_ENUM (&v))
    g_value_set_enum (&v, value);
  else if (G_VALUE_HOLDS_BOOLEAN (&v))
    g_value_set_boolean (&v, value != 0);
  else
    {
      g_return_val_if_fail (G_VALUE_HOLDS_INT (&v), FALSE);
      if (value < G_MININT || value > G_MAXINT)
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID, _ ("%s: the number is too large"),
                       key);
          return FALSE;
        }
      g_value_set_int (&v, value);
    }
  return set_value (self, key, &v, error);
}

gboolean
werk_record_set_bool (WerkRecord *self, const char *key, gboolean value, GError **error)
{
  return werk_record_set_int (self, key, value ? 1 : 0, error);
}

gboolean
werk_record_set_strv (WerkRecord *self, const char *key, const char *const *value, GError **error)
{
  g_auto (GValue) v = G_VALUE_INIT;

  g_return_val_if_fail (WERK_IS_RECORD (self), FALSE);
  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  return set_value (self, key, &v, error);
}

gboolean
werk_record_set_ref (WerkRecord *self, const char *key, WerkRecord *target, GError **error)
{
  g_return_val_if_fail (WERK_IS_RECORD (self), FALSE);
  g_return_val_if_fail (target == NULL || WERK_IS_RECORD (target), FALSE);
  return werk_record_set_string (self, key, target ? werk_record_get_id (target) : NULL, error);
}

/* Case-folded ASCII, so that "burger", "Bürger" and "BÜRGER" meet ("ß" becomes "ss"). */
static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_str_to_ascii (folded, "C");
}

gboolean
werk_record_matches (WerkRecord *self, const char *query)
{
  const WerkKindInfo *info;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (WERK_IS_RECORD (self), FALSE);
  if (query == NULL || *query == '\0')
    return TRUE;
  needle = fold (query);
  info = _werk_record_info (self);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *hay = NULL;

      if (info->fields[i].type != WERK_VALUE_TEXT)
        continue;
      hay = fold (g_value_get_string (&PRIV (self)->values[i]));
      if (strstr (hay, needle))
        return TRUE;
    }
  return FALSE;
}
