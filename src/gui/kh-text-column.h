/* kh-text-column.h — wrapping text that a row's box lays out cheaply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_TEXT_COLUMN (kh_text_column_get_type ())

G_DECLARE_DERIVABLE_TYPE (KhTextColumn, kh_text_column, KH, TEXT_COLUMN, AdwBin)

struct _KhTextColumnClass
{
  AdwBinClass parent_class;
};

G_END_DECLS
