/* kh-scrolled-content.h — a page's content in its scrolled window,
 * without the measure nobody reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-text-column.h"

G_BEGIN_DECLS

#define KH_TYPE_SCROLLED_CONTENT (kh_scrolled_content_get_type ())

G_DECLARE_FINAL_TYPE (KhScrolledContent, kh_scrolled_content, KH, SCROLLED_CONTENT, KhTextColumn)

G_END_DECLS
