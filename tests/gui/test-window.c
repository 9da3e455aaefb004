/* test-window.c — the main window and the preferences, driven through
 * their widgets under a real X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kh-test-ui.h"

#include <sqlite3.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <unistd.h>

#include "kh-agency.h"
#include "kh-department.h"
#include "kh-demo.h"
#include "kh-plan.h"
#include "kh-store-private.h"

#include "kh-application.h"
#include "kh-backups-page.h"
#include "kh-dashboard-page.h"
#include "kh-overview-page.h"
#include "kh-software-rendering.h"
#include "kh-plan-page.h"
#include "kh-reports-page.h"
#include "kh-results-page.h"
#include "kh-task-row.h"
#include "kh-tasks-page.h"
#include "kh-view.h"
#include "kh-preferences-window.h"
#include "kh-window.h"

#define AGENCY_NAME "ỦY BAN NHÂN DÂN PHƯỜNG PHỔ MINH"
#define NEW_NAME    "Văn hóa – Thông tin và Thể thao"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
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
is_entry_row_with_text (GtkWidget     *widget,
                        gconstpointer  text)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

typedef struct
{
  GtkWidget  *root;
  Match       match;
  const char *data;
} Search;

static gboolean
search_finds (gpointer user_data)
{
  Search *search = user_data;

  return kh_test_find_widget (search->root, search->match, search->data) != NULL;
}

static gboolean
window_shows (GtkWindow  *window,
              Match       match,
              const char *data)
{
  Search search = { GTK_WIDGET (window), match, data };

  return kh_test_wait_for (search_finds, &search);
}

/* Fixtures */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kh-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kehoach.db", NULL);
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
      g_autoptr(GDir) subdir = g_dir_open (path, 0, NULL);   /* backups/ */
      const char *child;

      while (subdir && (child = g_dir_read_name (subdir)))
        {
          g_autofree char *child_path = g_build_filename (path, child, NULL);
          g_remove (child_path);
        }
      g_remove (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Fills the database as the demo does: the demo loader when core has it,
 * else the agency and its departments through the core API. */
static void
fill_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) store = kh_store_open (path, &error);

  g_assert_no_error (error);

  g_assert_true (kh_demo_load (store, FALSE, &error));
  g_assert_no_error (error);
}

typedef KhTestBody Body;

typedef struct
{
  Body          body;
  gconstpointer data;
} Run;

static void
on_overview (KhApplication *app,
             KhWindow      *window,
             gconstpointer  data)
{
  const Run *run = data;

  kh_window_show_view (window, "overview");   /* the dashboard comes first */
  run->body (app, window, run->data);
}

/* kh_test_run_application(), with the body starting on the overview. */
static void
run_application (const char    *path,
                 Body           body,
                 gconstpointer  data)
{
  Run run = { body, data };

  kh_test_run_application (path, on_overview, &run);
}

/* Tests */

/* A test whose whole set-up is the demo database. */
typedef struct
{
  Body body;
} OnDemo;

static void
test_on_demo (Fixture       *fixture,
              gconstpointer  data)
{
  const OnDemo *on_demo = data;

  fill_demo (fixture->path);
  run_application (fixture->path, on_demo->body, NULL);
}

static void
window_shows_agency (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, "UBND THỊ XÃ ĐỨC PHỔ"));
  /* Writable: no read-only banner. */
  g_assert_false (kh_store_is_read_only (kh_application_get_store (app)));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_containing, "read-only"));
}

/* Another plan: the overview, which shows the same agency, plans and
 * departments whatever the plan, keeps its rows instead of building them
 * again (kh_widget_content_changed). */
static void
overview_keeps_rows (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  const gint64 *other_plan = data;
  GtkWidget *label;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, "2025"));
  label = kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text, "2025");
  g_object_add_weak_pointer (G_OBJECT (label), (gpointer *)&label);

  kh_window_select_plan (window, *other_plan);
  g_assert_cmpint (kh_window_get_plan_id (window), ==, *other_plan);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_object_remove_weak_pointer (G_OBJECT (label), (gpointer *)&label);
}

