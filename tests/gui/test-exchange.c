/* test-exchange.c — exporting and importing an exchange file from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "kh-exchange-actions.h"
#include "kh-exchange-export.h"
#include "kh-task.h"

#include "results-test-util.h"

typedef struct
{
  Fixture *fixture;
  char    *json_path;
} Exchange;

static gboolean
file_is_exchange (gpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (!json_parser_load_from_file (parser, data, NULL))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""), "kehoach-exchange") == 0;
}

static void
export_body (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  const Exchange *exchange = data;

  kh_exchange_export_to_path (window, exchange->json_path);
  g_assert_true (kh_test_wait_for (file_is_exchange, exchange->json_path));
}

typedef struct
{
  KhApplication *app;
  guint          plans;
} PlanCount;

static gboolean
has_plans (gpointer data)
{
  PlanCount *count = data;
  KhStore *store = kh_application_get_store (count->app);
  g_autoptr(GPtrArray) plans = store ? kh_store_list_plans (store, NULL) : NULL;

  return plans != NULL && plans->len == count->plans;
}

static gboolean
window_shows_a_plan (gpointer data)
{
  return kh_window_get_plan_id (data) != 0;
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_mapped_spinning_spinner (GtkWidget     *widget,
                            gconstpointer  data)
{
  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) &&
         gtk_spinner_get_spinning (GTK_SPINNER (widget)) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static void
import_body (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  const Exchange *exchange = data;
  PlanCount count = { app, 1 };
  gint64 done;

  kh_exchange_import_from_path (window, exchange->json_path);
  g_assert_true (kh_test_wait_for (has_plans, &count));
  done = g_get_monotonic_time ();
  /* The window follows: the imported plan is the one shown. */
  g_assert_true (kh_test_wait_for (window_shows_a_plan, window));

  /* How it went shows at once (a toast saying "Working…" held it back for
   * its 5 s), and the header bar's spinner stopped with the work. */
  wait_for_widget (GTK_WIDGET (window), is_mapped_label_containing, "plans: 1 new");
  g_assert_cmpint (g_get_monotonic_time () - done, <, 3 * G_USEC_PER_SEC);
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_spinning_spinner, "Working…"));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "exchange.json", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  Exchange exchange = { fixture, json_path };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) other = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) results = NULL;

  run_application (fixture->path, export_body, &exchange);

  /* Into an empty database of another computer. */
  other = kh_store_open (other_db, &error);
  g_assert_no_error (error);
  g_clear_object (&other);
  run_application (other_db, import_body, &exchange);

  other = kh_store_open (other_db, &error);
  plans = kh_store_list_plans (other, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  g_assert_cmpint (((KhPlan *)plans->pdata[0])->number, ==, 18);
  results = kh_store_list_results (other, ((KhPlan *)plans->pdata[0])->id, NULL, NULL, &error);
  g_assert_cmpuint (results->len, ==, 12);
  g_clear_object (&other);

  {
    g_autofree char *wal = g_strconcat (other_db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (other_db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
    g_remove (other_db);
  }
}

/* A task title as an old ".VnTime" document holds it. */
#define TCVN3_TITLE "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh trªn loa"

static void
write_file_with_legacy_title (KhStore    *store,
                              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *plan;
  JsonObject *task;

  g_assert_true (kh_store_export_json_to_file (store, 0, 0, path, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  plan = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                      "plans"), 0);
  task = json_array_get_object_element (json_object_get_array_member (plan, "tasks"), 0);
  json_object_set_string_member (task, "title", TCVN3_TITLE);

  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
}

static void
import_legacy_body (KhApplication *app,
                    KhWindow      *window,
                    gconstpointer  data)
{
  const Exchange *exchange = data;
  PlanCount one_plan = { app, 1 };
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) plans = NULL;

  kh_exchange_import_from_path (window, exchange->json_path);

  /* Refused first, with the place of the text and an offer to convert. */
  dialog = kh_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Nothing Was Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "plans[0].tasks[0].title: “Tuyªn truyÒn c¶i c¸ch hµnh chÝnh trªn lo” "
                            "is written in the old TCVN3 (ABC) encoding"));
  g_assert_true (adw_message_dialog_has_response (dialog, "convert"));
  plans = kh_store_list_plans (kh_application_get_store (app), NULL);
  g_assert_cmpuint (plans->len, ==, 0);

  /* The clerk agrees. */
  adw_message_dialog_response (dialog, "convert");
  g_assert_true (kh_test_wait_for (has_plans, &one_plan));
}

static void
test_legacy_converted_with_consent (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "legacy.json", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  Exchange exchange = { fixture, json_path };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  g_autoptr(KhStore) other = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  write_file_with_legacy_title (store, json_path);
  g_clear_object (&store);

  other = kh_store_open (other_db, &error);
  g_assert_no_error (error);
  g_clear_object (&other);
  run_application (other_db, import_legacy_body, &exchange);

  other = kh_store_open (other_db, &error);
  plans = kh_store_list_plans (other, &error);
  g_assert_cmpuint (plans->len, ==, 1);
  tasks = kh_store_list_tasks (other, ((KhPlan *)plans->pdata[0])->id, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      const KhTask *task = tasks->pdata[i];

      g_assert_cmpstr (task->title, !=, TCVN3_TITLE);
      found |= g_str_equal (task->title, "Tuyên truyền cải cách hành chính trên loa");
    }
  g_assert_true (found);
  g_clear_object (&other);

  {
    g_autofree char *wal = g_strconcat (other_db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (other_db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
    g_remove (other_db);
  }
}

int
main (int   argc,
      char *argv[])
{
  init_ui_tests (&argc, &argv);

  g_test_add ("/gui/exchange/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/gui/exchange/legacy-text-converted-with-consent", Fixture, NULL,
              fixture_set_up, test_legacy_converted_with_consent, fixture_tear_down);

  return g_test_run ();
}
