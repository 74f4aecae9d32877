/* werk-sustainability-overview.c: measures × dimensions with lights, filters and sorting.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-sustainability-item.h"
#include "werk-sustainability-overview.h"
#include "werk-sustainability-private.h"
#include "werk-sustainability-report.h"

/* The field dropdown's first two entries: every field, and measures without one. */
enum
{
  FIELD_ALL,
  FIELD_NONE,
  FIELD_FIRST
};

enum
{
  PROP_0,
  PROP_UNFINISHED_ONLY,
  PROP_LIGHT_FILTER,
  PROP_FIELD_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _WerkSustainabilityOverview
{
  AdwBin parent_instance;

  WerkStore *store;
  GListStore *items;
  GHashTable *by_measure; /* WerkMeasure → WerkSustainabilityItem, borrowed from items */
  GHashTable *field_rank; /* WerkField → its position + 1, for sorting by field */
  GPtrArray *field_ids;   /* parallel to the field dropdown from FIELD_FIRST on */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[WERK_SUSTAINABILITY_N_COLUMNS];
  GtkSorter *sorters[WERK_SUSTAINABILITY_N_COLUMNS];
  guint refresh_id;
  gboolean sorting; /* the sort dropdown is sorting: a header's click is not */

  /* the filter as chosen */
  gboolean unfinished_only;
  int light;   /* -1: any */
  char *field; /* NULL: any; "": none */
  char *query; /* NULL: all */

  GtkStack *stack;
  GtkFlowBox *filters;
  GtkSearchEntry *search_entry;
  GtkDropDown *field_dropdown;
  GtkDropDown *light_dropdown;
  GtkDropDown *sort_dropdown;
  GtkLabel *summary_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkWidget *defaults_button;
  AdwStatusPage *no_criteria_page;
};

G_DEFINE_FINAL_TYPE (WerkSustainabilityOverview, werk_sustainability_overview, ADW_TYPE_BIN)

/* ---------------------------------------------------------------------------------------- */
/* Filtering                                                                                */

static gboolean
match_item (gpointer item, gpointer data)
{
  WerkSustainabilityOverview *self = data;
  WerkRecord *measure = WERK_RECORD (werk_sustainability_item_get_measure (item));
  const WerkSustainabilityResult *result;

  if (self->field &&
      g_strcmp0 (werk_record_get_string (measure, "field"), *self->field ? self->field : NULL))
    return FALSE;
  if (self->query && !werk_record_matches (measure, self->query))
    return FALSE;
  if (!self->unfinished_only && self->light < 0)
    return TRUE;
  result = werk_sustainability_item_get_result (item);
  if (self->unfinished_only)
    return result->light == WERK_LIGHT_UNFINISHED;
  return (int) result->light == self->light;
}

/* ---------------------------------------------------------------------------------------- */
/* Sorting                                                                                  */

static WerkRecord *
measure_of (gconstpointer item)
{
  return WERK_RECORD (werk_sustainability_item_get_measure ((gpointer) item));
}

static int
compare_titles (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_utf8_collate (werk_record_get_label (measure_of (a)),
                         werk_record_get_label (measure_of (b)));
}

static int
compare_fields (gconstpointer a, gconstpointer b, gpointer data)
{
  WerkSustainabilityOverview *self = data;
  WerkRecord *fa = werk_record_get_ref (measure_of (a), "field");
  WerkRecord *fb = werk_record_get_ref (measure_of (b), "field");
  /* Measures without a field come after all fields. */
  guint ra = fa ? GPOINTER_TO_UINT (g_hash_table_lookup (self->field_rank, fa)) : G_MAXUINT;
  guint rb = fb ? GPOINTER_TO_UINT (g_hash_table_lookup (self->field_rank, fb)) : G_MAXUINT;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return compare_titles (a, b, NULL);
}

static double
dimension_key (gconstpointer item, WerkDimension dimension)
{
  const WerkDimensionSummary *d =
      &werk_sustainability_item_get_result ((gpointer) item)->dimensions[dimension];

  /* Not rated (or not relevant) below every mean. */
  return d->n_relevant > 0 ? d->mean : -3;
}

static int
compare_doubles (double a, double b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_dimension (gconstpointer a, gconstpointer b, gpointer data)
{
  WerkDimension dimension = GPOINTER_TO_INT (data);

  return compare_doubles (dimension_key (a, dimension), dimension_key (b, dimension));
}

static int
light_rank (gconstpointer item)
{
  /* The council reads the red ones first, the unfinished ones last. */
  static const int rank[] = {
    [WERK_LIGHT_RED] = 0,
    [WERK_LIGHT_YELLOW] = 1,
    [WERK_LIGHT_GREEN] = 2,
    [WERK_LIGHT_UNFINISHED] = 3,
  };

  return rank[werk_sustainability_item_get_result ((gpointer) item)->light];
}

static int
compare_lights (gconstpointer a, gconstpointer b, gpointer data)
{
  return light_rank (a) - light_rank (b);
}

static double
progress_key (gconstpointer item)
{
  const WerkSustainabilityResult *r = werk_sustainability_item_get_result ((gpointer) item);

  return r->n_criteria > 0 ? (double) r->n_rated / r->n_criteria : 0;
}

static int
compare_progress (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_doubles (progress_key (a), progress_key (b));
}

/* The sort dropdown's choices, in its order; the first keeps the order of the file. */
static const struct
{
  int column; /* -1: none */
  GtkSortType order;
} sort_choices[] = {
  { -1, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_MEASURE, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_FIELD, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_LIGHT, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_ECOLOGICAL, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_SOCIAL, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_ECONOMIC, GTK_SORT_ASCENDING },
  { WERK_SUSTAINABILITY_COLUMN_PROGRESS, GTK_SORT_ASCENDING },
};

static void
sort_selected_cb (WerkSustainabilityOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);
  int column;

  if (selected >= G_N_ELEMENTS (sort_choices) || self->column_view == NULL)
    return;
  column = sort_choices[selected].column;
  self->sorting = TRUE;
  gtk_column_view_sort_by_column (self->column_view, column < 0 ? NULL : self->columns[column],
                                  sort_choices[selected].order);
  self->sorting = FALSE;
}

/* A click on a header sorts in a way the dropdown may not name: it shows none then. */
static void
column_sorter_changed_cb (WerkSustainabilityOverview *self)
{
  if (!self->sorting)
    gtk_drop_down_set_selected (self->sort_dropdown, GTK_INVALID_LIST_POSITION);
}

static GtkSorter *
sorter_for (WerkSustainabilityOverview *self, WerkSustainabilityColumn column)
{
  switch (column)
    {
      case WERK_SUSTAINABILITY_COLUMN_MEASURE:
        return GTK_SORTER (gtk_custom_sorter_new (compare_titles, NULL, NULL));
      case WERK_SUSTAINABILITY_COLUMN_FIELD:
        return GTK_SORTER (gtk_custom_sorter_new (compare_fields, self, NULL));
      case WERK_SUSTAINABILITY_COLUMN_LIGHT:
        return GTK_SORTER (gtk_custom_sorter_new (compare_lights, NULL, NULL));
      case WERK_SUSTAINABILITY_COLUMN_PROGRESS:
        return GTK_SORTER (gtk_custom_sorter_new (compare_progress, NULL, NULL));
      default:
        return GTK_SORTER (gtk_custom_sorter_new (
            compare_dimension, GINT_TO_POINTER (column - WERK_SUSTAINABILITY_COLUMN_ECOLOGICAL),
            NULL));
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Cells                                                                                    */

static GtkWidget *
create_cell (WerkSustainabilityColumn column)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;

  switch (column)
    {
      case WERK_SUSTAINABILITY_COLUMN_MEASURE:
        /* Two lines before the title is cut: the titles are what the group reads. */
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_lines (GTK_LABEL (label), 2);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (label), 20);
        return label;
      case WERK_SUSTAINABILITY_COLUMN_FIELD:
        box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (box), _werk_sustainability_dot_new ());
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_label_set_width_chars (GTK_LABEL (label), 12);
        gtk_box_append (GTK_BOX (box), label);
        return box;
      case WERK_SUSTAINABILITY_COLUMN_LIGHT:
        gtk_widget_add_css_class (label, "werk-light");
        gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
        return label;
      case WERK_SUSTAINABILITY_COLUMN_PROGRESS:
        gtk_widget_add_css_class (label, "numeric");
        return label;
      default:
        gtk_widget_add_css_class (label, "werk-score");
        gtk_widget_add_css_class (label, "numeric");
        gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
        return label;
    }
}

