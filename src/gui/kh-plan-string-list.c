/* kh-plan-string-list.c — an ordered list of lines: legal bases, recipients
 *
 * Each line is an AdwEntryRow, edited in place; rows move up and down
 * and are removed with an undo toast. Enter in a row starts the next
 * line. The list says "changed" on every edit; the page saves it.
 *
 * Lines are shown bare, as core stores them: no “Căn cứ ”, no “- ”,
 * no final “;” — the document adds those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-string-list"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-gtk-util.h"
#include "kh-plan-string-list.h"
#include "kh-plan-text.h"
#include "kh-window.h"

struct _KhPlanStringList
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkButton           *add_button;
  GtkListBox          *list_box;
  GtkLabel            *hint_label;

  /* Owned */
  char                *item_title;
  char                *add_label;
  char                *empty_text;

  gboolean             expect_archive;
  gboolean             editable;
  guint                updating;
};

G_DEFINE_FINAL_TYPE (KhPlanStringList, kh_plan_string_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ITEM_TITLE,
  PROP_ADD_LABEL,
  PROP_EMPTY_TEXT,
  PROP_EXPECT_ARCHIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  KhPlanStringList *self;
  guint             index;
  char             *text;
} Removed;

static void add_row (KhPlanStringList *self,
                     int               index,
                     const char       *text);

static void
removed_free (Removed *removed)
{
  g_object_unref (removed->self);
  g_free (removed->text);
  g_free (removed);
}

static guint
count_rows (KhPlanStringList *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->list_box, (int)n) != NULL)
    n++;
  return n;
}

static gboolean
is_archive_line (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *start = folded;

  while (*start == '-' || *start == ' ')
    start++;
  return g_str_has_prefix (start, "lưu");
}

static void
update_rows (KhPlanStringList *self)
{
  guint n = count_rows (self);
  GtkListBoxRow *last = n > 0 ? gtk_list_box_get_row_at_index (self->list_box, (int)n - 1) : NULL;
  gboolean hint;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, (int)i));
      g_autofree char *title = g_strdup_printf ("%s %u", self->item_title ? self->item_title : "", i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down"), i + 1 < n);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "up"), self->editable);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "down"), self->editable);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "remove"), self->editable);
      gtk_editable_set_editable (GTK_EDITABLE (row), self->editable);
    }

  hint = self->expect_archive && self->editable &&
         (last == NULL || !is_archive_line (gtk_editable_get_text (GTK_EDITABLE (last))));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint);
}

static void
emit_changed (KhPlanStringList *self)
{
  update_rows (self);
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_row_changed_cb (KhPlanStringList *self,
                   GtkEditable      *row)
{
  emit_changed (self);
}

/* Enter starts the next line, as in a word processor's list. */
static void
on_row_entry_activated_cb (KhPlanStringList *self,
                           AdwEntryRow      *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (self->editable)
    kh_plan_string_list_add_line (self, index + 1, "");
}

static void
move_row (KhPlanStringList *self,
          GtkWidget        *row,
          int               delta,
          GtkWidget        *button)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int target = index + delta;

  if (index < 0 || target < 0 || target >= (int)count_rows (self))
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->list_box, row);
  gtk_list_box_insert (self->list_box, row, target);
  g_object_unref (row);

  emit_changed (self);

  /* Moving took the row out of the window for a moment. */
  if (gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (row);
}

static void
on_up_clicked_cb (GtkButton *button,
                  GtkWidget *row)
{
  KhPlanStringList *self = g_object_get_data (G_OBJECT (row), "list");

  move_row (self, row, -1, GTK_WIDGET (button));
}

static void
on_down_clicked_cb (GtkButton *button,
                    GtkWidget *row)
{
  KhPlanStringList *self = g_object_get_data (G_OBJECT (row), "list");

  move_row (self, row, 1, GTK_WIDGET (button));
}

static void
on_undo_toast_button_clicked_cb (AdwToast *toast,
                                 Removed  *removed)
{
  kh_plan_string_list_add_line (removed->self, (int)removed->index, removed->text);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      GtkWidget *row)
{
  KhPlanStringList *self = g_object_get_data (G_OBJECT (row), "list");
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (index >= 0)
    kh_plan_string_list_remove_line (self, (guint)index);
}

static void
add_row (KhPlanStringList *self,
         int               index,
         const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *up = kh_icon_button_new ("go-up-symbolic", _("Move Up"), NULL);
  GtkWidget *down = kh_icon_button_new ("go-down-symbolic", _("Move Down"), NULL);
  GtkWidget *remove = kh_icon_button_new ("user-trash-symbolic", _("Remove"), NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  kh_plan_watch_legacy_paste (row);

  g_object_set_data (G_OBJECT (row), "list", self);
  g_object_set_data (G_OBJECT (row), "up", up);
  g_object_set_data (G_OBJECT (row), "down", down);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_row_entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked_cb), row);
  g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), row);

  gtk_list_box_insert (self->list_box, row, index);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KhPlanStringList *self = KH_PLAN_STRING_LIST (widget);

  kh_plan_string_list_add_line (self, -1, "");
}

