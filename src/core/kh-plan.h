/* kh-plan.h — the year's plan: header, legal bases, recipients, text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-section.h"
#include "kh-store.h"

G_BEGIN_DECLS

typedef enum
{
  KH_PLAN_STATE_DRAFT,     /* dự thảo */
  KH_PLAN_STATE_SIGNING,   /* trình ký: number and date left blank */
  KH_PLAN_STATE_ISSUED,    /* ban hành: number and date recorded, text frozen */
} KhPlanState;

#define KH_PLAN_KIND_CCHC "cchc"
#define KH_PLAN_YEAR_MIN 2000
#define KH_PLAN_YEAR_MAX 2099

/* Bases and recipients are stored bare, as the clerk would say them; the
 * document adds “Căn cứ ” before a basis, “- ” before a recipient, and
 * the “;” or final “.” after each. */
typedef struct
{
  gint64        id;             /* 0 until stored */
  int           year;
  char         *kind;           /* KH_PLAN_KIND_CCHC */
  char         *revision;       /* "" for the year's plan; a name for a later revision */
  char         *title;          /* trích yếu; "\n" where the title breaks into lines */
  char         *intro;          /* the sentence after the bases */
  char         *closing;        /* “Trên đây là kế hoạch…” */
  gint64        signer_id;      /* 0: not chosen yet */
  char         *authority;      /* "", "TM.", "KT.", "Q.", "TL." or "TUQ." */
  KhPlanState   state;
  int           number;         /* 0 until issued */
  GDate         issued_on;      /* invalid until issued */
  gint64        source_plan_id; /* the plan it was copied from, or 0 */
  gint64        template_id;    /* the template it was made from, or 0 */
  char        **bases;          /* “Quyết định số 181/QĐ-UBND ngày 29/12/2023 của …” */
  char        **recipients;     /* “UBND thị xã”, …, “Lưu: VT” */
  GPtrArray    *sections;       /* KhSection: the parts, with their items inside */
} KhPlan;

#define KH_TYPE_PLAN (kh_plan_get_type ())

GType        kh_plan_get_type              (void) G_GNUC_CONST;
KhPlan      *kh_plan_new                   (int                  year,
                                            const char          *title);
KhPlan      *kh_plan_copy                  (const KhPlan        *plan);
void         kh_plan_free                  (KhPlan              *plan);
char        *kh_plan_section_number        (const KhPlan        *plan,
                                            gint64               section_id,
                                            KhNumbering          numbering);

const char  *kh_plan_state_to_string       (KhPlanState          state);
gboolean     kh_plan_state_from_string     (const char          *text,
                                            KhPlanState         *state);
gboolean     kh_authority_is_valid         (const char          *authority);
char        *kh_plan_clean_basis           (const char          *text);
char        *kh_plan_clean_recipient       (const char          *text);

GPtrArray   *kh_store_list_plans           (KhStore             *store,
                                            GError             **error);
KhPlan      *kh_store_load_plan            (KhStore             *store,
                                            gint64               id,
                                            GError             **error);
gint64       kh_store_find_plan            (KhStore             *store,
                                            int                  year,
                                            const char          *kind,
                                            const char          *revision);
char        *kh_store_suggest_revision_name (KhStore             *store,
                                             int                  year,
                                             const char          *kind);
gint64       kh_store_create_plan          (KhStore             *store,
                                            const KhPlan        *plan,
                                            GError             **error);
gboolean     kh_store_update_plan          (KhStore             *store,
                                            const KhPlan        *plan,
                                            GError             **error);
gboolean     kh_store_set_plan_bases       (KhStore             *store,
                                            gint64               id,
                                            const char * const  *bases,
                                            GError             **error);
gboolean     kh_store_set_plan_recipients  (KhStore             *store,
                                            gint64               id,
                                            const char * const  *recipients,
                                            GError             **error);
gboolean     kh_store_set_plan_state       (KhStore             *store,
                                            gint64               id,
                                            KhPlanState          state,
                                            GError             **error);
gboolean     kh_store_issue_plan           (KhStore             *store,
                                            gint64               id,
                                            int                  number,
                                            const GDate         *issued_on,
                                            GError             **error);
gboolean     kh_store_delete_plan          (KhStore             *store,
                                            gint64               id,
                                            GError             **error);
gboolean     kh_store_check_plan_editable  (KhStore             *store,
                                            gint64               id,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlan, kh_plan_free)

G_END_DECLS
