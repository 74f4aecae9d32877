/* werk-demo.c: the built-in demo process, compiled in as a GResource (data/demo/).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "werk-private.h"

#define DEMO_PATH "/app/werkstatt/Werkstatt/demo/"

/* From the compiled resource; calling it also keeps the resource in a static link. */
GResource *werk_demo_get_resource (void);

WerkStore *
werk_demo_create (const char *out_path, GError **error)
{
  g_autoptr (GBytes) json = NULL;
  g_autoptr (GFile) base = NULL;

  g_return_val_if_fail (out_path != NULL, NULL);

  json = g_resource_lookup_data (werk_demo_get_resource (), DEMO_PATH "demo.json", 0, NULL);
  if (json == NULL)
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_FAILED,
                           _ ("The demo is missing from this build of Werkstatt."));
      return NULL;
    }
  base = g_file_new_for_uri ("resource://" DEMO_PATH);
  return werk_json_import (json, base, out_path, error);
}