static void
test_overview_keeps_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhPlan) plan = kh_plan_new (2025, "Tuyên truyền cải cách hành chính năm 2025");
  gint64 other_plan;

  fill_demo (fixture->path);
  {
    g_autoptr(KhStore) store = kh_store_open (fixture->path, &error);

    g_assert_no_error (error);
    other_plan = kh_store_create_plan (store, plan, &error);
    g_assert_no_error (error);
  }
  run_application (fixture->path, overview_keeps_rows, &other_plan);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The window's pages, in order (kh_window_init()). */
static const char * const view_names[] = { "dashboard", "overview", "plan", "tasks", "results", "reports" };

static gboolean
array_is_filled (gpointer array)
{
  return ((GArray *)array)->len > 0;
}

static void
note_pages_built_cb (GdkFrameClock *clock,
                     GArray        *built)
{
  KhWindow *window = g_object_get_data (G_OBJECT (clock), "kh-test-window");
  GType types[] = { KH_TYPE_DASHBOARD_PAGE, KH_TYPE_OVERVIEW_PAGE, KH_TYPE_PLAN_PAGE,
                    KH_TYPE_TASKS_PAGE, KH_TYPE_RESULTS_PAGE, KH_TYPE_REPORTS_PAGE };

  if (built->len > 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      gboolean is_built = kh_test_find_widget (GTK_WIDGET (window), is_of_type,
                                               GSIZE_TO_POINTER (types[i])) != NULL;
      g_array_append_val (built, is_built);
    }
}

static gboolean
pages_prepared (gpointer window)
{
  return !kh_window_is_preparing_pages (window);
}

/* The first frame has only the pages shown so far built (the dashboard,
 * then the overview this test program opens on). The others are built,
 * filled and laid out after it, while nothing else is going on: each is
 * there at the size of the page in sight, the tasks page with its rows,
 * and is then a page like any other. */
static void
pages_built_when_needed (KhApplication *app,
                         KhWindow      *window,
                         gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (root);
  g_autoptr(GArray) built = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GtkWidget *view_stack, *tasks;
  gulong handler;

  /* The body runs before the window's first frame. */
  g_object_set_data (G_OBJECT (clock), "kh-test-window", window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (note_pages_built_cb), built);
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  g_assert_true (kh_test_wait_for (array_is_filled, built));
  g_signal_handler_disconnect (clock, handler);
  g_assert_true (g_array_index (built, gboolean, 0));    /* dashboard */
  g_assert_true (g_array_index (built, gboolean, 1));    /* overview */
  for (guint i = 2; i < built->len; i++)
    g_assert_false (g_array_index (built, gboolean, i));

  g_assert_true (kh_test_wait_for (pages_prepared, window));
  view_stack = gtk_widget_get_parent (gtk_widget_get_parent (kh_window_get_view (window, "overview")));
  g_assert_true (ADW_IS_VIEW_STACK (view_stack));
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      GtkWidget *lazy = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (view_stack), view_names[i]);

      g_assert_nonnull (adw_bin_get_child (ADW_BIN (lazy)));
      g_assert_cmpint (gtk_widget_get_width (lazy), ==, gtk_widget_get_width (view_stack));
      g_assert_cmpint (gtk_widget_get_height (lazy), ==, gtk_widget_get_height (view_stack));
    }

  tasks = kh_window_get_view (window, "tasks");
  g_assert_true (KH_IS_TASKS_PAGE (tasks));
  g_assert_false (gtk_widget_get_mapped (tasks));
  g_assert_nonnull (kh_test_find_widget (tasks, is_of_type, GSIZE_TO_POINTER (KH_TYPE_TASK_ROW)));
  g_assert_true (kh_window_get_view (window, "tasks") == tasks);

  kh_window_show_view (window, "tasks");
  g_assert_true (kh_test_wait_for (widget_is_mapped, tasks));
}

