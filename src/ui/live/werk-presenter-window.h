/* werk-presenter-window.h: the projector's screen: large, high contrast, only what is revealed.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-agenda.h"
#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_PRESENTER_WINDOW (werk_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (WerkPresenterWindow, werk_presenter_window, WERK, PRESENTER_WINDOW, GtkWindow)

/* The room's view of @agenda. It shows what the facilitator's window tells it to; it emits
 * "step" (+1 or −1) when a presentation clicker's keys reach it. */
WerkPresenterWindow *werk_presenter_window_new (WerkAgenda *agenda);

/* Shows the window, fullscreen on @monitor, or as a plain window for NULL. */
void werk_presenter_window_present_on (WerkPresenterWindow *self, GdkMonitor *monitor);

void werk_presenter_window_set_item (WerkPresenterWindow *self, WerkAgendaItem *item);
/* What a collecting item gathers: WERK_KIND_CHALLENGE or WERK_KIND_MEASURE (ideas). */
void werk_presenter_window_set_collect_kind (WerkPresenterWindow *self, WerkKind kind);
/* The measure being worked out, or NULL for the list of all. */
void werk_presenter_window_set_measure (WerkPresenterWindow *self, WerkMeasure *measure);
/* The voting round on show; its results appear once it is revealed. */
void werk_presenter_window_set_round (WerkPresenterWindow *self, WerkVotingRound *round);
/* The clock face ("12:04", "+3:12") and its state: "running", "paused", "overrun" or NULL. */
void werk_presenter_window_set_clock (WerkPresenterWindow *self, const char *text,
                                      const char *state);

G_END_DECLS
