/* werk-sustainability-report.c: the sustainability check as a PDF for the council, and its looks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "werk-pdf.h"
#include "werk-sustainability-report.h"

#define KEY_WIDTH 118.0
/* Beyond this many measures the contents list only the parts; the bookmarks still name all. */
#define MAX_MEASURES_IN_CONTENTS 100

/* ---------------------------------------------------------------------------------------- */
/* Looks shared with the app                                                                */

WerkTrafficLight
werk_sustainability_dimension_light (const WerkDimensionSummary *summary)
{
  g_return_val_if_fail (summary != NULL, WERK_LIGHT_UNFINISHED);

  if (summary->n_relevant == 0)
    return WERK_LIGHT_UNFINISHED;
  if (summary->min <= -2 || summary->mean < 0)
    return WERK_LIGHT_RED;
  if (summary->min >= 0 && summary->mean >= 0.5)
    return WERK_LIGHT_GREEN;
  return WERK_LIGHT_YELLOW;
}

WerkTrafficLight
werk_sustainability_score_light (int score)
{
  if (score <= -2)
    return WERK_LIGHT_RED;
  if (score < 0)
    return WERK_LIGHT_YELLOW;
  if (score > 0)
    return WERK_LIGHT_GREEN;
  return WERK_LIGHT_UNFINISHED;
}

char *
werk_sustainability_format_score (double score, guint decimals)
{
  g_autofree char *digits = NULL;

  /* Rounded first, so that −0.04 prints as "0", not as "−0,0". */
  if (decimals == 0 ? fabs (score) < 0.5 : fabs (score) < 0.05)
    return g_strdup ("0");
  digits = g_strdup_printf (decimals == 0 ? "%.0f" : "%.1f", fabs (score));
  return g_strconcat (score < 0 ? "−" : "+", digits, NULL);
}

char *
werk_sustainability_describe_dimension (const WerkDimensionSummary *d)
{
  g_autofree char *summary = NULL;

  g_return_val_if_fail (d != NULL, NULL);

  if (d->n_criteria == 0)
    return g_strdup ("–");
  if (d->n_rated == 0)
    return g_strdup (_ ("not rated yet"));
  if (d->n_relevant > 0)
    {
      g_autofree char *mean = werk_sustainability_format_score (d->mean, 1);
      g_autofree char *min = werk_sustainability_format_score (d->min, 0);

      /* Translators: a dimension's mean score and its lowest score */
      summary = g_strdup_printf (_ ("Ø %s · lowest %s"), mean, min);
    }
  else
    summary = g_strdup (_ ("not relevant"));
  if (d->n_rated == d->n_criteria)
    return g_steal_pointer (&summary);
  /* Translators: a dimension's summary, then how far its rating got: "Ø +1,0 · 2 of 4 rated" */
  return g_strdup_printf (_ ("%s · %u of %u rated"), summary, d->n_rated, d->n_criteria);
}

const char *
werk_sustainability_light_fill (WerkTrafficLight light)
{
  switch (light)
    {
      case WERK_LIGHT_GREEN:
        return "#cdeccf";
      case WERK_LIGHT_YELLOW:
        return "#fbeaa5";
      case WERK_LIGHT_RED:
        return "#f6c7c1";
      case WERK_LIGHT_UNFINISHED:
      default:
        return NULL;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* What the report walks over                                                               */

/* The fill of a cell that still waits for a rating: a light grey, not a traffic-light colour. */
#define UNFINISHED_FILL "#e6e6e9"

/* What must fit for a measure's heading to start on this page: its facts, the ratings'
 * header, the first dimension and its first criterion. */
#define MEASURE_START_HEIGHT 170.0
/* A measure not checked yet: heading, facts and the line saying so. */
#define UNCHECKED_HEIGHT 115.0
/* What must fit below a dimension's row inside the ratings: the row and a criterion of two lines.
 */
#define DIMENSION_START_HEIGHT 56.0

typedef struct
{
  WerkRecord *field; /* NULL: the measures without a field of action */
  GPtrArray *measures;
} Group;

typedef struct
{
  WerkStore *store;
  WerkPdf *pdf;
  GPtrArray *criteria; /* in use, by dimension, in the catalogue's order within one */
  GPtrArray *retired;
  GPtrArray *groups;   /* Group */
  GHashTable *results; /* WerkMeasure → WerkSustainabilityResult */
  guint n_measures;
  guint n_lights[WERK_LIGHT_RED + 1];
} Report;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->measures);
  g_free (group);
}

