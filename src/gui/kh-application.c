/* kh-application.c — the application: the database, settings and app actions
 *
 * The application opens the database (the --db option, else the
 * database-path setting, else the default path) and owns the store; its
 * windows show the store, or why it could not be opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kh-backup.h"
#include "kh-template.h"

#include "kh-application.h"
#include "kh-gui-resources.h"
#include "kh-software-rendering.h"
#include "kh-plan-page.h"
#include "kh-preferences-window.h"
#include "kh-report-editor.h"
#include "kh-window.h"

struct _KhApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  KhStore        *store;
  GError         *store_error;
  char           *database_path;
  GCancellable   *verify_cancellable;   /* the running check of the store */
  guint           verify_idle_id;

  /* Changes by other programs */
  guint           watch_id;
  KhStore        *watched_store;   /* borrowed: compared, never used */
  gint64          data_version;
};

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_STORE,
  N_PROPS
};

enum {
  STORE_CHANGED,
  STORE_REPLACED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (KhApplication, kh_application, ADW_TYPE_APPLICATION)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the usual one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_str (char       **str_pointer,
         const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

static KhWindow *
find_main_window (KhApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (KH_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
kh_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  KhApplication *self = user_data;
  GList *windows;

  /* Destroying the windows, rather than only stopping the main loop, lets
   * every one of them save what is still pending. Destroying one can
   * destroy others (its dialogs), so the list is read again each time. */
  for (guint n = 0; n < 1000 && (windows = gtk_application_get_windows (GTK_APPLICATION (self))); n++)
    gtk_window_destroy (windows->data);
}

static void
kh_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  KhApplication *self = user_data;
  static const char *developers[] = { "The Kế Hoạch developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", "Kế Hoạch",
                        "developer-name", _("The Kế Hoạch developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan, track and report on the publicising of administrative reform"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line, as you wish to be credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
kh_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  KhApplication *self = user_data;
  KhWindow *window = find_main_window (self);

  if (window != NULL)
    kh_window_show_preferences (window);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = kh_application_quit_action },
  { .name = "about", .activate = kh_application_about_action },
  { .name = "preferences", .activate = kh_application_preferences_action },
};

static void
update_actions (KhApplication *self)
{
  GAction *preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->store != NULL);
}

static int
kh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KhApplication *self = KH_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("kehoach %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db[0] != '\0')
    {
      g_autofree char *absolute = g_canonicalize_filename (db, NULL);

      g_object_set (self, "database-path", absolute, NULL);
    }

  return G_APPLICATION_CLASS (kh_application_parent_class)->handle_local_options (app, options);
}

/* kehoach-cli (an import, a restore) or a second copy of the app on a
 * shared folder may change the database while the window is open. A
 * look at SQLite's data_version every two seconds tells, cheaply, and the
 * views then reload as after a change of the window's own. */
#define WATCH_INTERVAL_S 2

static gboolean
on_watch_timeout_cb (gpointer user_data)
{
  KhApplication *self = user_data;
  gint64 version;

  if (self->store == NULL)
    return G_SOURCE_CONTINUE;

  version = kh_store_get_data_version (self->store);
  if (self->store == self->watched_store && version >= 0 && version != self->data_version)
    {
      g_debug ("The database was changed by another program: reloading");
      kh_application_store_changed (self);
    }
  self->watched_store = self->store;
  self->data_version = version;
  return G_SOURCE_CONTINUE;
}

static void
kh_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  KhApplication *self = KH_APPLICATION (app);
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (kh_application_parent_class)->startup (app);

  /* OpenGL on the CPU (no GPU driver): GTK's cairo renderer opens the
   * window four times sooner with half the memory (kh-software-rendering.c).
   * Before any window: GTK reads GSK_RENDERER once. */
  if (g_getenv ("GSK_RENDERER") == NULL &&
      kh_display_renders_gl_in_software (gdk_display_get_default ()))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  if (self->database_path != NULL)
    path = g_strdup (self->database_path);
  else if (self->settings != NULL)
    path = g_settings_get_string (self->settings, "database-path");

  kh_application_open_database (self, path);

  self->watch_id = g_timeout_add_seconds (WATCH_INTERVAL_S, on_watch_timeout_cb, self);
}

static void
kh_application_activate (GApplication *app)
{
  KhApplication *self = KH_APPLICATION (app);
  GtkWindow *window = GTK_WINDOW (find_main_window (self));

  if (window == NULL)
    window = GTK_WINDOW (kh_window_new (self));

  gtk_window_present (window);
}

static void
kh_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (kh_application_parent_class)->constructed (object);

  /* The resources live under one path whatever the application id. */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/kehoach/KeHoach");
}

static void
kh_application_dispose (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->verify_idle_id, g_source_remove);
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (kh_application_parent_class)->dispose (object);
}

static void
kh_application_finalize (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (kh_application_parent_class)->finalize (object);
}

