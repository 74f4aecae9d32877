/* bench-framework.c: the strategy framework of a process with 2,000 measures, as PDF, ODT and
 * Markdown, beside what a user would otherwise do (LibreOffice, pandoc).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>

#include "werk-framework.h"
#include "werk-measures-csv.h"

#define N_FIELDS        8
#define N_CORE_GOALS    4
#define GOALS_PER_FIELD 4
#define N_MEASURES      2000
#define PDF_TARGET      1.0
#define ODT_TARGET      1.0

static const char *const statuses[] = { "idea", "prioritised", "planned", "in_progress", "done" };

static void
add_goals (JsonBuilder *b)
{
  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  for (int g = 0; g < N_CORE_GOALS; g++)
    {
      g_autofree char *id = g_strdup_printf ("k%d", g);
      g_autofree char *text = g_strdup_printf ("Übergreifendes Kernziel %d: digitale Angebote "
                                               "für alle, sicher und nachhaltig.",
                                               g + 1);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "level");
      json_builder_add_string_value (b, "core");
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
      json_builder_end_object (b);
    }
  for (int f = 0; f < N_FIELDS; f++)
    for (int g = 0; g < GOALS_PER_FIELD; g++)
      {
        g_autofree char *id = g_strdup_printf ("g%d-%d", f, g);
        g_autofree char *field = g_strdup_printf ("f%d", f);
        g_autofree char *text = g_strdup_printf (
            "Leitziel %d.%d: Bis 2030 sind die Angebote im Handlungsfeld für Bürgerinnen und "
            "Bürger spürbar besser erreichbar.",
            f + 1, g + 1);

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "id");
        json_builder_add_string_value (b, id);
        json_builder_set_member_name (b, "level");
        json_builder_add_string_value (b, "guiding");
        json_builder_set_member_name (b, "field");
        json_builder_add_string_value (b, field);
        json_builder_set_member_name (b, "text");
        json_builder_add_string_value (b, text);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
}

static void
member (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_measure (JsonBuilder *b, int m)
{
  int f = m % N_FIELDS, g = (m / N_FIELDS) % (GOALS_PER_FIELD + 1);
  g_autofree char *id = g_strdup_printf ("m%d", m);
  g_autofree char *field = g_strdup_printf ("f%d", f);
  g_autofree char *goal = g_strdup_printf ("g%d-%d", f, g);
  g_autofree char *core = g_strdup_printf ("k%d", m % N_CORE_GOALS);
  g_autofree char *title = g_strdup_printf ("Maßnahme %d: Digitale Sprechstunde für Ältere", m);
  g_autofree char *due = g_strdup_printf ("20%02d-%02d-28", 27 + m % 3, 1 + m % 12);

  json_builder_begin_object (b);
  member (b, "id", id);
  member (b, "title", title);
  member (b, "description",
          "Eine zentrale Anlaufstelle im Rathaus und in den Ortsteilen: Anliegen online "
          "beantragen, Schäden melden und den Bearbeitungsstand verfolgen – mit Beratung vor "
          "Ort für alle, die das Internet nicht nutzen können oder wollen.");
  member (b, "field", field);
  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  /* Every fifth measure serves no guiding goal of its field. */
  if (g < GOALS_PER_FIELD)
    json_builder_add_string_value (b, goal);
  json_builder_add_string_value (b, core);
  json_builder_end_array (b);
  member (b, "next_steps",
          "Bedarf erheben; Angebote anderer Kommunen vergleichen; Vorlage für "
          "den Ausschuss.");
  member (b, "owner", "Hauptamt, Frau Müller");
  member (b, "partners", "Bauhof, KommunalIT „Oberwald“ GmbH");
  member (b, "due", due);
  member (b, "status", statuses[m % G_N_ELEMENTS (statuses)]);
  member (b, "workshop", "w1");
  json_builder_end_object (b);
}

