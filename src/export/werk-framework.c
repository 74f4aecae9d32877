/* werk-framework.c: the strategy framework: one walk over the process, rendered as PDF, ODT or
 * Markdown.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "werk-framework.h"
#include "werk-odt.h"
#include "werk-pdf.h"

/* ---------------------------------------------------------------------------------------- */
/* Shared small helpers                                                                     */

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
is_dropped (WerkRecord *measure)
{
  return werk_record_get_int (measure, "status") == WERK_STATUS_DROPPED;
}

static int
compare_dates (gconstpointer a, gconstpointer b)
{
  const char *da = werk_record_get_string (*(WerkRecord **) a, "date");
  const char *db = werk_record_get_string (*(WerkRecord **) b, "date");

  return g_strcmp0 (da, db);
}

/* The workshops oldest first: the history reads forward, and later votes overrule earlier. */
static GPtrArray *
workshops_by_date (WerkStore *store)
{
  GListModel *list = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  GPtrArray *workshops = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (WerkRecord) workshop = g_list_model_get_item (list, i);
      g_ptr_array_add (workshops, workshop);
    }
  /* GLib's sort is a stable merge sort: workshops without a date keep the file's order. */
  g_ptr_array_sort (workshops, compare_dates);
  return workshops;
}

/* A workshop as a reader identifies it: "Strategiestarter: … (14.07.2026)". */
static char *
describe_workshop (WerkRecord *workshop)
{
  g_autofree char *date = werk_format_date (werk_record_get_string (workshop, "date"));

  if (date == NULL)
    return g_strdup (werk_record_get_label (workshop));
  return g_strdup_printf ("%s (%s)", werk_record_get_label (workshop), date);
}

/* ---------------------------------------------------------------------------------------- */
/* Priorities from dot-voting                                                               */

static void
add_round_priorities (GHashTable *priorities, WerkVotingRound *round)
{
  g_autoptr (GArray) ranked = NULL;

  if (werk_record_get_int (WERK_RECORD (round), "on") != WERK_VOTE_ON_MEASURES ||
      werk_record_get_int (WERK_RECORD (round), "state") == WERK_ROUND_OPEN ||
      werk_voting_round_is_hidden (round))
    return;
  ranked = werk_voting_round_rank (round);
  for (guint i = 0; ranked != NULL && i < ranked->len; i++)
    {
      WerkRankedItem *item = &g_array_index (ranked, WerkRankedItem, i);
      WerkPriority *p = g_new0 (WerkPriority, 1);

      *p = (WerkPriority){ round, item->dots, item->rank, ranked->len, item->tie };
      g_hash_table_replace (priorities, item->item, p);
    }
}

/* Each measure's priority in the latest revealed or closed round it was on. */
static GHashTable *
collect_priorities (WerkStore *store, GPtrArray *workshops)
{
  GHashTable *priorities = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint w = 0; w < workshops->len; w++)
    {
      GListModel *rounds =
          werk_store_get_list (store, WERK_KIND_VOTING_ROUND, g_ptr_array_index (workshops, w));

      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr (WerkVotingRound) round = g_list_model_get_item (rounds, r);
          add_round_priorities (priorities, round);
        }
    }
  return priorities;
}

/* ---------------------------------------------------------------------------------------- */
/* The outline: fields, their guiding goals and the measures under them, numbered           */

typedef struct
{
  WerkGoal *goal; /* NULL for a field's measures without a guiding goal */
  char *number;
  GPtrArray *entries; /* WerkFrameworkEntry, borrowed from Outline.entries */
} GoalNode;

typedef struct
{
  WerkField *field; /* NULL for the measures without a field */
  char *number;
  GPtrArray *goals; /* GoalNode */
  GoalNode *loose;  /* measures of the field linked to none of its guiding goals */
} FieldNode;

typedef struct
{
  WerkStore *store;
  gboolean with_dropped;
  GPtrArray *workshops;  /* by date */
  GPtrArray *fields;     /* FieldNode; a last one with field NULL if needed */
  GPtrArray *core_goals; /* WerkGoal */
  GPtrArray *entries;    /* WerkFrameworkEntry, in document order, once numbered */
  GHashTable *field_nodes;
  GHashTable *goal_nodes;
  GHashTable *priorities;
} Outline;

static void
goal_node_free (gpointer data)
{
  GoalNode *node = data;

  g_free (node->number);
  g_ptr_array_unref (node->entries);
  g_free (node);
}

static GoalNode *
goal_node_new (WerkGoal *goal)
{
  GoalNode *node = g_new0 (GoalNode, 1);

  node->goal = goal;
  node->entries = g_ptr_array_new ();
  return node;
}

static void
field_node_free (gpointer data)
{
  FieldNode *node = data;

  g_free (node->number);
  g_ptr_array_unref (node->goals);
  g_clear_pointer (&node->loose, goal_node_free);
  g_free (node);
}

static FieldNode *
field_node_new (WerkField *field)
{
  FieldNode *node = g_new0 (FieldNode, 1);

  node->field = field;
  node->goals = g_ptr_array_new_with_free_func (goal_node_free);
  return node;
}

static void
entry_free (gpointer data)
{
  WerkFrameworkEntry *entry = data;

  g_free ((char *) entry->number);
  g_free ((char *) entry->goals);
  g_free (entry);
}

static void
outline_free (Outline *o)
{
  g_ptr_array_unref (o->workshops);
  g_ptr_array_unref (o->fields);
  g_ptr_array_unref (o->core_goals);
  g_clear_pointer (&o->entries, g_ptr_array_unref);
  g_hash_table_unref (o->field_nodes);
  g_hash_table_unref (o->goal_nodes);
  g_hash_table_unref (o->priorities);
  g_free (o);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outline, outline_free)

static void
add_goal (Outline *o, WerkGoal *goal)
{
  WerkRecord *field = werk_record_get_ref (WERK_RECORD (goal), "field");
  FieldNode *fnode = field != NULL ? g_hash_table_lookup (o->field_nodes, field) : NULL;

  if (werk_record_get_int (WERK_RECORD (goal), "level") == WERK_GOAL_CORE || fnode == NULL)
    {
      g_ptr_array_add (o->core_goals, goal);
      return;
    }
  g_ptr_array_add (fnode->goals, goal_node_new (goal));
  g_hash_table_insert (o->goal_nodes, goal,
                       g_ptr_array_index (fnode->goals, fnode->goals->len - 1));
}

/* The guiding goal a measure is listed under: the first it names of its own field. */
static GoalNode *
home_goal (Outline *o, WerkRecord *measure, WerkRecord *field)
{
  const char *const *ids = werk_record_get_strv (measure, "goals");

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WerkRecord *goal = werk_store_lookup (o->store, ids[i]);
      GoalNode *node = goal != NULL ? g_hash_table_lookup (o->goal_nodes, goal) : NULL;

      if (node != NULL && (field == NULL || werk_record_get_ref (goal, "field") == field))
        return node;
    }
  return NULL;
}

static FieldNode *
no_field_node (Outline *o)
{
  FieldNode *last = o->fields->len > 0 ? g_ptr_array_index (o->fields, o->fields->len - 1) : NULL;

  if (last != NULL && last->field == NULL)
    return last;
  last = field_node_new (NULL);
  last->loose = goal_node_new (NULL);
  g_ptr_array_add (o->fields, last);
  return last;
}

