/* kh-template.h — plan templates: built-in and the agency's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-plan.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *name;       /* “Kế hoạch tuyên truyền cải cách hành chính năm {year}” */
  char     *doc_type;   /* “KH” */
  char     *kind;       /* the kind of plan it makes: KH_PLAN_KIND_CCHC */
  gboolean  builtin;    /* ships with the app: can be renamed, not deleted */
  char     *body;       /* the JSON described in kh-template.c */
} KhTemplate;

#define KH_TYPE_TEMPLATE (kh_template_get_type ())

GType        kh_template_get_type               (void) G_GNUC_CONST;
KhTemplate  *kh_template_copy                   (const KhTemplate  *template);
void         kh_template_free                   (KhTemplate        *template);
char        *kh_template_display_name           (const KhTemplate  *template,
                                                 int                year);

gboolean     kh_store_install_builtin_templates (KhStore           *store,
                                                 GError           **error);
GPtrArray   *kh_store_list_templates            (KhStore           *store,
                                                 GError           **error);
KhTemplate  *kh_store_get_template              (KhStore           *store,
                                                 gint64             id,
                                                 GError           **error);
gboolean     kh_store_rename_template           (KhStore           *store,
                                                 gint64             id,
                                                 const char        *name,
                                                 GError           **error);
gboolean     kh_store_delete_template           (KhStore           *store,
                                                 gint64             id,
                                                 GError           **error);
gint64       kh_store_save_plan_as_template     (KhStore           *store,
                                                 gint64             plan_id,
                                                 const char        *name,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhTemplate, kh_template_free)

G_END_DECLS
