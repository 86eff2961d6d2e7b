#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# copydesk-cli end to end: the real binary on real files, checking exit codes,
# standard output, standard error and the files it writes. TAP output.

import json
import os
import pathlib
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

cli = sys.argv[1]
top = pathlib.Path(sys.argv[2])
sample = top / "data/sample/harbour-ferry.copydesk"
malformed = top / "tests/malformed"
articles = top / "tests/articles"

results = []


def run(*args, cwd=None, timeout=60):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=timeout)


def run_bytes(*args, timeout=60, stdout=subprocess.PIPE, preexec_fn=None):
    """Runs the CLI and keeps its output as bytes, so that output which is not
    UTF-8 is seen as such; a run that hangs or crashes is reported, not raised."""
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    try:
        return subprocess.run([cli, *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                              env=env, timeout=timeout, preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, "timeout", b"", b"timed out")


def is_short_utf8(data, limit=2000):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return 0 < len(data) <= limit


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-cli-test-"))
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


def tests(work):
    r = run("--help")
    check("--help exits 0 and lists the commands",
          r.returncode == 0 and all(c in r.stdout for c in
                                    ("validate", "stats", "new", "format", "export", "render", "import")),
          r)
    r = run("--version")
    check("--version prints the version", r.returncode == 0 and r.stdout.startswith("copydesk-cli "), r)
    r = run()
    check("no command is bad usage (exit 2)", r.returncode == 2 and r.stdout == "", r)
    r = run("frobnicate")
    check("unknown command exits 2 with a message on stderr",
          r.returncode == 2 and "frobnicate" in r.stderr and r.stdout == "", r)
    r = run("validate", "--no-such-option", sample)
    check("unknown option exits 2", r.returncode == 2 and "--help" in r.stderr, r)
    r = run("validate")
    check("validate without a file exits 2", r.returncode == 2, r)

    # validate
    r = run("validate", sample)
    check("the sample article is ready to publish (exit 0)",
          r.returncode == 0 and "ready to publish" in r.stdout, r)
    r = run("validate", articles / "minimal.copydesk")
    check("the minimal article has errors (exit 1)",
          r.returncode == 1 and "not ready" in r.stdout and "headline" in r.stdout, r)
    r = run("validate", sample, articles / "minimal.copydesk", malformed / "01-empty.copydesk")
    check("an unreadable file makes validate exit 2 and is named on stderr",
          r.returncode == 2 and "01-empty.copydesk" in r.stderr and "ready to publish" in r.stdout, r)
    r = run("validate", "--json", sample, articles / "minimal.copydesk", work / "missing.copydesk")
    report = json.loads(r.stdout) if r.stdout else []
    check("validate --json reports each file",
          r.returncode == 2 and len(report) == 3 and report[0]["ready"] is True
          and report[1]["ready"] is False and report[1]["errors"] > 0
          and any(i["field"] == "headline" and i["severity"] == "error" for i in report[1]["issues"])
          and report[2]["readable"] is False and "missing.copydesk" in report[2]["error"], r)

    rules = work / "lenient.json"
    rules.write_text(json.dumps({"format": "copydesk-house-rules", "version": 1,
                                 "rules": {"tags-required": "off"}}))
    tagless = work / "tagless.copydesk"
    data = json.loads(sample.read_text())
    tagless.write_text(json.dumps(dict(data, tags=[]), ensure_ascii=False, indent=2) + "\n")
    shutil.copy(top / "data/sample" / data["image"]["source"], work)
    r1 = run("validate", tagless)
    r2 = run("validate", "--rules", rules, tagless)
    check("house rules passed with --rules change the verdict",
          r1.returncode == 1 and r2.returncode == 0, (r1, r2))
    badrules = work / "bad-rules.json"
    badrules.write_text('{"format": "copydesk-house-rules", "version": 1, "rules": {"nope": "error"}}')
    r = run("validate", "--rules", badrules, sample)
    check("a bad house-rules file exits 2 naming the rule",
          r.returncode == 2 and "nope" in r.stderr, r)

    # every malformed file: exit 2, a message naming the file, no crash
    bad = sorted(p for p in malformed.glob("*.copydesk"))
    outcomes = [(p.name, run("validate", p)) for p in bad]
    wrong = [(n, r.returncode, r.stderr) for n, r in outcomes
             if r.returncode != 2 or n not in r.stderr]
    check(f"validate rejects all {len(bad)} malformed files with exit 2 and the file name",
          len(bad) >= 40 and not wrong, wrong[:5])

    # stats
    r = run("stats", "--json", sample)
    stats = json.loads(r.stdout) if r.returncode == 0 else {}
    check("stats --json gives counts",
          r.returncode == 0 and stats.get("words", 0) > 400 and stats["characters"] > stats["characters_no_spaces"]
          and stats["paragraphs"] > 5 and stats["reading_minutes"] >= 2
          and stats["fields"]["headline"] == len(data["headline"]), r)
    check("stats --json lists the counted fields but the body, in the form's order",
          list(stats.get("fields", {})) == ["headline", "standfirst", "slug", "section", "dateline",
                                            "image.alt", "image.caption", "image.credit", "editor_note"],
          stats.get("fields"))
    r = run("stats", "--wpm", "100", "--json", sample)
    slow = json.loads(r.stdout) if r.returncode == 0 else {}
    check("--wpm changes the reading time",
          r.returncode == 0 and slow["reading_seconds"] > stats.get("reading_seconds", 0), r)
    r = run("stats", sample, sample)
    check("stats takes exactly one file", r.returncode == 2, r)

    # new
    r = run("new", "--headline", "Ferry sails at last", "-a", "Ada Okafor", "-a", "Jonas Berg")
    fresh = work / "fresh.copydesk"
    fresh.write_text(r.stdout)
    article = json.loads(r.stdout) if r.returncode == 0 else {}
    check("new prints an article with the headline, derived slug and byline authors",
          r.returncode == 0 and article["format"] == "copydesk-article"
          and article["slug"] == "ferry-sails-at-last" and len(article["authors"]) == 2
          and article["id"].startswith("urn:uuid:"), r)
    r = run("format", "--check", fresh)
    check("a new article is already canonical", r.returncode == 0, r)
    r = run("new", "-o", fresh)
    check("new refuses to overwrite an existing file", r.returncode == 2 and fresh.read_text() != "", r)

    # format
    messy = work / "messy.copydesk"
    messy.write_text(json.dumps(data, ensure_ascii=True))
    r = run("format", "--check", messy)
    check("format --check finds a non-canonical file (exit 1)", r.returncode == 1, r)
    mode = 0o640
    os.chmod(messy, mode)
    r = run("format", messy)
    check("format rewrites it byte-identical to the canonical sample, keeping permissions",
          r.returncode == 0 and messy.read_bytes() == sample.read_bytes()
          and (os.stat(messy).st_mode & 0o777) == mode, r)
    broken = work / "broken.copydesk"
    broken.write_text('{"format": "copydesk-article", "version": 1, "headline": 3}')
    r = run("format", broken)
    check("format leaves a broken file untouched (exit 2)",
          r.returncode == 2 and "headline" in r.stderr
          and broken.read_text() == '{"format": "copydesk-article", "version": 1, "headline": 3}', r)

    # export
    r = run("export", sample)
    check("export of a local image without bundle or base URL exits 2 and says what to do",
          r.returncode == 2 and "bundle" in r.stderr and r.stdout == "", r)
    r = run("export", "--image-base-url", "https://media.example.org/images/", sample)
    ninjs = json.loads(r.stdout) if r.returncode == 0 else {}
    check("export defaults to ninjs and uses the image base URL",
          r.returncode == 0 and ninjs.get("uri") == data["id"]
          and "https://media.example.org/images/harbour-ferry.jpg" in r.stdout, r)
    r2 = run("export", "--image-base-url", "https://media.example.org/images/", sample)
    check("export is deterministic", r2.stdout == r.stdout, "")
    r = run("export", "--format", "nope", sample)
    check("an unknown format exits 2", r.returncode == 2 and "nope" in r.stderr, r)
    r = run("export", "--image-base-url", "https://media.example.org/", articles / "minimal.copydesk")
    check("export of an article with errors exits 1 and lists them",
          r.returncode == 1 and "--force" in r.stderr and r.stdout == "", r)
    r = run("export", "--force", "--format", "jsonld", articles / "minimal.copydesk")
    check("--force exports anyway", r.returncode == 0 and "NewsArticle" in r.stdout, r)

    bundle = work / "bundle"
    r = run("export", "--format", "ans", "--bundle", bundle, sample)
    exported = bundle / (data["slug"] + ".ans.json")
    check("--bundle writes the export and a copy of the image beside it",
          r.returncode == 0 and exported.exists() and (bundle / "harbour-ferry.jpg").exists()
          and (bundle / "harbour-ferry.jpg").read_bytes() == (top / "data/sample/harbour-ferry.jpg").read_bytes(),
          r)
    out = work / "story.json"
    for fmt in ("ninjs", "jsonld", "ans", "wordpress", "html", "copydesk"):
        r = run("export", "-f", fmt, "--image-base-url", "https://media.example.org/i/", "--force",
                "-o", out, sample)
        check(f"export -f {fmt} -o writes the file", r.returncode == 0 and out.stat().st_size > 200, r)

    nobundle = work / "no-image"
    nobundle.mkdir()
    lost = work / "lost.copydesk"
    lostdata = dict(data)
    lostdata["image"] = dict(data["image"], source="not-there.jpg")
    lost.write_text(json.dumps(lostdata, ensure_ascii=False, indent=2) + "\n")
    r = run("export", "--bundle", nobundle, lost)
    check("preflight names a lead image that is missing",
          r.returncode == 1 and "not-there.jpg" in r.stderr and list(nobundle.iterdir()) == [], r)
    r = run("validate", lost)
    check("validate names a lead image that is missing",
          r.returncode == 1 and "not-there.jpg" in r.stdout and "image.source" in r.stdout, r)
    r = run("export", "--force", "--bundle", nobundle, lost)
    check("a bundle whose image is missing fails and writes nothing",
          r.returncode == 2 and "not-there.jpg" in r.stderr and list(nobundle.iterdir()) == [], r)

    # render
    r = run("render", sample)
    check("render prints the HTML page with the headline and no script",
          r.returncode == 0 and "<!DOCTYPE html>" in r.stdout[:200].upper().replace("<!DOCTYPE HTML>", "<!DOCTYPE html>")
          and data["headline"].split()[0] in r.stdout and "<script" not in r.stdout.lower(), r)

    # import
    ninjs_file = work / "story.ninjs.json"
    r = run("export", "--image-base-url", "https://media.example.org/images/", "-o", ninjs_file, sample)
    r = run("import", ninjs_file)
    imported = json.loads(r.stdout) if r.returncode == 0 else {}
    check("import turns a ninjs export back into an article",
          r.returncode == 0 and imported.get("headline") == data["headline"]
          and imported.get("id") == data["id"], r)
    r = run("import", sample)
    check("import of a non-ninjs file exits 2", r.returncode == 2 and r.stderr, r)

    # A wire story cannot carry a local file out through a bundle.
    wire = work / "wire"
    wire.mkdir()
    wire_ninjs = wire / "wire.json"
    wire_ninjs.write_text(json.dumps({
        "uri": "urn:example:wire:1", "headline": "Ferry back",
        "associations": [{"name": "featureimage", "type": "picture", "uri": "urn:example:pic",
                          "renditions": [{"name": "original", "href": "/etc/passwd"}]}]}))
    r = run("import", wire_ninjs)
    wired = json.loads(r.stdout) if r.returncode == 0 else {}
    check("import drops a lead image that is a local path, and says so",
          r.returncode == 0 and "/etc/passwd" not in r.stdout
          and not (wired.get("image") or {}).get("source")
          and "/etc/passwd" in r.stderr, r)
    stolen = work / "stolen.copydesk"
    stolen.write_text(json.dumps(dict(data, image=dict(data["image"], source="/etc/passwd")),
                                 ensure_ascii=False, indent=2) + "\n")
    r = run("validate", stolen)
    check("validate refuses a lead image outside the article's folder",
          r.returncode == 1 and "/etc/passwd" in r.stdout, r)
    leak = work / "leak"
    r = run("export", "--force", "--bundle", leak, stolen)
    check("a bundle never copies a file from outside the article's folder",
          r.returncode == 2 and not (leak / "passwd").exists(), r)
    hostile_tests(work, data)
    output_tests(work)
    huge_tests(work, data)


def hostile_tests(work, data):
    """Input made to break a loader: it must fail with exit 2 and a short
    message in UTF-8, never crash, hang or read without end."""

    # House rules nested far deeper than any parser stack allows.
    deep = work / "deep-rules.json"
    deep.write_text("[" * 75000 + "]" * 75000)
    r = run_bytes("validate", "--rules", deep, sample)
    check("deeply nested house rules exit 2 with a short message",
          r.returncode == 2 and is_short_utf8(r.stderr) and b"deep-rules.json" in r.stderr, r)
    deep_member = work / "deep-member-rules.json"
    deep_member.write_text('{"format": "copydesk-house-rules", "version": 1, "x": '
                           + '{"a": ' * 75000 + "1" + "}" * 75001)
    r = run_bytes("validate", "--rules", deep_member, sample)
    check("deeply nested objects in house rules exit 2 with a short message",
          r.returncode == 2 and is_short_utf8(r.stderr), r)
    deep_ninjs = work / "deep.ninjs.json"
    deep_ninjs.write_text('{"uri": "urn:x", "headlines": ' + "[" * 75000 + "]" * 75000 + "}")
    r = run_bytes("import", deep_ninjs)
    check("a deeply nested ninjs document exits 2 with a short message",
          r.returncode == 2 and is_short_utf8(r.stderr), r)

    # Error messages are valid UTF-8 and short, whatever the input.
    cut = work / "cut-rules.json"
    cut.write_bytes('{"copydesk-house-rul…ϗ…'.encode())
    r = run_bytes("validate", "--rules", cut, sample)
    check("a house-rules syntax error is reported in valid UTF-8 with line and column",
          r.returncode == 2 and is_short_utf8(r.stderr) and b"cut-rules.json:1:" in r.stderr, r)
    for name, text in (("long-name-rules.json",
                        '{"format": "copydesk-house-rules", "version": 1, "rules": {"'
                        + "ϗ" * 300000 + '": "error"}}'),
                       ("long-value-rules.json",
                        '{"format": "copydesk-house-rules", "version": 1, "rules": '
                        '{"body-tk": "' + "é" * 300000 + '"}}'),
                       ("long-key-rules.json", '{"' + "ϗ" * 300000 + '": 1}')):
        path = work / name
        path.write_text(text)
        r = run_bytes("validate", "--rules", path, sample)
        check(f"house rules {name}: exit 2 with a short UTF-8 message",
              r.returncode == 2 and is_short_utf8(r.stderr), (r.returncode, r.stderr[:300], len(r.stderr)))
    huge_status = work / "huge-status.copydesk"
    huge_status.write_text(json.dumps(dict(data, status="ϗ" * (10 * 1024 * 1024)), ensure_ascii=False))
    r = run_bytes("validate", huge_status)
    check("a 20 MB status value gives a short message",
          r.returncode == 2 and is_short_utf8(r.stderr), (r.returncode, r.stderr[:300], len(r.stderr)))
    huge_ninjs = work / "huge-status.ninjs.json"
    huge_ninjs.write_text(json.dumps({"uri": "urn:x", "pubstatus": "ϗ" * (4 * 1024 * 1024)},
                                     ensure_ascii=False))
    r = run_bytes("import", huge_ninjs)
    check("a huge ninjs value gives a short message",
          r.returncode == 2 and is_short_utf8(r.stderr), (r.returncode, r.stderr[:300], len(r.stderr)))

    # Devices, FIFOs and folders are refused before they are read.
    fifo = work / "fifo"
    os.mkfifo(fifo)
    specials = [("/dev/zero", "/dev/zero"), ("/dev/urandom", "/dev/urandom"),
                ("a FIFO with no writer", fifo), ("a folder", work)]
    commands = [("validate", lambda f: ("validate", f)),
                ("validate --rules", lambda f: ("validate", "--rules", f, sample)),
                ("stats", lambda f: ("stats", f)),
                ("format --check", lambda f: ("format", "--check", f)),
                ("export", lambda f: ("export", "--force", f)),
                ("import", lambda f: ("import", f))]
    for what, path in specials:
        for command, args in commands:
            r = run_bytes(*args(path), timeout=20)
            check(f"{command} refuses {what} at once with exit 2 and a short message",
                  r.returncode == 2 and is_short_utf8(r.stderr) and str(path).encode() in r.stderr,
                  (r.returncode, r.stderr[:300]))


def output_tests(work):
    """Where the CLI writes: never replace a device, a pipe or a link to one,
    never overwrite a file without --force, and fail when standard output
    cannot be written."""
    base_url = ("--image-base-url", "https://media.example.org/i/")
    out = work / "outputs"
    out.mkdir()

    r = run("export", "--help")
    check("export --help names its file once",
          r.returncode == 0 and "[OPTION…] FILE\n" in r.stdout and "FILE FILE" not in r.stdout, r.stdout[:300])
    helps = [run(c, "--help") for c in ("validate", "stats", "format", "import", "render")]
    check("no command's --help repeats its file argument",
          all(h.returncode == 0 and "FILE FILE" not in h.stdout and "FILE… FILE…" not in h.stdout
              for h in helps), [h.stdout[:200] for h in helps])

    # A device: a private copy of /dev/null, so that a failure cannot break
    # the machine's own.
    if os.geteuid() == 0:
        null = out / "null"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        r = run("export", *base_url, "-o", null, sample)
        check("export -o a device writes to it and leaves it a device",
              r.returncode == 0 and stat.S_ISCHR(os.stat(null).st_mode), r)
        r = run("new", "-o", null)
        check("new -o a device refuses, leaving it a device",
              r.returncode == 2 and stat.S_ISCHR(os.stat(null).st_mode), r)

    # A link to standard output, as /dev/stdout is.
    link = out / "stdout"
    os.symlink("/proc/self/fd/1", link)
    r = run("export", *base_url, "-o", link, sample)
    check("export -o a link to standard output delivers the export there",
          r.returncode == 0 and '"uri"' in r.stdout and os.path.islink(link), r)
    r = run("import", "-o", link, work / "story.ninjs.json")
    check("import -o a link to standard output delivers the article there",
          r.returncode == 0 and '"copydesk-article"' in r.stdout and os.path.islink(link), r)

    # The same link when standard output is a regular file.
    redirected = out / "redirected.json"
    with open(redirected, "wb") as stdout:
        r = run_bytes("export", *base_url, "-o", link, sample, stdout=stdout)
    check("export -o a link to standard output writes into the file it was redirected to",
          r.returncode == 0 and b'"uri"' in redirected.read_bytes() and os.path.islink(link),
          (r.returncode, r.stderr))

    # A FIFO with a reader.
    fifo = out / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    r = run_bytes("export", *base_url, "-o", fifo, sample, timeout=20)
    try:
        received, _ = reader.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        reader.kill()
        received, _ = reader.communicate()
    check("export -o a FIFO writes into the FIFO",
          r.returncode == 0 and b'"uri"' in received and stat.S_ISFIFO(os.stat(fifo).st_mode),
          (r.returncode, r.stderr, received[:100]))

    # Existing files are not overwritten without --force.
    existing = out / "existing.json"
    existing.write_text("keep me")
    r = run("export", *base_url, "-o", existing, sample)
    check("export -o an existing file refuses without --force",
          r.returncode == 2 and "--force" in r.stderr and existing.read_text() == "keep me", r)
    r = run("export", *base_url, "--force", "-o", existing, sample)
    check("export --force -o an existing file replaces it",
          r.returncode == 0 and '"uri"' in existing.read_text(), r)
    ninjs = work / "story.ninjs.json"
    article = out / "existing.copydesk"
    article.write_text("keep me")
    r = run("import", "-o", article, ninjs)
    check("import -o an existing file refuses without --force",
          r.returncode == 2 and "--force" in r.stderr and article.read_text() == "keep me", r)
    own = out / "own.json"
    shutil.copy(ninjs, own)
    before = own.read_bytes()
    r = run("import", "-o", own, own)
    check("import -o onto its own input refuses without --force",
          r.returncode == 2 and own.read_bytes() == before, r)
    r = run("import", "--force", "-o", article, ninjs)
    check("import --force -o an existing file replaces it",
          r.returncode == 0 and '"copydesk-article"' in article.read_text(), r)
    bundle = out / "bundle"
    bundle.mkdir()
    data = json.loads(sample.read_text())
    (bundle / (data["slug"] + ".ninjs.json")).write_text("keep me")
    r = run("export", "--bundle", bundle, sample)
    check("--bundle over an existing export refuses without --force",
          r.returncode == 2 and "--force" in r.stderr
          and (bundle / (data["slug"] + ".ninjs.json")).read_text() == "keep me"
          and not (bundle / "harbour-ferry.jpg").exists(), r)
    shutil.rmtree(bundle)
    bundle.mkdir()
    (bundle / "harbour-ferry.jpg").write_text("keep me")
    r = run("export", "--bundle", bundle, sample)
    check("--bundle over an existing image refuses without --force",
          r.returncode == 2 and "--force" in r.stderr
          and (bundle / "harbour-ferry.jpg").read_text() == "keep me", r)
    shutil.rmtree(bundle)

    # --bundle with -o elsewhere.
    elsewhere = out / "elsewhere"
    elsewhere.mkdir()
    r = run("export", "--bundle", bundle, "-o", elsewhere / "story.json", sample)
    check("--bundle DIR -o a file outside DIR is refused with a message",
          r.returncode == 2 and "--bundle" in r.stderr and not (elsewhere / "story.json").exists()
          and not (bundle / "story.json").exists(), r)
    r = run("export", "--bundle", bundle, "-o", "story.json", sample)
    check("--bundle DIR -o a plain file name names the export inside DIR",
          r.returncode == 0 and (bundle / "story.json").exists(), r)
    shutil.rmtree(bundle)

    # new -o never follows a link to create a file elsewhere.
    dangling = out / "dangling.copydesk"
    os.symlink(out / "target.copydesk", dangling)
    r = run("new", "-o", dangling)
    check("new -o a dangling link refuses and creates nothing",
          r.returncode == 2 and not (out / "target.copydesk").exists(), r)
    fresh = out / "fresh.copydesk"
    r = run("new", "-o", fresh)
    check("new -o a new name writes the article", r.returncode == 0 and json.loads(fresh.read_text())["id"], r)

    # A full standard output is an error.
    messy = out / "messy.copydesk"
    messy.write_text(sample.read_text().replace("\n  ", "\n    "))
    for args in (("validate", sample), ("validate", "--json", sample), ("stats", sample),
                 ("stats", "--json", sample), ("format", "--check", messy), ("new",),
                 ("export", *base_url, sample), ("import", ninjs)):
        with open("/dev/full", "wb") as full:
            r = run_bytes(*args, stdout=full)
        check(f"{' '.join(map(str, args[:2]))} > /dev/full exits 2 with a message",
              r.returncode == 2 and is_short_utf8(r.stderr) and b"standard output" in r.stderr,
              (r.returncode, r.stderr))

    # A bundle that runs out of space leaves nothing behind.
    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    r = run_bytes("export", "--bundle", bundle, sample, preexec_fn=small_files)
    left = sorted(p.name for p in bundle.iterdir()) if bundle.exists() else []
    check("a bundle that runs out of space fails and leaves nothing in the folder",
          r.returncode == 2 and left == [], (r.returncode, r.stderr, left))


def huge_tests(work, data):
    """Huge input is loaded in linear time, or refused at once when it is
    more than an article can hold; no text is dropped without a word."""
    for count in (16000, 100000):
        path = work / f"authors-{count}.copydesk"
        path.write_text(json.dumps(dict(data, authors=[{"name": f"Author {i}"} for i in range(count)])))
        r = run_bytes("validate", path, timeout=120)
        check(f"{count} authors are refused at once with a message naming the limit",
              r.returncode == 2 and b"1000" in r.stderr and b"authors" in r.stderr, (r.returncode, r.stderr[:300]))
    path = work / "tags-100000.copydesk"
    path.write_text(json.dumps(dict(data, tags=[{"name": f"Tag {i}"} for i in range(100000)])))
    r = run_bytes("validate", path, timeout=120)
    check("100000 tags are refused at once with a message naming the limit",
          r.returncode == 2 and b"1000" in r.stderr and b"tags" in r.stderr, (r.returncode, r.stderr[:300]))
    path = work / "authors-1000.copydesk"
    path.write_text(json.dumps(dict(data, authors=[{"name": f"Author {i}"} for i in range(1000)])))
    r = run_bytes("stats", path, timeout=120)
    check("1000 authors, the most an article may have, load", r.returncode == 0, (r.returncode, r.stderr[:300]))
    path = work / "people.ninjs.json"
    path.write_text(json.dumps({"uri": "urn:x", "people": [{"name": f"P {i}", "rel": "author"}
                                                           for i in range(16000)]}))
    r = run_bytes("import", path, timeout=120)
    check("a ninjs document with 16000 authors is refused at once",
          r.returncode == 2 and b"1000" in r.stderr, (r.returncode, r.stderr[:300]))
    path = work / "subjects.ninjs.json"
    path.write_text(json.dumps({"uri": "urn:x", "subjects": [{"name": f"S {i}"} for i in range(100000)]}))
    r = run_bytes("import", path, timeout=120)
    check("a ninjs document with 100000 subjects is refused at once",
          r.returncode == 2 and b"1000" in r.stderr, (r.returncode, r.stderr[:300]))
    # 900 authors with 32,000-character names: the byline is built once, not
    # once an author (which copied gigabytes and ran for minutes).
    path = work / "long-authors.copydesk"
    path.write_text(json.dumps(dict(data, authors=[{"name": f"{i} " + "n" * 32000}
                                                   for i in range(900)])))
    r = run_bytes("stats", path, timeout=60)
    check("900 authors with long names load in linear time", r.returncode == 0,
          (r.returncode, r.stderr[:300]))
    # HTML whose Markdown grows past what an article can hold: the import
    # refuses it rather than write an article that would not open again.
    path = work / "stars.ninjs.json"
    path.write_text(json.dumps({"uri": "urn:x", "bodies": [
        {"role": "main", "contenttype": "text/html",
         "value": "<p>" + "*" * (6 * 1024 * 1024) + "</p>"}]}))
    out = work / "stars.copydesk"
    r = run_bytes("import", "-o", out, path, timeout=120)
    check("an import that would not open again is refused, nothing written",
          r.returncode == 2 and b"bod" in r.stderr.lower() and not out.exists(),
          (r.returncode, r.stderr[:300]))
    accents = work / "accents.copydesk"
    accents.write_text(json.dumps(dict(data, body="a" + "\u0301" * 3000000), ensure_ascii=False))
    r = run_bytes("validate", accents, timeout=120)
    check("a body of three million combining accents loads", r.returncode in (0, 1), (r.returncode, r.stderr[:300]))

    def html_ninjs(name, html):
        path = work / name
        path.write_text(json.dumps({"uri": "urn:x", "headlines": [{"role": "main", "value": "x"}],
                                    "bodies": [{"role": "main", "contenttype": "text/html",
                                                "value": html}]}))
        return path

    attributes = " ".join(f'data-a{i}="v"' for i in range(300000))
    r = run_bytes("import", html_ninjs("attributes.ninjs.json", f"<p {attributes}>Hello there</p><p>After</p>"),
                  timeout=120)
    check("HTML with 300000 attributes on one tag imports with its text",
          r.returncode == 0 and b"Hello there" in r.stdout and b"After" in r.stdout, (r.returncode, r.stderr[:300]))
    for depth in (300, 5000):
        html = "<div>" * depth + "<b>Deep text</b>" + "</div>" * depth + "<p>Text after</p>"
        r = run_bytes("import", html_ninjs(f"deep-{depth}.ninjs.json", html), timeout=120)
        check(f"HTML nested {depth} levels deep keeps the deep text and everything after it",
              r.returncode == 0 and b"Deep text" in r.stdout and b"Text after" in r.stdout,
              (r.returncode, r.stderr[:300], r.stdout[-300:]))
    html = "<div>" * 20000 + "Deep text" + "</span>" * 20000 + "<p>Text after</p>"
    r = run_bytes("import", html_ninjs("mismatched.ninjs.json", html), timeout=120)
    check("HTML nested deep with end tags that match nothing keeps its text",
          r.returncode == 0 and b"Deep text" in r.stdout and b"Text after" in r.stdout,
          (r.returncode, r.stderr[:300], r.stdout[-300:]))


sys.exit(main())
