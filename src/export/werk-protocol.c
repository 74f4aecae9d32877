/* werk-protocol.c: the photo protocol of one workshop: cover, agenda, results, photos, as PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-protocol.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "werk-agenda.h"
#include "werk-image.h"
#include "werk-pdf.h"

#define KEY_WIDTH    150.0
#define PHOTO_GAP    12.0
#define CAPTION_ROOM 30.0 /* room for two caption lines under a photo */
#define MAX_WORKERS  4
#define CHART_ROW    24.0 /* a bar with a label of one or two lines */
/* Estimates of what goes above a photo, to keep it with its headings. */
#define ITEM_HEADING    42.0
#define TABLE_HEADING   44.0
#define SMALL_LINE      16.0
#define NOTE_LINE       15.0
#define NOTE_LINE_CHARS 85
#define A4_SHORT_SIDE   595.276
#define A4_LONG_SIDE    841.89

typedef struct
{
  WerkStore *store;
  WerkWorkshop *workshop;
  WerkProtocolOptions options;
  WerkPdf *pdf;
  GPtrArray *challenges; /* the results of this workshop, in the file's order */
  GPtrArray *measures;   /* sorted by field of action */
  GPtrArray *core_goals;
  GPtrArray *fields;
  GHashTable *guiding_goals; /* the guiding goals shown */
  WerkPdfRect portrait;      /* the text area of a page */
  WerkPdfRect landscape;
} Protocol;

/* Helpers */

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
text_of (gpointer record, const char *key)
{
  const char *text = werk_record_get_string (WERK_RECORD (record), key);

  return text != NULL ? text : "";
}

static const char *
label_of (gpointer record)
{
  const char *label = werk_record_get_label (WERK_RECORD (record));

  return label != NULL ? label : "";
}

static GPtrArray *
list_records (WerkStore *store, WerkKind kind, gpointer parent)
{
  GListModel *model = werk_store_get_list (store, kind, parent);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (records, g_list_model_get_item (model, i));
  return records;
}

static char *
format_clock (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%H:%M") : NULL;
}

/* "16:00–16:10": a span in a table; an open end gives "16:00–". */
static char *
format_span (const char *from, const char *to)
{
  if (!is_set (from))
    return g_strdup ("");
  return g_strdup_printf ("%s–%s", from, is_set (to) ? to : "");
}

/* "16:00–19:30" as a time of day in text ("16:00–19:30 Uhr" in German). */
static char *
format_time_of_day (const char *from, const char *to)
{
  if (!is_set (from) || !is_set (to))
    return g_strdup (is_set (from) ? from : "");
  /* Translators: the time of a workshop, e.g. "16:00–19:30 Uhr" in German */
  return g_strdup_printf (_ ("%s–%s"), from, is_set (to) ? to : "");
}

static void
key_value (Protocol *p, const char *key, const char *value)
{
  if (is_set (value))
    werk_pdf_key_value (p->pdf, key, value, KEY_WIDTH);
}

/* Which results belong to this workshop */

/* The records of a top-level kind that came from @workshop; all of them when no record of that
 * kind names its workshop (a file from before origins were kept, or built by hand). */
static GPtrArray *
of_workshop (WerkStore *store, WerkKind kind, WerkWorkshop *workshop)
{
  g_autoptr (GPtrArray) all = list_records (store, kind, NULL);
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any_origin = FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      WerkRecord *origin = werk_record_get_ref (g_ptr_array_index (all, i), "workshop");

      any_origin |= origin != NULL;
      if (origin == WERK_RECORD (workshop))
        g_ptr_array_add (mine, g_object_ref (g_ptr_array_index (all, i)));
    }
  if (!any_origin)
    {
      g_ptr_array_unref (mine);
      return g_steal_pointer (&all);
    }
  return mine;
}

static void
mark_ref (GHashTable *set, gpointer record, const char *key)
{
  WerkRecord *target = werk_record_get_ref (WERK_RECORD (record), key);

  if (target != NULL)
    g_hash_table_add (set, target);
}

/* The guiding goals of the workshop and those its measures pursue; the core goals. */
static void
select_goals (Protocol *p)
{
  g_autoptr (GPtrArray) mine = of_workshop (p->store, WERK_KIND_GOAL, p->workshop);
  g_autoptr (GPtrArray) all = list_records (p->store, WERK_KIND_GOAL, NULL);
  g_autoptr (GHashTable) wanted = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < mine->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (mine, i));
  for (guint i = 0; i < p->measures->len; i++)
    {
      const char *const *ids = werk_record_get_strv (g_ptr_array_index (p->measures, i), "goals");

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          WerkRecord *goal = werk_store_lookup (p->store, ids[j]);

          if (goal != NULL)
            g_hash_table_add (wanted, goal);
        }
    }

  p->core_goals = g_ptr_array_new_with_free_func (g_object_unref);
  p->guiding_goals = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      WerkRecord *goal = g_ptr_array_index (all, i);

      if (!g_hash_table_contains (wanted, goal))
        continue;
      if (werk_record_get_int (goal, "level") == WERK_GOAL_CORE)
        g_ptr_array_add (p->core_goals, g_object_ref (goal));
      else
        g_hash_table_add (p->guiding_goals, goal);
    }
}

/* The fields of action that the selected challenges, measures and guiding goals use. */
static void
select_fields (Protocol *p)
{
  g_autoptr (GPtrArray) all = list_records (p->store, WERK_KIND_FIELD, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer goal;

  for (guint i = 0; i < p->challenges->len; i++)
    mark_ref (used, g_ptr_array_index (p->challenges, i), "field");
  for (guint i = 0; i < p->measures->len; i++)
    mark_ref (used, g_ptr_array_index (p->measures, i), "field");
  g_hash_table_iter_init (&iter, p->guiding_goals);
  while (g_hash_table_iter_next (&iter, &goal, NULL))
    mark_ref (used, goal, "field");

  p->fields = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (g_hash_table_contains (used, g_ptr_array_index (all, i)))
      g_ptr_array_add (p->fields, g_object_ref (g_ptr_array_index (all, i)));
}

static int
field_index (Protocol *p, gpointer record)
{
  WerkRecord *field = werk_record_get_ref (WERK_RECORD (record), "field");
  guint index;

  if (field != NULL && g_ptr_array_find (p->fields, field, &index))
    return (int) index;
  return (int) p->fields->len;
}

static void
sort_by_field (Protocol *p, GPtrArray *records)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  /* A stable bucket sort: the file's order within each field. */
  for (guint f = 0; f <= p->fields->len; f++)
    for (guint i = 0; i < records->len; i++)
      if (field_index (p, g_ptr_array_index (records, i)) == (int) f)
        g_ptr_array_add (sorted, g_ptr_array_index (records, i));
  if (sorted->len > 0)
    memcpy (records->pdata, sorted->pdata, sorted->len * sizeof (gpointer));
}

