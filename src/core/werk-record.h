/* werk-record.h: the base type of every record in a .werkstatt file (a measure, a goal, …).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "werk-enums.h"

G_BEGIN_DECLS

typedef struct _WerkStore WerkStore;

#define WERK_TYPE_RECORD (werk_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (WerkRecord, werk_record, WERK, RECORD, GObject)

struct _WerkRecordClass
{
  GObjectClass parent_class;
};

/*
 * A record's fields are named by their exchange-format keys (EXCHANGE.md): "title", "owner",
 * "due", "field", … Each is also a GObject property of the same name with '_' written '-'
 * ("next-steps"), so widgets can bind to it and get notify:: on change.
 *
 * Value types by key:
 * - text, dates ("YYYY-MM-DD"), times ("HH:MM"), colours ("#rrggbb"), references (the id of
 *   another record): strings; empty text is "", an unset date, time or reference is NULL;
 * - numbers and booleans: integers; enums: their enum GType (see werk-enums.h);
 * - lists (a workshop's "facilitators", a measure's "goals"): NULL-terminated string arrays.
 *
 * Every setter writes to the file at once and returns FALSE with a translated error if the
 * value is not allowed or the disk refuses it; the record then keeps its old value.
 */

const char *werk_record_get_id (WerkRecord *self);
WerkKind werk_record_get_kind (WerkRecord *self);
WerkStore *werk_record_get_store (WerkRecord *self);
/* The workshop of a participant, agenda item, table, voting round or photo; the voting round
 * of a tally or ballot; NULL for the others. */
WerkRecord *werk_record_get_parent (WerkRecord *self);

const char *werk_record_get_string (WerkRecord *self, const char *key);
gint64 werk_record_get_int (WerkRecord *self, const char *key);
gboolean werk_record_get_bool (WerkRecord *self, const char *key);
const char *const *werk_record_get_strv (WerkRecord *self, const char *key);
/* The record a reference names, or NULL. */
WerkRecord *werk_record_get_ref (WerkRecord *self, const char *key);
/* What the user reads for this record: its title, text, name, topic or question. */
const char *werk_record_get_label (WerkRecord *self);

gboolean werk_record_set_string (WerkRecord *self, const char *key, const char *value,
                                 GError **error);
gboolean werk_record_set_int (WerkRecord *self, const char *key, gint64 value, GError **error);
gboolean werk_record_set_bool (WerkRecord *self, const char *key, gboolean value, GError **error);
gboolean werk_record_set_strv (WerkRecord *self, const char *key, const char *const *value,
                               GError **error);
gboolean werk_record_set_ref (WerkRecord *self, const char *key, WerkRecord *target,
                              GError **error);

/* Case- and accent-insensitive match of a search term against the record's text fields:
 * "burger" and "Bürger" both find "Bürgerbeteiligung". */
gboolean werk_record_matches (WerkRecord *self, const char *query);

G_END_DECLS
