/* kh-agency.c — the agency, the people who sign and the usual recipients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-agency"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-agency.h"
#include "kh-store-private.h"
#include "kh-text.h"

G_DEFINE_BOXED_TYPE (KhAgency, kh_agency, kh_agency_copy, kh_agency_free)
G_DEFINE_BOXED_TYPE (KhSigner, kh_signer, kh_signer_copy, kh_signer_free)

KhAgency *
kh_agency_new (void)
{
  KhAgency *agency = g_new0 (KhAgency, 1);

  agency->parent_name = g_strdup ("");
  agency->name = g_strdup ("");
  agency->short_name = g_strdup ("");
  agency->locality = g_strdup ("");
  agency->collective_name = g_strdup ("");
  agency->abbreviation = g_strdup ("");
  agency->place = g_strdup ("");
  return agency;
}

KhAgency *
kh_agency_copy (const KhAgency *agency)
{
  KhAgency *copy = g_new0 (KhAgency, 1);

  copy->parent_name = g_strdup (agency->parent_name);
  copy->name = g_strdup (agency->name);
  copy->short_name = g_strdup (agency->short_name);
  copy->locality = g_strdup (agency->locality);
  copy->collective_name = g_strdup (agency->collective_name);
  copy->abbreviation = g_strdup (agency->abbreviation);
  copy->place = g_strdup (agency->place);
  copy->period_cutoff_day = agency->period_cutoff_day;
  return copy;
}

void
kh_agency_free (KhAgency *agency)
{
  if (agency == NULL)
    return;

  g_free (agency->parent_name);
  g_free (agency->name);
  g_free (agency->short_name);
  g_free (agency->locality);
  g_free (agency->collective_name);
  g_free (agency->abbreviation);
  g_free (agency->place);
  g_free (agency);
}

/* The documents need at least these to carry a proper header. */
gboolean
kh_agency_is_set_up (const KhAgency *agency)
{
  return agency != NULL &&
         !kh_text_is_blank (agency->name) &&
         !kh_text_is_blank (agency->abbreviation) &&
         !kh_text_is_blank (agency->place);
}

KhSigner *
kh_signer_copy (const KhSigner *signer)
{
  KhSigner *copy = g_new0 (KhSigner, 1);

  *copy = *signer;
  copy->name = g_strdup (signer->name);
  copy->title = g_strdup (signer->title);
  return copy;
}

void
kh_signer_free (KhSigner *signer)
{
  if (signer == NULL)
    return;

  g_free (signer->name);
  g_free (signer->title);
  g_free (signer);
}

KhAgency *
kh_store_load_agency (KhStore  *store,
                      GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  KhAgency *agency;

  stmt = kh_store_prepare (store,
                           "SELECT parent_name, name, short_name, locality, collective_name,"
                           " abbreviation, place, period_cutoff_day FROM agency WHERE id = 1",
                           error);
  if (stmt == NULL)
    return NULL;

  agency = kh_agency_new ();
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (agency->parent_name);
      g_free (agency->name);
      g_free (agency->short_name);
      g_free (agency->locality);
      g_free (agency->collective_name);
      g_free (agency->abbreviation);
      g_free (agency->place);
      agency->parent_name = g_strdup (kh_stmt_column_text (stmt, 0));
      agency->name = g_strdup (kh_stmt_column_text (stmt, 1));
      agency->short_name = g_strdup (kh_stmt_column_text (stmt, 2));
      agency->locality = g_strdup (kh_stmt_column_text (stmt, 3));
      agency->collective_name = g_strdup (kh_stmt_column_text (stmt, 4));
      agency->abbreviation = g_strdup (kh_stmt_column_text (stmt, 5));
      agency->place = g_strdup (kh_stmt_column_text (stmt, 6));
      agency->period_cutoff_day = sqlite3_column_int (stmt, 7);
    }

  return agency;
}

static char *
strip_or_empty (const char *text)
{
  return kh_text_strip (text ? text : "");
}

gboolean
kh_store_save_agency (KhStore         *store,
                      const KhAgency  *agency,
                      GError         **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *name = strip_or_empty (agency->name);

  g_return_val_if_fail (agency != NULL, FALSE);

  if (!kh_store_check_writable (store, error))
    return FALSE;

  if (*name == '\0')
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The agency needs a name."));
      return FALSE;
    }
  if (agency->period_cutoff_day < 0 || agency->period_cutoff_day > 28)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Report periods can close on a day from 1 to 28 of the month, or at the month’s end."));
      return FALSE;
    }

  stmt = kh_store_prepare (store,
                           "UPDATE agency SET parent_name = ?1, name = ?2, short_name = ?3,"
                           " locality = ?4, collective_name = ?5, abbreviation = ?6,"
                           " place = ?7, period_cutoff_day = ?8 WHERE id = 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  {
    g_autofree char *parent_name = strip_or_empty (agency->parent_name);
    g_autofree char *short_name = strip_or_empty (agency->short_name);
    g_autofree char *locality = strip_or_empty (agency->locality);
    g_autofree char *collective_name = strip_or_empty (agency->collective_name);
    g_autofree char *abbreviation = strip_or_empty (agency->abbreviation);
    g_autofree char *place = strip_or_empty (agency->place);

    kh_stmt_bind_text (stmt, 1, parent_name);
    kh_stmt_bind_text (stmt, 2, name);
    kh_stmt_bind_text (stmt, 3, short_name);
    kh_stmt_bind_text (stmt, 4, locality);
    kh_stmt_bind_text (stmt, 5, collective_name);
    kh_stmt_bind_text (stmt, 6, abbreviation);
    kh_stmt_bind_text (stmt, 7, place);
    sqlite3_bind_int (stmt, 8, agency->period_cutoff_day);
  }

  return kh_store_step_done (store, stmt, error);
}

