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

BUILD = os.path.abspath(sys.argv[1])
COPYDESK = os.path.join(BUILD, "src", "ui", "copydesk")
CLI = os.path.join(BUILD, "src", "cli", "copydesk-cli")

HEADLINE = "Fähre nach Helgoland fährt wieder"
# xdotool types characters missing from the keyboard map by remapping a spare
# key; it loses Shift on those, so the text has no capital non-ASCII letters.
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

step = 0
failed = 0


def tap(ok, description, detail=""):
    global step, failed
    step += 1
    print(f"{'ok' if ok else 'not ok'} {step} - {description}", flush=True)
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}", flush=True)
    return ok


def xdotool(*args, check=True):
    r = subprocess.run(["xdotool", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=60)
    if check and r.returncode != 0:
        raise RuntimeError(f"xdotool {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout.strip()


def window_names(pid):
    out = xdotool("search", "--onlyvisible", "--pid", str(pid), "--name", ".", check=False)
    names = {}
    for wid in out.split():
        names[wid] = xdotool("getwindowname", wid, check=False)
    return names


def wait_for(condition, timeout=15.0, interval=0.05):
    end = time.monotonic() + timeout
    value = condition()
    while not value and time.monotonic() < end:
        time.sleep(interval)
        value = condition()
    return value


def main_window(pid):
    """The editor window: the visible top-level whose name is not a dialog's."""
    def find():
        for wid, name in window_names(pid).items():
            if name:
                return wid
        return None
    return wait_for(find, timeout=30)


def key(*keys):
    for k in keys:
        xdotool("key", "--clearmodifiers", k)
        time.sleep(0.15)


def type_text(text):
    # Slower than a person: faster, xdotool's remapped keys can be dropped.
    xdotool("type", "--delay", "50", "--clearmodifiers", text)
    time.sleep(0.3)


def main():
    tmp = tempfile.mkdtemp(prefix="copydesk-e2e-")
    exports = os.path.join(tmp, "exports")
    articles = os.path.join(tmp, "articles")
    os.makedirs(exports)
    os.makedirs(articles)
    saved = os.path.join(articles, "helgoland.copydesk")

    config = os.path.join(tmp, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/copydesk/Copydesk]\n"
                "author-name='Ana Reporterin'\n"
                "default-language='de'\n"
                "autosave=false\n"
                f"last-export-folder='{exports}'\n"
                "last-export-format='ninjs'\n")

    env = dict(os.environ)
    env.update({
        "HOME": tmp,
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "GSETTINGS_BACKEND": "keyfile",
        "GTK_A11Y": "none",
        "LANG": "C.UTF-8",
    })
    env.pop("GSETTINGS_SCHEMA_DIR", None)  # the program finds the build tree's itself

    print("TAP version 13", flush=True)
    log = open(os.path.join(tmp, "copydesk.log"), "w")
    proc = subprocess.Popen([COPYDESK], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        run(proc, saved, exports)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        log.close()
        with open(os.path.join(tmp, "copydesk.log"), encoding="utf-8", errors="replace") as f:
            output = f.read().strip()
        if output:
            print("# program output:")
            for line in output.splitlines()[-40:]:
                print(f"#   {line}")
    print(f"1..{step}", flush=True)
    if failed == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"# files kept in {tmp}")
    sys.exit(1 if failed else 0)


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

    # The publication date: the checklist's first problem leads to the date;
    # the Now button is two Tabs on.
    time.sleep(0.8)
    key("ctrl+shift+r")
    key("Return")
    key("Tab", "Tab", "space")
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
        tap(bool(doc.get("published")), "the publication date was set", doc.get("published"))
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