static void
update_field_cell (GtkWidget *box, WerkRecord *measure)
{
  WerkRecord *field = werk_record_get_ref (measure, "field");

  _werk_sustainability_dot_set_color (gtk_widget_get_first_child (box),
                                      field ? werk_record_get_string (field, "color") : NULL);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       field ? werk_record_get_label (field) : "");
}

static void
update_dimension_cell (GtkWidget *label, const WerkDimensionSummary *d)
{
  g_autofree char *mean = NULL;
  g_autofree char *tooltip = werk_sustainability_describe_dimension (d);

  if (d->n_rated == 0)
    mean = g_strdup ("–");
  else if (d->n_relevant == 0)
    /* Translators: short for "not relevant" in a narrow table cell */
    mean = g_strdup (_ ("n. r."));
  else if (d->n_rated < d->n_criteria)
    {
      g_autofree char *score = werk_sustainability_format_score (d->mean, 1);
      mean = g_strdup_printf ("%s (%u/%u)", score, d->n_rated, d->n_criteria);
    }
  else
    mean = werk_sustainability_format_score (d->mean, 1);
  gtk_label_set_label (GTK_LABEL (label), mean);
  gtk_widget_set_tooltip_text (label, tooltip);
  _werk_sustainability_set_light (
      label, d->n_relevant > 0 ? (int) werk_sustainability_dimension_light (d) : -1);
}

