/* test-sustainability-view.c: the check as a project group uses it: a measure rated by keyboard,
 * notes, the round through the measures, the overview's filters and sorting, and the catalogue —
 * checked in the store, not only on the screen.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sustainability-test-util.h"
#include "werk-sustainability-criterion-row.h"
#include "werk-sustainability-item.h"

#define UNRATED "Bürger-App mit Mängelmelder"

static GPtrArray *
criteria_of (SusFixture *f)
{
  return werk_sustainability_check_dup_criteria (sus_check (f));
}

static WerkRating *
rating_at (SusFixture *f, WerkRecord *measure, guint index)
{
  g_autoptr (GPtrArray) criteria = criteria_of (f);

  return werk_sustainability_get_rating (WERK_MEASURE (measure),
                                         WERK_CRITERION (g_ptr_array_index (criteria, index)));
}

static gboolean
shows (SusFixture *f, const char *text)
{
  g_autofree char *labels = sus_collect_labels (GTK_WIDGET (f->view));

  return strstr (labels, text) != NULL;
}

static void
open_measure (SusFixture *f, WerkRecord *measure)
{
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                              werk_record_get_id (measure));
  sus_wait (50);
  g_assert_cmpstr (sus_page (f), ==, "check");
  g_assert_true (werk_sustainability_check_get_measure (sus_check (f)) == WERK_MEASURE (measure));
}

static void
assert_score (SusFixture *f, WerkRecord *measure, guint index, int score)
{
  WerkRecord *rating = WERK_RECORD (rating_at (f, measure, index));

  g_assert_nonnull (rating);
  g_assert_false (werk_record_get_bool (rating, "not_relevant"));
  g_assert_cmpint (werk_record_get_int (rating, "score"), ==, score);
}

static GtkWidget *
focused (SusFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* A measure rated criterion by criterion with the keys alone --------------------------------- */

static void
test_keyboard (SusFixture *f, gconstpointer data)
{
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  WerkSustainabilityCheck *check;
  WerkSustainabilityResult result;
  WerkRecord *rating;

  open_measure (f, measure);
  check = sus_check (f);
  /* Opened on the first criterion, which has the focus: typing rates at once. */
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 0);
  g_assert_nonnull (gtk_widget_get_ancestor (focused (f), WERK_TYPE_SUSTAINABILITY_CRITERION_ROW));
  g_assert_true (shows (f, "0 of 12 criteria rated"));

  /* Ecological: +2, −1, not relevant, 0 — each key moves on to the next criterion. */
  sus_type (f, "2-1n0");
  assert_score (f, measure, 0, 2);
  assert_score (f, measure, 1, -1);
  g_assert_true (werk_record_get_bool (WERK_RECORD (rating_at (f, measure, 2)), "not_relevant"));
  assert_score (f, measure, 3, 0);
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 4);
  g_assert_true (shows (f, "4 of 12 criteria rated"));
  g_assert_true (shows (f, "Unfinished"));

  /* Enter skips a criterion; ↑ comes back to it. */
  sus_type (f, " ");
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 5);
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Up, 0));
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 4);
  g_assert_null (rating_at (f, measure, 4));

  /* Social and economic, through the same keys (numeric keypad included). */
  sus_type (f, "2112");
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_KP_1, 0));
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_KP_Subtract, 0));
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_KP_1, 0));
  sus_type (f, "+21");
  assert_score (f, measure, 4, 2);
  assert_score (f, measure, 7, 2);
  assert_score (f, measure, 8, 1);
  assert_score (f, measure, 9, -1);
  assert_score (f, measure, 10, 2);
  assert_score (f, measure, 11, 1);

  /* Complete now: the light is the core's, shown live. */
  werk_sustainability_evaluate (WERK_MEASURE (measure), &result);
  g_assert_cmpuint (result.n_rated, ==, 12);
  g_assert_cmpint (result.light, ==, WERK_LIGHT_YELLOW);
  g_assert_true (shows (f, "All 12 criteria are rated."));
  g_assert_true (shows (f, "Yellow"));

  /* A −2 turns it red at once; Delete clears a rating and leaves the check unfinished. */
  gtk_widget_activate_action (GTK_WIDGET (check), "check.select", "i", 1);
  sus_type (f, "-2");
  assert_score (f, measure, 1, -2);
  g_assert_true (shows (f, "Red"));
  gtk_widget_activate_action (GTK_WIDGET (check), "check.select", "i", 1);
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Delete, 0));
  g_assert_null (rating_at (f, measure, 1));
  g_assert_true (shows (f, "11 of 12 criteria rated"));
  g_assert_true (shows (f, "Unfinished"));
  sus_type (f, "-1");
  assert_score (f, measure, 1, -1);

  /* Keys that mean nothing here are left alone. */
  gtk_widget_activate_action (GTK_WIDGET (check), "check.select", "i", 3);
  g_assert_false (sus_send_key (GTK_WIDGET (check), GDK_KEY_7, 0));
  assert_score (f, measure, 3, 0);
  rating = WERK_RECORD (rating_at (f, measure, 3));
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "");
}

