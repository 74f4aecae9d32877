/* werk-live-window.c: running a workshop live: agenda stepper, timer, voting, presenter window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-cluster-page.h"
#include "werk-live-collect-page.h"
#include "werk-live-goals-page.h"
#include "werk-live-impulse-page.h"
#include "werk-live-measures-page.h"
#include "werk-live-next-steps-page.h"
#include "werk-live-runsheet.h"
#include "werk-live-util.h"
#include "werk-live-voting-page.h"
#include "werk-live-window-private.h"

/* The presenter goes to a monitor of its own when there is one. */
#define PRESENT_AUTO     -2
#define PRESENT_WINDOWED -1

struct _WerkLiveWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toasts;
  AdwWindowTitle *window_title;
  GtkMenuButton *presenter_button;
  GtkBox *monitor_box;
  AdwFlap *flap;
  GtkListBox *agenda_list;
  GtkLabel *clock_label;
  GtkLabel *clock_caption;
  GtkLabel *item_title;
  GtkLabel *item_times;
  GtkButton *start_button;
  GtkStack *pages;
  GtkWidget *impulse_page;
  GtkWidget *collect_page;
  GtkWidget *cluster_page;
  GtkWidget *goals_page;
  GtkWidget *measures_page;
  GtkWidget *voting_page;
  GtkWidget *next_steps_page;
  AdwStatusPage *break_page;
  GtkLabel *planned_label;
  GtkLabel *expected_label;
  GtkLabel *presenter_state;

  WerkStore *store;
  WerkWorkshop *workshop;
  WerkAgenda *agenda;
  WerkPresenterWindow *presenter;
  int viewed;
  guint tick_id;
  const char *clock_state;
};

G_DEFINE_FINAL_TYPE (WerkLiveWindow, werk_live_window, ADW_TYPE_APPLICATION_WINDOW)

static void show_item (WerkLiveWindow *self, int index);

/* ---- times shown ---- */

static const char *
page_name (int kind)
{
  switch (kind)
    {
      case WERK_AGENDA_IMPULSE:
        return "impulse";
      case WERK_AGENDA_COLLECT:
        return "collect";
      case WERK_AGENDA_CLUSTER:
        return "cluster";
      case WERK_AGENDA_GOALS:
        return "goals";
      case WERK_AGENDA_MEASURES:
        return "measures";
      case WERK_AGENDA_VOTING:
        return "voting";
      case WERK_AGENDA_BREAK:
        return "break";
      case WERK_AGENDA_NEXT_STEPS:
        return "next_steps";
      default:
        /* Anything else has a speaker and the facilitator's notes, like a talk. */
        return "impulse";
    }
}

static char *
time_of (GDateTime *time)
{
  return werk_live_format_time (time);
}

/* The clock face of an item: what is left, how far over, or how long it took. */
static void
clock_face (WerkLiveWindow *self, guint index, GDateTime *now, char **text, const char **caption,
            const char **state)
{
  gint64 remaining = werk_agenda_get_remaining (self->agenda, index, now);
  g_autofree char *over = werk_agenda_format_duration (-remaining);

  *state = NULL;
  switch (werk_agenda_get_state (self->agenda, index))
    {
      case WERK_AGENDA_ITEM_RUNNING:
      case WERK_AGENDA_ITEM_PAUSED:
        if (remaining < 0)
          {
            *text = g_strdup_printf ("+%s", over);
            *caption = _ ("over time");
            *state = "overrun";
          }
        else
          {
            *text = werk_agenda_format_duration (remaining);
            *caption = _ ("left");
            *state = "running";
          }
        if (werk_agenda_get_state (self->agenda, index) == WERK_AGENDA_ITEM_PAUSED)
          {
            *caption = _ ("paused");
            *state = "paused";
          }
        break;
      case WERK_AGENDA_ITEM_DONE:
        *text = werk_agenda_format_duration (werk_agenda_get_elapsed (self->agenda, index, now));
        *caption = _ ("taken");
        break;
      case WERK_AGENDA_ITEM_SKIPPED:
        *text = g_strdup ("–");
        *caption = _ ("skipped");
        break;
      case WERK_AGENDA_ITEM_PENDING:
      default:
        *text = werk_agenda_format_duration (remaining);
        *caption = _ ("planned");
        break;
    }
}