static void
protocol_init (Protocol *p, WerkStore *store, WerkWorkshop *workshop,
               const WerkProtocolOptions *options)
{
  p->store = store;
  p->workshop = workshop;
  if (options != NULL)
    p->options = *options;
  else
    werk_protocol_options_init (&p->options);
  p->challenges = of_workshop (store, WERK_KIND_CHALLENGE, workshop);
  p->measures = of_workshop (store, WERK_KIND_MEASURE, workshop);
  select_goals (p);
  select_fields (p);
  sort_by_field (p, p->measures);
}

static void
protocol_clear (Protocol *p)
{
  g_clear_object (&p->pdf);
  g_clear_pointer (&p->challenges, g_ptr_array_unref);
  g_clear_pointer (&p->measures, g_ptr_array_unref);
  g_clear_pointer (&p->core_goals, g_ptr_array_unref);
  g_clear_pointer (&p->fields, g_ptr_array_unref);
  g_clear_pointer (&p->guiding_goals, g_hash_table_unref);
}

/* The document */

static char *
workshop_date (Protocol *p)
{
  return werk_format_date (werk_record_get_string (WERK_RECORD (p->workshop), "date"));
}

static char *
facilitators (Protocol *p)
{
  const char *const *names = werk_record_get_strv (WERK_RECORD (p->workshop), "facilitators");

  return names != NULL ? g_strjoinv (", ", (char **) names) : g_strdup ("");
}

static gboolean
new_document (Protocol *p, GError **error)
{
  WerkProcess *process = werk_store_get_process (p->store);
  g_autofree char *date = workshop_date (p);
  g_autofree char *title = NULL, *author = facilitators (p), *subject = NULL, *footer = NULL;
  const char *municipality = text_of (process, "municipality");

  /* Translators: the PDF's title; %s is the workshop's title */
  title = g_strdup_printf (_ ("Photo protocol: %s"), label_of (p->workshop));
  subject = is_set (municipality) ? g_strdup_printf ("%s · %s", label_of (process), municipality)
                                  : g_strdup (label_of (process));
  p->pdf = werk_pdf_new (title, is_set (author) ? author : NULL, subject, error);
  if (p->pdf == NULL)
    return FALSE;
  footer = g_strjoin (" · ", _ ("Photo protocol"), label_of (p->workshop), date, NULL);
  werk_pdf_set_footer (p->pdf, footer, TRUE);
  return TRUE;
}

/* Cover */

static guint
participants_total (Protocol *p, guint *by_group)
{
  g_autoptr (GPtrArray) people = list_records (p->store, WERK_KIND_PARTICIPANT, p->workshop);
  guint total = (guint) werk_record_get_int (WERK_RECORD (p->workshop), "participants_total");
  guint sum = 0;

  for (guint g = 0; g < WERK_N_GROUPS; g++)
    sum += by_group[g] = werk_workshop_get_group_count (p->workshop, g);
  /* Without counts typed in, the list of participants is all there is. */
  if (sum == 0)
    for (guint i = 0; i < people->len; i++, sum++)
      by_group[werk_record_get_int (g_ptr_array_index (people, i), "group") % WERK_N_GROUPS]++;
  return MAX (total, sum);
}

static void
add_group_table (Protocol *p, const guint *by_group, guint total)
{
  static const WerkPdfColumn columns[] = { { 70, WERK_PDF_ALIGN_LEFT },
                                           { 30, WERK_PDF_ALIGN_RIGHT } };
  const char *header[] = { _ ("Stakeholder group"), _ ("Participants") };

  werk_pdf_space (p->pdf, 12);
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BOLD, _ ("Participants by stakeholder group"));
  werk_pdf_table_begin (p->pdf, columns, 2, header, WERK_PDF_TABLE_ZEBRA);
  for (guint g = 0; g < WERK_N_GROUPS; g++)
    {
      g_autofree char *count = g_strdup_printf ("%u", by_group[g]);

      if (by_group[g] > 0)
        werk_pdf_table_row (p->pdf,
                            (const char *[]){ werk_enum_label (WERK_TYPE_GROUP, g), count });
    }
  {
    g_autofree char *count = g_strdup_printf ("%u", total);

    werk_pdf_table_row_full (p->pdf, (const char *[]){ _ ("In total"), count }, WERK_PDF_ROW_BOLD,
                             NULL);
  }
  werk_pdf_table_end (p->pdf);
}

static void
add_cover_facts (Protocol *p)
{
  WerkRecord *w = WERK_RECORD (p->workshop);
  g_autofree char *date = workshop_date (p), *names = facilitators (p);
  g_autofree char *time = format_time_of_day (text_of (w, "start"), text_of (w, "end"));
  guint by_group[WERK_N_GROUPS] = { 0 };
  guint total = participants_total (p, by_group), in_groups = 0;
  g_autofree char *count = g_strdup_printf ("%u", total);

  for (guint g = 0; g < WERK_GROUP_OTHER; g++)
    in_groups += by_group[g];

  key_value (p, _ ("Format"),
             werk_enum_label (WERK_TYPE_WORKSHOP_FORMAT, (int) werk_record_get_int (w, "format")));
  key_value (p, _ ("Date"), date);
  key_value (p, _ ("Time"), time);
  key_value (p, _ ("Place"), text_of (w, "location"));
  key_value (p, _ ("Facilitation"), names);
  if (total > 0)
    key_value (p, _ ("Participants"), count);
  if (in_groups > 0)
    add_group_table (p, by_group, total);
}

