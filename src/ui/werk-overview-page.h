/* werk-overview-page.h: the process at a glance: title, municipality, region, vision, core goals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_OVERVIEW_PAGE (werk_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkOverviewPage, werk_overview_page, WERK, OVERVIEW_PAGE, AdwBin)

void werk_overview_page_set_store (WerkOverviewPage *self, WerkStore *store);

G_END_DECLS
