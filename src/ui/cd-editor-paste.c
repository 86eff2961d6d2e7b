/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-editor"

#include <string.h>

#include "cd-editor-private.h"

/*
 * Pasting HTML into the body editor
 *
 * When the clipboard offers text/html (a copy from a browser or a word
 * processor), "paste-clipboard" is stopped and the HTML is read, converted
 * with cd_html_to_markdown () and inserted in place of the selection as one
 * undo step: inline text into the line, blocks set apart from the text
 * around them by blank lines. Anything else, and any failure to read the
 * HTML, falls back to GtkTextView's own plain-text paste.
 *
 * The HTML is read in chunks up to MAX_PASTE_BYTES; a larger paste is
 * pasted as its text.
 */

#define MAX_PASTE_BYTES    (8 * 1024 * 1024)
#define PASTE_CHUNK_BYTES  (64 * 1024)

typedef struct
{
  CdEditor     *self;
  GInputStream *stream;
  GByteArray   *data;
  /* What was selected when the paste was asked for: the selection itself
   * may not last until the HTML is read (on X11, losing the primary
   * selection collapses it). */
  GtkTextMark  *start;
  GtkTextMark  *end;
} PasteData;

static void
clear_mark (GtkTextMark **mark)
{
  if (*mark == NULL)
    return;
  if (!gtk_text_mark_get_deleted (*mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (*mark), *mark);
  g_clear_object (mark);
}

static void
paste_data_free (PasteData *paste)
{
  clear_mark (&paste->start);
  clear_mark (&paste->end);
  g_clear_object (&paste->self);
  g_clear_object (&paste->stream);
  g_clear_pointer (&paste->data, g_byte_array_unref);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteData, paste_data_free)

void
cd_editor_paste_plain (CdEditor *self)
{
  self->paste_plain = TRUE;
  g_signal_emit_by_name (self->view, "paste-clipboard");
  self->paste_plain = FALSE;
}

/* Browsers put text/html on the clipboard as UTF-8, sometimes with a byte
 * order mark, and some (Firefox, apps on Wine) as UTF-16, with or without
 * one. Returns UTF-8 (possibly invalid, which the converter replaces), or
 * NULL if UTF-16 cannot be converted. */
static char *
decode_html (const guint8 *data,
             gsize         length,
             gsize        *out_length)
{
  const char *encoding = NULL;
  gsize skip = 0;

  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    encoding = "UTF-16LE", skip = 2;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    encoding = "UTF-16BE", skip = 2;
  else if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    skip = 3;
  else if (length >= 2 && data[0] != 0 && data[1] == 0)
    encoding = "UTF-16LE";
  else if (length >= 2 && data[0] == 0 && data[1] != 0)
    encoding = "UTF-16BE";

  data += skip;
  length -= skip;

  if (encoding != NULL)
    {
      g_autoptr(GError) error = NULL;
      char *utf8;

      length -= length % 2;
      while (length >= 2 && data[length - 1] == 0 && data[length - 2] == 0)
        length -= 2;
      utf8 = g_convert ((const char *) data, length, "UTF-8", encoding, NULL, out_length, &error);
      if (utf8 == NULL)
        g_debug ("Pasted HTML is not %s: %s", encoding, error->message);
      return utf8;
    }

  /* A terminating NUL some programs include. */
  while (length > 0 && data[length - 1] == 0)
    length--;
  *out_length = length;
  return g_strndup ((const char *) data, length);
}

static gboolean
line_is_blank_at (GtkTextBuffer *buffer,
                  int            line)
{
  GtkTextIter iter;

  if (line < 0 || line >= gtk_text_buffer_get_line_count (buffer))
    return TRUE;
  for (gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
       !gtk_text_iter_ends_line (&iter);
       gtk_text_iter_forward_char (&iter))
    {
      gunichar c = gtk_text_iter_get_char (&iter);

      if (c >= 0x80 || !g_ascii_isspace (c))
        return FALSE;
    }
  return TRUE;
}

void
cd_editor_insert_markdown_html (CdEditor   *self,
                                const char *html,
                                gssize      length)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  gboolean editable = gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view));
  g_autofree char *markdown = cd_html_to_markdown (html, length);
  g_autofree char *text = NULL;
  const char *before = "";
  const char *after = "";
  GtkTextIter iter;
  gsize len = strlen (markdown);
  int offset;

  while (len > 0 && (markdown[len - 1] == '\n' || markdown[len - 1] == '\r'))
    markdown[--len] = '\0';
  if (len == 0)
    return;

  cd_editor_begin_edit (self);
  gtk_text_buffer_delete_selection (buffer, TRUE, editable);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  /* Inline text goes into the line at the cursor; blocks (paragraphs, lists,
   * headings) are set apart from the text around them by blank lines. */
  if (cd_markdown_edit_is_block (markdown))
    {
      int line = gtk_text_iter_get_line (&iter);

      if (!gtk_text_iter_starts_line (&iter))
        before = "\n\n";
      else if (!line_is_blank_at (buffer, line - 1))
        before = "\n";
      if (!gtk_text_iter_ends_line (&iter))
        after = "\n\n";
      else if (!line_is_blank_at (buffer, line + 1))
        after = "\n";
    }

  offset = gtk_text_iter_get_offset (&iter) + g_utf8_strlen (before, -1) +
           g_utf8_strlen (markdown, -1);
  text = g_strconcat (before, markdown, after, NULL);
  if (gtk_text_buffer_insert_interactive (buffer, &iter, text, -1, editable))
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  gtk_text_buffer_end_user_action (buffer);
  cd_editor_scroll_to_cursor (self);
}

