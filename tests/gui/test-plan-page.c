/* test-plan-page.c — the “Plan” view, driven through its widgets under a
 * real X server: autosave, undo, numbering, states, restart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kh-agency.h"
#include "kh-demo.h"
#include "kh-plan-copy.h"
#include "kh-plan.h"

#include "kh-application.h"
#include "kh-plan-issue-dialog.h"
#include "kh-plan-page.h"
#include "kh-section-row.h"
#include "kh-window.h"

#define NEW_HEADING   "Mục đích chung:"
#define NEW_BODY      "- Dòng thứ nhất của mục đích.\n- Dòng thứ hai."
#define CLOSED_BODY   "Gõ xong là đóng cửa sổ ngay."

typedef struct
{
  char   *dir;
  char   *path;
  gint64  plan_id;      /* the 2025 draft, copied from the demo's 2024 plan */
  gint64  issued_id;    /* the demo's 2024 plan, issued */
  gint64  section_id;   /* “Mục đích:”, item 1 of part I of the draft */
  gint64  next_id;      /* “Yêu cầu:”, item 2 of part I */
} Fixture;

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_row_of_section (GtkWidget     *widget,
                   gconstpointer  id)
{
  return KH_IS_SECTION_ROW (widget) &&
         kh_section_row_get_section_id (KH_SECTION_ROW (widget)) == *(const gint64 *)id;
}

static gboolean
is_row_numbered (GtkWidget     *widget,
                 gconstpointer  number)
{
  return KH_IS_SECTION_ROW (widget) &&
         g_strcmp0 (kh_section_row_get_number (KH_SECTION_ROW (widget)), number) == 0;
}

