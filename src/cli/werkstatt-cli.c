/* werkstatt-cli.c: Werkstatt without a display: demo, import, export, check, results, documents.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "werk-core.h"
#include "werk-cli-exports.h"

typedef struct
{
  const char *name;
  const char *usage;
  int (*run) (int argc, char **argv);
} Command;

static int
fail (const GError *error)
{
  g_printerr ("werkstatt-cli: %s\n", error->message);
  return 1;
}

static int
usage (const char *text)
{
  g_printerr (_ ("Usage: werkstatt-cli %s\n"), text);
  return 2;
}

/* Options after the positional arguments: --flag and --key VALUE / -o VALUE. */
typedef struct
{
  GPtrArray *args;
  const char *workshop;
  const char *output;
  gboolean csv;
  gboolean embed_photos;
  gboolean with_dropped;
} Args;

static void
args_clear (Args *a)
{
  g_clear_pointer (&a->args, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static gboolean
parse_args (int argc, char **argv, Args *a)
{
  a->args = g_ptr_array_new ();
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--csv"))
        a->csv = TRUE;
      else if (g_str_equal (argv[i], "--embed-photos"))
        a->embed_photos = TRUE;
      else if (g_str_equal (argv[i], "--with-dropped"))
        a->with_dropped = TRUE;
      else if (g_str_equal (argv[i], "--workshop") && i + 1 < argc)
        a->workshop = argv[++i];
      else if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        a->output = argv[++i];
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return FALSE;
      else
        g_ptr_array_add (a->args, argv[i]);
    }
  return TRUE;
}

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (argc != 3)
    return usage ("demo OUT.werkstatt");
  if (!(store = werk_demo_create (argv[2], &error)))
    return fail (error);
  return 0;
}

static int
cmd_import (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (argc != 4)
    return usage ("import IN.json OUT.werkstatt");
  if (!(store = werk_json_import_file (argv[2], argv[3], &error)))
    return fail (error);
  return 0;
}

static int
cmd_export (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_auto (Args) a = { 0 };

  if (!parse_args (argc, argv, &a) || a.args->len != 2)
    return usage ("export FILE.werkstatt OUT.json [--embed-photos]");
  if (!(store = werk_store_open (a.args->pdata[0], &error)) ||
      !werk_json_export_file (store, a.args->pdata[1], a.embed_photos, &error))
    return fail (error);
  return 0;
}

static int
cmd_check (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (argc != 3)
    return usage ("check FILE.werkstatt");
  if (!(store = werk_store_open (argv[2], &error)) || !werk_store_check (store, problems, &error))
    return fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      g_printerr ("werkstatt-cli: ");
      g_printerr (ngettext ("%s: %u problem found\n", "%s: %u problems found\n", problems->len),
                  argv[2], problems->len);
      return 1;
    }
  g_print (_ ("%s: ok (schema version %d)\n"), argv[2], WERK_SCHEMA_VERSION);
  return 0;
}

