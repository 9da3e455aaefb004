/* kh-plan-document.c — a plan as the document the leader signs
 *
 * Turns a stored plan into the writer's KhDocument: the agency header,
 * "KẾ HOẠCH" and the trích yếu, the legal bases ("Căn cứ …;" — the last
 * ends with "."), the intro, the numbered parts with part IV made from
 * the tasks (frozen once issued), the closing paragraph, the recipients
 * ("- …;", the last "- Lưu: VT.") and the signature block by the
 * authority form of Nghị định 30.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-part-four.h"
#include "kh-plan-document.h"
#include "kh-text.h"

static const char * const mode_ids[] = {
  [KH_DOCUMENT_MODE_DRAFT] = "draft",
  [KH_DOCUMENT_MODE_SIGNING] = "signing",
  [KH_DOCUMENT_MODE_ISSUED] = "issued",
};

const char *
kh_document_mode_to_string (KhDocumentMode mode)
{
  g_return_val_if_fail ((guint)mode < G_N_ELEMENTS (mode_ids), NULL);
  return mode_ids[mode];
}

gboolean
kh_document_mode_from_string (const char     *text,
                              KhDocumentMode *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (mode_ids); i++)
    if (g_strcmp0 (text, mode_ids[i]) == 0)
      {
        *mode = (KhDocumentMode)i;
        return TRUE;
      }
  return FALSE;
}

static char *
upper (const char *text)
{
  return g_utf8_strup (text ? text : "", -1);
}

/* The head a deputy signs for: "Phó Chủ tịch" signs for "Chủ tịch". */
static char *
head_of (const char *signer_title)
{
  g_autofree char *title = upper (signer_title);

  if (g_str_has_prefix (title, "PHÓ "))
    return g_strdup (title + strlen ("PHÓ "));
  return g_steal_pointer (&title);
}

/* The authority line above the title, by Nghị định 30 (NULL for none),
 * with the title line in title_line:
 *   ""     → CHỦ TỊCH
 *   TM.    → TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
 *   KT.    → KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
 *   Q.     → Q. CHỦ TỊCH (one line: the signer acts as the head)
 *   TL.    → TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG
 *   TUQ.   → TUQ. CHỦ TỊCH / CHÁNH VĂN PHÒNG
 * head_title is the head's title (kh_store_head_title()); NULL derives
 * it from the signer's ("Phó Chủ tịch" signs for "Chủ tịch"). */
char *
kh_signature_lines (const char  *authority,
                    const char  *collective_name,
                    const char  *head_title,
                    const char  *signer_title,
                    char       **title_line)
{
  g_autofree char *title = upper (signer_title);
  g_autofree char *head = head_title && *head_title ? upper (head_title) : head_of (signer_title);

  if (g_strcmp0 (authority, "TM.") == 0)
    {
      g_autofree char *collective = upper (collective_name);
      *title_line = g_steal_pointer (&title);
      return g_strdup_printf ("TM. %s", collective);
    }
  if (g_strcmp0 (authority, "Q.") == 0)
    {
      *title_line = g_strdup_printf ("Q. %s", head);
      return NULL;
    }
  if (g_strcmp0 (authority, "KT.") == 0 || g_strcmp0 (authority, "TL.") == 0 ||
      g_strcmp0 (authority, "TUQ.") == 0)
    {
      *title_line = g_steal_pointer (&title);
      return g_strdup_printf ("%s %s", authority, head);
    }

  *title_line = g_steal_pointer (&title);
  return NULL;
}

/* The title of the agency's head: the first active signer whose title
 * is not a deputy's ("Phó …"), or "Chủ tịch" for a People's Committee. */
char *
kh_store_head_title (KhStore *store)
{
  g_autoptr(GPtrArray) signers = kh_store_list_signers (store, FALSE, NULL);

  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      const KhSigner *signer = signers->pdata[i];
      g_autofree char *title = upper (signer->title);

      if (!g_str_has_prefix (title, "PHÓ "))
        return g_steal_pointer (&title);
    }

  return g_strdup ("CHỦ TỊCH");
}

/* "Căn cứ …;" for each basis, the last one ending with ".". */
static void
add_bases (KhDocument   *doc,
           const KhPlan *plan)
{
  guint n = plan->bases ? g_strv_length (plan->bases) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Căn cứ %s%s", plan->bases[i], i + 1 < n ? ";" : ".");
      kh_document_add_legal_basis (doc, text);
    }
}

/* A body as the clerk writes it: one paragraph a line, "- " before a
 * bullet, blank lines skipped. For plans and reports. */
void
kh_document_add_body_text (KhDocument *doc,
                           const char *body)
{
  g_auto(GStrv) lines = kh_section_split_body (body);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      const char *bullet = kh_section_bullet_text (lines[i]);

      if (kh_text_is_blank (lines[i]))
        continue;
      if (bullet != NULL)
        kh_document_add_bullet (doc, bullet);
      else
        kh_document_add_paragraph (doc, lines[i]);
    }
}

static void
add_section (const KhSection *section,
             guint            depth,
             const char      *number,
             gpointer         user_data)
{
  KhDocument *doc = user_data;

  if (!kh_text_is_blank (section->heading))
    {
      g_autofree char *heading = g_strdup_printf ("%s %s", number, section->heading);
      /* depth is 1 for a part (I.), 2 for an item (1.), 3 and more below. */
      kh_document_add_heading (doc, CLAMP ((int)depth, 1, 3), heading);
    }
  kh_document_add_body_text (doc, section->body);
}

