/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-spell-adapter"

#include <string.h>

#include "cd-spell-adapter-private.h"

/* How long one idle iteration may check before giving the main loop back:
 * well under a frame, so that keys and drawing never wait on it. */
#define BUDGET_USEC 3000

/* GNOME's palette: red 3 for misspellings, blue 3 for house style. Both read
 * on the light and the dark background. */
#define MISSPELT_COLOR "#e01b24"
#define FINDING_COLOR  "#3584e4"

G_DEFINE_FINAL_TYPE (CdSpellAdapter, cd_spell_adapter, G_TYPE_OBJECT)

static void
finding_free (gpointer data)
{
  CdSpellFinding *finding = data;
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (finding->start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, finding->start);
      gtk_text_buffer_delete_mark (buffer, finding->end);
    }
  g_object_unref (finding->start);
  g_object_unref (finding->end);
  g_object_unref (finding->issue);
  g_free (finding);
}

static CdSpellChecker *
active_checker (CdSpellAdapter *self)
{
  if (self->context == NULL || !cd_spell_context_get_enabled (self->context))
    return NULL;
  return cd_spell_context_get_checker (self->context);
}

/* Markdown fences */

/* Whether the line at @line (of @length bytes, no newline) is a code fence:
 * up to three spaces, then three or more backticks or tildes. */
static gboolean
parse_fence (const char *line,
             gsize       length,
             char       *fence_char,
             guint      *fence_length,
             gboolean   *bare)
{
  gsize i = 0;
  guint n = 0;
  char c;

  while (i < length && i < 3 && line[i] == ' ')
    i++;
  if (i >= length || (line[i] != '`' && line[i] != '~'))
    return FALSE;

  c = line[i];
  while (i < length && line[i] == c)
    {
      n++;
      i++;
    }
  if (n < 3)
    return FALSE;

  *fence_char = c;
  *fence_length = n;
  *bare = TRUE;
  for (; i < length; i++)
    {
      if (line[i] == '`' && c == '`')
        return FALSE;  /* not a fence: a code span */
      if (!g_ascii_isspace (line[i]))
        *bare = FALSE;
    }
  return TRUE;
}

/* The character offset of the line that opens the fenced code block that
 * @line_start (a line start) is in, or -1. Scans on from where the last
 * scan stopped, so checking a body from top to bottom reads it once. */
static int
fence_opener (CdSpellAdapter    *self,
              const GtkTextIter *line_start)
{
  GtkTextIter from;
  g_autofree char *text = NULL;
  const char *p;
  int offset;
  int target = gtk_text_iter_get_offset (line_start);

  if (self->fence_offset > target)
    {
      self->fence_offset = 0;
      self->fence_char = 0;
    }

  gtk_text_buffer_get_iter_at_offset (self->buffer, &from, self->fence_offset);
  text = gtk_text_iter_get_slice (&from, line_start);
  offset = self->fence_offset;

  for (p = text; *p != '\0';)
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      char c;
      guint n;
      gboolean bare;

      if (parse_fence (p, length, &c, &n, &bare))
        {
          if (self->fence_char == 0)
            {
              self->fence_char = c;
              self->fence_length = n;
              self->fence_opener = offset;
            }
          else if (c == self->fence_char && n >= self->fence_length && bare)
            {
              self->fence_char = 0;
            }
        }

      offset += (int) g_utf8_strlen (p, (gssize) length) + (eol != NULL ? 1 : 0);
      if (eol == NULL)
        break;
      p = eol + 1;
    }

  self->fence_offset = target;
  return self->fence_char != 0 ? self->fence_opener : -1;
}

/* Checking */

static gboolean
line_is_blank (const GtkTextIter *line_start)
{
  GtkTextIter iter = *line_start;

  while (!gtk_text_iter_ends_line (&iter))
    {
      if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
        return FALSE;
      gtk_text_iter_forward_char (&iter);
    }
  return TRUE;
}