static void
place_measure (Outline *o, WerkRecord *measure)
{
  WerkFrameworkEntry *entry = g_new0 (WerkFrameworkEntry, 1);
  WerkRecord *field = werk_record_get_ref (measure, "field");
  GoalNode *gnode = home_goal (o, measure, field);
  WerkPriority *priority = g_hash_table_lookup (o->priorities, measure);

  if (field == NULL && gnode != NULL)
    field = werk_record_get_ref (WERK_RECORD (gnode->goal), "field");
  entry->measure = WERK_MEASURE (measure);
  entry->field = field != NULL ? WERK_FIELD (field) : NULL;
  entry->goal = gnode != NULL ? gnode->goal : NULL;
  if (priority != NULL)
    entry->priority = *priority;

  if (gnode == NULL)
    {
      FieldNode *fnode = field != NULL ? g_hash_table_lookup (o->field_nodes, field) : NULL;

      if (fnode == NULL)
        fnode = no_field_node (o);
      if (fnode->loose == NULL)
        fnode->loose = goal_node_new (NULL);
      gnode = fnode->loose;
    }
  g_ptr_array_add (gnode->entries, entry);
}

/* Dropped measures go last in their group, so that the others' numbers never depend on
 * whether the dropped ones are shown. */
static void
place_measures (Outline *o)
{
  GListModel *measures = werk_store_get_list (o->store, WERK_KIND_MEASURE, NULL);

  for (int pass = 0; pass < (o->with_dropped ? 2 : 1); pass++)
    for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
      {
        g_autoptr (WerkRecord) measure = g_list_model_get_item (measures, i);

        if (is_dropped (measure) == (pass == 1))
          place_measure (o, measure);
      }
}

static void
number_entries (GoalNode *node, GPtrArray *ordered)
{
  for (guint k = 0; k < node->entries->len; k++)
    {
      WerkFrameworkEntry *entry = g_ptr_array_index (node->entries, k);

      entry->number = g_strdup_printf ("%s.%u", node->number, k + 1);
      g_ptr_array_add (ordered, entry);
    }
}

static void
number_field (FieldNode *fnode, guint index, GPtrArray *ordered)
{
  fnode->number = g_strdup_printf ("%u", index + 1);
  for (guint j = 0; j < fnode->goals->len; j++)
    {
      GoalNode *gnode = g_ptr_array_index (fnode->goals, j);

      gnode->number = g_strdup_printf ("%s.%u", fnode->number, j + 1);
      number_entries (gnode, ordered);
    }
  if (fnode->loose == NULL)
    return;
  /* Without a field there are no guiding goals: the measures sit right under the heading. */
  if (fnode->field == NULL)
    fnode->loose->number = g_strdup (fnode->number);
  else
    fnode->loose->number = g_strdup_printf ("%s.%u", fnode->number, fnode->goals->len + 1);
  number_entries (fnode->loose, ordered);
}

static char *
core_goal_name (Outline *o, WerkGoal *goal)
{
  guint index = 0;

  g_ptr_array_find (o->core_goals, goal, &index);
  /* Translators: a short name for an overarching core goal in tables and references */
  return g_strdup_printf (_ ("Core goal %u"), index + 1);
}

/* "1.1, 2.3, core goal 2": each goal a measure serves, named as the framework names it. */
static char *
describe_goals (Outline *o, WerkRecord *measure)
{
  const char *const *ids = werk_record_get_strv (measure, "goals");
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WerkRecord *goal = werk_store_lookup (o->store, ids[i]);
      GoalNode *node = goal != NULL ? g_hash_table_lookup (o->goal_nodes, goal) : NULL;

      if (node != NULL)
        g_ptr_array_add (names, g_strdup (node->number));
      else if (goal != NULL && g_ptr_array_find (o->core_goals, goal, NULL))
        g_ptr_array_add (names, core_goal_name (o, WERK_GOAL (goal)));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* Numbers the nodes and collects the entries, which the nodes only borrow, in document order. */
static void
number_outline (Outline *o)
{
  GPtrArray *ordered = g_ptr_array_new_with_free_func (entry_free);

  for (guint i = 0; i < o->fields->len; i++)
    number_field (g_ptr_array_index (o->fields, i), i, ordered);
  for (guint i = 0; i < ordered->len; i++)
    {
      WerkFrameworkEntry *entry = g_ptr_array_index (ordered, i);
      entry->goals = describe_goals (o, WERK_RECORD (entry->measure));
    }
  o->entries = ordered;
}

static Outline *
outline_new (WerkStore *store, gboolean with_dropped)
{
  Outline *o = g_new0 (Outline, 1);
  GListModel *fields = werk_store_get_list (store, WERK_KIND_FIELD, NULL);
  GListModel *goals = werk_store_get_list (store, WERK_KIND_GOAL, NULL);

  o->store = store;
  o->with_dropped = with_dropped;
  o->workshops = workshops_by_date (store);
  o->fields = g_ptr_array_new_with_free_func (field_node_free);
  o->core_goals = g_ptr_array_new ();
  o->field_nodes = g_hash_table_new (NULL, NULL);
  o->goal_nodes = g_hash_table_new (NULL, NULL);
  o->priorities = collect_priorities (store, o->workshops);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr (WerkField) field = g_list_model_get_item (fields, i);
      g_ptr_array_add (o->fields, field_node_new (field));
      g_hash_table_insert (o->field_nodes, field, g_ptr_array_index (o->fields, i));
    }
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr (WerkGoal) goal = g_list_model_get_item (goals, i);
      add_goal (o, goal);
    }
  place_measures (o);
  number_outline (o);
  return o;
}

/**
 * werk_framework_list_measures:
 *
 * Returns: (transfer full) (element-type WerkFrameworkEntry): the measures as the framework
 * lists them; the entries' records belong to @store.
 */
GPtrArray *
werk_framework_list_measures (WerkStore *store, gboolean with_dropped)
{
  g_autoptr (Outline) o = NULL;

  g_return_val_if_fail (WERK_IS_STORE (store), NULL);

  o = outline_new (store, with_dropped);
  return g_steal_pointer (&o->entries);
}

/* ---------------------------------------------------------------------------------------- */
/* Sinks: what the walk says, each format in its own way                                    */

typedef enum
{
  TEXT_BODY,
  TEXT_NOTE,
  TEXT_QUOTE,
  TEXT_LABEL, /* a short bold line above a list, e.g. "Challenges" */
} TextKind;

typedef enum
{
  LOOK_PLAIN,
  LOOK_NUMBER,
  LOOK_MARK,
  LOOK_GREEN,
  LOOK_YELLOW,
  LOOK_RED,
} CellLook;

typedef struct
{
  char *text; /* lines separated by '\n' */
  CellLook look;
} Cell;

typedef struct
{
  const char *title;
  const char *subtitle;
  const char *footer;
  GPtrArray *facts; /* label, value, label, value, … */
  GDateTime *date;
} Cover;

typedef struct _Sink Sink;

typedef struct
{
  void (*cover) (Sink *sink, const Cover *cover);
  void (*heading) (Sink *sink, guint level, const char *number, const char *text,
                   const char *color);
  void (*text) (Sink *sink, TextKind kind, const char *text);
  void (*label_value) (Sink *sink, const char *label, const char *value);
  void (*list_item) (Sink *sink, const char *text);
  void (*table_begin) (Sink *sink, guint n_columns, const double *widths,
                       const char *const *header);
  void (*table_row) (Sink *sink, const Cell *cells, gboolean total);
  void (*table_end) (Sink *sink);
  void (*page_break) (Sink *sink);
  void (*keep_lines) (Sink *sink, guint n_lines); /* on one page if they fit on an empty one */
  gboolean (*save) (Sink *sink, const char *path, GError **error);
  void (*free) (Sink *sink);
} SinkOps;

