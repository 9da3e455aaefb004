/* kh-text.h — cleaning text before it is stored or drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *kh_text_normalize (const char *text);
gboolean  kh_text_is_blank  (const char *text);
char     *kh_text_strip     (const char *text);

G_END_DECLS
