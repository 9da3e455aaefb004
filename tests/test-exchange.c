/* test-exchange.c — the exchange format: export, import, and their rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kh-demo.h"
#include "kh-exchange-export.h"
#include "kh-exchange-import.h"
#include "kh-plan.h"
#include "kh-store-private.h"

typedef struct
{
  char    *dir;
  KhStore *source;   /* the demo */
  KhStore *target;   /* empty */
} Fixture;

static const char * const counted_tables[] = {
  "signer", "default_recipient", "department", "indicator", "plan", "plan_basis",
  "plan_recipient", "plan_section", "task", "task_support", "result", "report",
  "report_recipient", "document_number",
};

static KhStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  KhStore *store = kh_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* A report, written as SQL so that this test does not depend on the
 * report module: the exchange carries the table as it is. */
static void
add_report (KhStore *store)
{
  sqlite3 *db = kh_store_get_db (store);

  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO report (plan_id, period, start_on, end_on, title, opening,"
                                 " results_text, favourable, with_table, signer_id, authority)"
                                 " SELECT id, 'q1', '2024-01-01', '2024-03-31', 'Kết quả quý I năm 2024',"
                                 " 'Thực hiện Kế hoạch số 18/KH-UBND…', 'treo 06 băng rôn', 'Thuận lợi', 1,"
                                 " (SELECT min(id) FROM signer), 'TM.' FROM plan;"
                                 "INSERT INTO report_recipient (report_id, position, text)"
                                 " SELECT id, 0, 'UBND thị xã' FROM report;"
                                 "INSERT INTO report_recipient (report_id, position, text)"
                                 " SELECT id, 1, 'Lưu: VT' FROM report;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kh-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->source = open_store (fixture->dir, "source.db");
  fixture->target = open_store (fixture->dir, "target.db");
  kh_demo_load (fixture->source, FALSE, &error);
  g_assert_no_error (error);
  add_report (fixture->source);
}

static void
remove_store (KhStore **store)
{
  g_autofree char *path = g_strdup (kh_store_get_path (*store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  remove_store (&fixture->source);
  remove_store (&fixture->target);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
count_rows (KhStore    *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(KhStmt) stmt = kh_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
row_counts (KhStore *store)
{
  GString *counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", counted_tables[i],
                            count_rows (store, counted_tables[i]));
  return g_string_free (counts, FALSE);
}

static char *
export (KhStore *store)
{
  g_autoptr(GError) error = NULL;
  char *json = kh_store_export_json (store, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static JsonObject *
plan_of (JsonNode *root,
         guint     index)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "plans"),
                                        index);
}

static void
import_ok (KhStore        *store,
           const char     *json,
           KhImportReport *report)
{
  g_autoptr(GError) error = NULL;

  kh_store_import_json (store, json, report, &error);
  g_assert_no_error (error);
  g_assert_null (report->problems);
}

static gboolean
has_problem (KhImportReport *report,
             const char     *start)
{
  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    if (g_str_has_prefix (report->problems->pdata[i], start))
      return TRUE;
  return FALSE;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(KhImportReport) report = { 0 };
  g_autofree char *first = export (fixture->source);
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) a = parse (first);
  g_autoptr(JsonNode) b = NULL;
  JsonObject *plan;

  /* Everything the demo holds is in the file. */
  plan = plan_of (a, 0);
  g_assert_cmpstr (json_object_get_string_member (plan, "state"), ==, "issued");
  g_assert_cmpint (json_object_get_int_member (plan, "number"), ==, 18);
  g_assert_cmpstr (json_object_get_string_member (plan, "issued_on"), ==, "2024-02-19");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (plan, "part_four")) ||
                 JSON_NODE_HOLDS_OBJECT (json_object_get_member (plan, "part_four")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "tasks")), ==,
                    count_rows (fixture->source, "task"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "results")), ==,
                    count_rows (fixture->source, "result"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (plan, "reports")), ==, 1);
  g_assert_cmpint (strlen (json_object_get_string_member (plan, "uid")), ==, 36);

  import_ok (fixture->target, first, &report);
  g_assert_cmpuint (report.created[KH_IMPORT_PLAN], ==, 1);
  g_assert_cmpuint (report.created[KH_IMPORT_TASK], ==, count_rows (fixture->source, "task"));
  g_assert_cmpuint (report.created[KH_IMPORT_RESULT], ==, count_rows (fixture->source, "result"));
  g_assert_cmpuint (report.created[KH_IMPORT_REPORT], ==, 1);

  /* Field by field, but for the time of export. */
  second = export (fixture->target);
  b = parse (second);
  json_object_remove_member (json_node_get_object (a), "exported_at");
  json_object_remove_member (json_node_get_object (b), "exported_at");
  if (!json_node_equal (a, b))
    g_assert_cmpstr (json_to_string (a, TRUE), ==, json_to_string (b, TRUE));

  /* Every row arrived, and the register knows the issued plan's number. */
  {
    g_autofree char *source_counts = row_counts (fixture->source);
    g_autofree char *target_counts = row_counts (fixture->target);

    g_assert_cmpstr (source_counts, ==, target_counts);
  }
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(KhImportReport) first = { 0 };
  g_auto(KhImportReport) second = { 0 };
  g_autofree char *json = export (fixture->source);
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;

  import_ok (fixture->target, json, &first);
  after_first = row_counts (fixture->target);
  import_ok (fixture->target, json, &second);
  after_second = row_counts (fixture->target);

  g_assert_cmpstr (after_first, ==, after_second);
  for (int kind = 0; kind < KH_IMPORT_N_KINDS; kind++)
    {
      g_assert_cmpuint (second.created[kind], ==, 0);
      g_assert_cmpuint (second.updated[kind], ==, 0);
      g_assert_cmpuint (second.unchanged[kind], ==, first.created[kind]);
    }

  /* Importing into the database it came from changes nothing either. */
  {
    g_auto(KhImportReport) again = { 0 };
    g_autofree char *before = row_counts (fixture->source);
    g_autofree char *after = NULL;

    import_ok (fixture->source, json, &again);
    after = row_counts (fixture->source);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpuint (again.created[KH_IMPORT_PLAN] + again.updated[KH_IMPORT_PLAN], ==, 0);
  }
}

