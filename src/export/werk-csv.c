/* werk-csv.c: CSV for spreadsheets (RFC 4180 with a choice of separator), written and read.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "werk-error.h"
#include "werk-csv.h"

struct _WerkCsv
{
  GObject parent_instance;

  char separator;
  GString *text;
  guint n_fields;  /* in the current row */
  gsize row_start; /* offset of the current row in text */
};

G_DEFINE_FINAL_TYPE (WerkCsv, werk_csv, G_TYPE_OBJECT)

static void
werk_csv_finalize (GObject *object)
{
  WerkCsv *self = WERK_CSV (object);

  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (werk_csv_parent_class)->finalize (object);
}

static void
werk_csv_class_init (WerkCsvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = werk_csv_finalize;
}

static void
werk_csv_init (WerkCsv *self)
{
  self->text = g_string_new (NULL);
  self->separator = ',';
}

static gboolean
is_valid_separator (char separator)
{
  return separator != '\0' && separator != '"' && separator != '\r' && separator != '\n' &&
         (guchar) separator < 0x80;
}

/**
 * werk_csv_new:
 * @separator: ';' for German spreadsheets, ',' for RFC 4180, '\t' for tab-separated
 * @bom: whether to begin with a UTF-8 byte order mark, which Excel needs to detect UTF-8
 *
 * Returns: (transfer full): an empty CSV text; rows end with CR LF.
 */
WerkCsv *
werk_csv_new (char separator, gboolean bom)
{
  WerkCsv *self;

  g_return_val_if_fail (is_valid_separator (separator), NULL);

  self = g_object_new (WERK_TYPE_CSV, NULL);
  self->separator = separator;
  if (bom)
    g_string_append (self->text, "\xEF\xBB\xBF");
  self->row_start = self->text->len;
  return self;
}

/* Spreadsheets drop unquoted leading and trailing spaces, so they are quoted too. */
static gboolean
needs_quotes (const char *field, char separator)
{
  gsize length = strlen (field);

  if (length == 0)
    return FALSE;
  return strchr (field, separator) != NULL || strpbrk (field, "\"\r\n") != NULL ||
         g_ascii_isspace (field[0]) || g_ascii_isspace (field[length - 1]);
}

/** werk_csv_add_field: appends one field to the current row; %NULL is an empty field. */
void
werk_csv_add_field (WerkCsv *self, const char *field)
{
  g_return_if_fail (WERK_IS_CSV (self));

  if (field == NULL)
    field = "";
  if (self->n_fields > 0)
    g_string_append_c (self->text, self->separator);
  self->n_fields++;
  if (!needs_quotes (field, self->separator))
    {
      g_string_append (self->text, field);
      return;
    }
  g_string_append_c (self->text, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->text, '"');
      g_string_append_c (self->text, *p);
    }
  g_string_append_c (self->text, '"');
}

/** werk_csv_end_row: ends the current row with CR LF. */
void
werk_csv_end_row (WerkCsv *self)
{
  g_return_if_fail (WERK_IS_CSV (self));

  /* A lone empty field is written as "" so that it reads back as one field, not none. */
  if (self->n_fields == 1 && self->text->len == self->row_start)
    g_string_append (self->text, "\"\"");
  g_string_append (self->text, "\r\n");
  self->n_fields = 0;
  self->row_start = self->text->len;
}

/** werk_csv_add_row: appends a whole row; @fields is %NULL-terminated. */
void
werk_csv_add_row (WerkCsv *self, const char *const *fields)
{
  g_return_if_fail (WERK_IS_CSV (self));
  g_return_if_fail (fields != NULL);
  g_return_if_fail (self->n_fields == 0);

  for (guint i = 0; fields[i] != NULL; i++)
    werk_csv_add_field (self, fields[i]);
  werk_csv_end_row (self);
}

/**
 * werk_csv_to_bytes:
 *
 * Returns: (transfer full): the CSV text so far, a row still open ended.
 */
GBytes *
werk_csv_to_bytes (WerkCsv *self)
{
  g_return_val_if_fail (WERK_IS_CSV (self), NULL);

  if (self->n_fields > 0)
    werk_csv_end_row (self);
  return g_bytes_new (self->text->str, self->text->len);
}

/**
 * werk_csv_save:
 * @path: the file to write, replaced as a whole
 *
 * Writes the CSV text to @path: either the whole file or, on failure, nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
werk_csv_save (WerkCsv *self, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (WERK_IS_CSV (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = werk_csv_to_bytes (self);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, size, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, WERK_ERROR, WERK_ERROR_FAILED, _ ("Could not save “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *p;
  const char *end;
  char separator;
  guint line;
} Reader;

static gboolean
at_field_end (const Reader *r)
{
  return r->p == r->end || *r->p == r->separator || *r->p == '\r' || *r->p == '\n';
}

static char *
read_quoted (Reader *r, GError **error)
{
  g_autoptr (GString) field = g_string_new (NULL);
  guint first_line = r->line;

  for (r->p++;; r->p++)
    {
      if (r->p == r->end)
        {
          g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                       _ ("Line %u: a quoted field is never closed."), first_line);
          return NULL;
        }
      if (*r->p == '"' && (r->p + 1 == r->end || r->p[1] != '"'))
        break;
      if (*r->p == '"')
        r->p++;
      else if (*r->p == '\n')
        r->line++;
      g_string_append_c (field, *r->p);
    }
  r->p++;
  if (!at_field_end (r))
    {
      g_set_error (error, WERK_ERROR, WERK_ERROR_INVALID,
                   _ ("Line %u: a closing quote must end its field."), r->line);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&field), FALSE);
}

static char *
read_field (Reader *r, GError **error)
{
  const char *start = r->p;

  if (r->p < r->end && *r->p == '"')
    return read_quoted (r, error);
  while (!at_field_end (r))
    r->p++;
  return g_strndup (start, r->p - start);
}

static char **
read_row (Reader *r, GError **error)
{
  g_autoptr (GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      char *field = read_field (r, error);

      if (field == NULL)
        return NULL;
      g_ptr_array_add (row, field);
      if (r->p == r->end || *r->p != r->separator)
        break;
      r->p++;
    }
  if (r->p < r->end && *r->p == '\r')
    r->p++;
  if (r->p < r->end && *r->p == '\n')
    r->p++;
  r->line++;
  g_ptr_array_add (row, NULL);
  g_ptr_array_set_free_func (row, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&row), FALSE);
}

/**
 * werk_csv_parse:
 * @data: UTF-8 text, with or without a byte order mark
 * @separator: the field separator, e.g. ';'
 *
 * Reads CSV as RFC 4180 describes it, with any line ending. An empty line is a row of one
 * empty field.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, or %NULL with @error set.
 */
GPtrArray *
werk_csv_parse (const char *data, gsize length, char separator, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  Reader r = { data, data + length, separator, 1 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (is_valid_separator (separator), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > 0 && !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, WERK_ERROR, WERK_ERROR_INVALID,
                           _ ("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try "
                              "again."));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  while (r.p < r.end)
    {
      char **row = read_row (&r, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}
