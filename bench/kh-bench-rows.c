/* kh-bench-rows.c — what laying out a list of rows with long titles costs
 *
 *   kh-bench-rows adw|kh [N]
 *
 * Puts N rows (50 by default) with a task's long title, a subtitle and
 * the tasks page's suffixes (a status and three buttons) in a boxed list
 * in a window, and prints the main thread's CPU time from building the
 * first row to the end of the window's first frame: `adw` builds
 * AdwActionRows, `kh` KhListRows (kh-list-row.c). Needs a display:
 * bench/rows.sh runs both in turn under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "kh-gui-resources.h"
#include "kh-list-row.h"

#define TITLE    "Tuyên truyền, phổ biến các văn bản quy phạm pháp luật mới về cải cách " \
                 "hành chính, chuyển đổi số và dịch vụ công trực tuyến đến cán bộ, công " \
                 "chức và nhân dân trên địa bàn phường"
#define SUBTITLE "Trước 31/12/2024 · Phối hợp: Văn hóa – Xã hội, Đài truyền thanh, " \
                 "Ủy ban MTTQ và các đoàn thể · Chỉ tiêu: 40 tin, bài"

static gboolean use_adw;
static guint n_rows = 50;
static double start_ms;

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static GtkWidget *
suffixes_new (void)
{
  static const char * const icons[] = { "go-up-symbolic", "go-down-symbolic", "user-trash-symbolic" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Đang thực hiện"));
  gtk_widget_add_css_class (linked, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (icons[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (linked), button);
    }
  gtk_box_append (GTK_BOX (box), linked);
  return box;
}

static GtkWidget *
row_new (guint i)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, TITLE);
  GtkWidget *row;

  if (use_adw)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), SUBTITLE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffixes_new ());
    }
  else
    {
      row = kh_list_row_new ();
      kh_list_row_set_title (KH_LIST_ROW (row), title);
      kh_list_row_set_subtitle (KH_LIST_ROW (row), SUBTITLE);
      kh_list_row_set_subtitle_lines (KH_LIST_ROW (row), 3);
      kh_list_row_add_suffix (KH_LIST_ROW (row), suffixes_new ());
    }
  return row;
}

static void
on_paint_after_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  g_print ("%s, %u rows: %.1f ms of CPU to the end of the first frame\n",
           use_adw ? "AdwActionRow" : "KhListRow", n_rows, cpu_ms () - start_ms);
  g_signal_handlers_disconnect_by_func (clock, on_paint_after_cb, app);
  g_application_quit (app);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 740);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);

  start_ms = cpu_ms ();
  for (guint i = 0; i < n_rows; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), row_new (i));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "paint",
                          G_CALLBACK (on_paint_after_cb), app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc < 2 || (!g_str_equal (argv[1], "adw") && !g_str_equal (argv[1], "kh")))
    {
      g_printerr ("usage: %s adw|kh [N]\n", argv[0]);
      return 2;
    }
  use_adw = g_str_equal (argv[1], "adw");
  /* The library is static: naming its resource keeps it linked. */
  (void)kh_gui_get_resource ();
  if (argc > 2)
    n_rows = (guint) atoi (argv[2]);

  app = adw_application_new ("io.github.kehoach.BenchRows", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
