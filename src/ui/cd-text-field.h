/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A one-paragraph text field that wraps, for the headline, the caption and
 * the alt text: a long one can be read whole, where an entry shows only its tail. Line breaks typed or
 * pasted become spaces, Return moves on as Tab does (Control+Return goes to
 * the body), and @row (the list row around the view) looks focused while
 * the view is. */
void  cd_text_field_setup    (GtkTextView *view,
                              GtkWidget   *row);

/* For a text view that keeps its line breaks (the standfirst, the note for
 * the desk): Control+Return goes to the body all the same. */
void  cd_text_field_add_body_shortcut (GtkTextView *view);

G_END_DECLS