struct _Sink
{
  const SinkOps *ops;
  guint n_columns; /* of the table being written */
};

static void
sink_free (Sink *sink)
{
  sink->ops->free (sink);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sink, sink_free)

/* Pages are the word processor's business in ODT, and Markdown has none. */
static void
no_keep_lines (Sink *sink, guint n_lines)
{
}

static char *
heading_text (const char *number, const char *text)
{
  return number != NULL ? g_strdup_printf ("%s %s", number, text) : g_strdup (text);
}

/* PDF --------------------------------------------------------------------------------------- */

typedef struct
{
  Sink sink;
  WerkPdf *pdf;
  gboolean numbered;
} PdfSink;

#define PDF_KEY_WIDTH 118.0

static void
pdf_cover (Sink *sink, const Cover *cover)
{
  WerkPdf *pdf = ((PdfSink *) sink)->pdf;
  WerkPdfRect content, bar;

  werk_pdf_set_footer (pdf, cover->footer, TRUE);
  werk_pdf_get_content_rect (pdf, &content);
  bar = (WerkPdfRect){ content.x, content.y + 150, 56, 6 };
  werk_pdf_fill_rect (pdf, &bar, WERK_PDF_ACCENT);
  werk_pdf_space (pdf, 175);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_TITLE, cover->title);
  werk_pdf_space (pdf, 6);
  werk_pdf_paragraph (pdf, WERK_PDF_STYLE_SUBTITLE, cover->subtitle);
  werk_pdf_space (pdf, 40);
  for (guint i = 0; i + 1 < cover->facts->len; i += 2)
    {
      g_autofree char *key = g_strconcat (g_ptr_array_index (cover->facts, i), ":", NULL);
      werk_pdf_key_value (pdf, key, g_ptr_array_index (cover->facts, i + 1), PDF_KEY_WIDTH);
    }
  werk_pdf_page_break (pdf);
}

/* The engine numbers headings itself (with hanging numbers in the contents); it is switched
 * on exactly for the headings the walk numbers, so that both count alike. */
static void
pdf_heading (Sink *sink, guint level, const char *number, const char *text, const char *color)
{
  PdfSink *self = (PdfSink *) sink;

  if ((number != NULL) != self->numbered)
    {
      self->numbered = number != NULL;
      werk_pdf_set_numbered_headings (self->pdf, self->numbered);
    }
  werk_pdf_heading (self->pdf, level, text, color);
}

static void
pdf_text (Sink *sink, TextKind kind, const char *text)
{
  static const WerkPdfStyle styles[] = {
    [TEXT_BODY] = WERK_PDF_STYLE_BODY,
    [TEXT_NOTE] = WERK_PDF_STYLE_SMALL,
    [TEXT_QUOTE] = WERK_PDF_STYLE_ITALIC,
    [TEXT_LABEL] = WERK_PDF_STYLE_BOLD,
  };
  WerkPdf *pdf = ((PdfSink *) sink)->pdf;

  if (kind == TEXT_LABEL)
    werk_pdf_space (pdf, 4);
  werk_pdf_paragraph (pdf, styles[kind], text);
}

static void
pdf_label_value (Sink *sink, const char *label, const char *value)
{
  g_autofree char *key = g_strconcat (label, ":", NULL);

  werk_pdf_key_value (((PdfSink *) sink)->pdf, key, value, PDF_KEY_WIDTH);
}

static void
pdf_list_item (Sink *sink, const char *text)
{
  werk_pdf_list_item (((PdfSink *) sink)->pdf, "•", text);
}

static void
pdf_table_begin (Sink *sink, guint n_columns, const double *widths, const char *const *header)
{
  g_autofree WerkPdfColumn *columns = g_new0 (WerkPdfColumn, n_columns);

  for (guint i = 0; i < n_columns; i++)
    columns[i] = (WerkPdfColumn){ widths[i], WERK_PDF_ALIGN_LEFT };
  werk_pdf_table_begin (((PdfSink *) sink)->pdf, columns, n_columns, header,
                        WERK_PDF_TABLE_FIRST_COLUMN_BOLD);
}

static void
pdf_table_row (Sink *sink, const Cell *cells, gboolean total)
{
  static const char *const fills[] = {
    [LOOK_PLAIN] = NULL,      [LOOK_NUMBER] = NULL,      [LOOK_MARK] = "#e8f0fb",
    [LOOK_GREEN] = "#cdeccf", [LOOK_YELLOW] = "#fbeaa5", [LOOK_RED] = "#f6c7c1",
  };
  g_autofree const char **texts = g_new0 (const char *, sink->n_columns + 1);
  g_autofree const char **colors = g_new0 (const char *, sink->n_columns + 1);

  for (guint i = 0; i < sink->n_columns; i++)
    {
      texts[i] = cells[i].text;
      colors[i] = fills[cells[i].look];
    }
  werk_pdf_table_row_full (((PdfSink *) sink)->pdf, texts,
                           total ? WERK_PDF_ROW_BOLD : WERK_PDF_ROW_NONE, colors);
}

static void
pdf_table_end (Sink *sink)
{
  werk_pdf_table_end (((PdfSink *) sink)->pdf);
  werk_pdf_space (((PdfSink *) sink)->pdf, 6);
}

static void
pdf_page_break (Sink *sink)
{
  werk_pdf_page_break (((PdfSink *) sink)->pdf);
}

/* A line of body text or a table row, in points: a hint that need not be exact. */
#define PDF_LINE_HEIGHT 17.0

static void
pdf_keep_lines (Sink *sink, guint n_lines)
{
  werk_pdf_ensure_space (((PdfSink *) sink)->pdf, n_lines * PDF_LINE_HEIGHT);
}

static gboolean
pdf_save (Sink *sink, const char *path, GError **error)
{
  WerkPdf *pdf = ((PdfSink *) sink)->pdf;

  /* Fields and guiding goals: the measures are in the bookmarks, not in the contents. */
  werk_pdf_insert_toc (pdf, _ ("Contents"), 1, 2);
  return werk_pdf_check (pdf, error) && werk_pdf_save (pdf, path, error);
}

static void
pdf_free (Sink *sink)
{
  g_clear_object (&((PdfSink *) sink)->pdf);
  g_free (sink);
}

static const SinkOps pdf_ops = {
  .cover = pdf_cover,
  .heading = pdf_heading,
  .text = pdf_text,
  .label_value = pdf_label_value,
  .list_item = pdf_list_item,
  .table_begin = pdf_table_begin,
  .table_row = pdf_table_row,
  .table_end = pdf_table_end,
  .page_break = pdf_page_break,
  .keep_lines = pdf_keep_lines,
  .save = pdf_save,
  .free = pdf_free,
};

static Sink *
pdf_sink_new (const char *title, const char *municipality, GError **error)
{
  PdfSink *self;
  WerkPdf *pdf = werk_pdf_new (title, municipality, _ ("Strategic framework"), error);

  if (pdf == NULL)
    return NULL;
  self = g_new0 (PdfSink, 1);
  self->sink.ops = &pdf_ops;
  self->pdf = pdf;
  return &self->sink;
}

/* ODT --------------------------------------------------------------------------------------- */

typedef struct
{
  Sink sink;
  WerkOdt *odt;
} OdtSink;