static void
add_workshop (JsonBuilder *b)
{
  json_builder_set_member_name (b, "workshops");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  member (b, "id", "w1");
  member (b, "format", "strategy_conception");
  member (b, "title", "Strategiekonzeption");
  member (b, "date", "2026-11-12");
  json_builder_set_member_name (b, "voting_rounds");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  member (b, "id", "v1");
  member (b, "on", "measures");
  member (b, "state", "revealed");
  json_builder_set_member_name (b, "tallies");
  json_builder_begin_array (b);
  for (int m = 0; m < N_MEASURES; m += 4)
    {
      g_autofree char *item = g_strdup_printf ("m%d", m);

      json_builder_begin_object (b);
      member (b, "item", item);
      json_builder_set_member_name (b, "dots");
      json_builder_add_int_value (b, (m * 7) % 23);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_array (b);
}

static GBytes *
generate (void)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize length;
  char *data;

  json_builder_begin_object (b);
  member (b, "format", "werkstatt");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "process");
  json_builder_begin_object (b);
  member (b, "id", "p");
  member (b, "title", "Digitalstrategie Großstadt 2030");
  member (b, "municipality", "Großstadt");
  member (b, "vision", "Großstadt nutzt die Digitalisierung, damit das Leben einfacher wird.");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (int f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *id = g_strdup_printf ("f%d", f);
      g_autofree char *title = g_strdup_printf ("Handlungsfeld %d: Mobilität & Umwelt", f + 1);

      json_builder_begin_object (b);
      member (b, "id", id);
      member (b, "title", title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_goals (b);
  json_builder_set_member_name (b, "measures");
  json_builder_begin_array (b);
  for (int m = 0; m < N_MEASURES; m++)
    add_measure (b, m);
  json_builder_end_array (b);
  add_workshop (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &length);
  return g_bytes_new_take (data, length);
}

static double
time_export (WerkStore *store, const char *path, WerkFrameworkFormat format)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!werk_framework_export (store, path, format, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Seconds a tool took, or a negative number if it is missing or failed. */
static double
time_tool (const char *const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (program == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
print_row (const char *what, double seconds, double target)
{
  if (seconds < 0)
    g_print ("  %-40s %10s\n", what, "not installed");
  else if (target > 0)
    g_print ("  %-40s %8.3f s   target < %.0f s %s\n", what, seconds, target,
             seconds < target ? "✓" : "✗");
  else
    g_print ("  %-40s %8.3f s\n", what, seconds);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-framework-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "bench.werkstatt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "framework.pdf", NULL);
  g_autofree char *odt = g_build_filename (dir, "framework.odt", NULL);
  g_autofree char *md = g_build_filename (dir, "framework.md", NULL);
  g_autofree char *pandoc_odt = g_build_filename (dir, "pandoc.odt", NULL);
  g_autofree char *csv = g_build_filename (dir, "measures.csv", NULL);
  g_autofree char *lo_dir = g_build_filename (dir, "lo", NULL);
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile_uri);
  g_autoptr (GBytes) json = generate ();
  g_autoptr (GFile) base = g_file_new_for_path (dir);
  g_autoptr (WerkStore) store = NULL;
  const char *soffice[] = { "soffice", "--headless", "--norestore", env, "--convert-to",
                            "pdf",     "--outdir",   lo_dir,        odt, NULL };
  const char *pandoc[] = { "pandoc", md, "-o", pandoc_odt, NULL };
  double t_pdf, t_odt, t_md, t_csv;
  gint64 start;

  /* For g_print's ✓ and ✗ in a UTF-8 terminal. */
  setlocale (LC_ALL, "");

  store = werk_json_import (json, base, file, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  t_pdf = time_export (store, pdf, WERK_FRAMEWORK_PDF);
  t_odt = time_export (store, odt, WERK_FRAMEWORK_ODT);
  t_md = time_export (store, md, WERK_FRAMEWORK_MARKDOWN);
  start = g_get_monotonic_time ();
  if (!werk_measures_csv_export (store, csv, &error))
    g_error ("%s", error->message);
  t_csv = (g_get_monotonic_time () - start) / 1e6;

  g_print ("Strategy framework of %d measures in %d fields\n", N_MEASURES, N_FIELDS);
  print_row ("Werkstatt: PDF", t_pdf, PDF_TARGET);
  print_row ("Werkstatt: ODT", t_odt, ODT_TARGET);
  print_row ("Werkstatt: Markdown", t_md, 0);
  print_row ("Werkstatt: measures CSV", t_csv, 0);
  print_row ("LibreOffice: the same ODT to PDF", time_tool (soffice), 0);
  print_row ("pandoc: the same Markdown to ODT", time_tool (pandoc), 0);
  g_print ("  sizes: PDF %" G_GINT64_FORMAT " KB, ODT %" G_GINT64_FORMAT
           " KB, Markdown %" G_GINT64_FORMAT " KB\n",
           file_size (pdf) / 1024, file_size (odt) / 1024, file_size (md) / 1024);

  g_clear_object (&store);
  remove_tree (dir);
  return 0;
}