static Group *
group_new (WerkRecord *field)
{
  Group *group = g_new0 (Group, 1);

  group->field = field;
  group->measures = g_ptr_array_new ();
  return group;
}

static void
report_clear (Report *r)
{
  g_clear_object (&r->pdf);
  g_clear_pointer (&r->criteria, g_ptr_array_unref);
  g_clear_pointer (&r->retired, g_ptr_array_unref);
  g_clear_pointer (&r->groups, g_ptr_array_unref);
  g_clear_pointer (&r->results, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static void
collect_criteria (Report *r)
{
  GListModel *list = werk_store_get_list (r->store, WERK_KIND_CRITERION, NULL);

  r->criteria = g_ptr_array_new ();
  r->retired = g_ptr_array_new ();
  for (int d = WERK_DIMENSION_ECOLOGICAL; d <= WERK_DIMENSION_ECONOMIC; d++)
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr (WerkRecord) criterion = g_list_model_get_item (list, i);

        if (werk_record_get_int (criterion, "dimension") != d)
          continue;
        g_ptr_array_add (werk_record_get_bool (criterion, "retired") ? r->retired : r->criteria,
                         criterion);
      }
}

static void
evaluate (Report *r, WerkRecord *measure)
{
  WerkSustainabilityResult *result = g_new0 (WerkSustainabilityResult, 1);

  werk_sustainability_evaluate (WERK_MEASURE (measure), result);
  g_hash_table_insert (r->results, measure, result);
  r->n_lights[result->light]++;
  r->n_measures++;
}

/* The measures by field of action, as the framework lists them: fields in their order, then
 * the measures without one. */
static void
collect_measures (Report *r)
{
  GListModel *fields = werk_store_get_list (r->store, WERK_KIND_FIELD, NULL);
  GListModel *measures = werk_store_get_list (r->store, WERK_KIND_MEASURE, NULL);
  g_autoptr (GHashTable) by_field = g_hash_table_new (NULL, NULL);
  Group *loose = group_new (NULL);

  r->groups = g_ptr_array_new_with_free_func (group_free);
  r->results = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr (WerkRecord) field = g_list_model_get_item (fields, i);
      Group *group = group_new (field);

      g_ptr_array_add (r->groups, group);
      g_hash_table_insert (by_field, field, group);
    }
  g_ptr_array_add (r->groups, loose);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr (WerkRecord) measure = g_list_model_get_item (measures, i);
      WerkRecord *field = werk_record_get_ref (measure, "field");
      Group *group = field ? g_hash_table_lookup (by_field, field) : NULL;

      g_ptr_array_add ((group ? group : loose)->measures, measure);
      evaluate (r, measure);
    }
}

static const WerkSustainabilityResult *
result_of (Report *r, WerkRecord *measure)
{
  return g_hash_table_lookup (r->results, measure);
}

static const char *
group_title (const Group *group)
{
  return group->field ? werk_record_get_label (group->field) : _ ("Without a field of action");
}

/* ---------------------------------------------------------------------------------------- */
/* Title page                                                                               */

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return werk_format_date_time (now);
}

static void
add_fact (WerkPdf *pdf, const char *key, const char *value)
{
  g_autofree char *label = NULL;

  if (value == NULL || *value == '\0')
    return;
  label = g_strconcat (key, ":", NULL);
  werk_pdf_key_value (pdf, label, value, KEY_WIDTH);
}

static char *
describe_progress (Report *r)
{
  guint complete = r->n_measures - r->n_lights[WERK_LIGHT_UNFINISHED];

  /* Translators: on the title page, e.g. "20, of which 5 checked completely" */
  return g_strdup_printf (ngettext ("%u, of which %u checked completely",
                                    "%u, of which %u checked completely", r->n_measures),
                          r->n_measures, complete);
}

