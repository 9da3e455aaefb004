/* fuzz-legacy.c — libFuzzer target: TCVN3/VNI detection and conversion,
 * and the text cleaning every stored string goes through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-legacy.h"
#include "kh-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *raw = g_strndup ((const char *)data, size);
  g_autofree char *clean = kh_text_normalize (raw);
  KhLegacyEncoding encoding;

  /* Whatever comes in, what is stored is valid UTF-8. */
  g_assert_true (g_utf8_validate (clean, -1, NULL));

  encoding = kh_legacy_detect (clean);
  for (int e = KH_LEGACY_NONE; e <= KH_LEGACY_VNI; e++)
    {
      g_autofree char *converted = kh_legacy_convert (clean, e);
      g_assert_true (g_utf8_validate (converted, -1, NULL));
    }
  (void)encoding;

  return 0;
}
