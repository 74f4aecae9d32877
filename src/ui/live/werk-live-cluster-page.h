/* werk-live-cluster-page.h: sorting the collected cards into fields of action by keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_CLUSTER_PAGE (werk_live_cluster_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveClusterPage, werk_live_cluster_page, WERK, LIVE_CLUSTER_PAGE,
                      GtkWidget)

/* Gives the selected card the field of action numbered @number (1-based, as shown), or none for
 * 0, and selects the next card. FALSE if there is no such field or no card selected. */
gboolean werk_live_cluster_page_assign (WerkLiveClusterPage *self, guint number);
/* Selects the card at @index of the list. */
void werk_live_cluster_page_select (WerkLiveClusterPage *self, guint index);

G_END_DECLS
