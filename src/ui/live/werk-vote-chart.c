/* werk-vote-chart.c: a voting round's ranking as horizontal bars, ties marked; empty while hidden.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-live-watch.h"
#include "werk-vote-chart.h"

struct _WerkVoteChart
{
  GtkWidget parent_instance;

  WerkVotingRound *round;
  WerkLiveWatch *watch;
  guint highlight;
};

enum
{
  PROP_0,
  PROP_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WerkVoteChart, werk_vote_chart, GTK_TYPE_WIDGET)

#define GAP 12.0

static GArray *
ranking (WerkVoteChart *self)
{
  if (self->round == NULL || werk_voting_round_is_hidden (self->round))
    return NULL;
  return werk_voting_round_rank (self->round);
}

static char *
rank_text (const WerkRankedItem *ranked)
{
  return g_strdup_printf ("%u.", ranked->rank);
}

static char *
count_text (const WerkRankedItem *ranked)
{
  /* Translators: dots an item got in a vote, shown at the end of its bar. */
  return g_strdup_printf (ngettext ("%u dot", "%u dots", ranked->dots), ranked->dots);
}

char *
werk_vote_chart_dup_summary (WerkVoteChart *self)
{
  g_autoptr (GArray) ranked = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (WERK_IS_VOTE_CHART (self), NULL);

  ranked = ranking (self);
  for (guint i = 0; ranked && i < ranked->len; i++)
    {
      const WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      g_autofree char *rank = rank_text (r);
      g_autofree char *count = count_text (r);

      /* Translators: an item that shares its rank with another: "12 dots · tie". */
      if (r->tie)
        g_string_append_printf (text, _ ("%s %s: %s · tie\n"), rank,
                                werk_record_get_label (r->item), count);
      else
        g_string_append_printf (text, "%s %s: %s\n", rank, werk_record_get_label (r->item), count);
    }
  return g_string_free (text, FALSE);
}

static int
row_height (WerkVoteChart *self)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height * 2 + 8;
}

static void
werk_vote_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  WerkVoteChart *self = WERK_VOTE_CHART (widget);
  g_autoptr (GArray) ranked = NULL;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
      return;
    }
  ranked = ranking (self);
  *minimum = *natural = ranked ? (int) ranked->len * row_height (self) : 0;
}

static void
append_text (GtkSnapshot *snapshot, PangoLayout *layout, float x, float y, const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static PangoLayout *
layout_for (GtkWidget *widget, const char *text, int width, gboolean bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static int
count_width (WerkVoteChart *self, const WerkRankedItem *ranked)
{
  g_autofree char *count = count_text (ranked);
  g_autoptr (PangoLayout) layout = layout_for (GTK_WIDGET (self), count, 0, ranked->tie);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* @count_w is the widest count of all rows, so that every bar has the same scale. */
static void
draw_row (WerkVoteChart *self, GtkSnapshot *snapshot, const WerkRankedItem *ranked, guint max,
          int count_w, float y, int row_h, gboolean highlighted)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, bar = { 0.208, 0.518, 0.894, 1.0 }, track;
  g_autofree char *rank = rank_text (ranked);
  g_autofree char *count = count_text (ranked);
  g_autoptr (PangoLayout) rank_layout = layout_for (widget, rank, 0, TRUE);
  g_autoptr (PangoLayout) count_layout = layout_for (widget, count, 0, ranked->tie);
  g_autoptr (PangoLayout) probe = layout_for (widget, "00.", 0, TRUE);
  int rank_w, text_h, title_w, bar_x, bar_max;
  g_autoptr (PangoLayout) title_layout = NULL;
  float text_y;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  track = fg;
  track.alpha = 0.08;
  if (highlighted)
    bar = (GdkRGBA){ 0.180, 0.761, 0.494, 1.0 };

  pango_layout_get_pixel_size (probe, &rank_w, &text_h);
  title_w = MAX (80, (int) (width * 0.38));
  title_layout = layout_for (widget, werk_record_get_label (ranked->item), title_w, highlighted);
  bar_x = rank_w + GAP + title_w + GAP;
  bar_max = MAX (10, width - bar_x - GAP - count_w);
  text_y = y + (row_h - text_h) / 2.0;

  append_text (snapshot, rank_layout, 0, text_y, &fg);
  if (ranked->tie)
    {
      /* Translators: under an item that shares its rank with another in the vote chart. */
      g_autoptr (PangoLayout) tie_layout = layout_for (widget, _ ("tie"), title_w, FALSE);
      PangoAttrList *attrs = pango_attr_list_new ();
      GdkRGBA dim = fg;

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (tie_layout, attrs);
      pango_attr_list_unref (attrs);
      dim.alpha = 0.7;
      append_text (snapshot, title_layout, rank_w + GAP, y + 3, &fg);
      append_text (snapshot, tie_layout, rank_w + GAP, y + 3 + text_h, &dim);
    }
  else
    append_text (snapshot, title_layout, rank_w + GAP, text_y, &fg);
  gtk_snapshot_append_color (snapshot, &track,
                             &GRAPHENE_RECT_INIT (bar_x, y + row_h * 0.2, bar_max, row_h * 0.6));
  if (ranked->dots > 0)
    {
      float w = MAX (4.0, bar_max * (float) ranked->dots / MAX (1, max));
      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (bar_x, y + row_h * 0.2, w, row_h * 0.6));
    }
  append_text (snapshot, count_layout, bar_x + bar_max + GAP, text_y, &fg);
}

static void
werk_vote_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  WerkVoteChart *self = WERK_VOTE_CHART (widget);
  g_autoptr (GArray) ranked = ranking (self);
  int row_h = row_height (self);
  guint max = 0;
  int count_w = 0;

  if (ranked == NULL)
    return;
  for (guint i = 0; i < ranked->len; i++)
    {
      const WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      max = MAX (max, r->dots);
      count_w = MAX (count_w, count_width (self, r));
    }
  for (guint i = 0; i < ranked->len; i++)
    {
      const WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      draw_row (self, snapshot, r, max, count_w, i * row_h, row_h,
                r->dots > 0 && r->rank <= self->highlight);
    }
}

