/* kh-report.h — a periodic report on a plan: its text, recipients, signer and state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-period.h"
#include "kh-plan.h"
#include "kh-store.h"

G_BEGIN_DECLS

#define KH_REPORT_DOC_TYPE "BC"

/* A report follows a plan's three states (KhPlanState): draft, for
 * signing, issued (number registered as “BC”, text frozen).
 *
 * results_generated is the text last made from the recorded results;
 * results_text is what the clerk kept or wrote, and what the document
 * prints. The written parts are stored as the clerk writes them: one
 * paragraph a line, "- " before a bullet. */
typedef struct
{
  gint64        id;                 /* 0 until stored */
  gint64        plan_id;
  KhPeriod      period;             /* its year is the plan's */
  char         *title;              /* trích yếu; "\n" where it breaks */
  char         *opening;            /* “Thực hiện Kế hoạch số …, … như sau:” */
  char         *results_generated;
  char         *results_text;
  char         *favourable;         /* thuận lợi */
  char         *difficulties;       /* khó khăn, hạn chế và nguyên nhân */
  char         *proposals;          /* đề xuất, kiến nghị */
  char         *direction;          /* phương hướng, nhiệm vụ kỳ tới */
  char         *closing;            /* “Trên đây là báo cáo …” */
  gboolean      with_table;         /* the table of indicators under the results */
  char         *addressees;         /* “Kính gửi”, one a line; "" for none */
  gint64        signer_id;          /* 0: not chosen */
  char         *authority;          /* "", "TM.", "KT."… */
  KhPlanState   state;
  int           number;             /* 0 until issued */
  GDate         issued_on;          /* invalid until issued */
  char        **recipients;         /* bare, as a plan's: “Phòng VH-TT thị xã”, …, “Lưu: VT” */
} KhReport;

#define KH_TYPE_REPORT (kh_report_get_type ())

GType       kh_report_get_type            (void) G_GNUC_CONST;
KhReport   *kh_report_new                 (gint64              plan_id,
                                           const KhPeriod     *period);
KhReport   *kh_report_copy                (const KhReport     *report);
void        kh_report_free                (KhReport           *report);

GPtrArray  *kh_store_list_reports         (KhStore            *store,
                                           gint64              plan_id,
                                           GError            **error);
KhReport   *kh_store_load_report          (KhStore            *store,
                                           gint64              id,
                                           GError            **error);
gint64      kh_store_find_report          (KhStore            *store,
                                           gint64              plan_id,
                                           const KhPeriod     *period);
gint64      kh_store_find_previous_report (KhStore            *store,
                                           gint64              plan_id,
                                           const GDate        *before);
gint64      kh_store_insert_report        (KhStore            *store,
                                           const KhReport     *report,
                                           GError            **error);
gboolean    kh_store_update_report        (KhStore            *store,
                                           const KhReport     *report,
                                           GError            **error);
gboolean    kh_store_check_report_editable (KhStore           *store,
                                            gint64             id,
                                            GError           **error);
gboolean    kh_store_set_report_state     (KhStore            *store,
                                           gint64              id,
                                           KhPlanState         state,
                                           GError            **error);
gboolean    kh_store_issue_report         (KhStore            *store,
                                           gint64              id,
                                           int                 number,
                                           const GDate        *issued_on,
                                           GError            **error);
gboolean    kh_store_delete_report        (KhStore            *store,
                                           gint64              id,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhReport, kh_report_free)

G_END_DECLS
