/* werk-protocol.h: the photo protocol of one workshop as a PDF for its participants.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

/* How the photos are placed; the values match the "protocol-photo-layout" setting. */
typedef enum
{
  WERK_PROTOCOL_PHOTOS_LANDSCAPE,    /* one photo on each landscape page */
  WERK_PROTOCOL_PHOTOS_TWO_PER_PAGE, /* two photos on each portrait page: the default */
} WerkProtocolPhotoLayout;

typedef struct
{
  WerkProtocolPhotoLayout photo_layout;
  gboolean clean_up; /* flipchart clean-up for every photo, not only those marked "enhance" */
  int quality;       /* JPEG quality 1–100 of the photos; 0 means 80 */
  double dpi;        /* print resolution of the photos; 0 means 170 */
} WerkProtocolOptions;

/* Called on the exporting thread after each photo: @done of @total steps (the photos shown,
 * then one for writing the file). */
typedef void (*WerkProtocolProgress) (guint done, guint total, gpointer user_data);

/* The defaults: two photos per page, clean-up only where a photo asks for it, 80, 170 dpi. */
void werk_protocol_options_init (WerkProtocolOptions *options);

/* Writes the photo protocol of @workshop to @path, whole or not at all: a cover, the agenda
 * with planned and actual times, the typed results (challenges, fields of action and goals,
 * measures, dot-voting), the next steps and the photos by agenda item and table. Photos without
 * consent are left out and counted; photos that cannot be read become a placeholder naming
 * the file. @options may be NULL for the defaults.
 *
 * The photos are prepared in worker threads, a few ahead of the page they go on; everything
 * else, @store included, is used on the calling thread only. A cancelled export writes
 * nothing and fails with G_IO_ERROR_CANCELLED. */
gboolean werk_protocol_export (WerkStore *store, WerkWorkshop *workshop,
                               const WerkProtocolOptions *options, const char *path,
                               WerkProtocolProgress progress_cb, gpointer user_data,
                               GCancellable *cancellable, GError **error);

/* werk_protocol_export() of the workshop with the id @workshop_id, with the default options:
 * for the command line. An id that names no workshop of @store is refused. */
gboolean werk_protocol_export_file (WerkStore *store, const char *workshop_id, const char *path,
                                    GError **error);

G_END_DECLS