static void
paragraph_bounds (CdSpellAdapter    *self,
                  const GtkTextIter *at,
                  GtkTextIter       *begin,
                  GtkTextIter       *end)
{
  *begin = *at;
  gtk_text_iter_set_line_offset (begin, 0);
  *end = *begin;

  if (self->kind == CD_SPELL_TEXT_MARKDOWN)
    {
      int opener;

      /* Core reads a paragraph whole: a line alone may look like code
       * (indented) or lose its link definitions. */
      while (gtk_text_iter_get_line (begin) > 0)
        {
          GtkTextIter prev = *begin;

          gtk_text_iter_backward_line (&prev);
          if (line_is_blank (&prev))
            break;
          *begin = prev;
        }

      /* Inside a fenced code block, from its opening fence, which tells
       * core that this is code. */
      opener = fence_opener (self, begin);
      if (opener >= 0)
        gtk_text_buffer_get_iter_at_offset (self->buffer, begin, opener);

      *end = *at;
      for (;;)
        {
          GtkTextIter next;

          if (!gtk_text_iter_ends_line (end))
            gtk_text_iter_forward_to_line_end (end);
          next = *end;
          if (!gtk_text_iter_forward_line (&next) || line_is_blank (&next))
            break;
          *end = next;
        }
    }
  else
    {
      *end = *at;
      if (!gtk_text_iter_ends_line (end))
        gtk_text_iter_forward_to_line_end (end);
    }
}

/* Checks the paragraph around @at and sets @done past it. */
static void
check_paragraph (CdSpellAdapter    *self,
                 CdSpellChecker    *checker,
                 const GtkTextIter *at,
                 GtkTextIter       *done)
{
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *text = NULL;
  GtkTextIter begin, end, stop, iter, cursor;
  gsize position = 0;

  paragraph_bounds (self, at, &begin, &end);
  stop = end;
  if (gtk_text_iter_compare (&stop, at) < 0)
    stop = *at;
  if (!gtk_text_iter_ends_line (&stop))
    gtk_text_iter_forward_to_line_end (&stop);
  gtk_text_iter_forward_char (&stop);  /* the newline; nothing at the end */

  gtk_text_buffer_remove_tag (self->buffer, self->unchecked_tag, &begin, &stop);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelt_tag, &begin, &end);
  *done = stop;

  if (gtk_text_iter_equal (&begin, &end))
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));

  text = gtk_text_iter_get_slice (&begin, &end);
  ranges = cd_spell_checker_check_text (checker, text, -1, self->kind);

  iter = begin;
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      guint start = g_array_index (ranges, guint, i);
      guint stop_byte = g_array_index (ranges, guint, i + 1);
      GtkTextIter word_end;

      if (start < position || stop_byte < start)
        continue;
      gtk_text_iter_forward_chars (&iter, (int) g_utf8_strlen (text + position,
                                                               (gssize) (start - position)));
      word_end = iter;
      gtk_text_iter_forward_chars (&word_end, (int) g_utf8_strlen (text + start,
                                                                   (gssize) (stop_byte - start)));

      if (self->typing &&
          gtk_text_iter_compare (&iter, &cursor) <= 0 &&
          gtk_text_iter_compare (&cursor, &word_end) <= 0)
        {
          /* Still being typed: underlined when the cursor moves on. */
          gtk_text_buffer_move_mark (self->buffer, self->typing_mark, &iter);
        }
      else
        {
          gtk_text_buffer_apply_tag (self->buffer, self->misspelt_tag, &iter, &word_end);
        }

      iter = word_end;
      position = stop_byte;
    }
}

/* Moves @iter to the next unchecked text before @limit. */
static gboolean
find_unchecked (CdSpellAdapter    *self,
                GtkTextIter       *iter,
                const GtkTextIter *limit)
{
  if (gtk_text_iter_compare (iter, limit) >= 0)
    return FALSE;
  if (gtk_text_iter_has_tag (iter, self->unchecked_tag))
    return TRUE;
  if (!gtk_text_iter_forward_to_tag_toggle (iter, self->unchecked_tag))
    return FALSE;
  return gtk_text_iter_compare (iter, limit) < 0 &&
         gtk_text_iter_starts_tag (iter, self->unchecked_tag);
}

