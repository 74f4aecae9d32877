/* werk-private.h: what the core's files share: the kinds' field tables and store internals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "werk-core.h"

G_BEGIN_DECLS

typedef enum
{
  WERK_VALUE_TEXT, /* "" when empty */
  WERK_VALUE_INT,
  WERK_VALUE_BOOL,
  WERK_VALUE_ENUM,     /* stored as its nick */
  WERK_VALUE_DATE,     /* YYYY-MM-DD or NULL */
  WERK_VALUE_TIME,     /* HH:MM or NULL */
  WERK_VALUE_DATETIME, /* YYYY-MM-DDTHH:MM:SS or NULL */
  WERK_VALUE_COLOR,    /* #rrggbb or NULL */
  WERK_VALUE_REF,      /* id of a record of ref_kind, or NULL */
  WERK_VALUE_REFS,     /* ids of records of ref_kind, kept in a link table */
  WERK_VALUE_STRV,     /* strings, stored as a JSON array */
  WERK_VALUE_GROUPS,   /* stakeholder-group counts, stored as a JSON object */
} WerkValueType;

/* A reference whose kind depends on the voting round's "on". */
#define WERK_KIND_VOTE_ITEM WERK_N_KINDS

typedef struct
{
  const char *key;    /* exchange key; the property name with '_' as '-' */
  const char *column; /* SQL column */
  WerkValueType type;
  gboolean required;
  GType (*enum_type) (void);
  WerkKind ref_kind;
  int min, max;      /* for WERK_VALUE_INT; min == max means no range */
  int default_value; /* for WERK_VALUE_ENUM: the value of an absent key */
} WerkFieldInfo;

typedef struct _WerkKindInfo WerkKindInfo;
struct _WerkKindInfo
{
  WerkKind kind;
  const char *table;
  const char *json_key; /* "measures"; "process" for the process object */
  WerkKind parent_kind; /* WERK_N_KINDS for top-level kinds */
  const char *parent_column;
  gboolean has_id;       /* FALSE for tallies, ballots and ratings: no id in the exchange */
  const char *label_key; /* the field people read: title, text, name, … */
  const WerkFieldInfo *fields;
  guint n_fields;
  /* Checks rules that span fields; @values are the record's values after the change. */
  gboolean (*validate) (WerkRecord *record, const GValue *values, GError **error);
};

const WerkKindInfo *_werk_kind_info (WerkKind kind);
int _werk_kind_field_index (const WerkKindInfo *info, const char *key);
/* The kinds in the order they are loaded and exported (parents before children). */
extern const WerkKind _werk_kind_order[WERK_N_KINDS];

GType _werk_field_gtype (const WerkFieldInfo *field);
void _werk_field_init_default (const WerkFieldInfo *field, GValue *value);
/* Parses the exchange/string form of a value; the error names only the problem. */
gboolean _werk_field_from_string (const WerkFieldInfo *field, const char *str, GValue *value,
                                  GError **error);
/* Checks the form of a value (date, time, colour, range); references are not resolved. */
gboolean _werk_field_check (const WerkFieldInfo *field, const GValue *value, GError **error);
gboolean _werk_field_is_default (const WerkFieldInfo *field, const GValue *value);
gboolean _werk_values_equal (const GValue *a, const GValue *b);
void _werk_field_bind (const WerkFieldInfo *field, sqlite3_stmt *stmt, int col, const GValue *v);
void _werk_field_read (const WerkFieldInfo *field, sqlite3_stmt *stmt, int col, GValue *value);

/* Records */
WerkRecord *_werk_record_new (WerkStore *store, WerkKind kind, const char *id, WerkRecord *parent);
void _werk_record_class_install_fields (GObjectClass *klass, WerkKind kind);
GValue *_werk_record_values (WerkRecord *self);
const WerkKindInfo *_werk_record_info (WerkRecord *self);
gint64 _werk_record_get_position (WerkRecord *self);
void _werk_record_set_position (WerkRecord *self, gint64 position);
const char *_werk_record_get_extra (WerkRecord *self);
void _werk_record_set_extra (WerkRecord *self, const char *extra);
/* Replaces the values with those read from the file, notifying changed properties. */
void _werk_record_update_values (WerkRecord *self, GValue *values);
GListStore *_werk_record_children (WerkRecord *self, WerkKind kind);
void _werk_record_notify_field (WerkRecord *self, guint field_index);
void _werk_record_set_parent (WerkRecord *self, WerkRecord *parent);
char *_werk_new_id (void);

/* Store */
sqlite3 *_werk_store_db (WerkStore *self);
sqlite3_stmt *_werk_store_prepare (WerkStore *self, const char *sql, GError **error);
gboolean _werk_store_exec (WerkStore *self, const char *sql, GError **error);
gboolean _werk_store_check_sqlite (WerkStore *self, int rc, GError **error);
gboolean _werk_store_set_value (WerkStore *self, WerkRecord *record, guint field_index,
                                const GValue *value, GError **error);
void _werk_store_emit_error (WerkStore *self, const GError *error);
gboolean _werk_store_begin (WerkStore *self, GError **error);
gboolean _werk_store_commit (WerkStore *self, GError **error);
void _werk_store_rollback (WerkStore *self);
/* The names of the tables a changeset touches (a set of strings). */
GHashTable *_werk_changeset_tables (int size, const void *data);
/* Reloads the kinds whose tables a changeset touched, keeping record objects by id. */
void _werk_store_resync_tables (WerkStore *self, GHashTable *tables);
gboolean _werk_store_is_closed (WerkStore *self);
/* Checks a record's current values as a change to them would be checked. */
gboolean _werk_record_check (WerkRecord *record, GError **error);

/* Undo */
WerkUndo *_werk_undo_new (WerkStore *store, GBytes *inverse_changeset);

/* Schema */
sqlite3 *_werk_db_open (const char *path, gboolean create, GError **error);
sqlite3 *_werk_db_create (const char *path, const char *title, GError **error);
WerkKind _werk_vote_item_kind (WerkRecord *round);
gboolean _werk_schema_migrate (sqlite3 *db, int target_version, GError **error);
void _werk_db_register_collation (sqlite3 *db);
gboolean _werk_sqlite_error (sqlite3 *db, int rc, GError **error);

/* Photos */
typedef struct
{
  char *mime;
  int width, height, orientation;
  GBytes *thumbnail; /* NULL for bytes no loader reads */
} WerkPhotoInfo;

gboolean _werk_photo_probe (GBytes *bytes, WerkPhotoInfo *info, GError **error);
void _werk_photo_info_clear (WerkPhotoInfo *info);
gboolean _werk_photo_write_data (WerkStore *store, WerkPhoto *photo, GBytes *bytes,
                                 const WerkPhotoInfo *info, GError **error);

/* Import: adds a record built outside the store (id, parent and values set) at the end of its
 * list, inside the caller's transaction. */
gboolean _werk_store_append_record (WerkStore *self, WerkRecord *record, GError **error);
WerkStore *_werk_store_new_for_db (sqlite3 *db, const char *path, gboolean load, GError **error);
/* Removes a database file with its -wal and -shm companions. */
void _werk_remove_database (const char *path);

G_END_DECLS
