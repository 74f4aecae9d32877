/* werk-sustainability-view.h: the sustainability page: overview, catalogue, a measure's check.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_SUSTAINABILITY_VIEW (werk_sustainability_view_get_type ())
G_DECLARE_FINAL_TYPE (WerkSustainabilityView, werk_sustainability_view, WERK, SUSTAINABILITY_VIEW,
                      AdwBin)

/* The page "Sustainability" of a process's window. Its actions ("sustainability.*"):
 * show-measure (s: a measure's id), show-overview, show-criteria, next-measure,
 * previous-measure, search (Ctrl+F), add-defaults, export-report. */
GtkWidget *werk_sustainability_view_new (WerkStore *store);
WerkStore *werk_sustainability_view_get_store (WerkSustainabilityView *self);

/* Opens @measure's check; Ctrl+Enter then goes through the measures as the overview lists them. */
void werk_sustainability_view_show_measure (WerkSustainabilityView *self, WerkMeasure *measure);
void werk_sustainability_view_show_overview (WerkSustainabilityView *self);
/* Asks where to save the report (a PDF) and writes it, through the action
 * "win.export-sustainability" of the process window that holds the view (outside one: a bell). */
void werk_sustainability_view_export_report (WerkSustainabilityView *self);

G_END_DECLS