/* FALSE when @deadline (0: none) passed first. */
static gboolean
check_until (CdSpellAdapter    *self,
             CdSpellChecker    *checker,
             const GtkTextIter *from,
             const GtkTextIter *limit,
             gint64             deadline)
{
  GtkTextIter at = *from;

  while (find_unchecked (self, &at, limit))
    {
      GtkTextIter done;

      check_paragraph (self, checker, &at, &done);
      at = done;
      if (deadline > 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  return TRUE;
}

static gboolean
get_visible_range (CdSpellAdapter *self,
                   GtkTextIter    *start,
                   GtkTextIter    *end)
{
  GdkRectangle rect;

  if (self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->view)))
    return FALSE;

  gtk_text_view_get_visible_rect (self->view, &rect);
  gtk_text_view_get_iter_at_location (self->view, start, rect.x, rect.y);
  gtk_text_view_get_iter_at_location (self->view, end,
                                      rect.x + rect.width, rect.y + rect.height);
  gtk_text_iter_forward_line (end);
  return TRUE;
}

static gboolean
update_cb (gpointer user_data)
{
  CdSpellAdapter *self = user_data;
  CdSpellChecker *checker = active_checker (self);
  gint64 deadline = g_get_monotonic_time () + BUDGET_USEC;
  GtkTextIter start, end;

  if (checker == NULL)
    {
      self->update_source = 0;
      return G_SOURCE_REMOVE;
    }

  /* What is on screen first. */
  if (get_visible_range (self, &start, &end) &&
      !check_until (self, checker, &start, &end, deadline))
    return G_SOURCE_CONTINUE;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  if (!check_until (self, checker, &start, &end, deadline))
    return G_SOURCE_CONTINUE;

  self->update_source = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_update (CdSpellAdapter *self)
{
  if (self->update_source != 0 || active_checker (self) == NULL)
    return;
  self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->update_source),
                            "[copydesk] spell check");
}

static void
queue_lines (CdSpellAdapter    *self,
             const GtkTextIter *start,
             const GtkTextIter *end)
{
  GtkTextIter s = *start, e = *end;

  gtk_text_iter_set_line_offset (&s, 0);
  if (!gtk_text_iter_ends_line (&e))
    gtk_text_iter_forward_to_line_end (&e);
  gtk_text_iter_forward_char (&e);
  gtk_text_buffer_apply_tag (self->buffer, self->unchecked_tag, &s, &e);
  schedule_update (self);
}

static void
recheck_all (CdSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  if (active_checker (self) == NULL)
    {
      g_clear_handle_id (&self->update_source, g_source_remove);
      gtk_text_buffer_remove_tag (self->buffer, self->misspelt_tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->unchecked_tag, &start, &end);
      return;
    }
  queue_lines (self, &start, &end);
}

/* Findings */

static void
update_findings (CdSpellAdapter *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  const CdField *field;
  GListModel *issues;
  CdArticle *article;
  GtkTextIter start, end;
  gsize length;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->finding_tag, &start, &end);
  g_ptr_array_set_size (self->findings, 0);

  if (self->context == NULL || !cd_spell_context_get_enabled (self->context))
    return;
  issues = cd_spell_context_get_issues (self->context);
  article = cd_spell_context_get_article (self->context);
  field = cd_field_lookup (self->field);
  if (issues == NULL || article == NULL || field == NULL ||
      cd_field_has_flags (field, CD_FIELD_PER_AUTHOR) ||
      !cd_field_get_value (field, article, CD_FIELD_NO_INDEX, &value) ||
      !G_VALUE_HOLDS_STRING (&value))
    return;

  /* The ranges are in the text preflight read; when the field has changed
   * since, the next check brings new ones. */
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  if (g_strcmp0 (text, g_value_get_string (&value)) != 0)
    return;
  length = strlen (text);

  for (guint i = 0; i < g_list_model_get_n_items (issues); i++)
    {
      g_autoptr(CdPreflightIssue) issue = g_list_model_get_item (issues, i);
      CdSpellFinding *finding;
      gsize from, to;

      /* Misspellings are underlined as they are typed, not from preflight. */
      if (g_strcmp0 (cd_preflight_issue_get_field (issue), self->field) != 0 ||
          g_strcmp0 (cd_preflight_issue_get_rule (issue), "spelling") == 0 ||
          !cd_preflight_issue_get_range (issue, &from, &to) ||
          from >= to || to > length ||
          !g_utf8_validate (text + from, (gssize) (to - from), NULL))
        continue;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                          (int) g_utf8_pointer_to_offset (text, text + from));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end,
                                          (int) g_utf8_pointer_to_offset (text, text + to));
      gtk_text_buffer_apply_tag (self->buffer, self->finding_tag, &start, &end);

      finding = g_new0 (CdSpellFinding, 1);
      finding->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE));
      finding->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, TRUE));
      finding->issue = g_object_ref (issue);
      g_ptr_array_add (self->findings, finding);
    }
}