/* The window's shortcut for @trigger ("<Alt>4"), or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

/* Alt+4 shows the tasks page, Alt+1 the dashboard again. */
static void
alt_number_shows_page (KhApplication *app,
                       KhWindow      *window,
                       gconstpointer  data)
{
  g_autoptr(GtkShortcut) alt4 = NULL;
  g_autoptr(GtkShortcut) alt1 = NULL;
  GtkShortcutAction *action;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));

  alt4 = find_shortcut (GTK_WIDGET (window), "<Alt>4");
  g_assert_nonnull (alt4);
  action = gtk_shortcut_get_action (alt4);
  g_assert_true (GTK_IS_NAMED_ACTION (action));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, "win.show-view");
  g_assert_cmpstr (g_variant_get_string (gtk_shortcut_get_arguments (alt4), NULL), ==, "tasks");

  g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window), gtk_shortcut_get_arguments (alt4)));
  g_assert_true (kh_test_wait_for (widget_is_mapped, kh_window_get_view (window, "tasks")));

  alt1 = find_shortcut (GTK_WIDGET (window), "<Alt>1");
  g_assert_nonnull (alt1);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (alt1), 0, GTK_WIDGET (window),
                                               gtk_shortcut_get_arguments (alt1)));
  g_assert_true (kh_test_wait_for (widget_is_mapped, kh_window_get_view (window, "dashboard")));
  g_assert_false (gtk_widget_get_mapped (kh_window_get_view (window, "tasks")));
}

/* GSK_RENDERER as the test started, before the application set it. */
static char *renderer_asked;

/* Under Xvfb there is no GPU: OpenGL runs on llvmpipe, so the application
 * chose GTK's cairo renderer (unless GSK_RENDERER asked for one), and the
 * window, drawn on the CPU either way, draws outlines instead of blurred
 * shadows. */
static void
software_rendering_outlines (KhApplication *app,
                             KhWindow      *window,
                             gconstpointer  data)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  gboolean software_gl;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  g_assert_nonnull (renderer);
  g_test_message ("renderer: %s (GSK_RENDERER was %s)", G_OBJECT_TYPE_NAME (renderer),
                  renderer_asked ? renderer_asked : "unset");
  software_gl = kh_display_renders_gl_in_software (gtk_widget_get_display (GTK_WIDGET (window)));
  if (renderer_asked == NULL && software_gl)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "kh-software-rendering") ==
                 (GSK_IS_CAIRO_RENDERER (renderer) || software_gl));
}

/* A stack or squeezer that would cross-fade from one child to the next. */
static gboolean
is_cross_fading (GtkWidget     *widget,
                 gconstpointer  data)
{
  if (GTK_IS_STACK (widget))
    return gtk_stack_get_transition_type (GTK_STACK (widget)) == GTK_STACK_TRANSITION_TYPE_CROSSFADE;
  if (ADW_IS_SQUEEZER (widget))
    return adw_squeezer_get_transition_type (ADW_SQUEEZER (widget)) == ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE;
  return FALSE;
}

/* Drawn on the CPU, GTK's cairo renderer draws each frame of a cross-fade
 * through two surfaces as large as the window: the window's stacks and
 * the view switcher's squeezer switch at once instead, and so do the
 * stacks of a page built later (the tasks page's, from spinner to rows). */
static void
software_rendering_no_cross_fades (KhApplication *app,
                                   KhWindow      *window,
                                   gconstpointer  data)
{
  GtkWidget *tasks;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  if (!gtk_widget_has_css_class (GTK_WIDGET (window), "kh-software-rendering"))
    {
      g_test_skip ("drawn on a GPU, where a cross-fade costs little");
      return;
    }
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_SQUEEZER)));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_cross_fading, NULL));

  kh_window_show_view (window, "tasks");
  tasks = kh_window_get_view (window, "tasks");
  g_assert_true (kh_test_wait_for (widget_is_mapped, tasks));
  g_assert_nonnull (kh_test_find_widget (tasks, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_STACK)));
  g_assert_null (kh_test_find_widget (tasks, is_cross_fading, NULL));
}