/* Notes: Tab into the note, Enter keeps it and goes on ------------------------------------- */

static void
set_focused_text (SusFixture *f, const char *text)
{
  GtkWidget *entry = gtk_widget_get_ancestor (focused (f), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_notes (SusFixture *f, gconstpointer data)
{
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  WerkSustainabilityCheck *check;
  WerkRecord *rating;

  open_measure (f, measure);
  check = sus_check (f);
  /* No note before a rating: there is nothing yet to hold it. */
  gtk_widget_activate_action (GTK_WIDGET (check), "check.focus-note", NULL);
  g_assert_null (gtk_widget_get_ancestor (focused (f), GTK_TYPE_ENTRY));

  sus_type (f, "1");
  gtk_widget_activate_action (GTK_WIDGET (check), "check.select", "i", 0);
  gtk_widget_activate_action (GTK_WIDGET (check), "check.focus-note", NULL);
  set_focused_text (f, "Spart Wege ins Rathaus – „digital first“.");
  /* Digits typed into a note are text, not ratings. */
  g_assert_false (sus_send_key (GTK_WIDGET (check), GDK_KEY_2, 0));
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Return, 0));
  rating = WERK_RECORD (rating_at (f, measure, 0));
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==,
                   "Spart Wege ins Rathaus – „digital first“.");
  assert_score (f, measure, 0, 1);
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 1);

  /* Esc leaves the note for its criterion, keeping what was typed. */
  gtk_widget_activate_action (GTK_WIDGET (check), "check.select", "i", 0);
  gtk_widget_activate_action (GTK_WIDGET (check), "check.focus-note", NULL);
  set_focused_text (f, "Geändert");
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Escape, 0));
  g_assert_true (WERK_IS_SUSTAINABILITY_CRITERION_ROW (focused (f)));
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "Geändert");

  /* Typed and then off to the next measure: the note is kept too. */
  gtk_widget_activate_action (GTK_WIDGET (check), "check.focus-note", NULL);
  set_focused_text (f, "Zuletzt");
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpstr (werk_record_get_string (rating, "note"), ==, "Zuletzt");
  g_assert_false (werk_sustainability_check_get_measure (check) == WERK_MEASURE (measure));
}

/* Mouse: the score buttons of a row ------------------------------------------------------- */

static void
test_buttons (SusFixture *f, gconstpointer data)
{
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  GtkWidget *row, *button;

  open_measure (f, measure);
  row = sus_find_widget (GTK_WIDGET (sus_check (f)), WERK_TYPE_SUSTAINABILITY_CRITERION_ROW, 2);
  /* Buttons: −2 −1 0 +1 +2, then "not relevant". */
  button = sus_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, 0);
  g_signal_emit_by_name (button, "clicked");
  assert_score (f, measure, 2, -2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  button = sus_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, 5);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (werk_record_get_bool (WERK_RECORD (rating_at (f, measure, 2)), "not_relevant"));
  g_assert_false (gtk_toggle_button_get_active (
      GTK_TOGGLE_BUTTON (sus_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, 0))));
  g_assert_true (shows (f, "1 of 12 criteria rated"));
}

