/* werk-agenda.h: the time rules of a workshop's agenda: planned and expected times, the clock.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-store.h"

G_BEGIN_DECLS

/*
 * The clock of a live workshop. Each agenda item records when it ran in "actual_start" and
 * "actual_end" (local date-times); a running item has a start and no end. Pausing writes the
 * end; resuming moves the start forward by the length of the pause, so that end − start is
 * always the time the item really took and a restarted app finds every item as it was left.
 *
 * Every function that depends on the time of day takes "now", so that the rules can be tested
 * with fixed times.
 */

typedef enum
{
  WERK_AGENDA_ITEM_PENDING, /* not started yet */
  WERK_AGENDA_ITEM_RUNNING,
  WERK_AGENDA_ITEM_PAUSED, /* the current item, stopped before it was finished */
  WERK_AGENDA_ITEM_DONE,
  WERK_AGENDA_ITEM_SKIPPED, /* never started, but an item after it has been */
} WerkAgendaItemState;

#define WERK_TYPE_AGENDA (werk_agenda_get_type ())
G_DECLARE_FINAL_TYPE (WerkAgenda, werk_agenda, WERK, AGENDA, GObject)

/* The agenda of @workshop. The current item is found from the recorded times: the running
 * item, else the last one started (paused, unless it is the last item of the agenda). */
WerkAgenda *werk_agenda_new (WerkWorkshop *workshop);
/* The agenda emits "changed" whenever its times may have changed: an item was added, moved,
 * removed or retimed, the clock was started or stopped, the workshop's start moved. */

WerkWorkshop *werk_agenda_get_workshop (WerkAgenda *self);
/* The workshop's agenda items, as the store keeps them. */
GListModel *werk_agenda_get_items (WerkAgenda *self);
guint werk_agenda_get_n_items (WerkAgenda *self);
WerkAgendaItem *werk_agenda_get_item (WerkAgenda *self, guint index);
/* The position of @item in the agenda, or -1. */
int werk_agenda_index_of (WerkAgenda *self, WerkAgendaItem *item);

/* The item the clock belongs to (running, paused or just finished), or -1 before the start. */
int werk_agenda_get_current (WerkAgenda *self);
WerkAgendaItemState werk_agenda_get_state (WerkAgenda *self, guint index);

/* The planned times: the workshop's start plus the planned minutes of the items before.
 * NULL when the workshop has no start time. The day is the day the first item was started,
 * else the workshop's date, else today. */
GDateTime *werk_agenda_get_planned_start (WerkAgenda *self, guint index);
GDateTime *werk_agenda_get_planned_end (WerkAgenda *self, guint index);
/* When the whole agenda ends as planned (NULL without a start time). */
GDateTime *werk_agenda_get_planned_finish (WerkAgenda *self);

/* The expected times given what has been recorded and @now: finished items keep their actual
 * times, an item running over pushes every item after it, items not started cannot start
 * before @now, skipped items take no time. */
GDateTime *werk_agenda_get_expected_start (WerkAgenda *self, guint index, GDateTime *now);
GDateTime *werk_agenda_get_expected_end (WerkAgenda *self, guint index, GDateTime *now);
/* When the whole agenda is expected to end. */
GDateTime *werk_agenda_get_expected_finish (WerkAgenda *self, GDateTime *now);

/* Seconds spent on an item so far (0 before it started). */
gint64 werk_agenda_get_elapsed (WerkAgenda *self, guint index, GDateTime *now);
/* Seconds of its planned time left; negative once the item runs over. */
gint64 werk_agenda_get_remaining (WerkAgenda *self, guint index, GDateTime *now);
/* Seconds the item has run over its planned minutes (0 if it has not). */
gint64 werk_agenda_get_overrun (WerkAgenda *self, guint index, GDateTime *now);

/* Starts an item, or resumes it if it has run before. A running item is stopped first and
 * counts as finished. */
gboolean werk_agenda_start (WerkAgenda *self, guint index, GDateTime *now, GError **error);
/* Stops the running item without finishing it. */
gboolean werk_agenda_pause (WerkAgenda *self, GDateTime *now, GError **error);
/* Finishes the current item (running or paused). */
gboolean werk_agenda_finish (WerkAgenda *self, GDateTime *now, GError **error);
/* Finishes the current item and starts the next one; with nothing started yet, starts the
 * first item. At the last item it only finishes. */
gboolean werk_agenda_advance (WerkAgenda *self, GDateTime *now, GError **error);
/* Gives an item more (or fewer) planned minutes; never below 0. */
gboolean werk_agenda_add_minutes (WerkAgenda *self, guint index, int minutes, GError **error);

/* "12:05", "1:02:05": a duration for a clock face; negative durations get a minus sign. */
char *werk_agenda_format_duration (gint64 seconds);
/* Parses a recorded "YYYY-MM-DDTHH:MM:SS" as local time; NULL if it is none. */
GDateTime *werk_agenda_parse_datetime (const char *text);

G_END_DECLS