/* Calls @func on @node and every node under it. */
static void
walk_nodes (GskRenderNode *node,
            void         (*func) (GskRenderNode *node, gpointer data),
            gpointer       data)
{
  func (node, data);
  switch ((int)gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        walk_nodes (gsk_container_node_get_child (node, i), func, data);
      break;
    case GSK_TRANSFORM_NODE:
      walk_nodes (gsk_transform_node_get_child (node), func, data);
      break;
    case GSK_CLIP_NODE:
      walk_nodes (gsk_clip_node_get_child (node), func, data);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      walk_nodes (gsk_rounded_clip_node_get_child (node), func, data);
      break;
    case GSK_OPACITY_NODE:
      walk_nodes (gsk_opacity_node_get_child (node), func, data);
      break;
    case GSK_COLOR_MATRIX_NODE:
      walk_nodes (gsk_color_matrix_node_get_child (node), func, data);
      break;
    case GSK_SHADOW_NODE:
      walk_nodes (gsk_shadow_node_get_child (node), func, data);
      break;
    case GSK_DEBUG_NODE:
      walk_nodes (gsk_debug_node_get_child (node), func, data);
      break;
    case GSK_CROSS_FADE_NODE: /* a stack's transition */
      walk_nodes (gsk_cross_fade_node_get_start_child (node), func, data);
      walk_nodes (gsk_cross_fade_node_get_end_child (node), func, data);
      break;
    case GSK_BLEND_NODE:
      walk_nodes (gsk_blend_node_get_bottom_child (node), func, data);
      walk_nodes (gsk_blend_node_get_top_child (node), func, data);
      break;
    default:
      break;
    }
}

typedef struct
{
  guint n_texts; /* text nodes: the walk reached the rows */
  guint n_mixed; /* borders whose sides differ in colour */
} Borders;

static void
count_border (GskRenderNode *node,
              gpointer       data)
{
  Borders *borders = data;
  const GdkRGBA *colors;

  if (gsk_render_node_get_node_type (node) == GSK_TEXT_NODE)
    borders->n_texts++;
  if (gsk_render_node_get_node_type (node) != GSK_BORDER_NODE)
    return;
  colors = gsk_border_node_get_colors (node);
  for (guint side = 1; side < 4; side++)
    if (!gdk_rgba_equal (&colors[0], &colors[side]))
      {
        borders->n_mixed++;
        break;
      }
}

static gboolean
is_mapped_task_row (GtkWidget     *widget,
                    gconstpointer  data)
{
  return KH_IS_TASK_ROW (widget) && gtk_widget_get_mapped (widget);
}

/* Every row built, and the first ones in sight. */
static gboolean
tasks_page_filled (gpointer data)
{
  GtkWidget *tasks = data;

  return gtk_widget_get_mapped (tasks) && !kh_view_is_loading (KH_VIEW (tasks)) &&
         kh_test_find_widget (tasks, is_mapped_task_row, NULL) != NULL;
}

static gboolean
is_high_contrast (gpointer data)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/* A row's separator is a border on its bottom side. Left to the theme, its
 * other sides take the text's colour, and a border whose sides differ in
 * colour is drawn by cairo with a mesh pattern: 0.3 ms a row, 14 of the
 * 18 ms a frame of the tasks page took on the CPU. style.css gives every
 * side the separator's colour. */
static void
row_borders_one_colour (KhApplication *app,
                        KhWindow      *window,
                        gconstpointer  data)
{
  GtkWidget *tasks;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GSettings) a11y = NULL;
  Borders borders = { 0 };

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  kh_window_show_view (window, "tasks");
  tasks = kh_window_get_view (window, "tasks");
  g_assert_true (kh_test_wait_for (tasks_page_filled, tasks));

  node = kh_test_draw_widget (GTK_WIDGET (window));
  g_assert_nonnull (node);
  walk_nodes (node, count_border, &borders);

  g_test_message ("%u texts, %u borders of mixed colours", borders.n_texts, borders.n_mixed);
  g_assert_cmpuint (borders.n_texts, >=, 20);
  g_assert_cmpuint (borders.n_mixed, ==, 0);

  /* The same in high contrast, where the separators have their own colour. */
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  g_assert_true (kh_test_wait_for (is_high_contrast, NULL));
  g_clear_pointer (&node, gsk_render_node_unref);
  node = kh_test_draw_widget (GTK_WIDGET (window));
  borders = (Borders) { 0 };
  walk_nodes (node, count_border, &borders);
  g_test_message ("high contrast: %u texts, %u borders of mixed colours", borders.n_texts, borders.n_mixed);
  g_assert_cmpuint (borders.n_texts, >=, 20);
  g_assert_cmpuint (borders.n_mixed, ==, 0);
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
}

