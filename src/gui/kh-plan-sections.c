/* kh-plan-sections.c — the parts and items of a plan, as numbered rows
 *
 * The rows sit in one vertical box, in document order, indented by
 * depth, each with the number kh_sections_foreach() gives it in the plan
 * as printed (so items typed under part IV count on from the generated
 * ones). Structural changes go to core at once and the page reloads;
 * rows are kept by section id and only moved with
 * gtk_box_reorder_child_after(), so a reload never costs a row its
 * focus, cursor or undo history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-sections"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-gtk-util.h"
#include "kh-part-four.h"

#include "kh-plan-sections.h"
#include "kh-section-row.h"
#include "kh-window.h"

struct _KhPlanSections
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkBox      *box;

  /* Owned */
  KhStore     *store;
  KhPlan      *plan;        /* as last shown: for the shape of the tree */
  GHashTable  *rows;        /* gint64 section id → KhSectionRow (the box owns it) */

  gint64       focus_id;    /* a new row to put the cursor in */
  gboolean     editable;
};

G_DEFINE_FINAL_TYPE (KhPlanSections, kh_plan_sections, ADW_TYPE_BIN)

enum {
  CHANGED,
  STRUCTURE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  KhPlanSections *self;
  KhStore        *store;
  gint64          plan_id;
  gint64          parent_id;
  int             position;
  KhSection      *section;
} Removed;

typedef struct
{
  GHashTable   *numbers;     /* gint64 id → number */
  GHashTable   *generated;   /* gint64 part id → GString */
  gint64        part_id;     /* the generated part being read, or 0 */
  guint         part_depth;
} Numbering;

typedef struct
{
  KhPlanSections *self;
  Numbering      *numbering;
  GHashTable     *seen;
  GtkWidget      *previous;
} Sync;

static void on_row_operation_cb (KhPlanSections *self,
                                 KhSectionOp     op,
                                 KhSectionRow   *row);