static void
odt_cover (Sink *sink, const Cover *cover)
{
  WerkOdt *odt = ((OdtSink *) sink)->odt;

  werk_odt_set_title (odt, cover->title);
  werk_odt_set_subject (odt, cover->subtitle);
  werk_odt_set_creator (odt, "Werkstatt");
  werk_odt_set_creation_date (odt, cover->date);
  werk_odt_set_footer (odt, cover->footer);
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_TITLE, cover->title);
  werk_odt_add_paragraph (odt, WERK_ODT_STYLE_SUBTITLE, cover->subtitle);
  for (guint i = 0; i + 1 < cover->facts->len; i += 2)
    werk_odt_add_label_value (odt, g_ptr_array_index (cover->facts, i),
                              g_ptr_array_index (cover->facts, i + 1));
  werk_odt_add_page_break (odt);
  werk_odt_add_table_of_contents (odt, _ ("Contents"));
  werk_odt_add_page_break (odt);
}

static void
odt_heading (Sink *sink, guint level, const char *number, const char *text, const char *color)
{
  g_autofree char *full = heading_text (number, text);

  werk_odt_add_heading (((OdtSink *) sink)->odt, level, full);
}

static void
odt_text (Sink *sink, TextKind kind, const char *text)
{
  static const WerkOdtStyle styles[] = {
    [TEXT_BODY] = WERK_ODT_STYLE_BODY,
    [TEXT_NOTE] = WERK_ODT_STYLE_NOTE,
    [TEXT_QUOTE] = WERK_ODT_STYLE_QUOTE,
  };
  WerkOdt *odt = ((OdtSink *) sink)->odt;

  /* A label is the "Label" character style of a label/value line with nothing after it. */
  if (kind == TEXT_LABEL)
    werk_odt_add_label_value (odt, text, "");
  else
    werk_odt_add_paragraph (odt, styles[kind], text);
}

static void
odt_label_value (Sink *sink, const char *label, const char *value)
{
  werk_odt_add_label_value (((OdtSink *) sink)->odt, label, value);
}

static void
odt_list_item (Sink *sink, const char *text)
{
  werk_odt_add_list_item (((OdtSink *) sink)->odt, text);
}

static void
odt_table_begin (Sink *sink, guint n_columns, const double *widths, const char *const *header)
{
  WerkOdt *odt = ((OdtSink *) sink)->odt;

  werk_odt_begin_table (odt, n_columns, widths);
  werk_odt_add_header_row (odt, header);
}

static void
odt_table_row (Sink *sink, const Cell *cells, gboolean total)
{
  static const WerkOdtCell looks[] = {
    [LOOK_PLAIN] = WERK_ODT_CELL_PLAIN,   [LOOK_NUMBER] = WERK_ODT_CELL_NUMBER,
    [LOOK_MARK] = WERK_ODT_CELL_MARK,     [LOOK_GREEN] = WERK_ODT_CELL_GREEN,
    [LOOK_YELLOW] = WERK_ODT_CELL_YELLOW, [LOOK_RED] = WERK_ODT_CELL_RED,
  };
  WerkOdt *odt = ((OdtSink *) sink)->odt;

  werk_odt_begin_row (odt);
  for (guint i = 0; i < sink->n_columns; i++)
    werk_odt_add_cell (odt, looks[cells[i].look], cells[i].text);
}

static void
odt_table_end (Sink *sink)
{
  werk_odt_end_table (((OdtSink *) sink)->odt);
}

static void
odt_page_break (Sink *sink)
{
  werk_odt_add_page_break (((OdtSink *) sink)->odt);
}

static gboolean
odt_save (Sink *sink, const char *path, GError **error)
{
  return werk_odt_save (((OdtSink *) sink)->odt, path, error);
}

static void
odt_free (Sink *sink)
{
  g_clear_object (&((OdtSink *) sink)->odt);
  g_free (sink);
}

static const SinkOps odt_ops = {
  .cover = odt_cover,
  .heading = odt_heading,
  .text = odt_text,
  .label_value = odt_label_value,
  .list_item = odt_list_item,
  .table_begin = odt_table_begin,
  .table_row = odt_table_row,
  .table_end = odt_table_end,
  .page_break = odt_page_break,
  .keep_lines = no_keep_lines,
  .save = odt_save,
  .free = odt_free,
};

static Sink *
odt_sink_new (void)
{
  OdtSink *self = g_new0 (OdtSink, 1);

  self->sink.ops = &odt_ops;
  self->odt = werk_odt_new ();
  return &self->sink;
}

/* Markdown ---------------------------------------------------------------------------------- */

typedef struct
{
  Sink sink;
  GString *out;
  gboolean in_list;
} MdSink;

/* Whether @p, at the start of a line, would begin a heading, list, quote or rule. */
static gsize
md_block_marker (const char *p)
{
  gsize digits = strspn (p, "0123456789");

  if (strchr ("#+-*=>", *p) != NULL && *p != '\0')
    return 1;
  if (digits > 0 && (p[digits] == '.' || p[digits] == ')'))
    return digits + 1;
  return 0;
}

typedef enum
{
  MD_INLINE = 0,          /* after other text on its line: a heading's, a label's, a cell's */
  MD_LINE_START = 1 << 0, /* escape what would start a block: a list, a heading */
  MD_ONE_LINE = 1 << 1,   /* line breaks become "<br>": a list item, a table cell */
} MdEscape;

/* User text as literal Markdown: inline specials are escaped, and so is what would start a
 * block at the beginning of a line. */
static void
md_append_escaped (GString *out, const char *text, MdEscape how)
{
  gboolean line_start = (how & MD_LINE_START) != 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          gsize marker;

          p += strspn (p, " \t");
          marker = md_block_marker (p);
          if (marker > 0)
            {
              g_string_append_len (out, p, marker - 1);
              g_string_append_c (out, '\\');
              g_string_append_c (out, p[marker - 1]);
              p += marker - 1;
              line_start = FALSE;
              continue;
            }
          if (*p == '\0')
            break;
        }
      line_start = *p == '\n' && !(how & MD_ONE_LINE);
      if (*p == '\n' && (how & MD_ONE_LINE))
        g_string_append (out, "<br>");
      else if (*p == '\r')
        line_start = TRUE;
      else if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '&' && (g_ascii_isalnum (p[1]) || p[1] == '#'))
        g_string_append (out, "&amp;");
      else
        g_string_append_c (out, *p);
    }
}

static void
md_begin_block (MdSink *self, gboolean list)
{
  if (self->out->len > 0 && !(list && self->in_list))
    g_string_append_c (self->out, '\n');
  self->in_list = list;
}

static void
md_heading_line (MdSink *self, guint level, const char *text)
{
  md_begin_block (self, FALSE);
  for (guint i = 0; i < level; i++)
    g_string_append_c (self->out, '#');
  g_string_append_c (self->out, ' ');
  md_append_escaped (self->out, text, MD_ONE_LINE);
  g_string_append_c (self->out, '\n');
}

static void
md_label_value (Sink *sink, const char *label, const char *value)
{
  MdSink *self = (MdSink *) sink;

  md_begin_block (self, TRUE);
  g_string_append (self->out, "- **");
  md_append_escaped (self->out, label, MD_ONE_LINE);
  g_string_append (self->out, ":** ");
  md_append_escaped (self->out, value, MD_ONE_LINE);
  g_string_append_c (self->out, '\n');
}