CdSpellFinding *
cd_spell_adapter_finding_at (CdSpellAdapter    *self,
                             const GtkTextIter *iter,
                             GtkTextIter       *start,
                             GtkTextIter       *end)
{
  for (guint i = 0; i < self->findings->len; i++)
    {
      CdSpellFinding *finding = g_ptr_array_index (self->findings, i);

      gtk_text_buffer_get_iter_at_mark (self->buffer, start, finding->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, end, finding->end);
      if (gtk_text_iter_compare (start, end) < 0 &&
          gtk_text_iter_in_range (iter, start, end))
        return finding;
      if (gtk_text_iter_compare (start, end) < 0 && gtk_text_iter_equal (iter, end))
        return finding;
    }
  return NULL;
}

gboolean
cd_spell_adapter_misspelt_bounds (CdSpellAdapter    *self,
                                  const GtkTextIter *iter,
                                  GtkTextIter       *start,
                                  GtkTextIter       *end)
{
  GtkTextIter at = *iter;

  if (!gtk_text_iter_has_tag (&at, self->misspelt_tag))
    {
      /* Just after the word, where the cursor is after typing it. */
      if (!gtk_text_iter_ends_tag (&at, self->misspelt_tag))
        return FALSE;
      gtk_text_iter_backward_char (&at);
    }

  *start = at;
  if (!gtk_text_iter_starts_tag (start, self->misspelt_tag))
    gtk_text_iter_backward_to_tag_toggle (start, self->misspelt_tag);
  *end = at;
  gtk_text_iter_forward_to_tag_toggle (end, self->misspelt_tag);
  return TRUE;
}

/* The buffer */

/* Whether a line from @start's to @end's is a code fence: adding or
 * removing one changes what is code down to the end of the text. */
static gboolean
lines_have_fence (const GtkTextIter *start,
                  const GtkTextIter *end)
{
  GtkTextIter s = *start, e = *end;
  g_autofree char *text = NULL;
  const char *p;

  gtk_text_iter_set_line_offset (&s, 0);
  if (!gtk_text_iter_ends_line (&e))
    gtk_text_iter_forward_to_line_end (&e);
  text = gtk_text_iter_get_slice (&s, &e);

  for (p = text;;)
    {
      const char *eol = strchr (p, '\n');
      gsize length = eol != NULL ? (gsize) (eol - p) : strlen (p);
      char c;
      guint n;
      gboolean bare;

      if (parse_fence (p, length, &c, &n, &bare))
        return TRUE;
      if (eol == NULL)
        break;
      p = eol + 1;
    }
  return FALSE;
}

static void
queue_to_end (CdSpellAdapter    *self,
              const GtkTextIter *start)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  queue_lines (self, start, &end);
}

/* The fence scan's state holds for the lines before its offset: an edit
 * there makes it start again from the top. */
static void
forget_fences_after (CdSpellAdapter    *self,
                     const GtkTextIter *edit)
{
  if (gtk_text_iter_get_offset (edit) < self->fence_offset)
    {
      self->fence_offset = 0;
      self->fence_char = 0;
    }
}

