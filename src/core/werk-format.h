/* werk-format.h: values written for people, as their locale writes them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026-07-14" as the reader writes dates ("14.07.2026" in German); NULL for no date, a copy
 * of the text for one that is no valid date. */
char *werk_format_date (const char *iso_date);
/* The date part of @date, written the same way. */
char *werk_format_date_time (GDateTime *date);

G_END_DECLS