static void
kh_plan_string_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KhPlanStringList *self = KH_PLAN_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TITLE:
      g_value_set_string (value, self->item_title);
      break;
    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, self->empty_text);
      break;
    case PROP_EXPECT_ARCHIVE:
      g_value_set_boolean (value, self->expect_archive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_string_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KhPlanStringList *self = KH_PLAN_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TITLE:
      g_free (self->item_title);
      self->item_title = g_value_dup_string (value);
      update_rows (self);
      break;
    case PROP_ADD_LABEL:
      g_free (self->add_label);
      self->add_label = g_value_dup_string (value);
      kh_widget_set_tooltip_quietly (GTK_WIDGET (self->add_button), self->add_label);
      kh_widget_set_accessible_label (GTK_WIDGET (self->add_button), self->add_label ? self->add_label : "");
      break;
    case PROP_EMPTY_TEXT:
      g_free (self->empty_text);
      self->empty_text = g_value_dup_string (value);
      gtk_list_box_set_placeholder (self->list_box, kh_placeholder_new (self->empty_text ? self->empty_text : ""));
      break;
    case PROP_EXPECT_ARCHIVE:
      self->expect_archive = g_value_get_boolean (value);
      update_rows (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_plan_string_list_dispose (GObject *object)
{
  /* A template child given as a property: taken back before the
   * template drops it. */
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_STRING_LIST);

  G_OBJECT_CLASS (kh_plan_string_list_parent_class)->dispose (object);
}

static void
kh_plan_string_list_finalize (GObject *object)
{
  KhPlanStringList *self = KH_PLAN_STRING_LIST (object);

  g_free (self->item_title);
  g_free (self->add_label);
  g_free (self->empty_text);

  G_OBJECT_CLASS (kh_plan_string_list_parent_class)->finalize (object);
}

static void
kh_plan_string_list_class_init (KhPlanStringListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kh_plan_string_list_get_property;
  object_class->set_property = kh_plan_string_list_set_property;
  object_class->dispose = kh_plan_string_list_dispose;
  object_class->finalize = kh_plan_string_list_finalize;

  properties[PROP_ITEM_TITLE] =
    g_param_spec_string ("item-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADD_LABEL] =
    g_param_spec_string ("add-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPECT_ARCHIVE] =
    g_param_spec_boolean ("expect-archive", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-string-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanStringList, add_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStringList, list_box);
  gtk_widget_class_bind_template_child (widget_class, KhPlanStringList, hint_label);

  gtk_widget_class_install_action (widget_class, "string-list.add", NULL, add_action);
}

static void
kh_plan_string_list_init (KhPlanStringList *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows the lines, unless the list shows them already or the clerk is
 * typing in it. */
void
kh_plan_string_list_set_lines (KhPlanStringList   *self,
                               const char * const *lines)
{
  g_auto(GStrv) current = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (KH_IS_PLAN_STRING_LIST (self));

  current = kh_plan_string_list_get_lines (self);
  if (g_strv_equal ((const char * const *)current, lines ? lines : (const char * const[]){ NULL }) ||
      has_focus_within (GTK_WIDGET (self->list_box)))
    return;

  self->updating++;
  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    add_row (self, -1, lines[i]);
  update_rows (self);
  self->updating--;
}

char **
kh_plan_string_list_get_lines (KhPlanStringList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_return_val_if_fail (KH_IS_PLAN_STRING_LIST (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)); i++)
    g_strv_builder_add (builder, gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_strv_builder_end (builder);
}

void
kh_plan_string_list_set_editable (KhPlanStringList *self,
                                  gboolean          editable)
{
  g_return_if_fail (KH_IS_PLAN_STRING_LIST (self));

  self->editable = !!editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "string-list.add", self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), self->editable);
  update_rows (self);
}

/* Inserts a line at index (-1: at the end) and puts the cursor in it. */
void
kh_plan_string_list_add_line (KhPlanStringList *self,
                              int               index,
                              const char       *text)
{
  GtkListBoxRow *row;

  g_return_if_fail (KH_IS_PLAN_STRING_LIST (self));

  if (index < 0 || index > (int)count_rows (self))
    index = (int)count_rows (self);

  add_row (self, index, text);
  row = gtk_list_box_get_row_at_index (self->list_box, index);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  emit_changed (self);
}

/* Removes a line; a toast offers it back. */
void
kh_plan_string_list_remove_line (KhPlanStringList *self,
                                 guint             index)
{
  GtkListBoxRow *row;
  GtkRoot *root;
  Removed *removed;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (KH_IS_PLAN_STRING_LIST (self));

  row = gtk_list_box_get_row_at_index (self->list_box, (int)index);
  if (row == NULL)
    return;

  removed = g_new0 (Removed, 1);
  removed->self = g_object_ref (self);
  removed->index = index;
  removed->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  emit_changed (self);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!KH_IS_WINDOW (root) || removed->text[0] == '\0')
    {
      removed_free (removed);
      return;
    }

  /* Translators: a toast after a line of a list (a legal basis, a recipient) was removed */
  title = g_strdup_printf (_("“%s” removed"), removed->text);
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_undo_toast_button_clicked_cb),
                         removed, (GClosureNotify)(void (*)(void))removed_free, 0);
  kh_window_add_toast (KH_WINDOW (root), toast);
}