static void
paste_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PasteData) paste = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *html = NULL;
  CdEditor *self = paste->self;
  gsize length = 0;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (bytes == NULL)
    {
      g_debug ("Could not read pasted HTML: %s", error->message);
      cd_editor_paste_plain (self);
      return;
    }

  if (g_bytes_get_size (bytes) > 0)
    {
      if (paste->data->len + g_bytes_get_size (bytes) > MAX_PASTE_BYTES)
        {
          g_debug ("Pasted HTML is larger than %d bytes; pasting its text", MAX_PASTE_BYTES);
          cd_editor_paste_plain (self);
          return;
        }
      g_byte_array_append (paste->data, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      GInputStream *stream = paste->stream;

      g_input_stream_read_bytes_async (stream, PASTE_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                       self->cancellable, paste_read_cb,
                                       g_steal_pointer (&paste));
      return;
    }

  html = decode_html (paste->data->data, paste->data->len, &length);
  if (html == NULL)
    {
      cd_editor_paste_plain (self);
      return;
    }
  if (!gtk_text_mark_get_deleted (paste->start) && !gtk_text_mark_get_deleted (paste->end))
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_mark (buffer, &start, paste->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, paste->end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
  cd_editor_insert_markdown_html (self, html, length);
}

static void
paste_clipboard_read_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PasteData) paste = user_data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;
  GCancellable *cancellable;

  paste->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (g_cancellable_is_cancelled (paste->self->cancellable))
    return;
  if (paste->stream == NULL)
    {
      g_debug ("Could not read the clipboard's HTML: %s", error->message);
      cd_editor_paste_plain (paste->self);
      return;
    }

  paste->data = g_byte_array_new ();
  stream = paste->stream;
  cancellable = paste->self->cancellable;
  g_input_stream_read_bytes_async (stream, PASTE_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   cancellable, paste_read_cb, g_steal_pointer (&paste));
}

void
cd_editor_view_paste_clipboard_cb (CdEditor    *self,
                                   GtkTextView *view)
{
  static const char *mime_types[] = { "text/html", NULL };
  GdkClipboard *clipboard;
  PasteData *paste;
  GtkTextIter start, end;

  cd_editor_seal_history (self);
  if (self->paste_plain || !gtk_text_view_get_editable (view))
    return;

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  if (!gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");

  paste = g_new0 (PasteData, 1);
  paste->self = g_object_ref (self);
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  paste->start = g_object_ref (gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer),
                                                            NULL, &start, TRUE));
  paste->end = g_object_ref (gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer),
                                                          NULL, &end, FALSE));
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, self->cancellable,
                            paste_clipboard_read_cb, paste);
}
