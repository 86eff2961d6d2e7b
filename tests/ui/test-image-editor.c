/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <unistd.h>

#include "cd-ui-test-util.h"
#include "cd-image-editor.h"

/* Helpers */

typedef struct
{
  CdImageEditor *editor;
  const char    *state;
} StateWait;

static gboolean
state_is_cb (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (cd_image_editor_get_thumbnail_state (wait->editor), wait->state) == 0;
}

/* Waits up to 5 s for @state; a thumbnail that takes longer is a failure. */
static void
wait_for_state (CdImageEditor *editor,
                const char    *state)
{
  StateWait wait = { editor, state };

  if (!cd_ui_test_wait_until (state_is_cb, &wait, CD_UI_TEST_TIMEOUT_MS))
    g_error ("thumbnail state is “%s” (%s), not “%s”",
             cd_image_editor_get_thumbnail_state (editor),
             cd_image_editor_get_message (editor), state);
}

static char *
source_root_path (const char *first,
                  ...)
{
  const char *root = g_getenv ("CD_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static CdArticle *
load_sample (void)
{
  g_autofree char *path = source_root_path ("data", "sample", "harbour-ferry.copydesk", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CdArticle *article = cd_article_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return article;
}

static GFile *
sample_dir (void)
{
  g_autofree char *path = source_root_path ("data", "sample", NULL);

  return g_file_new_for_path (path);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cd-image-editor-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_remove (child);
        }
    }
  g_rmdir (path);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* Copies the first @length bytes of the sample photo (all of it for -1). */
static void
copy_sample_jpeg (const char *dest,
                  gssize      length)
{
  g_autofree char *path = source_root_path ("data", "sample", "harbour-ferry.jpg", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 1000);
  write_bytes (dest, data, length < 0 ? size : (gsize) length);
}

static void
write_png (const char *path,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3465a4ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

/* CRC-32 as PNG chunks use it (ISO 3309, reflected, polynomial 0xedb88320). */
static guint32
crc32_png (const guint8 *data,
           gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc & 1) ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
    }
  return crc ^ 0xffffffffu;
}

static void
append_be32 (GByteArray *bytes,
             guint32     value)
{
  guint8 be[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (bytes, be, 4);
}

static void
append_chunk (GByteArray   *bytes,
              const char   *type,
              const guint8 *data,
              guint32       length)
{
  guint start;

  append_be32 (bytes, length);
  start = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (bytes, data, length);
  append_be32 (bytes, crc32_png (bytes->data + start, length + 4));
}

/* A valid PNG header declaring @width x @height, then a token IDAT: a few
 * hundred bytes that would take width * height * 3 bytes to decode. */
static void
write_png_bomb (const char *path,
                guint32     width,
                guint32     height)
{
  static const guint8 signature[8] = { 137, 'P', 'N', 'G', '\r', '\n', 26, '\n' };
  static const guint8 idat[] = { 0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 ihdr[13] = {
    width >> 24, width >> 16, width >> 8, width,
    height >> 24, height >> 16, height >> 8, height,
    8,  /* bit depth */
    2,  /* RGB */
    0, 0, 0,
  };

  g_byte_array_append (bytes, signature, sizeof signature);
  append_chunk (bytes, "IHDR", ihdr, sizeof ihdr);
  append_chunk (bytes, "IDAT", idat, sizeof idat);
  append_chunk (bytes, "IEND", NULL, 0);
  write_bytes (path, bytes->data, bytes->len);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 gboolean (*match) (GtkWidget *widget, const char *text),
                 const char *text)
{
  if (match (widget, text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_entry_row_titled (GtkWidget  *widget,
                     const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_text_view (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* The text of a field: an entry row's, or the text view's in a row that
 * takes a paragraph. Valid until the next call. */
static const char *
field_text (GtkWidget *widget)
{
  static char *last;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return gtk_editable_get_text (GTK_EDITABLE (widget));

  g_assert_true (GTK_IS_TEXT_VIEW (widget));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (last);
  last = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return last;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_row (CdImageEditor *editor,
          const char    *title)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (editor), is_entry_row_titled, title);

  g_assert_nonnull (row);
  /* A row with a text view (alt text, caption): the view holds the text. */
  if (!ADW_IS_ENTRY_ROW (row))
    {
      row = find_descendant (row, is_text_view, NULL);
      g_assert_nonnull (row);
    }
  return row;
}

static GtkWidget *
find_button (CdImageEditor *editor,
             const char    *label)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (editor), is_button_labelled, label);

  g_assert_nonnull (button);
  return button;
}

static gboolean
has_focus_within (GtkWindow *window,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
assert_thumbnail_fits (CdImageEditor *editor,
                       int            expected_width,
                       int            expected_height)
{
  GdkPaintable *thumbnail = cd_image_editor_get_thumbnail (editor);
  int width, height;

  g_assert_nonnull (thumbnail);
  width = gdk_paintable_get_intrinsic_width (thumbnail);
  height = gdk_paintable_get_intrinsic_height (thumbnail);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (width, <=, 340);
  g_assert_cmpint (height, <=, 200);
  if (expected_width > 0)
    g_assert_cmpint (width, ==, expected_width);
  if (expected_height > 0)
    g_assert_cmpint (height, ==, expected_height);
}

/* Applies @text in the URL row the way Enter does. */
static void
apply_url (CdImageEditor *editor,
           const char    *text)
{
  GtkWidget *row = find_row (editor, "Image URL");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Tests */

static void
test_sample_article (void)
{
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GFile) dir = sample_dir ();
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  CdImage *image = cd_article_get_image (article);
  g_autofree char *shot = NULL;

  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==, "No lead image");
  g_assert_null (cd_image_editor_get_thumbnail (editor));

  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);
  g_assert_true (cd_image_editor_get_article (editor) == article);
  g_assert_true (g_file_equal (cd_image_editor_get_article_dir (editor), dir));

  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "loading");
  wait_for_state (editor, "loaded");

  /* 1600 x 900 fits in 340 x 200 as 340 x 191. */
  assert_thumbnail_fits (editor, 340, 191);
  g_assert_nonnull (strstr (cd_image_editor_get_message (editor), "harbour-ferry.jpg"));
  g_assert_nonnull (strstr (cd_image_editor_get_message (editor), "1600 × 900"));

  g_assert_cmpstr (field_text (find_row (editor, "Alt text")), ==,
                   cd_image_get_alt (image));
  g_assert_cmpstr (field_text (find_row (editor, "Caption")), ==,
                   cd_image_get_caption (image));
  g_assert_cmpstr (field_text (find_row (editor, "Credit")), ==,
                   cd_image_get_credit (image));
  g_assert_cmpstr (field_text (find_row (editor, "Photographer")), ==,
                   cd_image_get_photographer (image));
  g_assert_cmpstr (field_text (find_row (editor, "Copyright")), ==,
                   cd_image_get_copyright (image));
  /* A local image: the URL row is empty. */
  g_assert_cmpstr (field_text (find_row (editor, "Image URL")), ==, "");
  /* Loading changed nothing in the article. */
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");

  shot = cd_ui_test_screenshot (GTK_WIDGET (editor), "image-editor-loaded");
  g_test_message ("screenshot: %s", shot);

  gtk_window_destroy (window);
}

static void
test_no_article (void)
{
  CdImageEditor *editor = g_object_ref_sink (CD_IMAGE_EDITOR (cd_image_editor_new ()));
  g_autofree char *path = source_root_path ("data", "sample", "harbour-ferry.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (cd_image_editor_get_article (editor));
  g_assert_false (cd_image_editor_set_file (editor, file, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");
  g_assert_false (cd_image_editor_focus_field (editor, "headline"));
  g_assert_false (cd_image_editor_focus_field (editor, "body"));

  g_object_unref (editor);
}

static void
test_set_file_paths (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *article_path = g_build_filename (tmp, "article", NULL);
  g_autofree char *pictures = g_build_filename (article_path, "pictures", NULL);
  g_autofree char *inside = g_build_filename (pictures, "ferry.jpg", NULL);
  g_autofree char *beside = g_build_filename (article_path, "tall.png", NULL);
  g_autofree char *outside = g_build_filename (tmp, "elsewhere.png", NULL);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GError) error = NULL;
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);

  g_assert_cmpint (g_mkdir_with_parents (pictures, 0700), ==, 0);
  copy_sample_jpeg (inside, -1);
  write_png (beside, 100, 400);
  write_png (outside, 120, 80);
  dir = g_file_new_for_path (article_path);

  cd_image_set_alt (image, "Kept alt text");
  cd_image_editor_set_article (editor, article);
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");

  /* Without a folder (an unsaved article) the path is absolute. */
  file = g_file_new_for_path (inside);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, inside);
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 340, 191);
  g_clear_object (&file);

  /* Inside the article's folder, below it: relative. */
  cd_image_editor_set_article_dir (editor, dir);
  file = g_file_new_for_path (inside);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, "pictures/ferry.jpg");
  wait_for_state (editor, "loaded");
  g_clear_object (&file);

  /* Beside the article: relative, a PNG, scaled to fit the height. */
  file = g_file_new_for_path (beside);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, "tall.png");
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 50, 200);
  g_assert_nonnull (strstr (cd_image_editor_get_message (editor), "100 × 400"));
  g_clear_object (&file);

  /* Outside it: absolute; a small image is not enlarged. */
  file = g_file_new_for_path (outside);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, outside);
  g_assert_true (g_path_is_absolute (cd_image_get_source (image)));
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 120, 80);
  g_clear_object (&file);

  /* The other fields are the image's own and stay. */
  g_assert_cmpstr (cd_image_get_alt (image), ==, "Kept alt text");

  /* The same relative path resolves against whichever folder is set. */
  cd_image_set_source (image, "tall.png");
  wait_for_state (editor, "loaded");
  cd_image_editor_set_article_dir (editor, NULL);
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "error");
  g_assert_nonnull (strstr (cd_image_editor_get_message (editor), "tall.png"));
  cd_image_editor_set_article_dir (editor, dir);
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 50, 200);

  gtk_window_destroy (window);
  remove_tree (tmp);
}

