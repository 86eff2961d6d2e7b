/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#define G_LOG_DOMAIN "copydesk-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-publish-button.h"
#include "cd-sites-page.h"
#include "cd-window.h"
#include "cd-wp-post.h"

struct _CdPublishButton
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkMenuButton  *menu_button;
  GtkPopover     *popover;
  GtkStack       *stack;
  GtkWidget      *empty_box;
  GtkWidget      *form_grid;
  GtkDropDown    *site_dropdown;
  GtkDropDown    *status_dropdown;
  GtkLabel       *time_label;
  GtkLabel       *account_label;
  GtkLinkButton  *link_button;
  GtkButton      *publish_button;
  GtkLabel       *stage_label;
  GtkProgressBar *progress_bar;

  GtkStringList  *site_names;
  GtkStringList  *status_names;
  /* The status id of each item of status_names; "" keeps the post's status. */
  GPtrArray      *status_ids;
  GCancellable   *check_cancellable;   /* the chosen site's account check */
  guint           refreshing : 1;
};

G_DEFINE_FINAL_TYPE (CdPublishButton, cd_publish_button, GTK_TYPE_WIDGET)

static CdArticle *
get_article (CdPublishButton *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CD_TYPE_WINDOW);
  CdDocument *document = window != NULL ? cd_window_get_document (CD_WINDOW (window)) : NULL;

  return document != NULL ? cd_document_get_article (document) : NULL;
}

static CdPublication *
find_record (CdArticle   *article,
             CdSiteEntry *site)
{
  if (article == NULL || site == NULL)
    return NULL;
  return cd_article_lookup_publication (article, cd_site_entry_get_url (site));
}

CdSiteEntry *
cd_publish_button_get_site (CdPublishButton *self)
{
  CdSiteList *list = cd_sites_get_list ();
  guint selected = gtk_drop_down_get_selected (self->site_dropdown);
  g_autoptr(CdSiteEntry) entry = NULL;

  g_return_val_if_fail (CD_IS_PUBLISH_BUTTON (self), NULL);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  entry = g_list_model_get_item (G_LIST_MODEL (list), selected);
  /* The list keeps the entry alive: transfer none. */
  return entry;
}

const char *
cd_publish_button_get_status (CdPublishButton *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  const char *id;

  g_return_val_if_fail (CD_IS_PUBLISH_BUTTON (self), NULL);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->status_ids->len)
    return NULL;
  id = g_ptr_array_index (self->status_ids, selected);
  return id[0] != '\0' ? id : NULL;
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
  return _("Published");
}

/* Times */

static GTimeZone *
site_zone (CdWpAccount *account)
{
  if (account == NULL)
    return NULL;
  if (account->timezone != NULL && account->timezone[0] != '\0')
    {
      GTimeZone *zone = g_time_zone_new_identifier (account->timezone);
      if (zone != NULL)
        return zone;
    }
  return g_time_zone_new_offset ((gint32) (account->gmt_offset_hours * 3600));
}

static char *
dup_zone_name (CdWpAccount *account)
{
  if (account->timezone != NULL && account->timezone[0] != '\0')
    return g_strdup (account->timezone);
  /* Translators: a site's time zone given as an offset, "UTC+2". */
  return g_strdup_printf (_("UTC%+g"), account->gmt_offset_hours);
}

