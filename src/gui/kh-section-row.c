/* kh-section-row.c — one part or item of the plan's text
 *
 * A row shows its automatic number, its heading and its body, indented
 * by its depth. It edits text only: what it is asked to do to the tree
 * (add, move, nest, remove) it passes on as an "operation" for the page
 * to carry out through core. It remembers whether its text changed
 * since it was last saved ("dirty"), and a reload never overwrites a
 * dirty row or one being typed in.
 *
 * Part IV (generated = "tasks") edits its heading and opening paragraph
 * here; what follows is made from the tasks and shown read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-section-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-gtk-util.h"
#include "kh-plan-text.h"
#include "kh-section-row.h"

#define INDENT_PX 28

struct _KhSectionRow
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkBox             *box;
  GtkLabel           *number_label;
  GtkEntry           *heading_entry;
  GtkButton          *up_button;
  GtkButton          *down_button;
  GtkMenuButton      *menu_button;
  GtkFrame           *body_frame;
  GtkTextView        *body_view;
  GtkLabel           *hint_label;
  GtkBox             *generated_box;
  GtkLabel           *generated_label;

  /* Owned */
  char               *number;

  gint64              section_id;
  KhSectionAbilities  abilities;
  gboolean            editable;
  gboolean            generated;
  gboolean            dirty;
  guint               updating;
};

G_DEFINE_FINAL_TYPE (KhSectionRow, kh_section_row, ADW_TYPE_BIN)

enum {
  CHANGED,
  OPERATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (KhSectionRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->editable;

  gtk_widget_action_set_enabled (widget, "section.add-after", editable);
  gtk_widget_action_set_enabled (widget, "section.add-child",
                                 editable && (self->abilities & KH_SECTION_CAN_ADD_CHILD));
  gtk_widget_action_set_enabled (widget, "section.move-up",
                                 editable && (self->abilities & KH_SECTION_CAN_MOVE_UP));
  gtk_widget_action_set_enabled (widget, "section.move-down",
                                 editable && (self->abilities & KH_SECTION_CAN_MOVE_DOWN));
  gtk_widget_action_set_enabled (widget, "section.indent",
                                 editable && (self->abilities & KH_SECTION_CAN_INDENT));
  gtk_widget_action_set_enabled (widget, "section.outdent",
                                 editable && (self->abilities & KH_SECTION_CAN_OUTDENT));
  gtk_widget_action_set_enabled (widget, "section.remove", editable);

  gtk_widget_set_visible (GTK_WIDGET (self->up_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->down_button), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), editable);
}

static void
text_changed (KhSectionRow *self)
{
  if (self->updating > 0)
    return;

  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_heading_entry_changed_cb (KhSectionRow *self,
                             GtkEditable  *editable)
{
  text_changed (self);
}

static void
on_body_buffer_changed_cb (KhSectionRow  *self,
                           GtkTextBuffer *buffer)
{
  text_changed (self);
}

/* The hint on bullets shows while the clerk types the text. */
static void
on_body_focus_enter_cb (KhSectionRow             *self,
                        GtkEventControllerFocus *controller)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->editable);
}

static void
on_body_focus_leave_cb (KhSectionRow             *self,
                        GtkEventControllerFocus *controller)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
}