static void
add_cover (Protocol *p)
{
  WerkProcess *process = werk_store_get_process (p->store);
  const WerkPdfRect band = { 0, 0, A4_SHORT_SIDE, 14 };
  const char *municipality = text_of (process, "municipality");
  const char *region = text_of (process, "region");
  g_autofree char *place = is_set (region) && is_set (municipality)
                               ? g_strdup_printf ("%s, %s", municipality, region)
                               : g_strdup (is_set (municipality) ? municipality : region);

  werk_pdf_add_page (p->pdf, WERK_PDF_PORTRAIT);
  werk_pdf_get_content_rect (p->pdf, &p->portrait);
  /* The same margins on a landscape page: the photos are prepared before it exists. */
  p->landscape = (WerkPdfRect){ p->portrait.x, p->portrait.y,
                                A4_LONG_SIDE - (A4_SHORT_SIDE - p->portrait.width),
                                A4_SHORT_SIDE - (A4_LONG_SIDE - p->portrait.height) };
  werk_pdf_fill_rect (p->pdf, &band, WERK_PDF_ACCENT);
  werk_pdf_set_y (p->pdf, 150);
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SUBTITLE, _ ("Photo protocol"));
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_TITLE, label_of (p->workshop));
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SUBTITLE, label_of (process));
  if (is_set (place))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BODY, place);
  werk_pdf_space (p->pdf, 24);
  werk_pdf_rule (p->pdf);
  add_cover_facts (p);
}

/* Agenda */

typedef struct
{
  gboolean planned; /* the workshop has a start time */
  gboolean actual;  /* some item was timed live */
} AgendaColumns;

static AgendaColumns
agenda_columns (WerkAgenda *agenda)
{
  AgendaColumns c = { FALSE, FALSE };
  g_autoptr (GDateTime) start = NULL;

  if (werk_agenda_get_n_items (agenda) == 0)
    return c;
  start = werk_agenda_get_planned_start (agenda, 0);
  c.planned = start != NULL;
  for (guint i = 0; i < werk_agenda_get_n_items (agenda); i++)
    c.actual |= werk_record_get_string (WERK_RECORD (werk_agenda_get_item (agenda, i)),
                                        "actual_start") != NULL;
  return c;
}

static char *
planned_span (WerkAgenda *agenda, guint index)
{
  g_autoptr (GDateTime) start = werk_agenda_get_planned_start (agenda, index);
  g_autoptr (GDateTime) end = werk_agenda_get_planned_end (agenda, index);
  g_autofree char *from = format_clock (start), *to = format_clock (end);

  return format_span (from, to);
}

static char *
actual_span (WerkAgendaItem *item)
{
  g_autoptr (GDateTime) start =
      werk_agenda_parse_datetime (werk_record_get_string (WERK_RECORD (item), "actual_start"));
  g_autoptr (GDateTime) end =
      werk_agenda_parse_datetime (werk_record_get_string (WERK_RECORD (item), "actual_end"));
  g_autofree char *from = format_clock (start), *to = format_clock (end);

  return format_span (from, to);
}

static char *
agenda_item_text (WerkAgendaItem *item)
{
  const char *speaker = text_of (item, "speaker");

  if (is_set (speaker))
    return g_strdup_printf ("%s\n%s", label_of (item), speaker);
  return g_strdup (label_of (item));
}

static void
add_agenda_row (WerkAgenda *agenda, guint index, AgendaColumns c, WerkPdf *pdf)
{
  WerkAgendaItem *item = werk_agenda_get_item (agenda, index);
  g_autofree char *planned = planned_span (agenda, index), *actual = actual_span (item);
  g_autofree char *text = agenda_item_text (item);
  int length = (int) werk_record_get_int (WERK_RECORD (item), "minutes");
  /* Translators: the planned length of an agenda item */
  g_autofree char *minutes = length > 0 ? g_strdup_printf (_ ("%d min"), length) : g_strdup ("");
  const char *cells[4];
  guint n = 0;

  if (c.planned)
    cells[n++] = planned;
  if (c.actual)
    cells[n++] = actual;
  cells[n++] = text;
  cells[n++] = minutes;
  werk_pdf_table_row_full (pdf, cells,
                           werk_record_get_int (WERK_RECORD (item), "kind") == WERK_AGENDA_BREAK
                               ? WERK_PDF_ROW_SHADED
                               : WERK_PDF_ROW_NONE,
                           NULL);
}

static void
add_agenda (Protocol *p)
{
  g_autoptr (WerkAgenda) agenda = werk_agenda_new (p->workshop);
  AgendaColumns c = agenda_columns (agenda);
  WerkPdfColumn columns[4];
  const char *header[4];
  guint n = 0;

  werk_pdf_heading (p->pdf, 1, _ ("Agenda"), NULL);
  if (werk_agenda_get_n_items (agenda) == 0)
    {
      werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, _ ("No agenda was recorded."));
      return;
    }
  if (c.planned)
    {
      columns[n] = (WerkPdfColumn){ 17, WERK_PDF_ALIGN_LEFT };
      header[n++] = _ ("Planned time");
    }
  if (c.actual)
    {
      columns[n] = (WerkPdfColumn){ 17, WERK_PDF_ALIGN_LEFT };
      header[n++] = _ ("Actual time");
    }
  columns[n] = (WerkPdfColumn){ c.actual ? 54 : 71, WERK_PDF_ALIGN_LEFT };
  header[n++] = _ ("Agenda item");
  columns[n] = (WerkPdfColumn){ 12, WERK_PDF_ALIGN_RIGHT };
  header[n++] = _ ("Length");
  werk_pdf_table_begin (p->pdf, columns, n, header, WERK_PDF_TABLE_NONE);
  for (guint i = 0; i < werk_agenda_get_n_items (agenda); i++)
    add_agenda_row (agenda, i, c, p->pdf);
  werk_pdf_table_end (p->pdf);
}

/* Challenges */

static const char *
field_color (gpointer field)
{
  const char *color = field != NULL ? werk_record_get_string (field, "color") : NULL;

  return is_set (color) ? color : NULL;
}

