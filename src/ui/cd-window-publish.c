/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* Publishing from the window: win.publish sends the article to the site
 * chosen in the Publish popover through CdPublisher, on a copy of the
 * article, and keeps the record it returns (then saves, so that the link to
 * the post is never lost). A conflict, the site's changes on read-back and
 * errors are shown, never dropped. Also win.open-from-site. */

#define G_LOG_DOMAIN "copydesk-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-article-file.h"
#include "cd-open-site-dialog.h"
#include "cd-publisher.h"
#include "cd-sites-page.h"
#include "cd-window-private.h"
#include "cd-wp-post.h"

/* Window data: the site a running publish goes to, for the question asked
 * when the window closes, and the publish whose abandonment the user
 * accepted by closing anyway. */
#define PUBLISH_SITE_KEY "cd-publish-site"
#define CLOSE_CONFIRMED_KEY "cd-publish-close-confirmed"

typedef struct
{
  CdWindow    *window;       /* weak: NULL once the window is destroyed */
  CdDocument  *document;     /* owned: the record goes to this one only */
  CdArticle   *article;      /* owned: a snapshot taken when Publish was chosen */
  CdSiteEntry *entry;        /* owned */
  char        *status;       /* NULL: the article's, or the post's current one */
  char        *article_dir;
  gboolean     overwrite;
  /* With overwrite: the post as the conflict showed it. */
  char        *expected_modified_gmt;
  char        *expected_fingerprint;
  CdPublisher *publisher;    /* owned; NULL until the site is open */
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->document);
  g_clear_object (&job->article);
  g_clear_object (&job->entry);
  g_clear_pointer (&job->status, g_free);
  g_clear_pointer (&job->article_dir, g_free);
  g_clear_pointer (&job->expected_modified_gmt, g_free);
  g_clear_pointer (&job->expected_fingerprint, g_free);
  if (job->publisher != NULL)
    g_signal_handlers_disconnect_by_data (job->publisher, job);
  g_clear_object (&job->publisher);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PublishJob, publish_job_free)

static PublishJob *
publish_job_copy (PublishJob *job)
{
  PublishJob *copy = g_new0 (PublishJob, 1);

  g_set_weak_pointer (&copy->window, job->window);
  copy->document = g_object_ref (job->document);
  copy->article = g_object_ref (job->article);
  copy->entry = g_object_ref (job->entry);
  copy->status = g_strdup (job->status);
  copy->article_dir = g_strdup (job->article_dir);
  copy->overwrite = job->overwrite;
  copy->expected_modified_gmt = g_strdup (job->expected_modified_gmt);
  copy->expected_fingerprint = g_strdup (job->expected_fingerprint);
  return copy;
}

static void start_publish (PublishJob *job);

static void
end_publish (CdWindow *self)
{
  g_clear_object (&self->publish_cancellable);
  g_object_set_data (G_OBJECT (self), PUBLISH_SITE_KEY, NULL);
  g_object_set_data (G_OBJECT (self), CLOSE_CONFIRMED_KEY, NULL);
  /* A window closed while publishing has no button any more. */
  if (self->publish_button == NULL)
    return;
  cd_publish_button_set_busy (self->publish_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish-cancel", FALSE);
}

/* A scrolled, monospace text for the site's changes: the differences are
 * text lines laid out for a terminal. */
static GtkWidget *
differences_view (const char *text)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "differences");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "differences-frame");
  return scrolled;
}

/* Opens @article as a new, unsaved document: in this window when it is
 * unused, else in a new one. */
void
cd_window_open_article (CdWindow  *self,
                        CdArticle *article)
{
  g_autoptr(CdDocument) document = cd_document_new (article);
  CdApplication *application = cd_window_get_cd_application (self);
  CdWindow *target = self;

  cd_document_set_modified (document, TRUE);
  if (!cd_window_is_unused (self) && application != NULL)
    target = cd_window_new (application);
  cd_window_set_document (target, document);
  gtk_window_present (GTK_WINDOW (target));
}

/* Conflict */

typedef struct
{
  PublishJob *job;          /* owned */
  JsonObject *site_post;    /* owned */
} ConflictData;

