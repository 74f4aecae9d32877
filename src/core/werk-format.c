/* werk-format.c: values written for people, as their locale writes them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "werk-format.h"

char *
werk_format_date_time (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: how dates are written in the app and the documents, see
   * g_date_time_format(); German: %d.%m.%Y */
  return g_date_time_format (date, _ ("%Y-%m-%d"));
}

char *
werk_format_date (const char *iso_date)
{
  g_autoptr (GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;
  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year) ||
      !(date = g_date_time_new_local (year, month, day, 12, 0, 0)))
    return g_strdup (iso_date);
  return werk_format_date_time (date);
}