static void
update_cell (GtkWidget *cell)
{
  WerkSustainabilityItem *item = g_object_get_data (G_OBJECT (cell), "item");
  WerkSustainabilityColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "column"));
  WerkRecord *measure = WERK_RECORD (werk_sustainability_item_get_measure (item));
  const WerkSustainabilityResult *r;
  g_autofree char *text = NULL;

  if (column == WERK_SUSTAINABILITY_COLUMN_MEASURE)
    {
      gtk_label_set_label (GTK_LABEL (cell), werk_record_get_label (measure));
      gtk_widget_set_tooltip_text (cell, werk_record_get_label (measure));
      return;
    }
  if (column == WERK_SUSTAINABILITY_COLUMN_FIELD)
    {
      update_field_cell (cell, measure);
      return;
    }
  r = werk_sustainability_item_get_result (item);
  if (column == WERK_SUSTAINABILITY_COLUMN_LIGHT)
    {
      gtk_label_set_label (GTK_LABEL (cell), werk_traffic_light_label (r->light));
      _werk_sustainability_set_light (cell, r->light);
      return;
    }
  if (column == WERK_SUSTAINABILITY_COLUMN_PROGRESS)
    {
      /* Translators: how many criteria of a measure are rated: "9 of 12" */
      text = g_strdup_printf (_ ("%u of %u"), r->n_rated, r->n_criteria);
      gtk_label_set_label (GTK_LABEL (cell), text);
      return;
    }
  update_dimension_cell (cell, &r->dimensions[column - WERK_SUSTAINABILITY_COLUMN_ECOLOGICAL]);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  WerkSustainabilityColumn column = GPOINTER_TO_INT (data);
  GtkWidget *cell = create_cell (column);

  g_object_set_data (G_OBJECT (cell), "column", data);
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  gulong id =
      g_signal_connect_object (item, "changed", G_CALLBACK (update_cell), cell, G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (cell), "item", item);
  g_object_set_data (G_OBJECT (cell), "handler", GSIZE_TO_POINTER (id));
  update_cell (cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = g_object_get_data (G_OBJECT (cell), "item");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "handler"));

  if (item && id)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (cell), "item", NULL);
  g_object_set_data (G_OBJECT (cell), "handler", NULL);
}

static const char *
column_title (WerkSustainabilityColumn column)
{
  switch (column)
    {
      case WERK_SUSTAINABILITY_COLUMN_MEASURE:
        return _ ("Measure");
      case WERK_SUSTAINABILITY_COLUMN_FIELD:
        return _ ("Field of action");
      case WERK_SUSTAINABILITY_COLUMN_LIGHT:
        return _ ("Traffic light");
      case WERK_SUSTAINABILITY_COLUMN_PROGRESS:
        return _ ("Rated");
      default:
        return werk_enum_label (WERK_TYPE_DIMENSION,
                                column - WERK_SUSTAINABILITY_COLUMN_ECOLOGICAL);
    }
}