static void
add_cover (Report *r, const char *date)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (r->store));
  const char *municipality = werk_record_get_string (process, "municipality");
  g_autofree char *footer = NULL;
  g_autofree char *progress = describe_progress (r);
  g_autofree char *n_criteria = g_strdup_printf ("%u", r->criteria->len);
  WerkPdfRect content, bar;

  if (municipality && *municipality)
    footer = g_strdup_printf (_ ("Sustainability check · %s · as of %s"), municipality, date);
  else
    footer = g_strdup_printf (_ ("Sustainability check · as of %s"), date);
  werk_pdf_set_footer (r->pdf, footer, TRUE);
  werk_pdf_get_content_rect (r->pdf, &content);
  bar = (WerkPdfRect){ content.x, content.y + 150, 56, 6 };
  werk_pdf_fill_rect (r->pdf, &bar, WERK_PDF_ACCENT);
  werk_pdf_space (r->pdf, 175);
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_TITLE, werk_record_get_label (process));
  werk_pdf_space (r->pdf, 6);
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SUBTITLE, _ ("Sustainability check of the measures"));
  werk_pdf_space (r->pdf, 40);
  add_fact (r->pdf, _ ("Municipality"), municipality);
  add_fact (r->pdf, _ ("Region"), werk_record_get_string (process, "region"));
  add_fact (r->pdf, _ ("Measures"), progress);
  add_fact (r->pdf, _ ("Criteria"), n_criteria);
  /* Translators: the date this document reflects, "Stand" in German */
  add_fact (r->pdf, _ ("As of"), date);
  werk_pdf_page_break (r->pdf);
}

/* ---------------------------------------------------------------------------------------- */
/* How the check works: the scale, the rule, the catalogue                                  */

static void
add_catalogue (Report *r)
{
  static const WerkPdfColumn columns[] = { { 1.0, WERK_PDF_ALIGN_LEFT },
                                           { 2.0, WERK_PDF_ALIGN_LEFT } };
  const char *header[] = { _ ("Criterion"), _ ("Guiding question") };
  int dimension = -1;

  werk_pdf_table_begin (r->pdf, columns, 2, header, WERK_PDF_TABLE_FIRST_COLUMN_BOLD);
  for (guint i = 0; i < r->criteria->len; i++)
    {
      WerkRecord *criterion = g_ptr_array_index (r->criteria, i);
      const char *cells[] = { werk_record_get_label (criterion),
                              werk_record_get_string (criterion, "question") };

      if (werk_record_get_int (criterion, "dimension") != dimension)
        {
          const char *group[] = { NULL, "" };

          dimension = werk_record_get_int (criterion, "dimension");
          group[0] = werk_enum_label (WERK_TYPE_DIMENSION, dimension);
          werk_pdf_table_row_full (r->pdf, group, WERK_PDF_ROW_SHADED | WERK_PDF_ROW_BOLD, NULL);
        }
      werk_pdf_table_row (r->pdf, cells);
    }
  werk_pdf_table_end (r->pdf);
}

static void
add_retired (Report *r)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;

  if (r->retired->len == 0)
    return;
  for (guint i = 0; i < r->retired->len; i++)
    g_ptr_array_add (titles, (char *) werk_record_get_label (r->retired->pdata[i]));
  g_ptr_array_add (titles, NULL);
  joined = g_strjoinv ("; ", (char **) titles->pdata);
  /* Translators: followed by the titles of the criteria a process no longer uses */
  text = g_strdup_printf (_ ("Retired criteria, no longer counted: %s"), joined);
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SMALL, text);
}

static void
add_method (Report *r)
{
  werk_pdf_heading (r->pdf, 1, _ ("How the check works"), NULL);
  werk_pdf_paragraph (
      r->pdf, WERK_PDF_STYLE_BODY,
      _ ("Every measure is rated on each criterion of the catalogue below, from −2 (clearly "
         "harmful) through 0 (neutral) to +2 (clearly beneficial). A criterion that does not "
         "apply to a measure is marked “not relevant”. Each dimension — ecological, social, "
         "economic — is summarised by its mean and its lowest score."));
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_BOLD, _ ("The traffic light"));
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_BODY, werk_sustainability_rule ());
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_BOLD, _ ("The criteria"));
  if (r->criteria->len == 0)
    werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SMALL,
                        _ ("The process has no criteria yet: no measure has been checked."));
  else
    add_catalogue (r);
  add_retired (r);
}

/* ---------------------------------------------------------------------------------------- */
/* The overview matrix                                                                      */

static char *
describe_lights (Report *r)
{
  /* Translators: how many measures have which traffic light */
  return g_strdup_printf (_ ("Green: %u · Yellow: %u · Red: %u · Unfinished: %u"),
                          r->n_lights[WERK_LIGHT_GREEN], r->n_lights[WERK_LIGHT_YELLOW],
                          r->n_lights[WERK_LIGHT_RED], r->n_lights[WERK_LIGHT_UNFINISHED]);
}

