/* werk-fields-page.h: the fields of action, the challenges without one, and one field's page.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_FIELDS_PAGE (werk_fields_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkFieldsPage, werk_fields_page, WERK, FIELDS_PAGE, AdwBin)

void werk_fields_page_set_store (WerkFieldsPage *self, WerkStore *store);
/* Shows the page of one field (NULL: the list of fields). */
void werk_fields_page_show_field (WerkFieldsPage *self, WerkField *field);

G_END_DECLS
