/* kh-legacy.h — Vietnamese text in the pre-Unicode encodings TCVN3 and VNI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KH_LEGACY_NONE,
  KH_LEGACY_TCVN3,   /* TCVN 5712:1993 VN3, the ".VnTime" (ABC) fonts */
  KH_LEGACY_VNI,     /* VNI Windows, the "VNI-Times" fonts */
} KhLegacyEncoding;

KhLegacyEncoding  kh_legacy_detect   (const char       *text);
char             *kh_legacy_convert  (const char       *text,
                                      KhLegacyEncoding  encoding);
const char       *kh_legacy_name     (KhLegacyEncoding  encoding);

G_END_DECLS