/* A draft plan from the file updates the local draft with the same uid:
 * a changed task is updated, a new one created, nothing doubled. */
static void
test_update_draft (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(KhImportReport) first = { 0 };
  g_auto(KhImportReport) second = { 0 };
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autofree char *draft = NULL;
  g_autofree char *changed = NULL;
  JsonObject *plan = plan_of (root, 0);
  JsonArray *tasks = json_object_get_array_member (plan, "tasks");
  JsonObject *task;

  json_object_set_string_member (plan, "state", "draft");
  json_object_set_null_member (plan, "number");
  json_object_set_null_member (plan, "issued_on");
  json_object_set_null_member (plan, "part_four");
  draft = json_to_string (root, FALSE);
  import_ok (fixture->target, draft, &first);

  json_object_set_string_member (plan, "title", "Tuyên truyền cải cách hành chính năm 2024 (sửa)");
  task = json_array_get_object_element (tasks, 0);
  json_object_set_string_member (task, "title", "Đã sửa");
  task = json_array_get_object_element (tasks, 1);
  {
    JsonObject *copy = json_object_new ();
    GList *members = json_object_get_members (task);

    for (GList *l = members; l != NULL; l = l->next)
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (task, l->data)));
    g_list_free (members);
    json_object_set_string_member (copy, "uid", "new-task-from-the-file");
    json_array_add_object_element (tasks, copy);
  }
  changed = json_to_string (root, FALSE);
  import_ok (fixture->target, changed, &second);

  g_assert_cmpuint (second.updated[KH_IMPORT_PLAN], ==, 1);
  g_assert_cmpuint (second.updated[KH_IMPORT_TASK], ==, 1);
  g_assert_cmpuint (second.created[KH_IMPORT_TASK], ==, 1);
  g_assert_cmpuint (second.created[KH_IMPORT_RESULT], ==, 0);
  g_assert_cmpint (count_rows (fixture->target, "task"), ==, count_rows (fixture->source, "task") + 1);
  g_assert_cmpint (count_rows (fixture->target, "plan"), ==, 1);
}

