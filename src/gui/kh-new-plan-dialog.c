/* kh-new-plan-dialog.c — makes the plan of a year: from an earlier plan, a template, or blank
 *
 * The clerk picks the year (the one after the newest plan) and how to
 * start: copying an earlier plan (the usual way, preselected when there
 * is one), a template, or a blank plan. When the year has its plan
 * already, the dialog says so and asks a revision name, pre-filled with
 * core's suggestion (“Điều chỉnh lần 1”). Core refuses what is wrong;
 * its message stays under the fields and nothing typed is lost.
 *
 * On success the window shows the new plan's text; template tasks that
 * no department could take are listed for the clerk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-new-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-gtk-util.h"
#include "kh-plan.h"
#include "kh-plan-copy.h"
#include "kh-plan-new.h"
#include "kh-template.h"

#include "kh-new-plan-dialog.h"

typedef enum
{
  START_COPY,
  START_TEMPLATE,
  START_BLANK,
} Start;

struct _KhNewPlanDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *create_button;
  GtkSpinButton       *year_spin;
  AdwActionRow        *copy_row;
  GtkCheckButton      *copy_check;
  AdwComboRow         *source_row;
  AdwActionRow        *template_row;
  GtkCheckButton      *template_check;
  AdwComboRow         *template_combo_row;
  GtkCheckButton      *blank_check;
  AdwPreferencesGroup *revision_group;
  AdwEntryRow         *revision_row;
  AdwPreferencesGroup *error_group;
  GtkLabel            *error_label;

  /* Borrowed */
  KhWindow            *window;          /* weak */
  KhApplication       *application;

  /* Owned */
  KhStore             *store;
  GPtrArray           *plans;           /* KhPlan headers, newest first */
  GPtrArray           *templates;       /* KhTemplate */
  GtkStringList       *template_names;  /* for the chosen year */
  char                *suggestion;      /* what the revision row was filled with */
};

G_DEFINE_FINAL_TYPE (KhNewPlanDialog, kh_new_plan_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static char *
plan_label (const KhPlan *plan)
{
  if (plan->revision[0] != '\0')
    /* Translators: the plan of a year and its revision name */
    return g_strdup_printf (_("Plan %d (%s)"), plan->year, plan->revision);
  return g_strdup_printf (_("Plan %d"), plan->year);
}

static void
show_error (KhNewPlanDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

static Start
get_start (KhNewPlanDialog *self)
{
  if (gtk_check_button_get_active (self->copy_check))
    return START_COPY;
  if (gtk_check_button_get_active (self->template_check))
    return START_TEMPLATE;
  return START_BLANK;
}

static int
get_year (KhNewPlanDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static const KhPlan *
get_source_plan (KhNewPlanDialog *self)
{
  guint i = adw_combo_row_get_selected (self->source_row);

  return i < self->plans->len ? g_ptr_array_index (self->plans, i) : NULL;
}

static const KhTemplate *
get_template (KhNewPlanDialog *self)
{
  guint i = adw_combo_row_get_selected (self->template_combo_row);

  return i < self->templates->len ? g_ptr_array_index (self->templates, i) : NULL;
}

/* The kind of plan the choice makes: a second plan of a kind for a year
 * is a revision. */
static const char *
get_kind (KhNewPlanDialog *self)
{
  const KhPlan *plan = get_source_plan (self);
  const KhTemplate *tmpl = get_template (self);

  switch (get_start (self))
    {
    case START_COPY:
      return plan != NULL ? plan->kind : KH_PLAN_KIND_CCHC;
    case START_TEMPLATE:
      return tmpl != NULL ? tmpl->kind : KH_PLAN_KIND_CCHC;
    case START_BLANK:
    default:
      return KH_PLAN_KIND_CCHC;
    }
}

static const KhPlan *
find_plan (KhNewPlanDialog *self,
           gint64           id)
{
  for (guint i = 0; i < self->plans->len; i++)
    if (((KhPlan *)g_ptr_array_index (self->plans, i))->id == id)
      return g_ptr_array_index (self->plans, i);
  return NULL;
}

/* The templates' names with the chosen year in them. */
static void
update_template_names (KhNewPlanDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint selected = adw_combo_row_get_selected (self->template_combo_row);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->template_names));

  for (guint i = 0; i < self->templates->len; i++)
    {
      g_autofree char *name = kh_template_display_name (g_ptr_array_index (self->templates, i),
                                                        get_year (self));
      g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);

  gtk_string_list_splice (self->template_names, 0, n_items, (const char * const *)names);
  if (selected < self->templates->len)
    adw_combo_row_set_selected (self->template_combo_row, selected);
}

/* Shows the revision name when the year has its plan already. */
static void
update_revision (KhNewPlanDialog *self)
{
  int year = get_year (self);
  const char *kind = get_kind (self);
  gint64 existing_id = kh_store_find_plan (self->store, year, kind, "");
  const KhPlan *existing = find_plan (self, existing_id);
  g_autofree char *suggestion = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;   /* the description is markup */
  gboolean was_visible = gtk_widget_get_visible (GTK_WIDGET (self->revision_group));
  const char *text;

  gtk_widget_set_visible (GTK_WIDGET (self->revision_group), existing_id != 0);
  if (existing_id == 0)
    return;

  title = g_strdup (existing != NULL ? existing->title : "");
  g_strdelimit (title, "\n", ' ');
  description = g_strdup_printf (_("There is already a plan for %d (“%s”). This one will be a revision."),
                                 year, title);
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->revision_group, escaped);

  /* A name the clerk typed (or erased) stays; one suggested follows the year. */
  suggestion = kh_store_suggest_revision_name (self->store, year, kind);
  text = gtk_editable_get_text (GTK_EDITABLE (self->revision_row));
  if ((!was_visible && text[0] == '\0') || g_strcmp0 (text, self->suggestion) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->revision_row), suggestion);
  g_free (self->suggestion);
  self->suggestion = g_steal_pointer (&suggestion);
}

