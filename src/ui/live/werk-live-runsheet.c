/* werk-live-runsheet.c: the printable run-sheet of an agenda as PDF: times, items, speakers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <errno.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "werk-live-runsheet.h"
#include "werk-live-util.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 50.0
#define FONT   "DejaVu Sans"

/* Column left edges and widths of the table, in points. */
static const double col_x[] = { MARGIN, MARGIN + 90, MARGIN + 272, MARGIN + 340, MARGIN + 462 };
static const double col_w[] = { 86, 176, 64, 118, 33 };

typedef struct
{
  cairo_t *cr;
  PangoContext *pango;
  double y;
  int page;
} Sheet;

static double
show (Sheet *sheet, const char *text, double x, double width, double size, gboolean bold,
      double grey, PangoAlignment align)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (sheet->pango);
  g_autofree char *font = g_strdup_printf ("%s %s %.1f", FONT, bold ? "Bold" : "", size);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_set_source_rgb (sheet->cr, grey, grey, grey);
  cairo_move_to (sheet->cr, x, sheet->y);
  pango_cairo_show_layout (sheet->cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
rule (Sheet *sheet, double width)
{
  cairo_set_source_rgb (sheet->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (sheet->cr, width);
  cairo_move_to (sheet->cr, MARGIN, sheet->y);
  cairo_line_to (sheet->cr, PAGE_W - MARGIN, sheet->y);
  cairo_stroke (sheet->cr);
}

static void
footer (Sheet *sheet)
{
  g_autofree char *page = g_strdup_printf (_ ("Page %d"), sheet->page);
  double y = sheet->y;

  sheet->y = PAGE_H - MARGIN + 12;
  show (sheet, page, MARGIN, PAGE_W - 2 * MARGIN, 9, FALSE, 0.4, PANGO_ALIGN_RIGHT);
  sheet->y = y;
}

static void
table_header (Sheet *sheet)
{
  const char *heads[] = { _ ("Time"), _ ("Agenda item"), _ ("Kind"), _ ("Speaker"), _ ("Min.") };
  double h = 0;

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    h = MAX (h, show (sheet, heads[i], col_x[i], col_w[i], 10, TRUE, 0.0,
                      i == 4 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
  sheet->y += h + 4;
  rule (sheet, 0.8);
  sheet->y += 6;
}

static void
new_page_if_needed (Sheet *sheet, double needed)
{
  if (sheet->y + needed <= PAGE_H - MARGIN - 10)
    return;
  footer (sheet);
  cairo_show_page (sheet->cr);
  sheet->page++;
  sheet->y = MARGIN;
  table_header (sheet);
}

static void
heading (Sheet *sheet, WerkAgenda *agenda)
{
  WerkRecord *workshop = WERK_RECORD (werk_agenda_get_workshop (agenda));
  g_autofree char *date = werk_live_format_date (werk_record_get_string (workshop, "date"));
  const char *start = werk_record_get_string (workshop, "start");
  const char *end = werk_record_get_string (workshop, "end");
  const char *location = werk_record_get_string (workshop, "location");
  g_autoptr (GString) line = g_string_new (date);

  sheet->y += show (sheet, _ ("Run-Sheet"), MARGIN, PAGE_W - 2 * MARGIN, 22, TRUE, 0, 0) + 4;
  sheet->y +=
      show (sheet, werk_record_get_label (workshop), MARGIN, PAGE_W - 2 * MARGIN, 15, FALSE, 0, 0) +
      4;
  if (start)
    g_string_append_printf (line, "%s%s–%s", line->len ? ", " : "", start, end ? end : "");
  if (location && *location)
    g_string_append_printf (line, "%s%s", line->len ? ", " : "", location);
  if (line->len)
    sheet->y += show (sheet, line->str, MARGIN, PAGE_W - 2 * MARGIN, 11, FALSE, 0.3, 0);
  sheet->y += 18;
}

static void
agenda_row (Sheet *sheet, WerkAgenda *agenda, guint index)
{
  WerkRecord *item = WERK_RECORD (werk_agenda_get_item (agenda, index));
  g_autoptr (GDateTime) start = werk_agenda_get_planned_start (agenda, index);
  g_autoptr (GDateTime) end = werk_agenda_get_planned_end (agenda, index);
  g_autofree char *from = werk_live_format_time (start);
  g_autofree char *to = werk_live_format_time (end);
  g_autofree char *times = g_strdup_printf ("%s–%s", from, to);
  g_autofree char *minutes = g_strdup_printf ("%d", (int) werk_record_get_int (item, "minutes"));
  const char *notes = werk_record_get_string (item, "notes");
  const char *kind = werk_enum_label (WERK_TYPE_AGENDA_KIND, werk_record_get_int (item, "kind"));
  double h = 0, y = sheet->y;

  new_page_if_needed (sheet, 40);
  y = sheet->y;
  h = MAX (h, show (sheet, times, col_x[0], col_w[0], 11, TRUE, 0, 0));
  h = MAX (h, show (sheet, werk_record_get_label (item), col_x[1], col_w[1], 11, TRUE, 0, 0));
  h = MAX (h, show (sheet, kind, col_x[2], col_w[2], 10, FALSE, 0.3, 0));
  h = MAX (h, show (sheet, werk_record_get_string (item, "speaker"), col_x[3], col_w[3], 10, FALSE,
                    0.1, 0));
  h = MAX (h, show (sheet, minutes, col_x[4], col_w[4], 11, FALSE, 0, PANGO_ALIGN_RIGHT));
  if (notes && *notes)
    {
      sheet->y = y + h + 2;
      h += 2 + show (sheet, notes, col_x[1], col_w[1], 9.5, FALSE, 0.35, 0);
    }
  sheet->y = y + h + 6;
  rule (sheet, 0.3);
  sheet->y += 6;
}

static void
summary (Sheet *sheet, WerkAgenda *agenda)
{
  g_autoptr (GDateTime) finish = werk_agenda_get_planned_finish (agenda);
  g_autofree char *time = werk_live_format_time (finish);
  g_autofree char *line = g_strdup_printf (_ ("Planned end: %s"), time);

  new_page_if_needed (sheet, 30);
  sheet->y += 4;
  show (sheet, line, MARGIN, PAGE_W - 2 * MARGIN, 11, TRUE, 0, 0);
}

static gboolean
draw (WerkAgenda *agenda, const char *path, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  Sheet sheet = { cairo_create (surface), NULL, MARGIN, 1 };
  WerkRecord *workshop = WERK_RECORD (werk_agenda_get_workshop (agenda));
  cairo_status_t status;

  sheet.pango = pango_cairo_create_context (sheet.cr);
  /* Sizes are PDF points: one point per unit, not the screen's 96 dpi. */
  pango_cairo_context_set_resolution (sheet.pango, 72);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  werk_record_get_label (workshop));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Werkstatt");
  heading (&sheet, agenda);
  table_header (&sheet);
  for (guint i = 0; i < werk_agenda_get_n_items (agenda); i++)
    agenda_row (&sheet, agenda, i);
  summary (&sheet, agenda);
  footer (&sheet);
  cairo_show_page (sheet.cr);
  g_object_unref (sheet.pango);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED,
                   _ ("The run-sheet could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
werk_live_runsheet_write (WerkAgenda *agenda, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (WERK_IS_AGENDA (agenda), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Beside the target, so the rename stays on one file system and a failure leaves the old
   * file as it was. */
  tmp = g_strdup_printf ("%s.%08x.tmp", path, g_random_int ());
  if (!draw (agenda, tmp, error))
    {
      g_remove (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_remove (tmp);
      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("The run-sheet could not be saved: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