static void
removed_free (Removed *removed)
{
  g_object_unref (removed->self);
  g_object_unref (removed->store);
  kh_section_free (removed->section);
  g_free (removed);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
show_error (KhPlanSections *self,
            const GError   *error)
{
  if (!KH_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      g_warning ("%s", error->message);
      return;
    }

  kh_window_show_error_for (GTK_WIDGET (self), error);
}

static GPtrArray *
siblings_of (KhPlan          *plan,
             const KhSection *section)
{
  const KhSection *parent;

  if (section->parent_id == 0)
    return plan->sections;

  parent = kh_sections_find (plan->sections, section->parent_id);
  return parent ? parent->children : NULL;
}

static guint
height_of (const KhSection *section)
{
  guint height = 0;

  for (guint i = 0; i < section->children->len; i++)
    height = MAX (height, height_of (section->children->pdata[i]));

  return height + 1;
}

/* Numbers as the printed plan has them, and the text of the items that
 * part IV makes from the tasks. */
static void
numbering_cb (const KhSection *section,
              guint            depth,
              const char      *number,
              gpointer         user_data)
{
  Numbering *numbering = user_data;

  if (section->id != 0)
    g_hash_table_insert (numbering->numbers, id_key (section->id), g_strdup (number));

  if (kh_section_is_generated (section))
    {
      numbering->part_id = section->id;
      numbering->part_depth = depth;
      return;
    }
  if (depth <= numbering->part_depth)
    numbering->part_id = 0, numbering->part_depth = 0;

  if (numbering->part_id != 0 && section->id == 0)
    {
      GString *text = g_hash_table_lookup (numbering->generated, &numbering->part_id);
      g_auto(GStrv) lines = kh_section_split_body (section->body);

      if (text == NULL)
        {
          text = g_string_new (NULL);
          g_hash_table_insert (numbering->generated, id_key (numbering->part_id), text);
        }
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s %s", number, section->heading);
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (text, "\n%s", lines[i]);
    }
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
on_row_changed_cb (KhPlanSections *self,
                   KhSectionRow   *row)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static KhSectionRow *
ensure_row (KhPlanSections *self,
            gint64          id)
{
  KhSectionRow *row = g_hash_table_lookup (self->rows, &id);

  if (row != NULL)
    return row;

  row = KH_SECTION_ROW (kh_section_row_new (id));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "operation", G_CALLBACK (on_row_operation_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->box, GTK_WIDGET (row));
  g_hash_table_insert (self->rows, id_key (id), row);
  return row;
}

static void
sync_level (Sync      *sync,
            GPtrArray *sections,
            guint      depth)
{
  KhPlanSections *self = sync->self;

  for (guint i = 0; i < sections->len; i++)
    {
      const KhSection *section = sections->pdata[i];
      const KhSection *previous = i > 0 ? sections->pdata[i - 1] : NULL;
      KhSectionRow *row = ensure_row (self, section->id);
      const char *number = g_hash_table_lookup (sync->numbering->numbers, &section->id);
      GString *generated = g_hash_table_lookup (sync->numbering->generated, &section->id);
      KhSectionAbilities abilities = 0;

      if (depth < KH_SECTION_MAX_DEPTH)
        abilities |= KH_SECTION_CAN_ADD_CHILD;
      if (i > 0)
        abilities |= KH_SECTION_CAN_MOVE_UP;
      if (i + 1 < sections->len)
        abilities |= KH_SECTION_CAN_MOVE_DOWN;
      if (previous != NULL && !kh_section_is_generated (previous) &&
          depth + height_of (section) <= KH_SECTION_MAX_DEPTH)
        abilities |= KH_SECTION_CAN_INDENT;
      if (depth > 1)
        abilities |= KH_SECTION_CAN_OUTDENT;

      kh_section_row_update (row, section, depth, number ? number : "", abilities);
      kh_section_row_set_editable (row, self->editable);
      if (kh_section_is_generated (section))
        kh_section_row_set_generated_text (row, generated ? generated->str
                                                          : _("No tasks yet: add them on the Tasks page."));

      gtk_box_reorder_child_after (self->box, GTK_WIDGET (row), sync->previous);
      sync->previous = GTK_WIDGET (row);
      g_hash_table_add (sync->seen, row);

      sync_level (sync, section->children, depth + 1);
    }
}

/* Carrying out what a row asks */

static void
notify_structure (KhPlanSections *self,
                  gint64          focus_id)
{
  self->focus_id = focus_id;
  g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

static void
on_undo_toast_button_clicked_cb (AdwToast *toast,
                                 Removed  *removed)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_add_section (removed->store, removed->plan_id, removed->parent_id,
                             removed->position, removed->section, &error);
  if (id == 0)
    {
      show_error (removed->self, error);
      return;
    }

  notify_structure (removed->self, 0);
}

static void
remove_section (KhPlanSections *self,
                gint64          id)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  const KhSection *section;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KhSectionRow *row = g_hash_table_lookup (self->rows, &id);
  g_autofree char *title = NULL;
  Removed *removed;
  AdwToast *toast;

  /* What is removed is what core holds, the last keystrokes included. */
  if (!kh_plan_sections_save (self, &error) ||
      !(stored = kh_store_load_sections (self->store, self->plan->id, &error)))
    {
      show_error (self, error);
      return;
    }

  if (!(section = kh_sections_find (stored, id)))
    return;

  removed = g_new0 (Removed, 1);
  removed->self = g_object_ref (self);
  removed->store = g_object_ref (self->store);
  removed->plan_id = self->plan->id;
  removed->parent_id = section->parent_id;
  removed->position = section->position;
  removed->section = kh_section_copy (section);

  if (!kh_store_remove_section (self->store, id, &error))
    {
      if (row != NULL)
        kh_section_row_set_error (row, TRUE);
      show_error (self, error);
      removed_free (removed);
      return;
    }

  /* Translators: a toast after a part or item was removed; %s is its number, e.g. “2.1.” */
  title = g_strdup_printf (_("Item %s removed"), row ? kh_section_row_get_number (row) : "");
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_undo_toast_button_clicked_cb),
                         removed, (GClosureNotify)(void (*)(void))removed_free, 0);
  if (KH_IS_WINDOW (root))
    kh_window_add_toast (KH_WINDOW (root), toast);
  else
    g_object_unref (toast);

  notify_structure (self, 0);
}

