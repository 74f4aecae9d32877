/* werk-live-util.h: small helpers shared by the live workshop's widgets: times, lists, toasts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-agenda.h"
#include "werk-core.h"

G_BEGIN_DECLS

/* Registers the live workshop's templates, styles and icons (once). */
void werk_live_init_resources (void);

/* The time of day the live workshop runs by; tests may set their own clock. */
GDateTime *werk_live_now (void);
typedef GDateTime *(*WerkLiveClock) (void);
void werk_live_set_clock (WerkLiveClock clock);

/* "16:05", or an en dash for no time. */
char *werk_live_format_time (GDateTime *time);
/* "31.03.2027" for "2027-03-31"; "" for NULL. */
char *werk_live_format_date (const char *iso);
/* Reads "31.3.2027", "31.03.27" or "2027-03-31" as "2027-03-31"; NULL if it is no date.
 * An empty text gives "" (no date). */
char *werk_live_parse_date (const char *text);

/* The records of @kind that came from @workshop (their "workshop" reference), in their order. */
GListModel *werk_live_workshop_records (WerkStore *store, WerkKind kind, WerkWorkshop *workshop);

/* Shows a failed change to the facilitator as a toast of the live window. */
void werk_live_report_error (GtkWidget *widget, const GError *error);
/* Shows @title with an Undo button that applies @undo. */
void werk_live_toast_undo (GtkWidget *widget, const char *title, WerkUndo *undo);
/* Shows a short message. */
void werk_live_toast (GtkWidget *widget, const char *title);

/* The selected row's record of a list box bound to a model (see werk_live_row_set_record). */
WerkRecord *werk_live_list_box_get_selected (GtkListBox *box);
void werk_live_row_set_record (GtkWidget *row, WerkRecord *record);
WerkRecord *werk_live_row_get_record (GtkWidget *row);

/* Unparents what is left of a template-built widget's children in dispose (GTK 4.8's
 * gtk_widget_dispose_template leaves children without an id). */
void werk_live_dispose_children (GtkWidget *widget, GType type);

/* Removes every child of @box. */
void werk_live_box_clear (GtkBox *box);

/* The digit 1–9 of a key (top row or keypad), 0 for the 0 key, -1 for any other key. */
int werk_live_key_digit (guint keyval);

G_END_DECLS
