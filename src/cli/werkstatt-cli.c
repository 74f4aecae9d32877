/* werkstatt-cli.c: Werkstatt without a display: demo, import, export, check, results, documents.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "werk-core.h"
#include "werk-cli-exports.h"

/* The options a command takes; any other option is refused, not read as a file name. */
typedef enum
{
  OPT_WORKSHOP = 1 << 0,
  OPT_OUTPUT = 1 << 1,
  OPT_CSV = 1 << 2,
  OPT_EMBED_PHOTOS = 1 << 3,
  OPT_WITH_DROPPED = 1 << 4,
} Options;

/* A command line after the command's name: its file names, --flag and --key VALUE / -o VALUE,
 * in any order; "--" ends the options. */
typedef struct
{
  GPtrArray *args;
  const char *workshop;
  const char *output;
  gboolean csv;
  gboolean embed_photos;
  gboolean with_dropped;
  gboolean help;
} Args;

typedef struct
{
  const char *name;
  const char *usage;
  guint n_args;
  Options options;
  Options required; /* options it cannot do without (shown without brackets) */
  int (*run) (const Args *a);
} Command;

static int
fail (const GError *error)
{
  g_printerr ("werkstatt-cli: %s\n", error->message);
  return 1;
}

static int
usage (const Command *command)
{
  g_printerr (_ ("Usage: werkstatt-cli %s\n"), command->usage);
  return 2;
}

static void
args_clear (Args *a)
{
  g_clear_pointer (&a->args, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static gboolean
is_option (const char *arg, Options options, Options option, const char *name)
{
  return (options & option) && g_str_equal (arg, name);
}

static gboolean
parse_args (int argc, char **argv, Options options, Args *a)
{
  gboolean only_files = FALSE;

  a->args = g_ptr_array_new ();
  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean has_value = i + 1 < argc;

      if (only_files || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (a->args, argv[i]);
      else if (g_str_equal (arg, "--"))
        only_files = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        a->help = TRUE;
      else if (is_option (arg, options, OPT_CSV, "--csv"))
        a->csv = TRUE;
      else if (is_option (arg, options, OPT_EMBED_PHOTOS, "--embed-photos"))
        a->embed_photos = TRUE;
      else if (is_option (arg, options, OPT_WITH_DROPPED, "--with-dropped"))
        a->with_dropped = TRUE;
      else if (is_option (arg, options, OPT_WORKSHOP, "--workshop") && has_value)
        a->workshop = argv[++i];
      else if ((is_option (arg, options, OPT_OUTPUT, "-o") ||
                is_option (arg, options, OPT_OUTPUT, "--output")) &&
               has_value)
        a->output = argv[++i];
      else
        return FALSE;
    }
  return TRUE;
}

static int
cmd_demo (const Args *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (!(store = werk_demo_create (a->args->pdata[0], &error)))
    return fail (error);
  return 0;
}

static int
cmd_import (const Args *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (!(store = werk_json_import_file (a->args->pdata[0], a->args->pdata[1], &error)))
    return fail (error);
  return 0;
}

static int
cmd_export (const Args *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (!(store = werk_store_open (a->args->pdata[0], &error)) ||
      !werk_json_export_file (store, a->args->pdata[1], a->embed_photos, &error))
    return fail (error);
  return 0;
}

static int
cmd_check (const Args *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *path = a->args->pdata[0];

  if (!(store = werk_store_open (path, &error)) || !werk_store_check (store, problems, &error))
    return fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      g_printerr ("werkstatt-cli: ");
      g_printerr (ngettext ("%s: %u problem found\n", "%s: %u problems found\n", problems->len),
                  path, problems->len);
      return 1;
    }
  g_print (_ ("%s: ok (schema version %d)\n"), path, WERK_SCHEMA_VERSION);
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
cmd_results (const Args *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;
  GListModel *workshops;

  if (!(store = werk_store_open (a->args->pdata[0], &error)))
    return fail (error);
  if (a->workshop && !WERK_IS_WORKSHOP (werk_store_lookup (store, a->workshop)))
    {
      g_printerr (_ ("werkstatt-cli: no workshop with id “%s”\n"), a->workshop);
      return 1;
    }
  if (a->csv)
    print_row (TRUE, (const char *[]){ "round", "rank", "dots", "tie", "title", NULL });
  workshops = werk_store_get_list (store, WERK_KIND_WORKSHOP, NULL);
  for (guint w = 0; w < g_list_model_get_n_items (workshops); w++)
    {
      g_autoptr (WerkRecord) workshop = g_list_model_get_item (workshops, w);
      GListModel *rounds = werk_store_get_list (store, WERK_KIND_VOTING_ROUND, workshop);

      if (a->workshop && !g_str_equal (a->workshop, werk_record_get_id (workshop)))
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (rounds); r++)
        {
          g_autoptr (WerkRecord) round = g_list_model_get_item (rounds, r);
          if (werk_record_get_int (round, "state") != WERK_ROUND_OPEN)
            print_round (WERK_VOTING_ROUND (round), a->csv);
        }
    }
  return 0;
}

/* The document commands share their shape: FILE -o OUT (and a workshop for the protocol). */
static int
run_document (const Args *a, WerkCliDocument document)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WerkStore) store = NULL;

  if (!(store = werk_store_open (a->args->pdata[0], &error)) ||
      !werk_cli_export (store, document, a->workshop, a->output, a->with_dropped, &error))
    return fail (error);
  return 0;
}

