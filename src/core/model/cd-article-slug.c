/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The headline and the slug derived from it. Until the slug is edited by
 * hand it follows the headline; once edited it stays as written until
 * cd_article_reset_slug() makes it follow the headline again. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include "cd-article-private.h"
#include "cd-text.h"

const char *
cd_article_get_headline (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->headline;
}

static void
store_slug (CdArticle  *self,
            const char *slug)
{
  if (strcmp (self->slug, slug) == 0)
    return;

  g_free (self->slug);
  self->slug = g_strdup (slug);
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_SLUG]);
}

static void
store_slug_edited (CdArticle *self,
                   gboolean   slug_edited)
{
  if (self->slug_edited == !!slug_edited)
    return;

  self->slug_edited = !!slug_edited;
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_SLUG_EDITED]);
}

/**
 * cd_article_set_headline:
 * @self: a #CdArticle
 * @headline: (nullable): the main headline, plain text
 *
 * Sets the headline. Until the slug has been edited by hand, the slug follows.
 */
void
cd_article_set_headline (CdArticle  *self,
                         const char *headline)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (headline == NULL)
    headline = "";

  if (strcmp (self->headline, headline) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_free (self->headline);
  self->headline = g_strdup (headline);
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_HEADLINE]);

  if (!self->slug_edited)
    {
      g_autofree char *derived = cd_text_slugify (self->headline);
      store_slug (self, derived);
    }

  g_object_thaw_notify (G_OBJECT (self));
  cd_article_emit_changed (self);
}

const char *
cd_article_get_slug (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->slug;
}

/**
 * cd_article_set_slug:
 * @self: a #CdArticle
 * @slug: (nullable): the slug, or %NULL or "" to derive it from the headline again
 *
 * Sets the slug by hand. From then on it no longer follows the headline, unless
 * it is set to exactly what the headline gives or reset with
 * cd_article_reset_slug().
 */
void
cd_article_set_slug (CdArticle  *self,
                     const char *slug)
{
  g_autofree char *derived = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));

  derived = cd_text_slugify (self->headline);
  if (slug == NULL || slug[0] == '\0')
    slug = derived;

  old = g_strdup (self->slug);

  g_object_freeze_notify (G_OBJECT (self));
  store_slug (self, slug);
  store_slug_edited (self, strcmp (slug, derived) != 0);
  g_object_thaw_notify (G_OBJECT (self));

  if (strcmp (old, self->slug) != 0)
    cd_article_emit_changed (self);
}

/**
 * cd_article_get_slug_edited:
 * @self: a #CdArticle
 *
 * Returns: %TRUE if the slug was set by hand and no longer follows the headline
 */
gboolean
cd_article_get_slug_edited (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  return self->slug_edited;
}

/**
 * cd_article_reset_slug:
 * @self: a #CdArticle
 *
 * Makes the slug follow the headline again.
 */
void
cd_article_reset_slug (CdArticle *self)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  cd_article_set_slug (self, NULL);
}
