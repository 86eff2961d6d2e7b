/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-field"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cd-author.h"
#include "cd-field.h"

/* The object whose property holds a field's value. */
typedef enum
{
  HOLDER_ARTICLE,
  HOLDER_IMAGE,
  HOLDER_AUTHOR,
} Holder;

/**
 * CdField:
 *
 * One field of an article in the registry: its id, its label, where its
 * value is and what it is. Fields are static: a #CdField pointer stays
 * valid for the life of the program and can be compared with `==`.
 */
struct _CdField
{
  const char   *id;
  /* Untranslated; "%u" in the label of a field there is one of per author
   * stands for the author's number, counted from 1. */
  const char   *label;
  Holder        holder;
  /* The GObject property of the holder, or NULL for the holder itself. */
  const char   *property;
  CdFieldFlags  flags;
};

#define PROSE      CD_FIELD_PROSE
#define COUNTED    CD_FIELD_COUNTED
#define LEAD_IMAGE CD_FIELD_LEAD_IMAGE
#define PER_AUTHOR CD_FIELD_PER_AUTHOR
#define ON_FORM    CD_FIELD_ON_FORM

/* In the order of the form, so that iterating goes down the form, and the
 * command-line tool lists the counted fields in that order. */
static const CdField fields[] = {
  { "headline", N_("Headline"), HOLDER_ARTICLE, "headline", PROSE | COUNTED | ON_FORM },
  { "standfirst", N_("Standfirst"), HOLDER_ARTICLE, "standfirst", PROSE | COUNTED | ON_FORM },
  { "slug", N_("Slug"), HOLDER_ARTICLE, "slug", COUNTED | ON_FORM },
  { "section", N_("Section"), HOLDER_ARTICLE, "section", COUNTED | ON_FORM },
  { "language", N_("Language"), HOLDER_ARTICLE, "language", ON_FORM },
  /* The list of authors, which the byline is made of. */
  { "authors", N_("Byline"), HOLDER_ARTICLE, "authors", ON_FORM },
  /* Translators: %u is the author's number in the byline, counted from 1. */
  { "authors[]", N_("Author %u"), HOLDER_AUTHOR, NULL, PER_AUTHOR | ON_FORM },
  /* Translators: %u is the author's number in the byline, counted from 1. */
  { "authors[].name", N_("Name of author %u"), HOLDER_AUTHOR, "name", PER_AUTHOR | ON_FORM },
  /* Translators: %u is the author's number in the byline, counted from 1. */
  { "authors[].role", N_("Role of author %u"), HOLDER_AUTHOR, "role", PER_AUTHOR | ON_FORM },
  /* Translators: %u is the author's number in the byline, counted from 1. */
  { "authors[].email", N_("Email of author %u"), HOLDER_AUTHOR, "email", PER_AUTHOR | ON_FORM },
  /* Translators: %u is the author's number in the byline, counted from 1. */
  { "authors[].url", N_("Web address of author %u"), HOLDER_AUTHOR, "url", PER_AUTHOR | ON_FORM },
  { "dateline", N_("Dateline"), HOLDER_ARTICLE, "dateline", COUNTED | ON_FORM },
  { "published", N_("Publication date"), HOLDER_ARTICLE, "published", ON_FORM },
  { "embargo", N_("Embargo"), HOLDER_ARTICLE, "embargo", ON_FORM },
  /* The lead image as a whole, which the form focuses as its picture. */
  { "image", N_("Lead image"), HOLDER_ARTICLE, "image", LEAD_IMAGE | ON_FORM },
  { "image.source", N_("Lead image file"), HOLDER_IMAGE, "source", LEAD_IMAGE | ON_FORM },
  { "image.alt", N_("Lead image alt text"), HOLDER_IMAGE, "alt", PROSE | COUNTED | LEAD_IMAGE | ON_FORM },
  { "image.caption", N_("Lead image caption"), HOLDER_IMAGE, "caption", PROSE | COUNTED | LEAD_IMAGE | ON_FORM },
  { "image.credit", N_("Lead image credit"), HOLDER_IMAGE, "credit", COUNTED | LEAD_IMAGE | ON_FORM },
  { "image.photographer", N_("Lead image photographer"), HOLDER_IMAGE, "photographer", LEAD_IMAGE | ON_FORM },
  { "image.copyright", N_("Lead image copyright"), HOLDER_IMAGE, "copyright", LEAD_IMAGE | ON_FORM },
  { "tags", N_("Tags"), HOLDER_ARTICLE, "tags", ON_FORM },
  { "status", N_("Status"), HOLDER_ARTICLE, "status", ON_FORM },
  { "planned_words", N_("Planned length"), HOLDER_ARTICLE, "planned-words", ON_FORM },
  { "comments", N_("Reader comments"), HOLDER_ARTICLE, "comments", ON_FORM },
  { "editor_note", N_("Note for the desk"), HOLDER_ARTICLE, "editor-note", PROSE | COUNTED | ON_FORM },
  { "body", N_("Body"), HOLDER_ARTICLE, "body", PROSE | COUNTED },
};

