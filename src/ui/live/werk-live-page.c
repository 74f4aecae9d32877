/* werk-live-page.c: what every page of the live workshop offers the window: its workshop and item.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-live-page.h"

G_DEFINE_INTERFACE (WerkLivePage, werk_live_page, GTK_TYPE_WIDGET)

static void
werk_live_page_default_init (WerkLivePageInterface *iface)
{
}

void
werk_live_page_set_workshop (WerkLivePage *self, WerkWorkshop *workshop)
{
  g_return_if_fail (WERK_IS_LIVE_PAGE (self));
  WERK_LIVE_PAGE_GET_IFACE (self)->set_workshop (self, workshop);
}

void
werk_live_page_set_item (WerkLivePage *self, WerkAgendaItem *item)
{
  g_return_if_fail (WERK_IS_LIVE_PAGE (self));
  if (WERK_LIVE_PAGE_GET_IFACE (self)->set_item)
    WERK_LIVE_PAGE_GET_IFACE (self)->set_item (self, item);
}

void
werk_live_page_focus_input (WerkLivePage *self)
{
  g_return_if_fail (WERK_IS_LIVE_PAGE (self));
  if (WERK_LIVE_PAGE_GET_IFACE (self)->focus_input)
    WERK_LIVE_PAGE_GET_IFACE (self)->focus_input (self);
}