/* The round: Ctrl+Enter through the measures as the overview lists them -------------------- */

static void
test_round (SusFixture *f, gconstpointer data)
{
  WerkSustainabilityOverview *overview = sus_overview (f);
  WerkSustainabilityCheck *check = sus_check (f);
  g_autoptr (GPtrArray) shown = NULL;
  WerkMeasure *first, *second;

  /* Only the unfinished ones, in the order of the file. */
  g_object_set (overview, "unfinished-only", TRUE, NULL);
  werk_sustainability_overview_sort_by (overview, WERK_SUSTAINABILITY_COLUMN_MEASURE,
                                        GTK_SORT_ASCENDING);
  shown = werk_sustainability_overview_dup_shown (overview);
  g_assert_cmpuint (shown->len, >=, 3);
  first = g_ptr_array_index (shown, 0);
  second = g_ptr_array_index (shown, 1);
  open_measure (f, WERK_RECORD (first));
  g_assert_true (shows (f, "Measure 1 of"));

  /* Finished, it leaves the filtered list; the next is still the one after it. */
  sus_type (f, "111111111111");
  sus_wait (50);
  g_assert_true (sus_send_key (GTK_WIDGET (check), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (werk_sustainability_check_get_measure (check) == second);
  g_assert_true (shows (f, "Measure 2 of"));
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 0);
  /* Ctrl+Shift+Enter goes back. */
  g_assert_true (
      sus_send_key (GTK_WIDGET (check), GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (werk_sustainability_check_get_measure (check) == first);

  /* Esc: back to the overview, where the finished one is gone from "unfinished only". */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-overview", NULL);
  sus_wait (50);
  g_assert_cmpstr (sus_page (f), ==, "browse");
  {
    g_autoptr (GPtrArray) now = werk_sustainability_overview_dup_shown (overview);
    g_assert_cmpuint (now->len, ==, shown->len - 1);
    g_assert_false (g_ptr_array_find (now, first, NULL));
  }
}

static void
test_last_measure (SusFixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) shown = werk_sustainability_overview_dup_shown (sus_overview (f));

  open_measure (f, g_ptr_array_index (shown, shown->len - 1));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.next-measure", NULL);
  sus_wait (50);
  /* Past the last one: the overview, with the matrix the council will see. */
  g_assert_cmpstr (sus_page (f), ==, "browse");
  g_assert_true (shows (f, "That was the last measure of the list."));
}

static void
test_deleted (SusFixture *f, gconstpointer data)
{
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  g_autoptr (WerkUndo) undo = NULL;
  g_autoptr (GError) error = NULL;

  open_measure (f, measure);
  sus_type (f, "1");
  /* Deleted from another page while its check is open: the overview comes back, without it. */
  g_assert_true (werk_store_delete (f->store, measure, &undo, &error));
  g_assert_no_error (error);
  sus_wait (50);
  g_assert_cmpstr (sus_page (f), ==, "browse");
  g_assert_false (shows (f, UNRATED));
  /* Restored, it is back with its rating. */
  g_assert_true (werk_undo_apply (undo, &error));
  g_assert_no_error (error);
  sus_wait (50);
  g_assert_true (shows (f, UNRATED));
  g_assert_true (shows (f, "1 of 12"));
}

/* The overview: filters, sorting, live updates --------------------------------------------- */

static guint
count_with_light (WerkStore *store, WerkTrafficLight light)
{
  GListModel *measures = werk_store_get_list (store, WERK_KIND_MEASURE, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkMeasure) m = g_list_model_get_item (measures, i);
      WerkSustainabilityResult r;

      werk_sustainability_evaluate (m, &r);
      n += r.light == light;
    }
  return n;
}

static guint
n_shown (SusFixture *f)
{
  sus_wait (20);
  return g_list_model_get_n_items (werk_sustainability_overview_get_model (sus_overview (f)));
}

static guint
count_matches (GListModel *measures, const char *query)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkRecord) m = g_list_model_get_item (measures, i);
      n += werk_record_matches (m, query);
    }
  return n;
}

