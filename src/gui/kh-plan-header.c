/* kh-plan-header.c — the plan's header: year, title, signer, bases, opening
 *
 * Edits what kh_store_update_plan() and kh_store_set_plan_bases() save;
 * says "changed" or "bases-changed" when the clerk edits, never when the
 * page shows what the database holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-header"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kh-store.h"

#include "kh-plan-header.h"
#include "kh-plan-string-list.h"
#include "kh-plan-text.h"

struct _KhPlanHeader
{
  AdwBin             parent_instance;

  /* Template widgets */
  AdwActionRow      *year_row;
  GtkSpinButton     *year_spin;
  AdwComboRow       *signer_row;
  AdwComboRow       *authority_row;
  GtkFrame          *title_frame;
  GtkTextView       *title_view;
  KhPlanStringList  *bases_list;
  GtkTextView       *intro_view;

  /* Owned */
  GPtrArray         *signers;      /* KhSigner, as listed in signer_row after "not chosen" */
  KhAgency          *agency;

  guint              updating;
};

G_DEFINE_FINAL_TYPE (KhPlanHeader, kh_plan_header, ADW_TYPE_BIN)

enum {
  CHANGED,
  BASES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of authority_row's items. */
static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ." };

static char *
upper (const char *text)
{
  return g_utf8_strup (text ? text : "", -1);
}

static gboolean
is_deputy_title (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title ? title : "", -1);

  return g_str_has_prefix (folded, "phó ");
}

/* The head the signer signs for: the first signer who is not a deputy,
 * or the signer's own title without its “Phó”. */
static char *
head_title (const KhSigner *signer,
            GPtrArray      *signers)
{
  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      const KhSigner *other = signers->pdata[i];

      if (other->title != NULL && other->title[0] != '\0' && !is_deputy_title (other->title))
        return upper (other->title);
    }

  if (is_deputy_title (signer->title))
    return upper (strchr (signer->title, ' ') + 1);
  return upper (signer->title);
}

/* How the signature block will read, its lines joined by " / ":
 * “KT. CHỦ TỊCH / PHÓ CHỦ TỊCH”. NULL until a signer is chosen. */
char *
kh_plan_signature_preview (const char     *authority,
                           const KhSigner *signer,
                           GPtrArray      *signers,
                           const KhAgency *agency)
{
  g_autofree char *title = NULL;
  g_autofree char *head = NULL;
  g_autofree char *collective = NULL;

  if (signer == NULL)
    return NULL;

  title = upper (signer->title);
  head = head_title (signer, signers);
  collective = upper (agency && agency->collective_name && agency->collective_name[0]
                      ? agency->collective_name : "ỦY BAN NHÂN DÂN");

  if (authority == NULL || authority[0] == '\0')
    return g_steal_pointer (&title);
  if (g_str_equal (authority, "TM."))
    return g_strdup_printf ("TM. %s / %s", collective, title);
  if (g_str_equal (authority, "Q."))
    return g_strdup_printf ("Q. %s", head);
  return g_strdup_printf ("%s %s / %s", authority, head, title);
}

static const KhSigner *
selected_signer (KhPlanHeader *self)
{
  guint selected = adw_combo_row_get_selected (self->signer_row);

  if (self->signers == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->signers->len)
    return NULL;
  return self->signers->pdata[selected - 1];
}

static const char *
selected_authority (KhPlanHeader *self)
{
  guint selected = adw_combo_row_get_selected (self->authority_row);

  return selected < G_N_ELEMENTS (authorities) ? authorities[selected] : "";
}

static void
update_preview (KhPlanHeader *self)
{
  g_autofree char *preview = kh_plan_signature_preview (selected_authority (self),
                                                        selected_signer (self),
                                                        self->signers, self->agency);

  if (preview != NULL)
    {
      /* Translators: how the signature block will read, e.g. “Reads: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH” */
      g_autofree char *subtitle = g_strdup_printf (_("Reads: %s"), preview);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->authority_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->authority_row),
                                 _("Choose who signs to see how the signature will read"));
}

static void
emit_changed (KhPlanHeader *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_year_spin_value_changed_cb (KhPlanHeader  *self,
                               GtkSpinButton *spin)
{
  emit_changed (self);
}

static void
on_text_buffer_changed_cb (KhPlanHeader  *self,
                           GtkTextBuffer *buffer)
{
  emit_changed (self);
}

static void
on_combo_row_notify_selected_cb (KhPlanHeader *self,
                                 GParamSpec   *pspec,
                                 AdwComboRow  *row)
{
  update_preview (self);
  emit_changed (self);
}

static void
on_bases_list_changed_cb (KhPlanHeader     *self,
                          KhPlanStringList *list)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[BASES_CHANGED], 0);
}

static gboolean
same_signers (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const KhSigner *x = a->pdata[i], *y = b->pdata[i];

      if (x->id != y->id || g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->title, y->title) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
set_signers (KhPlanHeader *self,
             GPtrArray    *signers)
{
  g_autoptr(GtkStringList) model = NULL;

  if (same_signers (self->signers, signers))
    return;

  g_clear_pointer (&self->signers, g_ptr_array_unref);
  self->signers = g_ptr_array_new_with_free_func ((GDestroyNotify)kh_signer_free);
  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("Not chosen yet"));
  for (guint i = 0; signers != NULL && i < signers->len; i++)
    {
      const KhSigner *signer = signers->pdata[i];
      /* Translators: a signer in a list: “Lê Duy Bảo, Chủ tịch” */
      g_autofree char *label = g_strdup_printf (C_("signer name, title", "%s, %s"), signer->name, signer->title);

      g_ptr_array_add (self->signers, kh_signer_copy (signer));
      gtk_string_list_append (model, label);
    }

  adw_combo_row_set_model (self->signer_row, G_LIST_MODEL (model));
}

