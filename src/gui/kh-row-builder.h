/* kh-row-builder.h — builds a list's rows a batch at a time, between frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Building rows stops after this long; the frame then measures, lays out
 * and draws them, which costs more the more rows came. Since the rows'
 * tooltips stopped asking the X server where the pointer is
 * (kh_widget_set_tooltip_quietly()), a row builds in a fraction of what
 * it did: 4 ms of them made frames of 17–24 ms while the tasks list grew,
 * 2.5 ms none, the whole list in 55–60 ms (2 ms: 74–89 ms, also none).
 * bench/actions.sh, 2026-12-07; docs/performance.md. */
#define KH_ROW_BUILDER_BUDGET_US 2500

/* Builds rows until @budget_us is spent (< 0: all of them); TRUE when
 * every row is built. */
typedef gboolean (*KhRowBuilderFunc) (gpointer data,
                                      gint64   budget_us);

typedef struct
{
  GtkWidget        *widget;    /* borrowed: the list's page, whose frames pace the batches */
  const char       *name;      /* what the stall monitor calls a batch */
  KhRowBuilderFunc  build;
  gpointer          data;
  guint             source;    /* the idle that builds the next batch */
  guint             tick_id;   /* waits for the frame that lays out the last one */
} KhRowBuilder;

void     kh_row_builder_init    (KhRowBuilder     *self,
                                 GtkWidget        *widget,
                                 const char       *name,
                                 KhRowBuilderFunc  build,
                                 gpointer          data);
void     kh_row_builder_start   (KhRowBuilder     *self,
                                 gint64            budget_us);
void     kh_row_builder_cancel  (KhRowBuilder     *self);
gboolean kh_row_builder_is_busy (KhRowBuilder     *self);

G_END_DECLS