#undef PROSE
#undef COUNTED
#undef LEAD_IMAGE
#undef PER_AUTHOR
#undef ON_FORM

/**
 * cd_field_get_n_fields:
 *
 * Returns: the number of fields in the registry
 */
guint
cd_field_get_n_fields (void)
{
  return G_N_ELEMENTS (fields);
}

/**
 * cd_field_get_nth:
 * @position: a position in the registry, less than cd_field_get_n_fields()
 *
 * Gets the field at @position. Positions follow the order of the form
 * (the body last), so that iterating from 0 goes down the form.
 *
 * Returns: (transfer none): the field
 */
const CdField *
cd_field_get_nth (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (fields), NULL);

  return &fields[position];
}

static const CdField *
lookup_base (const char *base)
{
  for (size_t i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (strcmp (fields[i].id, base) == 0)
        return &fields[i];
    }

  return NULL;
}

/**
 * cd_field_lookup:
 * @id: a field id such as "headline" or "authors[1].name", or the base id of
 *   a field there is one of per author, such as "authors[].name"
 *
 * Finds the field that @id names: "authors[1].name" and "authors[].name"
 * both give the field "authors[].name".
 *
 * Returns: (transfer none) (nullable): the field, or %NULL if @id names
 *   none
 */
const CdField *
cd_field_lookup (const char *id)
{
  const CdField *field;
  g_autofree char *base = NULL;
  guint index;

  g_return_val_if_fail (id != NULL, NULL);

  field = lookup_base (id);
  if (field != NULL)
    return field;

  if (!cd_field_id_parse (id, &base, &index) || index == CD_FIELD_NO_INDEX)
    return NULL;

  return lookup_base (base);
}

/**
 * cd_field_get_id:
 * @field: a #CdField
 *
 * Gets the id of @field; for a field there is one of per author, its base
 * id with empty brackets, such as "authors[].name": see
 * cd_field_id_format().
 *
 * Returns: (transfer none): the id
 */
const char *
cd_field_get_id (const CdField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return field->id;
}

/**
 * cd_field_get_position:
 * @field: a #CdField
 *
 * Returns: the position of @field in the registry, for cd_field_get_nth()
 *   and for arrays with one element per field
 */
guint
cd_field_get_position (const CdField *field)
{
  g_return_val_if_fail (field >= fields && field < fields + G_N_ELEMENTS (fields), 0);

  return (guint) (field - fields);
}

/**
 * cd_field_get_flags:
 * @field: a #CdField
 *
 * Returns: what @field is
 */
CdFieldFlags
cd_field_get_flags (const CdField *field)
{
  g_return_val_if_fail (field != NULL, CD_FIELD_FLAGS_NONE);

  return field->flags;
}

/**
 * cd_field_has_flags:
 * @field: a #CdField
 * @flags: one or more flags
 *
 * Returns: %TRUE if @field has all of @flags
 */
gboolean
cd_field_has_flags (const CdField *field,
                    CdFieldFlags   flags)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return (field->flags & flags) == flags;
}

