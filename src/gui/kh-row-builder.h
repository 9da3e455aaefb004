/* kh-row-builder.h — builds a list's rows a batch at a time, between frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Building rows stops after this long; the frame then lays them out.
 * Under Xvfb every frame costs ~15 ms to draw whatever changed, so fewer,
 * fuller batches stall no more often: 2, 4 and 8 ms gave 52, 58 and 194
 * turns over 16 ms in bench/actions.sh, the list complete in 430, 310
 * and 290 ms. */
#define KH_ROW_BUILDER_BUDGET_US 4000

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
