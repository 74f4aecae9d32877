/* werk-sustainability-item.c: a measure in the overview, its result kept until it changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "werk-sustainability-item.h"

struct _WerkSustainabilityItem
{
  GObject parent_instance;

  WerkMeasure *measure;
  WerkSustainabilityResult result;
  gboolean valid;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WerkSustainabilityItem, werk_sustainability_item, G_TYPE_OBJECT)

static void
measure_notify_cb (WerkSustainabilityItem *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
werk_sustainability_item_dispose (GObject *object)
{
  WerkSustainabilityItem *self = WERK_SUSTAINABILITY_ITEM (object);

  g_clear_object (&self->measure);
  G_OBJECT_CLASS (werk_sustainability_item_parent_class)->dispose (object);
}

static void
werk_sustainability_item_class_init (WerkSustainabilityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = werk_sustainability_item_dispose;

  /* Emitted when the measure or its check changed: rows showing it read it again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
werk_sustainability_item_init (WerkSustainabilityItem *self)
{
}

WerkSustainabilityItem *
werk_sustainability_item_new (WerkMeasure *measure)
{
  WerkSustainabilityItem *self;

  g_return_val_if_fail (WERK_IS_MEASURE (measure), NULL);

  self = g_object_new (WERK_TYPE_SUSTAINABILITY_ITEM, NULL);
  self->measure = g_object_ref (measure);
  g_signal_connect_object (measure, "notify", G_CALLBACK (measure_notify_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

WerkMeasure *
werk_sustainability_item_get_measure (WerkSustainabilityItem *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_ITEM (self), NULL);

  return self->measure;
}

const WerkSustainabilityResult *
werk_sustainability_item_get_result (WerkSustainabilityItem *self)
{
  g_return_val_if_fail (WERK_IS_SUSTAINABILITY_ITEM (self), NULL);

  if (!self->valid)
    {
      werk_sustainability_evaluate (self->measure, &self->result);
      self->valid = TRUE;
    }
  return &self->result;
}

void
werk_sustainability_item_invalidate (WerkSustainabilityItem *self)
{
  g_return_if_fail (WERK_IS_SUSTAINABILITY_ITEM (self));

  self->valid = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
