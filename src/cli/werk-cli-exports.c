/* werk-cli-exports.c: the documents werkstatt-cli writes, dispatched to the export layer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-cli-exports.h"

/* Until a document's export exists, say so and write nothing: never a fake file. */
gboolean
werk_cli_export (WerkStore *store, WerkCliDocument document, const char *workshop_id,
                 const char *output, gboolean with_dropped, GError **error)
{
  g_set_error_literal (error, WERK_ERROR, WERK_ERROR_NOT_AVAILABLE,
                       _ ("This document is not available yet in this version of Werkstatt."));
  return FALSE;
}
