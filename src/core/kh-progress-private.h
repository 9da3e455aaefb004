/* kh-progress-private.h — the SQL that says how far each task is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* KH_TASK_STATE_CTE defines `state`: one row per task of plan ?1 as it
 * stood on day ?2 (ISO text), with the columns
 *
 *   id, position, title, department_id (the lead), status, n_results,
 *   achieved, target (0: none), due_on, is_done, done_date (NULL when
 *   unknown), started, progress (0–100), category (KhTaskCategory).
 *
 * The rules (kh-progress.c explains them):
 * - due_on: the deadline of a by-date task, 31/12 of the plan's year
 *   for the others;
 * - a task marked done is done on its date (on time if it has none);
 *   one not marked done is done on the date of the result that brought
 *   its indicator to the target;
 * - achieved adds up the task's results of the task's indicator; a
 *   running sum over them, oldest first, finds the result that reached
 *   the target. Window functions are the costly part, so the running
 *   sum reads only the rows that can matter: results of the task's own
 *   indicator, for tasks with a target that are not marked done.
 *
 * Results are read through the task: the index result_task (task_id,
 * done_on, indicator_id, quantity) covers every column used here.
 * `state` is MATERIALIZED so that a statement using it several times
 * (kh-dashboard.c) computes it once. */
#define KH_TASK_STATE_CTE \
  "WITH tallied AS (" \
  "  SELECT r.task_id, count(*) AS n_results," \
  "   total(CASE WHEN r.indicator_id = t.indicator_id THEN r.quantity END) AS achieved" \
  "  FROM task t JOIN result r ON r.task_id = t.id" \
  "  WHERE t.plan_id = ?1 AND r.done_on <= ?2" \
  "  GROUP BY r.task_id)," \
  " reached AS (" \
  "  SELECT task_id, min(done_on) AS reached_on FROM (" \
  "   SELECT r.task_id, r.done_on, t.target," \
  "    sum(r.quantity) OVER (PARTITION BY r.task_id ORDER BY r.done_on, r.id" \
  "                          ROWS UNBOUNDED PRECEDING) AS running" \
  "   FROM task t JOIN result r ON r.task_id = t.id AND r.indicator_id = t.indicator_id" \
  "   WHERE t.plan_id = ?1 AND t.target > 0 AND t.status <> 'done' AND r.done_on <= ?2)" \
  "  WHERE running >= target GROUP BY task_id)," \
  " marked AS (" \
  "  SELECT t.id, t.position, t.title, t.lead_department_id, t.status, t.done_on," \
  "   t.manual_progress, coalesce(t.target, 0) AS target," \
  "   coalesce(x.n_results, 0) AS n_results, coalesce(x.achieved, 0) AS achieved, y.reached_on," \
  "   CASE WHEN t.rhythm = 'by_date' AND t.deadline IS NOT NULL THEN t.deadline" \
  "        ELSE printf('%04d-12-31', p.year) END AS due_on," \
  "   CASE WHEN t.status = 'done' THEN t.done_on IS NULL OR t.done_on <= ?2" \
  "        ELSE y.reached_on IS NOT NULL END AS is_done" \
  "  FROM task t JOIN plan p ON p.id = t.plan_id" \
  "   LEFT JOIN tallied x ON x.task_id = t.id LEFT JOIN reached y ON y.task_id = t.id" \
  "  WHERE t.plan_id = ?1)," \
  " dated AS (" \
  "  SELECT *, CASE WHEN NOT is_done THEN NULL WHEN status = 'done' THEN done_on" \
  "             ELSE reached_on END AS done_date" \
  "  FROM marked)," \
  " state AS MATERIALIZED (" \
  "  SELECT id, position, title, lead_department_id AS department_id, status, n_results," \
  "   achieved, target, due_on, is_done, done_date," \
  "   is_done OR status <> 'not_started' OR n_results > 0" \
  "    OR coalesce(manual_progress, 0) > 0 AS started," \
  "   CASE WHEN is_done THEN 100.0" \
  "        WHEN target > 0 THEN min(100.0, 100.0 * achieved / target)" \
  "        ELSE coalesce(manual_progress, 0) END AS progress," \
  "   CASE WHEN is_done AND coalesce(done_date <= due_on, 1) THEN 0" \
  "        WHEN is_done THEN 1" \
  "        WHEN ?2 <= due_on THEN 2" \
  "        ELSE 3 END AS category" \
  "  FROM dated) "