static void
add_challenge_group (Protocol *p, WerkRecord *field)
{
  gboolean any = FALSE;

  for (guint i = 0; i < p->challenges->len; i++)
    {
      WerkRecord *challenge = g_ptr_array_index (p->challenges, i);

      if (werk_record_get_ref (challenge, "field") != field)
        continue;
      if (!any)
        werk_pdf_heading (
            p->pdf, 2, field != NULL ? label_of (field) : _ ("Not assigned to a field of action"),
            field_color (field));
      any = TRUE;
      werk_pdf_list_item (p->pdf, "•", label_of (challenge));
    }
}

static void
add_challenges (Protocol *p)
{
  g_autofree char *intro = NULL;

  if (p->challenges->len == 0)
    return;
  intro = g_strdup_printf (ngettext ("%u challenge was collected.",
                                     "%u challenges were collected, by field of action.",
                                     p->challenges->len),
                           p->challenges->len);
  werk_pdf_heading (p->pdf, 1, _ ("Challenges"), NULL);
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BODY, intro);
  for (guint f = 0; f < p->fields->len; f++)
    add_challenge_group (p, g_ptr_array_index (p->fields, f));
  add_challenge_group (p, NULL);
}

/* Fields of action and goals */

static void
add_core_goals (Protocol *p)
{
  if (p->core_goals->len == 0)
    return;
  werk_pdf_heading (p->pdf, 2, _ ("Core goals"), NULL);
  for (guint i = 0; i < p->core_goals->len; i++)
    {
      g_autofree char *marker = g_strdup_printf ("%u.", i + 1);

      werk_pdf_list_item (p->pdf, marker, label_of (g_ptr_array_index (p->core_goals, i)));
    }
}

static void
add_field (Protocol *p, WerkRecord *field, GPtrArray *goals)
{
  const char *description = text_of (field, "description");
  gboolean any = FALSE;

  werk_pdf_heading (p->pdf, 2, label_of (field), field_color (field));
  if (is_set (description))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, description);
  for (guint i = 0; i < goals->len; i++)
    {
      WerkRecord *goal = g_ptr_array_index (goals, i);

      if (werk_record_get_ref (goal, "field") != field ||
          !g_hash_table_contains (p->guiding_goals, goal))
        continue;
      if (!any)
        werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BOLD, _ ("Guiding goals"));
      any = TRUE;
      werk_pdf_list_item (p->pdf, "•", label_of (goal));
    }
}

static void
add_fields (Protocol *p)
{
  g_autoptr (GPtrArray) goals = list_records (p->store, WERK_KIND_GOAL, NULL);

  if (p->fields->len == 0 && p->core_goals->len == 0)
    return;
  werk_pdf_heading (p->pdf, 1, _ ("Fields of action and goals"), NULL);
  add_core_goals (p);
  for (guint f = 0; f < p->fields->len; f++)
    add_field (p, g_ptr_array_index (p->fields, f), goals);
}

/* Measures */

static char *
goal_texts (Protocol *p, WerkRecord *measure)
{
  const char *const *ids = werk_record_get_strv (measure, "goals");
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WerkRecord *goal = werk_store_lookup (p->store, ids[i]);

      if (goal != NULL)
        g_ptr_array_add (texts, (gpointer) label_of (goal));
    }
  g_ptr_array_add (texts, NULL);
  return g_strjoinv ("\n", (char **) texts->pdata);
}

static void
add_measure_answers (Protocol *p, WerkRecord *m)
{
  /* The five guiding questions every measure is worked out with. */
  key_value (p, _ ("Goal pursued"), text_of (m, "goal_pursued"));
  key_value (p, _ ("Next steps"), text_of (m, "next_steps"));
  key_value (p, _ ("Who must be involved"), text_of (m, "involve"));
  key_value (p, _ ("What to watch out for"), text_of (m, "watch_out"));
  key_value (p, _ ("Success factors"), text_of (m, "success_factors"));
}

static void
add_measure (Protocol *p, WerkRecord *m)
{
  WerkRecord *field = werk_record_get_ref (m, "field");
  WerkRecord *table = werk_record_get_ref (m, "table");
  g_autofree char *goals = goal_texts (p, m);
  g_autofree char *due = werk_format_date (werk_record_get_string (m, "due"));
  const char *description = text_of (m, "description");

  werk_pdf_heading (p->pdf, 2, label_of (m), field_color (field));
  if (is_set (description))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BODY, description);
  key_value (p, _ ("Field of action"), field != NULL ? label_of (field) : NULL);
  key_value (p, _ ("Guiding goals"), goals);
  add_measure_answers (p, m);
  key_value (p, _ ("Owner"), text_of (m, "owner"));
  key_value (p, _ ("Partners"), text_of (m, "partners"));
  key_value (p, _ ("Due"), due);
  key_value (p, _ ("Status"),
             werk_enum_label (WERK_TYPE_MEASURE_STATUS, (int) werk_record_get_int (m, "status")));
  key_value (p, _ ("Worked out at table"), table != NULL ? label_of (table) : NULL);
  werk_pdf_space (p->pdf, 6);
}

static void
add_measures (Protocol *p)
{
  if (p->measures->len == 0)
    return;
  werk_pdf_heading (p->pdf, 1, _ ("Measures"), NULL);
  for (guint i = 0; i < p->measures->len; i++)
    add_measure (p, g_ptr_array_index (p->measures, i));
}

/* Dot-voting */

static char *
round_facts (WerkRecord *round)
{
  guint dots = (guint) werk_record_get_int (round, "dots_per_person");
  guint max = (guint) werk_record_get_int (round, "max_per_item");
  GString *facts = g_string_new (NULL);

  g_string_append_printf (
      facts, _ ("Voted on: %s"),
      werk_enum_label (WERK_TYPE_VOTE_ON, (int) werk_record_get_int (round, "on")));
  if (dots > 0)
    {
      g_string_append (facts, " · ");
      g_string_append_printf (facts, ngettext ("%u dot per person", "%u dots per person", dots),
                              dots);
    }
  if (max > 0)
    {
      g_string_append (facts, " · ");
      g_string_append_printf (facts, ngettext ("at most %u per item", "at most %u per item", max),
                              max);
    }
  return g_string_free (facts, FALSE);
}