static gboolean
is_mapped_button_for_action (GtkWidget     *widget,
                             gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_plan_page (GtkWidget     *widget,
              gconstpointer  data)
{
  return KH_IS_PLAN_PAGE (widget);
}

static KhPlanPage *
plan_page (KhWindow *window)
{
  GtkWidget *page = kh_test_find_widget (GTK_WIDGET (window), is_plan_page, NULL);

  g_assert_nonnull (page);
  return KH_PLAN_PAGE (page);
}

static KhSectionRow *
section_row (KhWindow *window,
             gint64    id)
{
  GtkWidget *row = kh_test_find_widget (GTK_WIDGET (window), is_row_of_section, &id);

  g_assert_nonnull (row);
  return KH_SECTION_ROW (row);
}

static GtkEditable *
row_heading (KhSectionRow *row)
{
  GtkWidget *entry = kh_test_find_widget (GTK_WIDGET (row), is_named, "heading");

  g_assert_true (GTK_IS_ENTRY (entry));
  return GTK_EDITABLE (entry);
}

static GtkTextView *
row_body (KhSectionRow *row)
{
  GtkWidget *view = kh_test_find_widget (GTK_WIDGET (row), is_named, "body");

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return GTK_TEXT_VIEW (view);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types as a person would: one user action at the end of the text. */
static void
type_at_end (GtkTextView *view,
             const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
replace_text (GtkTextView *view,
              const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive (buffer, &start, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

/* What core holds */

static KhSection *
stored_section (KhApplication *app,
                gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  KhStore *store = kh_application_get_store (app);
  const KhSection *section;

  sections = kh_store_load_sections (store, kh_store_find_plan (store, 2025, KH_PLAN_KIND_CCHC, ""), &error);
  g_assert_no_error (error);
  section = kh_sections_find (sections, id);
  return section ? kh_section_copy (section) : NULL;
}

typedef struct
{
  KhApplication *app;
  gint64         id;
  const char    *heading;   /* NULL: any */
  const char    *body;
} Stored;

static gboolean
core_has (gpointer data)
{
  Stored *stored = data;
  g_autoptr(KhSection) section = stored_section (stored->app, stored->id);

  return section != NULL &&
         (stored->heading == NULL || g_strcmp0 (section->heading, stored->heading) == 0) &&
         (stored->body == NULL || g_strcmp0 (section->body, stored->body) == 0);
}

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhPlan) plan = NULL;
  KhSection *part;

  fixture->dir = g_dir_make_tmp ("kh-gui-plan-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);

  fixture->issued_id = kh_store_find_plan (store, 2024, KH_PLAN_KIND_CCHC, "");
  g_assert_cmpint (fixture->issued_id, >, 0);
  fixture->plan_id = kh_store_copy_plan (store, fixture->issued_id, 2025, "", &error);
  g_assert_no_error (error);

  plan = kh_store_load_plan (store, fixture->plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_DRAFT);
  part = plan->sections->pdata[0];
  g_assert_cmpuint (part->children->len, ==, 2);
  fixture->section_id = ((KhSection *)part->children->pdata[0])->id;
  fixture->next_id = ((KhSection *)part->children->pdata[1])->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

typedef void (*Body) (KhApplication *app,
                      KhWindow      *window,
                      Fixture       *fixture);

typedef struct
{
  Body     body;
  Fixture *fixture;
  gint64   plan_id;
} Run;

static gboolean
page_shows_plan (gpointer window)
{
  GtkWidget *state = kh_test_find_widget (GTK_WIDGET (plan_page (window)), is_named, "state");

  return state != NULL && gtk_widget_get_mapped (state);
}

static void
on_window_cb (KhApplication *app,
              KhWindow      *window,
              gconstpointer  data)
{
  const Run *run = data;

  if (run->plan_id != 0)
    kh_window_select_plan (window, run->plan_id);
  kh_window_show_view (window, "plan");
  if (run->plan_id != 0)
    g_assert_true (kh_test_wait_for (page_shows_plan, window));

  run->body (app, window, run->fixture);
}

/* Runs the application on the database as `kehoach --db PATH` does, on
 * the plan's view, with the test's body once its window is up. */
static void
run_application (Fixture *fixture,
                 gint64   plan_id,
                 Body     body)
{
  Run run = { body, fixture, plan_id };

  kh_test_run_application (fixture->path, on_window_cb, &run);
}

static KhSection *
open_and_load_section (Fixture *fixture,
                       gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) sections = NULL;
  const KhSection *section;

  g_assert_no_error (error);
  sections = kh_store_load_sections (store, fixture->plan_id, &error);
  g_assert_no_error (error);
  section = kh_sections_find (sections, id);
  g_assert_nonnull (section);
  return kh_section_copy (section);
}

/* Autosave, and the edits after a restart */

static gboolean
saved_label_says_saved (gpointer window)
{
  GtkWidget *label = kh_test_find_widget (GTK_WIDGET (plan_page (window)), is_named, "save-status");

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "Saved") == 0;
}

static void
edit_heading_and_body (KhApplication *app,
                       KhWindow      *window,
                       Fixture       *fixture)
{
  KhSectionRow *row = section_row (window, fixture->section_id);
  Stored stored = { app, fixture->section_id, NEW_HEADING, NEW_BODY };

  g_assert_true (gtk_editable_get_editable (row_heading (row)));
  g_assert_cmpstr (kh_section_row_get_number (row), ==, "1.");

  gtk_editable_set_text (row_heading (row), NEW_HEADING);
  replace_text (row_body (row), NEW_BODY);
  g_assert_false (core_has (&stored));

  /* Saved without a Save button, shortly after the last keystroke. */
  g_assert_true (kh_test_wait_for (core_has, &stored));
  g_assert_true (kh_test_wait_for (saved_label_says_saved, window));
}

static void
edits_are_shown (KhApplication *app,
                 KhWindow      *window,
                 Fixture       *fixture)
{
  KhSectionRow *row = section_row (window, fixture->section_id);
  g_autofree char *body = buffer_text (row_body (row));

  g_assert_cmpstr (gtk_editable_get_text (row_heading (row)), ==, NEW_HEADING);
  g_assert_cmpstr (body, ==, NEW_BODY);
}

static void
test_edits_saved_and_found_after_restart (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(KhSection) section = NULL;

  run_application (fixture, fixture->plan_id, edit_heading_and_body);

  section = open_and_load_section (fixture, fixture->section_id);
  g_assert_cmpstr (section->heading, ==, NEW_HEADING);
  g_assert_cmpstr (section->body, ==, NEW_BODY);

  run_application (fixture, fixture->plan_id, edits_are_shown);
}

/* Types, then closes the window at once: before the delayed save. */
static void
type_and_close (KhApplication *app,
                KhWindow      *window,
                Fixture       *fixture)
{
  KhSectionRow *row = section_row (window, fixture->section_id);

  replace_text (row_body (row), CLOSED_BODY);
  gtk_window_close (GTK_WINDOW (window));
}

static void
test_typed_then_closed_is_saved (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(KhSection) section = NULL;

  run_application (fixture, fixture->plan_id, type_and_close);

  section = open_and_load_section (fixture, fixture->section_id);
  g_assert_cmpstr (section->body, ==, CLOSED_BODY);
}

/* Undo survives autosave and reloads */

static void
undo_after_autosave (KhApplication *app,
                     KhWindow      *window,
                     Fixture       *fixture)
{
  KhSectionRow *row = section_row (window, fixture->section_id);
  GtkTextView *view = row_body (row);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *original = buffer_text (view);
  g_autofree char *typed = g_strconcat (original, "\n- Thêm một dòng.", NULL);
  g_autofree char *after_undo = NULL;
  Stored stored_typed = { app, fixture->section_id, NULL, typed };
  Stored stored_original = { app, fixture->section_id, NULL, original };

  g_assert_false (gtk_text_buffer_get_can_undo (buffer));

  type_at_end (view, "\n- Thêm một dòng.");
  g_assert_true (kh_test_wait_for (core_has, &stored_typed));

  /* Something else changes the data: every view reloads. The text view
   * the clerk typed in keeps its undo history. */
  kh_application_store_changed (app);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));

  gtk_text_buffer_undo (buffer);
  after_undo = buffer_text (view);
  g_assert_cmpstr (after_undo, ==, original);
  g_assert_true (kh_test_wait_for (core_has, &stored_original));

  gtk_text_buffer_redo (buffer);
  g_assert_true (kh_test_wait_for (core_has, &stored_typed));
}

static void
test_undo_after_autosave (Fixture       *fixture,
                          gconstpointer  data)
{
  run_application (fixture, fixture->plan_id, undo_after_autosave);
}

/* A megabyte pasted at once is saved, and typing goes on */

typedef struct
{
  KhApplication *app;
  gint64         id;
  gsize          length;
} StoredLength;

static gboolean
core_has_length (gpointer data)
{
  StoredLength *stored = data;
  g_autoptr(KhSection) section = stored_section (stored->app, stored->id);

  return section != NULL && strlen (section->body) == stored->length;
}

/* The sanitizer and valgrind setups (root meson.build) run everything
 * several times slower: time bounds stretch by KH_TEST_TIME_FACTOR. */
static gint64
time_bound (double seconds)
{
  const char *factor = g_getenv ("KH_TEST_TIME_FACTOR");

  return seconds * G_USEC_PER_SEC * (factor != NULL ? MAX (g_ascii_strtod (factor, NULL), 1) : 1);
}

static void
paste_a_megabyte (KhApplication *app,
                  KhWindow      *window,
                  Fixture       *fixture)
{
  static const char line[] = "- Tuyên truyền cải cách hành chính, trọng tâm là cải cách thủ tục hành chính.\n";
  KhSectionRow *row = section_row (window, fixture->section_id);
  GtkTextView *view = row_body (row);
  g_autoptr(GString) text = g_string_new (NULL);
  StoredLength stored = { app, fixture->section_id, 0 };
  gint64 start, paste_us, type_us, slice_us = 0;

  while (text->len < 1024 * 1024)
    g_string_append (text, line);
  g_string_append (text, "Hết.");
  stored.length = text->len;

  start = g_get_monotonic_time ();
  replace_text (view, text->str);
  paste_us = g_get_monotonic_time () - start;

  /* Laying it out happens in slices: the window keeps answering. */
  for (gboolean busy = TRUE; busy; )
    {
      gint64 before = g_get_monotonic_time ();

      busy = g_main_context_iteration (NULL, FALSE);
      slice_us = MAX (slice_us, g_get_monotonic_time () - before);
    }
  g_assert_true (kh_test_wait_for (core_has_length, &stored));

  /* The next keystroke costs no new layout of the whole text. */
  start = g_get_monotonic_time ();
  type_at_end (view, "!");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  type_us = g_get_monotonic_time () - start;

  /* Undone by a short text before the next save: the test stays short. */
  replace_text (view, "Ngắn.");
  stored.length = strlen ("Ngắn.");
  g_assert_true (kh_test_wait_for (core_has_length, &stored));

  g_test_message ("1 MB pasted in %" G_GINT64_FORMAT " ms, laid out in slices of at most %"
                  G_GINT64_FORMAT " ms; the next keystroke %" G_GINT64_FORMAT " ms",
                  paste_us / 1000, slice_us / 1000, type_us / 1000);
  g_assert_cmpint (paste_us, <, time_bound (1));
  g_assert_cmpint (type_us, <, time_bound (1));

  /* The autosave runs on the main loop: it must not freeze the window
   * (core normalises long text in chunks, kh-text.c; before, 10–20 s).
   * GtkTextView's own layout of a megabyte takes 0.6–0.9 s here; the
   * bound leaves room for a loaded CI machine without hiding a freeze. */
  g_assert_cmpint (slice_us, <, time_bound (3));
}

static void
test_large_paste (Fixture       *fixture,
                  gconstpointer  data)
{
  run_application (fixture, fixture->plan_id, paste_a_megabyte);
}

/* Numbering follows the tree */

typedef struct
{
  KhWindow   *window;
  gint64      id;
  const char *number;
} Numbered;

static gboolean
row_has_number (gpointer data)
{
  Numbered *numbered = data;
  GtkWidget *row = kh_test_find_widget (GTK_WIDGET (numbered->window), is_row_of_section, &numbered->id);

  return row != NULL && g_strcmp0 (kh_section_row_get_number (KH_SECTION_ROW (row)), numbered->number) == 0;
}

static void
add_and_move_items (KhApplication *app,
                    KhWindow      *window,
                    Fixture       *fixture)
{
  KhSectionRow *first = section_row (window, fixture->section_id);
  KhSectionRow *second = section_row (window, fixture->next_id);
  Numbered next_is_third = { window, fixture->next_id, "3." };
  Numbered next_is_second = { window, fixture->next_id, "2." };
  Numbered next_is_nested = { window, fixture->next_id, "1.1." };
  g_autoptr(KhSection) nested = NULL;
  g_autoptr(KhSection) removed = NULL;
  GtkWidget *added;
  gint64 added_id;

  g_assert_cmpstr (kh_section_row_get_number (second), ==, "2.");

  /* A new item after 1.: “Yêu cầu” becomes 3. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "section.add-after", NULL));
  g_assert_true (kh_test_wait_for (row_has_number, &next_is_third));
  added = kh_test_find_widget (GTK_WIDGET (window), is_row_numbered, "2.");
  g_assert_nonnull (added);
  added_id = kh_section_row_get_section_id (KH_SECTION_ROW (added));
  g_assert_cmpint (added_id, !=, fixture->next_id);
  nested = stored_section (app, added_id);
  g_assert_nonnull (nested);
  g_clear_pointer (&nested, kh_section_free);

  /* Alt+↑ on “Yêu cầu”: back to 2., the new item is 3. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "section.move-up", NULL));
  g_assert_true (kh_test_wait_for (row_has_number, &next_is_second));
  g_assert_cmpstr (kh_section_row_get_number (KH_SECTION_ROW (added)), ==, "3.");

  /* Nested under “Mục đích”: 1.1.; the new item moves up to 2. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "section.indent", NULL));
  g_assert_true (kh_test_wait_for (row_has_number, &next_is_nested));
  g_assert_cmpstr (kh_section_row_get_number (KH_SECTION_ROW (added)), ==, "2.");
  nested = stored_section (app, fixture->next_id);
  g_assert_cmpint (nested->parent_id, ==, fixture->section_id);

  /* Empty, so removed at once (with an undo toast). */
  g_assert_true (gtk_widget_activate_action (added, "section.remove", NULL));
  removed = stored_section (app, added_id);
  g_assert_null (removed);
}

static void
test_add_item_renumbers (Fixture       *fixture,
                         gconstpointer  data)
{
  run_application (fixture, fixture->plan_id, add_and_move_items);
}

/* States */

static gboolean
state_label_is (KhWindow   *window,
                const char *text)
{
  GtkWidget *label = kh_test_find_widget (GTK_WIDGET (plan_page (window)), is_named, "state");

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0;
}

static void
issued_plan_is_read_only (KhApplication *app,
                          KhWindow      *window,
                          Fixture       *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = kh_store_load_plan (kh_application_get_store (app), fixture->issued_id, &error);
  g_autoptr(GPtrArray) after = NULL;
  const KhSection *part = plan->sections->pdata[0];
  const KhSection *item = part->children->pdata[0];
  KhSectionRow *row = section_row (window, item->id);
  GtkWidget *title = kh_test_find_widget (GTK_WIDGET (window), is_named, "title");
  GtkWidget *closing = kh_test_find_widget (GTK_WIDGET (window), is_named, "closing");

  g_assert_true (state_label_is (window, "Issued as Số: 18/KH-UBND on 19/02/2024"));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action, "plan.copy-revision"));

  g_assert_false (gtk_editable_get_editable (row_heading (row)));
  g_assert_false (gtk_text_view_get_editable (row_body (row)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (title)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (closing)));

  /* The row's actions do nothing either. */
  gtk_widget_activate_action (GTK_WIDGET (row), "section.add-after", NULL);
  gtk_widget_activate_action (GTK_WIDGET (row), "section.remove", NULL);
  after = kh_store_load_sections (kh_application_get_store (app), fixture->issued_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kh_sections_count (after), ==, kh_sections_count (plan->sections));

  /* Core refuses too, not only the page. */
  g_assert_false (kh_store_update_section (kh_application_get_store (app), item->id,
                                           "Đổi", "Đổi", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FROZEN);
}

