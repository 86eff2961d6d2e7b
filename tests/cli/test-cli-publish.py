#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# copydesk-cli site and publish, end to end: the real binary, a real keyring
# (run under tests/publish/run-with-keyring.sh, which gives it a private
# home and a GNOME Keyring on its own session bus) and, when started under
# tests/wordpress/wpsite.py run, a real WordPress. Without a site only the
# checks that need none run. TAP output.
#
#   test-cli-publish.py COPYDESK-CLI SOURCE-ROOT

import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

cli = sys.argv[1]
top = pathlib.Path(sys.argv[2])
sample_dir = top / "data/sample"
sys.path.insert(0, str(top / "tests/wordpress"))

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(*args, password=None, stdin=None, env_extra=None, timeout=240):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    env.pop("COPYDESK_WP_PASSWORD", None)
    if password is not None:
        env["COPYDESK_WP_PASSWORD"] = password
    if env_extra:
        env.update(env_extra)
    try:
        return subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                              input=stdin if stdin is not None else "", env=env,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, "timeout", "", "timed out")


def sites_ini():
    return pathlib.Path(os.environ["XDG_CONFIG_HOME"]) / "copydesk" / "sites.ini"


def site_list():
    r = run("site", "list", "--json")
    try:
        return json.loads(r.stdout)
    except ValueError:
        return None


def keyring_lookup(url, user):
    """What the keyring holds for a site and user, through secret-tool (not
    Copydesk's code), or None."""
    if shutil.which("secret-tool") is None:
        return None
    r = subprocess.run(["secret-tool", "lookup", "url", url, "user", user],
                       capture_output=True, text=True, timeout=30)
    return r.stdout if r.returncode == 0 and r.stdout else None


def parse_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return None


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-cli-publish-"))
    try:
        offline_tests(work)
        if os.environ.get("COPYDESK_TEST_WP_INFO"):
            wordpress_tests(work)
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


def copy_sample(work, name):
    folder = work / name
    folder.mkdir()
    for f in sample_dir.iterdir():
        shutil.copy(f, folder / f.name)
    return folder / "harbour-ferry.copydesk"