static void
kh_plan_header_dispose (GObject *object)
{
  KhPlanHeader *self = KH_PLAN_HEADER (object);

  g_clear_pointer (&self->signers, g_ptr_array_unref);
  g_clear_pointer (&self->agency, kh_agency_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_PLAN_HEADER);

  G_OBJECT_CLASS (kh_plan_header_parent_class)->dispose (object);
}

static void
kh_plan_header_class_init (KhPlanHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_header_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[BASES_CHANGED] = g_signal_new ("bases-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KH_TYPE_PLAN_STRING_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-plan-header.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, year_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, signer_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, authority_row);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, title_frame);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, title_view);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, bases_list);
  gtk_widget_class_bind_template_child (widget_class, KhPlanHeader, intro_view);
}

static void
kh_plan_header_init (KhPlanHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kh_plan_text_view_setup (self->title_view);
  kh_plan_text_view_setup (self->intro_view);
  set_signers (self, NULL);

  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (on_year_spin_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->title_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->intro_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signer_row, "notify::selected",
                           G_CALLBACK (on_combo_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->authority_row, "notify::selected",
                           G_CALLBACK (on_combo_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->bases_list, "changed",
                           G_CALLBACK (on_bases_list_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Shows the plan. fields: the header fields too (FALSE while they hold
 * unsaved edits); bases: the same for the legal bases. */
void
kh_plan_header_set_plan (KhPlanHeader   *self,
                         const KhPlan   *plan,
                         GPtrArray      *signers,
                         const KhAgency *agency,
                         gboolean        fields,
                         gboolean        bases)
{
  guint signer_index = 0;
  guint authority_index = 0;

  g_return_if_fail (KH_IS_PLAN_HEADER (self));
  g_return_if_fail (plan != NULL);

  self->updating++;

  g_clear_pointer (&self->agency, kh_agency_free);
  self->agency = agency ? kh_agency_copy (agency) : NULL;
  set_signers (self, signers);

  if (fields)
    {
      for (guint i = 0; i < self->signers->len; i++)
        if (((KhSigner *)self->signers->pdata[i])->id == plan->signer_id)
          signer_index = i + 1;
      for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
        if (g_strcmp0 (plan->authority, authorities[i]) == 0)
          authority_index = i;

      if ((int)gtk_spin_button_get_value (self->year_spin) != plan->year)
        gtk_spin_button_set_value (self->year_spin, plan->year);
      if (adw_combo_row_get_selected (self->signer_row) != signer_index)
        adw_combo_row_set_selected (self->signer_row, signer_index);
      if (adw_combo_row_get_selected (self->authority_row) != authority_index)
        adw_combo_row_set_selected (self->authority_row, authority_index);
      kh_plan_text_view_update (self->title_view, plan->title);
      kh_plan_text_view_update (self->intro_view, plan->intro);
    }

  if (bases)
    kh_plan_string_list_set_lines (self->bases_list, (const char * const *)plan->bases);

  update_preview (self);
  self->updating--;
}

/* Writes what the header shows into plan's header fields. */
void
kh_plan_header_fill_plan (KhPlanHeader *self,
                          KhPlan       *plan)
{
  const KhSigner *signer;

  g_return_if_fail (KH_IS_PLAN_HEADER (self));
  g_return_if_fail (plan != NULL);

  signer = selected_signer (self);
  plan->year = gtk_spin_button_get_value_as_int (self->year_spin);
  plan->signer_id = signer ? signer->id : 0;
  g_free (plan->authority);
  plan->authority = g_strdup (selected_authority (self));
  g_free (plan->title);
  plan->title = kh_plan_text_view_get_text (self->title_view);
  g_free (plan->intro);
  plan->intro = kh_plan_text_view_get_text (self->intro_view);
}

char **
kh_plan_header_get_bases (KhPlanHeader *self)
{
  g_return_val_if_fail (KH_IS_PLAN_HEADER (self), NULL);

  return kh_plan_string_list_get_lines (self->bases_list);
}

void
kh_plan_header_set_editable (KhPlanHeader *self,
                             gboolean      editable,
                             gboolean      year_editable)
{
  g_return_if_fail (KH_IS_PLAN_HEADER (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), editable && year_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signer_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->authority_row), editable);
  gtk_text_view_set_editable (self->title_view, editable);
  gtk_text_view_set_cursor_visible (self->title_view, editable);
  gtk_text_view_set_editable (self->intro_view, editable);
  gtk_text_view_set_cursor_visible (self->intro_view, editable);
  kh_plan_string_list_set_editable (self->bases_list, editable);
}

/* Marks the field core refused, or clears the marks (error NULL). */
void
kh_plan_header_show_error (KhPlanHeader *self,
                           const GError *error)
{
  gboolean year = FALSE, title = FALSE;

  g_return_if_fail (KH_IS_PLAN_HEADER (self));

  if (error != NULL && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS))
    year = TRUE;
  else if (error != NULL && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
    {
      g_autofree char *text = kh_plan_text_view_get_text (self->title_view);

      title = g_strstrip (text)[0] == '\0' || g_utf8_strlen (text, -1) > 1000;
    }

  if (year)
    gtk_widget_add_css_class (GTK_WIDGET (self->year_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->year_row), "error");
  if (title)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_frame), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_frame), "error");
}
