/* werk-date-button.h: a date chosen from a calendar, or none; its "date" is "YYYY-MM-DD" or NULL.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WERK_TYPE_DATE_BUTTON (werk_date_button_get_type ())
G_DECLARE_FINAL_TYPE (WerkDateButton, werk_date_button, WERK, DATE_BUTTON, GtkWidget)

const char *werk_date_button_get_date (WerkDateButton *self);
void werk_date_button_set_date (WerkDateButton *self, const char *date);

G_END_DECLS