static void
add_ranking (Protocol *p, WerkRecord *round, GArray *ranked)
{
  g_autofree WerkPdfBar *bars = g_new0 (WerkPdfBar, MAX (ranked->len, 1));
  g_autofree char *given = NULL;
  guint total = 0;

  for (guint i = 0; i < ranked->len; i++)
    {
      WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);

      bars[i] = (WerkPdfBar){ r->rank, label_of (r->item), r->dots, r->tie };
      total += r->dots;
    }
  if (werk_record_get_int (round, "state") == WERK_ROUND_OPEN)
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC,
                        _ ("Interim result: this round was still open."));
  if (ranked->len == 0)
    {
      werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, _ ("Nothing was voted on."));
      return;
    }
  werk_pdf_bar_chart (p->pdf, bars, ranked->len);
  given = g_strdup_printf (ngettext ("%u dot was given in total. Items with as many dots share "
                                     "a rank.",
                                     "%u dots were given in total. Items with as many dots share "
                                     "a rank.",
                                     total),
                           total);
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SMALL, given);
}

/* A chart that fits on a page starts on a new one rather than being split. */
static void
keep_chart_together (Protocol *p, guint n_bars)
{
  WerkPdfRect area;
  double height = CHART_ROW * n_bars + 60;

  werk_pdf_get_content_rect (p->pdf, &area);
  if (height < area.height * 0.9)
    werk_pdf_ensure_space (p->pdf, height);
}

static void
add_round (Protocol *p, WerkVotingRound *round, guint number)
{
  const char *question = text_of (round, "question");
  g_autofree char *title =
      is_set (question) ? g_strdup (question) : g_strdup_printf (_ ("Voting round %u"), number);
  g_autofree char *facts = round_facts (WERK_RECORD (round));
  g_autoptr (GArray) ranked = NULL;

  if (!werk_voting_round_is_hidden (round))
    ranked = werk_voting_round_rank (round);
  werk_pdf_heading (p->pdf, 2, title, NULL);
  if (ranked != NULL)
    keep_chart_together (p, ranked->len);
  werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SMALL, facts);
  if (ranked == NULL)
    {
      werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC,
                          _ ("This was a blind round and its result has not been revealed, so "
                             "it is not shown here."));
      return;
    }
  add_ranking (p, WERK_RECORD (round), ranked);
}

static void
add_voting (Protocol *p)
{
  g_autoptr (GPtrArray) rounds = list_records (p->store, WERK_KIND_VOTING_ROUND, p->workshop);

  if (rounds->len == 0)
    return;
  werk_pdf_heading (p->pdf, 1, _ ("Dot-voting"), NULL);
  for (guint i = 0; i < rounds->len; i++)
    add_round (p, g_ptr_array_index (rounds, i), i + 1);
}

/* Next steps */

static gboolean
is_next_step (WerkRecord *m)
{
  WerkMeasureStatus status = (WerkMeasureStatus) werk_record_get_int (m, "status");

  if (status == WERK_STATUS_DONE || status == WERK_STATUS_DROPPED)
    return FALSE;
  return status != WERK_STATUS_IDEA || is_set (text_of (m, "next_steps")) ||
         is_set (text_of (m, "owner")) || werk_record_get_string (m, "due") != NULL;
}

static int
compare_due (gconstpointer a, gconstpointer b)
{
  const char *x = werk_record_get_string (*(WerkRecord **) a, "due");
  const char *y = werk_record_get_string (*(WerkRecord **) b, "due");

  /* Soonest first; measures without a date last. */
  if (!is_set (x) || !is_set (y))
    return is_set (x) ? -1 : is_set (y) ? 1 : 0;
  return strcmp (x, y);
}

static GPtrArray *
next_step_measures (Protocol *p)
{
  GPtrArray *steps = g_ptr_array_new ();

  for (guint i = 0; i < p->measures->len; i++)
    if (is_next_step (g_ptr_array_index (p->measures, i)))
      g_ptr_array_add (steps, g_ptr_array_index (p->measures, i));
  /* GLib's sort is stable: equal dates keep the order of the measures section. */
  g_ptr_array_sort (steps, compare_due);
  return steps;
}

static void
add_next_step_row (Protocol *p, WerkRecord *m)
{
  g_autofree char *due = werk_format_date (werk_record_get_string (m, "due"));
  g_autofree char *measure = g_strdup_printf (
      "%s\n%s", label_of (m),
      werk_enum_label (WERK_TYPE_MEASURE_STATUS, (int) werk_record_get_int (m, "status")));
  const char *cells[] = { measure, text_of (m, "next_steps"), text_of (m, "owner"),
                          due != NULL ? due : "" };

  werk_pdf_table_row (p->pdf, cells);
}

static guint
add_next_step_notes (Protocol *p)
{
  g_autoptr (GPtrArray) items = list_records (p->store, WERK_KIND_AGENDA_ITEM, p->workshop);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      WerkRecord *item = g_ptr_array_index (items, i);

      if (werk_record_get_int (item, "kind") != WERK_AGENDA_NEXT_STEPS ||
          !is_set (text_of (item, "notes")))
        continue;
      werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BODY, text_of (item, "notes"));
      n++;
    }
  return n;
}

static void
add_next_steps (Protocol *p)
{
  static const WerkPdfColumn columns[] = {
    { 27, WERK_PDF_ALIGN_LEFT },
    { 38, WERK_PDF_ALIGN_LEFT },
    { 21, WERK_PDF_ALIGN_LEFT },
    { 14, WERK_PDF_ALIGN_LEFT },
  };
  const char *header[] = { _ ("Measure and status"), _ ("Next steps"), _ ("Owner"), _ ("Due") };
  g_autoptr (GPtrArray) steps = next_step_measures (p);
  guint n_notes;

  werk_pdf_heading (p->pdf, 1, _ ("Next steps"), NULL);
  n_notes = add_next_step_notes (p);
  if (steps->len == 0)
    {
      if (n_notes == 0)
        werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, _ ("No next steps were recorded."));
      return;
    }
  werk_pdf_table_begin (p->pdf, columns, G_N_ELEMENTS (columns), header, WERK_PDF_TABLE_ZEBRA);
  for (guint i = 0; i < steps->len; i++)
    add_next_step_row (p, g_ptr_array_index (steps, i));
  werk_pdf_table_end (p->pdf);
}

