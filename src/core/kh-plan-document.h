/* kh-plan-document.h — a plan as the document the leader signs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-document.h"
#include "kh-pdf-writer.h"
#include "kh-plan.h"
#include "kh-store.h"

G_BEGIN_DECLS

const char *kh_document_mode_to_string      (KhDocumentMode       mode);
gboolean    kh_document_mode_from_string    (const char          *text,
                                             KhDocumentMode      *mode);
char       *kh_signature_lines              (const char          *authority,
                                             const char          *collective_name,
                                             const char          *head_title,
                                             const char          *signer_title,
                                             char               **title_line);

char       *kh_store_head_title             (KhStore             *store);
KhDocument *kh_store_compose_plan_document  (KhStore             *store,
                                             gint64               plan_id,
                                             KhDocumentMode       mode,
                                             GError             **error);
gboolean    kh_store_export_plan_pdf        (KhStore             *store,
                                             gint64               plan_id,
                                             KhDocumentMode       mode,
                                             const KhPdfOptions  *options,
                                             const char          *path,
                                             GError             **error);
char       *kh_plan_default_file_name       (const KhPlan        *plan,
                                             KhDocumentMode       mode);
void        kh_document_add_body_text       (KhDocument          *doc,
                                             const char          *body);
void        kh_file_name_append_slug        (GString             *out,
                                             const char          *text);

G_END_DECLS
