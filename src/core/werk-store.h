/* werk-store.h: an open .werkstatt file: its records as list models, and every change to them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "werk-records.h"

G_BEGIN_DECLS

#define WERK_TYPE_STORE (werk_store_get_type ())
G_DECLARE_FINAL_TYPE (WerkStore, werk_store, WERK, STORE, GObject)

#define WERK_TYPE_UNDO (werk_undo_get_type ())
G_DECLARE_FINAL_TYPE (WerkUndo, werk_undo, WERK, UNDO, GObject)

/* The newest schema this build writes (PRAGMA user_version). */
#define WERK_SCHEMA_VERSION 2
/* PRAGMA application_id of a .werkstatt file: "Werk" in ASCII. */
#define WERK_APPLICATION_ID 0x5765726b

/* Creates a new file with an empty process of this title; refuses to overwrite. */
WerkStore *werk_store_create (const char *path, const char *title, GError **error);
/* Opens an existing file, migrating it forward. A corrupt, foreign or newer file is refused
 * with a translated message and left byte for byte as it was. */
WerkStore *werk_store_open (const char *path, GError **error);
/* Opens the file as it is at this moment, for reading on another thread while it is being
 * edited elsewhere (an export): the store keeps seeing that moment, photos included, until
 * closed, and refuses every change. */
WerkStore *werk_store_open_snapshot (const char *path, GError **error);
/* Writes a consistent copy of the whole file (SQLite's backup API); refuses to overwrite. */
gboolean werk_store_save_copy (WerkStore *self, const char *path, GError **error);
/* Closes the file; the store's records stay readable but can no longer be changed. */
void werk_store_close (WerkStore *self);

const char *werk_store_get_path (WerkStore *self);
WerkProcess *werk_store_get_process (WerkStore *self);

/* The records of a kind, in their order. Top-level kinds (fields, goals, challenges,
 * measures, criteria, ratings, workshops) take parent NULL; participants, agenda items,
 * tables, voting rounds and photos take their workshop; tallies and ballots their round.
 * The model is the store's and lives as long as the store (or the parent). */
GListModel *werk_store_get_list (WerkStore *self, WerkKind kind, WerkRecord *parent);
/* The distinct owners of measures, sorted as a German reader expects ("Ärztehaus" before
 * "Bauamt"); for choosing one from a list. */
GStrv werk_store_list_owners (WerkStore *self);
/* The record with this id, or NULL. */
WerkRecord *werk_store_lookup (WerkStore *self, const char *id);

/* Adds a record at the end of its list (or at @position) with the given fields, as
 * NULL-terminated key/value string pairs in exchange form ("status", "planned",
 * "minutes", "30", "consent", "true"). Returns the new record (owned by the store). */
WerkRecord *werk_store_add (WerkStore *self, WerkKind kind, WerkRecord *parent, GError **error,
                            const char *first_key, ...) G_GNUC_NULL_TERMINATED;
WerkRecord *werk_store_insert (WerkStore *self, WerkKind kind, WerkRecord *parent, int position,
                               const char *const *keys, const char *const *values, GError **error);
/* Moves a record to another place in its list. */
gboolean werk_store_move (WerkStore *self, WerkRecord *record, guint position, GError **error);
/* Deletes a record and what depends on it (a field's guiding goals, a workshop's agenda, …).
 * If @undo is given it receives what restores all of it. */
gboolean werk_store_delete (WerkStore *self, WerkRecord *record, WerkUndo **undo, GError **error);

/* Runs @func as one transaction: all of its changes are committed together or none is.
 * If @undo is given it receives what reverts them. */
typedef gboolean (*WerkStoreFunc) (WerkStore *store, gpointer user_data, GError **error);
gboolean werk_store_run (WerkStore *self, WerkStoreFunc func, gpointer user_data, WerkUndo **undo,
                         GError **error);

/* Restores what the operation took away; fails if it no longer applies. */
gboolean werk_undo_apply (WerkUndo *self, GError **error);

/* Integrity of the file: SQLite's own check, foreign keys, schema version and references.
 * Each problem found becomes one line of @problems (translated). */
gboolean werk_store_check (WerkStore *self, GPtrArray *problems, GError **error);

G_END_DECLS
