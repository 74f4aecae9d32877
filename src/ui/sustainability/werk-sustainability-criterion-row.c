/* werk-sustainability-criterion-row.c: one criterion of a check: question, score, note.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-sustainability-criterion-row.h"
#include "werk-sustainability-private.h"
#include "werk-sustainability-report.h"

#define N_SCORES 5 /* −2 … +2 */

struct _WerkSustainabilityCriterionRow
{
  GtkListBoxRow parent_instance;

  WerkMeasure *measure;
  WerkCriterion *criterion;
  GtkToggleButton *scores[N_SCORES];
  gboolean pending_minus;

  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkLabel *question_label;
  GtkBox *score_box;
  GtkToggleButton *not_relevant_button;
  GtkEntry *note_entry;
};

enum
{
  SIGNAL_RATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WerkSustainabilityCriterionRow, werk_sustainability_criterion_row,
                     GTK_TYPE_LIST_BOX_ROW)

static const char *
score_tooltip (int score)
{
  switch (score)
    {
      case -2:
        return _ ("−2: clearly harmful (type −2)");
      case -1:
        return _ ("−1: rather harmful (type −1)");
      case 0:
        return _ ("0: neutral (type 0)");
      case 1:
        return _ ("+1: rather beneficial (type 1)");
      default:
        return _ ("+2: clearly beneficial (type 2)");
    }
}

static void
score_clicked_cb (GtkButton *button, WerkSustainabilityCriterionRow *self)
{
  int score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));

  g_signal_emit (self, signals[SIGNAL_RATE], 0, score, FALSE);
}

static void
not_relevant_clicked_cb (WerkSustainabilityCriterionRow *self)
{
  g_signal_emit (self, signals[SIGNAL_RATE], 0, 0, TRUE);
}

static void
note_activate_cb (WerkSustainabilityCriterionRow *self)
{
  g_autoptr (GError) error = NULL;

  if (!werk_sustainability_criterion_row_save_note (self, &error))
    _werk_sustainability_error (GTK_WIDGET (self), error);
}

static void
note_leave_cb (WerkSustainabilityCriterionRow *self)
{
  note_activate_cb (self);
}

static void
add_score_buttons (WerkSustainabilityCriterionRow *self)
{
  for (int i = 0; i < N_SCORES; i++)
    {
      int score = i - 2;
      g_autofree char *label = werk_sustainability_format_score (score, 0);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      /* The keys rate; Tab goes straight from the criterion to its note. */
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_tooltip_text (button, score_tooltip (score));
      gtk_widget_add_css_class (button, "werk-score-button");
      gtk_widget_add_css_class (button, "numeric");
      _werk_sustainability_set_light (button, werk_sustainability_score_light (score));
      if (score == 0)
        _werk_sustainability_set_light (button, -1);
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (score));
      g_signal_connect (button, "clicked", G_CALLBACK (score_clicked_cb), self);
      gtk_box_append (self->score_box, button);
      self->scores[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
werk_sustainability_criterion_row_dispose (GObject *object)
{
  WerkSustainabilityCriterionRow *self = WERK_SUSTAINABILITY_CRITERION_ROW (object);

  /* The row would unparent its child a second time after the template let it go. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_SUSTAINABILITY_CRITERION_ROW);
  g_clear_object (&self->measure);
  g_clear_object (&self->criterion);
  G_OBJECT_CLASS (werk_sustainability_criterion_row_parent_class)->dispose (object);
}

static void
werk_sustainability_criterion_row_class_init (WerkSustainabilityCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = werk_sustainability_criterion_row_dispose;

  /* A score button or "not relevant" was clicked: the check rates the criterion. */
  signals[SIGNAL_RATE] =
      g_signal_new ("rate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);

  _werk_sustainability_init_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WERK_SUSTAINABILITY_RESOURCE
                                               "werk-sustainability-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow,
                                        question_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow, score_box);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow,
                                        not_relevant_button);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityCriterionRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, not_relevant_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
}

static void
werk_sustainability_criterion_row_init (WerkSustainabilityCriterionRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  add_score_buttons (self);
  /* Whatever way the focus leaves the note, what was typed is kept. */
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (note_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
}

GtkWidget *
werk_sustainability_criterion_row_new (WerkMeasure *measure, WerkCriterion *criterion)
{
  WerkSustainabilityCriterionRow *self;

  g_return_val_if_fail (WERK_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (WERK_IS_CRITERION (criterion), NULL);

  self = g_object_new (WERK_TYPE_SUSTAINABILITY_CRITERION_ROW, NULL);
  self->measure = g_object_ref (measure);
  self->criterion = g_object_ref (criterion);
  werk_sustainability_criterion_row_update (self);
  return GTK_WIDGET (self);
}

WerkCriterion *
werk_sustainability_criterion_row_get_criterion (WerkSustainabilityCriterionRow *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self), NULL);

  return self->criterion;
}

WerkRating *
werk_sustainability_criterion_row_get_rating (WerkSustainabilityCriterionRow *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self), NULL);

  return werk_sustainability_get_rating (self->measure, self->criterion);
}