/* The photos, in the order they are shown */

/* One step of the photo section: a photo, or an agenda item with notes and no photo. */
typedef struct
{
  WerkRecord *item;  /* the agenda item, NULL for photos of none */
  WerkRecord *table; /* NULL for photos of no table */
  WerkPhoto *photo;  /* NULL for an item's notes alone */
} Slot;

typedef struct
{
  GArray *slots;
  GPtrArray *photos; /* the photos shown, in order */
  guint not_consented;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->slots, g_array_unref);
  g_clear_pointer (&plan->photos, g_ptr_array_unref);
}

static gboolean
has_own_notes (WerkRecord *item)
{
  /* The notes of the next steps have their own section. */
  return item != NULL && is_set (text_of (item, "notes")) &&
         werk_record_get_int (item, "kind") != WERK_AGENDA_NEXT_STEPS;
}

/* Adds the photos of @item at @table (NULL: of no table), in the file's order. */
static guint
plan_photos (Plan *plan, GPtrArray *photos, WerkRecord *item, WerkRecord *table)
{
  guint n = 0;

  for (guint i = 0; i < photos->len; i++)
    {
      WerkPhoto *photo = g_ptr_array_index (photos, i);
      Slot slot = { item, table, photo };

      if (werk_record_get_ref (WERK_RECORD (photo), "agenda_item") != item ||
          werk_record_get_ref (WERK_RECORD (photo), "table") != table)
        continue;
      g_array_append_val (plan->slots, slot);
      g_ptr_array_add (plan->photos, g_object_ref (photo));
      n++;
    }
  return n;
}

static guint
plan_item (Plan *plan, GPtrArray *photos, GPtrArray *tables, WerkRecord *item)
{
  guint n = plan_photos (plan, photos, item, NULL);

  for (guint t = 0; t < tables->len; t++)
    n += plan_photos (plan, photos, item, g_ptr_array_index (tables, t));
  return n;
}

/* Photos whose agenda item or table is not this workshop's count as of none. */
static void
detach_strays (GPtrArray *photos, GPtrArray *items, GPtrArray *tables)
{
  for (guint i = 0; i < photos->len; i++)
    {
      WerkRecord *photo = g_ptr_array_index (photos, i);
      WerkRecord *item = werk_record_get_ref (photo, "agenda_item");
      WerkRecord *table = werk_record_get_ref (photo, "table");

      if ((item != NULL && !g_ptr_array_find (items, item, NULL)) ||
          (table != NULL && !g_ptr_array_find (tables, table, NULL)))
        {
          g_ptr_array_remove_index (photos, i--);
          g_debug ("Photo %s refers to another workshop; not shown", werk_record_get_id (photo));
        }
    }
}

static void
plan_build (Protocol *p, Plan *plan)
{
  g_autoptr (GPtrArray) all = list_records (p->store, WERK_KIND_PHOTO, p->workshop);
  g_autoptr (GPtrArray) items = list_records (p->store, WERK_KIND_AGENDA_ITEM, p->workshop);
  g_autoptr (GPtrArray) tables = list_records (p->store, WERK_KIND_TABLE, p->workshop);
  g_autoptr (GPtrArray) photos = g_ptr_array_new ();

  plan->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  plan->photos = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      if (werk_record_get_bool (g_ptr_array_index (all, i), "consent"))
        g_ptr_array_add (photos, g_ptr_array_index (all, i));
      else
        plan->not_consented++;
    }
  detach_strays (photos, items, tables);
  for (guint i = 0; i < items->len; i++)
    {
      WerkRecord *item = g_ptr_array_index (items, i);
      Slot notes = { item, NULL, NULL };

      if (plan_item (plan, photos, tables, item) == 0 && has_own_notes (item))
        g_array_append_val (plan->slots, notes);
    }
  plan_item (plan, photos, tables, NULL);
}

/* The photo pipeline: prepared in worker threads, a few ahead, taken in order */

typedef struct
{
  GBytes *original;
  WerkImageOptions options;
  double box_width;
  double box_height;
  WerkImage *image;
  GError *error;
  gboolean done;
} Job;

typedef struct
{
  GThreadPool *pool;
  GMutex lock;
  GCond cond;
  Job *jobs;
  guint n_jobs;
  guint submitted;
  guint taken;
  guint window;
} Pipeline;

static void
prepare_cb (gpointer data, gpointer user_data)
{
  Job *job = data;
  Pipeline *pipeline = user_data;
  GError *error = NULL;
  WerkImage *image =
      werk_image_prepare (job->original, job->box_width, job->box_height, &job->options, &error);

  g_clear_pointer (&job->original, g_bytes_unref);
  g_mutex_lock (&pipeline->lock);
  job->image = image;
  job->error = error;
  job->done = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->lock);
}

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->original, g_bytes_unref);
  g_clear_pointer (&job->image, werk_image_free);
  g_clear_error (&job->error);
}

static void
job_init (Protocol *p, Job *job, WerkPhoto *photo)
{
  WerkRecord *r = WERK_RECORD (photo);
  gboolean landscape = p->options.photo_layout == WERK_PROTOCOL_PHOTOS_LANDSCAPE;
  const WerkPdfRect *area = landscape ? &p->landscape : &p->portrait;

  werk_image_options_init (&job->options);
  job->options.dpi = p->options.dpi > 0 ? p->options.dpi : WERK_IMAGE_DEFAULT_DPI;
  job->options.quality = p->options.quality > 0 ? p->options.quality : WERK_IMAGE_DEFAULT_QUALITY;
  job->options.rotation = ((int) werk_record_get_int (r, "rotate") / 90 % 4) * 90;
  job->options.clean_up = p->options.clean_up || werk_record_get_bool (r, "enhance");
  job->box_width = area->width;
  job->box_height = (landscape ? area->height : (area->height - PHOTO_GAP) / 2) - CAPTION_ROOM;
}