static void
md_cover (Sink *sink, const Cover *cover)
{
  MdSink *self = (MdSink *) sink;

  md_heading_line (self, 1, cover->title);
  md_begin_block (self, FALSE);
  g_string_append (self->out, "**");
  md_append_escaped (self->out, cover->subtitle, MD_ONE_LINE);
  g_string_append (self->out, "**\n");
  for (guint i = 0; i + 1 < cover->facts->len; i += 2)
    md_label_value (sink, g_ptr_array_index (cover->facts, i),
                    g_ptr_array_index (cover->facts, i + 1));
}

/* The document's title is the one "#": the walk's levels sit one below it. */
static void
md_heading (Sink *sink, guint level, const char *number, const char *text, const char *color)
{
  g_autofree char *full = heading_text (number, text);

  md_heading_line ((MdSink *) sink, level + 1, full);
}

static void
md_text (Sink *sink, TextKind kind, const char *text)
{
  static const char *const wraps[] = {
    [TEXT_BODY] = "", [TEXT_NOTE] = "*", [TEXT_QUOTE] = "", [TEXT_LABEL] = "**"
  };
  MdSink *self = (MdSink *) sink;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  md_begin_block (self, FALSE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (kind == TEXT_QUOTE)
        g_string_append (self->out, "> ");
      g_string_append (self->out, wraps[kind]);
      md_append_escaped (self->out, g_strstrip (lines[i]),
                         kind == TEXT_BODY ? MD_LINE_START : MD_INLINE);
      g_string_append (self->out, wraps[kind]);
      /* Two spaces keep the author's line break. */
      g_string_append (self->out, lines[i + 1] != NULL ? "  \n" : "\n");
    }
}

static void
md_list_item (Sink *sink, const char *text)
{
  MdSink *self = (MdSink *) sink;

  md_begin_block (self, TRUE);
  g_string_append (self->out, "- ");
  md_append_escaped (self->out, text, MD_LINE_START | MD_ONE_LINE);
  g_string_append_c (self->out, '\n');
}

static void
md_row (MdSink *self, guint n, const char *const *texts)
{
  g_string_append_c (self->out, '|');
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (self->out, ' ');
      md_append_escaped (self->out, texts[i] != NULL ? texts[i] : "", MD_ONE_LINE);
      g_string_append (self->out, " |");
    }
  g_string_append_c (self->out, '\n');
}

static void
md_table_begin (Sink *sink, guint n_columns, const double *widths, const char *const *header)
{
  MdSink *self = (MdSink *) sink;

  md_begin_block (self, FALSE);
  md_row (self, n_columns, header);
  for (guint i = 0; i < n_columns; i++)
    g_string_append (self->out, "| --- ");
  g_string_append (self->out, "|\n");
}

static void
md_table_row (Sink *sink, const Cell *cells, gboolean total)
{
  g_autofree const char **texts = g_new0 (const char *, sink->n_columns);

  for (guint i = 0; i < sink->n_columns; i++)
    texts[i] = cells[i].text;
  md_row ((MdSink *) sink, sink->n_columns, texts);
}

static void
md_table_end (Sink *sink)
{
}

static void
md_page_break (Sink *sink)
{
}

static gboolean
md_save (Sink *sink, const char *path, GError **error)
{
  MdSink *self = (MdSink *) sink;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents (path, self->out->str, self->out->len, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("Could not save “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
md_free (Sink *sink)
{
  g_string_free (((MdSink *) sink)->out, TRUE);
  g_free (sink);
}

static const SinkOps md_ops = {
  .cover = md_cover,
  .heading = md_heading,
  .text = md_text,
  .label_value = md_label_value,
  .list_item = md_list_item,
  .table_begin = md_table_begin,
  .table_row = md_table_row,
  .table_end = md_table_end,
  .page_break = md_page_break,
  .keep_lines = no_keep_lines,
  .save = md_save,
  .free = md_free,
};

static Sink *
md_sink_new (void)
{
  MdSink *self = g_new0 (MdSink, 1);

  self->sink.ops = &md_ops;
  self->out = g_string_sized_new (64 * 1024);
  return &self->sink;
}

/* ---------------------------------------------------------------------------------------- */
/* The walk                                                                                 */

typedef struct
{
  Outline *o;
  Sink *sink;
} Walk;

static void
heading (Walk *w, guint level, const char *number, const char *text, const char *color)
{
  w->sink->ops->heading (w->sink, level, number, text, color);
}

static void
text (Walk *w, TextKind kind, const char *text)
{
  if (!is_empty (text))
    w->sink->ops->text (w->sink, kind, text);
}

static void
label_value (Walk *w, const char *label, const char *value)
{
  if (!is_empty (value))
    w->sink->ops->label_value (w->sink, label, value);
}

static void
list_item (Walk *w, const char *text)
{
  w->sink->ops->list_item (w->sink, text);
}

static void
table_begin (Walk *w, guint n_columns, const double *widths, const char *const *header)
{
  w->sink->n_columns = n_columns;
  w->sink->ops->table_begin (w->sink, n_columns, widths, header);
}

static void
table_row (Walk *w, Cell *cells, gboolean total)
{
  w->sink->ops->table_row (w->sink, cells, total);
  for (guint i = 0; i < w->sink->n_columns; i++)
    g_clear_pointer (&cells[i].text, g_free);
}

/* Each field of action and each part after them starts on a page of its own. */
static void
chapter (Walk *w, const char *number, const char *title, const char *color)
{
  w->sink->ops->page_break (w->sink);
  heading (w, 1, number, title, color);
}

static void
table_end (Walk *w)
{
  w->sink->ops->table_end (w->sink);
  w->sink->n_columns = 0;
}

/* Title page -------------------------------------------------------------------------------- */

static char *
describe_workshops (Outline *o)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < o->workshops->len; i++)
    g_ptr_array_add (names, describe_workshop (g_ptr_array_index (o->workshops, i)));
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
add_fact (GPtrArray *facts, const char *label, const char *value)
{
  if (is_empty (value))
    return;
  g_ptr_array_add (facts, (char *) label);
  g_ptr_array_add (facts, (char *) value);
}

static void
walk_cover (Walk *w, GDateTime *date)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (w->o->store));
  const char *municipality = werk_record_get_string (process, "municipality");
  g_autofree char *as_of = werk_format_date_time (date);
  g_autofree char *workshops = describe_workshops (w->o);
  g_autofree char *footer = NULL;
  g_autoptr (GPtrArray) facts = g_ptr_array_new ();
  Cover cover = { werk_record_get_label (process), _ ("Strategic framework"), NULL, facts, date };

  if (!is_empty (municipality))
    footer = g_strdup_printf (_ ("Strategic framework · %s · as of %s"), municipality, as_of);
  else
    footer = g_strdup_printf (_ ("Strategic framework · as of %s"), as_of);
  cover.footer = footer;

  add_fact (facts, _ ("Municipality"), municipality);
  add_fact (facts, _ ("Region"), werk_record_get_string (process, "region"));
  /* Translators: the workshops a framework grew out of, on its title page */
  add_fact (facts, _ ("Based on"), workshops);
  /* Translators: the date this document reflects, "Stand" in German */
  add_fact (facts, _ ("As of"), as_of);
  w->sink->ops->cover (w->sink, &cover);
}

/* Vision, core goals, challenges without a field ----------------------------------------- */

static void
walk_vision (Walk *w)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (w->o->store));
  const char *vision = werk_record_get_string (process, "vision");

  heading (w, 1, NULL, _ ("Vision"), NULL);
  if (is_empty (vision))
    text (w, TEXT_NOTE, _ ("The vision has not been written down yet."));
  text (w, TEXT_QUOTE, vision);
}

