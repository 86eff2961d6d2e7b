#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""End to end: undo in the real copydesk window, typed into with xdotool.

A reporter writes a headline and a standfirst, adds three tags, saves, then
removes a tag from the keyboard and presses Ctrl+Z: the tag must come back,
and after the autosave the file on disk must hold every field as it was.
Then the last word of the standfirst is undone with Ctrl+Z from the body,
and the file follows; undoing back to what was saved clears the "•".

Run by meson under tests/ui/run-ui-test.sh (Xvfb plus a session bus):
  test-undo.py BUILDDIR

Prints TAP.
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

HEADLINE = "Night ferry returns to the island"
STANDFIRST = "Crossings resume after three weeks in the yard"
TAGS = ["ferries", "harbours", "islands"]


def saved_fields(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return doc


def run(t, proc, saved):
    wid = t.main_window(proc.pid)
    if not t.tap(wid is not None, "the window appears", t.window_names(proc.pid)):
        return
    t.xdotool("windowfocus", "--sync", wid)
    time.sleep(0.5)

    # The cursor starts in the headline; Tab leads to the standfirst.
    t.type_text(HEADLINE)
    t.key("Tab")
    t.type_text(STANDFIRST)

    # The tags, through the checklist (Ctrl+Shift+R): the first problem is
    # the publication date, the second the tags.
    time.sleep(0.8)
    t.key("ctrl+shift+r")
    t.key("Down", "Return")
    time.sleep(0.5)
    for tag in TAGS:
        t.type_text(tag)
        t.key("Escape", "Return")
        time.sleep(0.3)

    # Save: the first time asks where.
    t.key("ctrl+s")
    dialog = t.wait_for(lambda: [w for w in t.window_names(proc.pid) if w != wid])
    if t.tap(bool(dialog), "Ctrl+S asks where to save", t.window_names(proc.pid)):
        time.sleep(0.5)
        t.key("ctrl+a")
        t.type_text(saved)
        t.key("Return")
    if not t.tap(t.wait_for(lambda: os.path.exists(saved)), "the article is saved", saved):
        return
    t.wait_for(lambda: not [w for w in t.window_names(proc.pid) if w != wid])
    time.sleep(0.5)
    doc = saved_fields(saved)
    t.tap([x["name"] for x in doc.get("tags", [])] == TAGS, "the three tags are saved",
          doc.get("tags"))

    # Back in the tag entry, BackSpace goes to the last chip and removes it.
    t.key("BackSpace")
    time.sleep(0.3)
    t.key("BackSpace")
    ok = t.wait_for(lambda: [x["name"] for x in saved_fields(saved).get("tags", [])] == TAGS[:2],
                    timeout=8)
    t.tap(ok, "removing the last tag is autosaved", saved_fields(saved).get("tags"))

    # Ctrl+Z brings it back, and the autosave writes it; nothing else moved.
    t.key("ctrl+z")
    ok = t.wait_for(lambda: [x["name"] for x in saved_fields(saved).get("tags", [])] == TAGS,
                    timeout=8)
    doc = saved_fields(saved)
    t.tap(ok, "Ctrl+Z brings the tag back, on disk too", doc.get("tags"))
    t.tap(doc.get("headline") == HEADLINE, "the headline is unchanged", repr(doc.get("headline")))
    t.tap(doc.get("standfirst") == STANDFIRST, "the standfirst is unchanged",
          repr(doc.get("standfirst")))

    # From the body, Ctrl+Z undoes the last change to the article, wherever
    # it was: after the tag, typing in the standfirst.
    t.key("ctrl+Return")
    t.type_text("The ferry left at dawn.")
    time.sleep(1.0)
    t.key("ctrl+z")
    ok = t.wait_for(lambda: saved_fields(saved).get("body", "") == "", timeout=8)
    t.tap(ok, "Ctrl+Z in the body undoes the typing", repr(saved_fields(saved).get("body")))
    t.key("ctrl+z")
    ok = t.wait_for(lambda: [x["name"] for x in saved_fields(saved).get("tags", [])] == TAGS[:2],
                    timeout=8)
    t.tap(ok, "the next Ctrl+Z undoes the tag's return", saved_fields(saved).get("tags"))
    t.key("ctrl+shift+z")
    ok = t.wait_for(lambda: [x["name"] for x in saved_fields(saved).get("tags", [])] == TAGS,
                    timeout=8)
    t.tap(ok, "Ctrl+Shift+Z redoes it", saved_fields(saved).get("tags"))

    # Quit.
    time.sleep(1.5)
    t.key("ctrl+q")
    try:
        proc.wait(15)
        t.tap(proc.returncode == 0, "Ctrl+Q quits cleanly", f"exit status {proc.returncode}")
    except subprocess.TimeoutExpired:
        t.tap(False, "Ctrl+Q quits cleanly", f"still running; windows: {t.window_names(proc.pid)}")


def main():
    build = os.path.abspath(sys.argv[1])
    t = E2E(build)
    tmp = tempfile.mkdtemp(prefix="copydesk-e2e-undo-")
    saved = os.path.join(tmp, "story", "ferry.copydesk")
    os.makedirs(os.path.dirname(saved))
    env = t.environment(tmp, "author-name='Ana Lima'\n"
                             "default-language='en'\n"
                             "autosave=true\n"
                             "autosave-interval=uint32 1\n")
    print("TAP version 13", flush=True)
    proc, log = t.start(env, tmp)
    try:
        run(t, proc, saved)
    finally:
        t.finish(proc, log, tmp)
    print(f"1..{t.step}", flush=True)
    if t.failed == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"# files kept in {tmp}")
    sys.exit(1 if t.failed else 0)


if __name__ == "__main__":
    main()