/* Fixed widths: measuring every cell of every column again after each sort would cost more
 * than the sort itself. The measure's column takes the rest. */
static int
column_width (WerkSustainabilityColumn column)
{
  switch (column)
    {
      case WERK_SUSTAINABILITY_COLUMN_FIELD:
        return 170;
      case WERK_SUSTAINABILITY_COLUMN_LIGHT:
        return 118;
      case WERK_SUSTAINABILITY_COLUMN_PROGRESS:
        return 80;
      default:
        return 94;
    }
}

static void
add_columns (WerkSustainabilityOverview *self)
{
  for (int c = 0; c < WERK_SUSTAINABILITY_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (column_title (c), factory);
      self->sorters[c] = sorter_for (self, c);
      gtk_column_view_column_set_sorter (column, self->sorters[c]);
      gtk_column_view_column_set_expand (column, c == WERK_SUSTAINABILITY_COLUMN_MEASURE);
      gtk_column_view_column_set_resizable (column, c <= WERK_SUSTAINABILITY_COLUMN_FIELD);
      if (c != WERK_SUSTAINABILITY_COLUMN_MEASURE)
        gtk_column_view_column_set_fixed_width (column, column_width (c));
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Keeping up with the store                                                                */

static void
update_summary (WerkSustainabilityOverview *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint counts[WERK_LIGHT_RED + 1] = { 0 };
  g_autofree char *lights = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkSustainabilityItem) item =
          g_list_model_get_item (G_LIST_MODEL (self->items), i);
      counts[werk_sustainability_item_get_result (item)->light]++;
    }
  /* Translators: the overview's line above the matrix */
  lights = g_strdup_printf (_ ("%u green · %u yellow · %u red · %u unfinished"),
                            counts[WERK_LIGHT_GREEN], counts[WERK_LIGHT_YELLOW],
                            counts[WERK_LIGHT_RED], counts[WERK_LIGHT_UNFINISHED]);
  if (shown == n)
    text = g_strdup_printf (ngettext ("%u measure: %s", "%u measures: %s", n), n, lights);
  else
    /* Translators: "12 of 2,000 measures shown; 3 green · …" */
    text =
        g_strdup_printf (ngettext ("%u of %u measure shown; %s", "%u of %u measures shown; %s", n),
                         shown, n, lights);
  gtk_label_set_label (self->summary_label, text);
}

static guint
count_active_criteria (WerkStore *store, guint *n_all)
{
  GListModel *criteria = werk_store_get_list (store, WERK_KIND_CRITERION, NULL);
  guint active = 0;

  *n_all = g_list_model_get_n_items (criteria);
  for (guint i = 0; i < *n_all; i++)
    {
      g_autoptr (WerkRecord) criterion = g_list_model_get_item (criteria, i);
      active += !werk_record_get_bool (criterion, "retired");
    }
  return active;
}

static void
update_pages (WerkSustainabilityOverview *self)
{
  guint n_all;
  guint active = count_active_criteria (self->store, &n_all);

  gtk_widget_set_visible (self->defaults_button, n_all == 0);
  adw_status_page_set_title (self->no_criteria_page,
                             n_all == 0 ? _ ("No Criteria Yet") : _ ("All Criteria Retired"));
  if (active == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-criteria");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-measures");
  else
    gtk_stack_set_visible_child_name (self->stack, "matrix");
  gtk_stack_set_visible_child_name (
      self->list_stack, g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) ? "table" : "empty");
}

