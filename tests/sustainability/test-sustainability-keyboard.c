/* test-sustainability-keyboard.c: what a project group stumbled over when checking the demo with
 * the keyboard alone: sorting, the way back to the measure just checked, the criterion in focus
 * out of sight, a toast left over, and Ctrl+F.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sustainability-test-util.h"
#include "werk-sustainability-criterion-row.h"
#include "werk-sustainability-item.h"

static void
open_measure (SusFixture *f, WerkMeasure *measure)
{
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-measure", "s",
                              werk_record_get_id (WERK_RECORD (measure)));
  sus_wait (100);
  g_assert_cmpstr (sus_page (f), ==, "check");
}

static GtkWidget *
focused (SusFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
shows (SusFixture *f, const char *text)
{
  g_autofree char *labels = sus_collect_labels (GTK_WIDGET (f->view));

  return strstr (labels, text) != NULL;
}

/* The item a matrix row shows, from the cells under @row. */
static gpointer
item_under (GtkWidget *widget)
{
  gpointer item = g_object_get_data (G_OBJECT (widget), "item");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !item;
       child = gtk_widget_get_next_sibling (child))
    item = item_under (child);
  return item;
}

/* The column headers take no focus: the sort dropdown sorts by keyboard. */
static void
test_sort_dropdown (SusFixture *f, gconstpointer data)
{
  WerkSustainabilityOverview *overview = sus_overview (f);
  GtkDropDown *sort =
      GTK_DROP_DOWN (sus_find_widget (GTK_WIDGET (overview), GTK_TYPE_DROP_DOWN, 2));
  GListModel *shown = werk_sustainability_overview_get_model (overview);

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (sort)), 0),
                   ==, "Order of the file");
  /* Its button takes the focus on Tab. */
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (GTK_WIDGET (sort))));
  /* "Red first": no red in the demo, so a yellow one on top, the unfinished at the end. */
  gtk_drop_down_set_selected (sort, 3);
  sus_wait (50);
  {
    g_autoptr (WerkSustainabilityItem) top = g_list_model_get_item (shown, 0);
    g_autoptr (WerkSustainabilityItem) end =
        g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
    g_assert_cmpint (werk_sustainability_item_get_result (top)->light, ==, WERK_LIGHT_YELLOW);
    g_assert_cmpint (werk_sustainability_item_get_result (end)->light, ==, WERK_LIGHT_UNFINISHED);
  }
  /* "Measure A–Z". */
  gtk_drop_down_set_selected (sort, 1);
  sus_wait (50);
  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (WerkSustainabilityItem) a = g_list_model_get_item (shown, i - 1);
      g_autoptr (WerkSustainabilityItem) b = g_list_model_get_item (shown, i);
      g_assert_cmpint (
          g_utf8_collate (
              werk_record_get_label (WERK_RECORD (werk_sustainability_item_get_measure (a))),
              werk_record_get_label (WERK_RECORD (werk_sustainability_item_get_measure (b)))),
          <=, 0);
    }
  /* Sorting from code (as a header's click) shows in the dropdown where it can. */
  werk_sustainability_overview_sort_by (overview, WERK_SUSTAINABILITY_COLUMN_PROGRESS,
                                        GTK_SORT_ASCENDING);
  g_assert_cmpuint (gtk_drop_down_get_selected (sort), ==, 7);
  werk_sustainability_overview_sort_by (overview, WERK_SUSTAINABILITY_COLUMN_PROGRESS,
                                        GTK_SORT_DESCENDING);
  g_assert_cmpuint (gtk_drop_down_get_selected (sort), ==, GTK_INVALID_LIST_POSITION);
  /* Back to the order of the file. */
  gtk_drop_down_set_selected (sort, 0);
  sus_wait (50);
  {
    g_autoptr (WerkSustainabilityItem) top = g_list_model_get_item (shown, 0);
    g_autoptr (WerkMeasure) first =
        g_list_model_get_item (werk_store_get_list (f->store, WERK_KIND_MEASURE, NULL), 0);
    g_assert_true (werk_sustainability_item_get_measure (top) == first);
  }
}

/* Esc from a measure's check: the focus is on that measure's row, so Enter opens it again and
 * ↓ goes to the next, instead of starting from the top of the list. */
static void
test_back_to_row (SusFixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) shown = werk_sustainability_overview_dup_shown (sus_overview (f));
  WerkMeasure *measure = g_ptr_array_index (shown, 5);
  GtkWidget *focus;
  WerkSustainabilityItem *item;

  open_measure (f, measure);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-overview", NULL);
  sus_wait (200);
  g_assert_cmpstr (sus_page (f), ==, "browse");
  focus = focused (f);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sus_overview (f))));
  item = item_under (focus);
  g_assert_nonnull (item);
  g_assert_true (werk_sustainability_item_get_measure (item) == measure);
}