static void
refresh (WerkVoteChart *self)
{
  g_autofree char *summary = werk_vote_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

WerkVotingRound *
werk_vote_chart_get_round (WerkVoteChart *self)
{
  g_return_val_if_fail (WERK_IS_VOTE_CHART (self), NULL);
  return self->round;
}

void
werk_vote_chart_set_round (WerkVoteChart *self, WerkVotingRound *round)
{
  WerkStore *store;

  g_return_if_fail (WERK_IS_VOTE_CHART (self));

  if (!g_set_object (&self->round, round))
    return;
  werk_live_watch_clear (self->watch);
  if (round)
    {
      store = werk_record_get_store (WERK_RECORD (round));
      werk_live_watch_add_object (self->watch, G_OBJECT (round));
      werk_live_watch_add_model (self->watch,
                                 werk_store_get_list (store, WERK_KIND_TALLY, WERK_RECORD (round)));
      werk_live_watch_add_model (
          self->watch, werk_store_get_list (store, WERK_KIND_BALLOT, WERK_RECORD (round)));
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

void
werk_vote_chart_set_highlight (WerkVoteChart *self, guint top)
{
  g_return_if_fail (WERK_IS_VOTE_CHART (self));

  if (self->highlight == top)
    return;
  self->highlight = top;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
werk_vote_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  WerkVoteChart *self = WERK_VOTE_CHART (object);

  switch (prop_id)
    {
      case PROP_ROUND:
        g_value_set_object (value, self->round);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_vote_chart_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  WerkVoteChart *self = WERK_VOTE_CHART (object);

  switch (prop_id)
    {
      case PROP_ROUND:
        werk_vote_chart_set_round (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_vote_chart_dispose (GObject *object)
{
  WerkVoteChart *self = WERK_VOTE_CHART (object);

  if (self->watch)
    werk_live_watch_clear (self->watch);
  g_clear_object (&self->watch);
  g_clear_object (&self->round);

  G_OBJECT_CLASS (werk_vote_chart_parent_class)->dispose (object);
}

static void
werk_vote_chart_class_init (WerkVoteChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_vote_chart_dispose;
  object_class->get_property = werk_vote_chart_get_property;
  object_class->set_property = werk_vote_chart_set_property;
  widget_class->measure = werk_vote_chart_measure;
  widget_class->snapshot = werk_vote_chart_snapshot;

  properties[PROP_ROUND] =
      g_param_spec_object ("round", NULL, NULL, WERK_TYPE_VOTING_ROUND,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "werk-vote-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
werk_vote_chart_init (WerkVoteChart *self)
{
  self->watch = werk_live_watch_new ();
  g_signal_connect_swapped (self->watch, "changed", G_CALLBACK (refresh), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Voting results"), -1);
}

GtkWidget *
werk_vote_chart_new (void)
{
  return g_object_new (WERK_TYPE_VOTE_CHART, NULL);
}