static void
update_item_times (WerkLiveWindow *self, guint index, GDateTime *now)
{
  WerkRecord *item = WERK_RECORD (werk_agenda_get_item (self->agenda, index));
  g_autoptr (GDateTime) planned_start = werk_agenda_get_planned_start (self->agenda, index);
  g_autoptr (GDateTime) planned_end = werk_agenda_get_planned_end (self->agenda, index);
  g_autoptr (GDateTime) started =
      werk_agenda_parse_datetime (werk_record_get_string (item, "actual_start"));
  g_autoptr (GDateTime) ended =
      werk_agenda_parse_datetime (werk_record_get_string (item, "actual_end"));
  g_autoptr (GDateTime) expected = werk_agenda_get_expected_end (self->agenda, index, now);
  WerkAgendaItemState state = werk_agenda_get_state (self->agenda, index);
  g_autofree char *a = time_of (planned_start), *b = time_of (planned_end);
  g_autoptr (GString) line = g_string_new (NULL);

  g_string_append_printf (line, _ ("Planned %s–%s (%d min.)"), a, b,
                          (int) werk_record_get_int (item, "minutes"));
  if (started)
    {
      g_autofree char *s = time_of (started);
      g_string_append (line, " · ");
      g_string_append_printf (line, _ ("started %s"), s);
    }
  if (ended && state == WERK_AGENDA_ITEM_DONE)
    {
      g_autofree char *e = time_of (ended);
      g_string_append (line, " · ");
      g_string_append_printf (line, _ ("ended %s"), e);
    }
  else if (expected && state != WERK_AGENDA_ITEM_SKIPPED)
    {
      g_autofree char *e = time_of (expected);
      g_string_append (line, " · ");
      g_string_append_printf (line, _ ("expected to end %s"), e);
    }
  gtk_label_set_label (self->item_times, line->str);
}

static void
set_clock_state (WerkLiveWindow *self, const char *state)
{
  if (g_strcmp0 (self->clock_state, state) == 0)
    return;
  if (self->clock_state)
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), self->clock_state);
  self->clock_state = state;
  if (state)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), state);
}

static void
update_footer (WerkLiveWindow *self, GDateTime *now)
{
  g_autoptr (GDateTime) planned = werk_agenda_get_planned_finish (self->agenda);
  g_autoptr (GDateTime) expected = werk_agenda_get_expected_finish (self->agenda, now);
  g_autofree char *p = time_of (planned), *e = time_of (expected);
  g_autofree char *planned_text = g_strdup_printf (_ ("Planned end %s"), p);
  g_autofree char *expected_text = NULL;
  gint64 late = planned ? g_date_time_difference (expected, planned) / G_TIME_SPAN_MINUTE : 0;

  if (late > 0)
    expected_text = g_strdup_printf (_ ("Expected end %s (+%d min.)"), e, (int) late);
  else if (late < 0)
    expected_text = g_strdup_printf (_ ("Expected end %s (−%d min.)"), e, (int) -late);
  else
    expected_text = g_strdup_printf (_ ("Expected end %s"), e);
  gtk_label_set_label (self->planned_label, planned_text);
  gtk_label_set_label (self->expected_label, expected_text);
  if (late > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->expected_label), "overrun");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->expected_label), "overrun");
}