/* "Tue 8 Dec 2026, 10:00 in Europe/Berlin · 09:00 your time" */
static char *
describe_time (GDateTime   *utc,
               CdWpAccount *account)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: a date and time, strftime format ("Tue 8 Dec 2026, 10:00"). */
  const char *full = _("%a %-d %b %Y, %H:%M");

  if (account != NULL)
    {
      g_autoptr(GTimeZone) zone = site_zone (account);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, zone);
      g_autofree char *there_text = g_date_time_format (there, full);
      g_autofree char *zone_name = dup_zone_name (account);
      gboolean same_day = g_date_time_get_day_of_year (there) == g_date_time_get_day_of_year (local) &&
                          g_date_time_get_year (there) == g_date_time_get_year (local);
      g_autofree char *here_text = g_date_time_format (local, same_day ? "%H:%M" : full);

      if (g_date_time_get_utc_offset (there) == g_date_time_get_utc_offset (local))
        /* Translators: a date and time, then the site's time zone. */
        return g_strdup_printf (_("%s in %s (your time too)"), there_text, zone_name);
      /* Translators: the time in the site's zone, the zone, the time where the user is. */
      return g_strdup_printf (_("%s in %s · %s your time"), there_text, zone_name, here_text);
    }

  {
    g_autofree char *here_text = g_date_time_format (local, full);
    /* Translators: %s is a date and time where the user is. */
    return g_strdup_printf (_("%s your time"), here_text);
  }
}

static void
update_time (CdPublishButton *self)
{
  CdArticle *article = get_article (self);
  CdSiteEntry *site = cd_publish_button_get_site (self);
  CdWpAccount *account = site != NULL ? cd_sites_lookup_account (cd_site_entry_get_url (site)) : NULL;
  CdPublication *record = find_record (article, site);
  const char *status = cd_publish_button_get_status (self);
  g_autofree char *date_gmt = article != NULL ? cd_wp_post_date_gmt (article) : NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *text = NULL;
  gboolean can_publish = site != NULL && article != NULL;

  if (date_gmt != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      when = g_date_time_new_from_iso8601 (date_gmt, utc);
    }
  if (when != NULL)
    when_text = describe_time (when, account);

  if (status == NULL && record != NULL)
    text = g_strdup (_("The post keeps its status and time on the site."));
  else if (g_strcmp0 (status, "draft") == 0)
    text = g_strdup (_("Saved on the site as a draft: readers do not see it."));
  else if (g_strcmp0 (status, "pending") == 0)
    text = g_strdup (_("Waits on the site for an editor to publish it: readers do not see it yet."));
  else if (g_strcmp0 (status, "future") == 0)
    {
      if (when_text != NULL)
        /* Translators: %s is a time ("Tue 8 Dec 2026, 10:00 in Europe/Berlin · 09:00 your time"). */
        text = g_strdup_printf (_("Appears %s"), when_text);
      else
        {
          text = g_strdup (_("Set the publication time in the details to schedule the article."));
          can_publish = FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (when != NULL && g_date_time_compare (when, now) > 0)
        text = g_strdup_printf (_("Appears %s"), when_text);
      else if (when_text != NULL)
        /* Translators: %s is the time the article carries ("Fri 27 Nov 2026, 07:30 in …"). */
        text = g_strdup_printf (_("Appears on the site at once, dated %s."), when_text);
      else
        text = g_strdup (_("Appears on the site at once."));
    }

  gtk_label_set_text (self->time_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), can_publish);
  /* The button says what it does: a post already on the site is updated. */
  if (record != NULL && cd_publication_get_post_id (record) != 0)
    gtk_button_set_label (self->publish_button, _("_Update"));
  else if (g_strcmp0 (status, "future") == 0)
    gtk_button_set_label (self->publish_button, _("_Schedule"));
  else if (g_strcmp0 (status, "draft") == 0)
    gtk_button_set_label (self->publish_button, _("_Save as Draft"));
  else
    gtk_button_set_label (self->publish_button, _("_Publish"));

  if (account != NULL)
    {
      g_autofree char *description = cd_sites_describe_account (account);
      gtk_label_set_text (self->account_label, description);
    }
  else if (site != NULL)
    {
      /* Translators: %s is a user name on the site. */
      g_autofree char *description = g_strdup_printf (_("Signed in as %s"), cd_site_entry_get_user (site));
      gtk_label_set_text (self->account_label, description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->account_label), site != NULL);
}

