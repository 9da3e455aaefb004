/* kh-indicator.h — what results count: tin bài, băng rôn, hội nghị…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

/* A report says what was done with the form, the quantity and the unit:
 * form "treo", unit "băng rôn" → "treo 06 băng rôn". */
typedef struct
{
  gint64    id;
  char     *name;       /* Băng rôn, as lists and tables show it */
  char     *unit;       /* băng rôn */
  char     *form;       /* treo: the propaganda action, before the quantity */
  int       position;
  gboolean  archived;
} KhIndicator;

#define KH_TYPE_INDICATOR (kh_indicator_get_type ())

GType        kh_indicator_get_type             (void) G_GNUC_CONST;
KhIndicator *kh_indicator_copy                 (const KhIndicator  *indicator);
void         kh_indicator_free                 (KhIndicator        *indicator);
char        *kh_format_quantity                (double              quantity);
char        *kh_indicator_format_quantity      (const KhIndicator  *indicator,
                                                double              quantity);

gboolean     kh_store_install_default_indicators (KhStore          *store,
                                                  GError          **error);
GPtrArray   *kh_store_list_indicators          (KhStore            *store,
                                                gboolean            include_archived,
                                                GError            **error);
KhIndicator *kh_store_get_indicator            (KhStore            *store,
                                                gint64              id,
                                                GError            **error);
gint64       kh_store_find_indicator           (KhStore            *store,
                                                const char         *name);
gint64       kh_store_add_indicator            (KhStore            *store,
                                                const char         *name,
                                                const char         *unit,
                                                const char         *form,
                                                GError            **error);
gboolean     kh_store_update_indicator         (KhStore            *store,
                                                gint64              id,
                                                const char         *name,
                                                const char         *unit,
                                                const char         *form,
                                                GError            **error);
gboolean     kh_store_move_indicator           (KhStore            *store,
                                                gint64              id,
                                                int                 new_index,
                                                GError            **error);
gboolean     kh_store_set_indicator_archived   (KhStore            *store,
                                                gint64              id,
                                                gboolean            archived,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIndicator, kh_indicator_free)

G_END_DECLS
