/* werk-live-goals-page.h: noting core goals and the guiding goals of each field of action.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "werk-live-page.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_GOALS_PAGE (werk_live_goals_page_get_type ())
G_DECLARE_FINAL_TYPE (WerkLiveGoalsPage, werk_live_goals_page, WERK, LIVE_GOALS_PAGE, GtkWidget)

/* Where the next goal goes: 0 for a core goal, n for a guiding goal of field of action n. */
void werk_live_goals_page_set_target (WerkLiveGoalsPage *self, guint target);
/* Adds a goal to the current target as if typed and entered; NULL on error (shown). */
WerkRecord *werk_live_goals_page_add (WerkLiveGoalsPage *self, const char *text);

G_END_DECLS