static void
update_statuses (CdPublishButton *self)
{
  CdArticle *article = get_article (self);
  CdSiteEntry *site = cd_publish_button_get_site (self);
  CdPublication *record = find_record (article, site);
  static const char * const statuses[] = { "draft", "pending", "publish", "future" };
  const char *wanted = article != NULL ? cd_wp_post_status_for_article (article) : "draft";
  guint selected = 0;

  self->refreshing = TRUE;
  g_ptr_array_set_size (self->status_ids, 0);
  gtk_string_list_splice (self->status_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->status_names)), NULL);

  if (record != NULL && cd_publication_get_post_id (record) != 0)
    {
      /* Translators: %s is the post's status on the site ("Published"). */
      g_autofree char *keep = g_strdup_printf (_("Keep Current Status (%s)"),
                                               status_label (cd_publication_get_status (record)));
      gtk_string_list_append (self->status_names, keep);
      g_ptr_array_add (self->status_ids, (gpointer) "");
      wanted = "";
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      const char *label = g_strcmp0 (statuses[i], "publish") == 0 ? _("Publish") : status_label (statuses[i]);

      if (g_strcmp0 (statuses[i], wanted) == 0)
        selected = self->status_ids->len;
      gtk_string_list_append (self->status_names, label);
      g_ptr_array_add (self->status_ids, (gpointer) statuses[i]);
    }

  gtk_drop_down_set_selected (self->status_dropdown, selected);
  self->refreshing = FALSE;

  if (record != NULL && cd_publication_get_link (record) != NULL)
    {
      gtk_link_button_set_uri (self->link_button, cd_publication_get_link (record));
      gtk_button_set_label (GTK_BUTTON (self->link_button), cd_publication_get_link (record));
      gtk_widget_set_visible (GTK_WIDGET (self->link_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->link_button), FALSE);

  update_time (self);
}

/* The site's account and zone */

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CdPublishButton) self = user_data;
  g_autoptr(GError) error = NULL;
  CdWpAccount *account = cd_wp_site_check_finish (CD_WP_SITE (object), result, &error);

  if (account == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->account_label, error->message);
      return;
    }

  cd_sites_remember_account (cd_wp_site_get_url (CD_WP_SITE (object)), account);
  update_time (self);
}

static void
secret_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CdPublishButton) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = cd_site_secret_lookup_finish (result, &error);
  g_autoptr(CdWpSite) site = NULL;
  CdSiteEntry *entry = cd_publish_button_get_site (self);

  if (password == NULL || entry == NULL ||
      g_cancellable_is_cancelled (self->check_cancellable))
    return;

  site = cd_wp_site_new (cd_site_entry_get_name (entry), cd_site_entry_get_url (entry),
                         cd_site_entry_get_user (entry), password, &error);
  if (site == NULL)
    {
      gtk_label_set_text (self->account_label, error->message);
      return;
    }
  cd_wp_site_check_async (site, self->check_cancellable, check_done_cb, g_object_ref (self));
}

/* Learns the chosen site's time zone and the account's rights once per run,
 * so that the popover can say when the post appears there. */
static void
check_site (CdPublishButton *self)
{
  CdSiteEntry *entry = cd_publish_button_get_site (self);

  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  if (entry == NULL || cd_sites_lookup_account (cd_site_entry_get_url (entry)) != NULL)
    return;

  self->check_cancellable = g_cancellable_new ();
  cd_site_secret_lookup_async (cd_site_entry_get_url (entry), cd_site_entry_get_user (entry),
                               self->check_cancellable, secret_done_cb, g_object_ref (self));
}

/* Sites */

