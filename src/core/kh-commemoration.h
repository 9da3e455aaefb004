/* kh-commemoration.h — commemorative days and their anniversaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-period.h"
#include "kh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *name;           /* Ngày Khởi nghĩa Ba Tơ */
  guint     day;
  guint     month;
  int       founding_year;  /* 0 when the day has no year of its own */
  gboolean  local;          /* the agency's own, not national */
  gboolean  archived;
} KhCommemoration;

void       kh_commemoration_free            (KhCommemoration  *day);

char      *kh_format_anniversary            (const char       *name,
                                             guint             day,
                                             guint             month,
                                             int               founding_year,
                                             int               year);

gboolean   kh_store_install_commemorations  (KhStore          *store,
                                             GError          **error);
GPtrArray *kh_store_list_commemorations     (KhStore          *store,
                                             gboolean          include_archived,
                                             GError          **error);
gint64     kh_store_add_commemoration       (KhStore          *store,
                                             const char       *name,
                                             guint             day,
                                             guint             month,
                                             int               founding_year,
                                             gboolean          local,
                                             GError          **error);
gboolean   kh_store_update_commemoration    (KhStore          *store,
                                             gint64            id,
                                             const char       *name,
                                             guint             day,
                                             guint             month,
                                             int               founding_year,
                                             GError          **error);
gboolean   kh_store_set_commemoration_archived (KhStore       *store,
                                                gint64         id,
                                                gboolean       archived,
                                                GError       **error);
char     **kh_store_list_anniversaries      (KhStore          *store,
                                             const KhPeriod   *period,
                                             GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhCommemoration, kh_commemoration_free)

G_END_DECLS