static void
update_sidebar_row (WerkLiveWindow *self, GtkWidget *row, guint index, GDateTime *now)
{
  GtkLabel *time = g_object_get_data (G_OBJECT (row), "time");
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  g_autoptr (GDateTime) planned = werk_agenda_get_planned_start (self->agenda, index);
  g_autoptr (GDateTime) expected = werk_agenda_get_expected_start (self->agenda, index, now);
  g_autofree char *p = time_of (planned ? planned : expected);
  WerkAgendaItemState state = werk_agenda_get_state (self->agenda, index);
  const char *icons[] = {
    [WERK_AGENDA_ITEM_PENDING] = NULL,
    [WERK_AGENDA_ITEM_RUNNING] = "media-playback-start-symbolic",
    [WERK_AGENDA_ITEM_PAUSED] = "media-playback-pause-symbolic",
    [WERK_AGENDA_ITEM_DONE] = "object-select-symbolic",
    [WERK_AGENDA_ITEM_SKIPPED] = "action-unavailable-symbolic",
  };

  /* Done: when it really ran. Otherwise planned, and where it moved to if the day runs late
   * (or early). */
  if (state == WERK_AGENDA_ITEM_DONE)
    {
      g_autoptr (GDateTime) end = werk_agenda_get_expected_end (self->agenda, index, now);
      g_autofree char *s = time_of (expected), *e = time_of (end);
      g_autofree char *ran = g_strdup_printf ("%s–%s", s, e);
      gtk_label_set_label (time, ran);
    }
  else if (planned && expected && state != WERK_AGENDA_ITEM_SKIPPED &&
           ABS (g_date_time_difference (expected, planned)) >= G_TIME_SPAN_MINUTE)
    {
      g_autofree char *e = time_of (expected);
      g_autofree char *both = g_strdup_printf ("%s → %s", p, e);
      gtk_label_set_label (time, both);
    }
  else
    gtk_label_set_label (time, p);
  gtk_image_set_from_icon_name (icon, icons[state]);
}

static void
update_sidebar (WerkLiveWindow *self, GDateTime *now)
{
  guint index = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && index < werk_agenda_get_n_items (self->agenda))
      update_sidebar_row (self, row, index++, now);
}

static void
update_break_page (WerkLiveWindow *self, GDateTime *now)
{
  g_autoptr (GDateTime) end = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (werk_record_get_int (WERK_RECORD (werk_agenda_get_item (self->agenda, self->viewed)),
                           "kind") != WERK_AGENDA_BREAK)
    return;
  end = werk_agenda_get_expected_end (self->agenda, self->viewed, now);
  time = time_of (end);
  text = g_strdup_printf (_ ("We continue at %s"), time);
  adw_status_page_set_description (self->break_page, text);
}

static void
update_clock (WerkLiveWindow *self)
{
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autofree char *text = NULL;
  const char *caption = "", *state = NULL;
  gboolean running;

  update_footer (self, now);
  update_sidebar (self, now);
  if (self->viewed < 0)
    {
      gtk_label_set_label (self->clock_label, "");
      gtk_label_set_label (self->clock_caption, "");
      return;
    }
  clock_face (self, self->viewed, now, &text, &caption, &state);
  gtk_label_set_label (self->clock_label, text);
  gtk_label_set_label (self->clock_caption, caption);
  set_clock_state (self, state);
  update_item_times (self, self->viewed, now);
  update_break_page (self, now);
  running = werk_agenda_get_state (self->agenda, self->viewed) == WERK_AGENDA_ITEM_RUNNING;
  gtk_button_set_icon_name (self->start_button, running ? "media-playback-pause-symbolic"
                                                        : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->start_button),
                               running ? _ ("Pause the Clock (Ctrl+Space)")
                                       : _ ("Start the Clock (Ctrl+Space)"));
  if (self->presenter)
    werk_presenter_window_set_clock (self->presenter, text, state);
}

static gboolean
tick_cb (gpointer data)
{
  update_clock (data);
  return G_SOURCE_CONTINUE;
}

void
_werk_live_window_tick (WerkLiveWindow *self)
{
  g_return_if_fail (WERK_IS_LIVE_WINDOW (self));
  update_clock (self);
}

/* ---- the agenda in the sidebar ---- */

static GtkWidget *
create_agenda_row_cb (gpointer item, gpointer user_data)
{
  WerkRecord *record = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new ();
  g_autofree char *minutes = NULL;
  const char *speaker = werk_record_get_string (record, "speaker");
  const char *kind = werk_enum_label (WERK_TYPE_AGENDA_KIND, werk_record_get_int (record, "kind"));

  minutes = speaker && *speaker
                ? g_strdup_printf (_ ("%s · %d min. · %s"), kind,
                                   (int) werk_record_get_int (record, "minutes"), speaker)
                : g_strdup_printf (_ ("%s · %d min."), kind,
                                   (int) werk_record_get_int (record, "minutes"));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "caption-heading");
  g_object_bind_property (record, "title", title, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_label (GTK_LABEL (detail), minutes);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), time, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), detail, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), icon, 1, 0, 1, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_object_set_data (G_OBJECT (row), "time", time);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  werk_live_row_set_record (row, record);
  return row;
}