static void
test_half_valid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(KhImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autofree char *bad = NULL;
  g_autofree char *before = row_counts (fixture->target);
  g_autofree char *after = NULL;
  JsonObject *plan = plan_of (root, 0);
  JsonArray *plans = json_object_get_array_member (json_node_get_object (root), "plans");

  /* A second, good plan: another year, a fresh identity, no children. */
  {
    JsonObject *other = json_object_new ();

    json_object_set_string_member (other, "uid", "a-good-plan-of-2025");
    json_object_set_int_member (other, "year", 2025);
    json_object_set_string_member (other, "title", "Tuyên truyền cải cách hành chính năm 2025");
    json_array_add_object_element (plans, other);
  }

  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (plan, "tasks"), 3),
                                 "lead", "Đài phát thanh");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (plan, "results"), 2),
                                 "date", "30/02/2024");
  bad = json_to_string (root, TRUE);

  g_assert_false (kh_store_import_json (fixture->target, bad, &report, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (report.problems);
  for (guint i = 0; i < report.problems->len; i++)
    g_test_message ("%s", (const char *)report.problems->pdata[i]);
  g_assert_cmpuint (report.problems->len, ==, 2);
  g_assert_true (has_problem (&report, "plans[0].tasks[3].lead: no department “Đài phát thanh” in the file or the database"));
  g_assert_true (has_problem (&report, "plans[0].results[2].date: 30/02/2024 is not a date"));

  after = row_counts (fixture->target);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_rows (fixture->target, "plan"), ==, 0);
  g_assert_cmpint (count_rows (fixture->target, "department"), ==, 0);
}

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(KhImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": \"kehoach-exchange\", \"version\": 1,"
    " \"departments\": [{\"name\": \"Văn phòng\"}, {\"name\": \"VĂN PHÒNG\"}],"
    " \"plans\": [{\"uid\": \"p\", \"year\": 1800, \"title\": \"\", \"state\": \"signed\","
    "   \"tasks\": [{\"uid\": \"t\", \"lead\": \"văn phòng\", \"target\": -1, \"manual_progress\": 101},"
    "             {\"uid\": \"t\", \"lead\": \"Văn phòng\", \"deadline\": \"2024-13-01\"}],"
    "   \"results\": [{\"uid\": \"r\", \"date\": \"2024-02-29\", \"department\": \"Văn phòng\","
    "                  \"task\": \"nowhere\", \"indicator\": \"Pa nô\"}],"
    "   \"reports\": [{\"uid\": \"b\", \"period\": \"q5\", \"start_on\": \"2024-04-01\","
    "                  \"end_on\": \"2024-03-31\"}]},"
    "  {\"uid\": \"p\", \"year\": 2024, \"title\": \"x\"}]}";

  g_assert_false (kh_store_import_json (fixture->target, json, &report, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  for (guint i = 0; i < report.problems->len; i++)
    g_test_message ("%s", (const char *)report.problems->pdata[i]);
  g_assert_true (has_problem (&report, "departments[1].name: "));
  g_assert_true (has_problem (&report, "plans[0].year: 1800 is not between"));
  g_assert_true (has_problem (&report, "plans[0].title: is empty"));
  g_assert_true (has_problem (&report, "plans[0].state: "));
  g_assert_true (has_problem (&report, "plans[0].tasks[0].target: "));
  g_assert_true (has_problem (&report, "plans[0].tasks[0].manual_progress: "));
  g_assert_true (has_problem (&report, "plans[0].tasks[1].uid: "));
  g_assert_true (has_problem (&report, "plans[0].tasks[1].deadline: 2024-13-01 is not a date"));
  g_assert_true (has_problem (&report, "plans[0].results[0].task: "));
  g_assert_true (has_problem (&report, "plans[0].results[0].indicator: no indicator “Pa nô”"));
  g_assert_true (has_problem (&report, "plans[0].reports[0].period: "));
  g_assert_true (has_problem (&report, "plans[0].reports[0].end_on: "));
  g_assert_true (has_problem (&report, "plans[1].uid: "));
  /* 29 February 2024 is a date: no problem there. */
  g_assert_false (has_problem (&report, "plans[0].results[0].date"));
  g_assert_cmpint (count_rows (fixture->target, "department"), ==, 0);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const files[] = {
    "{\"format\": \"kehoach-exchange\", \"version\": 1,\n \"plans\": [ {\"uid\": }",
    "",
    "[1, 2, 3]",
    "{\"format\": \"kehoach-demo\", \"version\": 1}",
    "{\"format\": \"kehoach-exchange\", \"version\": 2}",
    "{\"format\": \"kehoach-exchange\"}",
    /* json-glib cut the quoted token inside "ệ" (found by fuzz-exchange) */
    "{\"format\": \"ệệệệệệệệệệệệệệệệệệệệ\" x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(KhImportReport) report = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_false (kh_store_import_json (fixture->target, files[i], &report, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (i == 0)
        g_assert_nonnull (strstr (error->message, "line 2, column"));
      if (i == 4)
        g_assert_nonnull (strstr (error->message, "newer"));
    }
  g_assert_cmpint (count_rows (fixture->target, "plan"), ==, 0);
}

static void
test_bounds (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"kehoach-exchange\", \"version\": 1, \"plans\": ");
  g_autoptr(GString) wide = g_string_new ("{\"format\": \"kehoach-exchange\", \"version\": 1, \"plans\": [");
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  for (guint i = 0; i < 1100000; i++)
    g_string_append (wide, "0,");
  g_string_append (wide, "0]}");

  start = g_get_monotonic_time ();
  {
    g_auto(KhImportReport) report = { 0 };
    g_autoptr(GError) error = NULL;

    g_assert_false (kh_store_import_json (fixture->target, deep->str, &report, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "64"));
  }
  {
    g_auto(KhImportReport) report = { 0 };
    g_autoptr(GError) error = NULL;

    g_assert_false (kh_store_import_json (fixture->target, wide->str, &report, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "1000000"));
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  /* Over 50 MB, refused before it is read. */
  {
    g_auto(KhImportReport) report = { 0 };
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
    FILE *file = g_fopen (path, "w");

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 51L * 1024 * 1024, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc ('}', file), ==, '}');
    fclose (file);
    g_assert_false (kh_store_import_file (fixture->target, path, &report, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "50 MB"));
  }
}

static void
test_issued_kept (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(KhImportReport) first = { 0 };
  g_auto(KhImportReport) second = { 0 };
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autoptr(JsonNode) original = parse (json);
  g_autofree char *changed = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  JsonObject *plan = plan_of (root, 0);
  JsonObject *result;
  JsonArray *results = json_object_get_array_member (plan, "results");

  import_ok (fixture->target, json, &first);

  /* The sender changed the issued plan's text and added a result. */
  json_object_set_string_member (plan, "title", "Một văn bản khác");
  json_object_set_string_member (plan, "intro", "Đoạn mở đầu khác");
  json_object_set_array_member (plan, "bases", json_array_new ());
  result = json_object_new ();
  json_object_set_string_member (result, "uid", "a-new-result");
  json_object_set_string_member (result, "date", "2024-04-02");
  json_object_set_string_member (result, "department", "văn hóa – xã hội");   /* case-insensitive */
  json_object_set_string_member (result, "description", "Một tin mới");
  json_array_add_object_element (results, result);
  changed = json_to_string (root, FALSE);

  import_ok (fixture->target, changed, &second);
  g_assert_cmpuint (second.unchanged[KH_IMPORT_PLAN], ==, 1);
  g_assert_cmpuint (second.created[KH_IMPORT_RESULT], ==, 1);
  g_assert_nonnull (second.notes);
  g_assert_cmpuint (second.notes->len, >=, 1);

  stmt = kh_store_prepare (fixture->target, "SELECT title, intro, (SELECT count(*) FROM plan_basis b"
                           " WHERE b.plan_id = plan.id) FROM plan", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (kh_stmt_column_text (stmt, 0), !=, "Một văn bản khác");
  g_assert_cmpstr (kh_stmt_column_text (stmt, 1), !=, "Đoạn mở đầu khác");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), >, 0);
  g_assert_cmpstr (kh_stmt_column_text (stmt, 0), ==,
                   json_object_get_string_member (plan_of (original, 0), "title"));
}

