#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors

"""Validate .copydesk article files against the JSON Schema of the format.

Usage: check-article-schema.py SCHEMA DIR [DIR...]

Checks that SCHEMA is a valid draft 2020-12 schema, then that every *.copydesk file in
each DIR validates against it and is written in the canonical layout (two-space
indentation, `"key": value`, UTF-8 kept literal, the top-level keys in the order of the
format, "Z" for UTC, a final newline). Then it runs negative controls: documents built here that the
schema must reject, which prove that the harness does reject, and a few edge cases that
it must accept. Output is TAP; the exit status is non-zero if any check fails.

This needs Debian's python3-jsonschema, so run it with /usr/bin/python3.
"""

import copy
import json
import pathlib
import sys

import jsonschema

# The order in which Copydesk writes the top-level keys.
KEY_ORDER = [
    "format", "version", "id", "created", "modified", "status", "planned_words", "language",
    "headline", "standfirst", "slug", "section", "authors", "dateline", "published", "published_zone",
    "embargo", "embargo_zone", "image", "tags", "comments", "editor_note", "body", "review_comments",
    "corrections", "publications",
]

# Keys written only when they have a value; every other key is always written.
OPTIONAL_KEYS = ["planned_words", "published_zone", "embargo_zone", "review_comments", "corrections",
                 "publications"]
REQUIRED_KEYS = [key for key in KEY_ORDER if key not in OPTIONAL_KEYS]

DATE_KEYS = ["created", "modified", "published", "embargo"]

MEDTOP_URI = "http://cv.iptc.org/newscodes/mediatopic/"


class Tap:
    def __init__(self):
        self.lines = []
        self.failed = 0

    def check(self, ok, name, problems=()):
        self.lines.append(("ok" if ok else "not ok", name, list(problems)))
        if not ok:
            self.failed += 1

    def finish(self):
        print("TAP version 13")
        print("1..{}".format(len(self.lines)))
        for number, (status, name, problems) in enumerate(self.lines, start=1):
            print("{} {} - {}".format(status, number, name))
            for problem in problems:
                for line in str(problem).splitlines():
                    print("# " + line)
        return 1 if self.failed else 0


def reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError("duplicate keys: " + ", ".join(duplicates))
    return dict(pairs)


def schema_errors(validator, document):
    return ["{}: {}".format("/".join(str(p) for p in error.absolute_path) or "(top level)",
                            error.message)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path))]


def layout_problems(raw, document):
    """Differences from the canonical layout that Copydesk writes."""
    problems = []
    text = raw.decode("utf-8")
    # Python's layout is Copydesk's, except that Copydesk also escapes U+2028 and
    # U+2029 (JavaScript before ES2019 does not accept them in strings).
    canonical = (json.dumps(document, indent=2, ensure_ascii=False) + "\n") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if text != canonical:
        ours = text.splitlines()
        theirs = canonical.splitlines()
        for number, (a, b) in enumerate(zip(ours, theirs), start=1):
            if a != b:
                problems.append("not in canonical layout at line {}:\n  found:    {}\n"
                                "  expected: {}".format(number, a, b))
                break
        else:
            problems.append("not in canonical layout (line count or final newline)")
    if isinstance(document, dict):
        for key in DATE_KEYS:
            value = document.get(key)
            if isinstance(value, str) and value.endswith(("+00:00", "-00:00")):
                problems.append("{} {!r}: Copydesk writes UTC as \"Z\"".format(key, value))
        known = [key for key in document if key in KEY_ORDER]
        if known != [key for key in KEY_ORDER if key in document]:
            problems.append("top-level keys out of order: " + ", ".join(known))
    return problems


def vocabulary_problems(document):
    """A Media Topic tag's uri and code must name the same concept."""
    problems = []
    for number, tag in enumerate(document.get("tags", [])):
        code = tag.get("code", "")
        uri = tag.get("uri", "")
        if code.startswith("medtop:") or uri.startswith(MEDTOP_URI):
            if uri != MEDTOP_URI + code[len("medtop:"):]:
                problems.append("tags/{}: uri {!r} and code {!r} disagree".format(number, uri, code))
    return problems


