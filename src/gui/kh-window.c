/* kh-window.c — the main window
 *
 * The window shows one of three things: the views of the open database
 * (an AdwViewStack whose pages implement KhView), the start page when the
 * database is empty, or why the database could not be opened.
 *
 * A page is added with one adw_view_stack_add_titled_with_icon() call in
 * kh_window_init(); when the data changes the window reloads the page in
 * sight and the others when they are next shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-gtk-util.h"
#include "kh-plan.h"

#include "kh-application.h"
#include "kh-exchange-actions.h"
#include "kh-new-plan-dialog.h"
#include "kh-overview-page.h"
#include "kh-plan-page.h"
#include "kh-preferences-window.h"
#include "kh-recovery-page.h"
#include "kh-tasks-page.h"
#include "kh-dashboard-page.h"
#include "kh-lazy-view.h"
#include "kh-software-rendering.h"
#include "kh-result-dialog.h"
#include "kh-results-page.h"
#include "kh-reports-page.h"
#include "kh-stall-monitor.h"
#include "kh-view.h"
#include "kh-window.h"

struct _KhWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *plan_button;
  GtkSpinner           *work_spinner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  AdwStatusPage        *start_page;
  KhRecoveryPage       *recovery_page;
  GtkRevealer          *read_only_banner;
  GtkLabel             *read_only_label;

  /* Borrowed */
  KhApplication        *application;
  KhPreferencesWindow  *preferences;   /* weak */

  /* Owned */
  GtkNativeDialog      *file_chooser;  /* GTK 4.8 only */

  gint64                plan_id;       /* the plan the views show, 0 for none */
  char                 *plan_menu_key; /* what the plan menu lists now */
  guint                 n_busy;        /* work under way in other threads */
  KhStore              *views_store;   /* weak: the store the views were given last */
  guint                 prepare_tick_id; /* prepare_pages_cb(): the pages not shown yet */
  guint                 prepare_source;
  guint                 n_pages_prepared; /* of the view stack's, in order */
};

G_DEFINE_FINAL_TYPE (KhWindow, kh_window, ADW_TYPE_APPLICATION_WINDOW)

static void prepare_pages_later (KhWindow *self);

/* Marks a page that has not shown the latest data yet. */
static GQuark
view_stale_quark (void)
{
  return g_quark_from_static_string ("kh-window-view-stale");
}

static void
reload_view (KhWindow  *self,
             GtkWidget *child,
             KhStore   *store)
{
  g_autofree char *what = g_strdup_printf ("reload %s", KH_IS_LAZY_VIEW (child)
                                                        ? kh_lazy_view_get_type_name (KH_LAZY_VIEW (child))
                                                        : G_OBJECT_TYPE_NAME (child));

  g_object_set_qdata (G_OBJECT (child), view_stale_quark (), NULL);
  kh_stall_monitor_push (g_intern_string (what));
  kh_view_reload (KH_VIEW (child), store, self->plan_id);
  kh_stall_monitor_pop ();
}

/* Only the page in sight reloads now; the others are marked stale and
 * reload when they are shown (on_view_stack_notify_visible_child_cb), so a
 * change, or the start, costs one page whatever the database holds.
 * Another database is the exception: every page lets go of the old
 * connection at once. */
static void
reload_views (KhWindow *self,
              KhStore  *store)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  gboolean other_store = self->views_store != NULL && self->views_store != store;

  g_set_weak_pointer (&self->views_store, store);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (!KH_IS_VIEW (child) || child == visible)
        continue;
      /* A page not built yet holds no connection to let go of. */
      if (other_store && !(KH_IS_LAZY_VIEW (child) && !kh_lazy_view_is_built (KH_LAZY_VIEW (child))))
        reload_view (self, child, store);
      else
        g_object_set_qdata (G_OBJECT (child), view_stale_quark (), GINT_TO_POINTER (TRUE));
    }

  if (KH_IS_VIEW (visible))
    reload_view (self, visible, store);
}