/**
 * cd_field_get_property:
 * @field: a #CdField
 *
 * Gets the name of the GObject property that holds the value of @field: a
 * property of #CdArticle, of the article's #CdImage for a part of the lead
 * image (such as "alt" for "image.alt"), or of the #CdAuthor for a field
 * there is one of per author. It is %NULL for "authors[]", an author as a
 * whole.
 *
 * Returns: (transfer none) (nullable): the property name
 */
const char *
cd_field_get_property (const CdField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return field->property;
}

/**
 * cd_field_get_value:
 * @field: a #CdField
 * @article: the article to read
 * @index: the author's position for a field there is one of per author,
 *   else %CD_FIELD_NO_INDEX
 * @value: (out caller-allocates): an uninitialised #GValue to fill
 *
 * Reads the value of @field in @article into @value, initialised to the
 * property's type (a string for the text fields, a #CdAuthor for
 * "authors[]").
 *
 * Returns: %TRUE if @article has the field, %FALSE (leaving @value
 *   uninitialised) if there is no author at @index
 */
gboolean
cd_field_get_value (const CdField *field,
                    CdArticle     *article,
                    guint          index,
                    GValue        *value)
{
  g_autoptr(GObject) item = NULL;
  GObject *holder = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);
  g_return_val_if_fail ((index != CD_FIELD_NO_INDEX) ==
                        cd_field_has_flags (field, CD_FIELD_PER_AUTHOR), FALSE);

  switch (field->holder)
    {
    case HOLDER_ARTICLE:
      holder = G_OBJECT (article);
      break;

    case HOLDER_IMAGE:
      holder = G_OBJECT (cd_article_get_image (article));
      break;

    case HOLDER_AUTHOR:
      item = g_list_model_get_item (cd_article_get_authors (article), index);
      holder = item;
      break;

    default:
      g_assert_not_reached ();
    }

  if (holder == NULL)
    return FALSE;

  if (field->property == NULL)
    {
      g_value_init (value, G_OBJECT_TYPE (holder));
      g_value_set_object (value, holder);
      return TRUE;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (holder), field->property);
  g_assert (pspec != NULL);

  g_value_init (value, pspec->value_type);
  g_object_get_property (holder, field->property, value);
  return TRUE;
}

/* Field ids */

/* A name in an id: a lower-case letter or underscore, then those and
 * digits. Returns where it ends, or @p when there is none. */