/* A dimension's cell in the matrix: its mean, coloured, and how far an unfinished one got. */
static char *
matrix_cell (const WerkDimensionSummary *d, const char **fill)
{
  g_autofree char *mean = NULL;

  *fill = werk_sustainability_light_fill (werk_sustainability_dimension_light (d));
  if (d->n_criteria == 0)
    return g_strdup ("–");
  if (d->n_rated == 0)
    return g_strdup ("?");
  mean = d->n_relevant > 0 ? werk_sustainability_format_score (d->mean, 1)
                           : g_strdup (_ ("not relevant"));
  if (d->n_rated == d->n_criteria)
    return g_steal_pointer (&mean);
  /* Translators: a partly rated dimension in the matrix: its mean so far, and its progress */
  return g_strdup_printf (_ ("%s (%u/%u)"), mean, d->n_rated, d->n_criteria);
}

static char *
progress_text (const WerkSustainabilityResult *result)
{
  /* Translators: how many criteria of a measure are rated: "9 of 12" */
  return g_strdup_printf (_ ("%u of %u"), result->n_rated, result->n_criteria);
}

static void
matrix_row (Report *r, WerkRecord *measure)
{
  const WerkSustainabilityResult *result = result_of (r, measure);
  char *dims[3];
  g_autofree char *progress = progress_text (result);
  const char *fills[6] = { NULL };
  const char *cells[6];

  cells[0] = werk_record_get_label (measure);
  for (guint d = 0; d < 3; d++)
    cells[d + 1] = dims[d] = matrix_cell (&result->dimensions[d], &fills[d + 1]);
  cells[4] = werk_traffic_light_label (result->light);
  fills[4] = result->light == WERK_LIGHT_UNFINISHED
                 ? UNFINISHED_FILL
                 : werk_sustainability_light_fill (result->light);
  cells[5] = progress;
  werk_pdf_table_row_full (r->pdf, cells, WERK_PDF_ROW_NONE, fills);
  for (guint d = 0; d < 3; d++)
    g_free (dims[d]);
}

static void
add_matrix (Report *r)
{
  static const WerkPdfColumn columns[] = {
    { 3.2, WERK_PDF_ALIGN_LEFT },   { 1.3, WERK_PDF_ALIGN_CENTER }, { 1.3, WERK_PDF_ALIGN_CENTER },
    { 1.3, WERK_PDF_ALIGN_CENTER }, { 1.4, WERK_PDF_ALIGN_CENTER }, { 1.0, WERK_PDF_ALIGN_CENTER },
  };
  const char *header[] = { _ ("Measure"),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_ECOLOGICAL),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_SOCIAL),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_ECONOMIC),
                           _ ("Traffic light"),
                           _ ("Rated") };

  werk_pdf_table_begin (r->pdf, columns, G_N_ELEMENTS (columns), header, WERK_PDF_TABLE_NONE);
  for (guint g = 0; g < r->groups->len; g++)
    {
      Group *group = g_ptr_array_index (r->groups, g);
      const char *title[] = { group_title (group), "", "", "", "", "" };

      if (group->measures->len == 0)
        continue;
      werk_pdf_table_row_full (r->pdf, title, WERK_PDF_ROW_SHADED | WERK_PDF_ROW_BOLD, NULL);
      for (guint i = 0; i < group->measures->len; i++)
        matrix_row (r, g_ptr_array_index (group->measures, i));
    }
  werk_pdf_table_end (r->pdf);
}

static void
add_overview (Report *r)
{
  g_autofree char *lights = describe_lights (r);

  /* Landscape: the matrix is the page the council reads first, and German headers are long. */
  werk_pdf_add_page (r->pdf, WERK_PDF_LANDSCAPE);
  werk_pdf_heading (r->pdf, 1, _ ("Overview"), NULL);
  if (r->n_measures == 0)
    {
      werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SMALL, _ ("The process has no measures yet."));
      return;
    }
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_BODY, lights);
  werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SMALL,
                      _ ("Each dimension shows the mean of its relevant ratings; a question mark "
                         "stands for a dimension not rated yet, and (2/4) for one rated in part."));
  add_matrix (r);
}