/* Enter in the heading goes on to the text below it. */
static void
on_heading_entry_activate_cb (KhSectionRow *self,
                              GtkEntry     *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
operation_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const struct { const char *name; KhSectionOp op; } ops[] = {
    { "section.add-child", KH_SECTION_OP_ADD_CHILD },
    { "section.add-after", KH_SECTION_OP_ADD_AFTER },
    { "section.move-up", KH_SECTION_OP_MOVE_UP },
    { "section.move-down", KH_SECTION_OP_MOVE_DOWN },
    { "section.indent", KH_SECTION_OP_INDENT },
    { "section.outdent", KH_SECTION_OP_OUTDENT },
    { "section.remove", KH_SECTION_OP_REMOVE },
    { "section.edit-tasks", KH_SECTION_OP_EDIT_TASKS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_equal (action_name, ops[i].name))
      g_signal_emit (widget, signals[OPERATION], 0, ops[i].op);
}

static void
kh_section_row_dispose (GObject *object)
{
  /* The bin's child is a template child: unparented before the
   * template drops it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_SECTION_ROW);

  G_OBJECT_CLASS (kh_section_row_parent_class)->dispose (object);
}

static void
kh_section_row_finalize (GObject *object)
{
  KhSectionRow *self = KH_SECTION_ROW (object);

  g_free (self->number);

  G_OBJECT_CLASS (kh_section_row_parent_class)->finalize (object);
}

static void
kh_section_row_class_init (KhSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char * const actions[] = {
    "section.add-child", "section.add-after", "section.move-up", "section.move-down",
    "section.indent", "section.outdent", "section.remove", "section.edit-tasks",
  };

  object_class->dispose = kh_section_row_dispose;
  object_class->finalize = kh_section_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPERATION] = g_signal_new ("operation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, box);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, heading_entry);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, body_frame);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, body_view);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, generated_box);
  gtk_widget_class_bind_template_child (widget_class, KhSectionRow, generated_label);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, operation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "section.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "section.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "section.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "section.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "section.add-after", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "section.add-child", NULL);
}

static void
kh_section_row_init (KhSectionRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Here rather than in the template: see kh_widget_set_tooltip_quietly(). */
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->up_button), _("Move Up (Alt+↑)"));
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->down_button), _("Move Down (Alt+↓)"));
  kh_widget_set_tooltip_quietly (GTK_WIDGET (self->menu_button), _("More for This Item"));

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_body_focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_body_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);

  self->editable = TRUE;
  buffer = gtk_text_view_get_buffer (self->body_view);
  kh_plan_text_view_setup (self->body_view);
  kh_plan_watch_legacy_paste (GTK_WIDGET (self->heading_entry));

  g_signal_connect_object (self->heading_entry, "changed",
                           G_CALLBACK (on_heading_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heading_entry, "activate",
                           G_CALLBACK (on_heading_entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (on_body_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

GtkWidget *
kh_section_row_new (gint64 section_id)
{
  KhSectionRow *self = g_object_new (KH_TYPE_SECTION_ROW, NULL);

  self->section_id = section_id;
  return GTK_WIDGET (self);
}

gint64
kh_section_row_get_section_id (KhSectionRow *self)
{
  g_return_val_if_fail (KH_IS_SECTION_ROW (self), 0);

  return self->section_id;
}

/* Shows the section where it now stands in the tree. Its text is left
 * alone while it holds unsaved edits or the clerk is typing in it. */
void
kh_section_row_update (KhSectionRow       *self,
                       const KhSection    *section,
                       guint               depth,
                       const char         *number,
                       KhSectionAbilities  abilities)
{
  g_autofree char *accessible = NULL;

  g_return_if_fail (KH_IS_SECTION_ROW (self));
  g_return_if_fail (section != NULL && section->id == self->section_id);

  if (g_strcmp0 (self->number, number) != 0)
    {
      g_free (self->number);
      self->number = g_strdup (number);
      gtk_label_set_text (self->number_label, number);
    }

  gtk_widget_set_margin_start (GTK_WIDGET (self), INDENT_PX * (int)(depth > 0 ? depth - 1 : 0));
  if (depth <= 1)
    gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "title-4");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->number_label), "title-4");

  /* Translators: the accessible name of a part or item's heading, e.g. “Heading of 2.1.” */
  accessible = g_strdup_printf (_("Heading of %s"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  /* Translators: the accessible name of a part or item's text, e.g. “Text of 2.1.” */
  accessible = g_strdup_printf (_("Text of %s"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  self->generated = kh_section_is_generated (section);
  gtk_widget_set_visible (GTK_WIDGET (self->generated_box), self->generated);

  if (!self->dirty)
    {
      self->updating++;
      kh_plan_editable_update (GTK_EDITABLE (self->heading_entry), section->heading);
      kh_plan_text_view_update (self->body_view, section->body);
      self->updating--;
    }

  self->abilities = abilities;
  update_actions (self);
}

void
kh_section_row_set_generated_text (KhSectionRow *self,
                                   const char   *text)
{
  g_return_if_fail (KH_IS_SECTION_ROW (self));

  if (g_strcmp0 (gtk_label_get_text (self->generated_label), text ? text : "") != 0)
    gtk_label_set_text (self->generated_label, text ? text : "");
}

void
kh_section_row_set_editable (KhSectionRow *self,
                             gboolean      editable)
{
  g_return_if_fail (KH_IS_SECTION_ROW (self));

  self->editable = !!editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->heading_entry), self->editable);
  gtk_text_view_set_editable (self->body_view, self->editable);
  gtk_text_view_set_cursor_visible (self->body_view, self->editable);
  if (!self->editable)
    gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  update_actions (self);
}

gboolean
kh_section_row_is_dirty (KhSectionRow *self)
{
  g_return_val_if_fail (KH_IS_SECTION_ROW (self), FALSE);

  return self->dirty;
}

void
kh_section_row_mark_saved (KhSectionRow *self)
{
  g_return_if_fail (KH_IS_SECTION_ROW (self));

  self->dirty = FALSE;
  kh_section_row_set_error (self, FALSE);
}

void
kh_section_row_set_error (KhSectionRow *self,
                          gboolean      error)
{
  g_return_if_fail (KH_IS_SECTION_ROW (self));

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->heading_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->heading_entry), "error");
}

char *
kh_section_row_get_heading (KhSectionRow *self)
{
  g_return_val_if_fail (KH_IS_SECTION_ROW (self), NULL);

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->heading_entry)));
}

char *
kh_section_row_get_body (KhSectionRow *self)
{
  g_return_val_if_fail (KH_IS_SECTION_ROW (self), NULL);

  return kh_plan_text_view_get_text (self->body_view);
}

const char *
kh_section_row_get_number (KhSectionRow *self)
{
  g_return_val_if_fail (KH_IS_SECTION_ROW (self), NULL);

  return self->number;
}

gboolean
kh_section_row_has_text (KhSectionRow *self)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (KH_IS_SECTION_ROW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->body_view);
  return gtk_entry_get_text_length (self->heading_entry) > 0 ||
         gtk_text_buffer_get_char_count (buffer) > 0;
}

void
kh_section_row_focus_heading (KhSectionRow *self)
{
  g_return_if_fail (KH_IS_SECTION_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->heading_entry));
}