static void
agenda_row_activated_cb (GtkListBox *list, GtkListBoxRow *row, WerkLiveWindow *self)
{
  show_item (self, gtk_list_box_row_get_index (row));
}

static void
agenda_changed_cb (WerkAgenda *agenda, WerkLiveWindow *self)
{
  guint n = werk_agenda_get_n_items (agenda);

  if (self->viewed >= (int) n)
    show_item (self, (int) n - 1);
  else if (self->viewed < 0 && n > 0)
    show_item (self, 0);
  else
    update_clock (self);
}

/* ---- the presenter ---- */

static void
update_presenter (WerkLiveWindow *self)
{
  WerkAgendaItem *item;

  if (self->presenter == NULL)
    return;
  item = self->viewed >= 0 ? werk_agenda_get_item (self->agenda, self->viewed) : NULL;
  werk_presenter_window_set_collect_kind (
      self->presenter,
      werk_live_collect_page_get_kind (WERK_LIVE_COLLECT_PAGE (self->collect_page)));
  werk_presenter_window_set_measure (
      self->presenter,
      werk_live_measures_page_get_measure (WERK_LIVE_MEASURES_PAGE (self->measures_page)));
  werk_presenter_window_set_round (
      self->presenter, werk_live_voting_page_get_round (WERK_LIVE_VOTING_PAGE (self->voting_page)));
  werk_presenter_window_set_item (self->presenter, item);
  update_clock (self);
}

static void
presenter_step_cb (WerkPresenterWindow *presenter, int direction, WerkLiveWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), direction > 0 ? "live.next" : "live.previous",
                              NULL);
}

static void
presenter_destroy_cb (WerkPresenterWindow *presenter, WerkLiveWindow *self)
{
  g_clear_object (&self->presenter);
  gtk_label_set_label (self->presenter_state, "");
}

static GdkMonitor *
projector_monitor (WerkLiveWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
  GdkMonitor *own = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; n > 1 && i < n; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      if (monitor != own)
        return monitor;
    }
  return NULL;
}

static void
open_presenter (WerkLiveWindow *self, int monitor_index)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GdkMonitor) monitor = NULL;

  if (monitor_index >= 0)
    monitor = g_list_model_get_item (monitors, monitor_index);
  else if (monitor_index == PRESENT_AUTO)
    monitor = projector_monitor (self);
  if (self->presenter == NULL)
    {
      self->presenter = g_object_ref_sink (werk_presenter_window_new (self->agenda));
      gtk_window_set_application (GTK_WINDOW (self->presenter),
                                  gtk_window_get_application (GTK_WINDOW (self)));
      g_signal_connect (self->presenter, "step", G_CALLBACK (presenter_step_cb), self);
      g_signal_connect (self->presenter, "destroy", G_CALLBACK (presenter_destroy_cb), self);
    }
  update_presenter (self);
  werk_presenter_window_present_on (self->presenter, monitor);
  gtk_label_set_label (self->presenter_state, monitor ? _ ("Presenter view on the projector")
                                                      : _ ("Presenter view in a window"));
  /* The facilitator keeps typing here; the room only watches. */
  gtk_window_present (GTK_WINDOW (self));
}

static void
present_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_presenter (WERK_LIVE_WINDOW (widget), g_variant_get_int32 (param));
}

static char *
monitor_label (GdkMonitor *monitor, guint index)
{
  GdkRectangle geometry;
  const char *model = gdk_monitor_get_model (monitor);
  const char *connector = gdk_monitor_get_connector (monitor);

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Translators: "Screen 2: DELL U2412M (1920 × 1200)". */
  return g_strdup_printf (_ ("Screen %u: %s (%d × %d)"), index + 1,
                          model       ? model
                          : connector ? connector
                                      : _ ("unknown"),
                          geometry.width, geometry.height);
}

static GtkWidget *
monitor_button (const char *label, int index)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "live.present");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  return button;
}