/* Sorting and filtering run once after a burst of changes, e.g. a whole import. */
static gboolean
refresh_cb (gpointer data)
{
  WerkSustainabilityOverview *self = data;

  self->refresh_id = 0;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  for (int c = 0; c < WERK_SUSTAINABILITY_N_COLUMNS; c++)
    gtk_sorter_changed (self->sorters[c], GTK_SORTER_CHANGE_DIFFERENT);
  update_summary (self);
  update_pages (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (WerkSustainabilityOverview *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
invalidate_all (WerkSustainabilityOverview *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkSustainabilityItem) item =
          g_list_model_get_item (G_LIST_MODEL (self->items), i);
      werk_sustainability_item_invalidate (item);
    }
  schedule_refresh (self);
}

static void
invalidate_measure (WerkSustainabilityOverview *self, WerkRecord *measure)
{
  WerkSustainabilityItem *item = measure ? g_hash_table_lookup (self->by_measure, measure) : NULL;

  if (item)
    werk_sustainability_item_invalidate (item);
  schedule_refresh (self);
}

static void
rating_notify_cb (WerkRecord *rating, GParamSpec *pspec, WerkSustainabilityOverview *self)
{
  invalidate_measure (self, werk_record_get_ref (rating, "measure"));
}

static void
ratings_changed_cb (GListModel *ratings, guint position, guint removed, guint added,
                    WerkSustainabilityOverview *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (WerkRecord) rating = g_list_model_get_item (ratings, i);

      g_signal_connect_object (rating, "notify", G_CALLBACK (rating_notify_cb), self, 0);
      if (removed == 0)
        invalidate_measure (self, werk_record_get_ref (rating, "measure"));
    }
  /* Whose ratings went is not known any more: every result is computed again, lazily. */
  if (removed > 0)
    invalidate_all (self);
}

static void
measures_changed_cb (GListModel *measures, guint position, guint removed, guint added,
                     WerkSustainabilityOverview *self)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = position; i < position + removed; i++)
    {
      g_autoptr (WerkSustainabilityItem) item =
          g_list_model_get_item (G_LIST_MODEL (self->items), i);
      g_hash_table_remove (self->by_measure, werk_sustainability_item_get_measure (item));
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (WerkMeasure) measure = g_list_model_get_item (measures, i);
      WerkSustainabilityItem *item = werk_sustainability_item_new (measure);

      g_signal_connect_object (item, "changed", G_CALLBACK (schedule_refresh), self,
                               G_CONNECT_SWAPPED);
      g_hash_table_insert (self->by_measure, measure, item);
      g_ptr_array_add (fresh, item);
    }
  g_list_store_splice (self->items, position, removed, fresh->pdata, fresh->len);
  schedule_refresh (self);
}

static void
update_fields (WerkSustainabilityOverview *self)
{
  GListModel *fields = werk_store_get_list (self->store, WERK_KIND_FIELD, NULL);
  guint n = g_list_model_get_n_items (fields);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = self->field == NULL ? FIELD_ALL : *self->field ? FIELD_ALL : FIELD_NONE;

  g_hash_table_remove_all (self->field_rank);
  g_ptr_array_set_size (self->field_ids, 0);
  gtk_string_list_append (names, _ ("All fields of action"));
  gtk_string_list_append (names, _ ("Without a field of action"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);

      g_hash_table_insert (self->field_rank, field, GUINT_TO_POINTER (i + 1));
      gtk_string_list_append (names, werk_record_get_label (field));
      g_ptr_array_add (self->field_ids, g_strdup (werk_record_get_id (field)));
      if (self->field && g_str_equal (self->field, werk_record_get_id (field)))
        selected = FIELD_FIRST + i;
    }
  g_object_freeze_notify (G_OBJECT (self->field_dropdown));
  gtk_drop_down_set_model (self->field_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->field_dropdown, selected);
  g_object_thaw_notify (G_OBJECT (self->field_dropdown));
  schedule_refresh (self);
}

static void
field_notify_cb (WerkSustainabilityOverview *self)
{
  update_fields (self);
  invalidate_all (self);
}

