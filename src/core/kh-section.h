/* kh-section.h — the text of a plan as a tree of numbered parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kh-store.h"

G_BEGIN_DECLS

/* Part IV “Tổ chức thực hiện” is made from the tasks, not typed. */
#define KH_SECTION_GENERATED_TASKS "tasks"

/* Parts nest at most this deep: part, item, point, sub-point. */
#define KH_SECTION_MAX_DEPTH 4

typedef struct _KhSection KhSection;

struct _KhSection
{
  gint64     id;          /* 0 until stored */
  gint64     parent_id;   /* 0 for a part (I, II…) */
  int        position;    /* among its siblings, from 0 */
  char      *heading;     /* without its number: “MỤC ĐÍCH, YÊU CẦU”, “Mục đích:” */
  char      *body;        /* one line per paragraph; “- ” starts a bullet */
  char      *generated;   /* "" or KH_SECTION_GENERATED_TASKS */
  GPtrArray *children;    /* KhSection, owned, in position order */
};

/* Numbers are computed from the place in the tree, never stored. */
typedef enum
{
  KH_NUMBERING_DECIMAL,   /* I. / 1. / 2.1. / 2.1.1. — as the seed plan writes them */
  KH_NUMBERING_LETTERS,   /* I. / 1. / a) / - — as Nghị định 30’s samples */
} KhNumbering;

#define KH_NUMBERING_DEFAULT KH_NUMBERING_DECIMAL

typedef void (*KhSectionFunc) (const KhSection *section,
                               guint            depth,
                               const char      *number,
                               gpointer         user_data);

#define KH_TYPE_SECTION (kh_section_get_type ())

GType            kh_section_get_type         (void) G_GNUC_CONST;
KhSection       *kh_section_new              (const char        *heading,
                                              const char        *body);
KhSection       *kh_section_copy             (const KhSection   *section);
void             kh_section_free             (KhSection         *section);
KhSection       *kh_section_append_child     (KhSection         *parent,
                                              KhSection         *child);
gboolean         kh_section_is_generated     (const KhSection   *section);
char           **kh_section_split_body       (const char        *body);
const char      *kh_section_bullet_text      (const char        *line);

char            *kh_section_format_number    (const int         *path,
                                              guint              depth,
                                              KhNumbering        numbering);
void             kh_sections_foreach         (GPtrArray         *sections,
                                              KhNumbering        numbering,
                                              KhSectionFunc      func,
                                              gpointer           user_data);
const KhSection *kh_sections_find            (GPtrArray         *sections,
                                              gint64             id);
char            *kh_sections_number_of       (GPtrArray         *sections,
                                              gint64             id,
                                              KhNumbering        numbering);
guint            kh_sections_count           (GPtrArray         *sections);

GPtrArray       *kh_store_load_sections      (KhStore           *store,
                                              gint64             plan_id,
                                              GError           **error);
gint64           kh_store_add_section        (KhStore           *store,
                                              gint64             plan_id,
                                              gint64             parent_id,
                                              int                index,
                                              const KhSection   *section,
                                              GError           **error);
gboolean         kh_store_update_section     (KhStore           *store,
                                              gint64             id,
                                              const char        *heading,
                                              const char        *body,
                                              GError           **error);
gboolean         kh_store_remove_section     (KhStore           *store,
                                              gint64             id,
                                              GError           **error);
gboolean         kh_store_move_section       (KhStore           *store,
                                              gint64             id,
                                              gint64             new_parent_id,
                                              int                new_index,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhSection, kh_section_free)

G_END_DECLS