/* Results are matched and compared column by column, not through their
 * JSON: a changed one is updated, a department named in other case and
 * spacing is the same department, and text is stored normalised (NFC,
 * "\n", no controls), so the same file again changes nothing. */
static void
test_result_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(KhImportReport) first = { 0 };
  g_auto(KhImportReport) second = { 0 };
  g_auto(KhImportReport) third = { 0 };
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autofree char *changed = NULL;
  g_autofree char *department = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KhStmt) stmt = NULL;
  JsonArray *results = json_object_get_array_member (plan_of (root, 0), "results");
  guint n_results = json_array_get_length (results);
  JsonObject *r0, *r1, *r2;

  g_assert_cmpuint (n_results, >=, 3);
  import_ok (fixture->target, json, &first);
  g_assert_cmpuint (first.created[KH_IMPORT_RESULT], ==, n_results);
  before = row_counts (fixture->target);

  r0 = json_array_get_object_element (results, 0);
  r1 = json_array_get_object_element (results, 1);
  r2 = json_array_get_object_element (results, 2);
  /* Decomposed, with a Windows line end and a control character. */
  json_object_set_string_member (r0, "description", "Ca\xcc\x81" "c ba\xcc\x80i vie\xcc\x82\xcc\x81t\r\nmo\xcc\x9b\xcc\x81i\x01");
  json_object_set_double_member (r1, "quantity", 12345.5);
  department = g_strdup_printf ("  %s ", json_object_get_string_member (r2, "department"));
  {
    g_autofree char *upper = g_utf8_strup (department, -1);
    json_object_set_string_member (r2, "department", upper);
  }
  changed = json_to_string (root, FALSE);

  import_ok (fixture->target, changed, &second);
  g_assert_cmpuint (second.created[KH_IMPORT_RESULT], ==, 0);
  g_assert_cmpuint (second.updated[KH_IMPORT_RESULT], ==, 2);
  g_assert_cmpuint (second.unchanged[KH_IMPORT_RESULT], ==, n_results - 2);

  stmt = kh_store_prepare (fixture->target, "SELECT description, quantity FROM result WHERE uid = ?1", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (r0, "uid"), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (kh_stmt_column_text (stmt, 0), ==, "Các bài viết\nmới");
  kh_stmt_release (stmt);
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (r1, "uid"), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 12345.5);

  import_ok (fixture->target, changed, &third);
  g_assert_cmpuint (third.updated[KH_IMPORT_RESULT], ==, 0);
  /* The import kept its statement journals in memory, for itself only. */
  g_clear_pointer (&stmt, kh_stmt_release);
  stmt = kh_store_prepare (fixture->target, "PRAGMA temp_store", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpuint (third.unchanged[KH_IMPORT_RESULT], ==, n_results);
  after = row_counts (fixture->target);
  g_assert_cmpstr (before, ==, after);
}

