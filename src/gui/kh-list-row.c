/* kh-list-row.c — a row with a title, a subtitle and widgets after them
 *
 * What AdwActionRow shows, laid out at a fraction of its cost: its title
 * and subtitle wrap inside a KhTextColumn, so measuring the row does not
 * search for a height (kh-text-column.c). The tasks, results and
 * dashboard lists hold dozens of rows with long Vietnamese titles.
 *
 * Widgets given as <child> in a template go after the text, as
 * AdwActionRow's suffixes do; kh_list_row_add_prefix() puts one before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-list-row"

#include "config.h"

#include "kh-list-row.h"
#include "kh-text-column.h"

typedef struct
{
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkBox   *prefixes;
  GtkBox   *suffixes;
} KhListRowPrivate;

static void kh_list_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (KhListRow, kh_list_row, ADW_TYPE_PREFERENCES_ROW,
                         G_ADD_PRIVATE (KhListRow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, kh_list_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
kh_list_row_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  KhListRowPrivate *priv = kh_list_row_get_instance_private (KH_LIST_ROW (buildable));

  /* Before our own template is built, the row's own child is set. */
  if (priv->suffixes != NULL && GTK_IS_WIDGET (child))
    kh_list_row_add_suffix (KH_LIST_ROW (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
kh_list_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = kh_list_row_buildable_add_child;
}

static void
kh_list_row_class_init (KhListRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No gtk_widget_dispose_template() here: GTK 4.8's walks the template
   * of the instance's class (a subclass's, in a KhTaskRow) and aborts.
   * GtkListBoxRow drops the header; the template's references go with
   * the row. */
  g_type_ensure (KH_TYPE_TEXT_COLUMN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-list-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, KhListRow, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, KhListRow, subtitle_label);
  gtk_widget_class_bind_template_child_private (widget_class, KhListRow, prefixes);
  gtk_widget_class_bind_template_child_private (widget_class, KhListRow, suffixes);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
on_title_notify_cb (KhListRow *self)
{
  KhListRowPrivate *priv = kh_list_row_get_instance_private (self);

  set_label (priv->title_label, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
kh_list_row_init (KhListRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
}

GtkWidget *
kh_list_row_new (void)
{
  return g_object_new (KH_TYPE_LIST_ROW, NULL);
}

/* Plain text, never markup: titles are what clerks typed. The row's
 * AdwPreferencesRow:title, which preferences search and the tests read. */
void
kh_list_row_set_title (KhListRow  *self,
                       const char *title)
{
  g_return_if_fail (KH_IS_LIST_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title != NULL ? title : "");
}

const char *
kh_list_row_get_title (KhListRow *self)
{
  g_return_val_if_fail (KH_IS_LIST_ROW (self), NULL);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
}

void
kh_list_row_set_subtitle (KhListRow  *self,
                          const char *subtitle)
{
  KhListRowPrivate *priv;

  g_return_if_fail (KH_IS_LIST_ROW (self));

  priv = kh_list_row_get_instance_private (self);
  set_label (priv->subtitle_label, subtitle);
}

const char *
kh_list_row_get_subtitle (KhListRow *self)
{
  KhListRowPrivate *priv;

  g_return_val_if_fail (KH_IS_LIST_ROW (self), NULL);

  priv = kh_list_row_get_instance_private (self);
  return gtk_label_get_text (priv->subtitle_label);
}

/* At most @lines lines, the last ellipsized; 0: as many as it takes. */
static void
set_lines (GtkLabel *label,
           int       lines)
{
  gtk_label_set_lines (label, lines);
  gtk_label_set_ellipsize (label, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

void
kh_list_row_set_title_lines (KhListRow *self,
                             int        lines)
{
  KhListRowPrivate *priv;

  g_return_if_fail (KH_IS_LIST_ROW (self));
  g_return_if_fail (lines >= 0);

  priv = kh_list_row_get_instance_private (self);
  set_lines (priv->title_label, lines);
}

void
kh_list_row_set_subtitle_lines (KhListRow *self,
                                int        lines)
{
  KhListRowPrivate *priv;

  g_return_if_fail (KH_IS_LIST_ROW (self));
  g_return_if_fail (lines >= 0);

  priv = kh_list_row_get_instance_private (self);
  set_lines (priv->subtitle_label, lines);
}

static void
add_to (GtkBox    *box,
        GtkWidget *widget)
{
  gtk_box_append (box, widget);
  gtk_widget_set_visible (GTK_WIDGET (box), TRUE);
}

void
kh_list_row_add_prefix (KhListRow *self,
                        GtkWidget *widget)
{
  KhListRowPrivate *priv;

  g_return_if_fail (KH_IS_LIST_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv = kh_list_row_get_instance_private (self);
  add_to (priv->prefixes, widget);
}

void
kh_list_row_add_suffix (KhListRow *self,
                        GtkWidget *widget)
{
  KhListRowPrivate *priv;

  g_return_if_fail (KH_IS_LIST_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv = kh_list_row_get_instance_private (self);
  add_to (priv->suffixes, widget);
}
