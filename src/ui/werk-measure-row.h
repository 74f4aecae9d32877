/* werk-measure-row.h: a measure in the long list: its field's heading, title, owner, due, status.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_MEASURE_ROW (werk_measure_row_get_type ())
G_DECLARE_FINAL_TYPE (WerkMeasureRow, werk_measure_row, WERK, MEASURE_ROW, GtkWidget)

GtkWidget *werk_measure_row_new (void);
/* Shows @measure, the @position-th item of @model; the heading of its field appears when the
 * item before it belongs to another field. */
void werk_measure_row_bind (WerkMeasureRow *self, WerkMeasure *measure, GListModel *model,
                            GtkListItem *item);
void werk_measure_row_unbind (WerkMeasureRow *self);
WerkMeasure *werk_measure_row_get_measure (WerkMeasureRow *self);
/* The row's place in the list, or GTK_INVALID_LIST_POSITION. */
guint werk_measure_row_get_position (WerkMeasureRow *self);

G_END_DECLS