static GtkToggleButton *
unfinished_button (WerkSustainabilityOverview *overview)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = sus_find_widget (GTK_WIDGET (overview), GTK_TYPE_TOGGLE_BUTTON, i);
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Unfinished Only") == 0)
        return GTK_TOGGLE_BUTTON (button);
    }
}

static void
test_filters (SusFixture *f, gconstpointer data)
{
  WerkSustainabilityOverview *overview = sus_overview (f);
  WerkRecord *mobility = sus_find (f->store, WERK_KIND_FIELD, "Mobilität");
  GListModel *measures = werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL);
  guint unfinished = count_with_light (f->store, WERK_LIGHT_UNFINISHED);
  guint in_mobility = 0;
  GtkSearchEntry *search;

  g_assert_cmpuint (n_shown (f), ==, g_list_model_get_n_items (measures));
  g_object_set (overview, "unfinished-only", TRUE, NULL);
  g_assert_cmpuint (n_shown (f), ==, unfinished);
  /* The toggle button follows the property through its action. */
  g_assert_true (gtk_toggle_button_get_active (unfinished_button (overview)));
  g_object_set (overview, "unfinished-only", FALSE, "light-filter", WERK_LIGHT_YELLOW, NULL);
  g_assert_cmpuint (n_shown (f), ==, count_with_light (f->store, WERK_LIGHT_YELLOW));
  g_object_set (overview, "light-filter", WERK_LIGHT_GREEN, NULL);
  g_assert_cmpuint (n_shown (f), ==, count_with_light (f->store, WERK_LIGHT_GREEN));
  g_object_set (overview, "light-filter", -1, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkRecord) m = g_list_model_get_item (measures, i);
      in_mobility += werk_record_get_ref (m, "field") == mobility;
    }
  g_object_set (overview, "field-filter", werk_record_get_id (mobility), NULL);
  g_assert_cmpuint (n_shown (f), ==, in_mobility);
  g_assert_true (shows (f, "Mobilität"));
  g_object_set (overview, "field-filter", NULL, NULL);

  search = GTK_SEARCH_ENTRY (sus_find_widget (GTK_WIDGET (overview), GTK_TYPE_SEARCH_ENTRY, 0));
  /* The search finds what the measures' texts hold, case and accents aside. */
  gtk_editable_set_text (GTK_EDITABLE (search), "rufbus");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, count_matches (measures, "rufbus"));
  g_assert_cmpuint (n_shown (f), >=, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "gibt es nicht");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_true (shows (f, "No Matching Measures"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (f), ==, g_list_model_get_n_items (measures));
}

static void
test_live (SusFixture *f, gconstpointer data)
{
  WerkSustainabilityOverview *overview = sus_overview (f);
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  GListModel *criteria = werk_store_get_list (f->store, WERK_KIND_CRITERION, NULL);
  guint unfinished = count_with_light (f->store, WERK_LIGHT_UNFINISHED);
  g_autoptr (GError) error = NULL;

  g_object_set (overview, "unfinished-only", TRUE, NULL);
  g_assert_cmpuint (n_shown (f), ==, unfinished);
  /* Rated elsewhere (here: by the core directly), the overview follows. */
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (WerkCriterion) criterion = g_list_model_get_item (criteria, i);
      g_assert_true (
          werk_sustainability_rate (WERK_MEASURE (measure), criterion, 1, FALSE, NULL, &error));
    }
  g_assert_cmpuint (n_shown (f), ==, unfinished - 1);
  g_object_set (overview, "unfinished-only", FALSE, "light-filter", WERK_LIGHT_GREEN, NULL);
  g_assert_cmpuint (n_shown (f), ==, 2);
  /* A changed score, not only a new rating, reaches the overview. */
  {
    g_autoptr (WerkCriterion) criterion = g_list_model_get_item (criteria, 0);
    g_assert_true (
        werk_sustainability_rate (WERK_MEASURE (measure), criterion, -2, FALSE, NULL, &error));
  }
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_true (shows (f, "1 red"));
}

