#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors

"""Validate Copydesk's Arc ANS 0.10.12 exports against the official schemas, offline.

Usage: validate-ans.py SCHEMA_DIR GOLDEN_DIR [FIXTURE_DIR...]

SCHEMA_DIR is the local copy of src/main/resources/schema/ans/0.10.12 (see NOTICE.md).
Every `$ref` in it is an absolute URL under the ans-schema repository on
raw.githubusercontent.com; the resolver maps that prefix to SCHEMA_DIR and refuses every
other URL, so nothing is fetched from the network.

Each GOLDEN_DIR/*.json is validated the way ANS's own validator (lib/validator.js in the
ans-schema repository) does it: the document against the schema named by its `type`
(`story` → story.json), then, recursively, every `content_elements[i]`, every
`promo_items.<key>` and every `related_content.<key>[i]` against the schema named by that
item's own `type` (`text` → story_elements/text.json, `image` → image.json). A plain check
against story.json alone would accept any object as a content element. The validator's
Ajv checks `format`, which python3-jsonschema 4.10 does not without optional modules, so
the date-time, email and uri formats are checked here too.

Every FIXTURE_DIR/*.copydesk must have its golden. Then negative controls, documents
built here from the goldens that the schemas must reject, prove that the harness does
reject. Output is TAP; the exit status is non-zero if any check fails.

This needs Debian's python3-jsonschema, so run it with /usr/bin/python3.
"""

import copy
import datetime
import json
import pathlib
import re
import sys

import jsonschema

PREFIX = ("https://raw.githubusercontent.com/washingtonpost/ans-schema/master/"
          "src/main/resources/schema/ans/0.10.12/")
VERSION = "0.10.12"

# The folders whose schemas ANS's validator knows by file name, in its order: a later
# folder's schema wins over an earlier one of the same name, as in lib/validator.js.
TYPE_FOLDERS = ["", "story_elements", "utils", "traits"]

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")


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


def is_date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def make_format_checker():
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(is_date_time)
    checker.checks("email")(lambda value: not isinstance(value, str) or bool(EMAIL.match(value)))
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(URI.match(value)))
    return checker


class Schemas:
    """The local ANS 0.10.12 schemas, a resolver that never leaves them, and the
    schema for each `type` name as ANS's validator finds it."""

    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.by_url = {}
        for path in sorted(self.folder.rglob("*.json")):
            relative = path.relative_to(self.folder).as_posix()
            with path.open(encoding="utf-8") as stream:
                self.by_url[PREFIX + relative] = json.load(stream)

        self.by_type = {}
        for folder in TYPE_FOLDERS:
            directory = self.folder / folder if folder else self.folder
            for path in sorted(directory.glob("*.json")):
                relative = path.relative_to(self.folder).as_posix()
                self.by_type[path.stem] = self.by_url[PREFIX + relative]

        self.format_checker = make_format_checker()
        self.validators = {}

    def fetch(self, url):
        """The resolver's handler for URLs not in its store: only the local folder."""
        if url.startswith(PREFIX):
            path = self.folder / url[len(PREFIX):]
            with path.open(encoding="utf-8") as stream:
                return json.load(stream)
        raise jsonschema.RefResolutionError("refusing to fetch {} (offline)".format(url))

    def validator_for(self, schema):
        key = id(schema)
        if key not in self.validators:
            resolver = jsonschema.RefResolver(
                base_uri=schema.get("id", ""), referrer=schema, store=dict(self.by_url),
                handlers={"https": self.fetch, "http": self.fetch})
            self.validators[key] = jsonschema.Draft4Validator(
                schema, resolver=resolver, format_checker=self.format_checker)
        return self.validators[key]

    def find(self, type_name):
        if not isinstance(type_name, str):
            return None
        if type_name in self.by_type:
            return self.by_type[type_name]
        return self.by_type.get(type_name.replace("-", "_"))

    def errors(self, document, where=""):
        """Every error in @document, as lib/validator.js's getAllContentErrors finds them."""
        if not isinstance(document, dict):
            return ["{}: not an object".format(where or "(top level)")]

        problems = []
        type_name = document.get("type")
        schema = self.find(type_name)
        if schema is None:
            problems.append("{}.type: could not find a schema for type {!r}"
                            .format(where, type_name))
        else:
            validator = self.validator_for(schema)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
                path = "".join("[{}]".format(p) if isinstance(p, int) else ".{}".format(p)
                               for p in error.absolute_path)
                problems.append("{}{}: {} ({})".format(where, path, describe(error), type_name))

        for index, element in enumerate(document.get("content_elements") or []):
            problems += self.errors(element, "{}.content_elements[{}]".format(where, index))
        promo_items = document.get("promo_items")
        if isinstance(promo_items, dict):
            for key, element in promo_items.items():
                problems += self.errors(element, "{}.promo_items.{}".format(where, key))
        related = document.get("related_content")
        if isinstance(related, dict):
            for key, items in related.items():
                for index, item in enumerate(items or []):
                    problems += self.errors(
                        item, "{}.related_content.{}[{}]".format(where, key, index))
        # Like the validator, recurse into rows and cells only for the older table_row
        # types: a 0.10.12 `table` has arrays of text elements as its rows.
        if isinstance(type_name, str):
            if "rows" in document and type_name != "table" and type_name.startswith("table"):
                for index, row in enumerate(document["rows"] or []):
                    problems += self.errors(row, "{}.rows[{}]".format(where, index))
            if "cells" in document and type_name.startswith("table_row"):
                for index, cell in enumerate(document["cells"] or []):
                    problems += self.errors(cell, "{}.cells[{}]".format(where, index))
        return problems