/* Renames it as a person would: Preferences, edit the row, apply. */
static void
rename_department (KhApplication *app,
                   KhWindow      *window,
                   gconstpointer  old_name)
{
  KhPreferencesWindow *preferences;
  GtkWidget *row;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, old_name));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));

  row = kh_test_find_widget (GTK_WIDGET (preferences), is_entry_row_with_text, old_name);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), NEW_NAME);
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* The main window follows at once. */
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, NEW_NAME));
}

static void
renamed_department_shown (KhApplication *app,
                          KhWindow      *window,
                          gconstpointer  old_name)
{
  KhPreferencesWindow *preferences;

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, NEW_NAME));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text, old_name));

  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (preferences), is_entry_row_with_text, NEW_NAME));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (preferences), is_entry_row_with_text, old_name));
}

/* Fills the fixture's database with the demo; the name of its second
 * department. */
static char *
fill_demo_second_department (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(KhStore) store = NULL;

  fill_demo (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  departments = kh_store_list_departments (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (departments->len, >=, 2);
  return g_strdup (kh_department_get_name (g_ptr_array_index (departments, 1)));
}

static void
test_rename_department_survives_restart (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = fill_demo_second_department (fixture);
  KhStore *store;

  run_application (fixture->path, rename_department, old_name);

  /* After a restart: in the database… */
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_find_department (store, NEW_NAME), >, 0);
  g_assert_cmpint (kh_store_find_department (store, old_name), ==, 0);
  g_clear_object (&store);

  /* …and in a new window and its preferences. */
  run_application (fixture->path, renamed_department_shown, old_name);
}

/* Another program renames a department the moment the window opens,
 * before the application's first look at the file: the overview shows the
 * new name all the same. */
static void
change_right_after_start_shown (KhApplication *app,
                                KhWindow      *window,
                                gconstpointer  data)
{
  const char *old_name = data;
  sqlite3 *other = NULL;
  char *sql;

  g_assert_cmpint (sqlite3_open_v2 (kh_store_get_path (kh_application_get_store (app)), &other,
                                    SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (other, 10000);
  sql = sqlite3_mprintf ("UPDATE department SET name = %Q WHERE name = %Q", NEW_NAME, old_name);
  g_assert_cmpint (sqlite3_exec (other, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (other), ==, 1);
  sqlite3_free (sql);
  sqlite3_close (other);

  kh_window_show_view (window, "overview");
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, NEW_NAME));
}

static void
test_change_right_after_start (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *old_name = fill_demo_second_department (fixture);

  run_application (fixture->path, change_right_after_start_shown, old_name);
}

static void
start_page_opens_demo (KhApplication *app,
                       KhWindow      *window,
                       gconstpointer  data)
{
  GtkWidget *demo_button;

  /* An empty database: the start page, with its two ways on. */
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_button_for_action, "win.set-up-agency"));
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_button_for_action, "win.open-demo"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_label_with_text, AGENCY_NAME));
  /* No pages to ready yet: the start page stops that. */
  g_assert_true (kh_test_wait_for (pages_prepared, window));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (KH_TYPE_PLAN_PAGE)));

  demo_button = kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action, "win.open-demo");
  g_signal_emit_by_name (demo_button, "clicked");

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));
  /* The pages are readied once the demo is in. */
  g_assert_true (kh_window_is_preparing_pages (window));
  g_assert_true (kh_test_wait_for (pages_prepared, window));
  g_assert_nonnull (kh_test_find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (KH_TYPE_PLAN_PAGE)));
}

static void
test_start_page_opens_demo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhStore *store;

  run_application (fixture->path, start_page_opens_demo, NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (kh_store_is_empty (store));
  g_clear_object (&store);
}

/* Types into the agency's place and quits at once, before the delayed save. */
static void
type_place_and_quit (KhApplication *app,
                     KhWindow      *window,
                     gconstpointer  data)
{
  GtkWidget *row;

  kh_window_show_preferences (window);
  kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW);

  row = kh_test_find_widget (GTK_WIDGET (kh_test_find_toplevel (KH_TYPE_PREFERENCES_WINDOW)), kh_test_is_entry_row_titled,
                     "Place written before the date");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Đức Phổ");
}

static void
test_agency_typed_then_closed_is_saved (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAgency) agency = NULL;
  KhStore *store;

  fill_demo (fixture->path);
  run_application (fixture->path, type_place_and_quit, NULL);

  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  agency = kh_store_load_agency (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agency->place, ==, "Đức Phổ");
  g_assert_cmpstr (agency->name, ==, AGENCY_NAME);
  g_clear_object (&store);
}