static int
cmd_protocol (const Args *a)
{
  return run_document (a, WERK_CLI_PROTOCOL);
}

static int
cmd_framework (const Args *a)
{
  return run_document (a, WERK_CLI_FRAMEWORK);
}

static int
cmd_measures (const Args *a)
{
  return run_document (a, WERK_CLI_MEASURES);
}

static int
cmd_sustainability (const Args *a)
{
  return run_document (a, WERK_CLI_SUSTAINABILITY);
}

static const Command commands[] = {
  { "demo", "demo OUT.werkstatt", 1, 0, 0, cmd_demo },
  { "import", "import IN.json OUT.werkstatt", 2, 0, 0, cmd_import },
  { "export", "export FILE.werkstatt OUT.json [--embed-photos]", 2, OPT_EMBED_PHOTOS, 0,
    cmd_export },
  { "check", "check FILE.werkstatt", 1, 0, 0, cmd_check },
  { "results", "results FILE.werkstatt [--workshop ID] [--csv]", 1, OPT_WORKSHOP | OPT_CSV, 0,
    cmd_results },
  { "protocol", "protocol FILE.werkstatt --workshop ID -o OUT.pdf", 1, OPT_WORKSHOP | OPT_OUTPUT,
    OPT_WORKSHOP | OPT_OUTPUT, cmd_protocol },
  { "framework", "framework FILE.werkstatt -o OUT.pdf|OUT.md|OUT.odt [--with-dropped]", 1,
    OPT_OUTPUT | OPT_WITH_DROPPED, OPT_OUTPUT, cmd_framework },
  { "measures", "measures FILE.werkstatt -o OUT.csv", 1, OPT_OUTPUT, OPT_OUTPUT, cmd_measures },
  { "sustainability", "sustainability FILE.werkstatt -o OUT.pdf", 1, OPT_OUTPUT, OPT_OUTPUT,
    cmd_sustainability },
};

static int
run_command (const Command *command, int argc, char **argv)
{
  g_auto (Args) a = { 0 };

  if (!parse_args (argc, argv, command->options, &a))
    return usage (command);
  if (a.help)
    {
      g_print (_ ("Usage: werkstatt-cli %s\n"), command->usage);
      return 0;
    }
  if (a.args->len != command->n_args ||
      ((command->required & OPT_WORKSHOP) && a.workshop == NULL) ||
      ((command->required & OPT_OUTPUT) && a.output == NULL))
    return usage (command);
  return command->run (&a);
}

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
      return run_command (&commands[i], argc, argv);
  /* One line, as for every other error: the list of commands is one --help away. */
  g_printerr (_ ("werkstatt-cli: unknown command “%s”; “werkstatt-cli --help” lists the "
                 "commands\n"),
              argv[1]);
  return 2;
}