/* Titles go into tab-separated lines: tabs and line breaks become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);
  return g_strdelimit (line, "\t\r\n", ' ');
}

static char *
csv_quote (const char *text)
{
  g_autoptr (GString) s = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
print_row (gboolean csv, const char *const *cells)
{
  for (guint i = 0; cells[i]; i++)
    {
      g_autofree char *cell = csv ? csv_quote (cells[i]) : one_line (cells[i]);
      g_print ("%s%s", i ? (csv ? "," : "\t") : "", cell);
    }
  g_print (csv ? "\r\n" : "\n");
}

static void
print_round (WerkVotingRound *round, gboolean csv)
{
  const char *id = werk_record_get_id (WERK_RECORD (round));
  g_autoptr (GArray) ranked = NULL;

  if (werk_voting_round_is_hidden (round))
    {
      const char *hidden[] = { id, "hidden", csv ? "" : NULL, "", "", NULL };
      print_row (csv, hidden);
      return;
    }
  ranked = werk_voting_round_rank (round);
  for (guint i = 0; i < ranked->len; i++)
    {
      WerkRankedItem *r = &g_array_index (ranked, WerkRankedItem, i);
      g_autofree char *rank = g_strdup_printf ("%u", r->rank);
      g_autofree char *dots = g_strdup_printf ("%u", r->dots);
      const char *row[] = { id,  rank, dots, r->tie ? "tie" : "-", werk_record_get_label (r->item),
                            NULL };
      print_row (csv, row);
    }
}

static int
cmd_results (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  GListModel *workshops;
  g_auto (Args) a = { 0 };

  if (!parse_args (argc, argv, &a) || a.args->len != 1)
    return usage ("results FILE.werkstatt [--workshop ID] [--csv]");
  if (!(store = werk_store_open (a.args->pdata[0], &error)))
    return fail (error);
  if (a.workshop && !WERK_IS_WORKSHOP (werk_store_lookup (store, a.workshop)))
    {
      g_printerr (_ ("werkstatt-cli: no workshop with id “%s”\n"), a.workshop);
      return 1;
    }
  if (a.csv)
    print_row (TRUE, (const char *[]){ "round", "rank", "dots", "tie", "title", NULL });
  workshops = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  for (guint w = 0; w < g_list_model_get_n_items (workshops); w++)
    {
      g_autoptr (WerkRecord) workshop = g_list_model_get_item (workshops, w);
      GListModel *rounds = werk_store_get_list (store, WERK_KIND_VOTING_ROUND, workshop);

      if (a.workshop && !g_str_equal (a.workshop, werk_record_get_id (workshop)))
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr (WerkRecord) round = g_list_model_get_item (rounds, r);
          if (werk_record_get_int (round, "state") != WERK_ROUND_OPEN)
            print_round (WERK_VOTING_ROUND (round), a.csv);
        }
    }
  return 0;
}

/* The document commands share their shape: FILE -o OUT (and a workshop for the protocol). */
static int
run_document (int argc, char **argv, WerkCliDocument document, const char *text,
              gboolean needs_workshop)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_auto (Args) a = { 0 };

  if (!parse_args (argc, argv, &a) || a.args->len != 1 || a.output == NULL ||
      (needs_workshop && a.workshop == NULL))
    return usage (text);
  if (!(store = werk_store_open (a.args->pdata[0], &error)) ||
      !werk_cli_export (store, document, a.workshop, a.output, a.with_dropped, &error))
    return fail (error);
  return 0;
}

static int
cmd_protocol (int argc, char **argv)
{
  return run_document (argc, argv, WERK_CLI_PROTOCOL,
                       "protocol FILE.werkstatt --workshop ID -o OUT.pdf", TRUE);
}

static int
cmd_framework (int argc, char **argv)
{
  return run_document (argc, argv, WERK_CLI_FRAMEWORK,
                       "framework FILE.werkstatt -o OUT.pdf|OUT.md|OUT.odt [--with-dropped]",
                       FALSE);
}

static int
cmd_measures (int argc, char **argv)
{
  return run_document (argc, argv, WERK_CLI_MEASURES, "measures FILE.werkstatt -o OUT.csv", FALSE);
}

static int
cmd_sustainability (int argc, char **argv)
{
  return run_document (argc, argv, WERK_CLI_SUSTAINABILITY,
                       "sustainability FILE.werkstatt -o OUT.pdf", FALSE);
}

static const Command commands[] = {
  { "demo", "demo OUT.werkstatt", cmd_demo },
  { "import", "import IN.json OUT.werkstatt", cmd_import },
  { "export", "export FILE.werkstatt OUT.json [--embed-photos]", cmd_export },
  { "check", "check FILE.werkstatt", cmd_check },
  { "results", "results FILE.werkstatt [--workshop ID] [--csv]", cmd_results },
  { "protocol", "protocol FILE.werkstatt --workshop ID -o OUT.pdf", cmd_protocol },
  { "framework", "framework FILE.werkstatt -o OUT.pdf|OUT.md|OUT.odt", cmd_framework },
  { "measures", "measures FILE.werkstatt -o OUT.csv", cmd_measures },
  { "sustainability", "sustainability FILE.werkstatt -o OUT.pdf", cmd_sustainability },
};

static int
help (FILE *out)
{
  fprintf (out, "%s\n", _ ("Usage: werkstatt-cli COMMAND ARGUMENTS"));
  fprintf (out, "%s\n", _ ("Werkstatt’s strategy processes without a display."));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  werkstatt-cli %s\n", commands[i].usage);
  return out == stdout ? 0 : 2;
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("WERKSTATT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return help (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    return help (stdout);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc, argv);
  g_printerr (_ ("werkstatt-cli: unknown command “%s”\n"), argv[1]);
  return help (stderr);
}