/* Monitors come and go (the projector is plugged in late): list them each time. */
static void
monitor_popover_show_cb (GtkPopover *popover, WerkLiveWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors);
  GtkWidget *heading = gtk_label_new (_ ("Show the presenter view full screen on"));

  werk_live_box_clear (self->monitor_box);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_box_append (self->monitor_box, heading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *label = monitor_label (monitor, i);
      gtk_box_append (self->monitor_box, monitor_button (label, i));
    }
  gtk_box_append (self->monitor_box, monitor_button (_ ("In a window"), PRESENT_WINDOWED));
}

static void
page_property_cb (GObject *page, GParamSpec *pspec, WerkLiveWindow *self)
{
  update_presenter (self);
}

/* ---- stepping through the agenda ---- */

static void
show_item (WerkLiveWindow *self, int index)
{
  WerkAgendaItem *item;
  GtkWidget *page;
  g_autofree char *subtitle = NULL;
  int kind;

  if (index < 0 || (guint) index >= werk_agenda_get_n_items (self->agenda))
    {
      self->viewed = -1;
      gtk_stack_set_visible_child_name (self->pages, "empty");
      gtk_label_set_label (self->item_title, "");
      gtk_label_set_label (self->item_times, "");
      update_presenter (self);
      update_clock (self);
      return;
    }
  self->viewed = index;
  item = werk_agenda_get_item (self->agenda, index);
  kind = werk_record_get_int (WERK_RECORD (item), "kind");
  gtk_list_box_select_row (self->agenda_list,
                           gtk_list_box_get_row_at_index (self->agenda_list, index));
  gtk_label_set_label (self->item_title, werk_record_get_label (WERK_RECORD (item)));
  subtitle =
      g_strdup_printf (_ ("Item %d of %u · %s"), index + 1, werk_agenda_get_n_items (self->agenda),
                       werk_enum_label (WERK_TYPE_AGENDA_KIND, kind));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->pages, page_name (kind));
  page = gtk_stack_get_visible_child (self->pages);
  if (WERK_IS_LIVE_PAGE (page))
    {
      werk_live_page_set_item (WERK_LIVE_PAGE (page), item);
      werk_live_page_focus_input (WERK_LIVE_PAGE (page));
    }
  else
    adw_status_page_set_description (self->break_page, werk_record_get_label (WERK_RECORD (item)));
  update_presenter (self);
  update_clock (self);
}

static void
report (WerkLiveWindow *self, const GError *error)
{
  _werk_live_window_show_toast (self, adw_toast_new (error->message));
}

/* On the item whose clock runs, "next" moves the workshop on: that item ends and the next
 * begins. Anywhere else it only turns the page, so looking back never changes the times. */
static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autoptr (GError) error = NULL;
  int current = werk_agenda_get_current (self->agenda);
  WerkAgendaItemState state =
      current >= 0 ? werk_agenda_get_state (self->agenda, current) : WERK_AGENDA_ITEM_PENDING;

  if (current >= 0 && current == self->viewed &&
      (state == WERK_AGENDA_ITEM_RUNNING || state == WERK_AGENDA_ITEM_PAUSED))
    {
      if (!werk_agenda_advance (self->agenda, now, &error))
        report (self, error);
      show_item (self, werk_agenda_get_current (self->agenda));
      return;
    }
  if ((guint) self->viewed + 1 < werk_agenda_get_n_items (self->agenda))
    show_item (self, self->viewed + 1);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);

  if (self->viewed > 0)
    show_item (self, self->viewed - 1);
}

static void
goto_action (GtkWidget *widget, const char *name, GVariant *param)
{
  show_item (WERK_LIVE_WINDOW (widget), g_variant_get_int32 (param));
}

static void
toggle_timer_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->viewed < 0)
    return;
  if (werk_agenda_get_state (self->agenda, self->viewed) == WERK_AGENDA_ITEM_RUNNING)
    ok = werk_agenda_pause (self->agenda, now, &error);
  else
    ok = werk_agenda_start (self->agenda, self->viewed, now, &error);
  if (!ok)
    report (self, error);
  update_clock (self);
}

static void
finish_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  g_autoptr (GDateTime) now = werk_live_now ();
  g_autoptr (GError) error = NULL;

  if (!werk_agenda_finish (self->agenda, now, &error))
    report (self, error);
  update_clock (self);
}

