/* kh-row-builder.c — builds a list's rows a batch at a time, between frames
 *
 * A row with wrapping labels costs 1–2 ms to build and as much again to
 * lay out, so a list of fifty built at once held the window up for a
 * fifth of a second. The tasks and results pages build what one turn of
 * the main loop affords, then the next batch after each frame: a tick
 * callback waits for the frame, then an idle builds, so a batch and the
 * frame that lays it out never share a turn. Out of sight, the batches
 * follow at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-row-builder"

#include "config.h"

#include "kh-row-builder.h"
#include "kh-stall-monitor.h"

static void build_later (KhRowBuilder *self);

static gboolean
build_cb (gpointer data)
{
  KhRowBuilder *self = data;

  self->source = 0;
  kh_stall_monitor_push (self->name);
  if (!self->build (self->data, KH_ROW_BUILDER_BUDGET_US))
    build_later (self);
  kh_stall_monitor_pop ();
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  KhRowBuilder *self = data;

  self->tick_id = 0;
  self->source = g_idle_add (build_cb, self);
  return G_SOURCE_REMOVE;
}

static void
build_later (KhRowBuilder *self)
{
  if (gtk_widget_get_mapped (self->widget))
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
  else
    self->source = g_idle_add (build_cb, self);
}

/* @self lives as long as @widget (a member of its instance). */
void
kh_row_builder_init (KhRowBuilder     *self,
                     GtkWidget        *widget,
                     const char       *name,
                     KhRowBuilderFunc  build,
                     gpointer          data)
{
  *self = (KhRowBuilder) { widget, name, build, data, 0, 0 };
}

/* Builds what @budget_us affords now (< 0: every row), the rest later. */
void
kh_row_builder_start (KhRowBuilder *self,
                      gint64        budget_us)
{
  kh_row_builder_cancel (self);
  kh_stall_monitor_push (self->name);
  if (!self->build (self->data, budget_us))
    build_later (self);
  kh_stall_monitor_pop ();
}

void
kh_row_builder_cancel (KhRowBuilder *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

/* Whether rows are still to be built. */
gboolean
kh_row_builder_is_busy (KhRowBuilder *self)
{
  return self->source != 0 || self->tick_id != 0;
}