static guint
n_workers (void)
{
  return CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
}

static void
pipeline_start (Pipeline *pipeline, Protocol *p, GPtrArray *photos)
{
  memset (pipeline, 0, sizeof (*pipeline));
  g_mutex_init (&pipeline->lock);
  g_cond_init (&pipeline->cond);
  pipeline->n_jobs = photos->len;
  pipeline->jobs = g_new0 (Job, MAX (photos->len, 1));
  for (guint i = 0; i < photos->len; i++)
    job_init (p, &pipeline->jobs[i], g_ptr_array_index (photos, i));
  /* Enough ahead to keep every core busy, few enough that only a handful of originals and
   * decoded photos are in memory at any time. */
  pipeline->window = n_workers () + 2;
  pipeline->pool = g_thread_pool_new (prepare_cb, pipeline, (int) n_workers (), FALSE, NULL);
}

/* Reads the original on this thread (the store is not shared), prepares it on a worker. */
static void
pipeline_submit (Pipeline *pipeline, WerkPhoto *photo)
{
  Job *job = &pipeline->jobs[pipeline->submitted++];
  g_autoptr (GError) error = NULL;

  job->original = werk_photo_load_bytes (photo, &job->error);
  if (job->original == NULL)
    {
      job->done = TRUE;
      return;
    }
  if (pipeline->pool == NULL || !g_thread_pool_push (pipeline->pool, job, &error))
    prepare_cb (job, pipeline);
}

/* The next photo in order, once it is ready. */
static Job *
pipeline_next (Pipeline *pipeline, GPtrArray *photos)
{
  Job *job;

  while (pipeline->submitted < pipeline->n_jobs &&
         pipeline->submitted < pipeline->taken + pipeline->window)
    pipeline_submit (pipeline, g_ptr_array_index (photos, pipeline->submitted));
  job = &pipeline->jobs[pipeline->taken++];
  g_mutex_lock (&pipeline->lock);
  while (!job->done)
    g_cond_wait (&pipeline->cond, &pipeline->lock);
  g_mutex_unlock (&pipeline->lock);
  return job;
}

static void
pipeline_stop (Pipeline *pipeline)
{
  /* Photos queued but not started are dropped; those being prepared are waited for. */
  if (pipeline->pool != NULL)
    g_thread_pool_free (pipeline->pool, TRUE, TRUE);
  pipeline->pool = NULL;
  for (guint i = 0; i < pipeline->n_jobs; i++)
    job_clear (&pipeline->jobs[i]);
  g_clear_pointer (&pipeline->jobs, g_free);
  g_mutex_clear (&pipeline->lock);
  g_cond_clear (&pipeline->cond);
}

/* Placing the photos */

static double
photo_height (Protocol *p, gboolean least)
{
  gboolean landscape = p->options.photo_layout == WERK_PROTOCOL_PHOTOS_LANDSCAPE;
  WerkPdfRect area;
  double nominal;

  werk_pdf_get_content_rect (p->pdf, &area);
  nominal = landscape ? area.height : (area.height - PHOTO_GAP) / 2;
  return least ? nominal * (landscape ? 0.75 : 0.8) : nominal;
}

/* The box for the next photo: the rest of a landscape page, or half a portrait page (a little
 * less where a heading took some room), on a new page if too little is left. */
static void
next_photo_box (Protocol *p, WerkPdfRect *box)
{
  double nominal = photo_height (p, FALSE), y;
  WerkPdfRect area;

  werk_pdf_ensure_space (p->pdf, photo_height (p, TRUE));
  werk_pdf_get_content_rect (p->pdf, &area);
  y = werk_pdf_get_y (p->pdf);
  *box = (WerkPdfRect){ area.x, y, area.width, MIN (nominal, area.y + area.height - y) };
}

/* Moves headings to the next page with their first photo if both do not fit here. */
static void
keep_with_photo (Protocol *p, double heading_height)
{
  WerkPdfRect area;

  werk_pdf_get_content_rect (p->pdf, &area);
  werk_pdf_ensure_space (p->pdf, MIN (heading_height + photo_height (p, TRUE), area.height * 0.95));
}

/* Roughly how much an agenda item's heading, speaker and notes take. */
static double
item_heading_height (WerkRecord *item)
{
  double height = ITEM_HEADING;

  if (item != NULL && is_set (text_of (item, "speaker")))
    height += SMALL_LINE;
  if (has_own_notes (item))
    height += (g_utf8_strlen (text_of (item, "notes"), -1) / NOTE_LINE_CHARS + 1) * NOTE_LINE;
  return height;
}

static void
place_photo (Protocol *p, WerkPhoto *photo, Job *job)
{
  const char *caption = text_of (photo, "caption");
  const char *file = text_of (photo, "file");
  g_autoptr (GError) error = NULL;
  WerkPdfRect box;

  next_photo_box (p, &box);
  if (job->image != NULL && werk_pdf_image_at (p->pdf, job->image->jpeg, &box, caption, &error))
    return;
  g_debug ("Photo %s shown as a placeholder: %s", werk_record_get_id (WERK_RECORD (photo)),
           job->error != NULL ? job->error->message
           : error != NULL    ? error->message
                              : "?");
  werk_pdf_placeholder_at (p->pdf, &box, is_set (file) ? file : NULL, caption);
}

static void
add_item_heading (Protocol *p, WerkRecord *item)
{
  const char *speaker;

  if (item == NULL)
    {
      werk_pdf_heading (p->pdf, 2, _ ("Further photos"), NULL);
      return;
    }
  speaker = text_of (item, "speaker");
  werk_pdf_heading (p->pdf, 2, label_of (item), NULL);
  if (is_set (speaker))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SMALL, speaker);
  if (has_own_notes (item))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_BODY, text_of (item, "notes"));
}