def check_file(tap, validator, path):
    name = "{}/{}".format(path.parent.name, path.name)
    try:
        raw = path.read_bytes()
        document = json.loads(raw.decode("utf-8"), object_pairs_hook=reject_duplicates)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        tap.check(False, name + " is UTF-8 JSON", [error])
        return
    problems = schema_errors(validator, document)
    if not problems:
        problems = layout_problems(raw, document) + vocabulary_problems(document)
    tap.check(not problems, name + " is a valid article in canonical layout", problems)


def base_article():
    return {
        "format": "copydesk-article",
        "version": 1,
        "id": "urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211",
        "created": "2026-11-27T07:00:00Z",
        "modified": "2026-11-27T07:05:00+01:00",
        "status": "draft",
        "language": "en-GB",
        "headline": "Headline",
        "standfirst": "Standfirst.",
        "slug": "headline",
        "section": "Local",
        "authors": [{"name": "A Reporter", "role": "Reporter"}],
        "dateline": "Portmere",
        "published": None,
        "embargo": None,
        "image": {"source": "picture.jpg", "alt": "Alt text", "caption": "Caption",
                  "credit": "Credit", "photographer": "Photographer", "copyright": "© 2026"},
        "tags": [{"name": "transport", "uri": MEDTOP_URI + "20000337", "code": "medtop:20000337"}],
        "comments": True,
        "editor_note": "",
        "body": "Body.\n",
    }


def mutated(change):
    document = base_article()
    change(document)
    return document


def remove(key):
    return lambda d: d.pop(key)


def setter(key, value):
    return lambda d: d.__setitem__(key, value)


# Documents the schema must reject.
MUST_FAIL = [
    ("wrong format const", setter("format", "copydesk-draft")),
    ("version 2 (a newer format)", setter("version", 2)),
    ("version as a string", setter("version", "1")),
    ("missing id", remove("id")),
    ("id that is not a lower-case urn:uuid", setter("id", "urn:uuid:0F1E2D3C-4B5A-4697-8877-665544332211")),
    ("bad status", setter("status", "archived")),
    ("author without name", lambda d: d["authors"].append({"role": "Photographer"})),
    ("author name that is not a string", lambda d: d["authors"][0].__setitem__("name", None)),
    ("created without an offset", setter("created", "2026-11-27T07:00:00")),
    ("modified with only a date", setter("modified", "2026-11-27")),
    ("published with an impossible month", setter("published", "2026-13-01T00:00:00Z")),
    ("embargo as a number", setter("embargo", 1795000000)),
    ("published_zone as a number", setter("published_zone", 4)),
    ("published_zone as an offset", setter("published_zone", "+04:00")),
    ("embargo_zone as a path", setter("embargo_zone", "/etc/localtime")),
    ("image without alt", lambda d: d["image"].pop("alt")),
    ("image as a string", setter("image", "picture.jpg")),
    ("tag without name", lambda d: d["tags"].append({"code": "medtop:20000337"})),
    ("tag with an empty name", lambda d: d["tags"].append({"name": ""})),
    ("tag with a relative uri", lambda d: d["tags"][0].__setitem__("uri", "mediatopic/20000337")),
    ("comments as a string", setter("comments", "yes")),
    ("missing body", remove("body")),
    ("authors as an object", setter("authors", {"name": "A Reporter"})),
    ("planned_words 0 (left out instead)", setter("planned_words", 0)),
    ("negative planned_words", setter("planned_words", -800)),
    ("planned_words above 1000000", setter("planned_words", 1000001)),
    ("planned_words with a fraction", setter("planned_words", 799.5)),
    ("planned_words as a string", setter("planned_words", "800")),
    ("planned_words null", setter("planned_words", None)),
    ("publications as an object", setter("publications", {"site": "https://news.example/"})),
    ("publication without site", setter("publications", [{"post_id": 12}])),
    ("publication with an empty site", setter("publications", [{"site": ""}])),
    ("publication post_id as a string", setter("publications", [{"site": "https://a.example/", "post_id": "12"}])),
    ("publication with a negative media_id", setter("publications", [{"site": "https://a.example/", "media_id": -1}])),
    ("publication tag id 0", setter("publications", [{"site": "https://a.example/", "tags": [0]}])),
    ("publication modified_gmt with an offset",
     setter("publications", [{"site": "https://a.example/", "modified_gmt": "2026-11-27T08:31:04Z"}])),
    ("publication pushed without an offset",
     setter("publications", [{"site": "https://a.example/", "pushed": "2026-11-27T08:31:04"}])),
    ("review comment without text", setter("review_comments", [{"id": "c1", "field": "body"}])),
    ("review comment on no field", setter("review_comments", [{"id": "c1", "field": "kicker", "text": "x"}])),
    ("review comment with an unknown key",
     setter("review_comments", [{"id": "c1", "field": "body", "text": "x", "colour": "red"}])),
    ("review comment resolved as a string",
     setter("review_comments", [{"id": "c1", "field": "body", "text": "x", "resolved": "yes"}])),
    ("reply without text", setter("review_comments", [{"id": "c1", "field": "body", "text": "x",
                                                       "replies": [{"author": "A"}]}])),
    ("correction without date", setter("corrections", [{"text": "x"}])),
    ("correction with only a date", setter("corrections", [{"date": "2026-12-08", "text": "x"}])),
    ("correction with empty text", setter("corrections", [{"date": "2026-12-08T10:00:00Z", "text": ""}])),
]

