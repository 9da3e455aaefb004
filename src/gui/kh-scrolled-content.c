/* kh-scrolled-content.c — a page's content in its scrolled window,
 * without the measure nobody reads
 *
 * GTK 4.8 measures a scrolled window's child for its height at no width
 * at all: GtkScrolledWindow asks whenever it is measured, and GDK computes
 * the window's size again (measuring it) whenever a page is first shown
 * or a list grows. At no width, every wrapping label lays its whole text
 * out on one line, so a page of long Vietnamese titles was shaped again
 * by Pango just to find heights that a page scrolling vertically, and not
 * propagating its height, never uses: 33 ms of the 49 ms turn that first
 * showed the reports page.
 *
 * This bin answers that one question, the height for no width, with 0.
 * Every other measure, and the allocation, is its child's, through
 * KhTextColumn. Use it only as the child of a scrolled window that
 * scrolls vertically and does not propagate its natural height: the
 * viewport then asks for the height at the width it gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-scrolled-content"

#include "config.h"

#include "kh-scrolled-content.h"
#include "kh-text-column.h"

struct _KhScrolledContent
{
  KhTextColumn parent_instance;
};

G_DEFINE_FINAL_TYPE (KhScrolledContent, kh_scrolled_content, KH_TYPE_TEXT_COLUMN)

static void
kh_scrolled_content_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Left at 0: the scrolled window scrolls whatever the height. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0)
    return;
  GTK_WIDGET_CLASS (kh_scrolled_content_parent_class)->measure (widget, orientation, for_size,
                                                                minimum, natural,
                                                                minimum_baseline, natural_baseline);
}

static void
kh_scrolled_content_class_init (KhScrolledContentClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kh_scrolled_content_measure;
  gtk_widget_class_set_css_name (widget_class, "khscrolledcontent");
}

static void
kh_scrolled_content_init (KhScrolledContent *self)
{
}