static void
test_issued_plan_is_read_only (Fixture       *fixture,
                               gconstpointer  data)
{
  run_application (fixture, fixture->issued_id, issued_plan_is_read_only);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

typedef struct
{
  KhWindow   *window;
  const char *text;
} StateIs;

static gboolean
state_is (gpointer data)
{
  StateIs *state = data;

  return state_label_is (state->window, state->text);
}

static void
sign_and_issue (KhApplication *app,
                KhWindow      *window,
                Fixture       *fixture)
{
  KhSectionRow *row = section_row (window, fixture->section_id);
  StateIs signing = { window, "For Signing" };
  StateIs issued = { window, "Issued as Số: 19/KH-UBND on 20/12/2024" };
  KhPlanIssueDialog *dialog;
  GtkWidget *error_label;

  g_assert_true (state_label_is (window, "Draft"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page (window)), "plan.send-for-signing", NULL));
  g_assert_true (kh_test_wait_for (state_is, &signing));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_page (window)), "plan.issue", NULL));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_shown, GSIZE_TO_POINTER (KH_TYPE_PLAN_ISSUE_DIALOG)));
  dialog = KH_PLAN_ISSUE_DIALOG (kh_test_find_toplevel (KH_TYPE_PLAN_ISSUE_DIALOG));

  /* 18 was given to the 2024 plan: core names it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kh_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL)), 18);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL)), "20/12/2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));
  error_label = kh_test_find_widget (GTK_WIDGET (dialog), is_named, "issue-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "18/KH-UBND"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Tuyên truyền cải cách hành chính năm 2024"));

  /* A date that is not one is refused inline. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (kh_test_find_widget (GTK_WIDGET (dialog), is_spin_button, NULL)), 19);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL)), "31/02/2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (kh_test_toplevel_gone (GSIZE_TO_POINTER (KH_TYPE_PLAN_ISSUE_DIALOG)));

  gtk_editable_set_text (GTK_EDITABLE (kh_test_find_widget (GTK_WIDGET (dialog), is_entry_row, NULL)), "20/12/2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "issue.issue", NULL));
  g_assert_true (kh_test_wait_for (kh_test_toplevel_gone, GSIZE_TO_POINTER (KH_TYPE_PLAN_ISSUE_DIALOG)));
  g_assert_true (kh_test_wait_for (state_is, &issued));
  g_assert_false (gtk_editable_get_editable (row_heading (row)));
}

static void
test_sign_and_issue (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhPlan) plan = NULL;

  run_application (fixture, fixture->plan_id, sign_and_issue);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  plan = kh_store_load_plan (store, fixture->plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->state, ==, KH_PLAN_STATE_ISSUED);
  g_assert_cmpint (plan->number, ==, 19);
}

/* No plan yet */

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
no_plan_shows_new_plan (KhApplication *app,
                        KhWindow      *window,
                        Fixture       *fixture)
{
  GtkWidget *page = GTK_WIDGET (plan_page (window));

  g_assert_true (kh_test_wait_for (is_mapped, page));
  g_assert_nonnull (kh_test_find_widget (page, is_mapped_button_for_action, "win.new-plan"));
}