/* ---------------------------------------------------------------------------------------- */
/* Each measure's ratings                                                                   */

static char *
describe_light (const WerkSustainabilityResult *result)
{
  if (result->light != WERK_LIGHT_UNFINISHED)
    return g_strdup (werk_traffic_light_label (result->light));
  /* Translators: the light of a check not finished yet: "Unfinished – 5 of 12 criteria rated" */
  return g_strdup_printf (ngettext ("%s – %u of %u criterion rated", "%s – %u of %u criteria rated",
                                    result->n_criteria),
                          werk_traffic_light_label (result->light), result->n_rated,
                          result->n_criteria);
}

static void
add_measure_facts (WerkRecord *measure, WerkPdf *pdf, const WerkSustainabilityResult *result)
{
  WerkRecord *field = werk_record_get_ref (measure, "field");
  g_autofree char *light = describe_light (result);

  add_fact (pdf, _ ("Field of action"), field ? werk_record_get_label (field) : NULL);
  add_fact (pdf, _ ("Owner"), werk_record_get_string (measure, "owner"));
  add_fact (pdf, _ ("Status"),
            werk_enum_label (WERK_TYPE_MEASURE_STATUS, werk_record_get_int (measure, "status")));
  add_fact (pdf, _ ("Traffic light"), light);
}

static void
rating_cells (WerkRecord *rating, const char **text, char **owned, const char **fill)
{
  int score;

  if (rating == NULL)
    {
      *text = _ ("not rated yet");
      *fill = UNFINISHED_FILL;
      return;
    }
  if (werk_record_get_bool (rating, "not_relevant"))
    {
      *text = _ ("not relevant");
      return;
    }
  score = werk_record_get_int (rating, "score");
  *text = *owned = werk_sustainability_format_score (score, 0);
  *fill = werk_sustainability_light_fill (werk_sustainability_score_light (score));
}

static void
rating_row (Report *r, WerkRecord *measure, WerkRecord *criterion)
{
  WerkRecord *rating = WERK_RECORD (
      werk_sustainability_get_rating (WERK_MEASURE (measure), WERK_CRITERION (criterion)));
  g_autofree char *owned = NULL;
  const char *cells[3] = { werk_record_get_label (criterion), NULL,
                           rating ? werk_record_get_string (rating, "note") : "" };
  const char *fills[3] = { NULL };

  rating_cells (rating, &cells[1], &owned, &fills[1]);
  werk_pdf_table_row_full (r->pdf, cells, WERK_PDF_ROW_NONE, fills);
}

/* A dimension's group row: its mean where the ratings are, and the rest beside the notes. */
static void
dimension_row (Report *r, const WerkDimensionSummary *d)
{
  g_autofree char *mean = NULL;
  g_autofree char *detail = NULL;
  const char *cells[] = { werk_enum_label (WERK_TYPE_DIMENSION, d->dimension), NULL, NULL };
  const char *fills[] = { NULL,
                          werk_sustainability_light_fill (werk_sustainability_dimension_light (d)),
                          NULL };

  if (d->n_relevant > 0)
    {
      g_autofree char *score = werk_sustainability_format_score (d->mean, 1);
      g_autofree char *min = werk_sustainability_format_score (d->min, 0);

      /* Translators: a dimension's mean score, "Ø" for the average */
      mean = g_strdup_printf (_ ("Ø %s"), score);
      /* Translators: the lowest score given in a dimension */
      detail = g_strdup_printf (_ ("lowest %s"), min);
    }
  else
    detail = g_strdup (d->n_rated > 0 ? _ ("not relevant") : _ ("not rated yet"));
  if (d->n_rated < d->n_criteria)
    {
      /* Translators: how far the rating of a dimension got: "lowest −1 · 2 of 4 rated" */
      char *with_progress =
          g_strdup_printf (_ ("%s · %u of %u rated"), detail, d->n_rated, d->n_criteria);

      g_free (detail);
      detail = with_progress;
    }
  cells[1] = mean ? mean : "";
  cells[2] = detail;
  werk_pdf_table_row_full (r->pdf, cells, WERK_PDF_ROW_SHADED | WERK_PDF_ROW_BOLD, fills);
}

static double
room_left (Report *r)
{
  WerkPdfRect content;

  werk_pdf_get_content_rect (r->pdf, &content);
  return content.y + content.height - werk_pdf_get_y (r->pdf);
}