static void
on_view_stack_notify_visible_child_cb (KhWindow     *self,
                                       GParamSpec   *pspec,
                                       AdwViewStack *view_stack)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (view_stack);
  KhStore *store = self->application ? kh_application_get_store (self->application) : NULL;

  if (store != NULL && KH_IS_VIEW (visible) &&
      g_object_get_qdata (G_OBJECT (visible), view_stale_quark ()) != NULL)
    reload_view (self, visible, store);
}

static void
update_subtitle (KhWindow *self,
                 KhStore  *store)
{
  g_autoptr(KhAgency) agency = kh_store_load_agency (store, NULL);
  const char *subtitle = NULL;

  if (agency != NULL)
    subtitle = agency->short_name && agency->short_name[0] ? agency->short_name : agency->name;

  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
}

static const KhPlan *
find_plan (GPtrArray *plans,
           gint64     id)
{
  for (guint i = 0; i < plans->len; i++)
    if (((KhPlan *)plans->pdata[i])->id == id)
      return plans->pdata[i];
  return NULL;
}

/* Keeps the plan the clerk was on; otherwise the one of the year last
 * looked at, this year's, or the newest (plans are listed newest first). */
static const KhPlan *
choose_plan (KhWindow  *self,
             GPtrArray *plans)
{
  GSettings *settings = kh_application_get_settings (self->application);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int years[2] = { settings ? g_settings_get_int (settings, "last-plan-year") : 0,
                   g_date_time_get_year (now) };
  const KhPlan *plan = find_plan (plans, self->plan_id);

  for (guint y = 0; plan == NULL && y < G_N_ELEMENTS (years); y++)
    for (guint i = 0; plan == NULL && i < plans->len; i++)
      if (((KhPlan *)plans->pdata[i])->year == years[y] &&
          ((KhPlan *)plans->pdata[i])->revision[0] == '\0')
        plan = plans->pdata[i];

  if (plan == NULL && plans->len > 0)
    plan = plans->pdata[0];
  return plan;
}

static char *
plan_label (const KhPlan *plan)
{
  if (plan->revision[0] != '\0')
    /* Translators: the plan of a year and its revision name */
    return g_strdup_printf (_("Plan %d (%s)"), plan->year, plan->revision);
  return g_strdup_printf (_("Plan %d"), plan->year);
}

/* The header bar's plan menu: every plan, then what adds one. Rebuilt
 * only when the plans changed: a new menu model makes the menu button
 * build a new popover, every item a widget, which cost a plan change
 * ~10 ms of main loop. */
static void
update_plan_menu (KhWindow *self,
                  KhStore  *store)
{
  g_autoptr(GPtrArray) plans = kh_store_list_plans (store, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  const KhPlan *plan = plans ? choose_plan (self, plans) : NULL;

  self->plan_id = plan ? plan->id : 0;

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const KhPlan *item = plans->pdata[i];
      g_autofree char *label = plan_label (item);

      g_string_append_printf (key, "%" G_GINT64_FORMAT "\x1f%s\x1e", item->id, label);
    }

  if (g_strcmp0 (key->str, self->plan_menu_key) != 0)
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autoptr(GMenu) plan_section = g_menu_new ();
      g_autoptr(GMenu) new_section = g_menu_new ();

      for (guint i = 0; plans != NULL && i < plans->len; i++)
        {
          const KhPlan *item = plans->pdata[i];
          g_autofree char *label = plan_label (item);
          g_autoptr(GMenuItem) menu_item = g_menu_item_new (label, NULL);

          g_menu_item_set_action_and_target_value (menu_item, "win.select-plan",
                                                   g_variant_new_int64 (item->id));
          g_menu_append_item (plan_section, menu_item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (plan_section));
      g_menu_append (new_section, _("_New Plan…"), "win.new-plan");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (new_section));
      gtk_menu_button_set_menu_model (self->plan_button, G_MENU_MODEL (menu));
      g_free (self->plan_menu_key);
      self->plan_menu_key = g_string_free (g_steal_pointer (&key), FALSE);
    }

  if (plan != NULL)
    {
      g_autofree char *label = plan_label (plan);
      gtk_menu_button_set_label (self->plan_button, label);
    }
  else
    gtk_menu_button_set_label (self->plan_button, _("No Plan Yet"));
}

/* Said under the header bar for as long as the database is open
 * read-only, so nobody types what cannot be kept. */
