/* werk-framework.h: the strategy framework of a process (PDF, ODT, Markdown) and its outline.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "werk-core.h"

G_BEGIN_DECLS

typedef enum
{
  WERK_FRAMEWORK_PDF,
  WERK_FRAMEWORK_ODT,
  WERK_FRAMEWORK_MARKDOWN,
} WerkFrameworkFormat;

typedef struct
{
  gboolean with_dropped; /* also list the measures whose status is "dropped" */
  GDateTime *date;       /* (nullable) the date of this state ("Stand"); NULL for today */
} WerkFrameworkOptions;

/* Writes the framework of all workshops of @store to @path, whole or not at all.
 * @options may be NULL for the defaults (no dropped measures, today's date). */
gboolean werk_framework_export (WerkStore *store, const char *path, WerkFrameworkFormat format,
                                const WerkFrameworkOptions *options, GError **error);
/* The format the name of @path asks for: .pdf, .odt or .md; anything else is refused. */
gboolean werk_framework_format_for_path (const char *path, WerkFrameworkFormat *format,
                                         GError **error);
/* werk_framework_export() in the format @path's extension names. */
gboolean werk_framework_export_file (WerkStore *store, const char *path, gboolean with_dropped,
                                     GError **error);

/* What the measures list shares with the framework, so that both number and rank alike. */

/* A measure's priority from dot-voting: the latest revealed or closed round it was on. */
typedef struct
{
  WerkVotingRound *round;
  guint dots;
  guint rank;
  guint n_items; /* items on the round */
  gboolean tie;
} WerkPriority;

typedef struct
{
  WerkMeasure *measure;
  const char *number;    /* its number in the framework: "2.1.3" */
  WerkField *field;      /* the field it is listed under, or NULL */
  WerkGoal *goal;        /* the guiding goal it is listed under, or NULL */
  const char *goals;     /* the goals it serves as the framework names them: "1.1, core goal 2" */
  WerkPriority priority; /* round NULL if it was on no round with visible totals */
} WerkFrameworkEntry;

/* Every measure in the framework's order, numbered as there, as a GPtrArray of
 * WerkFrameworkEntry. Dropped measures come last in their group, so that the others keep
 * their numbers whether or not @with_dropped lists them. */
GPtrArray *werk_framework_list_measures (WerkStore *store, gboolean with_dropped);

G_END_DECLS
