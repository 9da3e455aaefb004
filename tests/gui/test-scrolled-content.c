/* test-scrolled-content.c — KhScrolledContent skips the height for no
 * width, and its page still scrolls to the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-scrolled-content.h"
#include "kh-test-ui.h"

#define PARAGRAPH "Tuyên truyền, phổ biến các văn bản quy phạm pháp luật mới về cải cách " \
                  "hành chính, chuyển đổi số và dịch vụ công trực tuyến đến cán bộ, công chức " \
                  "và nhân dân trên địa bàn phường Phổ Minh."

static GtkWidget *
paragraphs_new (guint n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *label = gtk_label_new (PARAGRAPH);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

/* Every measure but the height for no width is the child's own. */
static void
test_measure (void)
{
  GtkWidget *content = g_object_ref_sink (g_object_new (KH_TYPE_SCROLLED_CONTENT, NULL));
  GtkWidget *child = paragraphs_new (3);
  int min, nat, child_min, child_nat;

  adw_bin_set_child (ADW_BIN (content), child);
  g_assert_cmpint (gtk_widget_get_request_mode (content), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, 0);

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, 300, &child_min, &child_nat, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 300, &min, &nat, NULL, NULL);
  g_assert_cmpint (child_min, >, 3 * 20);
  g_assert_cmpint (min, ==, child_min);
  g_assert_cmpint (nat, ==, child_nat);

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, child_min);
  g_assert_cmpint (nat, ==, child_nat);
  g_object_unref (content);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *last;
} Page;

static gboolean
scrolls_over_all (gpointer data)
{
  Page *page = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page->scrolled));

  return gtk_widget_get_mapped (page->scrolled) &&
         gtk_adjustment_get_page_size (adjustment) > 0 &&
         gtk_adjustment_get_upper (adjustment) > 4 * gtk_adjustment_get_page_size (adjustment);
}

static gboolean
last_in_sight (gpointer data)
{
  Page *page = data;
  graphene_point_t point;

  return gtk_widget_compute_point (page->last, page->scrolled, &GRAPHENE_POINT_INIT (0, 0), &point) &&
         point.y >= 0 && point.y < gtk_widget_get_height (page->scrolled);
}

/* In a window, the page scrolls over all of its height and its last
 * paragraph can be scrolled into sight. */
static void
test_scrolls (void)
{
  Page page = { 0 };
  GtkWidget *content = g_object_new (KH_TYPE_SCROLLED_CONTENT, NULL);
  GtkWidget *child = paragraphs_new (40);
  GtkAdjustment *adjustment;

  adw_bin_set_child (ADW_BIN (content), child);
  page.last = gtk_widget_get_last_child (child);
  page.scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page.scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page.scrolled), content);
  page.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (page.window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (page.window), page.scrolled);
  gtk_window_present (GTK_WINDOW (page.window));

  g_assert_true (kh_test_wait_for (scrolls_over_all, &page));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page.scrolled));
  /* The child got the height it asked for at the width it was given. */
  g_assert_cmpint ((int)gtk_adjustment_get_upper (adjustment), ==, gtk_widget_get_height (child));
  g_assert_false (last_in_sight (&page));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (kh_test_wait_for (last_in_sight, &page));
  gtk_window_destroy (GTK_WINDOW (page.window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/scrolled-content/measure", test_measure);
  g_test_add_func ("/gui/scrolled-content/scrolls", test_scrolls);
  return g_test_run ();
}