static void
on_confirm_response_cb (KhPlanSections   *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "section-id");

  if (g_strcmp0 (response, "remove") == 0 && id != NULL)
    remove_section (self, *id);
}

/* Asks first when the item holds text or other items; an empty one goes
 * at once (with an undo toast either way). */
static void
ask_remove (KhPlanSections  *self,
            KhSectionRow    *row,
            const KhSection *section)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint inside = kh_sections_count (section->children);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = kh_section_row_get_heading (row);
  GtkWidget *dialog;

  if (!kh_section_row_has_text (row) && inside == 0)
    {
      remove_section (self, section->id);
      return;
    }

  /* Translators: the title of a dialog; %s is the number of a part or item, e.g. “2.1.” */
  heading = g_strdup_printf (_("Remove Item %s?"), kh_section_row_get_number (row));
  if (inside > 0)
    body = g_strdup_printf (ngettext ("“%s”, its text and %u item inside it will be removed.",
                                      "“%s”, its text and %u items inside it will be removed.",
                                      inside),
                            g_strstrip (name), inside);
  else
    body = g_strdup_printf (_("“%s” and its text will be removed."), g_strstrip (name));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "section-id", id_key (section->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_operation_cb (KhPlanSections *self,
                     KhSectionOp     op,
                     KhSectionRow   *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSection) blank = NULL;
  g_autoptr(KhSectionRow) hold = g_object_ref (row);
  gint64 id = kh_section_row_get_section_id (row);
  const KhSection *section;
  GPtrArray *siblings;
  gint64 focus_id = 0;
  gboolean done = FALSE;

  if (op == KH_SECTION_OP_EDIT_TASKS)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (KH_IS_WINDOW (root))
        kh_window_show_view (KH_WINDOW (root), "tasks");
      return;
    }

  if (self->plan == NULL || !self->editable ||
      !(section = kh_sections_find (self->plan->sections, id)) ||
      !(siblings = siblings_of (self->plan, section)))
    return;

  if (op == KH_SECTION_OP_REMOVE)
    {
      ask_remove (self, row, section);
      return;
    }

  /* Core first gets the text typed so far. */
  if (!kh_plan_sections_save (self, &error))
    {
      show_error (self, error);
      return;
    }

  switch (op)
    {
    case KH_SECTION_OP_ADD_AFTER:
    case KH_SECTION_OP_ADD_CHILD:
      blank = kh_section_new ("", "");
      focus_id = op == KH_SECTION_OP_ADD_AFTER
        ? kh_store_add_section (self->store, self->plan->id, section->parent_id,
                                section->position + 1, blank, &error)
        : kh_store_add_section (self->store, self->plan->id, section->id, -1, blank, &error);
      done = focus_id != 0;
      break;

    case KH_SECTION_OP_MOVE_UP:
    case KH_SECTION_OP_MOVE_DOWN:
      done = kh_store_move_section (self->store, id, section->parent_id,
                                    section->position + (op == KH_SECTION_OP_MOVE_UP ? -1 : 1),
                                    &error);
      break;

    case KH_SECTION_OP_INDENT:
      if (section->position < 1)
        return;
      done = kh_store_move_section (self->store, id,
                                    ((KhSection *)siblings->pdata[section->position - 1])->id,
                                    -1, &error);
      break;

    case KH_SECTION_OP_OUTDENT:
      {
        const KhSection *parent = kh_sections_find (self->plan->sections, section->parent_id);

        if (parent == NULL)
          return;
        done = kh_store_move_section (self->store, id, parent->parent_id,
                                      parent->position + 1, &error);
      }
      break;

    case KH_SECTION_OP_REMOVE:
    case KH_SECTION_OP_EDIT_TASKS:
    default:
      g_return_if_reached ();
    }

  if (!done)
    {
      kh_section_row_set_error (row, TRUE);
      show_error (self, error);
      return;
    }

  notify_structure (self, focus_id);
}

/* Overrides */

