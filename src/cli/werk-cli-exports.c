/* werk-cli-exports.c: the documents werkstatt-cli writes, dispatched to the export layer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-cli-exports.h"
#include "werk-framework.h"
#include "werk-measures-csv.h"
#include "werk-protocol.h"
#include "werk-sustainability-report.h"

/* Until a document's export exists, say so and write nothing: never a fake file. */
static gboolean
not_available (GError **error)
{
  g_set_error_literal (error, WERK_ERROR, WERK_ERROR_NOT_AVAILABLE,
                       _("This document is not available yet in this version of Werkstatt."));
  return FALSE;
}

gboolean
werk_cli_export (WerkStore *store,
                 WerkCliDocument document,
                 const char *workshop_id,
                 const char *output,
                 gboolean with_dropped,
                 GError **error)
{
  switch (document)
    {
    case WERK_CLI_PROTOCOL:
      return werk_protocol_export_file (store, workshop_id, output, error); /* protocol */
    case WERK_CLI_FRAMEWORK:
      return werk_framework_export_file (store, output, with_dropped, error); /* framework */
    case WERK_CLI_MEASURES:
      return werk_measures_csv_export_file (store, output, error); /* measures */
    case WERK_CLI_SUSTAINABILITY:
      return werk_sustainability_report_export (store, output, error); /* sustainability */
    default:
      g_return_val_if_reached (FALSE);
    }
}