/* Each thumbnail load holds a reference on the editor until its callback has
 * run: with the count back where it was before any load, every load ended. */
typedef struct
{
  GObject *editor;
  guint    idle_refs;
} LoadsWait;

static gboolean
loads_done_cb (gpointer data)
{
  LoadsWait *wait = data;

  return (guint) g_atomic_int_get (&wait->editor->ref_count) == wait->idle_refs;
}

static void
test_latest_wins (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *first = g_build_filename (tmp, "first.jpg", NULL);
  g_autofree char *second = g_build_filename (tmp, "second.png", NULL);
  g_autoptr(GFile) first_file = NULL;
  g_autoptr(GFile) second_file = NULL;
  g_autoptr(CdArticle) article = cd_article_new ();
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  LoadsWait loads = { G_OBJECT (editor), (guint) g_atomic_int_get (&G_OBJECT (editor)->ref_count) };

  copy_sample_jpeg (first, -1);
  write_png (second, 64, 32);
  first_file = g_file_new_for_path (first);
  second_file = g_file_new_for_path (second);
  cd_image_editor_set_article (editor, article);

  for (int i = 0; i < 5; i++)
    {
      g_assert_true (cd_image_editor_set_file (editor, first_file, NULL));
      g_assert_true (cd_image_editor_set_file (editor, second_file, NULL));
    }
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 64, 32);
  /* The earlier loads finish too, and change nothing. */
  cd_ui_test_wait_for (loads_done_cb, &loads, CD_UI_TEST_TIMEOUT_MS, "the replaced loads to end");
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "loaded");
  assert_thumbnail_fits (editor, 64, 32);

  /* Another article while a load runs: its image wins. */
  g_assert_true (cd_image_editor_set_file (editor, first_file, NULL));
  {
    g_autoptr(CdArticle) other = cd_article_new ();

    cd_image_editor_set_article (editor, other);
    g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");
    cd_ui_test_wait_for (loads_done_cb, &loads, CD_UI_TEST_TIMEOUT_MS,
                         "the load for the other article to end");
    g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");
    g_assert_null (cd_image_editor_get_thumbnail (editor));
    cd_image_editor_set_article (editor, NULL);
  }

  /* The widget goes while a load runs: the load ends quietly. */
  cd_image_editor_set_article (editor, article);
  g_assert_true (cd_image_editor_set_file (editor, first_file, NULL));
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "loading");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_destroy (window);
  /* The load holds the editor until it ends. */
  cd_ui_test_wait_for (cd_ui_test_pointer_cleared_cb, &editor, CD_UI_TEST_TIMEOUT_MS,
                       "the load to end and let the editor go");

  remove_tree (tmp);
}