def offline_tests(work):
    if os.environ.get("COPYDESK_TEST_KEYRING") != "1":
        check("runs under run-with-keyring.sh", False,
              "run this test through tests/publish/run-with-keyring.sh, never with the user's keyring")
        return

    r = run("--help")
    check("--help lists site and publish and documents COPYDESK_WP_PASSWORD",
          r.returncode == 0 and "site" in r.stdout and "publish" in r.stdout
          and "COPYDESK_WP_PASSWORD" in r.stdout, r)

    r = run("publish", "--help")
    check("publish --help documents COPYDESK_WP_PASSWORD, COPYDESK_WP_USER and the conflict exit status",
          r.returncode == 0 and "COPYDESK_WP_PASSWORD" in r.stdout and "COPYDESK_WP_USER" in r.stdout
          and "3 conflict" in r.stdout
          and "--overwrite" in r.stdout, r)

    r = run("site", "add", "--help")
    check("site add --help says the password is read from standard input or the environment",
          r.returncode == 0 and "COPYDESK_WP_PASSWORD" in r.stdout
          and "standard input" in r.stdout, r)

    r = run("site", "list")
    check("site list with no sites says how to add one",
          r.returncode == 0 and "site add" in r.stdout, r)
    check("site list --json with no sites is an empty array", site_list() == [], r)

    r = run("site", "add", "Newsroom", "https://news.example/", password="x")
    check("site add without --user is bad usage (exit 2)",
          r.returncode == 2 and "--user" in r.stderr, r)

    r = run("site", "add", "Plain", "http://news.example/", "--user", "ada", password="x")
    check("site add refuses http:// to another computer (exit 1), and stores nothing",
          r.returncode == 1 and "https" in r.stderr and site_list() == []
          and not sites_ini().exists(), r)

    r = run("site", "frobnicate")
    check("an unknown site action is bad usage", r.returncode == 2 and "frobnicate" in r.stderr, r)

    article = copy_sample(work, "offline")
    before = article.read_bytes()

    r = run("publish", article)
    check("publish without --site is bad usage", r.returncode == 2 and "--site" in r.stderr, r)

    r = run("publish", "--site", "Nowhere", article)
    check("publish to a site that is not in the list names it and says what to do (exit 1)",
          r.returncode == 1 and "Nowhere" in r.stderr and "site add" in r.stderr, r)

    r = run("publish", "--site", "http://127.0.0.1:9/", article)
    check("publish to an address that is not in the list without --user asks for it",
          r.returncode == 1 and "--user" in r.stderr, r)

    r = run("publish", "--site", "http://127.0.0.1:9/", "--user", "ada", "--json", article,
            password="wrong but given")
    report = parse_json(r.stdout)
    check("publish to a site that does not answer exits 1, names the site, --json says error",
          r.returncode == 1 and "127.0.0.1:9" in r.stderr and report is not None
          and report.get("outcome") == "error" and report.get("error"), r)
    check("a failed publish leaves FILE byte for byte", article.read_bytes() == before)

    # An article with errors is not published unless --force is given, as
    # with export and the window's Publish.
    broken_article = work / "minimal.copydesk"
    shutil.copy(top / "tests/articles/minimal.copydesk", broken_article)
    broken_before = broken_article.read_bytes()
    r = run("publish", "--site", "http://127.0.0.1:9/", "--user", "ada", broken_article,
            password="x")
    check("publish refuses an article with errors and names them (exit 1)",
          r.returncode == 1 and "block publication" in r.stderr and "--force" in r.stderr
          and "127.0.0.1:9" not in r.stderr, r)
    r = run("publish", "--site", "http://127.0.0.1:9/", "--user", "ada", "--force",
            broken_article, password="x")
    check("publish --force goes on to the site with an article with errors",
          r.returncode == 1 and "block publication" not in r.stderr and "127.0.0.1:9" in r.stderr, r)
    check("neither touches the article", broken_article.read_bytes() == broken_before)

    r = run("publish", "--site", "Local", "--status", "sideways", article)
    check("publish refuses an unknown --status", r.returncode == 2 and "sideways" in r.stderr, r)

    # A site in the list whose password is in neither the keyring nor the
    # environment: the message says how to add it.
    sites_ini().parent.mkdir(parents=True, exist_ok=True)
    sites_ini().write_text("[Local]\nurl=http://127.0.0.1:9/\nuser=ada\n")
    r = run("publish", "--site", "local", article)
    check("publish with no password says how to add one (exit 1)",
          r.returncode == 1 and "site add" in r.stderr and "COPYDESK_WP_PASSWORD" in r.stderr
          and "Preferences" in r.stderr, r)
    # COPYDESK_WP_PASSWORD exported in the shell is not sent to a site
    # whose account the command does not name: only with --user or
    # COPYDESK_WP_USER, and each that is given must be the site's user.
    r = run("publish", "--site", "local", article, password="exported for another pipeline")
    check("publish does not use COPYDESK_WP_PASSWORD for an account not named (exit 1)",
          r.returncode == 1 and "cannot be reached" not in r.stderr
          and "COPYDESK_WP_PASSWORD was not used" in r.stderr, r)
    r = run("publish", "--site", "local", article, password="exported for another pipeline",
            env_extra={"COPYDESK_WP_USER": "bob"})
    check("publish does not use COPYDESK_WP_PASSWORD when COPYDESK_WP_USER is another user",
          r.returncode == 1 and "cannot be reached" not in r.stderr
          and "COPYDESK_WP_PASSWORD was not used" in r.stderr, r)
    r = run("publish", "--site", "local", "--user", "ada", article, password="x",
            env_extra={"COPYDESK_WP_USER": "bob"})
    check("publish does not use COPYDESK_WP_PASSWORD when --user and COPYDESK_WP_USER differ",
          r.returncode == 1 and "cannot be reached" not in r.stderr, r)
    r = run("publish", "--site", "local", article, password="x",
            env_extra={"COPYDESK_WP_USER": "ada"})
    check("publish uses COPYDESK_WP_PASSWORD for the account COPYDESK_WP_USER names",
          r.returncode == 1 and "cannot be reached" in r.stderr
          and "COPYDESK_WP_PASSWORD was not used" not in r.stderr, r)
    r = run("publish", "--site", "local", "--user", "ada", article, password="x")
    check("publish uses COPYDESK_WP_PASSWORD for the account --user names",
          r.returncode == 1 and "cannot be reached" in r.stderr, r)
    check("site list shows a site written by hand",
          site_list() == [{"name": "Local", "url": "http://127.0.0.1:9/", "user": "ada"}], r)

    r = run("site", "remove", "LOCAL")
    check("site remove takes the name in any letter case",
          r.returncode == 0 and site_list() == [], r)
    r = run("site", "remove", "Local")
    check("site remove of a site that is not there exits 1", r.returncode == 1, r)

    broken = "[Local]\nurl=http://127.0.0.1:9/\nuser=ada\nthis line is broken\n"
    sites_ini().write_text(broken)
    r = run("site", "list")
    check("a broken sites.ini is reported with its name and line (exit 2)",
          r.returncode == 2 and str(sites_ini()) in r.stderr and "line 4" in r.stderr, r)
    r = run("site", "add", "Other", "https://other.example/", "--user", "ada", password="x")
    check("nothing is written over a broken sites.ini", r.returncode != 0
          and sites_ini().read_text() == broken, r)
    sites_ini().unlink()
    check("the article is still untouched", article.read_bytes() == before)


