/* kh-preferences-window.c — what is set up once: the agency and its departments
 *
 * The window only holds the pages, each its own class: the agency (with
 * its signers and default recipients), the departments, the indicators,
 * the commemorative days, the templates and the backups. Each writes its
 * changes to the store at once; the agency's fields, saved a moment after
 * typing stops, are also saved when the window closes. When a backup is
 * restored the pages are made again from the restored content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-agency-page.h"
#include "kh-backups-page.h"
#include "kh-commemorations-page.h"
#include "kh-departments-page.h"
#include "kh-gtk-util.h"
#include "kh-indicators-page.h"
#include "kh-preferences-window.h"
#include "kh-templates-page.h"
#include "kh-window.h"

struct _KhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Borrowed */
  KhApplication        *application;
  KhAgencyPage         *agency_page;
  GPtrArray            *pages;          /* the window holds them */
};

G_DEFINE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
kh_preferences_window_close_request (GtkWindow *window)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->agency_page != NULL && !kh_agency_page_save (self->agency_page, &error))
    {
      /* The window goes away: say it where it will be seen. */
      GtkWindow *parent = gtk_window_get_transient_for (window);
      g_autofree char *message = g_strdup_printf (_("The agency was not saved: %s"), error->message);

      if (KH_IS_WINDOW (parent))
        kh_window_add_toast (KH_WINDOW (parent), kh_toast_new (message));
    }

  return GTK_WINDOW_CLASS (kh_preferences_window_parent_class)->close_request (window);
}

static void
add_page (KhPreferencesWindow *self,
          GtkWidget           *page)
{
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  g_ptr_array_add (self->pages, page);
}

static void
add_pages (KhPreferencesWindow *self)
{
  GtkWidget *agency_page = kh_agency_page_new (self->application);

  g_set_weak_pointer (&self->agency_page, KH_AGENCY_PAGE (agency_page));

  add_page (self, agency_page);
  add_page (self, kh_departments_page_new (self->application));
  add_page (self, kh_indicators_page_new (self->application));
  add_page (self, kh_commemorations_page_new (self->application));
  add_page (self, kh_templates_page_new (self->application));
  add_page (self, kh_backups_page_new (self->application));
}

/* A backup was restored: every page shows the restored content, and
 * nothing the old pages held is saved over it. */
static void
on_application_store_replaced_cb (KhPreferencesWindow *self,
                                  KhApplication       *application)
{
  g_autofree char *visible_name =
    g_strdup (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (self)));

  g_clear_weak_pointer (&self->agency_page);
  for (guint i = 0; i < self->pages->len; i++)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), self->pages->pdata[i]);
  g_ptr_array_set_size (self->pages, 0);

  add_pages (self);
  if (visible_name != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), visible_name);
}

/* "application" is not a construct property: the window adds its pages,
 * which edit the application's store, once it has been given it. */
static void
on_notify_application_cb (KhPreferencesWindow *self,
                          GParamSpec          *pspec,
                          gpointer             user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->application != NULL || !KH_IS_APPLICATION (application))
    return;

  self->application = KH_APPLICATION (application);
  g_signal_connect_object (self->application, "store-replaced",
                           G_CALLBACK (on_application_store_replaced_cb), self, G_CONNECT_SWAPPED);

  add_pages (self);
}

static void
kh_preferences_window_dispose (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  g_clear_weak_pointer (&self->agency_page);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->dispose (object);
}

static void
kh_preferences_window_class_init (KhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_preferences_window_dispose;

  window_class->close_request = kh_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-preferences-window.ui");
}

static void
kh_preferences_window_init (KhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();

  g_signal_connect (self, "notify::application", G_CALLBACK (on_notify_application_cb), NULL);
}

KhPreferencesWindow *
kh_preferences_window_new (KhApplication *application)
{
  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  return g_object_new (KH_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
}

/* Saves what was typed and not saved yet (the agency's fields). */
gboolean
kh_preferences_window_save (KhPreferencesWindow  *self,
                            GError              **error)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->agency_page == NULL || kh_agency_page_save (self->agency_page, error);
}
