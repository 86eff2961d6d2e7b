#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""End to end: the real copydesk program in a real X server, typed into with
xdotool the way a reporter would, then the saved and exported files checked.

Run by meson under tests/ui/run-ui-test.sh (Xvfb plus a session bus):
  test-e2e.py BUILDDIR

Prints TAP. Each step that fails says what was expected and what was seen.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_util import E2E  # noqa: E402

BUILD = os.path.abspath(sys.argv[1])
CLI = os.path.join(BUILD, "src", "cli", "copydesk-cli")

HEADLINE = "Fähre nach Helgoland fährt wieder"
# Every non-ASCII character in this file gets a key of its own before the
# program starts (e2e_util.map_keys); the text keeps to lowercase ones.
BODY_PARAGRAPHS = [
    "Die Fähre „Helgoland“ hat am Montag den Betrieb wieder aufgenommen. "
    "Nach drei Wochen in der Werft in Cuxhaven legte das Schiff um 9.30 Uhr ab, "
    "mit 412 Fahrgästen an Bord und bei ruhiger See.",
    "Die Reederei sprach von einem großen Tag für die Insel. Der Bürgermeister "
    "dankte den Mitarbeitern der Werft, die Tag und Nacht gearbeitet hätten, "
    "damit die Saison pünktlich beginnen kann: Straße, Größe, øresund, ålesund.",
]
# The article is German (the default language in the preferences below), so
# the suggestions are German Media Topic labels ("Schifffahrt").
TAG_QUERY = "Schiff"
PUBLISHED_TYPED = "27. November 2026"

T = E2E(BUILD)
tap = T.tap
xdotool = T.xdotool
window_names = T.window_names
wait_for = T.wait_for
main_window = T.main_window
key = T.key
type_text = T.type_text


def main():
    tmp = tempfile.mkdtemp(prefix="copydesk-e2e-")
    exports = os.path.join(tmp, "exports")
    articles = os.path.join(tmp, "articles")
    os.makedirs(exports)
    os.makedirs(articles)
    saved = os.path.join(articles, "helgoland.copydesk")

    env = T.environment(tmp, "author-name='Ana Reporterin'\n"
                             "default-language='de'\n"
                             "autosave=false\n"
                             f"last-export-folder='{exports}'\n"
                             "last-export-format='ninjs'\n")

    print("TAP version 13", flush=True)
    proc, log = T.start(env, tmp)
    try:
        run(proc, saved, exports)
    finally:
        T.finish(proc, log, tmp)
    print(f"1..{T.step}", flush=True)
    if T.failed == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"# files kept in {tmp}")
    sys.exit(1 if T.failed else 0)


def run(proc, saved, exports):
    wid = main_window(proc.pid)
    if not tap(wid is not None, "the window appears", window_names(proc.pid)):
        return
    name = xdotool("getwindowname", wid)
    tap("Untitled Article" in name, "a new article is untitled", name)
    xdotool("windowfocus", "--sync", wid)
    time.sleep(0.5)

    # The cursor starts in the headline.
    type_text(HEADLINE)
    ok = wait_for(lambda: HEADLINE in xdotool("getwindowname", wid))
    tap(ok, "the window title follows the typed headline", xdotool("getwindowname", wid))

    # The body, through its shortcut.
    key("ctrl+Return")
    for i, paragraph in enumerate(BODY_PARAGRAPHS):
        if i:
            key("Return", "Return")
        type_text(paragraph)

    # What still blocks publication, from the checklist (Ctrl+Shift+R): the
    # publication date, then the tags. Choosing a problem goes to its field.
    time.sleep(0.8)
    key("ctrl+shift+r")
    key("Down", "Return")
    # A tag from the Media Topics, chosen from the suggestions by keyboard.
    type_text(TAG_QUERY)
    time.sleep(0.8)
    key("Down", "Return")

    # The publication date: the checklist's first problem leads to the date
    # row, where the date is typed as a German desk writes it.
    time.sleep(0.8)
    key("ctrl+shift+r")
    key("Return")
    type_text(PUBLISHED_TYPED)
    key("Return")
    time.sleep(0.8)

    # Save: the first time asks where.
    key("ctrl+s")
    dialog = wait_for(lambda: [w for w, n in window_names(proc.pid).items() if w != wid])
    if tap(bool(dialog), "Ctrl+S on a new article asks where to save", window_names(proc.pid)):
        time.sleep(0.5)
        key("ctrl+a")
        type_text(saved)
        key("Return")
    ok = wait_for(lambda: os.path.exists(saved))
    tap(ok, "the article is saved where it was asked", saved)
    ok = wait_for(lambda: not [w for w in window_names(proc.pid) if w != wid])
    tap(ok, "the save dialog closes")

    # Export in the last-used format to the last-used folder.
    key("ctrl+e")
    exported = os.path.join(exports, "fahre-nach-helgoland-fahrt-wieder.json")
    ok = wait_for(lambda: [f for f in os.listdir(exports) if f.endswith(".json")])
    tap(bool(ok), "Ctrl+E exports into the last-used folder", os.listdir(exports))
    files = [os.path.join(exports, f) for f in os.listdir(exports) if f.endswith(".json")]
    if files:
        exported = files[0]

    # Quit.
    key("ctrl+q")
    try:
        proc.wait(15)
        tap(proc.returncode == 0, "Ctrl+Q quits cleanly", f"exit status {proc.returncode}")
    except subprocess.TimeoutExpired:
        tap(False, "Ctrl+Q quits cleanly", f"still running; windows: {window_names(proc.pid)}")

    check_files(saved, exported)


def check_files(saved, exported):
    if os.path.exists(saved):
        r = subprocess.run([CLI, "validate", "--json", saved], stdout=subprocess.PIPE, text=True)
        tap(r.returncode in (0, 1), "copydesk-cli reads the saved article", r.stdout)
        with open(saved, encoding="utf-8") as f:
            doc = json.load(f)
        tap(doc.get("headline") == HEADLINE, "the saved headline is what was typed",
            repr(doc.get("headline")))
        body = doc.get("body", "")
        for paragraph in BODY_PARAGRAPHS:
            tap(paragraph in body, "the saved body has the typed paragraph, non-ASCII intact",
                f"expected {paragraph!r}\nin {body!r}")
        tags = doc.get("tags", [])
        tap(any(t.get("code", "").startswith("medtop:") and TAG_QUERY in t.get("name", "")
                for t in tags),
            "the saved tags hold the chosen Media Topic", tags)
        tap(str(doc.get("published")).startswith("2026-11-27T"), "the typed publication date was saved",
            doc.get("published"))
        authors = doc.get("authors", [])
        tap(any(a.get("name") == "Ana Reporterin" for a in authors),
            "the byline comes from the preferences", authors)
    if exported and os.path.exists(exported):
        with open(exported, encoding="utf-8") as f:
            ninjs = json.load(f)
        tap(ninjs.get("headlines", [{}])[0].get("value") == HEADLINE,
            "the ninjs export carries the headline", ninjs.get("headlines"))
        text = json.dumps(ninjs, ensure_ascii=False)
        tap("Fahrgästen" in text and "øresund" in text, "the ninjs export carries the body text")
        tap(any(s.get("uri", "").startswith("http://cv.iptc.org/newscodes/mediatopic/")
                for s in ninjs.get("subjects", [])),
            "the ninjs export carries the Media Topic as a subject", ninjs.get("subjects"))


if __name__ == "__main__":
    main()
