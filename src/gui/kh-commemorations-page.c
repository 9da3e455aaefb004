/* kh-commemorations-page.c — Preferences: the commemorative days
 *
 * The national days ship with the application and are installed the
 * first time the page opens; the agency adds its own local days. Each
 * day is an expander row: its title is the name, its subtitle the date
 * and this year's anniversary as reports print it. Expanded, it edits
 * the name, the day and month ("dd/mm") and the founding year. Days are
 * archived (with undo) and restored, never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-commemorations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-commemoration.h"
#include "kh-vn-format.h"

#include "kh-commemorations-page.h"
#include "kh-gtk-util.h"
#include "kh-preferences-rows.h"

struct _KhCommemorationsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  GtkListBox          *national_list;
  GtkListBox          *local_list;
  GtkButton           *add_button;
  AdwEntryRow         *new_name_row;
  AdwEntryRow         *new_date_row;
  AdwEntryRow         *new_year_row;
  AdwPreferencesGroup *archived_group;
  GtkListBox          *archived_list;

  /* Borrowed */
  KhApplication       *application;

  /* Owned */
  KhStore             *store;
  KhPageErrors         errors;
};

G_DEFINE_FINAL_TYPE (KhCommemorationsPage, kh_commemorations_page, ADW_TYPE_PREFERENCES_PAGE)

/* What an expander row edits, kept on the row. */
typedef struct
{
  GtkWidget *name_row;
  GtkWidget *date_row;
  GtkWidget *year_row;
  guint      day;
  guint      month;
} DayRow;

static void reload (KhCommemorationsPage *self);

static void
changed (KhCommemorationsPage *self)
{
  kh_application_store_changed (self->application);
}

/* Parsing */

static guint
parse_number (const char *text,
              const char *end)
{
  guint value = 0;

  if (text == end || end - text > 4)
    return 0;
  for (const char *p = text; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return 0;
      value = value * 10 + (guint)(*p - '0');
    }
  return value;
}

/* "11/3", "11/03", "11.3": a day of the year (29/02 included). */
static gboolean
parse_day_month (const char  *text,
                 guint       *day,
                 guint       *month,
                 GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  const char *separator = strpbrk (clean, "/.-");

  *day = 0;
  *month = 0;
  if (separator != NULL)
    {
      *day = parse_number (clean, separator);
      *month = parse_number (separator + 1, clean + strlen (clean));
    }

  if (*day == 0 || *month == 0 || *month > 12 ||
      !g_date_valid_dmy ((GDateDay)*day, (GDateMonth)*month, 2024))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed, e.g. 30/02 */
                   _("“%s” is not a day of the year: write the day and month as dd/mm, for example 11/03."),
                   clean);
      return FALSE;
    }
  return TRUE;
}

/* Empty for none. */
static gboolean
parse_year (const char  *text,
            int         *year,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  *year = 0;
  if (*clean == '\0')
    return TRUE;

  *year = (int)parse_number (clean, clean + strlen (clean));
  if (*year < 1)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed as a founding year */
                   _("“%s” is not a year: write it with four digits, for example 1945, or leave it empty."),
                   clean);
      return FALSE;
    }
  return TRUE;
}

/* Reads the three entries; the first that is wrong gets the error. */
static gboolean
read_fields (KhCommemorationsPage  *self,
             GtkWidget             *date_row,
             GtkWidget             *year_row,
             guint                 *day,
             guint                 *month,
             int                   *year)
{
  g_autoptr(GError) error = NULL;

  if (!parse_day_month (gtk_editable_get_text (GTK_EDITABLE (date_row)), day, month, &error))
    {
      kh_page_errors_show (&self->errors, date_row, error);
      return FALSE;
    }
  if (!parse_year (gtk_editable_get_text (GTK_EDITABLE (year_row)), year, &error))
    {
      kh_page_errors_show (&self->errors, year_row, error);
      return FALSE;
    }
  return TRUE;
}

static char *
format_subtitle (const char *name,
                 guint       day,
                 guint       month,
                 int         founding_year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *date = kh_format_day_month (day, month);
  g_autofree char *anniversary = NULL;

  if (founding_year <= 0 || founding_year >= year)
    return g_steal_pointer (&date);

  anniversary = kh_format_anniversary (name, day, month, founding_year, year);
  /* Translators: a day and month, then this year's anniversary as reports print it */
  return g_strdup_printf (_("%s · %s"), date, anniversary);
}

/* Editing */

