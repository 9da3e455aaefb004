/* kh-document.h — what an exported document says, before it is laid out
 *
 * A KhDocument is the plan or report the PDF writer draws: the ND30
 * header, the title, a list of blocks and the closing block. Core
 * composes it from the database; the writer knows nothing of SQLite.
 * Text arrives already numbered ("I. MỤC ĐÍCH, YÊU CẦU"): the model only
 * carries the heading level.
 *
 * The fields are public for reading; every string and array is owned
 * by the document, so set them with the functions below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KH_DOCUMENT_MODE_DRAFT,    /* dự thảo: carries a "DỰ THẢO" mark */
  KH_DOCUMENT_MODE_SIGNING,  /* trình ký: number and day left blank */
  KH_DOCUMENT_MODE_ISSUED,   /* ban hành: number and date filled in */
} KhDocumentMode;

typedef enum
{
  KH_DOCUMENT_BLOCK_LEGAL_BASIS,  /* căn cứ: italic, justified */
  KH_DOCUMENT_BLOCK_HEADING,      /* level 1 "I.", 2 "1.", 3 "2.1." */
  KH_DOCUMENT_BLOCK_PARAGRAPH,
  KH_DOCUMENT_BLOCK_BULLET,       /* drawn as "- text" */
  KH_DOCUMENT_BLOCK_TABLE,
  KH_DOCUMENT_BLOCK_IMAGE,        /* a PNG, e.g. a chart drawn with cairo */
} KhDocumentBlockKind;

typedef struct
{
  KhDocumentBlockKind  kind;
  int                  level;          /* headings: 1 to 3 */
  char                *text;           /* all kinds but tables and images */

  /* KH_DOCUMENT_BLOCK_TABLE */
  guint                n_columns;
  double              *column_widths;  /* fractions of the text width */
  GPtrArray           *rows;           /* of GStrv; rows[0] is the header */

  /* KH_DOCUMENT_BLOCK_IMAGE */
  GBytes              *png;
  double               width_mm;
} KhDocumentBlock;

typedef struct
{
  char           *type_name;      /* "KẾ HOẠCH", "BÁO CÁO" */
  char           *type_abbr;      /* "KH", "BC" */
  char           *parent_agency;  /* may be NULL: communes under the province */
  char           *agency;
  char           *agency_abbr;    /* "UBND" */
  char           *place;          /* "Phổ Minh" */

  KhDocumentMode  mode;
  int             number;         /* 0 when not issued yet */
  GDate           date;           /* issued mode; cleared otherwise */
  int             year;           /* the year of the blank date form */

  char           *title;          /* trích yếu; "\n" separates lines */
  GPtrArray      *addressees;     /* "Kính gửi"; empty for none */
  GPtrArray      *blocks;         /* of KhDocumentBlock */

  GPtrArray      *recipients;     /* "Nơi nhận", without the leading "- " */
  char           *authority;      /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" or NULL */
  char           *signer_title;   /* "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
  char           *signer_name;
} KhDocument;

KhDocument      *kh_document_new               (void);
void             kh_document_free              (KhDocument          *doc);

void             kh_document_set_type          (KhDocument          *doc,
                                                const char          *type_name,
                                                const char          *type_abbr);
void             kh_document_set_agency        (KhDocument          *doc,
                                                const char          *parent_agency,
                                                const char          *agency,
                                                const char          *agency_abbr,
                                                const char          *place);
void             kh_document_set_issued        (KhDocument          *doc,
                                                int                  number,
                                                const GDate         *date);
void             kh_document_set_signing       (KhDocument          *doc,
                                                int                  year);
void             kh_document_set_draft         (KhDocument          *doc,
                                                int                  year);
void             kh_document_set_title         (KhDocument          *doc,
                                                const char          *title);
void             kh_document_add_addressee     (KhDocument          *doc,
                                                const char          *addressee);
void             kh_document_set_signature     (KhDocument          *doc,
                                                const char          *authority,
                                                const char          *signer_title,
                                                const char          *signer_name);
void             kh_document_add_recipient     (KhDocument          *doc,
                                                const char          *recipient);

KhDocumentBlock *kh_document_add_legal_basis   (KhDocument          *doc,
                                                const char          *text);
KhDocumentBlock *kh_document_add_heading       (KhDocument          *doc,
                                                int                  level,
                                                const char          *text);
KhDocumentBlock *kh_document_add_paragraph     (KhDocument          *doc,
                                                const char          *text);
KhDocumentBlock *kh_document_add_bullet        (KhDocument          *doc,
                                                const char          *text);
KhDocumentBlock *kh_document_add_table         (KhDocument          *doc,
                                                guint                n_columns,
                                                const double        *column_widths,
                                                const char * const  *header);
void             kh_document_table_add_row     (KhDocumentBlock     *table,
                                                const char * const  *cells);
KhDocumentBlock *kh_document_add_image         (KhDocument          *doc,
                                                GBytes              *png,
                                                double               width_mm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDocument, kh_document_free)

G_END_DECLS
