/* werk-live-impulse-page.c: an impulse talk live: its speaker and the facilitator's notes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-impulse-page.h"
#include "werk-live-util.h"

struct _WerkLiveImpulsePage
{
  GtkWidget parent_instance;

  AdwEntryRow *speaker_row;
  GtkTextView *notes_view;

  WerkAgendaItem *item;
  GBinding *speaker_binding;
  gboolean loading; /* the buffer is being filled from the record */
};

static void werk_live_impulse_page_page_init (WerkLivePageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WerkLiveImpulsePage, werk_live_impulse_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (WERK_TYPE_LIVE_PAGE,
                                                      werk_live_impulse_page_page_init))

static void
load_notes (WerkLiveImpulsePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *notes = self->item ? werk_record_get_string (WERK_RECORD (self->item), "notes") : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes ? notes : "") == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, notes ? notes : "", -1);
  self->loading = FALSE;
}

/* Every keystroke is written at once: notes typed during a talk must survive a crash. */
static void
notes_changed_cb (GtkTextBuffer *buffer, WerkLiveImpulsePage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || self->item == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!werk_record_set_string (WERK_RECORD (self->item), "notes", text, &error))
    werk_live_report_error (GTK_WIDGET (self), error);
}

static void
item_notes_cb (GObject *item, GParamSpec *pspec, WerkLiveImpulsePage *self)
{
  load_notes (self);
}

static void
werk_live_impulse_page_set_item (WerkLivePage *page, WerkAgendaItem *item)
{
  WerkLiveImpulsePage *self = WERK_LIVE_IMPULSE_PAGE (page);

  if (self->item == item)
    return;
  g_clear_pointer (&self->speaker_binding, g_binding_unbind);
  if (self->item)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  load_notes (self);
  if (item == NULL)
    return;
  self->speaker_binding = g_object_bind_property (item, "speaker", self->speaker_row, "text",
                                                  G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (item, "notify::notes", G_CALLBACK (item_notes_cb), self, 0);
}

static void
werk_live_impulse_page_set_workshop (WerkLivePage *page, WerkWorkshop *workshop)
{
}

static void
werk_live_impulse_page_focus_input (WerkLivePage *page)
{
  WerkLiveImpulsePage *self = WERK_LIVE_IMPULSE_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static void
werk_live_impulse_page_page_init (WerkLivePageInterface *iface)
{
  iface->set_workshop = werk_live_impulse_page_set_workshop;
  iface->set_item = werk_live_impulse_page_set_item;
  iface->focus_input = werk_live_impulse_page_focus_input;
}

static void
werk_live_impulse_page_dispose (GObject *object)
{
  WerkLiveImpulsePage *self = WERK_LIVE_IMPULSE_PAGE (object);

  werk_live_impulse_page_set_item (WERK_LIVE_PAGE (self), NULL);
  werk_live_dispose_children (GTK_WIDGET (self), WERK_TYPE_LIVE_IMPULSE_PAGE);

  G_OBJECT_CLASS (werk_live_impulse_page_parent_class)->dispose (object);
}

static void
werk_live_impulse_page_class_init (WerkLiveImpulsePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_impulse_page_dispose;

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/werkstatt/Werkstatt/live/werk-live-impulse-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveImpulsePage, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveImpulsePage, notes_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
werk_live_impulse_page_init (WerkLiveImpulsePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
}
