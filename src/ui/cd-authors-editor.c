/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-authors-editor"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cd-authors-editor.h"

/* One author on screen: a boxed list with the name row and the role row
 * (the remove button at its end). The card is owned by its list widget, so
 * that handlers on the rows never outlive it. */
typedef struct
{
  CdAuthorsEditor *editor;
  CdAuthor        *author;
  GtkWidget       *list;
  GtkWidget       *name_row;
  GtkWidget       *role_row;
} AuthorCard;

struct _CdAuthorsEditor
{
  GtkWidget     parent_instance;

  GtkWidget    *authors_box;
  GtkWidget    *add_button;
  GtkWidget    *byline_label;

  CdArticle    *article;
  GSignalGroup *article_signals;
  GSignalGroup *authors_signals;
  /* AuthorCard, in the order of the article's authors. */
  GPtrArray    *cards;
};

G_DEFINE_FINAL_TYPE (CdAuthorsEditor, cd_authors_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
author_card_free (AuthorCard *card)
{
  g_clear_object (&card->author);
  g_free (card);
}

/* Shows @text, a value of the author, in @row when it differs, so that the
 * cursor of the entry being typed in never moves. Its own change handler is
 * blocked meanwhile: the entry empties before it refills, and that must not
 * reach the author. @text is copied, as the author's string is borrowed. */
static void
set_row_text (GtkWidget  *row,
              const char *text,
              GCallback   changed_cb)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  if (strcmp (gtk_editable_get_text (GTK_EDITABLE (row)), copy) == 0)
    return;

  g_signal_handlers_block_matched (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, changed_cb, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), copy);
  g_signal_handlers_unblock_matched (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, changed_cb, NULL);
}

static void
name_row_changed_cb (GtkEditable *editable,
                     AuthorCard  *card)
{
  cd_author_set_name (card->author, gtk_editable_get_text (editable));
}

static void
role_row_changed_cb (GtkEditable *editable,
                     AuthorCard  *card)
{
  cd_author_set_role (card->author, gtk_editable_get_text (editable));
}

static void
author_name_notify_cb (CdAuthor   *author,
                       GParamSpec *pspec,
                       GtkWidget  *name_row)
{
  set_row_text (name_row, cd_author_get_name (author), G_CALLBACK (name_row_changed_cb));
}

static void
author_role_notify_cb (CdAuthor   *author,
                       GParamSpec *pspec,
                       GtkWidget  *role_row)
{
  set_row_text (role_row, cd_author_get_role (author), G_CALLBACK (role_row_changed_cb));
}

static guint
find_author (CdAuthorsEditor *self,
             CdAuthor        *author)
{
  GListModel *authors = cd_article_get_authors (self->article);
  guint n = g_list_model_get_n_items (authors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CdAuthor) item = g_list_model_get_item (authors, i);

      if (item == author)
        return i;
    }

  return G_MAXUINT;
}

static void
remove_clicked_cb (GtkButton  *button,
                   AuthorCard *card)
{
  CdAuthorsEditor *self = card->editor;
  guint position;

  g_assert (self->article != NULL);

  position = find_author (self, card->author);
  g_return_if_fail (position != G_MAXUINT);

  /* The card is freed by the removal; only @self may be used after it. */
  cd_article_remove_author (self->article, position);

  /* Keep the keyboard where the removed author was: on the next author, or on
   * "Add Author" after the last one. */
  if (position < self->cards->len)
    {
      AuthorCard *next = g_ptr_array_index (self->cards, position);
      gtk_widget_grab_focus (next->name_row);
    }
  else
    gtk_widget_grab_focus (self->add_button);
}

static AuthorCard *
author_card_new (CdAuthorsEditor *self,
                 CdAuthor        *author)
{
  AuthorCard *card = g_new0 (AuthorCard, 1);
  GtkWidget *remove_button;

  card->editor = self;
  card->author = g_object_ref (author);

  card->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (card->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (card->list, "boxed-list");
  g_object_set_data_full (G_OBJECT (card->list), "cd-author-card", card,
                          (GDestroyNotify) author_card_free);

  card->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (card->name_row), cd_author_get_name (author));
  g_signal_connect (card->name_row, "changed", G_CALLBACK (name_row_changed_cb), card);
  g_signal_connect_object (author, "notify::name",
                           G_CALLBACK (author_name_notify_cb), card->name_row, 0);

  remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove_button, _("Remove Author"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Author"),
                                  -1);
  gtk_widget_add_css_class (remove_button, "flat");
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), card);

  /* The remove button ends the card, so that Tab goes from the name to the
   * role, then to the button. */
  card->role_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (card->role_row), _("Role"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (card->role_row), remove_button);
  gtk_editable_set_text (GTK_EDITABLE (card->role_row), cd_author_get_role (author));
  g_signal_connect (card->role_row, "changed", G_CALLBACK (role_row_changed_cb), card);
  g_signal_connect_object (author, "notify::role",
                           G_CALLBACK (author_role_notify_cb), card->role_row, 0);

  gtk_list_box_append (GTK_LIST_BOX (card->list), card->name_row);
  gtk_list_box_append (GTK_LIST_BOX (card->list), card->role_row);

  return card;
}