static void
add_time_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->viewed >= 0 && !werk_agenda_add_minutes (self->agenda, self->viewed, 5, &error))
    report (self, error);
  update_clock (self);
}

/* Ctrl+L, as in the process window: to the page's entry for new items (on the measures page,
 * the one for the next measure), or where its input starts. */
static void
focus_entry_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);

  if (!WERK_IS_LIVE_PAGE (page))
    gtk_widget_error_bell (widget);
  else if (!gtk_widget_activate_action (page, "page.focus-entry", NULL))
    werk_live_page_focus_input (WERK_LIVE_PAGE (page));
}

static void
toggle_sidebar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ---- the run-sheet ---- */

static void
runsheet_response_cb (GtkNativeDialog *dialog, int response, WerkLiveWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path && werk_live_runsheet_write (self->agenda, path, &error))
        _werk_live_window_show_toast (self, adw_toast_new (_ ("Run-sheet saved")));
      else if (error)
        report (self, error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_runsheet_action (GtkWidget *widget, const char *name, GVariant *param)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;

  chooser = gtk_file_chooser_native_new (_ ("Save Run-Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the run-sheet; %s is the workshop's title. */
  file_name = g_strdup_printf (_ ("Run-sheet %s.pdf"),
                               werk_record_get_label (WERK_RECORD (self->workshop)));
  g_strdelimit (file_name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (runsheet_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the window ---- */

void
_werk_live_window_show_toast (WerkLiveWindow *self, AdwToast *toast)
{
  g_return_if_fail (WERK_IS_LIVE_WINDOW (self));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

GtkWidget *
_werk_live_window_get_page (WerkLiveWindow *self, WerkAgendaKind kind)
{
  g_return_val_if_fail (WERK_IS_LIVE_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->pages, page_name (kind));
}

WerkPresenterWindow *
_werk_live_window_get_presenter (WerkLiveWindow *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_WINDOW (self), NULL);
  return self->presenter;
}

WerkAgenda *
_werk_live_window_get_agenda (WerkLiveWindow *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_WINDOW (self), NULL);
  return self->agenda;
}

int
_werk_live_window_get_viewed (WerkLiveWindow *self)
{
  g_return_val_if_fail (WERK_IS_LIVE_WINDOW (self), -1);
  return self->viewed;
}

static void
store_error_cb (WerkStore *store, const GError *error, WerkLiveWindow *self)
{
  report (self, error);
}

static void
werk_live_window_dispose (GObject *object)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->presenter)
    {
      g_signal_handlers_disconnect_by_data (self->presenter, self);
      gtk_window_destroy (GTK_WINDOW (self->presenter));
      g_clear_object (&self->presenter);
    }
  if (self->agenda)
    g_signal_handlers_disconnect_by_data (self->agenda, self);
  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_LIVE_WINDOW);
  g_clear_object (&self->agenda);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (werk_live_window_parent_class)->dispose (object);
}

static void
add_binding (GtkWidgetClass *widget_class, guint key, GdkModifierType mods, const char *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

static void
werk_live_window_class_init (WerkLiveWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_live_window_dispose;

  g_type_ensure (WERK_TYPE_LIVE_IMPULSE_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_COLLECT_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_CLUSTER_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_GOALS_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_MEASURES_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_VOTING_PAGE);
  g_type_ensure (WERK_TYPE_LIVE_NEXT_STEPS_PAGE);

  werk_live_init_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/werkstatt/Werkstatt/live/werk-live-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, presenter_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, monitor_box);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, clock_caption);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, item_title);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, item_times);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, impulse_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, collect_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, cluster_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, goals_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, measures_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, voting_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, next_steps_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, break_page);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, planned_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, expected_label);
  gtk_widget_class_bind_template_child (widget_class, WerkLiveWindow, presenter_state);
  gtk_widget_class_bind_template_callback (widget_class, monitor_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "live.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "live.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "live.goto", "i", goto_action);
  gtk_widget_class_install_action (widget_class, "live.present", "i", present_action);
  gtk_widget_class_install_action (widget_class, "live.export-runsheet", NULL,
                                   export_runsheet_action);
  gtk_widget_class_install_action (widget_class, "live.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "live.focus-entry", NULL, focus_entry_action);
  gtk_widget_class_install_action (widget_class, "timer.toggle", NULL, toggle_timer_action);
  gtk_widget_class_install_action (widget_class, "timer.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "timer.add-time", NULL, add_time_action);

  add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "live.next");
  add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "live.previous");
  add_binding (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "timer.toggle");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timer.add-time");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timer.add-time");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timer.add-time");
  add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "live.export-runsheet");
  add_binding (widget_class, GDK_KEY_F9, 0, "live.toggle-sidebar");
  add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "live.focus-entry");
  add_binding (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "live.present", "i",
                                       PRESENT_AUTO);
}

