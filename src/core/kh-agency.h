/* kh-agency.h — the agency, the people who sign and the usual recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *parent_name;      /* UBND THỊ XÃ ĐỨC PHỔ; empty when there is none */
  char *name;             /* ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH */
  char *short_name;       /* UBND phường Phổ Minh, in running text */
  char *locality;         /* phường Phổ Minh */
  char *collective_name;  /* ỦY BAN NHÂN DÂN, signed for with “TM.” */
  char *abbreviation;     /* UBND, in document numbers */
  char *place;            /* Phổ Minh, before the date */
  int   period_cutoff_day;/* 0: report periods end with the calendar month */
} KhAgency;

typedef struct
{
  gint64  id;
  char   *name;           /* Lê Duy Bảo */
  char   *title;          /* Chủ tịch */
  int     position;
  gboolean archived;
} KhSigner;

#define KH_TYPE_AGENCY (kh_agency_get_type ())
#define KH_TYPE_SIGNER (kh_signer_get_type ())

GType      kh_agency_get_type              (void) G_GNUC_CONST;
KhAgency  *kh_agency_new                   (void);
KhAgency  *kh_agency_copy                  (const KhAgency  *agency);
void       kh_agency_free                  (KhAgency        *agency);
gboolean   kh_agency_is_set_up             (const KhAgency  *agency);

GType      kh_signer_get_type              (void) G_GNUC_CONST;
KhSigner  *kh_signer_copy                  (const KhSigner  *signer);
void       kh_signer_free                  (KhSigner        *signer);

KhAgency  *kh_store_load_agency            (KhStore         *store,
                                            GError         **error);
gboolean   kh_store_save_agency            (KhStore         *store,
                                            const KhAgency  *agency,
                                            GError         **error);

GPtrArray *kh_store_list_signers           (KhStore         *store,
                                            gboolean         include_archived,
                                            GError         **error);
KhSigner  *kh_store_get_signer             (KhStore         *store,
                                            gint64           id,
                                            GError         **error);
gint64     kh_store_add_signer             (KhStore         *store,
                                            const char      *name,
                                            const char      *title,
                                            GError         **error);
gboolean   kh_store_update_signer          (KhStore         *store,
                                            gint64           id,
                                            const char      *name,
                                            const char      *title,
                                            GError         **error);
gboolean   kh_store_set_signer_archived    (KhStore         *store,
                                            gint64           id,
                                            gboolean         archived,
                                            GError         **error);

char     **kh_store_list_default_recipients (KhStore        *store,
                                             GError        **error);
gboolean   kh_store_set_default_recipients  (KhStore        *store,
                                             const char * const *recipients,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhAgency, kh_agency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhSigner, kh_signer_free)

G_END_DECLS