# Edge cases the schema must accept.
MUST_PASS = [
    ("unknown top-level key from a newer Copydesk", setter("word_target", 600)),
    ("unknown keys in author, image and tag",
     lambda d: (d["authors"][0].__setitem__("orcid", "https://orcid.org/0000-0000-0000-0000"),
                d["image"].__setitem__("width", 1600),
                d["tags"][0].__setitem__("scheme", "medtop"))),
    ("Z offset and fractional seconds", setter("published", "2026-11-27T07:30:00.250Z")),
    ("negative offset", setter("embargo", "2026-11-27T02:30:00-05:00")),
    ("planned_words 1", setter("planned_words", 1)),
    ("planned_words 1000000", setter("planned_words", 1000000)),
    ("+00:00 offset", setter("published", "2026-11-27T07:30:00+00:00")),
    ("a minimal publication record, with an unknown key",
     setter("publications", [{"site": "https://a.example/", "syndicated": True}])),
    ("a full publication record",
     setter("publications", [{"site": "https://a.example/", "post_id": 4182, "link": "https://a.example/?p=4182",
                               "media_id": 0, "media_source": "", "modified_gmt": "", "status": "draft",
                               "slug": "", "tags": [], "categories": [4], "pushed": None}])),
    ("no image, authors or tags", lambda d: (d.__setitem__("image", None),
                                              d.__setitem__("authors", []),
                                              d.__setitem__("tags", []))),
    ("a review comment with a reply and a correction",
     lambda d: (d.__setitem__("review_comments", [{"id": "c1", "author": "E", "time": "2026-12-08T10:00:00Z",
                                                   "field": "image.caption", "quote": "harbour",
                                                   "text": "Spelling?", "resolved": True,
                                                   "replies": [{"author": "R", "time": None, "text": "Fixed."}]}]),
                d.__setitem__("corrections", [{"date": "2026-12-08T11:00:00+01:00", "text": "Fixed a name."}]))),
]


def main(argv):
    if len(argv) < 3:
        print("usage: check-article-schema.py SCHEMA DIR [DIR...]", file=sys.stderr)
        return 2

    tap = Tap()
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        tap.check(True, "the schema is a valid draft 2020-12 schema")
    except jsonschema.exceptions.SchemaError as error:
        tap.check(False, "the schema is a valid draft 2020-12 schema", [error.message])
        return tap.finish()
    validator = jsonschema.Draft202012Validator(schema)

    # The schema and this harness must agree on the keys and their order.
    tap.check(schema.get("required") == REQUIRED_KEYS and list(schema["properties"]) == KEY_ORDER,
              "the schema lists the top-level keys in the order Copydesk writes them")

    paths = []
    for directory in argv[2:]:
        found = sorted(pathlib.Path(directory).glob("*.copydesk"))
        tap.check(bool(found), "{} holds .copydesk files".format(directory))
        paths.extend(found)
    for path in paths:
        check_file(tap, validator, path)

    tap.check(not schema_errors(validator, base_article()), "control: the base document is valid",
              schema_errors(validator, base_article()))
    for name, change in MUST_FAIL:
        errors = schema_errors(validator, mutated(change))
        tap.check(bool(errors), "control: rejects " + name,
                  [] if errors else ["the schema accepted a document it must reject"])
    for name, change in MUST_PASS:
        errors = schema_errors(validator, mutated(change))
        tap.check(not errors, "control: accepts " + name, errors)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
