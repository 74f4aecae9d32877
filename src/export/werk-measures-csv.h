/* werk-measures-csv.h: the measures of a process as CSV for the town's spreadsheets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

/* The measures (dropped ones included, with their status) as UTF-8 CSV with a BOM and ';'
 * between fields, dates as the locale writes them: what a German spreadsheet opens as it is.
 * Numbered and ordered as in the strategy framework. */
GBytes *werk_measures_csv_to_bytes (WerkStore *store);
/* Writes the CSV to @path, whole or not at all. */
gboolean werk_measures_csv_export (WerkStore *store, const char *path, GError **error);
/* werk_measures_csv_export() after checking that @path ends in .csv. */
gboolean werk_measures_csv_export_file (WerkStore *store, const char *path, GError **error);

G_END_DECLS
