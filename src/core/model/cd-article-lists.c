/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

/* The article's lists and its lead image: the authors, with the byline
 * that is derived from their names in the article's language, the tags,
 * and the publication records (one per site the article was published on).
 * A change inside an author or the image counts as a change of the article,
 * so the article follows their notifications. */

#include "config.h"

#define G_LOG_DOMAIN "cd-article"

#include "cd-article-private.h"
#include "cd-language.h"

/* The byline is derived from the authors' names and cached, so that reading it is
 * cheap and its notification fires only when the text really changes. */
void
cd_article_update_byline (CdArticle *self)
{
  g_autofree char *byline = cd_article_dup_byline (self);

  if (g_strcmp0 (byline, self->byline) == 0)
    return;

  g_free (self->byline);
  self->byline = g_steal_pointer (&byline);
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_BYLINE]);
}

static void
author_notify_cb (CdAuthor   *author,
                  GParamSpec *pspec,
                  CdArticle  *self)
{
  if (g_strcmp0 (pspec->name, "name") == 0)
    cd_article_update_byline (self);
  cd_article_emit_changed (self);
}

/**
 * cd_article_get_authors:
 * @self: a #CdArticle
 *
 * The authors in byline order. The list is read-only; change it with
 * cd_article_add_author(), cd_article_insert_author() and
 * cd_article_remove_author(). Each #CdAuthor's own properties may be set directly.
 *
 * Returns: (transfer none): a #GListModel of #CdAuthor
 */
GListModel *
cd_article_get_authors (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->authors);
}

/**
 * cd_article_insert_author:
 * @self: a #CdArticle
 * @position: where to insert; past the end appends
 * @author: the author
 */
void
cd_article_insert_author (CdArticle *self,
                          guint      position,
                          CdAuthor  *author)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_AUTHOR (author));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  g_list_store_insert (self->authors, MIN (position, n), author);
  g_signal_connect_object (author, "notify", G_CALLBACK (author_notify_cb), self, 0);

  cd_article_update_byline (self);
  cd_article_emit_changed (self);
}

/**
 * cd_article_add_authors:
 * @self: a #CdArticle
 * @authors: (element-type CdAuthor): the authors to append, in order
 *
 * Appends several authors at once, with one change and one new byline: a
 * loader adding a thousand authors one by one would build the byline a
 * thousand times.
 */
void
cd_article_add_authors (CdArticle *self,
                        GPtrArray *authors)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (authors != NULL);

  if (authors->len == 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->authors));
  g_list_store_splice (self->authors, n, 0, authors->pdata, authors->len);
  for (guint i = 0; i < authors->len; i++)
    g_signal_connect_object (g_ptr_array_index (authors, i), "notify",
                             G_CALLBACK (author_notify_cb), self, 0);

  cd_article_update_byline (self);
  cd_article_emit_changed (self);
}

void
cd_article_add_author (CdArticle *self,
                       CdAuthor  *author)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  cd_article_insert_author (self, G_MAXUINT, author);
}

void
cd_article_remove_author (CdArticle *self,
                          guint      position)
{
  g_autoptr(CdAuthor) author = NULL;

  g_return_if_fail (CD_IS_ARTICLE (self));

  author = g_list_model_get_item (G_LIST_MODEL (self->authors), position);
  g_return_if_fail (author != NULL);

  g_signal_handlers_disconnect_by_func (author, author_notify_cb, self);
  g_list_store_remove (self->authors, position);

  cd_article_update_byline (self);
  cd_article_emit_changed (self);
}

static void
append_byline_text (CdBylinePart  part,
                    const char   *text,
                    guint         index,
                    gpointer      user_data)
{
  g_string_append (user_data, text);
}

/**
 * cd_byline_for_names:
 * @names: (array zero-terminated=1): the authors' names
 * @language: (nullable): the article's BCP 47 language tag
 *
 * Joins names into a byline in the article's language: "By A", "By A and B",
 * "By A, B and C" in English, "Von A und B" in German, "A και B" in Greek.
 * Empty names are skipped. The words come from the one table that the page
 * and every export use (cd_byline_build()), and follow the article's
 * language, not the language of the program showing it: the same article
 * always exports the same bytes.
 *
 * Returns: (transfer full): the byline, or "" when there is no name
 */
char *
cd_byline_for_names (const char * const *names,
                     const char         *language)
{
  GString *byline = g_string_new (NULL);

  cd_byline_build (names, language, append_byline_text, byline);
  return g_string_free (byline, FALSE);
}

/**
 * cd_article_dup_byline:
 * @self: a #CdArticle
 *
 * Returns: (transfer full): the byline derived from the authors' names
 */
char *
cd_article_dup_byline (CdArticle *self)
{
  GListModel *authors;
  guint n;
  g_autofree const char **names = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  authors = G_LIST_MODEL (self->authors);
  n = g_list_model_get_n_items (authors);
  names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, i);
      names[i] = cd_author_get_name (author);
    }

  return cd_byline_for_names (names, self->language);
}

/**
 * cd_article_get_byline:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): the byline derived from the authors, such as
 *   "By A, B and C"; "" when there is no author
 */
const char *
cd_article_get_byline (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->byline;
}