static void
add_table_heading (Protocol *p, WerkRecord *table)
{
  const char *host = text_of (table, "host");
  guint round = (guint) werk_record_get_int (table, "round");
  g_autofree char *title = g_strdup_printf (_ ("Table “%s”"), label_of (table));
  GString *facts = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (round > 0)
    g_string_append_printf (facts, _ ("Round %u"), round);
  if (is_set (host))
    g_string_append_printf (facts, "%s%s", facts->len > 0 ? " · " : "", host);
  text = g_string_free (facts, FALSE);
  werk_pdf_heading (p->pdf, 3, title, NULL);
  if (is_set (text))
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_SMALL, text);
}

static void
add_photo_intro (Protocol *p, const Plan *plan)
{
  if (plan->photos->len == 0 && plan->not_consented == 0)
    werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, _ ("No photos were taken."));
  if (plan->not_consented > 0)
    {
      g_autofree char *note = g_strdup_printf (
          ngettext ("%u photo is not shown for lack of consent.",
                    "%u photos are not shown for lack of consent.", plan->not_consented),
          plan->not_consented);

      werk_pdf_paragraph (p->pdf, WERK_PDF_STYLE_ITALIC, note);
    }
}

typedef struct
{
  WerkProtocolProgress cb;
  gpointer user_data;
  guint total;
} Progress;

static void
report (const Progress *progress, guint done)
{
  if (progress->cb != NULL)
    progress->cb (done, progress->total, progress->user_data);
}

static gboolean
add_photo_slots (Protocol *p, const Plan *plan, const Progress *progress, GCancellable *cancellable,
                 GError **error)
{
  Pipeline pipeline;
  WerkRecord *item = NULL, *table = NULL;
  gboolean ok = TRUE;
  guint done = 0;

  pipeline_start (&pipeline, p, plan->photos);
  for (guint i = 0; i < plan->slots->len && ok; i++)
    {
      const Slot *slot = &g_array_index (plan->slots, Slot, i);
      Job *job;

      gboolean new_item = i == 0 || slot->item != item;
      gboolean new_table = slot->table != NULL && (new_item || slot->table != table);

      if (slot->photo != NULL && (new_item || new_table))
        keep_with_photo (p, (new_item ? item_heading_height (slot->item) : 0) +
                                (new_table ? TABLE_HEADING : 0));
      if (new_item)
        add_item_heading (p, slot->item);
      if (slot->photo != NULL && new_table)
        add_table_heading (p, slot->table);
      item = slot->item;
      table = slot->table;
      if (slot->photo == NULL)
        continue;
      job = pipeline_next (&pipeline, plan->photos);
      place_photo (p, slot->photo, job);
      job_clear (job);
      report (progress, ++done);
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  pipeline_stop (&pipeline);
  return ok;
}

static gboolean
add_photos (Protocol *p, const Plan *plan, const Progress *progress, GCancellable *cancellable,
            GError **error)
{
  if (p->options.photo_layout == WERK_PROTOCOL_PHOTOS_LANDSCAPE && plan->photos->len > 0)
    werk_pdf_add_page (p->pdf, WERK_PDF_LANDSCAPE);
  else
    werk_pdf_page_break (p->pdf);
  werk_pdf_heading (p->pdf, 1, _ ("Photo documentation"), NULL);
  add_photo_intro (p, plan);
  return add_photo_slots (p, plan, progress, cancellable, error);
}

/* Export */

static void
add_results (Protocol *p)
{
  werk_pdf_set_numbered_headings (p->pdf, TRUE);
  werk_pdf_page_break (p->pdf);
  add_agenda (p);
  add_challenges (p);
  add_fields (p);
  add_measures (p);
  add_voting (p);
  add_next_steps (p);
}

static gboolean
check_folder (const char *path, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = NULL;

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  display = g_filename_display_name (folder);
  g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
               _ ("The folder “%s” does not exist; the protocol was not saved."), display);
  return FALSE;
}

void
werk_protocol_options_init (WerkProtocolOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (WerkProtocolOptions){ WERK_PROTOCOL_PHOTOS_TWO_PER_PAGE, FALSE,
                                    WERK_IMAGE_DEFAULT_QUALITY, WERK_IMAGE_DEFAULT_DPI };
}

static gboolean
write_protocol (Protocol *p, const Plan *plan, const char *path, const Progress *progress,
                GCancellable *cancellable, GError **error)
{
  if (!new_document (p, error))
    return FALSE;
  report (progress, 0);
  add_cover (p);
  add_results (p);
  if (!add_photos (p, plan, progress, cancellable, error))
    return FALSE;
  werk_pdf_insert_toc (p->pdf, _ ("Contents"), 1, 2);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !werk_pdf_save (p->pdf, path, error))
    return FALSE;
  report (progress, progress->total);
  return TRUE;
}

gboolean
werk_protocol_export (WerkStore *store, WerkWorkshop *workshop, const WerkProtocolOptions *options,
                      const char *path, WerkProtocolProgress progress_cb, gpointer user_data,
                      GCancellable *cancellable, GError **error)
{
  Protocol p = { 0 };
  Plan plan = { 0 };
  Progress progress = { progress_cb, user_data, 0 };
  gboolean ok;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (WERK_IS_WORKSHOP (workshop), FALSE);
  g_return_val_if_fail (werk_record_get_store (WERK_RECORD (workshop)) == store, FALSE);
  g_return_val_if_fail (
      options == NULL || options->photo_layout <= WERK_PROTOCOL_PHOTOS_TWO_PER_PAGE, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_folder (path, error))
    return FALSE;
  protocol_init (&p, store, workshop, options);
  plan_build (&p, &plan);
  progress.total = plan.photos->len + 1;
  ok = write_protocol (&p, &plan, path, &progress, cancellable, error);
  plan_clear (&plan);
  protocol_clear (&p);
  return ok;
}

gboolean
werk_protocol_export_file (WerkStore *store, const char *workshop_id, const char *path,
                           GError **error)
{
  WerkRecord *workshop;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (workshop_id != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  workshop = werk_store_lookup (store, workshop_id);
  if (!WERK_IS_WORKSHOP (workshop))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                   _ ("There is no workshop with the id “%s” in this file."), workshop_id);
      return FALSE;
    }
  return werk_protocol_export (store, WERK_WORKSHOP (workshop), NULL, path, NULL, NULL, NULL,
                               error);
}
