/* kh-exchange-import.h — reading an exchange file into the database
 *
 * The format and the rules of import are described in
 * docs/exchange-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

typedef enum
{
  KH_IMPORT_SIGNER,
  KH_IMPORT_DEPARTMENT,
  KH_IMPORT_INDICATOR,
  KH_IMPORT_PLAN,
  KH_IMPORT_TASK,
  KH_IMPORT_RESULT,
  KH_IMPORT_REPORT,
  KH_IMPORT_N_KINDS
} KhImportKind;

typedef enum
{
  KH_IMPORT_FLAGS_NONE      = 0,
  KH_IMPORT_CONVERT_LEGACY  = 1 << 0,   /* the user agreed: TCVN3/VNI text becomes Unicode */
} KhImportFlags;

/* What an import did, or would have done. Declare it zeroed:
 *   g_auto(KhImportReport) report = { 0 }; */
typedef struct
{
  guint      created[KH_IMPORT_N_KINDS];
  guint      updated[KH_IMPORT_N_KINDS];
  guint      unchanged[KH_IMPORT_N_KINDS];
  GPtrArray *problems;   /* char *: “plans[0].tasks[3].lead: …”; set when the import failed */
  GPtrArray *notes;      /* char *: what was kept or skipped, and why */
  guint      legacy;     /* texts found in TCVN3 or VNI (converted or not) */
} KhImportReport;

const char *kh_import_kind_to_string (KhImportKind     kind);
void        kh_import_report_clear   (KhImportReport  *report);

gboolean    kh_store_import_json     (KhStore         *store,
                                      const char      *json,
                                      KhImportReport  *report,
                                      GError         **error);
gboolean    kh_store_import_file     (KhStore         *store,
                                      const char      *path,
                                      KhImportReport  *report,
                                      GError         **error);
gboolean    kh_store_import_json_full (KhStore        *store,
                                       const char     *json,
                                       KhImportFlags   flags,
                                       KhImportReport *report,
                                       GError        **error);
gboolean    kh_store_import_file_full (KhStore        *store,
                                       const char     *path,
                                       KhImportFlags   flags,
                                       KhImportReport *report,
                                       GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KhImportReport, kh_import_report_clear)

G_END_DECLS
