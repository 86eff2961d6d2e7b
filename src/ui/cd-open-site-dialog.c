/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-open-site-dialog.h"
#include "cd-sites-page.h"
#include "cd-window-private.h"
#include "cd-wp-post.h"

/* How long the search waits after the last key before it asks the site. */
#define SEARCH_DELAY_MS 300

struct _CdOpenSiteDialog
{
  AdwWindow       parent_instance;

  AdwComboRow    *site_row;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;
  GtkSpinner     *spinner;
  AdwStatusPage  *status_page;

  CdWindow       *window;        /* weak: the dialog is destroyed with it */
  GtkStringList  *site_names;
  CdWpSite       *site;          /* the chosen site, once open */
  GCancellable   *cancellable;   /* what is running for the chosen site */
  guint           search_source;
};

G_DEFINE_FINAL_TYPE (CdOpenSiteDialog, cd_open_site_dialog, ADW_TYPE_WINDOW)

static void
show_message (CdOpenSiteDialog *self,
              const char       *title,
              const char       *description)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
show_loading (CdOpenSiteDialog *self)
{
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
restart (CdOpenSiteDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* A member that is a string, or an object with "raw" or "rendered" (as
 * WordPress gives titles in context=edit). */
static const char *
get_text (JsonObject *post,
          const char *member)
{
  JsonNode *node = json_object_get_member (post, member);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      if (json_object_has_member (object, "raw"))
        return json_object_get_string_member_with_default (object, "raw", NULL);
      return json_object_get_string_member_with_default (object, "rendered", NULL);
    }
  return NULL;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (status, "pending") == 0)
    return _("Pending Review");
  if (g_strcmp0 (status, "future") == 0)
    return _("Scheduled");
  if (g_strcmp0 (status, "private") == 0)
    return _("Private");
  if (g_strcmp0 (status, "publish") == 0)
    return _("Published");
  return status;
}

static GtkWidget *
post_row (JsonObject *post)
{
  GtkWidget *row = adw_action_row_new ();
  const char *title = get_text (post, "title");
  const char *status = json_object_get_string_member_with_default (post, "status", NULL);
  const char *modified = json_object_get_string_member_with_default (post, "modified_gmt", NULL);
  g_autoptr(GString) subtitle = g_string_new (status_label (status));

  if (modified != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (modified, utc);
      g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;

      if (local != NULL)
        {
          /* Translators: when a post was last changed, strftime format. */
          g_autofree char *text = g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
          /* Translators: %s is a date; follows a post's status. */
          g_string_append_printf (subtitle, _(" · changed %s"), text);
        }
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && title[0] != '\0' ? title : _("(no title)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "cd-post-id",
                     GINT_TO_POINTER ((int) json_object_get_int_member_with_default (post, "id", 0)));
  return row;
}

static void
posts_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CdOpenSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = cd_wp_site_list_posts_finish (CD_WP_SITE (object), result, &error);
  GtkWidget *child;

  if (posts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could Not List the Posts"), error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (posts->len == 0)
    {
      show_message (self, _("No Posts Found"),
                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0'
                    ? _("No post’s title matches the search.")
                    : _("The site has no posts yet."));
      return;
    }

  for (guint i = 0; i < posts->len; i++)
    gtk_list_box_append (self->list_box, post_row (g_ptr_array_index (posts, i)));
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "posts");
}

static void
list_posts (CdOpenSiteDialog *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->site == NULL)
    return;
  restart (self);
  show_loading (self);
  cd_wp_site_list_posts_async (self->site, search[0] != '\0' ? search : NULL,
                               self->cancellable, posts_cb, g_object_ref (self));
}

static void
site_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CdOpenSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CdWpSite) site = cd_sites_open_finish (result, &error);

  if (site == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could Not Open the Site"), error->message);
      return;
    }

  g_set_object (&self->site, site);
  list_posts (self);
}

static CdSiteEntry *
chosen_entry (CdOpenSiteDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->site_row);
  g_autoptr(CdSiteEntry) entry = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  entry = g_list_model_get_item (G_LIST_MODEL (cd_sites_get_list ()), selected);
  return entry;   /* the list keeps it */
}

static void
site_selected_cb (CdOpenSiteDialog *self)
{
  CdSiteEntry *entry = chosen_entry (self);

  /* The model chooses its first site while the dialog is being built. */
  if (self->window == NULL)
    return;
  g_clear_object (&self->site);
  restart (self);
  if (entry == NULL)
    {
      show_message (self, _("No Sites"), _("Add the WordPress site you publish to in "
                                           "Preferences ▸ Sites."));
      return;
    }
  show_loading (self);
  cd_sites_open_async (entry, self->cancellable, site_opened_cb, g_object_ref (self));
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  CdOpenSiteDialog *self = user_data;

  self->search_source = 0;
  list_posts (self);
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (CdOpenSiteDialog *self)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CdOpenSiteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) post = cd_wp_site_fetch_post_finish (CD_WP_SITE (object), result, &error);
  g_autoptr(CdArticle) article = NULL;

  if (post != NULL)
    article = cd_wp_post_to_article (post, cd_wp_site_get_url (CD_WP_SITE (object)), &error);

  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could Not Open the Post"), error->message);
      return;
    }

  if (self->window != NULL)
    cd_window_open_article (self->window, article);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_activated_cb (CdOpenSiteDialog *self,
                  GtkListBoxRow    *row)
{
  gint64 post_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cd-post-id"));

  if (self->site == NULL || post_id <= 0)
    return;
  restart (self);
  show_loading (self);
  cd_wp_site_fetch_post_async (self->site, post_id, self->cancellable, fetch_cb, g_object_ref (self));
}

static void
cd_open_site_dialog_dispose (GObject *object)
{
  CdOpenSiteDialog *self = CD_OPEN_SITE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_object (&self->site);
  g_clear_object (&self->site_names);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_OPEN_SITE_DIALOG);

  G_OBJECT_CLASS (cd_open_site_dialog_parent_class)->dispose (object);
}

static void
cd_open_site_dialog_class_init (CdOpenSiteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_open_site_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-open-site-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CdOpenSiteDialog, status_page);
  gtk_widget_class_bind_template_callback (widget_class, site_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cd_open_site_dialog_init (CdOpenSiteDialog *self)
{
  GListModel *list = G_LIST_MODEL (cd_sites_get_list ());

  gtk_widget_init_template (GTK_WIDGET (self));

  self->site_names = gtk_string_list_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CdSiteEntry) entry = g_list_model_get_item (list, i);
      gtk_string_list_append (self->site_names, cd_site_entry_get_name (entry));
    }
  adw_combo_row_set_model (self->site_row, G_LIST_MODEL (self->site_names));
}

GtkWidget *
cd_open_site_dialog_new (CdWindow *window)
{
  CdOpenSiteDialog *self = g_object_new (CD_TYPE_OPEN_SITE_DIALOG,
                                         "transient-for", window,
                                         NULL);

  g_set_weak_pointer (&self->window, window);
  /* Setting the model above chose the first site before the dialog knew
   * its window; list its posts now. */
  site_selected_cb (self);
  return GTK_WIDGET (self);
}
