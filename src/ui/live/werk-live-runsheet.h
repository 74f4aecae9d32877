/* werk-live-runsheet.h: the printable run-sheet of an agenda as PDF: times, items, speakers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-agenda.h"

G_BEGIN_DECLS

/* Writes the run-sheet of @agenda to @path (A4, PDF), whole or not at all. */
gboolean werk_live_runsheet_write (WerkAgenda *agenda, const char *path, GError **error);

G_END_DECLS