static void
conflict_data_free (ConflictData *data)
{
  g_clear_pointer (&data->job, publish_job_free);
  g_clear_pointer (&data->site_post, json_object_unref);
  g_free (data);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ConflictData *data = user_data;
  CdWindow *self = data->job->window;

  if (self == NULL)
    return;
  if (g_strcmp0 (response, "replace") == 0)
    {
      PublishJob *job = publish_job_copy (data->job);

      job->overwrite = TRUE;
      start_publish (job);
    }
  else if (g_strcmp0 (response, "open") == 0 && data->site_post != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CdArticle) article = cd_wp_post_to_article (data->site_post,
                                                            cd_site_entry_get_url (data->job->entry),
                                                            &error);
      if (article == NULL)
        cd_window_show_error (self, _("Could Not Open the Site’s Version"), error->message);
      else
        cd_window_open_article (self, article);
    }
}

static void
show_conflict (PublishJob      *job,
               CdPublishResult *result)
{
  AdwMessageDialog *dialog;
  ConflictData *data = g_new0 (ConflictData, 1);
  GPtrArray *changes = cd_publish_result_get_site_changes (result);
  JsonObject *site_post = cd_publish_result_get_site_post (result);
  g_autofree char *text = changes != NULL ? cd_wp_differences_to_text (changes) : g_strdup ("");
  GPtrArray *warnings = cd_publish_result_get_warnings (result);
  g_autofree char *heading = NULL;
  const char *body = _("Someone edited the post on the site since you "
                       "last published it. Nothing was sent. Publishing "
                       "your version would replace these changes:");

  /* A post from an earlier publish whose answer was lost: the publisher
   * says so, and that says more than "since you last published it". */
  if (warnings != NULL && warnings->len > 0)
    body = g_ptr_array_index (warnings, 0);
  /* Translators: %s is the name of a WordPress site. */
  heading = g_strdup_printf (_("The Post Was Changed on %s"), cd_site_entry_get_name (job->entry));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (job->window), heading, body));
  adw_message_dialog_set_extra_child (dialog, differences_view (text));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep the Site’s"),
                                    "open", _("_Open the Site’s Version"),
                                    "replace", _("_Replace With Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "open", site_post != NULL);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  data->job = publish_job_copy (job);
  /* Replace With Mine replaces this state of the post only: an edit made
   * on the site while the dialog is open is a new conflict. */
  g_free (data->job->expected_modified_gmt);
  data->job->expected_modified_gmt = g_strdup (cd_publish_result_get_site_modified_gmt (result));
  g_free (data->job->expected_fingerprint);
  data->job->expected_fingerprint = g_strdup (cd_publish_result_get_site_fingerprint (result));
  data->site_post = site_post != NULL ? json_object_ref (site_post) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (conflict_response_cb), data,
                         (GClosureNotify) (void (*) (void)) conflict_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Success */

static void
report_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  const char *link = user_data;

  if (g_strcmp0 (response, "view") == 0 && link != NULL)
    gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), link, GDK_CURRENT_TIME);
}

/* What WordPress dropped or changed, and the publisher's warnings: a
 * journalist needs to know that the live post is not quite what was sent. */
