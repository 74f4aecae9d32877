/* werk-live-collect-page.h: collecting challenges or ideas as fast as the room calls them out.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_COLLECT_PAGE (werk_live_collect_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveCollectPage, werk_live_collect_page, WERK, LIVE_COLLECT_PAGE,
                      GtkWidget)

/* What is being collected: WERK_KIND_CHALLENGE, or WERK_KIND_MEASURE for ideas. */
WerkKind werk_live_collect_page_get_kind (WerkLiveCollectPage *self);
void werk_live_collect_page_set_kind (WerkLiveCollectPage *self, WerkKind kind);
/* Adds a card as if typed and entered; returns the new record or NULL (error shown). */
WerkRecord *werk_live_collect_page_add (WerkLiveCollectPage *self, const char *text);

G_END_DECLS
