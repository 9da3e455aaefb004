/* kh-recovery-page.c — why the database cannot be opened, and the way back
 *
 * Shown instead of the views when the database does not open. A damaged
 * file, or one that is not a database, gets the newest backup beside it
 * that opens and passes quick_check, with a button that moves the file
 * aside (never deleting it) and puts the backup in its place. A file from
 * a newer version only asks for an update: no backup is offered, the
 * file stays as it is. Anything else says what went wrong. Every case
 * offers to open another file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-recovery-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kh-backup.h"

#include "kh-backups-page.h"
#include "kh-gtk-util.h"
#include "kh-recovery-page.h"
#include "kh-window.h"

struct _KhRecoveryPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
  GtkWidget      *backup_group;
  AdwActionRow   *backup_row;
  GtkButton      *restore_button;
  GtkButton      *choose_button;

  /* Borrowed */
  KhApplication  *application;

  /* Owned */
  KhBackupInfo   *backup;        /* the one offered, or NULL */
};

G_DEFINE_FINAL_TYPE (KhRecoveryPage, kh_recovery_page, GTK_TYPE_WIDGET)

static void
set_description (KhRecoveryPage *self,
                 const char     *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_status_page_set_description (self->status_page, markup);
}

static gboolean
is_empty_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

static void
show_backup (KhRecoveryPage *self)
{
  g_autofree char *when = kh_backup_format_time (self->backup->created);
  g_autofree char *contents = kh_backup_format_contents (self->backup);
  g_autofree char *size = g_format_size (self->backup->size);
  g_autofree char *subtitle = NULL;

  /* Translators: what a backup holds and its size: "2 plans, 120 results · 1.2 MB" */
  subtitle = g_strdup_printf (_("%s · %s"), contents, size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backup_row), when);
  adw_action_row_set_subtitle (self->backup_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->backup_row), self->backup->path);
}

static void
on_restore_clicked_cb (KhRecoveryPage *self,
                       GtkButton      *button)
{
  g_autoptr(KhRecoveryPage) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autofree char *backup_path = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->backup == NULL || self->application == NULL)
    return;

  when = kh_backup_format_time (self->backup->created);
  backup_path = g_strdup (self->backup->path);

  /* On success the window shows the views (and updates this page). */
  if (!kh_application_recover (self->application, backup_path, &damaged, &error))
    {
      if (KH_IS_WINDOW (root))
        {
          AdwToast *toast = kh_toast_new (error->message);
          adw_toast_set_timeout (toast, 0);
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          kh_window_add_toast (KH_WINDOW (root), toast);
        }
      return;
    }

  if (damaged != NULL)
    {
      g_autofree char *name = g_path_get_basename (damaged);
      /* Translators: when the backup was made, then the file name the damaged database was given */
      message = g_strdup_printf (_("Restored the backup of %s. The damaged file was kept as “%s”."), when, name);
    }
  else
    message = g_strdup_printf (_("Restored the backup of %s"), when);

  if (KH_IS_WINDOW (root))
    {
      AdwToast *toast = kh_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      kh_window_add_toast (KH_WINDOW (root), toast);
    }
}

static void
kh_recovery_page_dispose (GObject *object)
{
  KhRecoveryPage *self = KH_RECOVERY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_RECOVERY_PAGE);
  g_clear_pointer (&self->backup, kh_backup_info_free);

  G_OBJECT_CLASS (kh_recovery_page_parent_class)->dispose (object);
}

static void
kh_recovery_page_class_init (KhRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_recovery_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhRecoveryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, KhRecoveryPage, backup_group);
  gtk_widget_class_bind_template_child (widget_class, KhRecoveryPage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, KhRecoveryPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, KhRecoveryPage, choose_button);
}

static void
kh_recovery_page_init (KhRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->restore_button, "clicked",
                           G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);
}

/**
 * kh_recovery_page_update:
 *
 * Shows why the application's database could not be opened and, when it
 * is damaged or not a database, looks for a backup to offer.
 */
void
kh_recovery_page_update (KhRecoveryPage *self,
                         KhApplication  *application)
{
  const GError *error;
  const char *path;
  g_autofree char *text = NULL;
  g_autoptr(GError) find_error = NULL;
  gboolean damaged, not_database;

  g_return_if_fail (KH_IS_RECOVERY_PAGE (self));
  g_return_if_fail (KH_IS_APPLICATION (application));

  self->application = application;
  g_clear_pointer (&self->backup, kh_backup_info_free);

  error = kh_application_get_store_error (application);
  path = kh_application_get_database_path (application);
  if (error == NULL || path == NULL)
    return;

  damaged = g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT);
  not_database = g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_DATABASE);

  /* Only a file Kế Hoạch cannot read at all is worth replacing. */
  if (damaged || not_database)
    {
      self->backup = kh_backup_find_good (path, &find_error);
      if (find_error != NULL)
        g_debug ("Cannot look for backups of %s: %s", path, find_error->message);
    }

  gtk_widget_set_visible (self->backup_group, self->backup != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), self->backup != NULL);
  /* With nothing to restore, opening another file is the way on. */
  if (self->backup != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->choose_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->choose_button), "suggested-action");

  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW))
    {
      adw_status_page_set_icon_name (self->status_page, "software-update-available-symbolic");
      adw_status_page_set_title (self->status_page, _("Kế Hoạch Needs an Update"));
      text = g_strdup_printf (_("The database “%s” was written by a newer version of Kế Hoạch. "
                                "Update Kế Hoạch on this computer to open it. The file was left unchanged."),
                              path);
      set_description (self, text);
      return;
    }

  if (!damaged && !not_database)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("The Database Cannot Be Opened"));
      set_description (self, error->message);
      return;
    }

  adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
  if (damaged && is_empty_file (path))
    {
      adw_status_page_set_title (self->status_page, _("The Database Is Empty"));
      text = g_strdup_printf (_("The database “%s” is empty, though backups of it were made: its content was lost, "
                                "perhaps when the disk was full or a copy did not finish. The file was left as it is."),
                              path);
    }
  else if (damaged)
    {
      adw_status_page_set_title (self->status_page, _("The Database Is Damaged"));
      text = g_strdup_printf (_("Part of the database “%s” cannot be read, perhaps after a power cut or a disk fault. "
                                "The file was left as it is."),
                              path);
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("This Is Not a Kế Hoạch Database"));
      text = g_strdup_printf (_("The file “%s” is not a Kế Hoạch database, or its beginning is damaged. "
                                "The file was left as it is."),
                              path);
    }

  if (self->backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *more = g_strdup_printf (_("Restoring the newest good backup puts it in place of this file, "
                                                 "which is kept beside it as “%s.damaged-…”. "
                                                 "What was entered after the backup was made is not in it."),
                                               name);
      g_autofree char *all = g_strconcat (text, "\n\n", more, NULL);

      show_backup (self);
      set_description (self, all);
    }
  else
    {
      g_autofree char *none = g_strconcat (text, "\n\n",
                                           _("No good backup was found beside it. Open another database, "
                                             "or keep this file and ask for help to recover it."),
                                           NULL);
      set_description (self, none);
    }
}

/* The backup offered, or NULL. */
const char *
kh_recovery_page_get_backup_path (KhRecoveryPage *self)
{
  g_return_val_if_fail (KH_IS_RECOVERY_PAGE (self), NULL);

  return self->backup ? self->backup->path : NULL;
}
