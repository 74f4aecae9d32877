/* werk-error.h: the error domain of Werkstatt's expected failures.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WERK_ERROR (werk_error_quark ())

typedef enum
{
  WERK_ERROR_FAILED,        /* anything else, e.g. the disk */
  WERK_ERROR_NOT_WERKSTATT, /* not a SQLite file, or another application's */
  WERK_ERROR_CORRUPT,       /* a damaged or truncated .werkstatt file */
  WERK_ERROR_TOO_NEW,       /* written by a newer Werkstatt */
  WERK_ERROR_EXISTS,        /* refusing to overwrite */
  WERK_ERROR_INVALID,       /* a value a record cannot take */
  WERK_ERROR_EXCHANGE,      /* JSON that breaks the exchange format's rules */
  WERK_ERROR_VOTING,        /* a ballot beyond the budget or the per-item maximum */
  WERK_ERROR_PHOTO,         /* bytes that are no image we can read */
  WERK_ERROR_CONFLICT,      /* an undo that no longer applies */
  WERK_ERROR_NOT_AVAILABLE,
} WerkError;

GQuark werk_error_quark (void);

G_END_DECLS