static void
assert_sorted (SusFixture *f, WerkSustainabilityColumn column, GCompareDataFunc compare)
{
  GListModel *model = werk_sustainability_overview_get_model (sus_overview (f));

  werk_sustainability_overview_sort_by (sus_overview (f), column, GTK_SORT_ASCENDING);
  sus_wait (20);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (WerkSustainabilityItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr (WerkSustainabilityItem) b = g_list_model_get_item (model, i);
      g_assert_cmpint (compare (a, b, f), <=, 0);
    }
}

static int
by_title (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (
      werk_record_get_label (WERK_RECORD (werk_sustainability_item_get_measure ((gpointer) a))),
      werk_record_get_label (WERK_RECORD (werk_sustainability_item_get_measure ((gpointer) b))));
}

static guint
field_position (SusFixture *f, gconstpointer item)
{
  WerkRecord *measure = WERK_RECORD (werk_sustainability_item_get_measure ((gpointer) item));
  WerkRecord *field = werk_record_get_ref (measure, "field");
  GListModel *fields = werk_store_get_list (f->store, WERK_KIND_FIELD, NULL);

  for (guint i = 0; field && i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr (WerkRecord) each = g_list_model_get_item (fields, i);
      if (each == field)
        return i;
    }
  return G_MAXUINT;
}