def shorten(text, limit=160):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def describe(error):
    """An error's message, with the closest reason when it is an anyOf or oneOf."""
    message = shorten(error.message)
    if error.context:
        message += " — " + shorten(jsonschema.exceptions.best_match(error.context).message)
    return message


def load_json(path):
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)


def elements_of_type(document, type_name):
    return [element for element in document.get("content_elements", [])
            if element.get("type") == type_name]


def negative_controls(goldens):
    """(name, document) pairs that must be rejected, built from the goldens."""
    full = goldens["full"]
    constructs = goldens["markdown-constructs"]
    controls = []

    def mutate(name, base, change):
        document = copy.deepcopy(base)
        change(document)
        controls.append((name, document))

    mutate("version 0.10.11", full, lambda d: d.update(version="0.10.11"))
    mutate("version as a number", full, lambda d: d.update(version=0.1012))
    mutate("no type", full, lambda d: d.pop("type"))
    mutate("unknown top-level member keywords", full, lambda d: d.update(keywords=["library"]))
    mutate("text element without content", full,
           lambda d: d["content_elements"][0].pop("content"))
    mutate("text element with an unknown member html", full,
           lambda d: d["content_elements"][0].update(html="<p>x</p>"))
    mutate("content element of unknown type paragraph", full,
           lambda d: d["content_elements"][0].update(type="paragraph"))
    mutate("content element without a type", full,
           lambda d: d["content_elements"][0].pop("type"))
    mutate("header level as a string", full,
           lambda d: elements_of_type(d, "header")[0].update(level="2"))
    mutate("list item without content", full,
           lambda d: elements_of_type(d, "list")[0]["items"][0].pop("content"))
    mutate("list item of type image", full,
           lambda d: elements_of_type(d, "list")[0]["items"].append(
               {"type": "image", "version": VERSION, "url": "https://example.com/a.jpg"}))
    mutate("quote's text element without content", constructs,
           lambda d: elements_of_type(d, "quote")[0]["content_elements"][0].pop("content"))
    mutate("quote's element of unknown type", constructs,
           lambda d: elements_of_type(d, "quote")[0]["content_elements"][0].update(type="aside"))
    mutate("code element without language", constructs,
           lambda d: elements_of_type(d, "code")[0].pop("language"))
    mutate("divider with content", constructs,
           lambda d: elements_of_type(d, "divider")[0].update(content="---"))
    mutate("table without rows", constructs,
           lambda d: elements_of_type(d, "table")[0].pop("rows"))
    mutate("table cell without content", constructs,
           lambda d: elements_of_type(d, "table")[0]["rows"][0][0].pop("content"))
    mutate("raw_html element without content", constructs,
           lambda d: elements_of_type(d, "quote")[0]["content_elements"][1].pop("content"))
    mutate("promo image without version", full,
           lambda d: d["promo_items"]["basic"].pop("version"))
    mutate("promo image with an unknown member filename", full,
           lambda d: d["promo_items"]["basic"].update(filename="library-reading-room.jpg"))
    mutate("promo image width as a string", full,
           lambda d: d["promo_items"]["basic"].update(width="800"))
    mutate("author without name", full, lambda d: d["credits"]["by"][0].pop("name"))
    mutate("author with an unknown member orcid", full,
           lambda d: d["credits"]["by"][0].update(orcid="https://orcid.org/0"))
    mutate("author email that is not an address", full,
           lambda d: d["credits"]["by"][0].update(email="aisha at example"))
    mutate("embargo without active", full,
           lambda d: d["content_restrictions"]["embargo"].pop("active"))
    mutate("embargo as a date-time string", full,
           lambda d: d["content_restrictions"].update(embargo="2026-10-14T00:01:00+01:00"))
    mutate("created_date without an offset", full,
           lambda d: d.update(created_date="2026-10-12T14:20:05"))
    mutate("display_date with a space separator", full,
           lambda d: d.update(display_date="2026-10-14 09:00:00+01:00"))
    mutate("end_time on 30 February", full,
           lambda d: d["content_restrictions"]["embargo"].update(end_time="2026-02-30T00:01:00Z"))
    mutate("workflow status_code 0", full, lambda d: d["workflow"].update(status_code=0))
    mutate("workflow status as a string", full, lambda d: d["workflow"].update(status_code="4"))
    mutate("tag without text", full, lambda d: d["taxonomy"]["tags"][0].pop("text"))
    mutate("taxonomy with an unknown member subjects", full,
           lambda d: d["taxonomy"].update(subjects=[]))
    mutate("headlines without basic", full,
           lambda d: d.update(headlines={"main": d["headlines"]["basic"]}))
    mutate("source with an unknown member uri", full,
           lambda d: d["source"].update(uri=d["source"]["source_id"]))
    mutate("content_elements as an object", full,
           lambda d: d.update(content_elements={"0": d["content_elements"][0]}))
    return controls


