/* kh-tasks-page.h — the plan's tasks, by department (Nhiệm vụ)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_TASKS_PAGE (kh_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (KhTasksPage, kh_tasks_page, KH, TASKS_PAGE, AdwBin)

GtkWidget *kh_tasks_page_new (void);
void       kh_tasks_page_show_department (KhTasksPage *self,
                                          gint64       department_id);

G_END_DECLS