/* "- UBND thị xã;" … "- Lưu: VT." — the writer adds the dashes. */
static void
add_recipients (KhDocument   *doc,
                const KhPlan *plan)
{
  guint n = plan->recipients ? g_strv_length (plan->recipients) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%s", plan->recipients[i], i + 1 < n ? ";" : ".");
      kh_document_add_recipient (doc, text);
    }
}

static gboolean
set_mode (KhDocument      *doc,
          const KhPlan    *plan,
          KhDocumentMode   mode,
          GError         **error)
{
  switch (mode)
    {
    case KH_DOCUMENT_MODE_ISSUED:
      if (plan->state != KH_PLAN_STATE_ISSUED || plan->number <= 0 || !g_date_valid (&plan->issued_on))
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("The %d plan has no number and date yet. Issue it first, or export it for signing."),
                       plan->year);
          return FALSE;
        }
      kh_document_set_issued (doc, plan->number, &plan->issued_on);
      return TRUE;
    case KH_DOCUMENT_MODE_SIGNING:
      kh_document_set_signing (doc, plan->year);
      return TRUE;
    case KH_DOCUMENT_MODE_DRAFT:
    default:
      kh_document_set_draft (doc, plan->year);
      return TRUE;
    }
}

KhDocument *
kh_store_compose_plan_document (KhStore         *store,
                                gint64           plan_id,
                                KhDocumentMode   mode,
                                GError         **error)
{
  g_autoptr(KhDocument) doc = kh_document_new ();
  g_autoptr(KhAgency) agency = NULL;
  g_autoptr(KhPlan) plan = NULL;

  if (!(agency = kh_store_load_agency (store, error)) ||
      !(plan = kh_store_load_plan_for_document (store, plan_id, error)))
    return NULL;

  if (!kh_agency_is_set_up (agency))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Set up the agency first: its name, abbreviation and place go into every document's header."));
      return NULL;
    }

  kh_document_set_type (doc, "KẾ HOẠCH", "KH");
  kh_document_set_agency (doc, *agency->parent_name ? agency->parent_name : NULL,
                          agency->name, agency->abbreviation, agency->place);
  if (!set_mode (doc, plan, mode, error))
    return NULL;

  kh_document_set_title (doc, plan->title);
  add_bases (doc, plan);
  if (!kh_text_is_blank (plan->intro))
    kh_document_add_paragraph (doc, plan->intro);
  kh_sections_foreach (plan->sections, KH_NUMBERING_DEFAULT, add_section, doc);
  if (!kh_text_is_blank (plan->closing))
    kh_document_add_paragraph (doc, plan->closing);
  add_recipients (doc, plan);

  if (plan->signer_id != 0)
    {
      g_autoptr(KhSigner) signer = kh_store_get_signer (store, plan->signer_id, NULL);

      if (signer != NULL)
        {
          g_autofree char *title_line = NULL;
          g_autofree char *head = kh_store_head_title (store);
          g_autofree char *authority = kh_signature_lines (plan->authority, agency->collective_name,
                                                           head, signer->title, &title_line);
          kh_document_set_signature (doc, authority, title_line, signer->name);
        }
    }

  return g_steal_pointer (&doc);
}

gboolean
kh_store_export_plan_pdf (KhStore             *store,
                          gint64               plan_id,
                          KhDocumentMode       mode,
                          const KhPdfOptions  *options,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(KhDocument) doc = kh_store_compose_plan_document (store, plan_id, mode, error);

  return doc != NULL && kh_pdf_write_document (doc, options, path, error);
}

/* Lower-case ASCII words joined by "-": "tuyen-truyen". For file names
 * of plans and reports. */
void
kh_file_name_append_slug (GString    *out,
                          const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  gboolean dash = FALSE;

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c == 0x0111)   /* đ has no decomposition */
        c = 'd';
      if (c < 0x80 && g_ascii_isalnum (c))
        {
          if (dash && out->len > 0 && out->str[out->len - 1] != '-')
            g_string_append_c (out, '-');
          g_string_append_c (out, (char)c);
          dash = FALSE;
        }
      else if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        dash = TRUE;
    }
}

/* "KH-18-2024-tuyen-truyen-CCHC.pdf"; a plan not issued yet is named
 * by its mode: "KH-du-thao-2025-…", "KH-trinh-ky-2025-…". */
char *
kh_plan_default_file_name (const KhPlan   *plan,
                           KhDocumentMode  mode)
{
  g_autofree char *year = g_strdup_printf ("năm %d", plan->year);
  g_autofree char *first_line = g_strndup (plan->title, strcspn (plan->title, "\n"));
  g_autoptr(GString) name = g_string_new ("KH-");
  g_autoptr(GString) title = g_string_new (first_line);

  if (mode == KH_DOCUMENT_MODE_ISSUED && plan->number > 0)
    g_string_append_printf (name, "%02d-", plan->number);
  else if (mode == KH_DOCUMENT_MODE_SIGNING)
    g_string_append (name, "trinh-ky-");
  else if (mode == KH_DOCUMENT_MODE_DRAFT)
    g_string_append (name, "du-thao-");
  g_string_append_printf (name, "%d-", plan->year);

  /* The year is already in the name; the long phrase has a short form. */
  g_string_replace (title, year, "", 0);
  g_string_replace (title, "cải cách hành chính", "CCHC", 0);
  g_string_replace (title, "Cải cách hành chính", "CCHC", 0);
  kh_file_name_append_slug (name, title->str);

  /* Keep "CCHC" in capitals, as clerks write it. */
  g_string_replace (name, "cchc", "CCHC", 0);
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}