/* Found by tests/fuzz/fuzz-exchange: a '"' in a comment or in a
 * 'string', which json-glib accepts, hid the brackets after it from the
 * depth limit, and 100,000 of them overflowed json-glib's stack. */
static void
test_hidden_nesting (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *hiders[] = { "/* \" */", "'\"'", "// \"\n" };

  for (guint h = 0; h < G_N_ELEMENTS (hiders); h++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": \"kehoach-exchange\", \"version\": 1, ");
      g_auto(KhImportReport) report = { 0 };
      g_autoptr(GError) error = NULL;

      g_string_append_printf (json, "%s \"plans\": ", hiders[h]);
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < 100000; i++)
        g_string_append_c (json, ']');
      g_string_append_c (json, '}');

      g_assert_false (kh_store_import_json (fixture->target, json->str, &report, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    }
}

/* Part four is stored as JSON text: its texts are normalised as every
 * other, so a control character escaped in a file never reaches an
 * export (json-glib 1.6 writes U+001F unescaped, which no JSON parser
 * takes back). */
static void
test_part_four_text (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(KhImportReport) first = { 0 };
  g_auto(KhImportReport) second = { 0 };
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autofree char *written = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GString) escaped = NULL;
  JsonObject *part_four = json_object_get_object_member (plan_of (root, 0), "part_four");
  JsonObject *item = json_array_get_object_element (json_object_get_array_member (part_four, "children"), 0);

  json_object_set_string_member (item, "heading", "Văn phòng\x1f – Thống kê\x01:");
  written = json_to_string (root, FALSE);
  escaped = g_string_new (written);
  g_string_replace (escaped, "\x1f", "\\u001f", 0);

  import_ok (fixture->target, escaped->str, &first);
  exported = export (fixture->target);
  g_assert_null (strchr (exported, 0x1F));
  g_assert_nonnull (strstr (exported, "Văn phòng – Thống kê:"));
  import_ok (fixture->target, exported, &second);
  g_assert_cmpuint (second.created[KH_IMPORT_PLAN], ==, 0);
}

