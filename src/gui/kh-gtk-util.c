/* kh-gtk-util.c — small helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-gtk-util"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "kh-gtk-util.h"

/* gtk_list_box_remove_all() arrived in GTK 4.12. */
void
kh_list_box_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((row = gtk_list_box_get_row_at_index (list, 0)))
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* What a boxed list shows when it has no rows. */
GtkWidget *
kh_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A flat icon button for a row, named for screen readers and tests. */
GtkWidget *
kh_icon_button_new (const char *icon_name,
                    const char *tooltip,
                    const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  kh_widget_set_accessible_label (button, accessible_label ? accessible_label : tooltip);
  return button;
}

void
kh_widget_set_accessible_label (GtkWidget  *widget,
                                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Today's date, as the views count it (the dashboard's overdue tasks,
 * the date a new result is given). KEHOACH_TODAY=YYYY-MM-DD in the
 * environment fixes it, read once, for tests and demonstrations. */
void
kh_today (GDate *date)
{
  static gsize once = 0;
  static GDate fixed;

  g_return_if_fail (date != NULL);

  if (g_once_init_enter (&once))
    {
      const char *text = g_getenv ("KEHOACH_TODAY");
      int year, month, day;

      g_date_clear (&fixed, 1);
      if (text != NULL && sscanf (text, "%d-%d-%d", &year, &month, &day) == 3 &&
          g_date_valid_dmy (day, month, year))
        g_date_set_dmy (&fixed, day, month, year);
      g_once_init_leave (&once, 1);
    }

  if (g_date_valid (&fixed))
    {
      *date = fixed;
      return;
    }

  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}
