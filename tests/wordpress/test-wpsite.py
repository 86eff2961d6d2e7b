#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""Checks that the throw-away WordPress site of wpsite.py is what the
publishing tests rely on, with TAP on standard output. Runs under
`wpsite.py run`, or with --api starts its own site through the Python API;
with --no-plugin it checks a site started without Copydesk's plugin."""

import http.cookiejar
import json
import os
import re
import struct
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wpsite  # noqa: E402

WPSITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wpsite.py")
API = "--api" in sys.argv[1:]
plugin = "--no-plugin" not in sys.argv[1:]

count = 0
failed = 0


def ok(cond, what, detail=""):
    global count, failed
    count += 1
    if cond:
        print("ok %d - %s" % (count, what))
    else:
        failed += 1
        print("not ok %d - %s" % (count, what))
        for line in str(detail).splitlines()[:40]:
            print("# " + line)
    sys.stdout.flush()
    return cond


def png_1x1():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xcc\x33\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def cli(*args):
    return subprocess.run([sys.executable, WPSITE] + list(args), capture_output=True, text=True)


def check(site):
    info_path = site.path("site.json")
    if not API:
        # The environment `run` promises.
        ok(os.environ.get("COPYDESK_TEST_WP_INFO") == info_path
           and os.environ.get("COPYDESK_TEST_WP_DIR") == site.dir
           and os.environ.get("COPYDESK_TEST_WP_URL") == site.url,
           "run exports the URL, site.json and the folder", dict(os.environ))
    ok(site.url.startswith("http://127.0.0.1:") and site.url.endswith("/"),
       "the site is on 127.0.0.1", site.url)
    with open(info_path) as f:
        info = json.load(f)
    ok(all(k in info for k in ("url", "rest_root", "admin", "author", "editor", "dir", "php",
                               "wpsite"))
       and info["rest_root"] == info["url"] + "wp-json/",
       "site.json has every key", info)

    # The REST root over the pretty /wp-json/ address.
    status, headers, body = site.rest("GET", "", user=None)
    ok(status == 200 and isinstance(body, dict) and "wp/v2" in body.get("namespaces", []),
       "the REST root answers at /wp-json/", (status, body))

    # Each Application Password authenticates as the right person.
    expected = {"admin": ("admin", "Site Admin", "administrator"),
                "author": ("ada", "Ada Reporter", "author"),
                "editor": ("eddie", "Eddie Editor", "editor")}
    for key, (login, name, role) in expected.items():
        status, _, me = site.rest("GET", "wp/v2/users/me?context=edit", user=key)
        ok(status == 200 and isinstance(me, dict) and me.get("username") == login
           and me.get("name") == name and me.get("roles") == [role]
           and me.get("id") == info[key]["id"],
           "users/me with the %s's Application Password says %s, %s" % (key, name, role),
           (status, me))
    status, _, me = site.rest("GET", "wp/v2/users/me?context=edit", user="author")
    ok(status == 200 and me.get("email") == "ada@example.test", "the author's email", me)

    # WordPress 6.1 checks the REST request's Application Password only after its
    # own check for a failed one has run (rest_cookie_check_errors is the first to
    # ask who the user is), so a wrong password reads as no password at all:
    # 401 rest_not_logged_in where a login is needed, anonymous elsewhere. A site
    # whose plugins ask earlier answers 401 incorrect_password instead.
    wrong = ("ada", "abcd efgh ijkl mnop qrst uvwx")
    status, _, body = site.rest("GET", "wp/v2/users/me", user=wrong)
    ok(status == 401 and isinstance(body, dict)
       and body.get("code") in ("rest_not_logged_in", "incorrect_password"),
       "a wrong Application Password gives 401 on users/me", (status, body))
    status, _, body = site.rest("GET", "wp/v2/users/me", user=("nobody", "abcdefghijklmnopqrstuvwx"))
    ok(status == 401, "an unknown user name gives 401 on users/me", (status, body))
    status, _, body = site.rest("POST", "wp/v2/posts", user=wrong, json={"title": "x"})
    ok(status == 401, "a wrong Application Password cannot create a post", (status, body))
    status, _, body = site.rest("GET", "wp/v2/posts", user=wrong)
    ok(status == 200 and isinstance(body, list),
       "a wrong Application Password reads public posts as anonymous (WordPress 6.1)",
       (status, body))
    status, _, body = site.rest("GET", "wp/v2/users/me", user=("ada", info["author"]["login_password"]))
    ok(status == 401, "the account's own password is not accepted by the REST API", (status, body))

    # PHP inside the site, from Python and from the command line.
    ok(site.php("echo get_option( 'timezone_string' );") == "Europe/Berlin",
       "PHP runs inside the site (timezone Europe/Berlin)")
    done = cli("php", site.dir, "echo get_option( 'permalink_structure' );")
    ok(done.returncode == 0 and done.stdout == "/%year%/%monthnum%/%postname%/",
       "wpsite.py php prints the permalink structure", done.stdout + done.stderr)
    done = subprocess.run(info["php"] + ["echo wp_get_current_user()->ID, ' ', get_bloginfo( 'url' );"],
                          capture_output=True, text=True)
    ok(done.returncode == 0 and done.stdout == "0 " + site.url.rstrip("/"),
       "site.json's php command runs code", done.stdout + done.stderr)

    # A post with Copydesk's meta, found again by its Copydesk id.
    article = str(uuid.uuid4())
    jsonld = {"@context": "https://schema.org", "@type": "NewsArticle",
              "headline": "Ferry </script><script>alert(1)</script> & more", "inLanguage": "en"}
    post = {"title": "Harbour ferry returns", "content": "<p>The ferry is back.</p>",
            "status": "publish", "slug": "harbour-ferry-returns",
            "meta": {"copydesk_id": article, "copydesk_status": "ready",
                     "copydesk_byline": "Ada Reporter", "copydesk_dateline": "KIEL",
                     "copydesk_language": "en", "copydesk_jsonld": json.dumps(jsonld)}}
    if not plugin:
        post.pop("meta")
    status, _, created = site.rest("POST", "wp/v2/posts", user="author", json=post)
    ok(status == 201 and isinstance(created, dict) and created.get("author") == info["author"]["id"],
       "the author publishes a post", (status, created))
    post_id = created.get("id") if isinstance(created, dict) else None

    if plugin:
        meta = created.get("meta", {}) if isinstance(created, dict) else {}
        ok(meta.get("copydesk_id") == article and meta.get("copydesk_dateline") == "KIEL",
           "the post keeps Copydesk's meta", meta)
        # Another post, so that a filter that does nothing is caught.
        status, _, other = site.rest("POST", "wp/v2/posts", user="editor", json={
            "title": "Another story", "status": "publish", "meta": {"copydesk_id": "other"}})
        ok(status == 201, "the editor publishes another post", (status, other))
        # As the editor, who may edit every post: an author's edit context would
        # list only the author's own posts and hide a filter that does nothing.
        status, _, found = site.rest("GET", "wp/v2/posts?context=edit&status=any&copydesk_id="
                                     + urllib.parse.quote(article), user="editor")
        ok(status == 200 and isinstance(found, list) and [p.get("id") for p in found] == [post_id]
           and found[0]["meta"]["copydesk_id"] == article,
           "?copydesk_id= finds exactly that post", (status, found))
        status, _, found = site.rest("GET", "wp/v2/posts?copydesk_id=no-such-article", user="author")
        ok(status == 200 and found == [], "?copydesk_id= of no post finds none", (status, found))
        status, _, body = site.rest("OPTIONS", "wp/v2/posts", user=None)
        args = body.get("endpoints", [{}])[0].get("args", {}) if isinstance(body, dict) else {}
        ok("copydesk_id" in args, "the collection declares copydesk_id", list(args))
    else:
        status, _, body = site.rest("POST", "wp/v2/posts/%s" % post_id, user="author",
                                    json={"meta": {"copydesk_id": "x"}})
        ok(isinstance(body, dict) and "copydesk_id" not in (body.get("meta") or {}),
           "without the plugin there is no copydesk meta", (status, body))

    # The post's pretty permalink renders through the theme.
    link = created.get("link", "") if isinstance(created, dict) else ""
    ok(re.fullmatch(re.escape(site.url) + r"\d{4}/\d{2}/harbour-ferry-returns/", link) is not None,
       "the post has a pretty permalink", link)
    status, headers, page = wpsite.http_request("GET", link, follow=False)
    html = page.decode("utf-8", "replace") if isinstance(page, bytes) else str(page)
    ok(status == 200 and "Harbour ferry returns" in html and "The ferry is back." in html
       and "wp-block-library" in html or "<article" in html,
       "the permalink page renders over HTTP", (status, html[:2000]))
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    if plugin:
        try:
            parsed = [json.loads(text) for text in scripts]
        except ValueError:
            parsed = None
        ok(parsed == [jsonld] and "</script><script>" not in html,
           "the page carries the JSON-LD, escaped", scripts or html[:2000])
        # Meta that is not JSON is left out.
        site.php("update_post_meta( %d, 'copydesk_jsonld', '{not json' );" % post_id)
        _, _, page = wpsite.http_request("GET", link)
        ok(b"application/ld+json" not in page, "JSON-LD that does not parse is left out")
    else:
        ok(scripts == [], "without the plugin no JSON-LD is printed", scripts)

    # A PHP file of the site changed while it runs is seen by the next request,
    # even when the opcode cache already holds the old one.
    marker = site.path("site", "wp-content", "mu-plugins", "zz-test-marker.php")
    seen = []
    for value in ("first", "second"):
        with open(marker, "w") as f:
            f.write("<?php\nheader( 'X-Copydesk-Marker: %s' );\n" % value)
        if value == "first":
            # Old enough for the cache to keep it (it skips files newer than 2 s).
            os.utime(marker, (os.path.getmtime(marker) - 10,) * 2)
        for _ in range(2 if value == "first" else 1):
            _, headers, _ = site.rest("GET", "", user=None)
            seen.append(headers.get("X-Copydesk-Marker"))
    os.unlink(marker)
    ok(seen == ["first", "first", "second"], "a changed PHP file takes effect at once", seen)

    # Media upload of a small PNG, which is then served.
    png = png_1x1()
    status, _, media = site.rest("POST", "wp/v2/media", user="author", data=png, headers={
        "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="dot.png"'})
    ok(status == 201 and isinstance(media, dict) and media.get("mime_type") == "image/png",
       "the author uploads a PNG", (status, media))
    source = media.get("source_url", "") if isinstance(media, dict) else ""
    status, _, served = wpsite.http_request("GET", source) if source else (0, None, b"")
    ok(status == 200 and served == png, "the uploaded PNG is served", (status, source))

    # The account's own password logs in through wp-login.php.
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(site.url + "wp-login.php", timeout=30).read()
    form = urllib.parse.urlencode({"log": "ada", "pwd": info["author"]["login_password"],
                                   "testcookie": "1", "redirect_to": site.url}).encode()
    try:
        opener.open(site.url + "wp-login.php", data=form, timeout=30).read()
    except urllib.error.HTTPError as e:
        ok(False, "wp-login.php answered", e)
    ok(any(c.name.startswith("wordpress_logged_in_") for c in jar),
       "the author's login password logs in at wp-login.php", [c.name for c in jar])

    # Apache down and up again on the same address.
    # As a test in C would, through site.json's wpsite command.
    done = subprocess.run(info["wpsite"] + ["stop-web", info["dir"]], capture_output=True, text=True)
    ok(done.returncode == 0, "stop-web succeeds", done.stderr)
    try:
        wpsite.http_request("GET", site.rest_root, timeout=5)
        refused = False
    except (urllib.error.URLError, ConnectionError) as e:
        refused = isinstance(getattr(e, "reason", e), ConnectionRefusedError)
    ok(refused, "with the web server stopped connections are refused")
    done = subprocess.run(info["wpsite"] + ["start-web", info["dir"]], capture_output=True, text=True)
    ok(done.returncode == 0, "start-web succeeds", done.stderr)
    status, _, body = site.rest("GET", "wp/v2/users/me", user="editor")
    ok(status == 200 and body.get("name") == "Eddie Editor",
       "after start-web the same address answers", (status, body))



if API:
    # The Python API on its own: the site is started here and must be gone
    # afterwards, folder and port.
    try:
        with wpsite.WordPressSite(plugin=plugin) as own:
            folder, port = own.dir, own.port
            ok(own["url"] == own.url and own.admin["user"] == "admin"
               and own.author["display_name"] == "Ada Reporter",
               "the Python API gives site.json as attributes and items")
            check(own)
            own.stop_web()
            ok(not wpsite.port_open(port), "stop_web() closes the port")
            own.start_web()
            status, _, _ = own.rest("GET", "")
            ok(status == 200, "start_web() opens it again", status)
    except wpsite.Missing as e:
        print("1..0 # SKIP %s" % e)
        sys.exit(77)
    ok(not os.path.exists(folder) and not wpsite.port_open(port),
       "leaving the with block removes the folder and closes the port", folder)
else:
    if not os.environ.get("COPYDESK_TEST_WP_DIR"):
        print("1..0 # SKIP run this under wpsite.py run, or with --api")
        sys.exit(77)
    check(wpsite.WordPressSite.from_env())

print("1..%d" % count)
sys.exit(1 if failed else 0)