static void
walk_core_goals (Walk *w)
{
  heading (w, 1, NULL, _ ("Overarching core goals"), NULL);
  if (w->o->core_goals->len == 0)
    text (w, TEXT_NOTE, _ ("No core goals have been set yet."));
  for (guint i = 0; i < w->o->core_goals->len; i++)
    {
      WerkGoal *goal = g_ptr_array_index (w->o->core_goals, i);
      g_autofree char *name = core_goal_name (w->o, goal);

      label_value (w, name, werk_record_get_label (WERK_RECORD (goal)));
    }
}

/* Challenges of @field, or those of no field for NULL. */
static void
walk_challenges (Walk *w, WerkRecord *field)
{
  GListModel *challenges = werk_store_get_list (w->o->store, WERK_KIND_CHALLENGE, NULL);
  gboolean labelled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr (WerkRecord) challenge = g_list_model_get_item (challenges, i);

      if (werk_record_get_ref (challenge, "field") != field)
        continue;
      if (!labelled && field != NULL)
        text (w, TEXT_LABEL, _ ("Challenges"));
      labelled = TRUE;
      list_item (w, werk_record_get_label (challenge));
    }
}

static gboolean
has_challenges_without_field (Walk *w)
{
  GListModel *challenges = werk_store_get_list (w->o->store, WERK_KIND_CHALLENGE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (challenges); i++)
    {
      g_autoptr (WerkRecord) challenge = g_list_model_get_item (challenges, i);

      if (werk_record_get_ref (challenge, "field") == NULL)
        return TRUE;
    }
  return FALSE;
}

static void
walk_general_challenges (Walk *w)
{
  if (!has_challenges_without_field (w))
    return;
  heading (w, 1, NULL, _ ("Overarching challenges"), NULL);
  walk_challenges (w, NULL);
}

/* Measures ---------------------------------------------------------------------------------- */

static char *
describe_priority (const WerkPriority *p)
{
  WerkRecord *workshop;
  g_autofree char *dots = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *date = NULL;

  if (p->round == NULL)
    return NULL;
  workshop = werk_record_get_parent (WERK_RECORD (p->round));
  date = werk_format_date (werk_record_get_string (workshop, "date"));
  dots = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot", "%u dots", p->dots), p->dots);
  rank = p->tie ? g_strdup_printf (_ ("rank %u of %u (shared)"), p->rank, p->n_items)
                : g_strdup_printf (_ ("rank %u of %u"), p->rank, p->n_items);
  if (date != NULL)
    /* Translators: "12 dots, rank 2 of 16 – voting on 11/12/2026" */
    return g_strdup_printf (_ ("%s, %s – voting on %s"), dots, rank, date);
  /* Translators: "12 dots, rank 2 of 16 – voting at “Strategy conception”" */
  return g_strdup_printf (_ ("%s, %s – voting at “%s”"), dots, rank,
                          werk_record_get_label (workshop));
}

static void
walk_measure_facts (Walk *w, const WerkFrameworkEntry *entry)
{
  WerkRecord *m = WERK_RECORD (entry->measure);
  WerkRecord *workshop = werk_record_get_ref (m, "workshop");
  g_autofree char *due = werk_format_date (werk_record_get_string (m, "due"));
  g_autofree char *priority = describe_priority (&entry->priority);
  g_autofree char *origin = workshop != NULL ? describe_workshop (workshop) : NULL;

  label_value (w, _ ("Owner"), werk_record_get_string (m, "owner"));
  label_value (w, _ ("Partners"), werk_record_get_string (m, "partners"));
  label_value (w, _ ("Due"), due);
  label_value (w, _ ("Status"),
               werk_enum_label (WERK_TYPE_MEASURE_STATUS, werk_record_get_int (m, "status")));
  label_value (w, _ ("Priority"), priority);
  label_value (w, _ ("Goals"), entry->goals);
  label_value (w, _ ("Goal pursued"), werk_record_get_string (m, "goal_pursued"));
  label_value (w, _ ("Next steps"), werk_record_get_string (m, "next_steps"));
  label_value (w, _ ("To involve"), werk_record_get_string (m, "involve"));
  label_value (w, _ ("To watch out for"), werk_record_get_string (m, "watch_out"));
  label_value (w, _ ("Success factors"), werk_record_get_string (m, "success_factors"));
  label_value (w, _ ("Origin"), origin);
}

static void
walk_measures (Walk *w, GoalNode *node, guint level)
{
  if (node->entries->len == 0)
    text (w, TEXT_NOTE, _ ("No measures yet."));
  for (guint i = 0; i < node->entries->len; i++)
    {
      const WerkFrameworkEntry *entry = g_ptr_array_index (node->entries, i);
      WerkRecord *m = WERK_RECORD (entry->measure);

      heading (w, level, entry->number, werk_record_get_label (m), NULL);
      text (w, TEXT_BODY, werk_record_get_string (m, "description"));
      walk_measure_facts (w, entry);
    }
}

/* Fields of action ------------------------------------------------------------------------ */

static void
walk_field (Walk *w, FieldNode *fnode)
{
  WerkRecord *field = WERK_RECORD (fnode->field);

  if (field == NULL)
    {
      chapter (w, fnode->number, _ ("Measures without a field of action"), NULL);
      walk_measures (w, fnode->loose, 2);
      return;
    }
  chapter (w, fnode->number, werk_record_get_label (field),
           werk_record_get_string (field, "color"));
  text (w, TEXT_BODY, werk_record_get_string (field, "description"));
  walk_challenges (w, field);
  if (fnode->goals->len == 0)
    text (w, TEXT_NOTE, _ ("No guiding goals have been set for this field yet."));
  for (guint j = 0; j < fnode->goals->len; j++)
    {
      GoalNode *gnode = g_ptr_array_index (fnode->goals, j);

      heading (w, 2, gnode->number, werk_record_get_label (WERK_RECORD (gnode->goal)), NULL);
      walk_measures (w, gnode, 3);
    }
  if (fnode->loose != NULL)
    {
      heading (w, 2, fnode->loose->number, _ ("Measures without a guiding goal"), NULL);
      walk_measures (w, fnode->loose, 3);
    }
}

/* Goal matrix ----------------------------------------------------------------------------- */

static gboolean
serves_goal (WerkRecord *measure, WerkGoal *goal)
{
  const char *const *ids = werk_record_get_strv (measure, "goals");

  return ids != NULL && g_strv_contains (ids, werk_record_get_id (WERK_RECORD (goal)));
}

static char *
matrix_cell (Walk *w, FieldNode *fnode, WerkGoal *goal)
{
  GString *cell = g_string_new (NULL);

  for (guint i = 0; i < w->o->entries->len; i++)
    {
      const WerkFrameworkEntry *entry = g_ptr_array_index (w->o->entries, i);

      if ((WerkRecord *) entry->field != (WerkRecord *) fnode->field ||
          !serves_goal (WERK_RECORD (entry->measure), goal))
        continue;
      if (cell->len > 0)
        g_string_append_c (cell, '\n');
      g_string_append_printf (cell, "%s %s", entry->number,
                              werk_record_get_label (WERK_RECORD (entry->measure)));
    }
  return g_string_free (cell, FALSE);
}

static guint
count_unlinked (Walk *w)
{
  guint n = 0;

  for (guint i = 0; i < w->o->entries->len; i++)
    {
      const WerkFrameworkEntry *entry = g_ptr_array_index (w->o->entries, i);
      gboolean linked = FALSE;

      for (guint g = 0; g < w->o->core_goals->len && !linked; g++)
        linked =
            serves_goal (WERK_RECORD (entry->measure), g_ptr_array_index (w->o->core_goals, g));
      n += !linked;
    }
  return n;
}