static void
load_css (void)
{
  static gboolean done = FALSE;
  g_autoptr (GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/app/werkstatt/Werkstatt/live/live.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Presentation clickers send Page Up/Down. They must step the agenda wherever the keyboard
 * focus is, even in the notes (which then do not page; the notes are short). */
static void
add_clicker_keys (WerkLiveWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                   gtk_named_action_new ("live.next")));
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                   gtk_named_action_new ("live.previous")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static gboolean
new_round_key_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  WerkLiveWindow *self = WERK_LIVE_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->pages) != self->voting_page)
    return FALSE;
  return gtk_widget_activate_action (self->voting_page, "vote.new-round-menu", NULL);
}

/* On the voting page Ctrl+N is "new round", as the shortcuts window says. The application's
 * Ctrl+N (a new strategy process) would otherwise win: application accelerators run in the
 * capture phase, before the page's own key bindings. This controller is added later, so it
 * runs first. */
static void
add_page_keys (WerkLiveWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                        gtk_callback_action_new (new_round_key_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
werk_live_window_init (WerkLiveWindow *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  add_clicker_keys (self);
  add_page_keys (self);

  load_css ();
  self->viewed = -1;
  builder = gtk_builder_new_from_resource ("/app/werkstatt/Werkstatt/live/werk-live-shortcuts.ui");
  gtk_application_window_set_help_overlay (
      GTK_APPLICATION_WINDOW (self),
      GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (agenda_row_activated_cb), self);
  g_signal_connect (self->collect_page, "notify::kind", G_CALLBACK (page_property_cb), self);
  g_signal_connect (self->measures_page, "notify::measure", G_CALLBACK (page_property_cb), self);
  g_signal_connect (self->voting_page, "notify::round", G_CALLBACK (page_property_cb), self);
}

static void
set_workshop (WerkLiveWindow *self, WerkStore *store, WerkWorkshop *workshop)
{
  GtkWidget *pages[] = { self->impulse_page,   self->collect_page,  self->cluster_page,
                         self->goals_page,     self->measures_page, self->voting_page,
                         self->next_steps_page };
  g_autofree char *title = NULL;
  int current;

  self->store = g_object_ref (store);
  self->workshop = g_object_ref (workshop);
  self->agenda = werk_agenda_new (workshop);
  title = g_strdup_printf (_ ("%s – Live"), werk_record_get_label (WERK_RECORD (workshop)));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, werk_record_get_label (WERK_RECORD (workshop)));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    werk_live_page_set_workshop (WERK_LIVE_PAGE (pages[i]), workshop);
  gtk_list_box_bind_model (self->agenda_list, werk_agenda_get_items (self->agenda),
                           create_agenda_row_cb, self, NULL);
  g_signal_connect (self->agenda, "changed", G_CALLBACK (agenda_changed_cb), self);
  g_signal_connect (store, "error", G_CALLBACK (store_error_cb), self);
  /* Reopened after a crash or a break: carry on where the clock is. */
  current = werk_agenda_get_current (self->agenda);
  show_item (self, current >= 0 ? current : 0);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

WerkLiveWindow *
werk_live_window_new (GtkApplication *app, WerkStore *store, WerkWorkshop *workshop)
{
  WerkLiveWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (WERK_IS_STORE (store), NULL);
  g_return_val_if_fail (WERK_IS_WORKSHOP (workshop), NULL);

  self = g_object_new (WERK_TYPE_LIVE_WINDOW, "application", app, NULL);
  set_workshop (self, store, workshop);
  return self;
}
