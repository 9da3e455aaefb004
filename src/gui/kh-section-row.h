/* kh-section-row.h — one part or item of the plan's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-section.h"

G_BEGIN_DECLS

/* What the clerk asked of a row; the page does it through core. */
typedef enum
{
  KH_SECTION_OP_ADD_CHILD,
  KH_SECTION_OP_ADD_AFTER,
  KH_SECTION_OP_MOVE_UP,
  KH_SECTION_OP_MOVE_DOWN,
  KH_SECTION_OP_INDENT,
  KH_SECTION_OP_OUTDENT,
  KH_SECTION_OP_REMOVE,
  KH_SECTION_OP_EDIT_TASKS,
} KhSectionOp;

/* Which of them make sense where the row is now. */
typedef enum
{
  KH_SECTION_CAN_ADD_CHILD = 1 << 0,
  KH_SECTION_CAN_MOVE_UP   = 1 << 1,
  KH_SECTION_CAN_MOVE_DOWN = 1 << 2,
  KH_SECTION_CAN_INDENT    = 1 << 3,
  KH_SECTION_CAN_OUTDENT   = 1 << 4,
} KhSectionAbilities;

#define KH_TYPE_SECTION_ROW (kh_section_row_get_type ())
G_DECLARE_FINAL_TYPE (KhSectionRow, kh_section_row, KH, SECTION_ROW, AdwBin)

GtkWidget  *kh_section_row_new                (gint64              section_id);
gint64      kh_section_row_get_section_id     (KhSectionRow       *self);
void        kh_section_row_update             (KhSectionRow       *self,
                                               const KhSection    *section,
                                               guint               depth,
                                               const char         *number,
                                               KhSectionAbilities  abilities);
void        kh_section_row_set_generated_text (KhSectionRow       *self,
                                               const char         *text);
void        kh_section_row_set_editable       (KhSectionRow       *self,
                                               gboolean            editable);
gboolean    kh_section_row_is_dirty           (KhSectionRow       *self);
void        kh_section_row_mark_saved         (KhSectionRow       *self);
void        kh_section_row_set_error          (KhSectionRow       *self,
                                               gboolean            error);
char       *kh_section_row_get_heading        (KhSectionRow       *self);
char       *kh_section_row_get_body           (KhSectionRow       *self);
const char *kh_section_row_get_number         (KhSectionRow       *self);
gboolean    kh_section_row_has_text           (KhSectionRow       *self);
void        kh_section_row_focus_heading      (KhSectionRow       *self);

G_END_DECLS