static void
watch_store (WerkSustainabilityOverview *self)
{
  GListModel *measures = werk_store_get_list (self->store, WERK_KIND_MEASURE, NULL);
  GListModel *ratings = werk_store_get_list (self->store, WERK_KIND_RATING, NULL);
  GListModel *criteria = werk_store_get_list (self->store, WERK_KIND_CRITERION, NULL);
  GListModel *fields = werk_store_get_list (self->store, WERK_KIND_FIELD, NULL);

  g_signal_connect_object (measures, "items-changed", G_CALLBACK (measures_changed_cb), self, 0);
  /* After the core's own handler, which drops its index of ratings by measure. */
  g_signal_connect_object (ratings, "items-changed", G_CALLBACK (ratings_changed_cb), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (criteria, "items-changed", G_CALLBACK (invalidate_all), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (fields, "items-changed", G_CALLBACK (field_notify_cb), self,
                           G_CONNECT_SWAPPED);
  measures_changed_cb (measures, 0, 0, g_list_model_get_n_items (measures), self);
  ratings_changed_cb (ratings, 0, 0, g_list_model_get_n_items (ratings), self);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr (GObject) criterion = g_list_model_get_item (criteria, i);
      g_signal_connect_object (criterion, "notify", G_CALLBACK (invalidate_all), self,
                               G_CONNECT_SWAPPED);
    }
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr (GObject) field = g_list_model_get_item (fields, i);
      g_signal_connect_object (field, "notify", G_CALLBACK (field_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/* Criteria and fields added later get watched too; a few dozen at most. */
static void
watch_new_records_cb (GListModel *list, guint position, guint removed, guint added,
                      WerkSustainabilityOverview *self)
{
  GCallback callback = list == werk_store_get_list (self->store, WERK_KIND_FIELD, NULL)
                           ? G_CALLBACK (field_notify_cb)
                           : G_CALLBACK (invalidate_all);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (GObject) record = g_list_model_get_item (list, i);
      g_signal_connect_object (record, "notify", callback, self, G_CONNECT_SWAPPED);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* The filter controls                                                                      */

static void
refilter (WerkSustainabilityOverview *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->light_dropdown), !self->unfinished_only);
  if (self->store)
    {
      update_summary (self);
      update_pages (self);
    }
}

static void
search_changed_cb (WerkSustainabilityOverview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = *text ? g_strdup (text) : NULL;
  refilter (self);
}

static void
field_selected_cb (WerkSustainabilityOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->field_dropdown);
  const char *field = NULL;

  if (selected == FIELD_NONE)
    field = "";
  else if (selected != GTK_INVALID_LIST_POSITION && selected >= FIELD_FIRST &&
           selected - FIELD_FIRST < self->field_ids->len)
    field = g_ptr_array_index (self->field_ids, selected - FIELD_FIRST);
  g_object_set (self, "field-filter", field, NULL);
}

static void
light_selected_cb (WerkSustainabilityOverview *self)
{
  static const int lights[] = { -1, WERK_LIGHT_GREEN, WERK_LIGHT_YELLOW, WERK_LIGHT_RED };
  guint selected = gtk_drop_down_get_selected (self->light_dropdown);

  g_object_set (self, "light-filter", selected < G_N_ELEMENTS (lights) ? lights[selected] : -1,
                NULL);
}

static void
show_all_cb (WerkSustainabilityOverview *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self, "unfinished-only", FALSE, "light-filter", -1, "field-filter", NULL, NULL);
}

static void
activate_cb (WerkSustainabilityOverview *self, guint position)
{
  g_autoptr (WerkSustainabilityItem) item =
      g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item)
    gtk_widget_activate_action (
        GTK_WIDGET (self), "sustainability.show-measure", "s",
        werk_record_get_id (WERK_RECORD (werk_sustainability_item_get_measure (item))));
}

