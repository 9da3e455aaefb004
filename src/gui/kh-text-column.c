/* kh-text-column.c — wrapping text that a row's box lays out cheaply
 *
 * A horizontal GtkBox asked for its height at a width (GTK 4.8's
 * gtk_box_layout_compute_opposite_size_for_size) first looks for the
 * smallest height at which its children's minimum widths fit: a binary
 * search over heights, and a wrapping label's width for a height is a
 * binary search of its own, each step shaping the text again with
 * Pango. Fifty Adwaita action rows with a task's long title took
 * 0.76–0.88 s of CPU to lay out, most of it in that search.
 *
 * This bin holds the wrapping labels of a row and gives as its width for
 * any height its plain minimum width (its longest word): the box's
 * first guess then fits, and its search ends at once. The height it
 * gets for the width the box gives it is the labels' own. The same rows
 * built with it: 0.11–0.15 s (docs/performance.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-text-column"

#include "config.h"

#include "kh-text-column.h"

struct _KhTextColumn
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (KhTextColumn, kh_text_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_text_column_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KhTextColumn *self = KH_TEXT_COLUMN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  /* The width for a height: the width whatever the height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
kh_text_column_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KhTextColumn *self = KH_TEXT_COLUMN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
kh_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kh_text_column_dispose (GObject *object)
{
  KhTextColumn *self = KH_TEXT_COLUMN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (kh_text_column_parent_class)->dispose (object);
}

static void
kh_text_column_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KhTextColumn *self = KH_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_text_column_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KhTextColumn *self = KH_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      kh_text_column_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_text_column_class_init (KhTextColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_text_column_dispose;
  object_class->get_property = kh_text_column_get_property;
  object_class->set_property = kh_text_column_set_property;

  widget_class->measure = kh_text_column_measure;
  widget_class->size_allocate = kh_text_column_size_allocate;
  widget_class->get_request_mode = kh_text_column_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "khtextcolumn");
}

static void
kh_text_column_init (KhTextColumn *self)
{
}

GtkWidget *
kh_text_column_new (void)
{
  return g_object_new (KH_TYPE_TEXT_COLUMN, NULL);
}

void
kh_text_column_set_child (KhTextColumn *self,
                          GtkWidget    *child)
{
  g_return_if_fail (KH_IS_TEXT_COLUMN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
kh_text_column_get_child (KhTextColumn *self)
{
  g_return_val_if_fail (KH_IS_TEXT_COLUMN (self), NULL);

  return self->child;
}