static void
update_sites (CdPublishButton *self)
{
  GListModel *list = G_LIST_MODEL (cd_sites_get_list ());
  guint n = g_list_model_get_n_items (list);
  g_autofree char *selected_name = NULL;
  guint selected = 0;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->site_names)) > 0)
    {
      guint old = gtk_drop_down_get_selected (self->site_dropdown);
      if (old != GTK_INVALID_LIST_POSITION)
        selected_name = g_strdup (gtk_string_list_get_string (self->site_names, old));
    }

  self->refreshing = TRUE;
  gtk_string_list_splice (self->site_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->site_names)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdSiteEntry) entry = g_list_model_get_item (list, i);

      if (g_strcmp0 (cd_site_entry_get_name (entry), selected_name) == 0)
        selected = i;
      gtk_string_list_append (self->site_names, cd_site_entry_get_name (entry));
    }
  gtk_drop_down_set_selected (self->site_dropdown, n > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->refreshing = FALSE;

  gtk_widget_set_visible (self->empty_box, n == 0);
  gtk_widget_set_visible (self->form_grid, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), n > 0);

  update_statuses (self);
  check_site (self);
}

static void
sites_changed_cb (CdPublishButton *self)
{
  update_sites (self);
}

static void
site_selected_cb (CdPublishButton *self)
{
  if (self->refreshing)
    return;
  update_statuses (self);
  check_site (self);
}

static void
status_selected_cb (CdPublishButton *self)
{
  if (self->refreshing)
    return;
  update_time (self);
}

static void
popover_show_cb (CdPublishButton *self)
{
  /* The article may have changed since the popover was last open. */
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "progress"))
    update_sites (self);
}

void
cd_publish_button_refresh (CdPublishButton *self)
{
  g_return_if_fail (CD_IS_PUBLISH_BUTTON (self));

  update_sites (self);
}

void
cd_publish_button_set_busy (CdPublishButton *self,
                            gboolean         busy)
{
  g_return_if_fail (CD_IS_PUBLISH_BUTTON (self));

  if (busy)
    {
      gtk_label_set_text (self->stage_label, _("Connecting to the site…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "form");
}

void
cd_publish_button_set_progress (CdPublishButton *self,
                                const char      *stage,
                                double           fraction)
{
  g_return_if_fail (CD_IS_PUBLISH_BUTTON (self));

  if (stage != NULL)
    gtk_label_set_text (self->stage_label, stage);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

void
cd_publish_button_popup (CdPublishButton *self)
{
  g_return_if_fail (CD_IS_PUBLISH_BUTTON (self));

  gtk_menu_button_popup (self->menu_button);
}

void
cd_publish_button_popdown (CdPublishButton *self)
{
  g_return_if_fail (CD_IS_PUBLISH_BUTTON (self));

  gtk_menu_button_popdown (self->menu_button);
}

static void
cd_publish_button_dispose (GObject *object)
{
  CdPublishButton *self = CD_PUBLISH_BUTTON (object);

  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_signal_handlers_disconnect_by_data (cd_sites_get_list (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_PUBLISH_BUTTON);

  G_OBJECT_CLASS (cd_publish_button_parent_class)->dispose (object);
}

static void
cd_publish_button_finalize (GObject *object)
{
  CdPublishButton *self = CD_PUBLISH_BUTTON (object);

  g_clear_object (&self->site_names);
  g_clear_object (&self->status_names);
  g_clear_pointer (&self->status_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (cd_publish_button_parent_class)->finalize (object);
}

static void
cd_publish_button_class_init (CdPublishButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_publish_button_dispose;
  object_class->finalize = cd_publish_button_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-publish-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, popover);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, stack);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, empty_box);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, form_grid);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, time_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, account_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, link_button);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, publish_button);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, stage_label);
  gtk_widget_class_bind_template_child (widget_class, CdPublishButton, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "publishbutton");
}

static void
cd_publish_button_init (CdPublishButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->site_names = gtk_string_list_new (NULL);
  self->status_names = gtk_string_list_new (NULL);
  self->status_ids = g_ptr_array_new ();
  gtk_drop_down_set_model (self->site_dropdown, G_LIST_MODEL (self->site_names));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (self->status_names));

  g_signal_connect_swapped (cd_sites_get_list (), "items-changed",
                            G_CALLBACK (sites_changed_cb), self);
}

GtkWidget *
cd_publish_button_new (void)
{
  return g_object_new (CD_TYPE_PUBLISH_BUTTON, NULL);
}