static void
kh_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KhApplication *self = KH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, kh_application_get_database_path (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KhApplication *self = KH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      if (set_str (&self->database_path, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_application_class_init (KhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = kh_application_constructed;
  object_class->dispose = kh_application_dispose;
  object_class->finalize = kh_application_finalize;
  object_class->get_property = kh_application_get_property;
  object_class->set_property = kh_application_set_property;

  app_class->handle_local_options = kh_application_handle_local_options;
  app_class->startup = kh_application_startup;
  app_class->activate = kh_application_activate;

  /* The database asked for: NULL for the usual one. Once a store is open,
   * reading it gives the file actually open. */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         KH_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KhApplication::store-changed:
   *
   * Something in the store changed; windows show it again.
   */
  signals[STORE_CHANGED] =
    g_signal_new ("store-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KhApplication::store-replaced:
   *
   * The whole content of the store was replaced (a backup restored):
   * what shows it must be made again rather than saved. Emitted before
   * #KhApplication::store-changed.
   */
  signals[STORE_REPLACED] =
    g_signal_new ("store-replaced",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Core and this library are static: naming the resource keeps it linked. */
  (void)kh_gui_get_resource ();
}

static void
kh_application_init (KhApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_warning ("The settings schema %s is not installed: the window size and "
               "the database chosen will not be remembered.", APPLICATION_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan, track and report on the publicising of administrative reform."));
}

KhApplication *
kh_application_new (void)
{
  return g_object_new (KH_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/* NULL when the schema is not installed. */
GSettings *
kh_application_get_settings (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* NULL when the database could not be opened: see the error. */
KhStore *
kh_application_get_store (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
kh_application_get_store_error (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  return self->store_error;
}

const char *
kh_application_get_database_path (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  if (self->store != NULL)
    return kh_store_get_path (self->store);

  return self->database_path;
}

/* Whether today's copy is there already (kh_backup_daily() makes sure). */
static gboolean
daily_done (const char *path,
            GDateTime  *now)
{
  g_autofree char *dir_path = kh_backup_dir_for (path);
  g_autofree char *today = g_date_time_format (now, "-%Y-%m-%dT");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    if (strstr (name, today) != NULL && g_str_has_suffix (name, "-daily.db"))
      return TRUE;
  return FALSE;
}

static void
backup_daily_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  KhStore *store = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* A damaged file makes no backup: the check comes first, so on the
   * first start of a day it runs here, not after the first frame. */
  if (daily_done (kh_store_get_path (store), now) || !kh_store_verify (store, NULL))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  path = kh_backup_daily (kh_store_get_path (store), now, &error);
  if (error != NULL)
    g_warning ("The daily backup failed: %s", error->message);
  else if (path != NULL)
    g_debug ("Daily backup written to %s", path);
  g_task_return_boolean (task, error == NULL);
}

/* The first start of each day keeps a copy of the database; it reads
 * through its own connection in a worker thread, so a large database
 * does not delay the window. */
static void
start_daily_backup (KhApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || kh_store_is_read_only (self->store))
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, backup_daily_thread);
}

/* An empty file is a new database to kh_store_open(). Beside good
 * backups it is one that lost its content (a full disk, a copy cut
 * short): opening it would show a silent, empty database. */
static gboolean
is_emptied (const char *path)
{
  g_autoptr(KhBackupInfo) backup = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return FALSE;

  backup = kh_backup_find_good (path, NULL);
  return backup != NULL;
}

/* Every database offers the templates that ship with this version. */
static void
install_templates (KhApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (kh_store_is_read_only (self->store) ||
      kh_store_install_builtin_templates (self->store, &error))
    return;

  /* A damaged file: the check's verdict turns the window to recovery. */
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT))
    g_debug ("The built-in templates were not installed: %s", error->message);
  else
    g_warning ("The built-in templates could not be installed: %s", error->message);
}

static gboolean
has_builtin_templates (KhStore *store)
{
  g_autoptr(GPtrArray) templates = kh_store_list_templates (store, NULL);

  for (guint i = 0; templates != NULL && i < templates->len; i++)
    if (((KhTemplate *)templates->pdata[i])->builtin)
      return TRUE;
  return FALSE;
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (kh_store_verify (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_verified_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  KhApplication *self = user_data;
  KhStore *store = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Cancelled: the application is gone. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Another database was opened meanwhile. */
  if (store != self->store)
    return;

  /* Writing them had to wait for the verdict. */
  if (error == NULL)
    {
      install_templates (self);
      return;
    }

  /* The window shows the recovery page instead of the views. */
  g_debug ("%s failed its check: %s", kh_store_get_path (store), error->message);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  self->store_error = g_steal_pointer (&error);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* quick_check reads the whole file (30–100 ms on ten years of data): the
 * window shows the database at once and the check runs meanwhile, through
 * its own connection. A write before its verdict waits for it
 * (kh_store_check_writable()), so nothing goes into a damaged file. */
static void
start_verify (KhApplication *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  self->verify_cancellable = g_cancellable_new ();

  /* Not the application as source: a quit before the verdict must not
   * keep it alive. */
  task = g_task_new (NULL, self->verify_cancellable, on_verified_cb, self);
  g_task_set_source_tag (task, start_verify);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, verify_thread);
}

static gboolean
on_verify_idle_cb (gpointer user_data)
{
  KhApplication *self = user_data;

  self->verify_idle_id = 0;
  start_verify (self);
  return G_SOURCE_REMOVE;
}

/**
 * kh_application_open_database:
 * @path: (nullable): the file, or %NULL for the usual one
 *
 * Opens the database and shows it in every window, or, when it cannot be
 * opened, shows why. A file that is not a database is never replaced.
 * The file's integrity check finishes after this returns: a damaged file
 * then replaces the store with its error (#KhApplication:store is
 * notified).
 *
 * Returns: whether the database is open
 */
gboolean
kh_application_open_database (KhApplication *self,
                              const char    *path)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (KH_IS_APPLICATION (self), FALSE);

  wanted = (path != NULL && path[0] != '\0') ? g_strdup (path) : kh_store_default_path ();

  g_clear_handle_id (&self->verify_idle_id, g_source_remove);
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  if (is_emptied (wanted))
    g_set_error (&self->store_error, KH_STORE_ERROR, KH_STORE_ERROR_CORRUPT,
                 _("The database “%s” is empty, yet backups of it were made. It was left as it is; restore a backup."),
                 wanted);
  else
    self->store = kh_store_open_full (wanted, KH_STORE_OPEN_DEFER_CHECK, &self->store_error);

  if (self->store == NULL)
    g_debug ("Could not open %s: %s", wanted, self->store_error->message);
  else
    {
      /* What the watch compares with: a change another program makes from
       * now on is seen, even before the watch first looks. */
      self->watched_store = self->store;
      self->data_version = kh_store_get_data_version (self->store);
      /* Checked already only when opening checked it (and refused it
       * if damaged). */
      if (kh_store_is_verified (self->store))
        install_templates (self);
      else
        {
          /* After the first frame: on two cores the check would slow it. */
          self->verify_idle_id = g_idle_add_full (G_PRIORITY_LOW, on_verify_idle_cb, self, NULL);
          /* A database the app never opened (made by kehoach-cli) has no
           * templates yet: the new-plan dialog needs them, so here the
           * write waits for the check. */
          if (!has_builtin_templates (self->store))
            install_templates (self);
        }
      /* Only now: its thread checks the file before copying it, and the
       * look above must not find a verdict settled there, damaged
       * included, and take it for the opening's. */
      start_daily_backup (self);
    }

  if (set_str (&self->database_path, wanted))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);

  if (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences") != NULL)
    update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  return self->store != NULL;
}

/* Tells every window that the data changed. */
void
kh_application_store_changed (KhApplication *self)
{
  g_return_if_fail (KH_IS_APPLICATION (self));

  g_signal_emit (self, signals[STORE_CHANGED], 0);
}

/* What is typed and waiting for its delayed save (the plan's text, a
 * report's, the agency's fields) belongs to the content before a
 * restore: saved now, it goes into the copy made first, instead of
 * being saved over the restored content a moment later. */
static void
save_pending_in (GtkWidget *widget)
{
  if (KH_IS_PLAN_PAGE (widget))
    (void)kh_plan_page_flush (KH_PLAN_PAGE (widget));
  else if (KH_IS_REPORT_EDITOR (widget))
    (void)kh_report_editor_flush (KH_REPORT_EDITOR (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    save_pending_in (child);
}

static void
save_pending (KhApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (KH_IS_PREFERENCES_WINDOW (l->data))
        (void)kh_preferences_window_save (l->data, NULL);
      save_pending_in (l->data);
    }
}

/**
 * kh_application_restore_backup:
 * @undo_path: (out) (optional): the copy of what was there before, which
 *   restoring undoes the restore
 *
 * Replaces the open database's content with a backup's and tells every
 * window. The current content is backed up first.
 */
gboolean
kh_application_restore_backup (KhApplication  *self,
                               const char     *backup_path,
                               char          **undo_path,
                               GError        **error)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_OPEN, _("No database is open."));
      return FALSE;
    }

  save_pending (self);
  if (!kh_store_restore (self->store, backup_path, undo_path, error))
    return FALSE;

  g_signal_emit (self, signals[STORE_REPLACED], 0);
  g_signal_emit (self, signals[STORE_CHANGED], 0);
  return TRUE;
}

/**
 * kh_application_recover:
 * @damaged_path: (out) (optional): where the damaged file was moved
 *
 * Puts a backup in place of a database that could not be opened (the
 * damaged file is moved aside, never deleted) and opens it.
 */
gboolean
kh_application_recover (KhApplication  *self,
                        const char     *backup_path,
                        char          **damaged_path,
                        GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KH_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  path = self->database_path ? g_strdup (self->database_path) : kh_store_default_path ();
  if (!kh_backup_recover (path, backup_path, damaged_path, error))
    return FALSE;

  if (!kh_application_open_database (self, path))
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }
  return TRUE;
}
