/* werk-cli-exports.h: the documents werkstatt-cli writes, dispatched to the export layer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

typedef enum
{
  WERK_CLI_PROTOCOL,
  WERK_CLI_FRAMEWORK,
  WERK_CLI_MEASURES,
  WERK_CLI_SUSTAINABILITY,
} WerkCliDocument;

/* Writes @document of @store to @output (whole or not at all). */
gboolean werk_cli_export (WerkStore *store, WerkCliDocument document, const char *workshop_id,
                          const char *output, gboolean with_dropped, GError **error);

G_END_DECLS