static const char *
skip_name (const char *p)
{
  if (!g_ascii_islower (*p) && *p != '_')
    return p;

  while (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_')
    p++;

  return p;
}

/**
 * cd_field_id_parse:
 * @id: a field id, such as "headline" or "authors[2].name"
 * @base: (out) (optional) (transfer full): the id with the index taken out,
 *   such as "authors[].name"
 * @index: (out) (optional): the index, such as 2, or %CD_FIELD_NO_INDEX
 *   for an id without one
 *
 * Splits a field id into the base id the registry knows the field by and
 * the position in brackets, if any. A field id is names (lower-case letters,
 * digits and underscores, starting with a letter or underscore) joined by
 * dots, one of which may be followed by an index in brackets: a decimal
 * number without sign, spaces or leading zeros.
 *
 * Whether the registry has the field is not checked: see cd_field_lookup().
 *
 * Returns: %TRUE if @id is well formed; if not, @base and @index are left
 *   alone
 */
gboolean
cd_field_id_parse (const char  *id,
                   char       **base,
                   guint       *index)
{
  g_autoptr(GString) stripped = NULL;
  guint64 number = CD_FIELD_NO_INDEX;
  const char *p = id;

  g_return_val_if_fail (id != NULL, FALSE);

  stripped = g_string_new (NULL);

  for (;;)
    {
      const char *end = skip_name (p);

      if (end == p)
        return FALSE;
      g_string_append_len (stripped, p, end - p);
      p = end;

      if (*p == '[')
        {
          const char *digits = ++p;

          if (number != CD_FIELD_NO_INDEX)
            return FALSE;

          while (g_ascii_isdigit (*p))
            p++;

          /* At most ten digits, so that the number cannot overflow. */
          if (p == digits || p - digits > 10 || *p != ']' || (digits[0] == '0' && p - digits > 1))
            return FALSE;

          number = g_ascii_strtoull (digits, NULL, 10);
          if (number >= CD_FIELD_NO_INDEX)
            return FALSE;

          g_string_append (stripped, "[]");
          p++;
        }

      if (*p == '\0')
        break;
      if (*p != '.')
        return FALSE;

      g_string_append_c (stripped, '.');
      p++;
    }

  if (base != NULL)
    *base = g_string_free (g_steal_pointer (&stripped), FALSE);
  if (index != NULL)
    *index = (guint) number;

  return TRUE;
}

/**
 * cd_field_id_format:
 * @base: a base id, such as "headline" or "authors[].name"
 * @index: the position to put in the brackets of @base, or
 *   %CD_FIELD_NO_INDEX for a base without brackets
 *
 * Makes the field id of @base at @index: "authors[].name" and 2 give
 * "authors[2].name". The reverse of cd_field_id_parse().
 *
 * Returns: (transfer full): the field id
 */
char *
cd_field_id_format (const char *base,
                    guint       index)
{
  const char *brackets;

  g_return_val_if_fail (base != NULL, NULL);

  brackets = strstr (base, "[]");

  if (index == CD_FIELD_NO_INDEX)
    {
      g_return_val_if_fail (brackets == NULL, NULL);
      return g_strdup (base);
    }

  g_return_val_if_fail (brackets != NULL, NULL);

  return g_strdup_printf ("%.*s[%u]%s", (int) (brackets - base), base, index, brackets + 2);
}

/* Labels */

/* Puts @number in place of the "%u" of a translated label. Done by hand
 * rather than with printf so that a translation with a broken directive
 * shows a wrong label instead of crashing. */
static char *
substitute_number (const char *label,
                   guint       number)
{
  const char *directive = strstr (label, "%u");

  if (directive == NULL)
    return g_strdup (label);

  return g_strdup_printf ("%.*s%u%s", (int) (directive - label), label, number, directive + 2);
}

/* A field the registry does not know is shown with its punctuation as
 * spaces and a capital first letter, so that a new check still reads
 * sensibly. */
static char *
humanise (const char *id)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (id), "._-[]", ' ');

  g_strstrip (spaced);
  if (spaced[0] == '\0')
    return g_strdup (id);

  spaced[0] = g_ascii_toupper (spaced[0]);
  return g_steal_pointer (&spaced);
}

/**
 * cd_field_dup_label:
 * @id: (nullable): a field id, such as "image.alt" or "authors[1].name"
 *
 * Gets the label of the field @id names, translated, as people know it:
 * "Lead image alt text", "Name of author 2" (the author's number is the
 * index plus one). An unknown field of an author is labelled as the author
 * ("Author 2"); any other unknown id as itself, with its punctuation as
 * spaces and a capital first letter; no field (%NULL or "") as the article.
 *
 * Returns: (transfer full): the label
 */
char *
cd_field_dup_label (const char *id)
{
  const CdField *field;
  g_autofree char *base = NULL;
  guint index = CD_FIELD_NO_INDEX;

  if (id == NULL || id[0] == '\0')
    return g_strdup (_("Article"));

  field = cd_field_lookup (id);

  /* "authors[1].nickname" falls back on "authors[]". */
  if (field == NULL && cd_field_id_parse (id, &base, &index) && index != CD_FIELD_NO_INDEX)
    {
      char *brackets = strstr (base, "[]");

      brackets[2] = '\0';
      field = lookup_base (base);
    }

  if (field == NULL)
    return humanise (id);

  if (cd_field_has_flags (field, CD_FIELD_PER_AUTHOR))
    {
      /* The base id alone, "authors[].name", has no author's number. */
      if (!cd_field_id_parse (id, NULL, &index) || index == CD_FIELD_NO_INDEX)
        return humanise (id);
      return substitute_number (_(field->label), index + 1);
    }

  return g_strdup (_(field->label));
}