/* Enter in the search: the check of the first measure found, as a click on its row. */
static void
search_activate_cb (WerkSustainabilityOverview *self)
{
  /* Enter may come before the search's delay is over: what is typed counts. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0)
    activate_cb (self, 0);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
set_light_filter (WerkSustainabilityOverview *self, int light)
{
  static const int index[] = {
    [WERK_LIGHT_GREEN] = 1,
    [WERK_LIGHT_YELLOW] = 2,
    [WERK_LIGHT_RED] = 3,
  };

  if (light < -1 || light > WERK_LIGHT_RED || light == WERK_LIGHT_UNFINISHED)
    light = -1;
  if (self->light == light)
    return;
  self->light = light;
  gtk_drop_down_set_selected (self->light_dropdown, light < 0 ? 0 : index[light]);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIGHT_FILTER]);
}

static void
set_field_filter (WerkSustainabilityOverview *self, const char *field)
{
  guint selected = field == NULL ? FIELD_ALL : *field ? FIELD_ALL : FIELD_NONE;

  if (g_strcmp0 (self->field, field) == 0)
    return;
  g_free (self->field);
  self->field = g_strdup (field);
  for (guint i = 0; field && *field && i < self->field_ids->len; i++)
    if (g_str_equal (field, g_ptr_array_index (self->field_ids, i)))
      selected = FIELD_FIRST + i;
  gtk_drop_down_set_selected (self->field_dropdown, selected);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FILTER]);
}

static void
set_unfinished_only (WerkSustainabilityOverview *self, gboolean unfinished_only)
{
  if (self->unfinished_only == !!unfinished_only)
    return;
  self->unfinished_only = !!unfinished_only;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNFINISHED_ONLY]);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                  */

static void
werk_sustainability_overview_get_property (GObject *object, guint prop_id, GValue *value,
                                           GParamSpec *pspec)
{
  WerkSustainabilityOverview *self = WERK_SUSTAINABILITY_OVERVIEW (object);

  switch (prop_id)
    {
      case PROP_UNFINISHED_ONLY:
        g_value_set_boolean (value, self->unfinished_only);
        break;
      case PROP_LIGHT_FILTER:
        g_value_set_int (value, self->light);
        break;
      case PROP_FIELD_FILTER:
        g_value_set_string (value, self->field);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_sustainability_overview_set_property (GObject *object, guint prop_id, const GValue *value,
                                           GParamSpec *pspec)
{
  WerkSustainabilityOverview *self = WERK_SUSTAINABILITY_OVERVIEW (object);

  switch (prop_id)
    {
      case PROP_UNFINISHED_ONLY:
        set_unfinished_only (self, g_value_get_boolean (value));
        break;
      case PROP_LIGHT_FILTER:
        set_light_filter (self, g_value_get_int (value));
        break;
      case PROP_FIELD_FILTER:
        set_field_filter (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
werk_sustainability_overview_dispose (GObject *object)
{
  WerkSustainabilityOverview *self = WERK_SUSTAINABILITY_OVERVIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The columns go with the view: that is no header's click. */
  if (self->column_view)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin would unparent its child a second time after the template let it go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WERK_TYPE_SUSTAINABILITY_OVERVIEW);
  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  for (int c = 0; c < WERK_SUSTAINABILITY_N_COLUMNS; c++)
    g_clear_object (&self->sorters[c]);
  g_clear_pointer (&self->by_measure, g_hash_table_unref);
  g_clear_pointer (&self->field_rank, g_hash_table_unref);
  g_clear_pointer (&self->field_ids, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (werk_sustainability_overview_parent_class)->dispose (object);
}

static void
werk_sustainability_overview_finalize (GObject *object)
{
  WerkSustainabilityOverview *self = WERK_SUSTAINABILITY_OVERVIEW (object);

  g_free (self->field);
  g_free (self->query);
  G_OBJECT_CLASS (werk_sustainability_overview_parent_class)->finalize (object);
}

static void
werk_sustainability_overview_class_init (WerkSustainabilityOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = werk_sustainability_overview_get_property;
  object_class->set_property = werk_sustainability_overview_set_property;
  object_class->dispose = werk_sustainability_overview_dispose;
  object_class->finalize = werk_sustainability_overview_finalize;

  properties[PROP_UNFINISHED_ONLY] =
      g_param_spec_boolean ("unfinished-only", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* -1 for any, else a WerkTrafficLight other than unfinished */
  properties[PROP_LIGHT_FILTER] =
      g_param_spec_int ("light-filter", NULL, NULL, -1, WERK_LIGHT_RED, -1,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* NULL for any, "" for the measures without a field, else a field's id */
  properties[PROP_FIELD_FILTER] =
      g_param_spec_string ("field-filter", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _werk_sustainability_init_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, WERK_SUSTAINABILITY_RESOURCE
                                               "werk-sustainability-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, stack);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, filters);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, light_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, column_view);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, defaults_button);
  gtk_widget_class_bind_template_child (widget_class, WerkSustainabilityOverview, no_criteria_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, light_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_property_action (widget_class, "overview.unfinished-only",
                                            "unfinished-only");
}

static void
werk_sustainability_overview_init (WerkSustainabilityOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tab goes from filter to filter, not through the flow box's own places. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filters)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->light = -1;
  self->items = g_list_store_new (WERK_TYPE_SUSTAINABILITY_ITEM);
  self->by_measure = g_hash_table_new (NULL, NULL);
  self->field_rank = g_hash_table_new (NULL, NULL);
  self->field_ids = g_ptr_array_new_with_free_func (g_free);
  add_columns (self);
  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              GTK_FILTER (self->filter));
  self->sorted =
      gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                               g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (column_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---------------------------------------------------------------------------------------- */
/* Public                                                                                   */

void
werk_sustainability_overview_set_store (WerkSustainabilityOverview *self, WerkStore *store)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self));
  g_return_if_fail (WERK_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  watch_store (self);
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_CRITERION, NULL), "items-changed",
                           G_CALLBACK (watch_new_records_cb), self, 0);
  g_signal_connect_object (werk_store_get_list (store, WERK_KIND_FIELD, NULL), "items-changed",
                           G_CALLBACK (watch_new_records_cb), self, 0);
  update_fields (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
}

GPtrArray *
werk_sustainability_overview_dup_shown (WerkSustainabilityOverview *self)
{
  GListModel *shown;
  GPtrArray *measures;

  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self), NULL);

  shown = G_LIST_MODEL (self->sorted);
  measures = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (WerkSustainabilityItem) item = g_list_model_get_item (shown, i);
      g_ptr_array_add (measures, g_object_ref (werk_sustainability_item_get_measure (item)));
    }
  return measures;
}

void
werk_sustainability_overview_focus_search (WerkSustainabilityOverview *self)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GListModel *
werk_sustainability_overview_get_model (WerkSustainabilityOverview *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
werk_sustainability_overview_sort_by (WerkSustainabilityOverview *self,
                                      WerkSustainabilityColumn column, GtkSortType order)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self));
  g_return_if_fail (column < WERK_SUSTAINABILITY_N_COLUMNS);

  for (guint i = 0; i < G_N_ELEMENTS (sort_choices); i++)
    if (sort_choices[i].column == (int) column && sort_choices[i].order == order)
      {
        if (gtk_drop_down_get_selected (self->sort_dropdown) == i)
          sort_selected_cb (self);
        else
          gtk_drop_down_set_selected (self->sort_dropdown, i);
        return;
      }
  gtk_column_view_sort_by_column (self->column_view, self->columns[column], order);
}

static GtkWidget *
inner_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row of @list whose cells show @item, if it has one now. */
static GtkWidget *
find_row (GtkWidget *widget, gpointer item, GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (widget), "item") == item)
    return row;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, item, row ? row : child);

      if (found)
        return found;
    }
  return NULL;
}