/* A measure opened half rated: the criterion that has the focus is in sight. */
static void
test_focus_in_sight (SusFixture *f, gconstpointer data)
{
  WerkMeasure *measure =
      WERK_MEASURE (sus_find (f->store, WERK_KIND_MEASURE, "Bürger-App mit Mängelmelder"));
  WerkSustainabilityCheck *check;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *row;
  graphene_rect_t bounds;

  open_measure (f, measure);
  sus_type (f, "1111111111");
  /* Open it again, as from the overview: the eleventh criterion has the focus. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.show-overview", NULL);
  sus_wait (50);
  open_measure (f, measure);
  sus_wait (200);
  check = sus_check (f);
  g_assert_cmpint (werk_sustainability_check_get_current (check), ==, 10);
  row = gtk_widget_get_ancestor (focused (f), WERK_TYPE_SUSTAINABILITY_CRITERION_ROW);
  g_assert_nonnull (row);
  scroller =
      GTK_SCROLLED_WINDOW (sus_find_widget (GTK_WIDGET (check), GTK_TYPE_SCROLLED_WINDOW, 0));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (scroller), &bounds));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (scroller)) + 1);
}

#define DONE_TOAST "All criteria are rated. Ctrl+Enter opens the next measure."

/* Opens a measure, rates all its criteria by keyboard and sees the "all rated" toast. */
static WerkMeasure *
rate_all (SusFixture *f)
{
  WerkMeasure *measure =
      WERK_MEASURE (sus_find (f->store, WERK_KIND_MEASURE, "Bürger-App mit Mängelmelder"));

  open_measure (f, measure);
  sus_type (f, "111111111111");
  sus_wait (100);
  g_assert_true (shows (f, DONE_TOAST));
  return measure;
}

/* "All criteria are rated" does not stay long over the next measure's rows. */
static void
test_done_toast (SusFixture *f, gconstpointer data)
{
  WerkMeasure *measure = rate_all (f);

  g_assert_true (sus_send_key (GTK_WIDGET (sus_check (f)), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (werk_sustainability_check_get_measure (sus_check (f)) != measure);
  /* Gone soon after, not the five seconds of a toast. */
  sus_wait (3200);
  g_assert_false (shows (f, DONE_TOAST));
}

/* Esc right after the last rating goes back to the overview at once: the check takes it
 * before the toast's overlay, which would spend it on dismissing "All criteria are rated". */
static void
test_escape_with_toast (SusFixture *f, gconstpointer data)
{
  rate_all (f);
  g_assert_true (sus_send_key (GTK_WIDGET (sus_check (f)), GDK_KEY_Escape, 0));
  sus_wait (200);
  g_assert_cmpstr (sus_page (f), ==, "browse");
}

/* Ctrl+F searches the check's measures; Enter opens the first one found. */
static void
test_search (SusFixture *f, gconstpointer data)
{
  WerkMeasure *wanted = WERK_MEASURE (sus_find (f->store, WERK_KIND_MEASURE, "Pflegelotse online"));
  g_autoptr (GPtrArray) shown = werk_sustainability_overview_dup_shown (sus_overview (f));
  GtkWidget *entry;

  open_measure (f, g_ptr_array_index (shown, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "sustainability.search", NULL));
  sus_wait (50);
  g_assert_cmpstr (sus_page (f), ==, "browse");
  entry = gtk_widget_get_ancestor (focused (f), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Pflegelotse online");
  g_signal_emit_by_name (entry, "activate");
  sus_wait (100);
  g_assert_cmpstr (sus_page (f), ==, "check");
  g_assert_true (werk_sustainability_check_get_measure (sus_check (f)) == wanted);
}

int
main (int argc, char **argv)
{
  sus_test_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add (name, SusFixture, NULL, sus_fixture_set_up, func, sus_fixture_tear_down)
  ADD ("/sustainability-keyboard/overview/sort-dropdown", test_sort_dropdown);
  ADD ("/sustainability-keyboard/overview/back-to-row", test_back_to_row);
  ADD ("/sustainability-keyboard/check/focus-in-sight", test_focus_in_sight);
  ADD ("/sustainability-keyboard/check/done-toast", test_done_toast);
  ADD ("/sustainability-keyboard/check/escape-with-toast", test_escape_with_toast);
  ADD ("/sustainability-keyboard/overview/search", test_search);
#undef ADD
  return g_test_run ();
}