static void
not_a_database_refused (KhApplication *app,
                        KhWindow      *window,
                        gconstpointer  data)
{
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_button_for_action, "win.choose-database"));
  g_assert_null (kh_application_get_store (app));
  g_assert_nonnull (kh_application_get_store_error (app));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_assert_null (kh_test_find_widget (GTK_WIDGET (window), is_mapped_button_for_action, "win.open-demo"));
}

static void
test_not_a_database_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char text[] = "Kế hoạch năm 2024 — a text file, not a database.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (fixture->path, text, -1, &error));

  run_application (fixture->path, not_a_database_refused, NULL);

  /* Left exactly as it was. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_cmpstr (contents, ==, text);
}

/* Read-only: a banner under the header bar says so, and the backups can
 * be neither made nor restored. Root writes anyway: the application then
 * runs with the file-system uid of the user nobody (which drops root's
 * override of permissions for the main thread), as a clerk without
 * write access to the folder would. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
read_only_banner (KhApplication *app,
                  KhWindow      *window,
                  gconstpointer  data)
{
  const Fixture *fixture = data;
  g_autofree char *banner_text = g_strdup_printf ("folder “%s”", fixture->dir);
  KhPreferencesWindow *preferences;
  GtkWidget *back_up, *restore;
  KhStore *store = kh_application_get_store (app);

  if (store == NULL)
    g_error ("%s", kh_application_get_store_error (app)->message);
  g_assert_true (kh_store_is_read_only (store));

  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_containing, banner_text));
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_containing,
                               "This database is read-only: changes cannot be saved."));
  /* The views still show the data. */
  g_assert_true (window_shows (GTK_WINDOW (window), is_mapped_label_with_text, AGENCY_NAME));

  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "backups");
  g_assert_true (window_shows (GTK_WINDOW (preferences), is_mapped_label_containing,
                               "backups can be neither made nor restored"));
  back_up = kh_test_find_widget (GTK_WIDGET (preferences), is_button_labelled, "_Back Up Now");
  g_assert_nonnull (back_up);
  g_assert_false (gtk_widget_is_sensitive (back_up));
  restore = kh_test_find_widget (GTK_WIDGET (preferences), is_button_labelled, "_Restore…");
  g_assert_nonnull (restore);
  g_assert_false (gtk_widget_is_sensitive (restore));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (restore), ==, "The database is read-only");
}

static void
test_read_only_banner (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length, after_length;
  gboolean as_nobody = geteuid () == 0;
  KhStore *store;

  /* In a process of its own: threads started as nobody stay nobody. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fill_demo (fixture->path);
  store = kh_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_free (kh_store_backup (store, KH_BACKUP_MANUAL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));

  g_chmod (fixture->dir, 0555);
  g_chmod (fixture->path, 0444);
  {
    /* The backups stay readable, as the clerk's own would be. */
    g_autofree char *backups = kh_backup_dir_for (fixture->path);
    g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *backup = g_build_filename (backups, name, NULL);
        g_chmod (backup, 0444);
      }
    g_chmod (backups, 0555);
  }
  if (as_nobody)
    {
      setfsuid (65534);
      g_assert_cmpint (setfsuid (-1), ==, 65534);
    }

  run_application (fixture->path, read_only_banner, fixture);

  if (as_nobody)
    setfsuid (0);
  g_chmod (fixture->dir, 0700);
  g_chmod (fixture->path, 0600);
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, &error));
  g_assert_cmpmem (contents, length, after, after_length);
}

/* A full disk (the database capped at its size): the department is not
 * added, the row is marked and a toast says why in plain words. */
#define DISK_FULL_MESSAGE "The disk is full: your last change was not saved. Free some space and try again."
#define ADDED_NAME        "Đài truyền thanh xã"

static int
count_departments (KhStore *store)
{
  g_autoptr(GPtrArray) departments = kh_store_list_departments (store, TRUE, NULL);

  return departments ? (int)departments->len : -1;
}