static void
kh_plan_sections_dispose (GObject *object)
{
  KhPlanSections *self = KH_PLAN_SECTIONS (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->plan, kh_plan_free);
  g_clear_object (&self->store);
  /* The bin's child is a template child: unparented before the
   * template drops it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_SECTIONS);

  G_OBJECT_CLASS (kh_plan_sections_parent_class)->dispose (object);
}

static void
kh_plan_sections_class_init (KhPlanSectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_sections_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STRUCTURE_CHANGED] = g_signal_new ("structure-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-sections.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanSections, box);
}

static void
kh_plan_sections_init (KhPlanSections *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->editable = TRUE;
}

/* Public API */

/* Shows the plan's sections; rows that hold unsaved text keep it. */
void
kh_plan_sections_show (KhPlanSections *self,
                       KhStore        *store,
                       const KhPlan   *plan,
                       gboolean        editable)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) generated = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, string_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(KhPlan) document = NULL;
  g_autoptr(GError) error = NULL;
  Numbering numbering = { numbers, generated, 0, 0 };
  Sync sync = { self, &numbering, seen, NULL };
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (KH_IS_PLAN_SECTIONS (self));
  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (plan != NULL);

  if (self->plan != NULL && self->plan->id != plan->id)
    kh_plan_sections_clear (self);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->plan, kh_plan_free);
  self->plan = kh_plan_copy (plan);
  self->editable = !!editable;

  /* Numbered as printed: part IV's generated items come first. */
  document = kh_store_load_plan_for_document (store, plan->id, &error);
  if (document == NULL)
    g_debug ("Part IV could not be made: %s", error->message);
  kh_sections_foreach (document ? document->sections : self->plan->sections,
                       KH_NUMBERING_DEFAULT, numbering_cb, &numbering);

  sync_level (&sync, self->plan->sections, 1);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (!g_hash_table_contains (seen, row))
      {
        gtk_box_remove (self->box, row);
        g_hash_table_iter_remove (&iter);
      }

  if (self->focus_id != 0)
    {
      KhSectionRow *focus = g_hash_table_lookup (self->rows, &self->focus_id);

      self->focus_id = 0;
      if (focus != NULL)
        kh_section_row_focus_heading (focus);
    }
}

void
kh_plan_sections_clear (KhPlanSections *self)
{
  GtkWidget *child;

  g_return_if_fail (KH_IS_PLAN_SECTIONS (self));

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
  g_clear_pointer (&self->plan, kh_plan_free);
}

gboolean
kh_plan_sections_is_dirty (KhPlanSections *self)
{
  GHashTableIter iter;
  gpointer row;

  g_return_val_if_fail (KH_IS_PLAN_SECTIONS (self), FALSE);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (kh_section_row_is_dirty (row))
      return TRUE;

  return FALSE;
}

/* Saves the text of every row edited since it was last saved. */
gboolean
kh_plan_sections_save (KhPlanSections  *self,
                       GError         **error)
{
  GHashTableIter iter;
  gpointer row;
  gboolean ok = TRUE;

  g_return_val_if_fail (KH_IS_PLAN_SECTIONS (self), FALSE);

  if (self->store == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!kh_section_row_is_dirty (row))
        continue;

      heading = kh_section_row_get_heading (row);
      body = kh_section_row_get_body (row);
      if (kh_store_update_section (self->store, kh_section_row_get_section_id (row),
                                   heading, body, &local_error))
        {
          kh_section_row_mark_saved (row);
          continue;
        }

      kh_section_row_set_error (row, TRUE);
      if (ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  return ok;
}

/* A new part at the end, before part IV when that comes last. */
void
kh_plan_sections_add_part (KhPlanSections *self)
{
  g_autoptr(KhSection) blank = kh_section_new ("", "");
  g_autoptr(GError) error = NULL;
  GPtrArray *parts;
  int index = -1;
  gint64 id;

  g_return_if_fail (KH_IS_PLAN_SECTIONS (self));

  if (self->plan == NULL || self->store == NULL)
    return;

  parts = self->plan->sections;
  if (parts->len > 0 && kh_section_is_generated (parts->pdata[parts->len - 1]))
    index = (int)parts->len - 1;

  if (!kh_plan_sections_save (self, &error) ||
      !(id = kh_store_add_section (self->store, self->plan->id, 0, index, blank, &error)))
    {
      show_error (self, error);
      return;
    }

  notify_structure (self, id);
}