static void
update_read_only_banner (KhWindow *self,
                         KhStore  *store)
{
  gboolean read_only = store != NULL && kh_store_is_read_only (store);

  if (read_only)
    {
      g_autofree char *folder = g_path_get_dirname (kh_store_get_path (store));
      g_autofree char *text =
        g_strdup_printf (_("This database is read-only: changes cannot be saved. "
                           "Kế Hoạch cannot write in the folder “%s” or to the file."),
                         folder);

      gtk_label_set_text (self->read_only_label, text);
    }
  gtk_revealer_set_reveal_child (self->read_only_banner, read_only);
}

static void
kh_window_reload (KhWindow *self)
{
  KhStore *store = kh_application_get_store (self->application);
  const char *visible;

  update_read_only_banner (self, store);

  if (store == NULL)
    {
      /* Why, and a backup to restore when the file is damaged. */
      kh_recovery_page_update (self->recovery_page, self->application);
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      visible = "error";
    }
  else if (kh_store_is_empty (store))
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      visible = "start";
    }
  else
    {
      kh_stall_monitor_push ("plan menu");
      update_plan_menu (self, store);
      kh_stall_monitor_pop ();
      reload_views (self, store);
      kh_stall_monitor_push ("subtitle");
      update_subtitle (self, store);
      kh_stall_monitor_pop ();
      visible = "views";
    }

  /* The switcher belongs to the views only. */
  adw_view_switcher_title_set_stack (self->switcher_title,
                                     g_str_equal (visible, "views") ? self->view_stack : NULL);
  gtk_stack_set_visible_child_name (self->main_stack, visible);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), g_str_equal (visible, "views"));
  if (g_str_equal (visible, "views"))
    prepare_pages_later (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-up-agency", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-exchange", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-exchange",
                                 store != NULL && !kh_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-plan", store != NULL);
  /* A result belongs to a plan, and needs a database that can take it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-result",
                                 g_str_equal (visible, "views") && self->plan_id != 0 &&
                                 !kh_store_is_read_only (store));
}

static void
open_chosen_file (KhWindow *self,
                  GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  GSettings *settings = kh_application_get_settings (self->application);

  if (path == NULL)
    {
      AdwToast *toast = adw_toast_new (_("Only a file on this computer can be opened."));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  if (kh_application_open_database (self->application, path) && settings != NULL)
    g_settings_set_string (settings, "database-path", path);
}

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
on_file_dialog_open_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(KhWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file != NULL)
    open_chosen_file (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
on_file_chooser_response_cb (KhWindow        *self,
                             int              response,
                             GtkNativeDialog *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        open_chosen_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->file_chooser);
}
#endif

static GtkFileFilter *
database_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Kế Hoạch Databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "sqlite3");
  return filter;
}

static GtkFileFilter *
all_files_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autoptr(GtkFileFilter) databases = database_filter_new ();
  g_autoptr(GtkFileFilter) all_files = all_files_filter_new ();

#if GTK_CHECK_VERSION (4, 10, 0)
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, databases);
  g_list_store_append (filters, all_files);
  gtk_file_dialog_set_title (dialog, _("Open a Database"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, databases);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL,
                        on_file_dialog_open_cb, g_object_ref (self));
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  GtkFileChooserNative *native;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  native = gtk_file_chooser_native_new (_("Open a Database"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_files);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), databases);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  self->file_chooser = GTK_NATIVE_DIALOG (native);
  g_signal_connect_object (native, "response",
                           G_CALLBACK (on_file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
#endif
}

static void
set_up_agency_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  kh_window_show_preferences (KH_WINDOW (widget));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);
  KhStore *store = kh_application_get_store (self->application);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (!kh_demo_load (store, FALSE, &error))
    {
      kh_window_show_error_for (GTK_WIDGET (self), error);
      return;
    }

  kh_application_store_changed (self->application);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The demo agency, phường Phổ Minh, is ready to explore")));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (kh_application_get_store (self->application) != NULL)
    gtk_window_present (GTK_WINDOW (kh_new_plan_dialog_new (self)));
}

/* Ctrl+R from any view: the quick-entry dialog for the window's plan. */
static void
record_result_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (kh_application_get_store (self->application) != NULL && self->plan_id != 0)
    gtk_window_present (GTK_WINDOW (kh_result_dialog_new (self, 0)));
}