static void
test_not_an_image (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *notes = g_build_filename (tmp, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (tmp, "missing.jpg", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GFile) sample = sample_dir ();
  g_autoptr(GError) error = NULL;
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);

  write_bytes (notes, "Remember to ask for the photo credit.\n", 38);
  cd_image_editor_set_article_dir (editor, sample);
  cd_image_editor_set_article (editor, article);
  wait_for_state (editor, "loaded");

  file = g_file_new_for_path (notes);
  g_assert_false (cd_image_editor_set_file (editor, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "“notes.txt” is not an image file");
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "loaded");
  g_clear_error (&error);
  g_clear_object (&file);

  /* A folder is not an image either. */
  g_assert_false (cd_image_editor_set_file (editor, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  g_clear_error (&error);

  /* Nor a file that is not there. */
  file = g_file_new_for_path (missing);
  g_assert_false (cd_image_editor_set_file (editor, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  g_clear_error (&error);

  /* A source in the article that is not there shows why. */
  cd_image_set_source (image, "missing.jpg");
  cd_image_editor_set_article_dir (editor, dir);
  wait_for_state (editor, "error");
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==,
                   "The image “missing.jpg” could not be read: there is no such file");

  gtk_window_destroy (window);
  remove_tree (tmp);
}

static void
test_broken_images (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *truncated = g_build_filename (tmp, "truncated.jpg", NULL);
  g_autofree char *half = g_build_filename (tmp, "half.jpg", NULL);
  g_autofree char *fake = g_build_filename (tmp, "fake.png", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);

  copy_sample_jpeg (truncated, 500);
  copy_sample_jpeg (half, 35000);
  write_bytes (fake, "This is not a PNG at all.\n", 26);
  cd_image_set_alt (image, "A harbour ferry");
  cd_image_set_caption (image, "The ferry leaves the pontoon.");
  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);

  /* The first 500 bytes of a JPEG: its name is an image's, so it is taken,
   * and the thumbnail says it cannot be read. */
  file = g_file_new_for_path (truncated);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, "truncated.jpg");
  wait_for_state (editor, "error");
  g_assert_null (cd_image_editor_get_thumbnail (editor));
  g_assert_true (g_str_has_prefix (cd_image_editor_get_message (editor),
                                   "The image “truncated.jpg” could not be read: "));
  g_test_message ("truncated: %s", cd_image_editor_get_message (editor));
  shot = cd_ui_test_screenshot (GTK_WIDGET (editor), "image-editor-error");
  g_test_message ("screenshot: %s", shot);
  g_clear_object (&file);

  /* Half a JPEG: decoding starts, and fails. */
  file = g_file_new_for_path (half);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  wait_for_state (editor, "error");
  g_assert_true (g_str_has_prefix (cd_image_editor_get_message (editor),
                                   "The image “half.jpg” could not be read: "));
  g_test_message ("half: %s", cd_image_editor_get_message (editor));
  g_clear_object (&file);

  /* Text in a file named .png. */
  file = g_file_new_for_path (fake);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  wait_for_state (editor, "error");
  g_assert_true (g_str_has_prefix (cd_image_editor_get_message (editor),
                                   "The image “fake.png” could not be read: "));
  g_clear_object (&file);

  gtk_window_destroy (window);
  remove_tree (tmp);
}

static void
test_too_large (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *bomb = g_build_filename (tmp, "bomb.png", NULL);
  g_autofree char *wide = g_build_filename (tmp, "wide.png", NULL);
  g_autofree char *big = g_build_filename (tmp, "big.jpg", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CdArticle) article = cd_article_new ();
  g_autoptr(GError) error = NULL;
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  gint64 start;
  int fd;

  /* 50000 x 50000 pixels (7.5 GB of RGB) in under a hundred bytes. */
  write_png_bomb (bomb, 50000, 50000);
  /* Under 64 megapixels, but wider than 20000 pixels. */
  write_png_bomb (wide, 30000, 100);
  /* Over 50 MB (a sparse file: no disk is used). */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 60 * 1000 * 1000), ==, 0);
  g_close (fd, NULL);

  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);

  start = g_get_monotonic_time ();
  file = g_file_new_for_path (bomb);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cd_image_get_source (image), ==, "bomb.png");
  wait_for_state (editor, "error");
  g_test_message ("bomb refused in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==,
                   "The image “bomb.png” is too large to preview (50000 × 50000 pixels)");
  g_assert_null (cd_image_editor_get_thumbnail (editor));
  g_clear_object (&file);

  file = g_file_new_for_path (wide);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  wait_for_state (editor, "error");
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==,
                   "The image “wide.png” is too large to preview (30000 × 100 pixels)");
  g_clear_object (&file);

  file = g_file_new_for_path (big);
  g_assert_true (cd_image_editor_set_file (editor, file, &error));
  wait_for_state (editor, "error");
  g_assert_true (g_str_has_prefix (cd_image_editor_get_message (editor),
                                   "The image “big.jpg” is too large to preview ("));
  g_test_message ("big: %s", cd_image_editor_get_message (editor));
  g_clear_object (&file);

  gtk_window_destroy (window);
  remove_tree (tmp);
}

