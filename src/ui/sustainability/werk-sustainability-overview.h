/* werk-sustainability-overview.h: measures × dimensions with lights, filters and sorting.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_OVERVIEW (werk_sustainability_overview_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityOverview, werk_sustainability_overview, WERK,
                      SUSTAINABILITY_OVERVIEW, AdwBin)

/* The columns, by the names werk_sustainability_overview_sort_by() takes. */
typedef enum
{
  WERK_SUSTAINABILITY_COLUMN_MEASURE,    /* "measure" */
  WERK_SUSTAINABILITY_COLUMN_FIELD,      /* "field" */
  WERK_SUSTAINABILITY_COLUMN_ECOLOGICAL, /* "ecological" */
  WERK_SUSTAINABILITY_COLUMN_SOCIAL,     /* "social" */
  WERK_SUSTAINABILITY_COLUMN_ECONOMIC,   /* "economic" */
  WERK_SUSTAINABILITY_COLUMN_LIGHT,      /* "light": red, yellow, green, unfinished */
  WERK_SUSTAINABILITY_COLUMN_PROGRESS,   /* "progress": share of criteria rated */
  WERK_SUSTAINABILITY_N_COLUMNS
} WerkSustainabilityColumn;

void werk_sustainability_overview_set_store (WerkSustainabilityOverview *self, WerkStore *store);
/* The measures as the matrix shows them (filtered, sorted): WerkMeasure, referenced. */
GPtrArray *werk_sustainability_overview_dup_shown (WerkSustainabilityOverview *self);
/* Puts the focus into the search, its text selected; Enter there opens the first measure found. */
void werk_sustainability_overview_focus_search (WerkSustainabilityOverview *self);
/* The rows shown, as WerkSustainabilityItems. */
GListModel *werk_sustainability_overview_get_model (WerkSustainabilityOverview *self);
/* Sorts as a click on the column's header does; the sort dropdown shows it where it can. */
void werk_sustainability_overview_sort_by (WerkSustainabilityOverview *self,
                                           WerkSustainabilityColumn column, GtkSortType order);
/* Selects @measure's row, scrolls to it and gives it the focus, e.g. back from its check. */
void werk_sustainability_overview_reveal (WerkSustainabilityOverview *self, WerkMeasure *measure);

G_END_DECLS