static void
export_exchange_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kh_exchange_export_present (KH_WINDOW (widget));
}

static void
import_exchange_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kh_exchange_import_present (KH_WINDOW (widget));
}

static void
select_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  kh_window_select_plan (KH_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* The pages in the switcher's order (kh_window_init()): Alt+1…6. */
static const char * const view_names[] = { "dashboard", "overview", "plan", "tasks", "results", "reports" };

/* Shows a page by its name, while the pages are what the window shows. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0)
    kh_window_show_view (self, g_variant_get_string (parameter, NULL));
}

static void
on_application_store_changed_cb (KhWindow      *self,
                                 KhApplication *application)
{
  kh_window_reload (self);
}

static void
on_application_notify_store_cb (KhWindow      *self,
                                GParamSpec    *pspec,
                                KhApplication *application)
{
  kh_window_reload (self);

  /* The store is gone (its check found it damaged): the preferences
   * edited it. Closing them tries to save what was typed, which the
   * damaged file refuses, and says so in a toast. */
  if (kh_application_get_store (application) == NULL && self->preferences != NULL)
    gtk_window_close (GTK_WINDOW (self->preferences));
}

/* "application" is not a construct property: the window starts showing the
 * store once it has been given its application. */
static void
on_notify_application_cb (KhWindow   *self,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (self->application != NULL || !KH_IS_APPLICATION (application))
    return;

  self->application = KH_APPLICATION (application);

  settings = kh_application_get_settings (self->application);
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->application, "store-changed",
                           G_CALLBACK (on_application_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "notify::store",
                           G_CALLBACK (on_application_notify_store_cb),
                           self, G_CONNECT_SWAPPED);

  kh_window_reload (self);
}

/* The pages not shown yet are built, filled and laid out while the clerk
 * has not asked for them, one step a turn at low priority, so that a first
 * showing costs one ordinary frame: built and laid out on the click, the
 * plan, overview, results and reports pages held the window up 18–25 ms
 * (docs/performance.md, "Pages readied in advance"). Waits while the page
 * in sight, or the one being readied, is loading; stops while the window
 * shows no pages (no database, the start page) or is closed. */
#define PREPARE_INTERVAL_MS 50

static gboolean
prepare_pages_cb (gpointer data)
{
  KhWindow *self = data;
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);
  KhStore *store = self->application ? kh_application_get_store (self->application) : NULL;

  if (store == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    {
      self->prepare_source = 0;   /* prepare_pages_later() when they are back */
      return G_SOURCE_REMOVE;
    }
  if (KH_IS_VIEW (visible) && kh_view_is_loading (KH_VIEW (visible)))
    return G_SOURCE_CONTINUE;

  for (; self->n_pages_prepared < n_pages; self->n_pages_prepared++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), self->n_pages_prepared);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      KhLazyView *lazy = KH_IS_LAZY_VIEW (child) ? KH_LAZY_VIEW (child) : NULL;
      g_autofree char *what = NULL;

      if (lazy == NULL || child == visible)
        continue;

      /* Built in one turn, put in the window (which measures it) in the next. */
      if (!kh_lazy_view_is_built (lazy))
        {
          what = g_strdup_printf ("prepare %s: build", kh_lazy_view_get_type_name (lazy));
          kh_stall_monitor_push (g_intern_string (what));
          if (!kh_lazy_view_build (lazy))
            kh_lazy_view_get_view (lazy);
          kh_stall_monitor_pop ();
          return G_SOURCE_CONTINUE;
        }
      if (g_object_get_qdata (G_OBJECT (child), view_stale_quark ()) != NULL)
        {
          reload_view (self, child, store);
          return G_SOURCE_CONTINUE;
        }
      if (kh_view_is_loading (KH_VIEW (child)))
        return G_SOURCE_CONTINUE;

      /* At the size the stack gives the page in sight. */
      what = g_strdup_printf ("prepare %s: lay out", kh_lazy_view_get_type_name (lazy));
      kh_stall_monitor_push (g_intern_string (what));
      kh_lazy_view_lay_out (lazy,
                            gtk_widget_get_width (GTK_WIDGET (self->view_stack)),
                            gtk_widget_get_height (GTK_WIDGET (self->view_stack)));
      kh_stall_monitor_pop ();
      self->n_pages_prepared++;
      return G_SOURCE_CONTINUE;
    }

  self->prepare_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