static void
add_ratings (Report *r, WerkRecord *measure, const WerkSustainabilityResult *result)
{
  static const WerkPdfColumn columns[] = { { 1.5, WERK_PDF_ALIGN_LEFT },
                                           { 1.0, WERK_PDF_ALIGN_CENTER },
                                           { 3.0, WERK_PDF_ALIGN_LEFT } };
  const char *header[] = { _ ("Criterion"), _ ("Rating"), _ ("Note") };
  int dimension = -1;

  werk_pdf_table_begin (r->pdf, columns, 3, header, WERK_PDF_TABLE_NONE);
  for (guint i = 0; i < r->criteria->len; i++)
    {
      WerkRecord *criterion = g_ptr_array_index (r->criteria, i);

      if (werk_record_get_int (criterion, "dimension") != dimension)
        {
          /* A dimension's row never stays alone at the bottom of a page: the table goes on
           * on the next one, with its header. */
          if (dimension >= 0 && room_left (r) < DIMENSION_START_HEIGHT)
            {
              werk_pdf_page_break (r->pdf);
              werk_pdf_table_begin (r->pdf, columns, 3, header, WERK_PDF_TABLE_NONE);
            }
          dimension = werk_record_get_int (criterion, "dimension");
          dimension_row (r, &result->dimensions[dimension]);
        }
      rating_row (r, measure, criterion);
    }
  werk_pdf_table_end (r->pdf);
}

static void
add_measure (Report *r, WerkRecord *measure)
{
  const WerkSustainabilityResult *result = result_of (r, measure);
  WerkRecord *field = werk_record_get_ref (measure, "field");

  /* Heading and facts stay with the first ratings, not alone at the bottom of a page. */
  werk_pdf_ensure_space (r->pdf, result->n_rated > 0 ? MEASURE_START_HEIGHT : UNCHECKED_HEIGHT);
  werk_pdf_heading (r->pdf, 2, werk_record_get_label (measure),
                    field ? werk_record_get_string (field, "color") : NULL);
  add_measure_facts (measure, r->pdf, result);
  if (result->n_rated == 0)
    werk_pdf_paragraph (r->pdf, WERK_PDF_STYLE_SMALL, _ ("Not checked yet."));
  else
    add_ratings (r, measure, result);
}

static void
add_measures (Report *r)
{
  if (r->n_measures == 0 || r->criteria->len == 0)
    return;
  werk_pdf_add_page (r->pdf, WERK_PDF_PORTRAIT);
  werk_pdf_heading (r->pdf, 1, _ ("Ratings by measure"), NULL);
  for (guint g = 0; g < r->groups->len; g++)
    {
      Group *group = g_ptr_array_index (r->groups, g);

      for (guint i = 0; i < group->measures->len; i++)
        add_measure (r, g_ptr_array_index (group->measures, i));
    }
}

/* ---------------------------------------------------------------------------------------- */
/* The document                                                                             */

/* Refused before any work: a name that is no PDF (it could be the .werkstatt file itself),
 * or a folder that is not there. */
static gboolean
check_path (const char *path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *display = NULL;

  if (!g_str_has_suffix (lower, ".pdf"))
    {
      display = g_filename_display_basename (path);
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                   _ ("“%s” is no PDF file name: the report is written as .pdf."), display);
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      display = g_filename_display_name (folder);
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The folder “%s” does not exist."),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
werk_sustainability_report_export (WerkStore *store, const char *path, GError **error)
{
  g_auto (Report) r = { store };
  WerkRecord *process;
  g_autofree char *date = today ();

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_path (path, error))
    return FALSE;
  process = WERK_RECORD (werk_store_get_process (store));
  r.pdf = werk_pdf_new (werk_record_get_label (process),
                        werk_record_get_string (process, "municipality"),
                        _ ("Sustainability check"), error);
  if (r.pdf == NULL)
    return FALSE;
  collect_criteria (&r);
  collect_measures (&r);
  add_cover (&r, date);
  add_method (&r);
  add_overview (&r);
  add_measures (&r);
  werk_pdf_insert_toc (r.pdf, _ ("Contents"), 1, r.n_measures <= MAX_MEASURES_IN_CONTENTS ? 2 : 1);
  return werk_pdf_check (r.pdf, error) && werk_pdf_save (r.pdf, path, error);
}
