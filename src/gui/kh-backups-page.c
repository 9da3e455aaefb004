/* kh-backups-page.c — Preferences: the backups, made and restored
 *
 * Lists every copy in backups/ beside the database, newest first: when
 * it was made, why (daily, weekly, by hand, before an update or a
 * restore), its size and how many plans and results it holds. “Back Up
 * Now” copies the database in a worker thread through a connection of
 * its own. Restoring asks first, backs up what is there now, and offers
 * to undo. A read-only database can be neither backed up nor restored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-backups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-backups-page.h"
#include "kh-gtk-util.h"
#include "kh-preferences-rows.h"

#define DAILY_DAYS 7   /* as kh-backup.c keeps them */

struct _KhBackupsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkSpinner          *spinner;
  GtkButton           *back_up_button;
  GtkListBox          *list;

  /* Borrowed */
  KhApplication       *application;

  /* Owned */
  KhStore             *store;
  GCancellable        *cancellable;
  KhPageErrors         errors;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (KhBackupsPage, kh_backups_page, ADW_TYPE_PREFERENCES_PAGE)

/* What the undo button of a restore's toast needs, once the page that
 * made it is gone (a restore builds the Preferences pages again). */
typedef struct
{
  KhApplication *application;
  GtkWidget     *window;        /* weak */
  char          *undo_path;
} Undo;

static void reload (KhBackupsPage *self);

/* Describing a backup */

char *
kh_backup_format_time (GDateTime *created)
{
  /* Translators: when a backup was made, as g_date_time_format() writes it;
   * e.g. "08:15 ngày 19/02/2024" */
  return g_date_time_format (created, _("%d/%m/%Y, %H:%M"));
}

char *
kh_backup_format_contents (const KhBackupInfo *info)
{
  g_autofree char *plans = NULL;
  g_autofree char *results = NULL;

  if (info->n_plans < 0)
    return g_strdup (_("Cannot be read"));

  plans = g_strdup_printf (ngettext ("%d plan", "%d plans", info->n_plans), info->n_plans);
  results = g_strdup_printf (ngettext ("%d result", "%d results", info->n_results), info->n_results);
  /* Translators: what a backup holds: "2 plans, 120 results" */
  return g_strdup_printf (_("%s, %s"), plans, results);
}

static const char *
kind_label (KhBackupKind kind,
            gboolean     weekly)
{
  switch (kind)
    {
    case KH_BACKUP_DAILY:
      return weekly ? _("Weekly") : _("Daily");
    case KH_BACKUP_MANUAL:
      return _("Made by hand");
    case KH_BACKUP_BEFORE_MIGRATION:
      return _("Before an update");
    case KH_BACKUP_BEFORE_RESTORE:
      return _("Before a restore");
    default:
      return "";
    }
}

static gboolean
is_read_only (KhBackupsPage *self)
{
  return kh_store_is_read_only (self->store);
}

static void
update_sensitivity (KhBackupsPage *self)
{
  gboolean writable = !is_read_only (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), writable && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

/* Restoring */

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->application);
  g_clear_weak_pointer (&undo->window);
  g_free (undo->undo_path);
  g_free (undo);
}

static void
add_window_toast (GtkWidget *window,
                  AdwToast  *toast)
{
  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (kh_application_restore_backup (undo->application, undo->undo_path, NULL, &error))
    done = adw_toast_new (_("The restore was undone"));
  else
    {
      done = kh_toast_new (error->message);
      adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (done, 0);
    }
  add_window_toast (undo->window, done);
}

static void
restore (KhBackupsPage *self,
         const char    *path,
         const char    *when)
{
  g_autoptr(KhBackupsPage) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_path = NULL;
  g_autofree char *title = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;
  Undo *undo;

  /* The window builds its pages again: this one goes away. */
  if (!kh_application_restore_backup (self->application, path, &undo_path, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  /* Translators: %s is when the backup was made */
  title = g_strdup_printf (_("Restored the backup of %s"), when);
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);

  undo = g_new0 (Undo, 1);
  undo->application = g_object_ref (self->application);
  g_set_weak_pointer (&undo->window, GTK_WIDGET (root));
  undo->undo_path = g_steal_pointer (&undo_path);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         undo, (GClosureNotify)(void (*) (void))undo_free, 0);

  add_window_toast (GTK_WIDGET (root), toast);
}

static void
on_restore_response_cb (KhBackupsPage    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "restore"))
    restore (self,
             g_object_get_data (G_OBJECT (dialog), "kh-backup-path"),
             g_object_get_data (G_OBJECT (dialog), "kh-backup-when"));
}

static void
on_restore_clicked_cb (KhBackupsPage *self,
                       GtkButton     *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  const char *path = g_object_get_data (G_OBJECT (row), "kh-backup-path");
  const char *when = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *contents = g_object_get_data (G_OBJECT (row), "kh-backup-contents");
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is when the backup was made */
  heading = g_strdup_printf (_("Restore the Backup of %s?"), when);
  body = g_strdup_printf (_("The plans, tasks, results, reports and settings will be replaced by those of the backup (%s). "
                            "What the database holds now is backed up first, so the restore can be undone."),
                          contents);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kh-backup-path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "kh-backup-when", g_strdup (when), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backing up now */

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kh_backup_file_copy (task_data, KH_BACKUP_MANUAL, now, &error);

  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  kh_backup_rotate (task_data, now, NULL);
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
on_back_up_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KhBackupsPage *self = KH_BACKUPS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  update_sensitivity (self);

  if (path == NULL)
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  reload (self);
  kh_page_add_toast (GTK_WIDGET (self), adw_toast_new (_("The database was backed up")));
}