static void
test_url (void)
{
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GFile) dir = sample_dir ();
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  GtkWidget *url_row;
  g_autofree char *shot = NULL;
  const char * const refused[] = {
    "http://images.example.com/ferry.jpg",
    "javascript:alert(1)",
    "ftp://example.com/ferry.jpg",
    "harbour-ferry.jpg",
    "https://",
    "https://images.example.com/the ferry.jpg",
  };

  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);
  wait_for_state (editor, "loaded");
  url_row = find_row (editor, "Image URL");

  /* Typing alone changes nothing; Enter applies. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "https://images.example.com/ferry.jpg");
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  g_signal_emit_by_name (url_row, "apply");
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://images.example.com/ferry.jpg");
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "remote");
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==,
                   "Remote image — shown in the preview");
  g_assert_null (cd_image_editor_get_thumbnail (editor));
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));
  /* No fetch, so nothing is loading, now or later: a fixed wait asserting
   * that no load starts. */
  cd_ui_test_wait (200);
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "remote");
  shot = cd_ui_test_screenshot (GTK_WIDGET (editor), "image-editor-remote");
  g_test_message ("screenshot: %s", shot);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      apply_url (editor, refused[i]);
      g_assert_cmpstr (cd_image_get_source (image), ==, "https://images.example.com/ferry.jpg");
      g_assert_true (gtk_widget_has_css_class (url_row, "error"));
      g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "remote");
      if (i == 0)
        {
          g_autofree char *error_shot = NULL;

          error_shot = cd_ui_test_screenshot (GTK_WIDGET (editor), "image-editor-url-error");
          g_test_message ("screenshot: %s", error_shot);
        }

      /* Editing again clears the mark. */
      gtk_editable_set_text (GTK_EDITABLE (url_row), "https://");
      g_assert_false (gtk_widget_has_css_class (url_row, "error"));
    }

  /* Enter in the entry itself, with an upper-case scheme. */
  gtk_editable_set_text (GTK_EDITABLE (url_row), "HTTPS://cdn.example.org/a.png");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (url_row)), "activate");
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://cdn.example.org/a.png");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==,
                   "https://cdn.example.org/a.png");

  /* The source focuses the URL row when it is remote. */
  g_assert_true (cd_image_editor_focus_field (editor, "image.source"));
  g_assert_true (has_focus_within (window, url_row));

  /* Changed elsewhere: the row follows. */
  cd_image_set_source (image, "https://elsewhere.example.net/b.webp");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==,
                   "https://elsewhere.example.net/b.webp");
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "remote");
  cd_image_set_source (image, "harbour-ferry.jpg");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, "");
  wait_for_state (editor, "loaded");

  /* An empty address over a local image changes nothing... */
  apply_url (editor, "");
  g_assert_cmpstr (cd_image_get_source (image), ==, "harbour-ferry.jpg");
  /* ...and removes a remote one. */
  apply_url (editor, "https://images.example.com/ferry.jpg");
  g_assert_cmpstr (cd_image_get_source (image), ==, "https://images.example.com/ferry.jpg");
  apply_url (editor, "  ");
  g_assert_cmpstr (cd_image_get_source (image), ==, "");
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");

  gtk_window_destroy (window);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_fields (void)
{
  g_autoptr(CdArticle) article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  const struct {
    const char *title;
    const char *property;
    const char *field;
  } fields[] = {
    { "Alt text", "alt", "image.alt" },
    { "Caption", "caption", "image.caption" },
    { "Credit", "credit", "image.credit" },
    { "Photographer", "photographer", "image.photographer" },
    { "Copyright", "copyright", "image.copyright" },
  };
  guint notified = 0;
  gulong handler;

  cd_image_editor_set_article (editor, article);

  /* The alt text and the caption wrap, so that a long one is read whole,
   * and stay one paragraph. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *view = find_row (editor, i == 0 ? "Alt text" : "Caption");

      g_assert_true (GTK_IS_TEXT_VIEW (view));
      g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_row (editor, "Caption"))),
                            "The ferry\nat dawn", -1);
  g_assert_cmpstr (cd_image_get_caption (image), ==, "The ferry at dawn");
  cd_image_set_caption (image, NULL);
  handler = g_signal_connect (image, "notify", G_CALLBACK (count_notify_cb), &notified);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = find_row (editor, fields[i].title);
      g_autofree char *typed = g_strdup_printf ("Typed %s", fields[i].property);
      g_autofree char *elsewhere = g_strdup_printf ("Elsewhere %s", fields[i].property);
      g_autofree char *value = NULL;

      /* The row edits the image: one notification, no echo. */
      notified = 0;
      g_assert_true (cd_image_editor_focus_field (editor, fields[i].field));
      g_assert_true (has_focus_within (window, row));
      cd_ui_test_type_text (gtk_root_get_focus (GTK_ROOT (window)), typed);
      g_object_get (image, fields[i].property, &value, NULL);
      g_assert_cmpstr (value, ==, typed);
      g_assert_cmpuint (notified, ==, 1);
      g_assert_cmpstr (field_text (row), ==, typed);
      g_clear_pointer (&value, g_free);

      /* The image changed elsewhere: the row follows, and sets nothing back. */
      notified = 0;
      g_object_set (image, fields[i].property, elsewhere, NULL);
      g_assert_cmpuint (notified, ==, 1);
      g_assert_cmpstr (field_text (row), ==, elsewhere);
    }

  /* The alt text row says what it is for. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (editor), is_label_with_text,
                                    "Describe the image for people who cannot see it"));

  g_signal_handler_disconnect (image, handler);

  /* Another article's fields replace these. */
  {
    g_autoptr(CdArticle) sample = load_sample ();

    cd_image_editor_set_article (editor, sample);
    g_assert_cmpstr (field_text (find_row (editor, "Credit")), ==,
                     cd_image_get_credit (cd_article_get_image (sample)));
    /* The old article is left alone. */
    g_assert_cmpstr (cd_image_get_credit (image), ==, "Elsewhere credit");
    cd_image_editor_set_article (editor, NULL);
    g_assert_cmpstr (field_text (find_row (editor, "Credit")), ==, "");
    g_assert_cmpstr (cd_image_get_credit (cd_article_get_image (sample)), !=, "");
  }

  gtk_window_destroy (window);
}

