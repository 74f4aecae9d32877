/* werk-live-watch.c: one "changed" signal for any change to the records of some list models.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "werk-live-watch.h"

struct _WerkLiveWatch
{
  GObject parent_instance;

  GPtrArray *models;  /* watched models */
  GPtrArray *objects; /* their items and single objects, whose notify we listen to */
  GPtrArray *singles; /* objects added one by one */
  guint idle_id;
};

G_DEFINE_FINAL_TYPE (WerkLiveWatch, werk_live_watch, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_idle_cb (gpointer data)
{
  WerkLiveWatch *self = data;

  self->idle_id = 0;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule (WerkLiveWatch *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (emit_idle_cb, self);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, WerkLiveWatch *self)
{
  schedule (self);
}

static void
disconnect_objects (WerkLiveWatch *self)
{
  for (guint i = 0; i < self->objects->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->objects, i), self);
  g_ptr_array_set_size (self->objects, 0);
}

static void
connect_object (WerkLiveWatch *self, GObject *object)
{
  g_signal_connect_object (object, "notify", G_CALLBACK (notify_cb), self, 0);
  g_ptr_array_add (self->objects, g_object_ref (object));
}

/* Items come and go: listening to each again is simpler than tracking positions. */
static void
reconnect (WerkLiveWatch *self)
{
  disconnect_objects (self);
  for (guint m = 0; m < self->models->len; m++)
    {
      GListModel *model = g_ptr_array_index (self->models, m);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (model, i);
          connect_object (self, item);
        }
    }
  for (guint i = 0; i < self->singles->len; i++)
    connect_object (self, g_ptr_array_index (self->singles, i));
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  WerkLiveWatch *self)
{
  reconnect (self);
  schedule (self);
}

static void
werk_live_watch_dispose (GObject *object)
{
  WerkLiveWatch *self = WERK_LIVE_WATCH (object);

  if (self->models)
    werk_live_watch_clear (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->singles, g_ptr_array_unref);

  G_OBJECT_CLASS (werk_live_watch_parent_class)->dispose (object);
}

static void
werk_live_watch_class_init (WerkLiveWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = werk_live_watch_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werk_live_watch_init (WerkLiveWatch *self)
{
  self->models = g_ptr_array_new_with_free_func (g_object_unref);
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->singles = g_ptr_array_new_with_free_func (g_object_unref);
}

WerkLiveWatch *
werk_live_watch_new (void)
{
  return g_object_new (WERK_TYPE_LIVE_WATCH, NULL);
}

void
werk_live_watch_add_model (WerkLiveWatch *self, GListModel *model)
{
  g_return_if_fail (WERK_IS_LIVE_WATCH (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));

  g_ptr_array_add (self->models, g_object_ref (model));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
  reconnect (self);
  schedule (self);
}

void
werk_live_watch_add_object (WerkLiveWatch *self, GObject *object)
{
  g_return_if_fail (WERK_IS_LIVE_WATCH (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_ptr_array_add (self->singles, g_object_ref (object));
  connect_object (self, object);
  schedule (self);
}

void
werk_live_watch_clear (WerkLiveWatch *self)
{
  g_return_if_fail (WERK_IS_LIVE_WATCH (self));

  disconnect_objects (self);
  for (guint i = 0; i < self->models->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->models, i), self);
  g_ptr_array_set_size (self->models, 0);
  g_ptr_array_set_size (self->singles, 0);
}

void
werk_live_watch_flush (WerkLiveWatch *self)
{
  g_return_if_fail (WERK_IS_LIVE_WATCH (self));

  if (self->idle_id == 0)
    return;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
