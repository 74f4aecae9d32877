/* werk-workshops-page.h: the workshops of the process, and one workshop's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_WORKSHOPS_PAGE (werk_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkWorkshopsPage, werk_workshops_page, WERK, WORKSHOPS_PAGE, AdwBin)

void werk_workshops_page_set_store (WerkWorkshopsPage *self, WerkStore *store);
/* Shows the page of one workshop (NULL: the list). */
void werk_workshops_page_show_workshop (WerkWorkshopsPage *self, WerkWorkshop *workshop);

G_END_DECLS
