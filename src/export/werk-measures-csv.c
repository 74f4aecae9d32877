/* werk-measures-csv.c: the measures of a process as CSV for the town's spreadsheets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-csv.h"
#include "werk-framework.h"
#include "werk-measures-csv.h"

static const char *
label_or_empty (WerkRecord *record)
{
  return record != NULL ? werk_record_get_label (record) : "";
}

static char *
number_or_empty (const WerkPriority *p, guint value)
{
  return p->round != NULL ? g_strdup_printf ("%u", value) : g_strdup ("");
}

static void
add_entry (WerkCsv *csv, const WerkFrameworkEntry *entry)
{
  WerkRecord *m = WERK_RECORD (entry->measure);
  g_autofree char *due = werk_format_date (werk_record_get_string (m, "due"));
  g_autofree char *dots = number_or_empty (&entry->priority, entry->priority.dots);
  g_autofree char *rank = number_or_empty (&entry->priority, entry->priority.rank);
  const char *row[] = {
    entry->number,
    werk_record_get_label (m),
    label_or_empty (WERK_RECORD (entry->field)),
    entry->goals,
    werk_record_get_string (m, "owner"),
    werk_record_get_string (m, "partners"),
    due != NULL ? due : "",
    werk_enum_label (WERK_TYPE_MEASURE_STATUS, werk_record_get_int (m, "status")),
    label_or_empty (werk_record_get_ref (m, "workshop")),
    dots,
    rank,
    NULL,
  };

  werk_csv_add_row (csv, row);
}

static WerkCsv *
build_csv (WerkStore *store)
{
  WerkCsv *csv = werk_csv_new (';', TRUE);
  g_autoptr (GPtrArray) entries = werk_framework_list_measures (store, TRUE);
  const char *header[] = {
    _ ("No."), _ ("Measure"), _ ("Field of action"), _ ("Goals"), _ ("Owner"), _ ("Partners"),
    _ ("Due"), _ ("Status"),  _ ("Origin"),          _ ("Dots"),  _ ("Rank"),  NULL,
  };

  /* German spreadsheets split on ';' and need the BOM to read UTF-8: that is werk_csv_new's
   * job above; the rows follow the framework's numbering. */
  werk_csv_add_row (csv, header);
  for (guint i = 0; i < entries->len; i++)
    add_entry (csv, g_ptr_array_index (entries, i));
  return csv;
}

GBytes *
werk_measures_csv_to_bytes (WerkStore *store)
{
  g_autoptr (WerkCsv) csv = NULL;

  g_return_val_if_fail (WERK_IS_STORE (store), NULL);

  csv = build_csv (store);
  return werk_csv_to_bytes (csv);
}

gboolean
werk_measures_csv_export (WerkStore *store, const char *path, GError **error)
{
  g_autoptr (WerkCsv) csv = NULL;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = build_csv (store);
  return werk_csv_save (csv, path, error);
}

gboolean
werk_measures_csv_export_file (WerkStore *store, const char *path, GError **error)
{
  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                   _ ("Cannot write the measures as “%s”: the name must end in .csv."), display);
      return FALSE;
    }
  return werk_measures_csv_export (store, path, error);
}