static void
test_remove (void)
{
  g_autoptr(CdArticle) article = load_sample ();
  g_autoptr(GFile) dir = sample_dir ();
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  GtkWidget *remove;
  g_autofree char *shot = NULL;

  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);
  wait_for_state (editor, "loaded");

  remove = find_button (editor, "_Remove Image");
  g_assert_true (gtk_widget_is_sensitive (remove));
  g_signal_emit_by_name (remove, "clicked");

  g_assert_true (cd_image_is_empty (image));
  g_assert_cmpstr (cd_image_editor_get_thumbnail_state (editor), ==, "empty");
  g_assert_cmpstr (cd_image_editor_get_message (editor), ==, "No lead image");
  g_assert_null (cd_image_editor_get_thumbnail (editor));
  g_assert_cmpstr (field_text (find_row (editor, "Alt text")), ==, "");
  g_assert_cmpstr (field_text (find_row (editor, "Caption")), ==, "");
  g_assert_false (gtk_widget_is_sensitive (remove));

  /* Nothing left to remove, but the image can be chosen again. */
  g_assert_true (cd_image_editor_focus_field (editor, "image.source"));
  g_assert_true (has_focus_within (window, find_button (editor, "_Choose Image…")));
  g_assert_true (cd_image_editor_focus_field (editor, "image"));

  shot = cd_ui_test_screenshot (GTK_WIDGET (editor), "image-editor-empty");
  g_test_message ("screenshot: %s", shot);

  gtk_window_destroy (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *found = NULL;

  for (guint i = 0; found == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        found = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_drop (void)
{
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *photo = g_build_filename (tmp, "dropped.png", NULL);
  g_autofree char *notes = g_build_filename (tmp, "dropped.txt", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GFile) photo_file = NULL;
  g_autoptr(GFile) notes_file = NULL;
  g_autoptr(CdArticle) article = cd_article_new ();
  CdImage *image = cd_article_get_image (article);
  CdImageEditor *editor = CD_IMAGE_EDITOR (cd_image_editor_new ());
  GtkWindow *window = cd_ui_test_show (GTK_WIDGET (editor), 380, 600);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (editor));
  const GType *types;
  gsize n_types;
  gboolean accepted = FALSE;
  GValue value = G_VALUE_INIT;
  GSList *list;

  write_png (photo, 300, 200);
  write_bytes (notes, "notes\n", 6);
  photo_file = g_file_new_for_path (photo);
  notes_file = g_file_new_for_path (notes);

  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST || types[1] == GDK_TYPE_FILE_LIST);
  g_assert_true (types[0] == G_TYPE_FILE || types[1] == G_TYPE_FILE);

  cd_image_editor_set_article_dir (editor, dir);
  cd_image_editor_set_article (editor, article);

  /* A file list, as file managers offer. */
  list = g_slist_append (NULL, photo_file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (accepted);
  g_assert_cmpstr (cd_image_get_source (image), ==, "dropped.png");
  wait_for_state (editor, "loaded");
  assert_thumbnail_fits (editor, 300, 200);

  /* A single file that is not an image is refused, and says so. */
  cd_image_set_source (image, NULL);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, notes_file);
  accepted = TRUE;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_false (accepted);
  g_assert_cmpstr (cd_image_get_source (image), ==, "");
  g_assert_nonnull (find_descendant (GTK_WIDGET (editor), is_label_with_text,
                                    "“dropped.txt” is not an image file"));

  /* An image dropped next takes the message away. */
  g_assert_true (cd_image_editor_set_file (editor, photo_file, NULL));
  g_assert_null (find_descendant (GTK_WIDGET (editor), is_label_with_text,
                                 "“dropped.txt” is not an image file"));
  wait_for_state (editor, "loaded");

  gtk_window_destroy (window);
  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  cd_ui_test_init (&argc, &argv);

  g_test_add_func ("/image-editor/sample-article", test_sample_article);
  g_test_add_func ("/image-editor/no-article", test_no_article);
  g_test_add_func ("/image-editor/set-file-paths", test_set_file_paths);
  g_test_add_func ("/image-editor/latest-wins", test_latest_wins);
  g_test_add_func ("/image-editor/not-an-image", test_not_an_image);
  g_test_add_func ("/image-editor/broken-images", test_broken_images);
  g_test_add_func ("/image-editor/too-large", test_too_large);
  g_test_add_func ("/image-editor/url", test_url);
  g_test_add_func ("/image-editor/fields", test_fields);
  g_test_add_func ("/image-editor/remove", test_remove);
  g_test_add_func ("/image-editor/drop", test_drop);

  return g_test_run ();
}
