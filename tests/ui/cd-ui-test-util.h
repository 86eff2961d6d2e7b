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
/* Iterates the main loop for @ms milliseconds. Only for a test that asserts
 * that something does NOT happen within a period (say so where it is called);
 * anything a test needs to have happened is waited for with
 * cd_ui_test_wait_for () and its condition. */
void       cd_ui_test_wait          (guint          ms);

/* How long a test waits for something that should happen at once: generous,
 * since a loaded CI machine can be many times slower than a desk. A test that
 * waits longer than this fails; it never passes by waiting. */
#define CD_UI_TEST_TIMEOUT_MS 20000

/* Iterates the main loop until @condition returns TRUE; after @timeout_ms the
 * test fails with a message naming @what (“timed out after … waiting for
 * @what”). */
void       cd_ui_test_wait_for      (gboolean     (*condition) (gpointer data),
                                     gpointer       data,
                                     guint          timeout_ms,
                                     const char    *what);
/* Runs every main-loop source that is ready now (idles, events, completed
 * async calls), and returns once none is: never sleeps. */
void       cd_ui_test_flush         (void);
/* Waits until @widget's frame clock has drawn two more frames, so that every
 * layout and drawing asked for before the call has happened: what a
 * screenshot or a check of sizes and scroll positions needs. Fails the test
 * when @widget is not mapped. */
void       cd_ui_test_wait_for_frames (GtkWidget   *widget);
/* Waits until no revealer, stack, flap or leaflet in @widget (or @widget
 * itself) is in the middle of a transition, then for two frames: an
 * animation asked for before the call has ended and been drawn. */
void       cd_ui_test_wait_for_transitions (GtkWidget *widget);
/* Waits until @widget is mapped (shown in a shown window). */
void       cd_ui_test_wait_for_mapped (GtkWidget   *widget);
/* Destroys @window and waits until it has been finalized (work in other
 * threads may hold it for a moment), then flushes what is ready. */
void       cd_ui_test_destroy_window (GtkWindow    *window);
/* Waits until the file at @path exists (@exists TRUE) or is gone. */
void       cd_ui_test_wait_for_file (const char    *path,
                                     gboolean       exists);

/* Wait until the string (boolean) property @property of @object is
 * @expected; on a timeout the failure names the value it has. */
void       cd_ui_test_wait_for_string  (gpointer    object,
                                        const char *property,
                                        const char *expected);
void       cd_ui_test_wait_for_boolean (gpointer    object,
                                        const char *property,
                                        gboolean    expected);
/* Waits until a toast is shown in @window and has been drawn. */
void       cd_ui_test_wait_for_toast   (GtkWindow  *window);

/* Conditions for cd_ui_test_wait_for (): */
/* @data is a GtkWidget: it is mapped. */
gboolean   cd_ui_test_is_mapped_cb  (gpointer       data);
/* @data points to a pointer (a weak pointer): it was cleared. */
gboolean   cd_ui_test_pointer_cleared_cb (gpointer  data);
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
/* Waits (CD_UI_TEST_TIMEOUT_MS) for a message dialog with @heading (transient for @parent
 * unless it is NULL) and returns it. */
AdwMessageDialog *cd_ui_test_wait_for_dialog (GtkWindow        *parent,
                                              const char       *heading);
/* Clicks the button of @response, as the user would, and waits until the
 * dialog has gone. */
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

/* The window's part called @name in its template ("form", "editor",
 * "preview", "preflight_button", "status_bar", "file_bar"), so that the
 * window needs no getters for tests. (transfer none) */
GtkWidget *cd_ui_test_window_child (gpointer    window,
                                    const char *name);

G_END_DECLS
