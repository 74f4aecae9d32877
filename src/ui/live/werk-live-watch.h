/* werk-live-watch.h: one "changed" signal for any change to the records of some list models.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* GTK's filter and sort models do not watch their items' properties; read-only views that
 * group records (fields with their cards, the presenter's screen) rebuild on this instead.
 * "changed" is emitted once per main-loop turn, however many changes there were. */
#define WERK_TYPE_LIVE_WATCH (werk_live_watch_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveWatch, werk_live_watch, WERK, LIVE_WATCH, GObject)

WerkLiveWatch *werk_live_watch_new (void);
/* Watches the items of @model (added, removed, any property changed). */
void werk_live_watch_add_model (WerkLiveWatch *self, GListModel *model);
/* Watches one object's properties. */
void werk_live_watch_add_object (WerkLiveWatch *self, GObject *object);
/* Stops watching everything. */
void werk_live_watch_clear (WerkLiveWatch *self);
/* Emits "changed" now, without waiting for the main loop. */
void werk_live_watch_flush (WerkLiveWatch *self);

G_END_DECLS