static void
on_field_apply_cb (KhCommemorationsPage *self,
                   AdwEntryRow          *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), ADW_TYPE_EXPANDER_ROW);
  DayRow *fields = g_object_get_data (G_OBJECT (row), "kh-day-row");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  guint day, month;
  int year;

  kh_page_errors_clear (&self->errors, fields->name_row);
  kh_page_errors_clear (&self->errors, fields->date_row);
  kh_page_errors_clear (&self->errors, fields->year_row);

  if (!read_fields (self, fields->date_row, fields->year_row, &day, &month, &year))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (fields->name_row))));
  if (!kh_store_update_commemoration (self->store, kh_row_get_id (row), name, day, month, year, &error))
    {
      kh_page_errors_show (&self->errors, fields->name_row, error);
      return;
    }

  /* Show what is stored, in place: the row stays open where it was. */
  fields->day = day;
  fields->month = month;
  subtitle = format_subtitle (name, day, month, year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_editable_set_text (GTK_EDITABLE (fields->name_row), name);
  {
    g_autofree char *date = kh_format_day_month (day, month);
    g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

    gtk_editable_set_text (GTK_EDITABLE (fields->date_row), date);
    gtk_editable_set_text (GTK_EDITABLE (fields->year_row), year_text);
  }
  gtk_list_box_invalidate_sort (GTK_LIST_BOX (gtk_widget_get_parent (row)));
  changed (self);
}

static void
add_local_day (KhCommemorationsPage *self)
{
  GtkWidget *name_row = GTK_WIDGET (self->new_name_row);
  g_autoptr(GError) error = NULL;
  guint day, month;
  int year;

  kh_page_errors_clear (&self->errors, name_row);
  kh_page_errors_clear (&self->errors, GTK_WIDGET (self->new_date_row));
  kh_page_errors_clear (&self->errors, GTK_WIDGET (self->new_year_row));

  if (!read_fields (self, GTK_WIDGET (self->new_date_row), GTK_WIDGET (self->new_year_row),
                    &day, &month, &year))
    return;

  if (kh_store_add_commemoration (self->store, gtk_editable_get_text (GTK_EDITABLE (name_row)),
                                  day, month, year, TRUE, &error) == 0)
    {
      kh_page_errors_show (&self->errors, name_row, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_year_row), "");
  reload (self);
  gtk_widget_grab_focus (name_row);
  changed (self);
}

static void
on_add_button_clicked_cb (KhCommemorationsPage *self,
                          GtkButton            *button)
{
  add_local_day (self);
}

static void
on_new_row_entry_activated_cb (KhCommemorationsPage *self,
                               AdwEntryRow          *row)
{
  add_local_day (self);
}

/* Archiving */

static gboolean
set_archived (KhCommemorationsPage *self,
              gint64                id,
              gboolean              archived)
{
  g_autoptr(GError) error = NULL;

  if (!kh_store_set_commemoration_archived (self->store, id, archived, &error))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return FALSE;
    }

  reload (self);
  changed (self);
  return TRUE;
}

static void
on_undo_archive_clicked_cb (KhCommemorationsPage *self,
                            AdwToast             *toast)
{
  (void)set_archived (self, kh_archived_toast_get_id (toast), FALSE);
}

static void
on_archive_clicked_cb (KhCommemorationsPage *self,
                       GtkButton            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gint64 id = kh_row_get_id (row);
  AdwToast *toast;

  if (!set_archived (self, id, TRUE))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->new_name_row));

  toast = kh_archived_toast_new (name, id);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_archive_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  kh_page_add_toast (GTK_WIDGET (self), toast);
}

static void
on_restore_clicked_cb (KhCommemorationsPage *self,
                       GtkButton            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  (void)set_archived (self, kh_row_get_id (row), FALSE);
}

/* Rows */

static GtkWidget *
field_row_new (KhCommemorationsPage *self,
               const char           *title,
               const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_field_apply_cb), self, G_CONNECT_SWAPPED);
  kh_entry_row_clear_error_on_change (row);
  return row;
}