static void
authors_items_changed_cb (GListModel      *authors,
                          guint            position,
                          guint            removed,
                          guint            added,
                          CdAuthorsEditor *self)
{
  GtkWidget *sibling = NULL;

  for (guint i = 0; i < removed; i++)
    {
      AuthorCard *card = g_ptr_array_index (self->cards, position);

      g_ptr_array_remove_index (self->cards, position);
      gtk_box_remove (GTK_BOX (self->authors_box), card->list);
    }

  if (position > 0)
    sibling = ((AuthorCard *) g_ptr_array_index (self->cards, position - 1))->list;

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CdAuthor) author = g_list_model_get_item (authors, position + i);
      AuthorCard *card = author_card_new (self, author);

      g_ptr_array_insert (self->cards, position + i, card);
      gtk_box_insert_child_after (GTK_BOX (self->authors_box), card->list, sibling);
      sibling = card->list;
    }

  gtk_widget_set_visible (self->authors_box, self->cards->len > 0);
}

static void
update_byline (CdAuthorsEditor *self)
{
  const char *byline = self->article != NULL ? cd_article_get_byline (self->article) : NULL;

  gtk_label_set_text (GTK_LABEL (self->byline_label), byline != NULL ? byline : "");
  gtk_widget_set_visible (self->byline_label, byline != NULL && byline[0] != '\0');
}

static void
article_byline_notify_cb (CdArticle       *article,
                          GParamSpec      *pspec,
                          CdAuthorsEditor *self)
{
  update_byline (self);
}

static void
add_author_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CdAuthorsEditor *self = CD_AUTHORS_EDITOR (widget);
  g_autoptr(CdAuthor) author = cd_author_new ("");
  AuthorCard *card;

  g_return_if_fail (self->article != NULL);

  cd_article_add_author (self->article, author);

  card = g_ptr_array_index (self->cards, self->cards->len - 1);
  g_assert (card->author == author);
  gtk_widget_grab_focus (card->name_row);
}

static void
cd_authors_editor_dispose (GObject *object)
{
  CdAuthorsEditor *self = (CdAuthorsEditor *)object;

  if (self->article_signals != NULL)
    g_signal_group_set_target (self->article_signals, NULL);
  if (self->authors_signals != NULL)
    g_signal_group_set_target (self->authors_signals, NULL);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->authors_signals);

  /* The cards are owned by their widgets; the array only points at them. */
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_AUTHORS_EDITOR);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (cd_authors_editor_parent_class)->dispose (object);
}

static void
cd_authors_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CdAuthorsEditor *self = CD_AUTHORS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_authors_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CdAuthorsEditor *self = CD_AUTHORS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      cd_authors_editor_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_authors_editor_class_init (CdAuthorsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_authors_editor_dispose;
  object_class->get_property = cd_authors_editor_get_property;
  object_class->set_property = cd_authors_editor_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         CD_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/copydesk/Copydesk/cd-authors-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CdAuthorsEditor, authors_box);
  gtk_widget_class_bind_template_child (widget_class, CdAuthorsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, CdAuthorsEditor, byline_label);

  gtk_widget_class_install_action (widget_class, "authors.add", NULL, add_author_action);
}

static void
cd_authors_editor_init (CdAuthorsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards = g_ptr_array_new ();

  self->article_signals = g_signal_group_new (CD_TYPE_ARTICLE);
  g_signal_group_connect_object (self->article_signals, "notify::byline",
                                 G_CALLBACK (article_byline_notify_cb), self, 0);

  self->authors_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->authors_signals, "items-changed",
                                 G_CALLBACK (authors_items_changed_cb), self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "authors.add", FALSE);
  gtk_widget_set_visible (self->authors_box, FALSE);
  update_byline (self);
}

GtkWidget *
cd_authors_editor_new (void)
{
  return g_object_new (CD_TYPE_AUTHORS_EDITOR, NULL);
}

/**
 * cd_authors_editor_get_article:
 * @self: a #CdAuthorsEditor
 *
 * Returns: (transfer none) (nullable): the article whose authors are edited
 */
CdArticle *
cd_authors_editor_get_article (CdAuthorsEditor *self)
{
  g_return_val_if_fail (CD_IS_AUTHORS_EDITOR (self), NULL);
  return self->article;
}

void
cd_authors_editor_set_article (CdAuthorsEditor *self,
                               CdArticle       *article)
{
  GListModel *authors = NULL;

  g_return_if_fail (CD_IS_AUTHORS_EDITOR (self));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  if (article != NULL)
    authors = cd_article_get_authors (article);

  g_signal_group_set_target (self->authors_signals, authors);
  g_signal_group_set_target (self->article_signals, article);

  /* Rebuild the cards as if the old list had been replaced by the new one. */
  authors_items_changed_cb (authors, 0, self->cards->len,
                            authors != NULL ? g_list_model_get_n_items (authors) : 0,
                            self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "authors.add", article != NULL);
  update_byline (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * cd_authors_editor_focus_author:
 * @self: a #CdAuthorsEditor
 * @position: the author's position in the byline
 *
 * Focuses the name of the author at @position, as a preflight issue about
 * `authors[N].name` asks. Returns %FALSE when there is no such author.
 */
gboolean
cd_authors_editor_focus_author (CdAuthorsEditor *self,
                                guint            position)
{
  AuthorCard *card;

  g_return_val_if_fail (CD_IS_AUTHORS_EDITOR (self), FALSE);

  if (position >= self->cards->len)
    return FALSE;

  card = g_ptr_array_index (self->cards, position);
  return gtk_widget_grab_focus (card->name_row);
}

void
cd_authors_editor_focus (CdAuthorsEditor *self)
{
  g_return_if_fail (CD_IS_AUTHORS_EDITOR (self));

  if (!cd_authors_editor_focus_author (self, 0))
    gtk_widget_grab_focus (self->add_button);
}
