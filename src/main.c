/* main.c: the entry point of the Werkstatt desktop app.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "werk-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (WerkApplication) app = NULL;
  /* Set by `meson devenv` so that an uninstalled build finds its translations. */
  const char *localedir = g_getenv ("WERKSTATT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = werk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