static int
by_field (gconstpointer a, gconstpointer b, gpointer data)
{
  guint fa = field_position (data, a), fb = field_position (data, b);

  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

static int
by_light (gconstpointer a, gconstpointer b, gpointer data)
{
  static const int rank[] = { [WERK_LIGHT_RED] = 0,
                              [WERK_LIGHT_YELLOW] = 1,
                              [WERK_LIGHT_GREEN] = 2,
                              [WERK_LIGHT_UNFINISHED] = 3 };

  return rank[werk_sustainability_item_get_result ((gpointer) a)->light] -
         rank[werk_sustainability_item_get_result ((gpointer) b)->light];
}

static void
test_sorting (SusFixture *f, gconstpointer data)
{
  assert_sorted (f, WERK_SUSTAINABILITY_COLUMN_MEASURE, by_title);
  assert_sorted (f, WERK_SUSTAINABILITY_COLUMN_FIELD, by_field);
  assert_sorted (f, WERK_SUSTAINABILITY_COLUMN_LIGHT, by_light);
  {
    g_autoptr (WerkSustainabilityItem) top =
        g_list_model_get_item (werk_sustainability_overview_get_model (sus_overview (f)), 0);
    g_assert_cmpint (werk_sustainability_item_get_result (top)->light, !=, WERK_LIGHT_UNFINISHED);
  }
}

/* The catalogue ------------------------------------------------------------------------- */

static void
test_criteria (SusFixture *f, gconstpointer data)
{
  GListModel *criteria = werk_store_get_list (f->store, WERK_KIND_CRITERION, NULL);
  WerkRecord *measure = sus_find (f->store, WERK_KIND_MEASURE, UNRATED);
  GtkWidget *page;
  WerkRecord *added;
  WerkSustainabilityResult result;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-criteria", NULL);
  sus_wait (50);
  page = sus_find_widget (GTK_WIDGET (f->view), g_type_from_name ("WerkSustainabilityCriteria"), 0);

  /* Add */
  gtk_widget_activate_action (page, "criteria.add", "(is)", WERK_DIMENSION_SOCIAL,
                              " Ehrenamt & Vereine ");
  g_assert_cmpuint (g_list_model_get_n_items (criteria), ==, 13);
  added = sus_find (f->store, WERK_KIND_CRITERION, "Ehrenamt & Vereine");
  g_assert_nonnull (added);
  g_assert_cmpint (werk_record_get_int (added, "dimension"), ==, WERK_DIMENSION_SOCIAL);
  sus_wait (50);
  g_assert_true (shows (f, "5 criteria in use"));
  werk_sustainability_evaluate (WERK_MEASURE (measure), &result);
  g_assert_cmpuint (result.n_criteria, ==, 13);

  /* Reword through its entry row, applied as with the ✓ button. */
  {
    GtkWidget *row = NULL;

    for (guint i = 0; row == NULL; i++)
      {
        GtkWidget *each = sus_find_widget (page, ADW_TYPE_ENTRY_ROW, i);
        if (g_object_get_data (G_OBJECT (each), "criterion") == added &&
            g_str_equal (g_object_get_data (G_OBJECT (each), "key"), "question"))
          row = each;
      }
    gtk_editable_set_text (GTK_EDITABLE (row), "Stärkt die Maßnahme Vereine und Ehrenamt?");
    g_signal_emit_by_name (row, "apply");
    g_assert_cmpstr (werk_record_get_string (added, "question"), ==,
                     "Stärkt die Maßnahme Vereine und Ehrenamt?");
  }

  /* The new criterion is on every measure's check, with its question. */
  open_measure (f, measure);
  {
    g_autoptr (GPtrArray) on_page = criteria_of (f);
    g_assert_cmpuint (on_page->len, ==, 13);
  }
  g_assert_true (shows (f, "Stärkt die Maßnahme Vereine und Ehrenamt?"));

  /* Retired, it leaves the checks and stops counting; used again, it is back. */
  gtk_widget_activate_action (page, "criteria.retire", "(sb)", werk_record_get_id (added), TRUE);
  g_assert_true (werk_record_get_bool (added, "retired"));
  sus_wait (50);
  {
    g_autoptr (GPtrArray) on_page = criteria_of (f);
    g_assert_cmpuint (on_page->len, ==, 12);
  }
  werk_sustainability_evaluate (WERK_MEASURE (measure), &result);
  g_assert_cmpuint (result.n_criteria, ==, 12);
  gtk_widget_activate_action (page, "criteria.retire", "(sb)", werk_record_get_id (added), FALSE);
  g_assert_false (werk_record_get_bool (added, "retired"));
  sus_wait (50);
  {
    g_autoptr (GPtrArray) on_page = criteria_of (f);
    g_assert_cmpuint (on_page->len, ==, 13);
  }
}

static void
test_defaults (void)
{
  SusFixture fixture = { 0 }, *f = &fixture;
  g_autoptr (GError) error = NULL;
  WerkStore *store;

  f->dir = g_dir_make_tmp ("werk-sus-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "leer.werkstatt", NULL);
  store = werk_store_create (f->path, "Digitalstrategie Musterstadt", &error);
  g_assert_no_error (error);
  werk_store_add (store, WERK_KIND_MEASURE, NULL, &error, "title", "Stadt-App", NULL);
  g_assert_no_error (error);
  sus_fixture_show (f, store, 900, 700);

  /* No criteria yet: the overview offers the default catalogue. */
  g_assert_true (shows (f, "No Criteria Yet"));
  g_assert_true (shows (f, "Add the Default Criteria"));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.add-defaults", NULL);
  sus_wait (50);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_CRITERION, NULL)), ==, 12);
  g_assert_true (shows (f, "12 criteria added"));
  g_assert_true (shows (f, "Stadt-App"));
  g_assert_false (shows (f, "No Criteria Yet"));
  /* Once there are criteria, it adds nothing more. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.add-defaults", NULL);
  g_assert_cmpuint (
      g_list_model_get_n_items (werk_store_get_list (store, WERK_KIND_CRITERION, NULL)), ==, 12);
  sus_fixture_tear_down (f, NULL);
}

int
main (int argc, char **argv)
{
  sus_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add (name, SusFixture, NULL, sus_fixture_set_up, func, sus_fixture_tear_down)
  ADD ("/sustainability-view/check/keyboard", test_keyboard);
  ADD ("/sustainability-view/check/notes", test_notes);
  ADD ("/sustainability-view/check/buttons", test_buttons);
  ADD ("/sustainability-view/check/round", test_round);
  ADD ("/sustainability-view/check/last-measure", test_last_measure);
  ADD ("/sustainability-view/check/deleted", test_deleted);
  ADD ("/sustainability-view/overview/filters", test_filters);
  ADD ("/sustainability-view/overview/live", test_live);
  ADD ("/sustainability-view/overview/sorting", test_sorting);
  ADD ("/sustainability-view/criteria/manage", test_criteria);
  g_test_add_func ("/sustainability-view/criteria/defaults", test_defaults);
#undef ADD
  return g_test_run ();
}
