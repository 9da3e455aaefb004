/* kh-test-pdf.h — helpers shared by the PDF tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint   page;    /* from 1 */
  double  x_min, y_min, x_max, y_max;
  char   *text;
} KhTestWord;

typedef struct
{
  guint      page;
  double     x_min, y_min, x_max, y_max;
  GPtrArray *words;  /* of KhTestWord, borrowed from the list */
} KhTestLine;

typedef struct
{
  double     page_width, page_height;
  guint      n_pages;
  GPtrArray *words;  /* of KhTestWord */
  GPtrArray *lines;  /* of KhTestLine */
} KhTestBoxes;

KhDocument  *kh_test_load_document   (const char   *name);
KhDocument  *kh_test_load_document_from_file
                                     (const char   *path);
gboolean     kh_test_have_program    (const char   *program);
char        *kh_test_spawn           (const char   *program,
                                      ...) G_GNUC_NULL_TERMINATED;
char        *kh_test_write_temp      (GBytes       *bytes,
                                      const char   *name);
char        *kh_test_pdftotext       (const char   *pdf_path);
KhTestBoxes *kh_test_boxes_new       (const char   *pdf_path);
void         kh_test_boxes_free      (KhTestBoxes  *boxes);
char        *kh_test_squash          (const char   *text);
const KhTestWord *
             kh_test_boxes_find_word (KhTestBoxes  *boxes,
                                      guint         page,
                                      const char   *text);
void         kh_test_boxes_assert_nd30
                                     (KhTestBoxes  *boxes,
                                      double        left,
                                      double        right,
                                      double        top,
                                      double        bottom,
                                      gboolean      draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhTestBoxes, kh_test_boxes_free)

G_END_DECLS