static void
update_start (KhNewPlanDialog *self)
{
  Start start = get_start (self);

  gtk_widget_set_visible (GTK_WIDGET (self->source_row), start == START_COPY);
  gtk_widget_set_visible (GTK_WIDGET (self->template_combo_row), start == START_TEMPLATE);
  update_revision (self);
  show_error (self, NULL);
}

static void
present_skipped_tasks (KhWindow    *window,
                       char       **skipped);

/* The window shows the new plan; the dialog is done. */
static void
finish (KhNewPlanDialog  *self,
        gint64            plan_id,
        char            **skipped)
{
  g_autoptr(KhPlan) plan = kh_store_load_plan (self->store, plan_id, NULL);
  KhWindow *window = self->window;

  kh_application_store_changed (self->application);

  if (window != NULL)
    {
      g_autofree char *message = NULL;

      kh_window_select_plan (window, plan_id);
      kh_window_show_view (window, "plan");

      if (plan != NULL && plan->revision[0] != '\0')
        /* Translators: the year, then the revision's name */
        message = g_strdup_printf (_("The %d plan “%s” is ready to edit"), plan->year, plan->revision);
      else if (plan != NULL)
        message = g_strdup_printf (_("The %d plan is ready to edit"), plan->year);
      if (message != NULL)
        kh_window_add_toast (window, kh_toast_new (message));

      if (skipped != NULL && skipped[0] != NULL)
        present_skipped_tasks (window, skipped);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Callbacks */

static void
on_skipped_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               KhWindow         *window)
{
  if (g_strcmp0 (response, "preferences") == 0)
    kh_window_show_preferences (window);
}

static void
present_skipped_tasks (KhWindow  *window,
                       char     **skipped)
{
  guint n = g_strv_length (skipped);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *label;

  g_string_append_printf (body,
                          ngettext ("%u default task was not added: no department of its kind.",
                                    "%u default tasks were not added: no department of their kind.",
                                    n),
                          n);
  g_string_append_c (body, ' ');
  g_string_append (body, _("Add departments in Preferences, then add the tasks in Tasks."));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "", skipped[i]);

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   _("Some Default Tasks Were Not Added"),
                                   body->str);
  label = gtk_label_new (list->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "preferences", _("Open _Preferences"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_skipped_dialog_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_year_spin_value_changed_cb (KhNewPlanDialog *self,
                               GtkSpinButton   *spin)
{
  update_template_names (self);
  update_revision (self);
  show_error (self, NULL);
}

static void
on_check_toggled_cb (KhNewPlanDialog *self,
                     GtkCheckButton  *check)
{
  if (gtk_check_button_get_active (check))
    update_start (self);
}

static void
on_combo_row_notify_selected_cb (KhNewPlanDialog *self,
                                 GParamSpec      *pspec,
                                 AdwComboRow     *row)
{
  update_revision (self);
  show_error (self, NULL);
}

static void
on_revision_row_changed_cb (KhNewPlanDialog *self,
                            GtkEditable     *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->revision_row), "error");
  show_error (self, NULL);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhNewPlanDialog *self = KH_NEW_PLAN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  const KhPlan *source = get_source_plan (self);
  const KhTemplate *tmpl = get_template (self);
  const char *revision = "";
  gboolean asked;
  gint64 id = 0;
  int year;

  /* The clerk must have seen that the year has its plan already: a year
   * typed and not yet taken by the spin button is taken now. */
  asked = gtk_widget_get_visible (GTK_WIDGET (self->revision_group));
  gtk_spin_button_update (self->year_spin);
  year = get_year (self);
  update_revision (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->revision_group)))
    {
      if (!asked)
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->revision_row));
          return;
        }
      revision = gtk_editable_get_text (GTK_EDITABLE (self->revision_row));
    }

  switch (get_start (self))
    {
    case START_COPY:
      if (source != NULL)
        id = kh_store_copy_plan (self->store, source->id, year, revision, &error);
      else
        g_set_error (&error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                     _("Choose the plan to copy."));
      break;

    case START_TEMPLATE:
      if (tmpl != NULL)
        id = kh_store_create_plan_from_template (self->store, tmpl->id, year, revision,
                                                 &skipped, &error);
      else
        g_set_error (&error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                     _("Choose the template to start from."));
      break;

    case START_BLANK:
    default:
      id = kh_store_create_blank_plan (self->store, year, KH_PLAN_KIND_CCHC, revision, &error);
      break;
    }

  if (id == 0)
    {
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_EXISTS) &&
          gtk_widget_get_visible (GTK_WIDGET (self->revision_group)))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->revision_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->revision_row));
        }
      show_error (self, error ? error->message : _("The plan could not be made."));
      return;
    }

  finish (self, id, skipped);
}

