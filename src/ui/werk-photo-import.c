/* werk-photo-import.c: adding many photos to a workshop without blocking the window.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "werk-photo-import.h"

struct _WerkPhotoImport
{
  GObject parent_instance;

  WerkStore *store;
  WerkWorkshop *workshop;
  GListModel *files;
  GCancellable *cancellable;
  guint next;
  guint n_added;
  GPtrArray *failures;
  GPtrArray *failed_names;
  GBytes *loaded; /* read, waiting for the idle callback that adds it */
  char *loaded_name;
};

G_DEFINE_FINAL_TYPE (WerkPhotoImport, werk_photo_import, G_TYPE_OBJECT)

enum
{
  SIGNAL_PROGRESS,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_next (WerkPhotoImport *self);

static void
fail (WerkPhotoImport *self, const char *name, const char *message)
{
  g_ptr_array_add (self->failures, g_strdup_printf ("%s: %s", name, message));
  g_ptr_array_add (self->failed_names, g_strdup (name));
}

static void
step_done (WerkPhotoImport *self)
{
  self->next++;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, self->next,
                 g_list_model_get_n_items (self->files));
  load_next (self);
}

static gboolean
add_idle_cb (gpointer data)
{
  WerkPhotoImport *self = data;
  g_autoptr (GBytes) bytes = g_steal_pointer (&self->loaded);
  g_autofree char *name = g_steal_pointer (&self->loaded_name);
  g_autoptr (GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;
  if (werk_store_add_photo (self->store, self->workshop, bytes, name, &error))
    self->n_added++;
  else
    fail (self, name, error->message);
  step_done (self);
  return G_SOURCE_REMOVE;
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (WerkPhotoImport) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *display = g_filename_display_name (name);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (self, display, error->message);
      step_done (self);
      return;
    }
  self->loaded = g_bytes_new_take (contents, length);
  self->loaded_name = g_steal_pointer (&display);
  /* Decoding and thumbnailing happen in the add: let the window draw first. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, add_idle_cb, g_object_ref (self), g_object_unref);
}

static void
load_next (WerkPhotoImport *self)
{
  g_autoptr (GFile) file = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->next >= g_list_model_get_n_items (self->files))
    {
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      return;
    }
  file = g_list_model_get_item (self->files, self->next);
  g_file_load_contents_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

void
werk_photo_import_start (WerkPhotoImport *self)
{
  g_return_if_fail (WERK_IS_PHOTO_IMPORT (self));
  load_next (self);
}

void
werk_photo_import_cancel (WerkPhotoImport *self)
{
  g_return_if_fail (WERK_IS_PHOTO_IMPORT (self));
  g_cancellable_cancel (self->cancellable);
}

guint
werk_photo_import_get_n_added (WerkPhotoImport *self)
{
  g_return_val_if_fail (WERK_IS_PHOTO_IMPORT (self), 0);
  return self->n_added;
}

GPtrArray *
werk_photo_import_get_failures (WerkPhotoImport *self)
{
  g_return_val_if_fail (WERK_IS_PHOTO_IMPORT (self), NULL);
  return self->failures;
}

char *
werk_photo_import_get_failed_names (WerkPhotoImport *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (WERK_IS_PHOTO_IMPORT (self), NULL);
  for (guint i = 0; i < self->failed_names->len; i++)
    g_ptr_array_add (names, g_ptr_array_index (self->failed_names, i));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static void
werk_photo_import_dispose (GObject *object)
{
  WerkPhotoImport *self = WERK_PHOTO_IMPORT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->files);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_pointer (&self->loaded, g_bytes_unref);
  g_clear_pointer (&self->loaded_name, g_free);
  G_OBJECT_CLASS (werk_photo_import_parent_class)->dispose (object);
}

static void
werk_photo_import_finalize (GObject *object)
{
  WerkPhotoImport *self = WERK_PHOTO_IMPORT (object);

  g_ptr_array_unref (self->failures);
  g_ptr_array_unref (self->failed_names);
  G_OBJECT_CLASS (werk_photo_import_parent_class)->finalize (object);
}

static void
werk_photo_import_class_init (WerkPhotoImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = werk_photo_import_dispose;
  object_class->finalize = werk_photo_import_finalize;

  signals[SIGNAL_PROGRESS] =
      g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werk_photo_import_init (WerkPhotoImport *self)
{
  self->cancellable = g_cancellable_new ();
  self->failures = g_ptr_array_new_with_free_func (g_free);
  self->failed_names = g_ptr_array_new_with_free_func (g_free);
}

WerkPhotoImport *
werk_photo_import_new (WerkStore *store, WerkWorkshop *workshop, GListModel *files)
{
  WerkPhotoImport *self;

  g_return_val_if_fail (WERK_IS_STORE (store), NULL);
  g_return_val_if_fail (WERK_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  self = g_object_new (WERK_TYPE_PHOTO_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->workshop = g_object_ref (workshop);
  self->files = g_object_ref (files);
  return self;
}