static void
on_back_up_clicked_cb (KhBackupsPage *self,
                       GtkButton     *button)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy || is_read_only (self))
    return;

  self->busy = TRUE;
  update_sensitivity (self);
  kh_page_errors_clear (&self->errors, NULL);

  task = g_task_new (self, self->cancellable, on_back_up_done_cb, NULL);
  g_task_set_source_tag (task, on_back_up_clicked_cb);
  g_task_set_task_data (task, g_strdup (kh_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, back_up_thread);
}

/* The list */

static GtkWidget *
backup_row_new (KhBackupsPage      *self,
                const KhBackupInfo *info,
                gboolean            weekly)
{
  g_autofree char *when = kh_backup_format_time (info->created);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *contents = kh_backup_format_contents (info);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

  /* Translators: a backup's kind, size and contents: "Daily · 1.2 MB · 2 plans, 120 results" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), kind_label (info->kind, weekly), size, contents);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "kh-backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (row), "kh-backup-contents", g_steal_pointer (&contents), g_free);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is when the backup was made */
  accessible = g_strdup_printf (_("Restore the backup of %s"), when);
  kh_widget_set_accessible_label (button, accessible);
  if (is_read_only (self))
    {
      gtk_widget_set_sensitive (button, FALSE);
      kh_widget_set_tooltip_quietly (button, _("The database is read-only"));
    }
  else if (info->n_plans < 0)
    {
      gtk_widget_set_sensitive (button, FALSE);
      kh_widget_set_tooltip_quietly (button, _("This backup cannot be read"));
    }
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_description (KhBackupsPage *self)
{
  g_autofree char *dir = kh_backup_dir_for (kh_store_get_path (self->store));
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  if (is_read_only (self))
    description = g_strdup_printf (_("The database is open read-only, so backups can be neither made nor restored. "
                                     "Ask for the right to write in the folder of “%s”, or copy the database somewhere else."),
                                   kh_store_get_path (self->store));
  else
    description = g_strdup_printf (_("Copies of the database in “%s”: one for each of the last 7 days, one for each of the 8 weeks before, "
                                     "and those made by hand, before an update or before a restore."),
                                   dir);
  /* Markup, and a folder's name may hold a "&". */
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->group, escaped);
}

static void
reload (KhBackupsPage *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  kh_list_box_remove_all (self->list);
  update_description (self);
  update_sensitivity (self);

  backups = kh_backup_list (kh_store_get_path (self->store), &error);
  if (backups == NULL)
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const KhBackupInfo *info = backups->pdata[i];
      gboolean weekly = FALSE;

      /* Past the newest 7 days, the daily copies kept are the weekly ones. */
      if (info->kind == KH_BACKUP_DAILY)
        {
          g_autofree char *day = g_date_time_format (info->created, "%F");

          if (!g_hash_table_contains (days, day) && g_hash_table_size (days) >= DAILY_DAYS)
            weekly = TRUE;
          else
            g_hash_table_add (days, g_steal_pointer (&day));
        }
      gtk_list_box_append (self->list, backup_row_new (self, info, weekly));
    }
}

/* GObject */

static void
kh_backups_page_map (GtkWidget *widget)
{
  KhBackupsPage *self = KH_BACKUPS_PAGE (widget);

  GTK_WIDGET_CLASS (kh_backups_page_parent_class)->map (widget);

  kh_page_errors_show_pending (&self->errors);
}

static void
kh_backups_page_dispose (GObject *object)
{
  KhBackupsPage *self = KH_BACKUPS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  kh_page_errors_dispose (&self->errors);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_BACKUPS_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kh_backups_page_parent_class)->dispose (object);
}

static void
kh_backups_page_class_init (KhBackupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_backups_page_dispose;

  widget_class->map = kh_backups_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-backups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhBackupsPage, group);
  gtk_widget_class_bind_template_child (widget_class, KhBackupsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KhBackupsPage, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, KhBackupsPage, list);
}

static void
kh_backups_page_init (KhBackupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_page_errors_init (&self->errors, GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->back_up_button, "clicked",
                           G_CALLBACK (on_back_up_clicked_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kh_backups_page_new (KhApplication *application)
{
  KhBackupsPage *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  self = g_object_new (KH_TYPE_BACKUPS_PAGE, NULL);
  self->application = application;
  self->store = g_object_ref (kh_application_get_store (application));

  reload (self);
  return GTK_WIDGET (self);
}

/* Whether a backup is being made. */
gboolean
kh_backups_page_is_busy (KhBackupsPage *self)
{
  g_return_val_if_fail (KH_IS_BACKUPS_PAGE (self), FALSE);

  return self->busy;
}
