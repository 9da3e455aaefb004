/* kh-document.c — what an exported document says, before it is laid out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-document"

#include "config.h"

#include "kh-document.h"

static void
kh_document_block_free (gpointer data)
{
  KhDocumentBlock *block = data;

  g_free (block->text);
  g_free (block->column_widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->png, g_bytes_unref);
  g_free (block);
}

static KhDocumentBlock *
add_block (KhDocument          *doc,
           KhDocumentBlockKind  kind,
           const char          *text)
{
  KhDocumentBlock *block = g_new0 (KhDocumentBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->blocks, block);

  return block;
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

KhDocument *
kh_document_new (void)
{
  KhDocument *doc = g_new0 (KhDocument, 1);

  doc->type_name = g_strdup ("KẾ HOẠCH");
  doc->type_abbr = g_strdup ("KH");
  doc->mode = KH_DOCUMENT_MODE_DRAFT;
  g_date_clear (&doc->date, 1);
  doc->addressees = g_ptr_array_new_with_free_func (g_free);
  doc->blocks = g_ptr_array_new_with_free_func (kh_document_block_free);
  doc->recipients = g_ptr_array_new_with_free_func (g_free);

  return doc;
}

void
kh_document_free (KhDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->type_name);
  g_free (doc->type_abbr);
  g_free (doc->parent_agency);
  g_free (doc->agency);
  g_free (doc->agency_abbr);
  g_free (doc->place);
  g_free (doc->title);
  g_ptr_array_unref (doc->addressees);
  g_ptr_array_unref (doc->blocks);
  g_ptr_array_unref (doc->recipients);
  g_free (doc->authority);
  g_free (doc->signer_title);
  g_free (doc->signer_name);
  g_free (doc);
}

void
kh_document_set_type (KhDocument *doc,
                      const char *type_name,
                      const char *type_abbr)
{
  g_return_if_fail (doc != NULL);

  replace_string (&doc->type_name, type_name);
  replace_string (&doc->type_abbr, type_abbr);
}

void
kh_document_set_agency (KhDocument *doc,
                        const char *parent_agency,
                        const char *agency,
                        const char *agency_abbr,
                        const char *place)
{
  g_return_if_fail (doc != NULL);

  replace_string (&doc->parent_agency, parent_agency);
  replace_string (&doc->agency, agency);
  replace_string (&doc->agency_abbr, agency_abbr);
  replace_string (&doc->place, place);
}

void
kh_document_set_issued (KhDocument  *doc,
                        int          number,
                        const GDate *date)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  doc->mode = KH_DOCUMENT_MODE_ISSUED;
  doc->number = number;
  doc->date = *date;
  doc->year = g_date_get_year (date);
}

static void
set_unissued (KhDocument     *doc,
              KhDocumentMode  mode,
              int             year)
{
  doc->mode = mode;
  doc->number = 0;
  g_date_clear (&doc->date, 1);
  doc->year = year;
}

void
kh_document_set_signing (KhDocument *doc,
                         int         year)
{
  g_return_if_fail (doc != NULL);

  set_unissued (doc, KH_DOCUMENT_MODE_SIGNING, year);
}

void
kh_document_set_draft (KhDocument *doc,
                       int         year)
{
  g_return_if_fail (doc != NULL);

  set_unissued (doc, KH_DOCUMENT_MODE_DRAFT, year);
}

void
kh_document_set_title (KhDocument *doc,
                       const char *title)
{
  g_return_if_fail (doc != NULL);

  replace_string (&doc->title, title);
}

void
kh_document_add_addressee (KhDocument *doc,
                           const char *addressee)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (addressee != NULL);

  g_ptr_array_add (doc->addressees, g_strdup (addressee));
}

void
kh_document_set_signature (KhDocument *doc,
                           const char *authority,
                           const char *signer_title,
                           const char *signer_name)
{
  g_return_if_fail (doc != NULL);

  replace_string (&doc->authority, authority);
  replace_string (&doc->signer_title, signer_title);
  replace_string (&doc->signer_name, signer_name);
}

void
kh_document_add_recipient (KhDocument *doc,
                           const char *recipient)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (recipient != NULL);

  g_ptr_array_add (doc->recipients, g_strdup (recipient));
}

KhDocumentBlock *
kh_document_add_legal_basis (KhDocument *doc,
                             const char *text)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return add_block (doc, KH_DOCUMENT_BLOCK_LEGAL_BASIS, text);
}

KhDocumentBlock *
kh_document_add_heading (KhDocument *doc,
                         int         level,
                         const char *text)
{
  KhDocumentBlock *block;

  g_return_val_if_fail (doc != NULL, NULL);

  block = add_block (doc, KH_DOCUMENT_BLOCK_HEADING, text);
  block->level = CLAMP (level, 1, 3);

  return block;
}

KhDocumentBlock *
kh_document_add_paragraph (KhDocument *doc,
                           const char *text)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return add_block (doc, KH_DOCUMENT_BLOCK_PARAGRAPH, text);
}

KhDocumentBlock *
kh_document_add_bullet (KhDocument *doc,
                        const char *text)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return add_block (doc, KH_DOCUMENT_BLOCK_BULLET, text);
}

/* column_widths may be NULL for equal columns; they are normalised so
 * that they sum to 1. */
KhDocumentBlock *
kh_document_add_table (KhDocument         *doc,
                       guint               n_columns,
                       const double       *column_widths,
                       const char * const *header)
{
  KhDocumentBlock *block;
  double sum = 0;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);
  g_return_val_if_fail (header != NULL, NULL);

  block = add_block (doc, KH_DOCUMENT_BLOCK_TABLE, NULL);
  block->n_columns = n_columns;
  block->column_widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      double w = column_widths != NULL ? column_widths[i] : 1.0;

      block->column_widths[i] = w > 0 ? w : 1.0;
      sum += block->column_widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    block->column_widths[i] /= sum;

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  kh_document_table_add_row (block, header);

  return block;
}

/* Copies exactly n_columns cells; a NULL entry ends the row early and
 * the missing cells stay empty. */
void
kh_document_table_add_row (KhDocumentBlock    *table,
                           const char * const *cells)
{
  char **row;
  gboolean ended = FALSE;

  g_return_if_fail (table != NULL && table->kind == KH_DOCUMENT_BLOCK_TABLE);
  g_return_if_fail (cells != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (!ended && cells[i] == NULL)
        ended = TRUE;
      row[i] = g_strdup (ended ? "" : cells[i]);
    }
  g_ptr_array_add (table->rows, row);
}

KhDocumentBlock *
kh_document_add_image (KhDocument *doc,
                       GBytes     *png,
                       double      width_mm)
{
  KhDocumentBlock *block;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (png != NULL, NULL);

  block = add_block (doc, KH_DOCUMENT_BLOCK_IMAGE, NULL);
  block->png = g_bytes_ref (png);
  block->width_mm = width_mm;

  return block;
}
