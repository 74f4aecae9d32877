/* werk-enums.c: translated names and exchange nicks of the domain's enumerations.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-enums.h"
#include "werk-enum-types.h"

static const char *const format_labels[] = {
  N_ ("Strategy starter"),   N_ ("Strategy conception"), N_ ("Workshop talk"),
  N_ ("Topic market-place"), N_ ("Custom format"),
};
static const char *const group_labels[] = {
  N_ ("Administration"), N_ ("Politics"), N_ ("Business"),      N_ ("Education"),
  N_ ("Science"),        N_ ("Media"),    N_ ("Civil society"), N_ ("Other"),
};
static const char *const agenda_labels[] = {
  N_ ("Impulse"), N_ ("Collect"), N_ ("Cluster"),    N_ ("Goals"), N_ ("Measures"),
  N_ ("Voting"),  N_ ("Break"),   N_ ("Next steps"), N_ ("Other"),
};
static const char *const level_labels[] = {
  N_ ("Core goal"),
  N_ ("Guiding goal"),
};
static const char *const status_labels[] = {
  N_ ("Idea"), N_ ("Prioritised"), N_ ("Planned"), N_ ("In progress"), N_ ("Done"), N_ ("Dropped"),
};
static const char *const dimension_labels[] = {
  N_ ("Ecological"),
  N_ ("Social"),
  N_ ("Economic"),
};
static const char *const vote_on_labels[] = {
  N_ ("Measures"),
  N_ ("Challenges"),
  N_ ("Fields of action"),
};
static const char *const state_labels[] = {
  /* Translators: state of a dot-voting round */
  N_ ("Open"),
  /* Translators: state of a dot-voting round */
  N_ ("Closed"),
  /* Translators: state of a dot-voting round */
  N_ ("Revealed"),
};
static const char *const kind_labels[] = {
  N_ ("Process"),   N_ ("Field of action"), N_ ("Goal"),     N_ ("Challenge"),   N_ ("Measure"),
  N_ ("Criterion"), N_ ("Rating"),          N_ ("Workshop"), N_ ("Participant"), N_ ("Agenda item"),
  N_ ("Table"),     N_ ("Voting round"),    N_ ("Tally"),    N_ ("Ballot"),      N_ ("Photo"),
};

static const char *const *
labels_for (GType type, guint *n)
{
#define CASE(get_type, labels)    \
  if (type == get_type ())        \
    {                             \
      *n = G_N_ELEMENTS (labels); \
      return labels;              \
    }
  CASE (werk_workshop_format_get_type, format_labels)
  CASE (werk_group_get_type, group_labels)
  CASE (werk_agenda_kind_get_type, agenda_labels)
  CASE (werk_goal_level_get_type, level_labels)
  CASE (werk_measure_status_get_type, status_labels)
  CASE (werk_dimension_get_type, dimension_labels)
  CASE (werk_vote_on_get_type, vote_on_labels)
  CASE (werk_round_state_get_type, state_labels)
  CASE (werk_kind_get_type, kind_labels)
#undef CASE
  *n = 0;
  return NULL;
}

const char *
werk_enum_label (GType enum_type, int value)
{
  guint n;
  const char *const *labels = labels_for (enum_type, &n);

  g_return_val_if_fail (labels != NULL, "");
  g_return_val_if_fail (value >= 0 && (guint) value < n, "");

  return g_dgettext (GETTEXT_PACKAGE, labels[value]);
}

const char *
werk_enum_nick (GType enum_type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_return_val_if_fail (v != NULL, "");
  return v->value_nick;
}

gboolean
werk_enum_from_nick (GType enum_type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (v == NULL)
    return FALSE;
  if (value)
    *value = v->value;
  return TRUE;
}
