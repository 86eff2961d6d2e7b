#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""End to end: the moves people make without thinking, in the real copydesk
window, typed into with xdotool.

1. A new article: a lead image chosen from the file chooser before the first
   save, then saved into the folder where the photo sits. The image is
   stored relative to the article; the folder is moved; the article still
   validates and exports as a bundle with its image.
2. The moved article opened again: an edit, an autosave, then Close and
   Discard: the file is byte for byte what was last saved explicitly.
3. Save As into another folder: the image still resolves from there.

Run by meson under tests/ui/run-ui-test.sh (Xvfb plus a session bus):
  test-trust.py BUILDDIR

Prints TAP.
"""

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_util import E2E  # noqa: E402

HEADLINE = "Night ferry returns to the island"


def write_png(path, width, height):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\0" + b"\x20\x60\xa0" * width for _ in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validate(t, path):
    r = subprocess.run([t.cli, "validate", "--json", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    try:
        report = json.loads(r.stdout)[0]
    except (ValueError, IndexError, KeyError):
        report = {}
    issues = report.get("issues", [])
    return r.returncode, [i for i in issues if i.get("field") == "image.source"], r.stdout + r.stderr


def other_windows(t, pid, wid):
    return [w for w in t.window_names(pid) if w != wid]


def save_through_dialog(t, proc, wid, keys, path):
    t.key(keys)
    dialog = t.wait_for(lambda: other_windows(t, proc.pid, wid))
    if not dialog:
        return False
    time.sleep(0.5)
    t.key("ctrl+a")
    t.type_text(path)
    t.shot("trust-save-" + os.path.basename(path))
    t.key("Return")
    return t.wait_for(lambda: os.path.exists(path)) and \
        t.wait_for(lambda: not other_windows(t, proc.pid, wid))


def quit_program(t, proc, what):
    t.key("ctrl+q")
    try:
        proc.wait(15)
        t.tap(proc.returncode == 0, f"Ctrl+Q quits cleanly ({what})", f"exit {proc.returncode}")
    except subprocess.TimeoutExpired:
        t.tap(False, f"Ctrl+Q quits cleanly ({what})", t.window_names(proc.pid))


def first_session(t, env, tmp, story):
    """A new article, the image chosen before the first save."""
    photo = os.path.join(story, "ferry.png")
    saved = os.path.join(story, "ferry.copydesk")
    proc, log = t.start(env, tmp)
    try:
        wid = t.main_window(proc.pid)
        if not t.tap(wid is not None, "the window appears", t.window_names(proc.pid)):
            return None
        t.xdotool("windowfocus", "--sync", wid)
        time.sleep(0.5)
        t.type_text(HEADLINE)

        # Choose Image… by its mnemonic.
        time.sleep(0.8)
        t.key("alt+c")
        chooser = t.wait_for(lambda: other_windows(t, proc.pid, wid))
        if not t.tap(bool(chooser), "the lead image's file chooser opens", t.window_names(proc.pid)):
            return None
        time.sleep(0.8)
        t.shot("trust-1-chooser")
        t.key("ctrl+l")
        t.type_text(photo)
        t.shot("trust-2-path")
        t.key("Return")
        t.wait_for(lambda: not other_windows(t, proc.pid, wid))
        time.sleep(1.0)
        t.shot("trust-3-chosen")

        ok = save_through_dialog(t, proc, wid, "ctrl+s", saved)
        t.tap(ok, "the new article is saved beside the photo", saved)
        if ok:
            doc = load(saved)
            source = doc.get("image", {}).get("source")
            t.tap(source == "ferry.png",
                  "the image chosen before the first save is stored relative to the article",
                  repr(source))
        quit_program(t, proc, "first session")
    finally:
        t.finish(proc, log, tmp)
    return saved


def second_session(t, env, tmp, saved, elsewhere):
    """The moved article: edit, autosave, Discard; then Save As elsewhere."""
    explicit = open(saved, "rb").read()
    proc, log = t.start(env, tmp, saved)
    try:
        wid = t.main_window(proc.pid)
        if not t.tap(wid is not None, "the moved article opens", t.window_names(proc.pid)):
            return
        t.xdotool("windowfocus", "--sync", wid)
        time.sleep(1.0)
        # A few words at the start of the body.
        t.key("ctrl+Return")
        t.key("ctrl+Home")
        t.type_text("Tonight: ")
        ok = t.wait_for(lambda: open(saved, "rb").read() != explicit, timeout=10)
        t.tap(ok, "the edit is autosaved into the file")

        t.key("ctrl+w")
        dialog = t.wait_for(lambda: other_windows(t, proc.pid, wid))
        t.tap(bool(dialog), "closing asks about the autosaved changes", t.window_names(proc.pid))
        time.sleep(0.5)
        # The dialog's buttons: Cancel, Discard, Save.
        t.key("alt+d")
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            pass
        t.tap(proc.poll() is not None, "Discard closes the window", t.window_names(proc.pid))
        t.tap(open(saved, "rb").read() == explicit,
              "after Discard the file is byte for byte the last explicit save")
    finally:
        t.finish(proc, log, tmp)

    # Save As into another folder.
    proc, log = t.start(env, tmp, saved)
    try:
        wid = t.main_window(proc.pid)
        if not t.tap(wid is not None, "the article opens again", t.window_names(proc.pid)):
            return
        t.xdotool("windowfocus", "--sync", wid)
        time.sleep(1.0)
        target = os.path.join(elsewhere, "copy.copydesk")
        ok = save_through_dialog(t, proc, wid, "ctrl+shift+s", target)
        t.tap(ok, "Save As writes into another folder", target)
        time.sleep(1.0)
        # An offer to copy the image, if any, is answered with Return.
        if other_windows(t, proc.pid, wid):
            t.key("Return")
            time.sleep(0.5)
        if ok:
            code, problems, out = validate(t, target)
            t.tap(not problems, "after Save As the lead image still resolves", out)
            source = load(target).get("image", {}).get("source", "")
            t.tap(os.path.isfile(os.path.join(elsewhere, source)),
                  "the image is beside the new file", repr(source))
        quit_program(t, proc, "Save As")
    finally:
        t.finish(proc, log, tmp)


def main():
    build = os.path.abspath(sys.argv[1])
    t = E2E(build)
    tmp = tempfile.mkdtemp(prefix="copydesk-e2e-trust-")
    story = os.path.join(tmp, "desk", "story")
    elsewhere = os.path.join(tmp, "elsewhere")
    os.makedirs(story)
    os.makedirs(elsewhere)
    write_png(os.path.join(story, "ferry.png"), 64, 40)

    env = t.environment(tmp, "author-name='Ana Lima'\n"
                             "default-language='en'\n"
                             "autosave=true\n"
                             "autosave-interval=uint32 1\n")
    print("TAP version 13", flush=True)
    saved = first_session(t, env, tmp, story)
    if saved and os.path.exists(saved):
        moved = os.path.join(tmp, "moved")
        shutil.move(os.path.join(tmp, "desk"), moved)
        saved = os.path.join(moved, "story", "ferry.copydesk")
        code, problems, out = validate(t, saved)
        t.tap(not problems, "after moving the folder the image still resolves", out)
        bundle = os.path.join(tmp, "bundle")
        r = subprocess.run([t.cli, "export", "--force", "--bundle", bundle, saved],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        t.tap(r.returncode == 0 and os.path.exists(os.path.join(bundle, "ferry.png")),
              "the moved article exports as a bundle with its image", r.stdout)
        second_session(t, env, tmp, saved, elsewhere)
    print(f"1..{t.step}", flush=True)
    if t.failed == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"# files kept in {tmp}")
    sys.exit(1 if t.failed else 0)


if __name__ == "__main__":
    main()