static GtkWidget *
day_row_new (KhCommemorationsPage  *self,
             const KhCommemoration *day)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *archive = kh_archive_button_new (day->name, _("Left out of reports; can be restored"));
  g_autofree char *subtitle = format_subtitle (day->name, day->day, day->month, day->founding_year);
  g_autofree char *date = kh_format_day_month (day->day, day->month);
  g_autofree char *year = day->founding_year > 0 ? g_strdup_printf ("%d", day->founding_year) : g_strdup ("");
  DayRow *fields = g_new0 (DayRow, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), archive);
  g_signal_connect_object (archive, "clicked", G_CALLBACK (on_archive_clicked_cb), self, G_CONNECT_SWAPPED);

  fields->name_row = field_row_new (self, _("Name"), day->name);
  fields->date_row = field_row_new (self, _("Day and month (dd/mm)"), date);
  fields->year_row = field_row_new (self, _("Founding year (optional)"), year);
  fields->day = day->day;
  fields->month = day->month;
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields->name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields->date_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fields->year_row);
  g_object_set_data_full (G_OBJECT (row), "kh-day-row", fields, g_free);

  kh_row_set_id (row, day->id);
  return row;
}

static GtkWidget *
archived_row_new (KhCommemorationsPage  *self,
                  const KhCommemoration *day)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = kh_restore_button_new (day->name);
  g_autofree char *subtitle = kh_format_day_month (day->day, day->month);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);

  kh_row_set_id (row, day->id);
  return row;
}

/* In date order, as the store lists them, also after an edit. */
static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  DayRow *x = g_object_get_data (G_OBJECT (a), "kh-day-row");
  DayRow *y = g_object_get_data (G_OBJECT (b), "kh-day-row");

  if (x == NULL || y == NULL)
    return 0;
  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return g_utf8_collate (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (a)),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (b)));
}

/* Rebuilds the lists; the national days come the first time. */
static void
reload (KhCommemorationsPage *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  guint n_archived = 0;

  kh_list_box_remove_all (self->national_list);
  kh_list_box_remove_all (self->local_list);
  kh_list_box_remove_all (self->archived_list);

  if (!kh_store_install_commemorations (self->store, &error) ||
      !(days = kh_store_list_commemorations (self->store, TRUE, &error)))
    {
      kh_page_errors_show (&self->errors, NULL, error);
      return;
    }

  for (guint i = 0; i < days->len; i++)
    {
      const KhCommemoration *day = g_ptr_array_index (days, i);

      if (day->archived)
        {
          gtk_list_box_append (self->archived_list, archived_row_new (self, day));
          n_archived++;
        }
      else
        gtk_list_box_append (day->local ? self->local_list : self->national_list,
                             day_row_new (self, day));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->archived_group), n_archived > 0);
}

/* GObject */

static void
kh_commemorations_page_map (GtkWidget *widget)
{
  KhCommemorationsPage *self = KH_COMMEMORATIONS_PAGE (widget);

  GTK_WIDGET_CLASS (kh_commemorations_page_parent_class)->map (widget);

  kh_page_errors_show_pending (&self->errors);
}

static void
kh_commemorations_page_dispose (GObject *object)
{
  KhCommemorationsPage *self = KH_COMMEMORATIONS_PAGE (object);

  kh_page_errors_dispose (&self->errors);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_COMMEMORATIONS_PAGE);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_commemorations_page_parent_class)->dispose (object);
}

static void
kh_commemorations_page_class_init (KhCommemorationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_commemorations_page_dispose;

  widget_class->map = kh_commemorations_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-commemorations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, national_list);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, local_list);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, new_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, new_year_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, archived_group);
  gtk_widget_class_bind_template_child (widget_class, KhCommemorationsPage, archived_list);
}

static void
kh_commemorations_page_init (KhCommemorationsPage *self)
{
  GtkWidget *new_rows[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_page_errors_init (&self->errors, GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->national_list, sort_rows, NULL, NULL);
  gtk_list_box_set_sort_func (self->local_list, sort_rows, NULL, NULL);

  new_rows[0] = GTK_WIDGET (self->new_name_row);
  new_rows[1] = GTK_WIDGET (self->new_date_row);
  new_rows[2] = GTK_WIDGET (self->new_year_row);
  for (guint i = 0; i < G_N_ELEMENTS (new_rows); i++)
    {
      g_signal_connect_object (new_rows[i], "entry-activated",
                               G_CALLBACK (on_new_row_entry_activated_cb), self, G_CONNECT_SWAPPED);
      kh_entry_row_clear_error_on_change (new_rows[i]);
    }
  g_signal_connect_object (self->add_button, "clicked",
                           G_CALLBACK (on_add_button_clicked_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
kh_commemorations_page_new (KhApplication *application)
{
  KhCommemorationsPage *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (kh_application_get_store (application) != NULL, NULL);

  self = g_object_new (KH_TYPE_COMMEMORATIONS_PAGE, NULL);
  self->application = application;
  self->store = g_object_ref (kh_application_get_store (application));

  reload (self);
  return GTK_WIDGET (self);
}
