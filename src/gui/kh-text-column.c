/* kh-text-column.c — wrapping text that a row's box lays out cheaply
 *
 * A horizontal GtkBox asked for its height at a width (GTK 4.8's
 * gtk_box_layout_compute_opposite_size_for_size) first looks for the
 * smallest height at which its children's minimum widths fit: a binary
 * search over heights, and a wrapping label's width for a height is a
 * binary search of its own, each step shaping the text again with
 * Pango. Fifty Adwaita action rows with a task's long title took
 * 0.76–0.88 s of CPU to lay out, most of it in that search.
 *
 * This bin (an AdwBin without its layout manager) holds the wrapping
 * labels of a row and gives as its width for any height its plain
 * minimum width (its longest word): the box's
 * first guess then fits, and its search ends at once. The height it
 * gets for the width the box gives it is the labels' own. The same rows
 * built with it: 0.11–0.15 s (docs/performance.md).
 *
 * KhScrolledContent derives from it to skip one more measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-text-column"

#include "config.h"

#include "kh-text-column.h"

G_DEFINE_TYPE (KhTextColumn, kh_text_column, ADW_TYPE_BIN)

static void
kh_text_column_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  /* The width for a height: the width whatever the height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
kh_text_column_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
kh_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kh_text_column_class_init (KhTextColumnClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kh_text_column_measure;
  widget_class->size_allocate = kh_text_column_size_allocate;
  widget_class->get_request_mode = kh_text_column_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "khtextcolumn");
}

static void
kh_text_column_init (KhTextColumn *self)
{
  /* AdwBin's layout manager would measure the child as it is; without
   * one, GTK asks measure() and size_allocate() above. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}
