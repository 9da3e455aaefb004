/* test-commemorations.c — Preferences › Commemorative Days, driven
 * through its widgets under a real X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>

#include "kh-agency.h"
#include "kh-commemoration.h"
#include "kh-period.h"

#include "kh-application.h"
#include "kh-preferences-window.h"
#include "kh-window.h"

#define BA_TO       "Ngày Khởi nghĩa Ba Tơ"
#define BA_TO_2024  "79 năm Ngày Khởi nghĩa Ba Tơ (11/3/1945 – 11/3/2024)"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
is_expander_row_titled (GtkWidget     *widget,
                        gconstpointer  prefix)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

/* An archived day's row, not an expander row's header. */
static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The rows that add a day, not those inside a day's expander row. */
static gboolean
is_new_day_row_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

typedef struct
{
  GtkWidget  *root;
  Match       match;
  const char *data;
} Search;

static gboolean
search_finds (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, search->match, search->data) != NULL;
}

static GtkWidget *
wait_for_widget (GtkWidget  *root,
                 Match       match,
                 const char *data)
{
  Search search = { root, match, data };

  if (!kh_test_wait_for (search_finds, &search))
    return NULL;
  return kh_test_find_widget (root, match, data);
}

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhAgency) agency = kh_agency_new ();

  fixture->dir = g_dir_make_tmp ("kh-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  /* A fresh database with only an agency: no commemorative days yet. */
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (agency->parent_name);
  agency->parent_name = g_strdup ("UBND HUYỆN BA TƠ");
  g_free (agency->name);
  agency->name = g_strdup ("ỦY BAN NHÂN DÂN XÃ BA ĐỘNG");
  g_free (agency->short_name);
  agency->short_name = g_strdup ("UBND xã Ba Động");
  g_free (agency->locality);
  agency->locality = g_strdup ("xã Ba Động");
  g_free (agency->place);
  agency->place = g_strdup ("Ba Động");
  g_assert_true (kh_store_save_agency (store, agency, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

typedef void (*Body) (KhApplication       *app,
                      KhPreferencesWindow *preferences);

static void
on_window_cb (KhApplication *app,
              KhWindow      *window,
              gconstpointer  data)
{
  const Body *body = data;
  KhPreferencesWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "commemorations");

  (*body) (app, preferences);
}

static void
run_application (const char *path,
                 Body        body)
{
  kh_test_run_application (path, on_window_cb, &body);
}

/* Core */

static const KhCommemoration *
find_day (GPtrArray  *days,
          const char *name)
{
  for (guint i = 0; i < days->len; i++)
    if (g_strcmp0 (((KhCommemoration *)days->pdata[i])->name, name) == 0)
      return days->pdata[i];

  return NULL;
}

static guint
count_days (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = kh_store_list_commemorations (store, TRUE, &error);

  g_assert_no_error (error);
  return days->len;
}

static void
type_new_day (KhPreferencesWindow *preferences,
              const char          *name,
              const char          *date,
              const char          *year)
{
  GtkWidget *root = GTK_WIDGET (preferences);
  GtkWidget *name_row = kh_test_find_widget (root, is_new_day_row_titled, "Add a Local Day");
  GtkWidget *date_row = kh_test_find_widget (root, is_new_day_row_titled, "Day and month (dd/mm)");
  GtkWidget *year_row = kh_test_find_widget (root, is_new_day_row_titled, "Founding year (optional)");

  g_assert_nonnull (name_row);
  g_assert_nonnull (date_row);
  g_assert_nonnull (year_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (year_row), year);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = kh_test_find_widget (root, is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Tests */

static void
add_archive_undo (KhApplication       *app,
                  KhPreferencesWindow *preferences)
{
  KhStore *store = kh_application_get_store (app);
  GtkWidget *root = GTK_WIDGET (preferences);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) anniversaries = NULL;
  const KhCommemoration *day;
  GtkWidget *row;
  KhPeriod quarter;
  gint64 id;

  /* The national days were installed when the page opened. */
  row = wait_for_widget (root, is_expander_row_titled, "Ngày Quốc khánh");
  g_assert_nonnull (row);

  /* A local day, through the widgets. */
  type_new_day (preferences, BA_TO, "11/3", "1945");
  click (root, "_Add");

  days = kh_store_list_commemorations (store, TRUE, &error);
  g_assert_no_error (error);
  day = find_day (days, BA_TO);
  g_assert_nonnull (day);
  g_assert_true (day->local);
  g_assert_false (day->archived);
  g_assert_cmpuint (day->day, ==, 11);
  g_assert_cmpuint (day->month, ==, 3);
  g_assert_cmpint (day->founding_year, ==, 1945);
  id = day->id;

  g_assert_true (kh_period_init (&quarter, KH_PERIOD_Q1, 2024, 0, &error));
  g_assert_no_error (error);
  anniversaries = kh_store_list_anniversaries (store, &quarter, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *)anniversaries, BA_TO_2024));

  /* Its row says this year's anniversary. */
  row = wait_for_widget (root, is_expander_row_titled, BA_TO);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "năm " BA_TO " (11/3/1945 – 11/3/"));
  /* The rows that added it are empty again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_find_widget (root, is_new_day_row_titled,
                                                                     "Add a Local Day"))), ==, "");

  /* Archived, with undo. */
  click (row, "Archive");
  g_clear_pointer (&days, g_ptr_array_unref);
  days = kh_store_list_commemorations (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (find_day (days, BA_TO)->archived);
  g_assert_null (kh_test_find_widget (root, is_expander_row_titled, BA_TO));
  g_assert_nonnull (kh_test_find_widget (root, is_action_row_titled, BA_TO));

  g_assert_nonnull (wait_for_widget (root, is_button_labelled, "_Undo"));
  click (root, "_Undo");
  g_clear_pointer (&days, g_ptr_array_unref);
  days = kh_store_list_commemorations (store, TRUE, &error);
  g_assert_no_error (error);
  day = find_day (days, BA_TO);
  g_assert_false (day->archived);
  g_assert_cmpint (day->id, ==, id);
  g_assert_nonnull (wait_for_widget (root, is_expander_row_titled, BA_TO));
  g_assert_null (kh_test_find_widget (root, is_action_row_titled, BA_TO));
}