static void
buffer_insert_text_after_cb (CdSpellAdapter *self,
                             GtkTextIter    *location,
                             const char     *text,
                             int             length)
{
  GtkTextIter start = *location;
  glong chars = g_utf8_strlen (text, length);

  gtk_text_iter_backward_chars (&start, (int) chars);
  forget_fences_after (self, &start);

  /* One letter typed: the word it is in waits for the cursor to leave. */
  self->typing = chars == 1 && g_unichar_isalnum (g_utf8_get_char (text));

  gtk_text_buffer_remove_tag (self->buffer, self->finding_tag, &start, location);
  if (active_checker (self) == NULL)
    return;
  if (self->kind == CD_SPELL_TEXT_MARKDOWN && lines_have_fence (&start, location))
    queue_to_end (self, &start);
  else
    queue_lines (self, &start, location);
}

static void
buffer_delete_range_before_cb (CdSpellAdapter *self,
                               GtkTextIter    *start,
                               GtkTextIter    *end)
{
  self->fence_deleted = self->kind == CD_SPELL_TEXT_MARKDOWN &&
                        active_checker (self) != NULL &&
                        lines_have_fence (start, end);
}

static void
buffer_delete_range_after_cb (CdSpellAdapter *self,
                              GtkTextIter    *start,
                              GtkTextIter    *end)
{
  GtkTextIter cursor;

  forget_fences_after (self, start);
  /* Backspace within a word goes on typing it. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor,
                                    gtk_text_buffer_get_insert (self->buffer));
  self->typing = self->typing && gtk_text_iter_equal (start, &cursor);
  if (active_checker (self) == NULL)
    return;
  if (self->fence_deleted || (self->kind == CD_SPELL_TEXT_MARKDOWN && lines_have_fence (start, end)))
    queue_to_end (self, start);
  else
    queue_lines (self, start, end);
  self->fence_deleted = FALSE;
}

static void
buffer_mark_set_cb (CdSpellAdapter *self,
                    GtkTextIter    *location,
                    GtkTextMark    *mark)
{
  GtkTextIter word;

  if (!self->typing || mark != gtk_text_buffer_get_insert (self->buffer))
    return;

  /* The cursor left the word being typed. */
  self->typing = FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &word, self->typing_mark);
  if (active_checker (self) != NULL)
    queue_lines (self, &word, &word);
}

/* Leaving the field leaves the word being typed too: the last word of a
 * headline is checked when Tab moves on, not when the cursor next moves in
 * the headline. */
static void
view_focus_leave_cb (CdSpellAdapter          *self,
                     GtkEventControllerFocus *controller)
{
  GtkTextIter word;

  if (!self->typing)
    return;

  self->typing = FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &word, self->typing_mark);
  if (active_checker (self) != NULL)
    queue_lines (self, &word, &word);
}

/* The context */

static void
context_checker_changed_cb (CdSpellAdapter *self)
{
  recheck_all (self);
}

void
cd_spell_adapter_set_context (CdSpellAdapter *self,
                              CdSpellContext *context)
{
  g_return_if_fail (CD_IS_SPELL_ADAPTER (self));
  g_return_if_fail (context == NULL || CD_IS_SPELL_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::checker",
                               G_CALLBACK (context_checker_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "words-changed",
                               G_CALLBACK (context_checker_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::enabled",
                               G_CALLBACK (update_findings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::issues",
                               G_CALLBACK (update_findings), self, G_CONNECT_SWAPPED);
    }

  recheck_all (self);
  update_findings (self);
}

CdSpellContext *
cd_spell_adapter_get_context (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), NULL);
  return self->context;
}

/* The object */