gboolean
werk_sustainability_criterion_row_is_editing_note (WerkSustainabilityCriterionRow *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self), FALSE);

  return gtk_widget_get_focus_child (GTK_WIDGET (self->note_entry)) != NULL;
}

/* The small tag top right: what the criterion got, or that it still waits. */
static void
update_state (WerkSustainabilityCriterionRow *self, WerkRecord *rating)
{
  g_autofree char *score = NULL;

  if (self->pending_minus)
    {
      /* Translators: shown after the minus key, while the digit is still to come */
      gtk_label_set_label (self->state_label, _ ("−…"));
      _werk_sustainability_set_light (GTK_WIDGET (self->state_label), -1);
    }
  else if (rating == NULL)
    {
      gtk_label_set_label (self->state_label, _ ("Not rated yet"));
      _werk_sustainability_set_light (GTK_WIDGET (self->state_label), WERK_LIGHT_UNFINISHED);
    }
  else if (werk_record_get_bool (rating, "not_relevant"))
    {
      gtk_label_set_label (self->state_label, _ ("Not relevant"));
      _werk_sustainability_set_light (GTK_WIDGET (self->state_label), -1);
    }
  else
    {
      int value = werk_record_get_int (rating, "score");

      score = werk_sustainability_format_score (value, 0);
      gtk_label_set_label (self->state_label, score);
      _werk_sustainability_set_light (GTK_WIDGET (self->state_label),
                                      value == 0 ? -1
                                                 : (int) werk_sustainability_score_light (value));
    }
}

static void
update_note (WerkSustainabilityCriterionRow *self, WerkRecord *rating)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), rating != NULL);
  gtk_entry_set_placeholder_text (self->note_entry,
                                  rating ? _ ("Note (Tab)") : _ ("Rate first, then add a note"));
  /* Never overwrite what is being typed. */
  if (!werk_sustainability_criterion_row_is_editing_note (self))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                           rating ? werk_record_get_string (rating, "note") : "");
  /* A long note is read whole in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->note_entry),
                               rating ? werk_record_get_string (rating, "note") : NULL);
}

void
werk_sustainability_criterion_row_update (WerkSustainabilityCriterionRow *self)
{
  WerkRecord *rating;
  gboolean not_relevant;
  int score;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self));

  rating = WERK_RECORD (werk_sustainability_get_rating (self->measure, self->criterion));
  not_relevant = rating && werk_record_get_bool (rating, "not_relevant");
  score = rating ? werk_record_get_int (rating, "score") : 0;
  gtk_label_set_label (self->title_label, werk_record_get_label (WERK_RECORD (self->criterion)));
  gtk_label_set_label (self->question_label,
                       werk_record_get_string (WERK_RECORD (self->criterion), "question"));
  gtk_widget_set_visible (GTK_WIDGET (self->question_label),
                          *gtk_label_get_label (self->question_label) != '\0');
  for (int i = 0; i < N_SCORES; i++)
    gtk_toggle_button_set_active (self->scores[i], rating && !not_relevant && score == i - 2);
  gtk_toggle_button_set_active (self->not_relevant_button, not_relevant);
  update_state (self, rating);
  update_note (self, rating);
}

void
werk_sustainability_criterion_row_set_pending_minus (WerkSustainabilityCriterionRow *self,
                                                     gboolean pending)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self));

  if (self->pending_minus == !!pending)
    return;
  self->pending_minus = !!pending;
  update_state (self,
                WERK_RECORD (werk_sustainability_get_rating (self->measure, self->criterion)));
}

gboolean
werk_sustainability_criterion_row_focus_note (WerkSustainabilityCriterionRow *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->note_entry)))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

gboolean
werk_sustainability_criterion_row_save_note (WerkSustainabilityCriterionRow *self, GError **error)
{
  WerkRecord *rating;
  g_autofree char *note = NULL;

  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_CRITERION_ROW (self), FALSE);

  rating = WERK_RECORD (werk_sustainability_get_rating (self->measure, self->criterion));
  if (rating == NULL)
    return TRUE;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  if (g_strcmp0 (note, werk_record_get_string (rating, "note")) == 0)
    return TRUE;
  return werk_record_set_string (rating, "note", note, error);
}
