#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# copydesk-cli versions end to end: the real binary, a real version store in a
# temporary XDG_DATA_HOME, files moved and edited between recordings. TAP.

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

cli = sys.argv[1]
top = pathlib.Path(sys.argv[2])
sample = top / "data/sample/harbour-ferry.copydesk"

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def tests(work):
    data_home = work / "data"
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", XDG_DATA_HOME=str(data_home))

    def run(*args):
        return subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                              env=env, timeout=120)

    store = data_home / "copydesk" / "versions.sqlite"
    article = work / "ferry.copydesk"
    shutil.copy(sample, article)
    original = json.loads(article.read_text())

    r = run("versions", article)
    check("an article with no versions says so and exits 0",
          r.returncode == 0 and "No versions" in r.stdout, r)
    check("the store is made in XDG_DATA_HOME, in a folder for the user alone",
          store.is_file() and (store.parent.stat().st_mode & 0o777) == 0o700, list(data_home.rglob("*")))

    r = run("versions", "--record", "--author", "Ana Reporter", article)
    check("--record records a version", r.returncode == 0 and "Recorded version" in r.stdout, r)
    r = run("versions", "--record", "--author", "Ana Reporter", article)
    check("recording the same content again records nothing",
          r.returncode == 0 and "unchanged" in r.stdout, r)

    # The article moves and is edited by a colleague: one history.
    moved = work / "sent-back" / "renamed.copydesk"
    moved.parent.mkdir()
    article.rename(moved)
    edited = dict(original, headline="Harbour ferry finally sails", status="in-review")
    moved.write_text(json.dumps(edited, ensure_ascii=False, indent=2))
    r = run("versions", "--record", "-a", "Ben Editor", moved)
    check("the moved, edited file records a second version", r.returncode == 0 and "Recorded" in r.stdout, r)

    r = run("versions", "--json", moved)
    listed = json.loads(r.stdout) if r.returncode == 0 else []
    check("--json lists both versions, newest first, with every member",
          len(listed) == 2 and listed[0]["author"] == "Ben Editor" and listed[1]["author"] == "Ana Reporter"
          and listed[0]["headline"] == "Harbour ferry finally sails" and listed[0]["status"] == "in-review"
          and listed[1]["status"] == original["status"] and listed[0]["reason"] == "save"
          and listed[0]["path"] == str(moved) and listed[1]["path"] == str(work / "ferry.copydesk")
          and all(v["words"] > 100 and len(v["sha256"]) == 64 and v["size"] > 0
                  and v["time"].endswith("Z") for v in listed),
          r)

    r = run("versions", moved)
    lines = r.stdout.splitlines()
    check("the plain list shows number, reason, author, status and words",
          r.returncode == 0 and len(lines) == 2 and "Ben Editor" in lines[0] and "Saved" in lines[0]
          and "In review" in lines[0] and "words" in lines[0] and lines[1].split()[0] == str(listed[1]["id"]),
          r)

    r = run("versions", "--show", listed[1]["id"], moved)
    shown = json.loads(r.stdout) if r.returncode == 0 else {}
    check("--show prints the older version as a .copydesk article",
          shown.get("headline") == original["headline"] and shown.get("id") == original["id"]
          and shown.get("format") == "copydesk-article", r)
    old = work / "old.copydesk"
    old.write_text(r.stdout)
    r2 = subprocess.run([cli, "validate", old], capture_output=True, text=True, env=env)
    check("the printed version is a file copydesk-cli reads", r2.returncode in (0, 1), r2)

    r = run("versions", "--show", 999999, moved)
    check("--show with an unknown number is a clear error, exit 2",
          r.returncode == 2 and "999999" in r.stderr and str(store) in r.stderr and r.stdout == "", r)

    other = work / "other.copydesk"
    other.write_text(json.dumps(dict(original, id="urn:uuid:1b7c3c3e-0d7e-4a51-8a4e-5b0c6d1e2f30")))
    r = run("versions", "--show", listed[0]["id"], other)
    check("--show does not print another article's version", r.returncode == 2 and r.stdout == "", r)

    r = run("versions", "--show", 0, moved)
    check("--show 0 is bad usage, not the list", r.returncode == 2 and r.stdout == "", r)
    r = run("versions", "--show", 1, "--json", moved)
    check("--show and --json together are bad usage", r.returncode == 2, r)
    r = run("versions")
    check("no file is bad usage", r.returncode == 2, r)
    r = run("versions", work / "missing.copydesk")
    check("a missing file is exit 2 with its name", r.returncode == 2 and "missing.copydesk" in r.stderr, r)

    r = run("--help")
    check("--help lists versions", r.returncode == 0 and "versions" in r.stdout, r)

    # A store that is not a database is moved aside, never lost.
    for name in os.listdir(store.parent):
        (store.parent / name).unlink()
    store.write_text("not a database\n" * 100)
    r = run("versions", moved)
    broken = [p for p in store.parent.iterdir() if ".broken-" in p.name]
    check("a damaged store is moved aside with a message that says where",
          r.returncode == 2 and len(broken) == 1 and str(broken[0]) in r.stderr
          and broken[0].read_text() == "not a database\n" * 100, (r, broken))
    r = run("versions", moved)
    check("the next run starts a new store", r.returncode == 0 and "No versions" in r.stdout, r)


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-cli-versions-"))
    try:
        tests(work)
    finally:
        shutil.rmtree(work)

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print(f"# {line}")
    return 1 if failed else 0


sys.exit(main())