def wordpress_tests(work):
    import wpsite

    info = json.load(open(os.environ["COPYDESK_TEST_WP_INFO"]))
    url = info["url"]
    site = wpsite.WordPressSite.from_env()
    editor = info["editor"]
    name = "Test site"

    # A wrong password: said plainly, nothing stored.
    r = run("site", "add", name, url, "--user", editor["user"],
            stdin="abcd efgh ijkl mnop qrst uvwx\n")
    check("site add with a wrong password exits 1 and says the password is wrong",
          r.returncode == 1 and "password" in r.stderr.lower(), r)
    check("site add with a wrong password stores no site", site_list() == [])
    normalized = url if url.endswith("/") else url + "/"
    check("site add with a wrong password stores no password",
          keyring_lookup(normalized, editor["user"]) is None)

    # No keyring to keep the password in: said plainly, nothing stored.
    r = run("site", "add", name, url, "--user", editor["user"], stdin=editor["password"] + "\n",
            env_extra={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/copydesk-test-bus"})
    check("site add with no keyring running says so and stores no site",
          r.returncode == 1 and "No keyring" in r.stderr and site_list() == [], r)

    # The right one, on standard input.
    r = run("site", "add", name, url, "--user", editor["user"], stdin=editor["password"] + "\n")
    check("site add checks the account and prints what it may do",
          r.returncode == 0 and "May publish: yes" in r.stdout, r)
    listed = site_list()
    check("site list --json shows the site",
          listed is not None and len(listed) == 1 and listed[0]["name"] == name
          and listed[0]["user"] == editor["user"], listed)
    check("the password is in the keyring",
          keyring_lookup(normalized, editor["user"]) == editor["password"])
    check("sites.ini never holds the password",
          sites_ini().exists() and editor["password"] not in sites_ini().read_text()
          and editor["password"].replace(" ", "") not in sites_ini().read_text())

    # First publish.
    article = copy_sample(work, "wordpress")
    headline = json.load(open(article))["headline"]
    tag_names = {t["name"] for t in json.load(open(article))["tags"]}
    r = run("publish", "--site", name, "--json", article)
    report = parse_json(r.stdout)
    check("publish exits 0 and --json parses", r.returncode == 0 and report is not None, r)
    if report is None or r.returncode != 0:
        return
    post_id = report.get("post_id")
    check("the report has the post id, link, status and times",
          isinstance(post_id, int) and post_id > 0 and report.get("link")
          and report.get("status") and report.get("outcome") == "published"
          and isinstance(report.get("warnings"), list)
          and isinstance(report.get("differences"), list), report)
    status, _, post = site.rest("GET", "wp/v2/posts/%d?context=edit" % post_id)
    check("the post is on the site with its title",
          status == 200 and post["title"]["raw"] == headline, (status, post))
    tags = []
    for tag_id in post.get("tags", []):
        s, _, tag = site.rest("GET", "wp/v2/tags/%d" % tag_id)
        if s == 200:
            tags.append(tag["name"])
    check("the post has the article's tags", set(tags) == tag_names, tags)
    recorded = json.load(open(article))
    check("FILE records the post", "publications" in recorded
          and str(post_id) in json.dumps(recorded["publications"]), recorded.get("publications"))
    first_status = post.get("status")

    # An edit in FILE, published again: the same post.
    data = json.load(open(article))
    data["headline"] = headline + " (updated)"
    with open(article, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
    r = run("publish", "--site", name, "--json", article)
    report = parse_json(r.stdout)
    check("publishing again after an edit updates the same post",
          r.returncode == 0 and report is not None and report.get("post_id") == post_id, r)
    status, _, post = site.rest("GET", "wp/v2/posts/%d?context=edit" % post_id)
    check("the site has the new title, the tags and the status it had",
          status == 200 and post["title"]["raw"] == headline + " (updated)"
          and len(post.get("tags", [])) == len(tag_names) and post.get("status") == first_status,
          post)
    status, _, posts = site.rest("GET", "wp/v2/posts?context=edit&status=any&per_page=100")
    check("no second post was made",
          status == 200 and sum(1 for p in posts if p["title"]["raw"].startswith(headline)) == 1,
          [p["title"]["raw"] for p in posts] if isinstance(posts, list) else posts)

    # Someone edits the post on the site: a conflict, nothing sent.
    # WordPress keeps modified_gmt to the second: an edit within the second
    # of the last push leaves it as it was, so the edit waits for the next.
    time.sleep(1.1)
    status, _, _ = site.rest("POST", "wp/v2/posts/%d" % post_id, user="admin",
                             json={"title": "Changed on the site by the desk"})
    check("the admin's edit on the site is accepted", status == 200, status)
    before = article.read_bytes()
    r = run("publish", "--site", name, "--json", article)
    report = parse_json(r.stdout)
    check("a post changed on the site exits 3 and shows the change",
          r.returncode == 3 and "Changed on the site by the desk" in r.stderr
          and "--overwrite" in r.stderr, r)
    check("the conflict report parses and lists the site's changes",
          report is not None and report.get("outcome") == "conflict"
          and any(c.get("field") == "title" for c in report.get("site_changes", [])), report)
    check("a conflict leaves FILE byte for byte", article.read_bytes() == before)
    status, _, post = site.rest("GET", "wp/v2/posts/%d?context=edit" % post_id)
    check("a conflict sends nothing", post["title"]["raw"] == "Changed on the site by the desk",
          post["title"])

    r = run("publish", "--site", name, "--overwrite", article)
    status, _, post = site.rest("GET", "wp/v2/posts/%d?context=edit" % post_id)
    check("--overwrite replaces the site's changes in the same post",
          r.returncode == 0 and str(post_id) in r.stdout
          and post["title"]["raw"] == headline + " (updated)", r)
    check("the report gives the time in the site's zone and here", "on the site" in r.stdout
          and "here" in r.stdout, r)

    # A pipeline with no configuration: the address, --user and the
    # password in the environment; the same post is updated.
    r = run("site", "remove", name)
    check("site remove removes the site and its password",
          r.returncode == 0 and site_list() == []
          and keyring_lookup(normalized, editor["user"]) is None, r)
    r = run("publish", "--site", url, "--user", editor["user"], "--json", article,
            password=editor["password"])
    report = parse_json(r.stdout)
    check("publish --site URL --user with COPYDESK_WP_PASSWORD works with no sites.ini",
          r.returncode == 0 and report is not None and report.get("post_id") == post_id, r)

    # The site stopped: a clear message, FILE untouched.
    before = article.read_bytes()
    subprocess.run([sys.executable, str(top / "tests/wordpress/wpsite.py"), "stop-web",
                    os.environ["COPYDESK_TEST_WP_DIR"]], check=False, timeout=60)
    r = run("publish", "--site", url, "--user", editor["user"], article,
            password=editor["password"])
    check("publish to a stopped site exits 1 and names the site",
          r.returncode == 1 and url.rstrip("/").split("://")[1] in r.stderr, r)
    check("a failed publish leaves FILE byte for byte", article.read_bytes() == before)
    subprocess.run([sys.executable, str(top / "tests/wordpress/wpsite.py"), "start-web",
                    os.environ["COPYDESK_TEST_WP_DIR"]], check=False, timeout=60)


if __name__ == "__main__":
    sys.exit(main())
