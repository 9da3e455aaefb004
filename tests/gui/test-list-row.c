/* test-list-row.c — KhListRow shows its text whole, KhTextColumn's shortcut
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-list-row.h"
#include "kh-text-column.h"
#include "kh-test-ui.h"

#define LONG_TITLE "Tuyên truyền, phổ biến các văn bản quy phạm pháp luật mới về cải cách " \
                   "hành chính, chuyển đổi số và dịch vụ công trực tuyến đến cán bộ, công chức " \
                   "và nhân dân trên địa bàn phường Phổ Minh"
#define SUBTITLE   "Trước 31/12/2024 · Phối hợp: Văn hóa – Xã hội, Đài truyền thanh"

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_text_column (GtkWidget     *widget,
                gconstpointer  data)
{
  return KH_IS_TEXT_COLUMN (widget);
}

static void
test_title_and_subtitle (void)
{
  GtkWidget *row = g_object_ref_sink (kh_list_row_new ());
  GtkWidget *subtitle;

  kh_list_row_set_title (KH_LIST_ROW (row), "Nhiệm vụ 1");
  g_assert_cmpstr (kh_list_row_get_title (KH_LIST_ROW (row)), ==, "Nhiệm vụ 1");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Nhiệm vụ 1");
  g_assert_true (gtk_widget_get_visible (kh_test_find_widget (row, is_label_with_text, "Nhiệm vụ 1")));

  /* Plain text, never markup. */
  kh_list_row_set_subtitle (KH_LIST_ROW (row), "<b>Thường xuyên</b> & hằng quý");
  subtitle = kh_test_find_widget (row, is_label_with_text, "<b>Thường xuyên</b> & hằng quý");
  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_get_visible (subtitle));

  kh_list_row_set_subtitle (KH_LIST_ROW (row), NULL);
  g_assert_cmpstr (kh_list_row_get_subtitle (KH_LIST_ROW (row)), ==, "");
  g_assert_false (gtk_widget_get_visible (subtitle));
  g_object_unref (row);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *suffix;
} Laid;

static gboolean
laid_out (gpointer data)
{
  Laid *laid = data;

  return gtk_widget_get_mapped (laid->row) && gtk_widget_get_width (laid->row) > 0;
}

/* A long title in a narrow window wraps: the row is tall enough for all
 * its lines, the suffix stays inside the row. */
static void
test_long_title_wraps_whole (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title, *column;
  Laid laid = { gtk_window_new (), kh_list_row_new (), gtk_button_new_from_icon_name ("user-trash-symbolic") };
  graphene_rect_t suffix_bounds;
  int label_height, one_line, column_min, column_min_for_height;

  kh_list_row_set_title (KH_LIST_ROW (laid.row), LONG_TITLE);
  kh_list_row_set_subtitle (KH_LIST_ROW (laid.row), SUBTITLE);
  kh_list_row_add_suffix (KH_LIST_ROW (laid.row), laid.suffix);
  gtk_list_box_append (GTK_LIST_BOX (list), laid.row);
  gtk_window_set_child (GTK_WINDOW (laid.window), list);
  gtk_window_set_default_size (GTK_WINDOW (laid.window), 360, 200);
  gtk_window_present (GTK_WINDOW (laid.window));
  g_assert_true (kh_test_wait_for (laid_out, &laid));

  title = kh_test_find_widget (laid.row, is_label_with_text, LONG_TITLE);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (title),
                      &label_height, NULL, NULL, NULL);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, G_MAXINT / 2, &one_line, NULL, NULL, NULL);
  g_test_message ("title %d px wide, %d px high (one line: %d)",
                  gtk_widget_get_width (title), gtk_widget_get_height (title), one_line);
  g_assert_cmpint (gtk_widget_get_width (title), <, 360);
  g_assert_cmpint (gtk_widget_get_height (title), >=, label_height);
  g_assert_cmpint (gtk_widget_get_height (title), >=, 3 * one_line);

  g_assert_true (gtk_widget_compute_bounds (laid.suffix, laid.row, &suffix_bounds));
  g_assert_cmpfloat (suffix_bounds.origin.x + suffix_bounds.size.width, <=, gtk_widget_get_width (laid.row));
  g_assert_cmpfloat (suffix_bounds.origin.x, >, gtk_widget_get_width (title));

  /* The shortcut: its width for a height is its width for any height. */
  column = kh_test_find_widget (laid.row, is_text_column, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &column_min, NULL, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, one_line, &column_min_for_height, NULL, NULL, NULL);
  g_assert_cmpint (column_min_for_height, ==, column_min);

  gtk_window_destroy (GTK_WINDOW (laid.window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/list-row/title-and-subtitle", test_title_and_subtitle);
  g_test_add_func ("/gui/list-row/long-title-wraps-whole", test_long_title_wraps_whole);
  return g_test_run ();
}