static void
matrix_table_begin (Walk *w)
{
  guint n = w->o->core_goals->len + 1;
  g_autofree double *widths = g_new (double, n);
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

  widths[0] = 1.6;
  g_ptr_array_add (header, g_strdup (_ ("Field of action")));
  for (guint g = 1; g < n; g++)
    {
      widths[g] = 2;
      g_ptr_array_add (header, core_goal_name (w->o, g_ptr_array_index (w->o->core_goals, g - 1)));
    }
  g_ptr_array_add (header, NULL);
  table_begin (w, n, widths, (const char *const *) header->pdata);
}

static void
walk_matrix (Walk *w)
{
  guint n_goals = w->o->core_goals->len;
  g_autofree Cell *cells = g_new0 (Cell, n_goals + 1);
  guint unlinked = count_unlinked (w);

  chapter (w, NULL, _ ("Goal matrix"), NULL);
  if (n_goals == 0)
    {
      text (w, TEXT_NOTE, _ ("Without core goals there is no goal matrix yet."));
      return;
    }
  text (w, TEXT_BODY,
        _ ("Which measures of each field of action serve which overarching core "
           "goal, as the measures name their goals."));
  matrix_table_begin (w);
  for (guint i = 0; i < w->o->fields->len; i++)
    {
      FieldNode *fnode = g_ptr_array_index (w->o->fields, i);
      g_autofree char *name = heading_text (
          fnode->number, fnode->field != NULL ? werk_record_get_label (WERK_RECORD (fnode->field))
                                              : _ ("Without a field of action"));

      cells[0] = (Cell){ g_steal_pointer (&name), LOOK_PLAIN };
      for (guint g = 0; g < n_goals; g++)
        {
          char *cell = matrix_cell (w, fnode, g_ptr_array_index (w->o->core_goals, g));

          cells[g + 1] = *cell != '\0' ? (Cell){ cell, LOOK_MARK }
                                       : (Cell){ (g_free (cell), g_strdup ("–")), LOOK_PLAIN };
        }
      table_row (w, cells, FALSE);
    }
  table_end (w);
  if (unlinked > 0)
    {
      g_autofree char *note = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u of %u measures serves no core goal yet.",
                       "%u of %u measures serve no core goal yet.", unlinked),
          unlinked, w->o->entries->len);
      text (w, TEXT_NOTE, note);
    }
}

/* Sustainability check -------------------------------------------------------------------- */

/* "+0.8", "−1", "0": with a true minus sign, as printed matter has it. */
static char *
format_score (double score, const char *format)
{
  g_autofree char *digits = g_strdup_printf (format, fabs (score));

  if (g_str_equal (digits, "0") || g_str_equal (digits, "0.0") || g_str_equal (digits, "0,0"))
    return g_strdup ("0");
  return g_strconcat (score < 0 ? "−" : "+", digits, NULL);
}

static char *
describe_dimension (const WerkDimensionSummary *d)
{
  g_autofree char *mean = NULL;
  g_autofree char *min = NULL;
  g_autofree char *summary = NULL;

  if (d->n_criteria == 0)
    return g_strdup ("–");
  if (d->n_rated == 0)
    return g_strdup (_ ("not rated yet"));
  mean = format_score (d->mean, "%.1f");
  min = format_score (d->min, "%.0f");
  if (d->n_relevant > 0)
    /* Translators: a dimension's mean score and lowest score, e.g. "Ø +0.8, lowest −1" */
    summary = g_strdup_printf (_ ("Ø %s, lowest %s"), mean, min);
  else
    summary = g_strdup (_ ("not relevant"));
  if (d->n_rated == d->n_criteria)
    return g_steal_pointer (&summary);
  /* Translators: a dimension summary, then how far its rating got: "Ø +1.0\n2 of 4 rated" */
  return g_strdup_printf (_ ("%s\n%u of %u rated"), summary, d->n_rated, d->n_criteria);
}

static CellLook
light_look (WerkTrafficLight light)
{
  switch (light)
    {
      case WERK_LIGHT_GREEN:
        return LOOK_GREEN;
      case WERK_LIGHT_YELLOW:
        return LOOK_YELLOW;
      case WERK_LIGHT_RED:
        return LOOK_RED;
      case WERK_LIGHT_UNFINISHED:
      default:
        return LOOK_PLAIN;
    }
}

static void
walk_criteria (Walk *w)
{
  GListModel *criteria = werk_store_get_list (w->o->store, WERK_KIND_CRITERION, NULL);

  text (w, TEXT_LABEL, _ ("Criteria"));
  for (int d = WERK_DIMENSION_ECOLOGICAL; d <= WERK_DIMENSION_ECONOMIC; d++)
    {
      g_autoptr (GPtrArray) titles = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
        {
          g_autoptr (WerkRecord) criterion = g_list_model_get_item (criteria, i);

          /* Retired criteria no longer count, so the framework does not list them. */
          if (werk_record_get_int (criterion, "dimension") == d &&
              !werk_record_get_bool (criterion, "retired"))
            g_ptr_array_add (titles, (char *) werk_record_get_label (criterion));
        }
      g_ptr_array_add (titles, NULL);
      joined = g_strjoinv (", ", (char **) titles->pdata);
      label_value (w, werk_enum_label (WERK_TYPE_DIMENSION, d), joined);
    }
}

static void
sustainability_row (Walk *w, const WerkFrameworkEntry *entry)
{
  WerkSustainabilityResult result;
  Cell cells[6];

  werk_sustainability_evaluate (entry->measure, &result);
  cells[0] = (Cell){ g_strdup (entry->number), LOOK_PLAIN };
  cells[1] = (Cell){ g_strdup (werk_record_get_label (WERK_RECORD (entry->measure))), LOOK_PLAIN };
  for (int d = 0; d < 3; d++)
    cells[d + 2] = (Cell){ describe_dimension (&result.dimensions[d]), LOOK_PLAIN };
  cells[5] =
      (Cell){ g_strdup (werk_traffic_light_label (result.light)), light_look (result.light) };
  table_row (w, cells, FALSE);
}

static void
walk_sustainability (Walk *w)
{
  GListModel *criteria = werk_store_get_list (w->o->store, WERK_KIND_CRITERION, NULL);
  static const double widths[] = { 0.7, 2.0, 1.35, 1.35, 1.35, 1.5 };
  const char *header[] = { _ ("No."),
                           _ ("Measure"),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_ECOLOGICAL),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_SOCIAL),
                           werk_enum_label (WERK_TYPE_DIMENSION, WERK_DIMENSION_ECONOMIC),
                           _ ("Traffic light"),
                           NULL };

  chapter (w, NULL, _ ("Sustainability check"), NULL);
  if (g_list_model_get_n_items (criteria) == 0)
    {
      text (w, TEXT_NOTE, _ ("The measures have not been checked for sustainability yet."));
      return;
    }
  text (w, TEXT_BODY, werk_sustainability_rule ());
  walk_criteria (w);
  if (w->o->entries->len == 0)
    return;
  table_begin (w, G_N_ELEMENTS (widths), widths, header);
  for (guint i = 0; i < w->o->entries->len; i++)
    sustainability_row (w, g_ptr_array_index (w->o->entries, i));
  table_end (w);
}

/* Appendix: where every result came from ---------------------------------------------------- */