/**
 * cd_article_get_image:
 * @self: a #CdArticle
 *
 * The lead image. It always exists; when its source is empty the article has no
 * lead image. Its fields are edited on the #CdImage directly.
 *
 * Returns: (transfer none): the lead image
 */
CdImage *
cd_article_get_image (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->image;
}

/**
 * cd_article_get_tags:
 * @self: a #CdArticle
 *
 * Returns: (transfer none): a read-only #GListModel of #CdTag
 */
GListModel *
cd_article_get_tags (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->tags);
}

/**
 * cd_article_has_tag:
 * @self: a #CdArticle
 * @name: a tag name
 *
 * Returns: %TRUE if a tag of that name (compared without regard to case) is present
 */
gboolean
cd_article_has_tag (CdArticle  *self,
                    const char *name)
{
  guint n;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_utf8_casefold (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdTag) tag = g_list_model_get_item (G_LIST_MODEL (self->tags), i);
      g_autofree char *other = g_utf8_casefold (cd_tag_get_name (tag), -1);

      if (strcmp (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * cd_article_add_tag:
 * @self: a #CdArticle
 * @tag: the tag
 *
 * Appends a tag.
 */
void
cd_article_add_tag (CdArticle *self,
                    CdTag     *tag)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_TAG (tag));

  g_list_store_append (self->tags, tag);
  cd_article_emit_changed (self);
}

/**
 * cd_article_insert_tag:
 * @self: a #CdArticle
 * @position: where to insert; past the end appends
 * @tag: the tag
 */
void
cd_article_insert_tag (CdArticle *self,
                       guint      position,
                       CdTag     *tag)
{
  guint n;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_TAG (tag));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  g_list_store_insert (self->tags, MIN (position, n), tag);
  cd_article_emit_changed (self);
}

void
cd_article_remove_tag (CdArticle *self,
                       guint      position)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->tags)));

  g_list_store_remove (self->tags, position);
  cd_article_emit_changed (self);
}

/* Publications: one record per site, filed under the site's normalised
 * address. They say where the story went, not what it says, so changing
 * them is no edit to undo; it still changes the file, so it is a change. */

static gboolean
find_publication (CdArticle  *self,
                  const char *site,
                  guint      *position)
{
  g_autofree char *normalized = cd_publication_normalize_site (site);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->publications));

  for (guint i = 0; i < n; i++)
    {
      CdPublication *record = g_list_model_get_item (G_LIST_MODEL (self->publications), i);
      gboolean found = g_strcmp0 (cd_publication_get_site (record), normalized) == 0;

      g_object_unref (record);
      if (found)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
publications_changed (CdArticle *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), cd_article_properties[PROP_PUBLICATIONS]);
  cd_article_emit_changed (self);
}

/**
 * cd_article_get_publications:
 * @self: a #CdArticle
 *
 * Where the article was published, one record per site in the order they
 * were first set. The list is read-only and its records are the article's
 * own: change a copy and give it to cd_article_set_publication().
 *
 * Returns: (transfer none): a #GListModel of #CdPublication
 */
GListModel *
cd_article_get_publications (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->publications);
}

/**
 * cd_article_lookup_publication:
 * @self: a #CdArticle
 * @site: a site's address, normalised before the search
 *
 * Returns: (transfer none) (nullable): the record for @site, or %NULL when
 *   the article was never published there
 */
CdPublication *
cd_article_lookup_publication (CdArticle  *self,
                               const char *site)
{
  guint position;
  g_autoptr(CdPublication) record = NULL;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (site != NULL, NULL);

  if (!find_publication (self, site, &position))
    return NULL;

  /* The store keeps its own reference, so the record outlives this call. */
  record = g_list_model_get_item (G_LIST_MODEL (self->publications), position);
  return record;
}

/**
 * cd_article_set_publication:
 * @self: a #CdArticle
 * @publication: a record
 *
 * Stores a copy of @publication, in place of the record for the same site
 * if there is one. Notifies #CdArticle:publications and emits
 * #CdArticle::changed unless the article already had an equal record; the
 * undo history does not record it.
 */
void
cd_article_set_publication (CdArticle     *self,
                            CdPublication *publication)
{
  g_autoptr(CdPublication) copy = NULL;
  guint position;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (CD_IS_PUBLICATION (publication));

  if (find_publication (self, cd_publication_get_site (publication), &position))
    {
      g_autoptr(CdPublication) old = g_list_model_get_item (G_LIST_MODEL (self->publications),
                                                             position);

      if (cd_publication_equal (old, publication))
        return;

      copy = cd_publication_copy (publication);
      g_list_store_splice (self->publications, position, 1, (gpointer *) &copy, 1);
    }
  else
    {
      copy = cd_publication_copy (publication);
      g_list_store_append (self->publications, copy);
    }

  publications_changed (self);
}

/**
 * cd_article_remove_publication:
 * @self: a #CdArticle
 * @site: a site's address
 *
 * Forgets the record for @site, if there is one: the next publish there
 * makes a new post.
 */
void
cd_article_remove_publication (CdArticle  *self,
                               const char *site)
{
  guint position;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (site != NULL);

  if (!find_publication (self, site, &position))
    return;

  g_list_store_remove (self->publications, position);
  publications_changed (self);
}
