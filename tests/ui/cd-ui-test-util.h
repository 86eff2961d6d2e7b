/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 The Copydesk authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Initialises GTK and libadwaita for a UI test, with the build tree's
 * GSettings schema and the in-memory settings backend. */
void       cd_ui_test_init          (int           *argc,
                                     char        ***argv);
/* Iterates the main loop until @condition returns TRUE or @timeout_ms pass;
 * returns the last value of @condition. */
gboolean   cd_ui_test_wait_until    (gboolean     (*condition) (gpointer data),
                                     gpointer       data,
                                     guint          timeout_ms);
/* Iterates the main loop for @ms milliseconds. */
void       cd_ui_test_wait          (guint          ms);
/* Presents @widget in a window of @width x @height and waits until it is mapped. */
GtkWindow *cd_ui_test_show          (GtkWidget     *widget,
                                     int            width,
                                     int            height);
/* Saves a PNG of @widget under the build directory's screenshots/ folder and
 * returns its path (owned). */
char      *cd_ui_test_screenshot    (GtkWidget     *widget,
                                     const char    *name);
/* A GSettings object for the app's schema on the memory backend. */
GSettings *cd_ui_test_settings_new  (void);
/* Types @text into the focused widget of @window as key events would. */
void       cd_ui_test_type_text     (GtkWidget     *widget,
                                     const char    *text);

/* The shown message dialog with @heading (transient for @parent unless it is
 * NULL), or NULL. */
AdwMessageDialog *cd_ui_test_find_message_dialog (GtkWindow     *parent,
                                                  const char    *heading);
/* The first button below @widget whose label is @label, or NULL. */
GtkWidget        *cd_ui_test_find_button     (GtkWidget        *widget,
                                              const char       *label);
/* Waits up to 5 s for a message dialog with @heading (transient for @parent
 * unless it is NULL) and returns it. */
AdwMessageDialog *cd_ui_test_wait_for_dialog (GtkWindow        *parent,
                                              const char       *heading);
/* Clicks the button of @response, as the user would. */
void              cd_ui_test_respond         (AdwMessageDialog *dialog,
                                              const char       *response);

/* Deletes @file and, for a folder, everything in it. */
void              cd_ui_test_remove_tree     (GFile            *file);

/* A private home for a test program: a new temporary folder with XDG_DATA_HOME,
 * XDG_CONFIG_HOME and XDG_CACHE_HOME below it. Call it before anything reads
 * the user directories (GLib caches them), that is before cd_ui_test_init ().
 * Returns the folder (owned); cd_ui_test_finish_home () removes it. */
char             *cd_ui_test_make_home       (const char       *name);
void              cd_ui_test_finish_home     (char             *home);

G_END_DECLS