static char *
describe_results (Walk *w, WerkRecord *workshop)
{
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < w->o->entries->len; i++)
    {
      const WerkFrameworkEntry *entry = g_ptr_array_index (w->o->entries, i);

      if (werk_record_get_ref (WERK_RECORD (entry->measure), "workshop") == workshop)
        g_ptr_array_add (numbers, (char *) entry->number);
    }
  if (numbers->len == 0)
    return NULL;
  g_ptr_array_add (numbers, NULL);
  joined = g_strjoinv (", ", (char **) numbers->pdata);
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u measure: %s", "%u measures: %s", numbers->len - 1),
      numbers->len - 1, joined);
}

static char *
describe_when (WerkRecord *workshop)
{
  g_autofree char *date = werk_format_date (werk_record_get_string (workshop, "date"));
  const char *start = werk_record_get_string (workshop, "start");
  const char *end = werk_record_get_string (workshop, "end");

  if (date == NULL)
    return NULL;
  if (start != NULL && end != NULL)
    /* Translators: a workshop's date and times: "14.07.2026, 16:00–19:00" */
    return g_strdup_printf (_ ("%s, %s–%s"), date, start, end);
  return g_steal_pointer (&date);
}

static void
walk_groups (Walk *w, WerkWorkshop *workshop)
{
  static const double widths[] = { 3, 1 };
  const char *header[] = { _ ("Group"), _ ("Participants"), NULL };
  guint total = 0, n_groups = 0;
  Cell cells[2];

  for (int g = 0; g < WERK_N_GROUPS; g++)
    {
      total += werk_workshop_get_group_count (workshop, g);
      n_groups += werk_workshop_get_group_count (workshop, g) > 0;
    }
  if (total == 0)
    return;
  /* The label, the header, the groups and the total. */
  w->sink->ops->keep_lines (w->sink, n_groups + 3);
  text (w, TEXT_LABEL, _ ("Participants by group"));
  table_begin (w, 2, widths, header);
  for (int g = 0; g < WERK_N_GROUPS; g++)
    {
      guint n = werk_workshop_get_group_count (workshop, g);

      if (n == 0)
        continue;
      cells[0] = (Cell){ g_strdup (werk_enum_label (WERK_TYPE_GROUP, g)), LOOK_PLAIN };
      cells[1] = (Cell){ g_strdup_printf ("%u", n), LOOK_NUMBER };
      table_row (w, cells, FALSE);
    }
  cells[0] = (Cell){ g_strdup (_ ("Total")), LOOK_PLAIN };
  cells[1] = (Cell){ g_strdup_printf ("%u", total), LOOK_NUMBER };
  table_row (w, cells, TRUE);
  table_end (w);
}

static void
walk_workshop (Walk *w, WerkRecord *workshop)
{
  const char *const *facilitators = werk_record_get_strv (workshop, "facilitators");
  g_autofree char *when = describe_when (workshop);
  g_autofree char *people = NULL;
  g_autofree char *results = describe_results (w, workshop);
  g_autofree char *total = NULL;

  if (facilitators != NULL)
    people = g_strjoinv (", ", (char **) facilitators);
  if (werk_record_get_int (workshop, "participants_total") > 0)
    total =
        g_strdup_printf ("%" G_GINT64_FORMAT, werk_record_get_int (workshop, "participants_total"));
  heading (w, 2, NULL, werk_record_get_label (workshop), NULL);
  label_value (
      w, _ ("Format"),
      werk_enum_label (WERK_TYPE_WORKSHOP_FORMAT, werk_record_get_int (workshop, "format")));
  label_value (w, _ ("Date"), when);
  label_value (w, _ ("Place"), werk_record_get_string (workshop, "location"));
  label_value (w, _ ("Facilitation"), people);
  label_value (w, _ ("Participants"), total);
  label_value (w, _ ("Results"), results);
  walk_groups (w, WERK_WORKSHOP (workshop));
}

static void
walk_history (Walk *w)
{
  chapter (w, NULL, _ ("Appendix: workshop history"), NULL);
  if (w->o->workshops->len == 0)
    text (w, TEXT_NOTE, _ ("No workshops have been recorded yet."));
  else
    text (w, TEXT_BODY,
          _ ("The workshops this framework grew out of, oldest first. Each "
             "measure names the workshop it came from."));
  for (guint i = 0; i < w->o->workshops->len; i++)
    walk_workshop (w, g_ptr_array_index (w->o->workshops, i));
}

static void
walk (Walk *w, GDateTime *date)
{
  walk_cover (w, date);
  walk_vision (w);
  walk_core_goals (w);
  walk_general_challenges (w);
  for (guint i = 0; i < w->o->fields->len; i++)
    walk_field (w, g_ptr_array_index (w->o->fields, i));
  walk_matrix (w);
  walk_sustainability (w);
  walk_history (w);
}

/* ---------------------------------------------------------------------------------------- */
/* Entry points                                                                             */

static Sink *
sink_new (WerkStore *store, WerkFrameworkFormat format, GError **error)
{
  WerkRecord *process = WERK_RECORD (werk_store_get_process (store));

  switch (format)
    {
      case WERK_FRAMEWORK_PDF:
        return pdf_sink_new (werk_record_get_label (process),
                             werk_record_get_string (process, "municipality"), error);
      case WERK_FRAMEWORK_ODT:
        return odt_sink_new ();
      case WERK_FRAMEWORK_MARKDOWN:
      default:
        return md_sink_new ();
    }
}

/**
 * werk_framework_export:
 * @path: the file to write; an existing file stays as it was if writing fails
 * @options: (nullable): dropped measures and the date of this state
 *
 * Writes the strategy framework: title page, vision, core goals, the fields of action with
 * their challenges, guiding goals and measures (numbered 1, 1.1, 1.1.1), the goal matrix, the
 * sustainability check and the history of the workshops.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
werk_framework_export (WerkStore *store, const char *path, WerkFrameworkFormat format,
                       const WerkFrameworkOptions *options, GError **error)
{
  static const WerkFrameworkOptions defaults = { FALSE, NULL };
  g_autoptr (Outline) o = NULL;
  g_autoptr (Sink) sink = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  Walk w;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= WERK_FRAMEWORK_MARKDOWN, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  sink = sink_new (store, format, error);
  if (sink == NULL)
    return FALSE;
  o = outline_new (store, options->with_dropped);
  w = (Walk){ o, sink };
  walk (&w, options->date != NULL ? options->date : now);
  return sink->ops->save (sink, path, error);
}

gboolean
werk_framework_format_for_path (const char *path, WerkFrameworkFormat *format, GError **error)
{
  static const struct
  {
    const char *suffix;
    WerkFrameworkFormat format;
  } suffixes[] = {
    { ".pdf", WERK_FRAMEWORK_PDF },
    { ".odt", WERK_FRAMEWORK_ODT },
    { ".md", WERK_FRAMEWORK_MARKDOWN },
  };
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }
  display = g_filename_display_basename (path);
  g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
               _ ("Cannot write the framework as “%s”: the name must end in .pdf, .odt or .md."),
               display);
  return FALSE;
}

gboolean
werk_framework_export_file (WerkStore *store, const char *path, gboolean with_dropped,
                            GError **error)
{
  WerkFrameworkOptions options = { with_dropped, NULL };
  WerkFrameworkFormat format;

  g_return_val_if_fail (WERK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return werk_framework_format_for_path (path, &format, error) &&
         werk_framework_export (store, path, format, &options, error);
}