static void
cd_spell_adapter_dispose (GObject *object)
{
  CdSpellAdapter *self = CD_SPELL_ADAPTER (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  cd_spell_adapter_menu_dispose (self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

      g_signal_handlers_disconnect_by_data (self->buffer, self);
      if (self->typing_mark != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->typing_mark);
      gtk_text_tag_table_remove (table, self->misspelt_tag);
      gtk_text_tag_table_remove (table, self->finding_tag);
      gtk_text_tag_table_remove (table, self->unchecked_tag);
    }
  g_clear_object (&self->typing_mark);
  g_clear_object (&self->buffer);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;

  G_OBJECT_CLASS (cd_spell_adapter_parent_class)->dispose (object);
}

static void
cd_spell_adapter_finalize (GObject *object)
{
  CdSpellAdapter *self = CD_SPELL_ADAPTER (object);

  g_free (self->field);

  G_OBJECT_CLASS (cd_spell_adapter_parent_class)->finalize (object);
}

static void
cd_spell_adapter_class_init (CdSpellAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_spell_adapter_dispose;
  object_class->finalize = cd_spell_adapter_finalize;
}

static void
cd_spell_adapter_init (CdSpellAdapter *self)
{
  self->findings = g_ptr_array_new_with_free_func (finding_free);
}

static CdSpellAdapter *
adapter_new (GtkTextBuffer   *buffer,
             CdSpellTextKind  kind,
             const char      *field)
{
  CdSpellAdapter *self = g_object_new (CD_TYPE_SPELL_ADAPTER, NULL);
  GdkRGBA misspelt_color, finding_color;
  GtkTextIter start;

  self->buffer = g_object_ref (buffer);
  self->kind = kind;
  self->field = g_strdup (field);

  gdk_rgba_parse (&misspelt_color, MISSPELT_COLOR);
  gdk_rgba_parse (&finding_color, FINDING_COLOR);
  self->misspelt_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                   "underline", PANGO_UNDERLINE_ERROR,
                                                   "underline-rgba", &misspelt_color,
                                                   NULL);
  /* A wavy line, as for misspellings, told apart by its colour. A straight
   * one takes its thickness from the font: at the size of the fields under
   * the headline that is about half a pixel, and GTK's OpenGL renderer draws
   * a rectangle that thin without antialiasing, so it shows only when it
   * happens to cover the middle of a row of pixels, which it mostly does not
   * (the standfirst). The wavy line is drawn antialiased by every renderer. */
  self->finding_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  "underline-rgba", &finding_color,
                                                  NULL);
  self->unchecked_tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->typing_mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));

  g_signal_connect_object (buffer, "insert-text",
                           G_CALLBACK (buffer_insert_text_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range",
                           G_CALLBACK (buffer_delete_range_before_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "delete-range",
                           G_CALLBACK (buffer_delete_range_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "mark-set",
                           G_CALLBACK (buffer_mark_set_cb), self, G_CONNECT_SWAPPED);

  cd_spell_adapter_menu_init (self);
  return self;
}

CdSpellAdapter *
cd_spell_adapter_attach (GtkTextView     *view,
                         CdSpellTextKind  kind,
                         const char      *field)
{
  CdSpellAdapter *self;
  GtkEventController *focus;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (cd_spell_adapter_get_for_view (view) == NULL, NULL);

  self = adapter_new (gtk_text_view_get_buffer (view), kind, field);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  g_object_set_data_full (G_OBJECT (view), "cd-spell-adapter", self, g_object_unref);
  cd_spell_adapter_menu_attach (self, view);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (view_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);
  return self;
}

CdSpellAdapter *
cd_spell_adapter_get_for_view (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  return g_object_get_data (G_OBJECT (view), "cd-spell-adapter");
}

GtkTextBuffer *
cd_spell_adapter_get_buffer (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), NULL);
  return self->buffer;
}

GtkTextTag *
cd_spell_adapter_get_misspelt_tag (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), NULL);
  return self->misspelt_tag;
}

GtkTextTag *
cd_spell_adapter_get_finding_tag (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), NULL);
  return self->finding_tag;
}

gboolean
cd_spell_adapter_is_pending (CdSpellAdapter *self)
{
  g_return_val_if_fail (CD_IS_SPELL_ADAPTER (self), FALSE);
  return self->update_source != 0;
}

void
cd_spell_adapter_check_now (CdSpellAdapter *self)
{
  CdSpellChecker *checker;
  GtkTextIter start, end;

  g_return_if_fail (CD_IS_SPELL_ADAPTER (self));

  checker = active_checker (self);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (checker == NULL)
    return;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  check_until (self, checker, &start, &end, 0);
}

/* For the menu: checks the paragraph at @iter now, the word being typed
 * included. */
void
cd_spell_adapter_check_at (CdSpellAdapter    *self,
                           const GtkTextIter *iter)
{
  CdSpellChecker *checker = active_checker (self);
  GtkTextIter at = *iter, done;

  self->typing = FALSE;
  if (checker != NULL)
    check_paragraph (self, checker, &at, &done);
}