static void
test_no_plan_shows_new_plan (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = NULL;

  /* An agency with no plan: only a signer. */
  g_remove (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_add_signer (store, "Lê Duy Bảo", "Chủ tịch", &error), >, 0);
  g_clear_object (&store);

  run_application (fixture, 0, no_plan_shows_new_plan);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("The UI tests need a display: run them under "
                  "`xvfb-run -a dbus-run-session -- meson test --suite gui`.\n");
      return EXIT_FAILURE;
    }

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");

  g_test_add ("/gui/plan/edits-saved-and-found-after-restart", Fixture, NULL,
              fixture_set_up, test_edits_saved_and_found_after_restart, fixture_tear_down);
  g_test_add ("/gui/plan/typed-then-closed-is-saved", Fixture, NULL,
              fixture_set_up, test_typed_then_closed_is_saved, fixture_tear_down);
  g_test_add ("/gui/plan/undo-after-autosave", Fixture, NULL,
              fixture_set_up, test_undo_after_autosave, fixture_tear_down);
  g_test_add ("/gui/plan/large-paste", Fixture, NULL,
              fixture_set_up, test_large_paste, fixture_tear_down);
  g_test_add ("/gui/plan/add-item-renumbers", Fixture, NULL,
              fixture_set_up, test_add_item_renumbers, fixture_tear_down);
  g_test_add ("/gui/plan/issued-plan-is-read-only", Fixture, NULL,
              fixture_set_up, test_issued_plan_is_read_only, fixture_tear_down);
  g_test_add ("/gui/plan/sign-and-issue", Fixture, NULL,
              fixture_set_up, test_sign_and_issue, fixture_tear_down);
  g_test_add ("/gui/plan/no-plan-shows-new-plan", Fixture, NULL,
              fixture_set_up, test_no_plan_shows_new_plan, fixture_tear_down);

  return g_test_run ();
}
