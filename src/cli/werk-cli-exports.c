/* werk-cli-exports.c: the documents werkstatt-cli writes, dispatched to the export layer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-cli-exports.h"
#include "werk-framework.h"
#include "werk-measures-csv.h"
#include "werk-protocol.h"
#include "werk-sustainability-report.h"

gboolean
werk_cli_export (WerkStore *store, WerkCliDocument document, const char *workshop_id,
                 const char *output, gboolean with_dropped, GError **error)
{
  switch (document)
    {
      case WERK_CLI_PROTOCOL:
        return werk_protocol_export_file (store, workshop_id, output, error);
      case WERK_CLI_FRAMEWORK:
        return werk_framework_export_file (store, output, with_dropped, error);
      case WERK_CLI_MEASURES:
        return werk_measures_csv_export_file (store, output, error);
      case WERK_CLI_SUSTAINABILITY:
        return werk_sustainability_report_export (store, output, error);
      default:
        g_return_val_if_reached (FALSE);
    }
}
