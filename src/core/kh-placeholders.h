/* kh-placeholders.h — {year}, {agency}, {locality}… in templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-agency.h"

G_BEGIN_DECLS

typedef struct _KhPlaceholders KhPlaceholders;

KhPlaceholders *kh_placeholders_new            (const KhAgency *agency,
                                                int             year);
void            kh_placeholders_free           (KhPlaceholders *self);
const char     *kh_placeholders_lookup         (KhPlaceholders *self,
                                                const char     *name);
char           *kh_placeholders_expand         (KhPlaceholders *self,
                                                const char     *text);
char           *kh_locality_from_caps          (const char     *caps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlaceholders, kh_placeholders_free)

G_END_DECLS