def with_email(document):
    document = copy.deepcopy(document)
    document["credits"]["by"][0]["email"] = "aisha.rahman@example.com"
    return document


def positive_controls(goldens):
    """(name, document) pairs that must be accepted: the harness is not rejecting
    everything."""
    table_story = {
        "type": "story",
        "version": VERSION,
        "content_elements": [
            {"type": "table", "header": [{"type": "text", "content": "A"}],
             "rows": [[{"type": "text", "content": "1"}]]},
            {"type": "quote", "content_elements": [{"type": "text", "content": "Q"}]},
            {"type": "image", "version": VERSION, "url": "https://example.com/a.jpg"},
        ],
    }
    return [
        ("the smallest story", {"type": "story", "version": VERSION}),
        ("a story with a table, a quote and an image", table_story),
        ("a golden whose author has an e-mail address", with_email(goldens["full"])),
        ("a golden with its embargo inactive", dict(
            copy.deepcopy(goldens["full"]),
            content_restrictions={"embargo": {"active": False}})),
    ]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2

    schema_dir = pathlib.Path(argv[1])
    golden_dir = pathlib.Path(argv[2])
    fixture_dirs = [pathlib.Path(d) for d in argv[3:]]
    tap = Tap()

    schemas = Schemas(schema_dir)
    bad_schemas = []
    for url, schema in schemas.by_url.items():
        try:
            jsonschema.Draft4Validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            bad_schemas.append("{}: {}".format(url, error.message))
    tap.check(len(schemas.by_url) == 136 and not bad_schemas,
              "the {} local schema files are valid draft-04 schemas".format(len(schemas.by_url)),
              bad_schemas)
    tap.check(schemas.find("story") is schemas.by_url[PREFIX + "story.json"] and
              schemas.find("text") is schemas.by_url[PREFIX + "story_elements/text.json"] and
              schemas.find("image") is schemas.by_url[PREFIX + "image.json"],
              "types are found as ANS's validator finds them")

    # The resolver must stay offline: a reference outside the local copy is refused.
    outside = {"$ref": "https://example.com/not-ans.json"}
    try:
        list(schemas.validator_for(outside).iter_errors({}))
        tap.check(False, "a $ref outside the local schemas is refused")
    except jsonschema.RefResolutionError:
        tap.check(True, "a $ref outside the local schemas is refused")

    golden_paths = sorted(golden_dir.glob("*.json"))
    tap.check(len(golden_paths) > 0, "there are goldens in {}".format(golden_dir))

    goldens = {}
    for path in golden_paths:
        try:
            document = load_json(path)
        except (OSError, ValueError) as error:
            tap.check(False, "{} is JSON".format(path.name), [error])
            continue
        goldens[path.stem] = document
        problems = schemas.errors(document)
        if document.get("version") != VERSION:
            problems.append("version is {!r}, not {!r}".format(document.get("version"), VERSION))
        if document.get("type") != "story":
            problems.append("type is {!r}, not 'story'".format(document.get("type")))
        tap.check(not problems, "{} is a valid ANS {} story".format(path.name, VERSION), problems)

    for folder in fixture_dirs:
        for fixture in sorted(folder.glob("*.copydesk")):
            tap.check(fixture.stem in goldens, "{} has a golden".format(fixture.name))

    if "full" not in goldens or "markdown-constructs" not in goldens:
        tap.check(False, "the goldens the controls are built from exist")
        return tap.finish()

    for name, document in negative_controls(goldens):
        problems = schemas.errors(document)
        tap.check(len(problems) > 0, "rejects: " + name,
                  ["accepted, but should have been rejected"] if not problems else problems[:3])

    for name, document in positive_controls(goldens):
        problems = schemas.errors(document)
        tap.check(not problems, "accepts: " + name, problems)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
