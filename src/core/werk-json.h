/* werk-json.h: the JSON exchange format, version 1 (EXCHANGE.md), in both directions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "werk-store.h"

G_BEGIN_DECLS

#define WERK_EXCHANGE_VERSION 1

/* Creates @out_path from exchange JSON; photo "file"s resolve against @base (a folder).
 * Refuses to overwrite, and leaves no file behind on error. Errors name the record and key,
 * e.g. measures[3].field: no field with id "f-mob". */
WerkStore *werk_json_import (GBytes *json, GFile *base, const char *out_path, GError **error);
WerkStore *werk_json_import_file (const char *json_path, const char *out_path, GError **error);

/* The whole store as exchange JSON. Without @embed_photos, photo files are written into
 * @photo_dir (a folder NAME.photos/) and referenced as "NAME.photos/FILE". */
JsonNode *werk_json_export (WerkStore *store, gboolean embed_photos, GFile *photo_dir,
                            GError **error);
/* Writes NAME.json (and NAME.photos/) whole or not at all. */
gboolean werk_json_export_file (WerkStore *store, const char *json_path, gboolean embed_photos,
                                GError **error);

/* Writes the built-in demo process to a new file. */
WerkStore *werk_demo_create (const char *out_path, GError **error);

G_END_DECLS