/* GObject */

static void
kh_new_plan_dialog_dispose (GObject *object)
{
  KhNewPlanDialog *self = KH_NEW_PLAN_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->template_names);

  gtk_widget_dispose_template (GTK_WIDGET (object), KH_TYPE_NEW_PLAN_DIALOG);

  G_OBJECT_CLASS (kh_new_plan_dialog_parent_class)->dispose (object);
}

static void
kh_new_plan_dialog_finalize (GObject *object)
{
  KhNewPlanDialog *self = KH_NEW_PLAN_DIALOG (object);

  g_free (self->suggestion);

  G_OBJECT_CLASS (kh_new_plan_dialog_parent_class)->finalize (object);
}

static void
kh_new_plan_dialog_class_init (KhNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_new_plan_dialog_dispose;
  object_class->finalize = kh_new_plan_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kehoach/KeHoach/kh-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, copy_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, copy_check);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, template_check);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, template_combo_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, blank_check);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, revision_group);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, revision_row);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, KhNewPlanDialog, error_label);

  gtk_widget_class_install_action (widget_class, "new-plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_new_plan_dialog_init (KhNewPlanDialog *self)
{
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->template_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->template_combo_row, G_LIST_MODEL (self->template_names));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));

  /* Enter in the year creates, as in the revision name (GtkSpinButton has
   * no activates-default before GTK 4.14: its text has). */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->year_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
}

/* Public API */

KhNewPlanDialog *
kh_new_plan_dialog_new (KhWindow *window)
{
  KhNewPlanDialog *self;
  KhApplication *application;
  KhStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) plan_names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *problem = NULL;
  int year;

  g_return_val_if_fail (KH_IS_WINDOW (window), NULL);
  application = kh_window_get_application (window);
  store = application ? kh_application_get_store (application) : NULL;
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_NEW_PLAN_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->application = application;
  self->store = g_object_ref (store);

  self->plans = kh_store_list_plans (store, &error);
  if (self->plans == NULL)
    {
      problem = g_strdup (error->message);
      g_clear_error (&error);
      self->plans = g_ptr_array_new ();
    }
  self->templates = kh_store_list_templates (store, &error);
  if (self->templates == NULL)
    {
      g_free (problem);
      problem = g_strdup (error->message);
      g_clear_error (&error);
      self->templates = g_ptr_array_new ();
    }

  for (guint i = 0; i < self->plans->len; i++)
    {
      g_autofree char *label = plan_label (g_ptr_array_index (self->plans, i));
      gtk_string_list_append (plan_names, label);
    }
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (plan_names));

  /* The year after the newest plan: the plans are listed newest first. */
  year = self->plans->len > 0
    ? ((KhPlan *)g_ptr_array_index (self->plans, 0))->year + 1
    : g_date_time_get_year (now);
  gtk_spin_button_set_value (self->year_spin, CLAMP (year, KH_PLAN_YEAR_MIN, KH_PLAN_YEAR_MAX));
  update_template_names (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_row), self->plans->len > 0);
  if (self->plans->len == 0)
    adw_action_row_set_subtitle (self->copy_row, _("There is no plan to copy yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), self->templates->len > 0);

  if (self->plans->len > 0)
    gtk_check_button_set_active (self->copy_check, TRUE);
  else if (self->templates->len > 0)
    gtk_check_button_set_active (self->template_check, TRUE);
  else
    gtk_check_button_set_active (self->blank_check, TRUE);
  update_start (self);
  show_error (self, problem);

  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (on_year_spin_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->copy_check, "toggled",
                           G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_check, "toggled",
                           G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->blank_check, "toggled",
                           G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_row, "notify::selected",
                           G_CALLBACK (on_combo_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_combo_row, "notify::selected",
                           G_CALLBACK (on_combo_row_notify_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revision_row, "changed",
                           G_CALLBACK (on_revision_row_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_grab_focus (GTK_WIDGET (self->year_spin));

  return self;
}