static void
disk_full_toast (KhApplication *app,
                 KhWindow      *window,
                 gconstpointer  data)
{
  KhStore *store = kh_application_get_store (app);
  sqlite3 *db = kh_store_get_db (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *cap = NULL;
  KhPreferencesWindow *preferences;
  GtkWidget *row;
  int pages = 0, before;

  kh_window_show_preferences (window);
  preferences = KH_PREFERENCES_WINDOW (kh_test_wait_for_toplevel (KH_TYPE_PREFERENCES_WINDOW));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "departments");

  /* Fill what room the file has left, then no more. */
  {
    g_autoptr(KhStmt) stmt = kh_store_prepare (store, "PRAGMA page_count", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    pages = sqlite3_column_int (stmt, 0);
  }
  /* Quicker without a sync per row; put back below. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  cap = g_strdup_printf ("PRAGMA max_page_count = %d", pages);
  g_assert_cmpint (sqlite3_exec (db, cap, NULL, NULL, NULL), ==, SQLITE_OK);
  for (int i = 0; i < 10000 && error == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bộ phận %d — %0150d", i, i);
      kh_store_add_department (store, name, "", &error);
    }
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DISK_FULL);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
  before = count_departments (store);

  row = kh_test_find_widget (GTK_WIDGET (preferences), kh_test_is_entry_row_titled, "New department");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), ADDED_NAME);
  g_signal_emit_by_name (row, "apply");

  g_assert_true (window_shows (GTK_WINDOW (preferences), is_mapped_label_with_text, DISK_FULL_MESSAGE));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* What was typed is still there to try again; nothing changed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, ADDED_NAME);
  g_assert_cmpint (count_departments (store), ==, before);
  g_assert_cmpint (kh_store_find_department (store, ADDED_NAME), ==, 0);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Static: g_test_add() keeps the pointer past the block it is called in. */
static const OnDemo on_demo_shows_agency = { window_shows_agency };
static const OnDemo on_demo_pages_built = { pages_built_when_needed };
static const OnDemo on_demo_software_rendering = { software_rendering_outlines };
static const OnDemo on_demo_no_cross_fades = { software_rendering_no_cross_fades };
static const OnDemo on_demo_alt_number = { alt_number_shows_page };
static const OnDemo on_demo_row_borders = { row_borders_one_colour };
static const OnDemo on_demo_disk_full = { disk_full_toast };

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
  renderer_asked = g_strdup (g_getenv ("GSK_RENDERER"));

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    g_error ("The UI tests could not open the display.");

  g_test_add ("/gui/window/shows-agency", Fixture, &on_demo_shows_agency,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/pages-built-when-needed", Fixture, &on_demo_pages_built,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/software-rendering-outlines", Fixture, &on_demo_software_rendering,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/software-rendering-no-cross-fades", Fixture, &on_demo_no_cross_fades,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/alt-number-shows-page", Fixture, &on_demo_alt_number,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/row-borders-one-colour", Fixture, &on_demo_row_borders,
              fixture_set_up, test_on_demo, fixture_tear_down);
  g_test_add ("/gui/window/overview-keeps-rows", Fixture, NULL,
              fixture_set_up, test_overview_keeps_rows, fixture_tear_down);
  g_test_add ("/gui/window/change-right-after-start-shown", Fixture, NULL,
              fixture_set_up, test_change_right_after_start, fixture_tear_down);
  g_test_add ("/gui/window/rename-department-survives-restart", Fixture, NULL,
              fixture_set_up, test_rename_department_survives_restart, fixture_tear_down);
  g_test_add ("/gui/window/start-page-opens-demo", Fixture, NULL,
              fixture_set_up, test_start_page_opens_demo, fixture_tear_down);
  g_test_add ("/gui/preferences/agency-typed-then-closed-is-saved", Fixture, NULL,
              fixture_set_up, test_agency_typed_then_closed_is_saved, fixture_tear_down);
  g_test_add ("/gui/window/not-a-database-refused", Fixture, NULL,
              fixture_set_up, test_not_a_database_refused, fixture_tear_down);
  g_test_add ("/gui/window/read-only-banner", Fixture, NULL,
              fixture_set_up, test_read_only_banner, fixture_tear_down);
  g_test_add ("/gui/preferences/disk-full-toast", Fixture, &on_demo_disk_full,
              fixture_set_up, test_on_demo, fixture_tear_down);

  return g_test_run ();
}
