/* test-exchange.c — exporting and importing an exchange file from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "kh-exchange-actions.h"

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

static void
import_body (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  const Exchange *exchange = data;
  PlanCount count = { app, 1 };

  kh_exchange_import_from_path (window, exchange->json_path);
  g_assert_true (kh_test_wait_for (has_plans, &count));
  /* The window follows: the imported plan is the one shown. */
  g_assert_true (kh_test_wait_for (window_shows_a_plan, window));
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

int
main (int   argc,
      char *argv[])
{
  init_ui_tests (&argc, &argv);

  g_test_add ("/gui/exchange/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);

  return g_test_run ();
}
