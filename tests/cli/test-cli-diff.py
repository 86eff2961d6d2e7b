#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# copydesk-cli diff end to end: the real binary on real files, its exit
# codes, text, colour and JSON, and both ways of plugging it into a real git
# repository (textconv and external diff driver). TAP output.

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

cli = os.path.abspath(sys.argv[1])
top = pathlib.Path(sys.argv[2])
sample = top / "data/sample/harbour-ferry.copydesk"
malformed = top / "tests/malformed"

results = []


def env_for(home):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", HOME=str(home),
               GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.com",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.com",
               PATH=str(pathlib.Path(cli).parent) + os.pathsep + os.environ.get("PATH", ""))
    for name in ("NO_COLOR", "GIT_PAGER_IN_USE", "GIT_DIR", "GIT_WORK_TREE"):
        env.pop(name, None)
    return env


def run(*args, cwd=None, home="/nonexistent"):
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env_for(home), timeout=60)


def git(repo, *args, home):
    return subprocess.run(["git", *args], capture_output=True, text=True, cwd=repo,
                          env=env_for(home), timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def write_article(path, data):
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def edited(data):
    """The sample with a longer headline, a status change, a word changed in
    the body and its third paragraph moved to the end."""
    paragraphs = data["body"].split("\n\n")
    paragraphs[1] = paragraphs[1].replace(" the ", " a ", 1)
    paragraphs.append(paragraphs.pop(2))
    return dict(data, headline=data["headline"] + " at last", section="Transport",
                body="\n\n".join(paragraphs))


def tests(work):
    data = json.loads(sample.read_text())
    old = work / "old.copydesk"
    new = work / "new.copydesk"
    write_article(old, data)
    write_article(new, edited(data))

    r = run("diff", old, old)
    check("diff of an article with itself exits 0 and prints nothing",
          r.returncode == 0 and r.stdout == "" and r.stderr == "", r)

    r = run("diff", old, new)
    check("diff of two versions exits 1", r.returncode == 1, r)
    check("diff marks the headline's new words like git --word-diff",
          "{+ at last+}" in r.stdout and "Headline:" in r.stdout, r)
    check("diff shows a metadata field whole, old and new",
          "Section: [-Local-]{+Transport+}" in r.stdout, r)
    check("diff marks the replaced word in the body",
          "[-the-]{+a+}" in r.stdout, r)
    check("diff reports the moved paragraph as moved, not deleted and added",
          "[<Portmere City Council" in r.stdout and "{>Portmere City Council" in r.stdout
          and "1 paragraph moved" in r.stdout and "+1 −1 words" in r.stdout, r)
    check("diff leaves out unchanged paragraphs far from a change",
          "…" in r.stdout and "Timetables" in r.stdout
          and data["body"].split("\n\n")[5] not in r.stdout, r)
    check("no colour when standard output is not a terminal", "\033[" not in r.stdout, r)

    r = run("diff", "--color=always", old, new)
    check("--color=always colours insertions green and deletions red",
          r.returncode == 1 and "\033[32m at last\033[m" in r.stdout
          and "\033[31mthe\033[m" in r.stdout and "{+" not in r.stdout, r)
    r = run("diff", "--color=never", old, new)
    check("--color=never uses markers", "{+ at last+}" in r.stdout and "\033[" not in r.stdout, r)
    r = run("diff", "--color=sometimes", old, new)
    check("a bad --color value is bad usage (exit 2)",
          r.returncode == 2 and "--color" in r.stderr and r.stdout == "", r)

    r = run("diff", "--json", old, new)
    try:
        report = json.loads(r.stdout)
    except ValueError:
        report = {}
    changes = {c["field"]: c for c in report.get("changes", [])}
    check("diff --json lists the changed fields with labels, values and operations",
          r.returncode == 1 and report.get("identical") is False
          and list(changes) == ["headline", "section", "body"]
          and changes["section"] == {"field": "section", "label": "Section", "kind": "changed",
                                     "old": "Local", "new": "Transport"}
          and {"op": "insert", "text": " at last"} in changes["headline"]["ops"]
          and report["body_words_added"] == 1 and report["body_words_removed"] == 1, r)
    body_ops = changes.get("body", {}).get("ops", [])
    rebuilt_old = "".join(o["text"] for o in body_ops if o["op"] in ("equal", "delete", "moved-from"))
    rebuilt_new = "".join(o["text"] for o in body_ops if o["op"] in ("equal", "insert", "moved-to"))
    moves = [o for o in body_ops if o["op"] in ("moved-from", "moved-to")]
    check("the JSON operations rebuild both bodies, and the move's two ends share a number",
          rebuilt_old == data["body"] and rebuilt_new == edited(data)["body"]
          and len(moves) == 2 and moves[0]["move"] == moves[1]["move"] == 1, r)
    r = run("diff", "--json", old, old)
    check("diff --json of the same article says identical and exits 0",
          r.returncode == 0 and json.loads(r.stdout)["identical"] is True
          and json.loads(r.stdout)["changes"] == [], r)

    # A paragraph moved and edited on the way.
    moved_edited = work / "moved-edited.copydesk"
    paragraphs = data["body"].split("\n\n")
    paragraphs.append(paragraphs.pop(2).replace("ordered", "bought", 1))
    write_article(moved_edited, dict(data, body="\n\n".join(paragraphs)))
    r = run("diff", old, moved_edited)
    check("a paragraph moved and edited shows as moved, with its edits where it went",
          r.returncode == 1 and "{>Portmere City Council [-ordered-]{+bought+} the vessel" in r.stdout
          and "+1 −1 words, 1 paragraph moved" in r.stdout, r)
    r = run("diff", "--json", old, moved_edited)
    body = [c for c in json.loads(r.stdout)["changes"] if c["field"] == "body"][0]
    moved_to = [o for o in body["ops"] if o["op"] == "moved-to"]
    check("the JSON gives the moved paragraph's own edits",
          len(moved_to) == 1 and {"op": "insert", "text": "bought"} in moved_to[0]["edits"]["ops"]
          and {"op": "delete", "text": "ordered"} in moved_to[0]["edits"]["ops"], r)

    # Trouble: exit 2, with the file, line and column.
    bad = malformed / "26-trailing-comma.copydesk"
    r = run("diff", old, bad)
    check("a malformed file exits 2 naming the file, line and column",
          r.returncode == 2 and re.search(r"26-trailing-comma\.copydesk:\d+:\d+: ", r.stderr)
          and r.stdout == "", r)
    r = run("diff", work / "missing.copydesk", new)
    check("a missing file exits 2 and is named", r.returncode == 2 and "missing.copydesk" in r.stderr, r)
    r = run("diff", old)
    check("diff with one file is bad usage", r.returncode == 2, r)
    r = run("diff", "--json", "--textconv", old)
    check("--json with --textconv is bad usage", r.returncode == 2, r)

    r = run("diff", "--textconv", old)
    check("--textconv prints one field a line by id, the body last",
          r.returncode == 0 and r.stdout.startswith("headline: " + data["headline"] + "\n")
          and "\nsection: Local\n" in r.stdout and "\nauthors[0].name: " in r.stdout
          and r.stdout.endswith("body:\n" + data["body"] + "\n"), r)
    r2 = run("diff", "--textconv", old)
    check("--textconv is stable", r.stdout == r2.stdout, r2)

    r = run("diff", "--git", "a.copydesk", old, "0" * 40, "100644")
    check("--git with the wrong number of arguments is bad usage", r.returncode == 2, r)
    r = run("diff", "--git", "story.copydesk", "/dev/null", "0" * 40, "100644", new, "1" * 40, "100644")
    check("--git shows an added article from /dev/null and exits 0 so git goes on",
          r.returncode == 0 and "diff --copydesk a/story.copydesk b/story.copydesk" in r.stdout
          and "new article" in r.stdout and "{+" in r.stdout, r)

    git_tests(work, data)


def git_tests(work, data):
    home = work / "home"
    home.mkdir()
    repo = work / "repo"
    repo.mkdir()
    story = repo / "story.copydesk"
    git(repo, "init", "-q", home=home)
    (repo / ".gitattributes").write_text("*.copydesk diff=copydesk\n")
    write_article(story, data)
    git(repo, "add", ".", home=home)
    r = git(repo, "commit", "-q", "-m", "First version", home=home)
    check("a real git repository takes the first version", r.returncode == 0, r)
    write_article(story, edited(data))

    # textconv: git's own word diff of the stable text form.
    git(repo, "config", "diff.copydesk.textconv", "copydesk-cli diff --textconv", home=home)
    r = git(repo, "diff", "--word-diff=plain", "--no-color", home=home)
    check("git diff with the textconv shows the edited fields word by word",
          r.returncode == 0 and "{+at last+}" in r.stdout
          and "section: [-Local-]{+Transport+}" in r.stdout and '"headline"' not in r.stdout, r)

    # The external diff driver; git passes seven arguments.
    git(repo, "config", "--unset", "diff.copydesk.textconv", home=home)
    git(repo, "config", "diff.copydesk.command", "copydesk-cli diff --git", home=home)
    r = git(repo, "diff", home=home)
    check("git diff with the external driver shows Copydesk's diff",
          r.returncode == 0 and "diff --copydesk a/story.copydesk b/story.copydesk" in r.stdout
          and "{+ at last+}" in r.stdout and "1 paragraph moved" in r.stdout, r)

    git(repo, "add", ".", home=home)
    git(repo, "commit", "-q", "-m", "Edited", home=home)
    git(repo, "rm", "-q", "story.copydesk", home=home)
    r = git(repo, "diff", "--cached", home=home)
    check("git diff of a deleted article goes through /dev/null",
          r.returncode == 0 and "deleted article" in r.stdout and "[-" in r.stdout, r)
    r = git(repo, "log", "-p", "--ext-diff", "--format=%s", home=home)
    check("git log -p runs the driver on every commit",
          r.returncode == 0 and r.stdout.count("diff --copydesk") >= 2 and "new article" in r.stdout, r)


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-cli-diff-test-"))
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


if __name__ == "__main__":
    sys.exit(main())