pages_prepared (KhWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  return self->n_pages_prepared >= g_list_model_get_n_items (G_LIST_MODEL (pages));
}

/* From the next frame on: nothing is readied before the window is seen. */
static gboolean
start_preparing_pages_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       data)
{
  KhWindow *self = KH_WINDOW (widget);

  self->prepare_tick_id = 0;
  if (self->prepare_source == 0 && !pages_prepared (self))
    self->prepare_source = g_timeout_add_full (G_PRIORITY_LOW, PREPARE_INTERVAL_MS,
                                               prepare_pages_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
prepare_pages_later (KhWindow *self)
{
  if (self->prepare_tick_id == 0 && self->prepare_source == 0 && !pages_prepared (self) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->prepare_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), start_preparing_pages_cb,
                                                          NULL, NULL);
}

static void
kh_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kh_window_parent_class)->map (widget);

  prepare_pages_later (KH_WINDOW (widget));
}

/* A closed window readies nothing: its application may be gone. */
static void
kh_window_unmap (GtkWidget *widget)
{
  KhWindow *self = KH_WINDOW (widget);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  if (self->prepare_tick_id != 0)
    gtk_widget_remove_tick_callback (widget, self->prepare_tick_id);
  self->prepare_tick_id = 0;

  GTK_WIDGET_CLASS (kh_window_parent_class)->unmap (widget);
}

static void
kh_window_dispose (GObject *object)
{
  KhWindow *self = KH_WINDOW (object);

  g_clear_handle_id (&self->prepare_source, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  g_clear_weak_pointer (&self->preferences);
  g_clear_weak_pointer (&self->views_store);
  g_clear_pointer (&self->plan_menu_key, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_WINDOW);

  G_OBJECT_CLASS (kh_window_parent_class)->dispose (object);
}

/* Drawn on the CPU (no GPU driver), cards get outlines instead of
 * blurred shadows, and stacks switch without cross-fades
 * (kh-software-rendering.c): known before the first frame. The pages
 * built later skip theirs as they are built (kh-lazy-view.c). */
static void
kh_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (kh_window_parent_class)->realize (widget);

  if (kh_native_renders_in_software (GTK_NATIVE (widget)))
    {
      gtk_widget_add_css_class (widget, "kh-software-rendering");
      kh_widget_skip_cross_fades (widget);
    }
}

static void
kh_window_class_init (KhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_window_dispose;
  widget_class->realize = kh_window_realize;
  widget_class->map = kh_window_map;
  widget_class->unmap = kh_window_unmap;

  g_type_ensure (KH_TYPE_RECOVERY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, plan_button);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, work_spinner);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, recovery_page);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, read_only_label);

  gtk_widget_class_install_action (widget_class, "win.set-up-agency", NULL, set_up_agency_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.choose-database", NULL, choose_database_action);
  gtk_widget_class_install_action (widget_class, "win.select-plan", "x", select_plan_action);
  gtk_widget_class_install_action (widget_class, "win.export-exchange", NULL, export_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.import-exchange", NULL, import_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.record-result", NULL, record_result_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.record-result", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-plan", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", view_names[i]);
}

static void
kh_window_init (KhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application_cb), NULL);

  /* The pages of the window, in order; the dashboard first, for the leader.
   * Each is built when first shown or asked for (kh-lazy-view.c). */
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_DASHBOARD_PAGE),
                                       "dashboard", _("Dashboard"), "kh-dashboard-symbolic");
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_OVERVIEW_PAGE),
                                       "overview", _("Overview"), "view-grid-symbolic");
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_PLAN_PAGE),
                                       "plan", _("Plan"), "x-office-document-symbolic");
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_TASKS_PAGE),
                                       "tasks", _("Tasks"), "view-list-bullet-symbolic");
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_RESULTS_PAGE),
                                       "results", _("Results"), "emblem-ok-symbolic");
  adw_view_stack_add_titled_with_icon (self->view_stack, kh_lazy_view_new (KH_TYPE_REPORTS_PAGE),
                                       "reports", _("Reports"), "folder-documents-symbolic");

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_notify_visible_child_cb),
                           self, G_CONNECT_SWAPPED);
}