static void
show_read_back (PublishJob      *job,
                CdPublishResult *result)
{
  GPtrArray *differences = cd_publish_result_get_differences (result);
  GPtrArray *warnings = cd_publish_result_get_warnings (result);
  guint n_differences = differences != NULL ? differences->len : 0;
  guint n_warnings = warnings != NULL ? warnings->len : 0;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  const char *link = cd_publish_result_get_link (result);

  if (n_differences == 0 && n_warnings == 0)
    return;

  if (n_differences > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "WordPress Changed %u Field",
                                            "WordPress Changed %u Fields",
                                            n_differences),
                               n_differences);
  else
    heading = g_strdup (_("Published With Warnings"));

  /* Translators: %s is the name of a WordPress site. */
  g_string_append_printf (body, _("The article is on %s, but not quite as sent."),
                          cd_site_entry_get_name (job->entry));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (job->window), heading, body->str));
  {
    /* The message dialog centres its body: lists read better aligned in a
     * box of their own below it. */
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < n_warnings; i++)
      g_string_append_printf (list, "%s• %s", i > 0 ? "\n" : "",
                              (const char *) g_ptr_array_index (warnings, i));
    if (n_warnings > 0)
      {
        GtkWidget *label = gtk_label_new (list->str);

        gtk_label_set_wrap (GTK_LABEL (label), TRUE);
        gtk_label_set_xalign (GTK_LABEL (label), 0);
        gtk_label_set_selectable (GTK_LABEL (label), TRUE);
        gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
        gtk_box_append (GTK_BOX (box), label);
      }
    if (n_differences > 0)
      {
        g_autofree char *text = cd_wp_differences_to_text (differences);
        gtk_box_append (GTK_BOX (box), differences_view (text));
      }
    adw_message_dialog_set_extra_child (dialog, box);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (link != NULL)
    adw_message_dialog_add_response (dialog, "view", _("_View on Site"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (report_response_cb), g_strdup (link),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window was closed while publishing: the record still goes into the
 * article's file, and only the record, since the user may have discarded
 * unsaved changes on closing. */
static void
keep_record_without_window (PublishJob    *job,
                            CdPublication *record)
{
  GFile *file = cd_document_get_file (job->document);
  g_autoptr(CdArticle) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || file == NULL)
    return;
  saved = cd_article_load_from_file (file, NULL, &error);
  if (saved != NULL)
    {
      cd_article_set_publication (saved, record);
      cd_article_save_to_file (saved, file, NULL, &error);
    }
  if (error != NULL)
    g_message ("The link to the post on %s could not be saved in %s: %s",
               cd_site_entry_get_name (job->entry), g_file_peek_path (file), error->message);
}

static void
publish_done (PublishJob      *job,
              CdPublishResult *result)
{
  CdWindow *self = job->window;
  CdPublication *record = cd_publish_result_get_publication (result);
  const char *link = cd_publish_result_get_link (result);
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  /* The record goes to the article that was published, even when the window
   * shows another one by now: the post must stay linked to its article. */
  if (record != NULL)
    cd_article_set_publication (cd_document_get_article (job->document), record);

  if (self == NULL)
    {
      keep_record_without_window (job, record);
      return;
    }

  if (self->document == job->document)
    cd_window_history_record (self, CD_VERSION_REASON_PUBLISH);
  if (cd_document_get_file (job->document) != NULL && self->document == job->document)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
  else if (cd_document_get_file (job->document) != NULL)
    {
      g_autoptr(GError) error = NULL;
      if (!cd_document_save (job->document, cd_document_get_file (job->document), FALSE, NULL, &error))
        cd_window_show_error (self, _("Could Not Save the Link to the Post"), error->message);
    }

  /* Translators: %s is the name of a WordPress site. */
  title = g_strdup_printf (_("Published to %s"), cd_site_entry_get_name (job->entry));
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 10);
  if (link != NULL)
    {
      adw_toast_set_button_label (toast, _("_View"));
      adw_toast_set_action_name (toast, "win.open-link");
      adw_toast_set_action_target_value (toast, g_variant_new_string (link));
    }
  cd_window_add_toast (self, toast);

  cd_publish_button_popdown (self->publish_button);
  cd_publish_button_refresh (self->publish_button);
  show_read_back (job, result);
}

static void
publish_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PublishJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdPublishResult) published = NULL;
  CdWindow *self = job->window;

  published = cd_publisher_publish_finish (CD_PUBLISHER (object), result, &error);

  /* The window may be gone: the record still goes to the document, but
   * nothing is shown. */
  if (self == NULL)
    {
      if (published != NULL && cd_publish_result_get_outcome (published) == CD_PUBLISH_DONE)
        publish_done (job, published);
      return;
    }
  end_publish (self);

  if (self->publish_button == NULL)
    {
      if (published != NULL && cd_publish_result_get_outcome (published) == CD_PUBLISH_DONE)
        {
          g_clear_weak_pointer (&job->window);
          publish_done (job, published);
        }
      return;
    }
  if (published == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          cd_publish_button_popdown (self->publish_button);
          cd_window_show_error (self, _("Could Not Publish"), error->message);
        }
      return;
    }

  if (cd_publish_result_get_outcome (published) == CD_PUBLISH_CONFLICT)
    {
      cd_publish_button_popdown (self->publish_button);
      show_conflict (job, published);
      return;
    }

  publish_done (job, published);
}

static void
progress_cb (CdPublisher *publisher,
             GParamSpec  *pspec,
             PublishJob  *job)
{
  if (job->window == NULL || job->window->publish_button == NULL)
    return;
  cd_publish_button_set_progress (job->window->publish_button,
                                  cd_publisher_get_stage (publisher),
                                  cd_publisher_get_fraction (publisher));
}

static void
site_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PublishJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_sites_open_finish (result, &error);
  CdWindow *self = job->window;
  CdPublishOptions options = { 0 };

  if (self == NULL || self->publish_button == NULL)
    return;
  if (site == NULL)
    {
      end_publish (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          cd_publish_button_popdown (self->publish_button);
          cd_window_show_error (self, _("Could Not Publish"), error->message);
        }
      return;
    }

  job->publisher = cd_publisher_new (site);
  g_signal_connect (job->publisher, "notify::stage", G_CALLBACK (progress_cb), job);
  g_signal_connect (job->publisher, "notify::fraction", G_CALLBACK (progress_cb), job);

  options.status = job->status;
  options.overwrite = job->overwrite;
  options.article_dir = job->article_dir;
  options.expected_modified_gmt = job->expected_modified_gmt;
  options.expected_fingerprint = job->expected_fingerprint;
  cd_publisher_publish_async (job->publisher, job->article, &options,
                              self->publish_cancellable, publish_cb, job);
  g_steal_pointer (&job);
}