static KhSigner *
signer_from_row (KhStmt *stmt)
{
  KhSigner *signer = g_new0 (KhSigner, 1);

  signer->id = sqlite3_column_int64 (stmt, 0);
  signer->name = g_strdup (kh_stmt_column_text (stmt, 1));
  signer->title = g_strdup (kh_stmt_column_text (stmt, 2));
  signer->position = sqlite3_column_int (stmt, 3);
  signer->archived = sqlite3_column_int (stmt, 4) != 0;
  return signer;
}

GPtrArray *
kh_store_list_signers (KhStore   *store,
                       gboolean   include_archived,
                       GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_signer_free);
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, title, position, archived FROM signer"
                           " WHERE archived = 0 OR ?1 ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_archived);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (signers, signer_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&signers);
}

KhSigner *
kh_store_get_signer (KhStore  *store,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  stmt = kh_store_prepare (store,
                           "SELECT id, name, title, position, archived FROM signer WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The signer no longer exists."));
      return NULL;
    }

  return signer_from_row (stmt);
}

static gboolean
check_signer_fields (const char  *name,
                     const char  *title,
                     GError     **error)
{
  if (kh_text_is_blank (name))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The signer needs a name."));
      return FALSE;
    }
  if (kh_text_is_blank (title))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The signer needs a title, for example “Chủ tịch”."));
      return FALSE;
    }
  return TRUE;
}

gint64
kh_store_add_signer (KhStore     *store,
                     const char  *name,
                     const char  *title,
                     GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_title = NULL;

  if (!kh_store_check_writable (store, error) ||
      !check_signer_fields (name, title, error))
    return 0;

  stmt = kh_store_prepare (store,
                           "INSERT INTO signer (name, title, position)"
                           " VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM signer))",
                           error);
  if (stmt == NULL)
    return 0;

  clean_name = kh_text_strip (name);
  clean_title = kh_text_strip (title);
  kh_stmt_bind_text (stmt, 1, clean_name);
  kh_stmt_bind_text (stmt, 2, clean_title);
  if (!kh_store_step_done (store, stmt, error))
    return 0;

  return kh_store_last_insert_id (store);
}

gboolean
kh_store_update_signer (KhStore     *store,
                        gint64       id,
                        const char  *name,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_title = NULL;

  if (!kh_store_check_writable (store, error) ||
      !check_signer_fields (name, title, error))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE signer SET name = ?2, title = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  clean_name = kh_text_strip (name);
  clean_title = kh_text_strip (title);
  sqlite3_bind_int64 (stmt, 1, id);
  kh_stmt_bind_text (stmt, 2, clean_name);
  kh_stmt_bind_text (stmt, 3, clean_title);
  return kh_store_step_done (store, stmt, error);
}

gboolean
kh_store_set_signer_archived (KhStore   *store,
                              gint64     id,
                              gboolean   archived,
                              GError   **error)
{
  g_autoptr(KhStmt) stmt = NULL;

  if (!kh_store_check_writable (store, error))
    return FALSE;

  stmt = kh_store_prepare (store, "UPDATE signer SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  return kh_store_step_done (store, stmt, error);
}

char **
kh_store_list_default_recipients (KhStore  *store,
                                  GError  **error)
{
  g_autoptr(KhStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = kh_store_prepare (store,
                           "SELECT text FROM default_recipient ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, kh_stmt_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      kh_store_set_error (store, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* The list is replaced whole, in one transaction: it is short, and the
 * clerk edits it as one thing. Blank lines are dropped. */
gboolean
kh_store_set_default_recipients (KhStore             *store,
                                 const char * const  *recipients,
                                 GError             **error)
{
  g_autoptr(KhStmt) clear = NULL;
  g_autoptr(KhStmt) insert = NULL;
  int position = 0;

  if (!kh_store_begin (store, error))
    return FALSE;

  clear = kh_store_prepare (store, "DELETE FROM default_recipient", error);
  insert = clear ? kh_store_prepare (store,
                                     "INSERT INTO default_recipient (text, position) VALUES (?1, ?2)",
                                     error) : NULL;
  if (insert == NULL || !kh_store_step_done (store, clear, error))
    goto failed;

  for (guint i = 0; recipients != NULL && recipients[i] != NULL; i++)
    {
      g_autofree char *text = kh_text_strip (recipients[i]);

      if (*text == '\0')
        continue;

      sqlite3_reset (insert);
      kh_stmt_bind_text (insert, 1, text);
      sqlite3_bind_int (insert, 2, position++);
      if (!kh_store_step_done (store, insert, error))
        goto failed;
    }

  return kh_store_commit (store, error);

failed:
  kh_store_rollback (store);
  return FALSE;
}