/* The keyboard goes on from the measure just checked, not from the top of the list. GTK 4.8 has
 * no call to focus a list's item: its row widget gets the focus once it is laid out. */
static gboolean
focus_item_cb (GtkWidget *list, GdkFrameClock *clock, gpointer item)
{
  GtkWidget *row = find_row (list, item, NULL);
  int tries = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), "werk-focus-tries")) + 1;

  g_object_set_data (G_OBJECT (list), "werk-focus-tries", GINT_TO_POINTER (tries));
  if (row == NULL && tries < 5)
    return G_SOURCE_CONTINUE;
  if (row)
    gtk_widget_grab_focus (row);
  g_object_set_data (G_OBJECT (list), "werk-focus-tries", NULL);
  return G_SOURCE_REMOVE;
}

static void
focus_item (GtkWidget *list, WerkSustainabilityItem *item)
{
  GtkWidget *row = find_row (list, item, NULL);

  if (row)
    {
      gtk_widget_grab_focus (row);
      return;
    }
  g_object_set_data (G_OBJECT (list), "werk-focus-tries", NULL);
  gtk_widget_add_tick_callback (list, focus_item_cb, g_object_ref (item), g_object_unref);
}

void
werk_sustainability_overview_reveal (WerkSustainabilityOverview *self, WerkMeasure *measure)
{
  GListModel *shown;
  GtkWidget *list;

  g_return_if_fail (WERK_IS_SUSTAINABILITY_OVERVIEW (self));
  g_return_if_fail (WERK_IS_MEASURE (measure));

  /* Filters and sorting may have moved it while it was being checked. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
  shown = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (WerkSustainabilityItem) item = g_list_model_get_item (shown, i);

      if (werk_sustainability_item_get_measure (item) != measure)
        continue;
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
      list = inner_list_view (self->column_view);
      if (list)
        {
          gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
          focus_item (list, item);
        }
      return;
    }
}
