/* kh-plan-text.c — what every text editor of the plan page shares
 *
 * Text views wrap words, keep their own undo history (Ctrl+Z,
 * Ctrl+Shift+Z) and are only ever rewritten from the database when
 * what they show is out of date and the clerk is not typing in them, so
 * a reload never costs the clerk an undo step or the cursor.
 *
 * Text pasted from documents of the TCVN3 (.VnTime) or VNI era arrives
 * as Latin-1 gibberish; it is noticed on paste and a toast offers to
 * convert it. Nothing is converted without the clerk's consent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kh-plan-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kh-gtk-util.h"
#include "kh-legacy.h"

#include "kh-plan-text.h"
#include "kh-window.h"

/* Shorter insertions are typing (an input method inserts a letter or
 * two at a time); longer ones are pastes. */
#define PASTE_MIN_BYTES 8

typedef struct
{
  GWeakRef          widget;     /* the GtkTextView or the GtkText */
  GtkTextMark      *start;      /* text views */
  GtkTextMark      *end;
  int               start_pos;  /* editables, in characters */
  int               end_pos;
  char             *pasted;
  KhLegacyEncoding  encoding;
} Paste;

static void
paste_free (Paste *paste)
{
  GtkTextBuffer *buffer = paste->start ? gtk_text_mark_get_buffer (paste->start) : NULL;

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, paste->start);
      gtk_text_buffer_delete_mark (buffer, paste->end);
    }
  g_clear_object (&paste->start);
  g_clear_object (&paste->end);
  g_weak_ref_clear (&paste->widget);
  g_free (paste->pasted);
  g_free (paste);
}

static gboolean
widget_has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
convert_paste (Paste *paste)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&paste->widget);
  g_autofree char *converted = NULL;

  if (widget == NULL)
    return;

  converted = kh_legacy_convert (paste->pasted, paste->encoding);

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      if (gtk_text_mark_get_deleted (paste->start))
        return;
      gtk_text_buffer_get_iter_at_mark (buffer, &start, paste->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, paste->end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (g_strcmp0 (current, paste->pasted) != 0)
        return;

      /* One step for Ctrl+Z, which brings the pasted text back. */
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, converted, -1);
      gtk_text_buffer_end_user_action (buffer);
    }
  else if (GTK_IS_EDITABLE (widget))
    {
      GtkEditable *editable = GTK_EDITABLE (widget);
      g_autofree char *current = gtk_editable_get_chars (editable, paste->start_pos, paste->end_pos);
      int position = paste->start_pos;

      if (g_strcmp0 (current, paste->pasted) != 0)
        return;

      gtk_editable_delete_text (editable, paste->start_pos, paste->end_pos);
      gtk_editable_insert_text (editable, converted, -1, &position);
    }
}

static void
on_convert_toast_button_clicked_cb (AdwToast *toast,
                                    Paste    *paste)
{
  convert_paste (paste);
}

static void
offer_conversion (GtkWidget        *widget,
                  Paste            *paste)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!KH_IS_WINDOW (root))
    {
      paste_free (paste);
      return;
    }

  /* Translators: %s is the name of an old Vietnamese encoding, TCVN3 or VNI */
  title = g_strdup_printf (_("The pasted text looks like %s, an old Vietnamese encoding"),
                           kh_legacy_name (paste->encoding));
  toast = kh_toast_new (title);
  adw_toast_set_button_label (toast, _("_Convert"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_convert_toast_button_clicked_cb),
                         paste, (GClosureNotify)(void (*)(void))paste_free, 0);
  kh_window_add_toast (KH_WINDOW (root), toast);
}

static KhLegacyEncoding
detect_paste (const char *text,
              int         length)
{
  g_autofree char *copy = NULL;

  if (length >= 0 && length < PASTE_MIN_BYTES)
    return KH_LEGACY_NONE;
  if (length < 0 && strlen (text) < PASTE_MIN_BYTES)
    return KH_LEGACY_NONE;

  copy = length < 0 ? g_strdup (text) : g_strndup (text, length);
  return kh_legacy_detect (copy);
}

static void
on_buffer_insert_text_cb (GtkTextBuffer *buffer,
                          GtkTextIter   *location,
                          const char    *text,
                          int            length,
                          GtkTextView   *view)
{
  KhLegacyEncoding encoding = detect_paste (text, length);
  GtkTextIter start = *location;
  Paste *paste;

  if (encoding == KH_LEGACY_NONE)
    return;

  /* Runs after the insertion: location is at its end. */
  gtk_text_iter_backward_chars (&start, (int)g_utf8_strlen (text, length));

  paste = g_new0 (Paste, 1);
  g_weak_ref_init (&paste->widget, view);
  paste->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
  paste->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, location, FALSE));
  paste->pasted = length < 0 ? g_strdup (text) : g_strndup (text, length);
  paste->encoding = encoding;
  offer_conversion (GTK_WIDGET (view), paste);
}

static void
on_editable_insert_text_cb (GtkEditable *editable,
                            const char  *text,
                            int          length,
                            int         *position,
                            gpointer     user_data)
{
  KhLegacyEncoding encoding = detect_paste (text, length);
  Paste *paste;

  if (encoding == KH_LEGACY_NONE)
    return;

  /* Runs after the insertion: position is at its end. */
  paste = g_new0 (Paste, 1);
  g_weak_ref_init (&paste->widget, editable);
  paste->pasted = length < 0 ? g_strdup (text) : g_strndup (text, length);
  paste->end_pos = *position;
  paste->start_pos = *position - (int)g_utf8_strlen (paste->pasted, -1);
  paste->encoding = encoding;
  offer_conversion (GTK_WIDGET (editable), paste);
}

/* Every text view of the page: undo and redo, and an eye on pastes. */
void
kh_plan_text_view_setup (GtkTextView *view)
{
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (view), TRUE);
  kh_plan_watch_legacy_paste (GTK_WIDGET (view));
}

char *
kh_plan_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows text unless the view already does, or the clerk is typing in
 * it. Returns whether the text was replaced; a replaced text starts a
 * new undo history, as a freshly opened document does. */
gboolean
kh_plan_text_view_update (GtkTextView *view,
                          const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *current = kh_plan_text_view_get_text (view);

  if (g_strcmp0 (current, text ? text : "") == 0 || widget_has_focus (GTK_WIDGET (view)))
    return FALSE;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  return TRUE;
}

/* The same, for an entry. */
gboolean
kh_plan_editable_update (GtkEditable *editable,
                         const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0 ||
      widget_has_focus (GTK_WIDGET (editable)))
    return FALSE;

  gtk_editable_set_text (editable, text ? text : "");
  return TRUE;
}

/* Offers to convert text in an old encoding pasted into a text view or
 * an entry (including an AdwEntryRow). */
void
kh_plan_watch_legacy_paste (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "insert-text",
                               G_CALLBACK (on_buffer_insert_text_cb), widget, G_CONNECT_AFTER);
    }
  else if (GTK_IS_EDITABLE (widget))
    {
      GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (widget));

      while (delegate != NULL && gtk_editable_get_delegate (delegate) != NULL)
        delegate = gtk_editable_get_delegate (delegate);
      /* After the insertion, position is past it. */
      g_signal_connect_after (delegate ? delegate : GTK_EDITABLE (widget), "insert-text",
                              G_CALLBACK (on_editable_insert_text_cb), NULL);
    }
}
