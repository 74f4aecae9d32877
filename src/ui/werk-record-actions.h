/* werk-record-actions.h: the actions of a row that shows a record: delete, reorder, move to field.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-core.h"

G_BEGIN_DECLS

typedef enum
{
  WERK_RECORD_ACTIONS_DELETE = 1 << 0,
  WERK_RECORD_ACTIONS_REORDER = 1 << 1,
  WERK_RECORD_ACTIONS_MOVE_TO_FIELD = 1 << 2,
  /* "No field" is offered too (challenges and measures; a guiding goal needs a field). */
  WERK_RECORD_ACTIONS_UNSET_FIELD = 1 << 3,
} WerkRecordActionFlags;

/* Gives @widget the actions row.delete (Delete), row.move-up (Alt+Up), row.move-down
 * (Alt+Down) and row.move-to-field (Alt+1…9, Alt+0 for none) for @record. When @widget is a
 * GtkListBoxRow, the keyboard focus stays in its list after the record moves or goes. */
void werk_record_actions_attach (GtkWidget *widget, WerkRecord *record,
                                 WerkRecordActionFlags flags);
/* For rows that are reused for other records (GtkListView). */
void werk_record_actions_set_record (GtkWidget *widget, WerkRecord *record);
WerkRecord *werk_record_actions_get_record (GtkWidget *widget);

/* A "⋮" menu button for these actions, listing the fields of action there are when it opens. */
GtkWidget *werk_record_menu_button_new (void);
void werk_record_menu_button_setup (GtkMenuButton *button);

/* Moves @record into the @n-th field of action (1-based; 0 = none), reporting errors. */
gboolean werk_record_move_to_field (GtkWidget *widget, WerkRecord *record, int n);

/* A list-box row showing the text @key of @record (wrapped), edited in place when activated
 * (Enter or a click; Enter keeps, Escape drops the change), with the row actions of @flags and
 * their "⋮" menu. The row's child is a horizontal GtkBox for callers to add to. */
GtkWidget *werk_record_row_new (WerkRecord *record, const char *key, WerkRecordActionFlags flags);
/* Starts editing a row made by werk_record_row_new(); for GtkListBox::row-activated. */
void werk_record_row_start_editing (GtkListBoxRow *row);

G_END_DECLS