KhWindow *
kh_window_new (KhApplication *application)
{
  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);

  return g_object_new (KH_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
kh_window_show_preferences (KhWindow *self)
{
  g_return_if_fail (KH_IS_WINDOW (self));

  if (kh_application_get_store (self->application) == NULL)
    return;

  if (self->preferences == NULL)
    {
      KhPreferencesWindow *preferences = kh_preferences_window_new (self->application);

      gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
      g_set_weak_pointer (&self->preferences, preferences);
    }

  gtk_window_present (GTK_WINDOW (self->preferences));
}

void
kh_window_add_toast (KhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Work that runs in another thread (an import, an export) turns the
 * header bar's spinner until every hold is released. A toast would do,
 * but one that says "Working…" until dismissed holds back the toast
 * saying how it went, and dismissing a toast while it is still coming
 * in crashes libadwaita 1.2. */
void
kh_window_hold_busy (KhWindow *self)
{
  g_return_if_fail (KH_IS_WINDOW (self));

  if (self->n_busy++ == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->work_spinner), TRUE);
      gtk_spinner_start (self->work_spinner);
    }
}

void
kh_window_release_busy (KhWindow *self)
{
  g_return_if_fail (KH_IS_WINDOW (self));
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy == 0)
    {
      gtk_spinner_stop (self->work_spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->work_spinner), FALSE);
    }
}

/* A toast in the window @widget is in; dropped when it is in none yet
 * (a page built but not shown). Takes @toast. */
void
kh_window_add_toast_for (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (KH_IS_WINDOW (root))
    kh_window_add_toast (KH_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* An error that stays until dismissed; its message shown as it is. */
void
kh_window_show_error_for (GtkWidget    *widget,
                          const GError *error)
{
  AdwToast *toast = kh_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  kh_window_add_toast_for (widget, toast);
}

gint64
kh_window_get_plan_id (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), 0);

  return self->plan_id;
}

/* Shows another plan in every view and remembers its year. */
void
kh_window_select_plan (KhWindow *self,
                       gint64    plan_id)
{
  KhStore *store;
  GSettings *settings;

  g_return_if_fail (KH_IS_WINDOW (self));

  store = kh_application_get_store (self->application);
  if (store == NULL)
    return;

  self->plan_id = plan_id;
  settings = kh_application_get_settings (self->application);
  if (settings != NULL)
    {
      g_autoptr(KhPlan) plan = kh_store_load_plan (store, plan_id, NULL);
      if (plan != NULL)
        g_settings_set_int (settings, "last-plan-year", plan->year);
    }

  kh_window_reload (self);
}

/* Whether pages not shown yet are still to be readied (prepare_pages_cb()):
 * from the window's showing until each is built, filled and laid out. */
gboolean
kh_window_is_preparing_pages (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), FALSE);

  return self->prepare_tick_id != 0 || self->prepare_source != 0;
}

/* The page of one of the window's views by its name ("plan", "tasks"…),
 * built now if it was not yet; NULL for no such view. */
GtkWidget *
kh_window_get_view (KhWindow   *self,
                    const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (KH_IS_LAZY_VIEW (child))
    return kh_lazy_view_get_view (KH_LAZY_VIEW (child));
  return child;
}

/* Shows one of the window's views by its name ("plan", "tasks"…). */
void
kh_window_show_view (KhWindow   *self,
                     const char *name)
{
  g_return_if_fail (KH_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    {
      /* Names the switch (mapping the page too, not only its reload). */
      kh_stall_monitor_push ("show page");
      adw_view_stack_set_visible_child_name (self->view_stack, name);
      kh_stall_monitor_pop ();
    }
}

KhApplication *
kh_window_get_application (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return self->application;
}
