/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */

#include "config.h"

#define G_LOG_DOMAIN "cd-editor"

#include "cd-editor-private.h"

/*
 * How the body editor looks
 *
 * The body follows the user's document font, turned into CSS for the view's
 * own provider, and the buffer follows the light or dark GtkSourceView style
 * scheme, whose page colour also fills the margins beside the clamped text.
 * Both depend on settings read at run time, so they are the rules kept in
 * code rather than in style.css. cd_editor_init () sets up the providers and
 * connects these to the changes they follow.
 */

/* The size style.css gives the body, and GNOME's default document font
 * size ("Cantarell 11"), against which it was chosen. */
#define BODY_FONT_SIZE_PT     12.5
#define DOCUMENT_FONT_SIZE_PT 11.0

/* The desktop's interface settings, when their schema is installed and
 * has the document font; NULL otherwise (another desktop, or a sandbox
 * without the schema), and the body keeps style.css's face. In a Flatpak
 * sandbox without dconf access the key reads as its default, which gives
 * style.css's size; following the host's value there would need the
 * settings portal. */
GSettings *
cd_editor_interface_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "document-font-name"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* CSS for the body in @font. Each family is quoted, with what could end
 * the quote left out, and sans-serif follows for glyphs they lack. The
 * size keeps the body as much larger than the document font as style.css
 * makes it for GNOME's default, so the default look does not change and
 * a larger document font gives a larger body. */
static char *
font_css (const PangoFontDescription *font)
{
  PangoFontMask set = pango_font_description_get_set_fields (font);
  GString *css = g_string_new ("textview.article-body {");

  if ((set & PANGO_FONT_MASK_FAMILY) != 0)
    {
      g_auto(GStrv) families = g_strsplit (pango_font_description_get_family (font), ",", -1);

      g_string_append (css, " font-family:");
      for (guint i = 0; families[i] != NULL; i++)
        {
          g_autoptr(GString) family = g_string_new (g_strstrip (families[i]));

          g_string_replace (family, "\"", "", 0);
          g_string_replace (family, "\\", "", 0);
          g_string_replace (family, "\n", "", 0);
          if (family->len > 0)
            g_string_append_printf (css, " \"%s\",", family->str);
        }
      g_string_append (css, " sans-serif;");
    }

  if ((set & PANGO_FONT_MASK_SIZE) != 0 && pango_font_description_get_size (font) > 0)
    {
      char size[G_ASCII_DTOSTR_BUF_SIZE];
      double points = (double) pango_font_description_get_size (font) / PANGO_SCALE;

      /* CSS wants a '.' whatever the locale. */
      g_ascii_formatd (size, sizeof size, "%.2f",
                       points * BODY_FONT_SIZE_PT / DOCUMENT_FONT_SIZE_PT);
      g_string_append_printf (css, " font-size: %s%s;", size,
                              pango_font_description_get_size_is_absolute (font) ? "px" : "pt");
    }

  if ((set & PANGO_FONT_MASK_WEIGHT) != 0)
    g_string_append_printf (css, " font-weight: %d;", (int) pango_font_description_get_weight (font));

  if ((set & PANGO_FONT_MASK_STYLE) != 0)
    {
      PangoStyle style = pango_font_description_get_style (font);

      g_string_append_printf (css, " font-style: %s;",
                              style == PANGO_STYLE_ITALIC ? "italic" :
                              style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
    }

  g_string_append (css, " }");
  return g_string_free (css, FALSE);
}

/* Follows the user's document font: the CSS depends on a setting read at
 * run time, so it is the one font rule kept in code. */
void
cd_editor_update_font (CdEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *css = NULL;

  if (self->interface_settings != NULL)
    name = g_settings_get_string (self->interface_settings, "document-font-name");

  if (name != NULL && !cd_text_is_blank (name))
    {
      PangoFontDescription *font = pango_font_description_from_string (name);

      css = font_css (font);
      pango_font_description_free (font);
    }

  gtk_css_provider_load_from_data (self->css, css != NULL ? css : "", -1);
}

void
cd_editor_update_style_scheme (CdEditor *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  GtkSourceStyle *text_style;
  g_autofree char *background = NULL;
  g_autofree char *css = NULL;
  gboolean background_set = FALSE;

  if (scheme == NULL)
    return;
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);

  /* The margins beside the clamped text take the page's colour, so the
   * page reaches the edges of the pane. The colour is the style scheme's,
   * known only at run time, so this rule cannot live in style.css. */
  text_style = gtk_source_style_scheme_get_style (scheme, "text");
  if (text_style != NULL)
    g_object_get (text_style,
                  "background", &background,
                  "background-set", &background_set,
                  NULL);
  if (background_set && background != NULL)
    css = g_strdup_printf ("scrolledwindow { background-color: %s; }", background);
  gtk_css_provider_load_from_data (self->page_css, css ? css : "", -1);
}

void
cd_editor_style_manager_notify_dark_cb (CdEditor        *self,
                                        GParamSpec      *pspec,
                                        AdwStyleManager *style_manager)
{
  cd_editor_update_style_scheme (self);
}