static void
start_publish (PublishJob *job_in)
{
  g_autoptr(PublishJob) job = job_in;
  CdWindow *self = job->window;
  CdSiteEntry *entry = job->entry;

  if (self == NULL || self->publish_button == NULL || self->publish_cancellable != NULL)
    return;

  self->publish_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), PUBLISH_SITE_KEY,
                          g_strdup (cd_site_entry_get_name (entry)), g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish-cancel", TRUE);
  cd_publish_button_set_busy (self->publish_button, TRUE);
  cd_publish_button_popup (self->publish_button);

  cd_sites_open_async (entry, self->publish_cancellable, site_opened_cb, g_steal_pointer (&job));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(PublishJob) job = user_data;

  if (g_strcmp0 (response, "publish") == 0)
    start_publish (g_steal_pointer (&job));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);
  CdSiteEntry *entry = cd_publish_button_get_site (self->publish_button);
  g_autoptr(PublishJob) job = NULL;
  g_autoptr(GListModel) issues = NULL;
  g_autoptr(GFile) dir = NULL;
  const char *status = cd_publish_button_get_status (self->publish_button);

  if (self->document == NULL || self->publish_cancellable != NULL)
    return;

  if (entry == NULL)
    {
      cd_publish_button_popup (self->publish_button);
      return;
    }

  cd_window_flush (self);

  job = g_new0 (PublishJob, 1);
  g_set_weak_pointer (&job->window, self);
  job->document = g_object_ref (self->document);
  job->article = cd_article_copy (cd_document_get_article (self->document));
  job->entry = g_object_ref (entry);
  job->status = g_strdup (status);
  dir = cd_document_dup_article_dir (self->document);
  job->article_dir = dir != NULL ? g_file_get_path (dir) : NULL;

  /* The same check as Export: problems that block publication are named,
   * and publishing anyway is the user's explicit choice. */
  issues = cd_window_check (self);
  if (issues != NULL && !cd_preflight_is_ready (issues))
    {
      AdwMessageDialog *dialog;
      g_autofree char *body = cd_window_describe_problems (issues);

      cd_publish_button_popdown (self->publish_button);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Publish With Problems?"),
                                                           body));
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "publish", _("_Publish Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), g_steal_pointer (&job));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  start_publish (g_steal_pointer (&job));
}

static void
publish_cancel_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CdWindow *self = CD_WINDOW (widget);

  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
open_from_site_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWidget *dialog = cd_open_site_dialog_new (CD_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing while publishing */

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CdWindow         *self)
{
  if (g_strcmp0 (response, "close") != 0 || self->publish_cancellable == NULL)
    return;
  /* This publish only: a later one asks again. */
  g_object_set_data (G_OBJECT (self), CLOSE_CONFIRMED_KEY, self->publish_cancellable);
  /* After the dialog, which is transient for this window, has finished
   * answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Runs before the window's own close handler (which asks about unsaved
 * changes): closing stops a running publish, so the user is asked first.
 * What reached the site stays there, and the record still goes to the
 * article. */
static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  CdWindow *self = CD_WINDOW (window);
  const char *site = g_object_get_data (G_OBJECT (self), PUBLISH_SITE_KEY);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->publish_cancellable == NULL
      || g_object_get_data (G_OBJECT (self), CLOSE_CONFIRMED_KEY) == self->publish_cancellable)
    return FALSE;

  /* Translators: %s is the name of a WordPress site. */
  heading = g_strdup_printf (_("Publishing to %s…"), site != NULL ? site : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, heading,
                                                       _("Closing the window stops the publish. "
                                                         "What already reached the site stays "
                                                         "there, and the article keeps the link "
                                                         "to its post. Close anyway?")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "close", _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
cd_window_publish_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (CD_TYPE_PUBLISH_BUTTON);

  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.publish-cancel", NULL, publish_cancel_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.open-from-site", NULL, open_from_site_action);
}

void
cd_window_publish_init (CdWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish-cancel", FALSE);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

void
cd_window_publish_dispose (CdWindow *self)
{
  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  g_clear_object (&self->publish_cancellable);
}
