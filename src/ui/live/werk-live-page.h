/* werk-live-page.h: what every page of the live workshop offers the window: its workshop and item.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "werk-core.h"

G_BEGIN_DECLS

#define WERK_TYPE_LIVE_PAGE (werk_live_page_get_type ())
G_DECLARE_INTERFACE (WerkLivePage, werk_live_page, WERK, LIVE_PAGE, GtkWidget)

struct _WerkLivePageInterface
{
  GTypeInterface parent_iface;

  /* Called once, before the page is shown. */
  void (*set_workshop) (WerkLivePage *self, WerkWorkshop *workshop);
  /* The agenda item the page is shown for; pages of several items keep their state. */
  void (*set_item) (WerkLivePage *self, WerkAgendaItem *item);
  /* Puts the keyboard where the facilitator types first. */
  void (*focus_input) (WerkLivePage *self);
};

void werk_live_page_set_workshop (WerkLivePage *self, WerkWorkshop *workshop);
void werk_live_page_set_item (WerkLivePage *self, WerkAgendaItem *item);
void werk_live_page_focus_input (WerkLivePage *self);

G_END_DECLS
