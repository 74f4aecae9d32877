/* werk-csv.h: CSV for spreadsheets (RFC 4180 with a choice of separator), written and read.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WERK_TYPE_CSV (werk_csv_get_type ())
G_DECLARE_FINAL_TYPE (WerkCsv, werk_csv, WERK, CSV, GObject)

WerkCsv *werk_csv_new (char separator, gboolean bom);

void werk_csv_add_row (WerkCsv *self, const char *const *fields);
void werk_csv_add_field (WerkCsv *self, const char *field);
void werk_csv_end_row (WerkCsv *self);

GBytes *werk_csv_to_bytes (WerkCsv *self);
gboolean werk_csv_save (WerkCsv *self, const char *path, GError **error);

GPtrArray *werk_csv_parse (const char *data, gsize length, char separator, GError **error);

G_END_DECLS