/* Text in TCVN3 (a task typed with .VnTime fonts) and VNI: without the
 * user's consent the file is refused with each place named; with it, the
 * text arrives in Unicode. */
#define TCVN3_TITLE "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh trªn loa"
#define VNI_TEXT    "tuyeân truyeàn caûi caùch haønh chính, ñaëc bieät"

static void
test_legacy (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *json = export (fixture->source);
  g_autoptr(JsonNode) root = parse (json);
  g_autofree char *legacy = NULL;
  g_autofree char *before = row_counts (fixture->target);
  g_autofree char *after = NULL;
  JsonObject *plan = plan_of (root, 0);
  JsonObject *task = json_array_get_object_element (json_object_get_array_member (plan, "tasks"), 2);
  JsonObject *result = json_array_get_object_element (json_object_get_array_member (plan, "results"), 1);
  const char *task_uid = json_object_get_string_member (task, "uid");

  json_object_set_string_member (task, "title", TCVN3_TITLE);
  json_object_set_string_member (result, "description", VNI_TEXT);
  legacy = json_to_string (root, TRUE);

  {
    g_auto(KhImportReport) report = { 0 };
    g_autoptr(GError) error = NULL;

    g_assert_false (kh_store_import_json (fixture->target, legacy, &report, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_assert_cmpuint (report.legacy, ==, 2);
    g_assert_cmpuint (report.problems->len, ==, 2);
    for (guint i = 0; i < report.problems->len; i++)
      g_test_message ("%s", (char *)report.problems->pdata[i]);
    g_assert_true (g_ptr_array_find_with_equal_func (report.problems,
                                                     "plans[0].tasks[2].title: “Tuyªn truyÒn c¶i c¸ch hµnh chÝnh trªn lo” "
                                                     "is written in the old TCVN3 (ABC) encoding: let it be converted to Unicode, "
                                                     "or correct the file",
                                                     g_str_equal, NULL));
    {
      const char *vni = report.problems->pdata[g_str_has_prefix (report.problems->pdata[0], "plans[0].results") ? 0 : 1];

      g_assert_true (g_str_has_prefix (vni, "plans[0].results[1].description: “tuyeân truyeàn caûi caùch"));
      g_assert_nonnull (strstr (vni, "” is written in the old VNI encoding"));
    }
    after = row_counts (fixture->target);
    g_assert_cmpstr (after, ==, before);
  }

  {
    g_auto(KhImportReport) report = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(KhStmt) stmt = NULL;

    g_assert_true (kh_store_import_json_full (fixture->target, legacy, KH_IMPORT_CONVERT_LEGACY, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.legacy, ==, 2);
    g_assert_cmpuint (report.notes->len, >=, 2);
    g_assert_true (g_ptr_array_find_with_equal_func (report.notes,
                                                     "plans[0].tasks[2].title: converted from TCVN3 (ABC) to Unicode "
                                                     "(“Tuyên truyền cải cách hành chính trên lo”).",
                                                     g_str_equal, NULL));

    stmt = kh_store_prepare (fixture->target, "SELECT title FROM task WHERE uid = ?1", &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, task_uid, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "Tuyên truyền cải cách hành chính trên loa");
    g_clear_pointer (&stmt, kh_stmt_release);
    stmt = kh_store_prepare (fixture->target, "SELECT count(*) FROM result WHERE description = ?1", &error);
    sqlite3_bind_text (stmt, 1, "tuyên truyền cải cách hành chính, đặc biệt", -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/import-twice", test_import_twice);
  ADD ("/exchange/update-draft", test_update_draft);
  ADD ("/exchange/half-valid", test_half_valid);
  ADD ("/exchange/problems", test_problems);
  ADD ("/exchange/malformed", test_malformed);
  ADD ("/exchange/bounds", test_bounds);
  ADD ("/exchange/hidden-nesting", test_hidden_nesting);
  ADD ("/exchange/issued-kept", test_issued_kept);
  ADD ("/exchange/result-rows", test_result_rows);
  ADD ("/exchange/part-four-text", test_part_four_text);
  ADD ("/exchange/legacy", test_legacy);
#undef ADD

  return g_test_run ();
}