static void
test_add_archive_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  run_application (fixture->path, add_archive_undo);
}

static void
impossible_date_refused (KhApplication       *app,
                         KhPreferencesWindow *preferences)
{
  KhStore *store = kh_application_get_store (app);
  GtkWidget *root = GTK_WIDGET (preferences);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *date_row;
  guint n_days;

  g_assert_nonnull (wait_for_widget (root, is_expander_row_titled, "Ngày Quốc khánh"));
  n_days = count_days (store);
  g_assert_cmpuint (n_days, >, 0);

  /* A new day on 30/02: refused at its date, said why, nothing saved. */
  type_new_day (preferences, "Ngày không có", "30/02", "1990");
  click (root, "_Add");
  date_row = kh_test_find_widget (root, is_new_day_row_titled, "Day and month (dd/mm)");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_nonnull (wait_for_widget (root, is_mapped_label_containing, "30/02"));
  g_assert_cmpuint (count_days (store), ==, n_days);
  g_assert_null (kh_test_find_widget (root, is_expander_row_titled, "Ngày không có"));

  /* Typing again takes the error style away. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "29/02");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));

  /* Editing an existing day to 30/02: refused, the day unchanged. */
  row = kh_test_find_widget (root, is_expander_row_titled, "Ngày Quốc khánh");
  date_row = kh_test_find_widget (row, kh_test_is_entry_row_titled, "Day and month (dd/mm)");
  g_assert_nonnull (date_row);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "30/02");
  g_signal_emit_by_name (date_row, "apply");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));

  days = kh_store_list_commemorations (store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < days->len; i++)
    {
      const KhCommemoration *day = days->pdata[i];

      if (g_str_has_prefix (day->name, "Ngày Quốc khánh"))
        {
          g_assert_cmpuint (day->day, ==, 2);
          g_assert_cmpuint (day->month, ==, 9);
        }
    }
}

static void
test_impossible_date_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  run_application (fixture->path, impossible_date_refused);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");

  g_test_add ("/gui/commemorations/add-archive-undo", Fixture, NULL,
              fixture_set_up, test_add_archive_undo, fixture_tear_down);
  g_test_add ("/gui/commemorations/impossible-date-refused", Fixture, NULL,
              fixture_set_up, test_impossible_date_refused, fixture_tear_down);

  return g_test_run ();
}
