#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors

"""Validate Copydesk's ninjs exports against IPTC's ninjs 2.2 JSON Schema.

Usage: validate-ninjs.py --schema SCHEMA --geojson GEOJSON --goldens DIR
                         [--should-pass DIR ...] [--should-fail DIR ...]

Every *.json in the goldens folder (the exports of the fixture articles, which
test-export-ninjs compares byte for byte with the exporter's output) must
validate. The same validator then runs IPTC's own test documents: every one in
a --should-pass folder must validate and every one in a --should-fail folder
must not, which proves that the harness rejects what it should. Negative
controls built here from a golden do the same for the rules Copydesk relies
on (no unknown members, associations need name and uri, string versions,
`format`).

The validator is draft 2020-12. The GeoJSON schema that `places[].geojson`
refers to by URL is served from the local copy and any other remote reference
is refused, so validation runs offline. Debian's python3-jsonschema (4.10)
checks `format` only with optional modules, so date-time (RFC 3339 with "Z" or
an offset) and uri (an absolute RFC 3986 URI) are checked by functions here.

Output is TAP; the exit status is non-zero if any check fails. This needs
Debian's python3-jsonschema, so run it with /usr/bin/python3.
"""

import argparse
import copy
import datetime
import json
import pathlib
import re
import sys

import jsonschema

GEOJSON_ID = "https://geojson.org/schema/GeoJSON.json"

DATE_TIME = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$")

# RFC 3986 "URI": a scheme, then unreserved, reserved or %-escaped characters,
# and at most one fragment. A relative reference has no scheme and fails.
URI_CHAR = r"[A-Za-z0-9\-._~:/?@!$&'()*+,;=]|%[0-9A-Fa-f]{2}"
ABSOLUTE_URI = re.compile(
    r"^[A-Za-z][A-Za-z0-9+.\-]*:(?:" + URI_CHAR + r"|[\[\]])+(?:#(?:" + URI_CHAR + r")*)?$")


class Tap:
    def __init__(self):
        self.lines = []
        self.failed = 0

    def check(self, ok, name, problems=()):
        self.lines.append(("ok" if ok else "not ok", name, list(problems)))
        if not ok:
            self.failed += 1

    def comment(self, text):
        self.lines.append(("#", text, []))

    def finish(self):
        count = sum(1 for status, _, _ in self.lines if status != "#")
        print("TAP version 13")
        print("1..{}".format(count))
        number = 0
        for status, name, problems in self.lines:
            if status == "#":
                print("# " + name)
                continue
            number += 1
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


def load_json(path):
    with open(path, "rb") as f:
        return json.loads(f.read().decode("utf-8"), object_pairs_hook=reject_duplicates)


def is_date_time(value):
    if not isinstance(value, str):
        return True
    if DATE_TIME.match(value) is None:
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def is_absolute_uri(value):
    if not isinstance(value, str):
        return True
    return ABSOLUTE_URI.match(value) is not None


def refuse_remote(uri):
    raise jsonschema.RefResolutionError(
        "refusing to fetch {} (validation runs offline)".format(uri))


def make_validator(schema, geojson):
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date-time")(is_date_time)
    checker.checks("uri")(is_absolute_uri)

    resolver = jsonschema.RefResolver.from_schema(
        schema,
        store={GEOJSON_ID: geojson},
        handlers={"http": refuse_remote, "https": refuse_remote})
    return jsonschema.Draft202012Validator(schema, resolver=resolver, format_checker=checker)


def find_errors(validator, document):
    """The validation errors of @document, the most specific first."""
    try:
        errors = list(validator.iter_errors(document))
    except jsonschema.RefResolutionError as error:
        raise SystemExit("Bail out! reference not resolved: {}".format(error))
    return sorted(errors, key=lambda e: (-len(e.absolute_path), [str(p) for p in e.absolute_path]))


def describe(errors):
    def shorten(text):
        return text if len(text) <= 240 else text[:240] + "…"

    return ["{}: {} ({})".format("/".join(str(p) for p in error.absolute_path) or "(top level)",
                                 shorten(error.message), error.validator)
            for error in errors]


def json_files(folder):
    return sorted(pathlib.Path(folder).glob("*.json"))


def negative_controls(golden):
    """Documents derived from a golden that the schema must reject, each with
    the keyword and the instance path of the error that must reject it, so
    that a rejection for another reason does not count."""
    controls = []

    def derive(name, keyword, path, change):
        document = copy.deepcopy(golden)
        change(document)
        controls.append((name, keyword, path, document))

    derive("an unknown top-level member", "unevaluatedProperties", (),
           lambda d: d.update(keywords=["harbour"]))
    derive("no uri", "required", (), lambda d: d.pop("uri"))
    derive("a numeric version", "type", ("version",), lambda d: d.update(version=1))
    derive("pubstatus draft, which ninjs does not have", "enum", ("pubstatus",),
           lambda d: d.update(pubstatus="draft"))
    derive("a date-time without an offset", "format", ("versioncreated",),
           lambda d: d.update(versioncreated="2026-11-27T06:48:12"))
    derive("a relative uri", "format", ("uri",),
           lambda d: d.update(uri="3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34"))
    derive("a bodies item with an unknown member", "additionalProperties", ("bodies", 0),
           lambda d: d.update(bodies=[{"value": "<p>x</p>", "words": 1}]))
    derive("a subject with an unknown member", "additionalProperties", ("subjects", 0),
           lambda d: d.update(subjects=[{"name": "transport", "code": "medtop:20000337"}]))
    derive("a place with invalid GeoJSON", "oneOf", ("places", 0, "geojson"),
           lambda d: d.update(places=[{"name": "Portmere", "geojson": {"type": "Point"}}]))
    derive("an association with a caption member", "unevaluatedProperties", ("associations", 0),
           lambda d: d["associations"][0].update(caption="A caption"))
    derive("an association without uri", "required", ("associations", 0),
           lambda d: d["associations"][0].pop("uri"))
    derive("an association without name", "required", ("associations", 0),
           lambda d: d["associations"][0].pop("name"))
    derive("associations as an object, as in ninjs 1.x", "type", ("associations",),
           lambda d: d.update(associations={"featureimage": d["associations"][0]}))
    derive("a relative rendition href", "format", ("associations", 0, "renditions", 0, "href"),
           lambda d: d["associations"][0]["renditions"][0].update(href="harbour-ferry.jpg"))
    return controls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("--geojson", required=True)
    parser.add_argument("--goldens", required=True)
    parser.add_argument("--should-pass", action="append", default=[])
    parser.add_argument("--should-fail", action="append", default=[])
    args = parser.parse_args()

    tap = Tap()
    schema = load_json(args.schema)
    geojson = load_json(args.geojson)

    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator.check_schema(geojson)
        tap.check(True, "the ninjs 2.2 and GeoJSON schemas are valid draft 2020-12 schemas")
    except jsonschema.SchemaError as error:
        tap.check(False, "the ninjs 2.2 and GeoJSON schemas are valid draft 2020-12 schemas",
                  [error.message])
    tap.check(geojson.get("$id") == GEOJSON_ID, "the GeoJSON schema's $id is " + GEOJSON_ID)

    validator = make_validator(schema, geojson)

    # The GeoJSON schema comes from the local copy; anything else remote is refused.
    try:
        url, resolved = validator.resolver.resolve(GEOJSON_ID + "#")
        tap.check(resolved is geojson, "the GeoJSON reference resolves to the local copy")
    except jsonschema.RefResolutionError as error:
        tap.check(False, "the GeoJSON reference resolves to the local copy", [error])
    try:
        validator.resolver.resolve("https://example.com/schema/other.json")
        tap.check(False, "any other remote reference is refused, so validation runs offline")
    except jsonschema.RefResolutionError:
        tap.check(True, "any other remote reference is refused, so validation runs offline")

    # The format checks reject what they must, or they prove nothing.
    format_cases = [
        (is_date_time("2026-11-27T06:48:12Z"), True),
        (is_date_time("2026-11-27T06:48:12.5+01:00"), True),
        (is_date_time("2026-11-27T06:48:12"), False),
        (is_date_time("2026-13-27T06:48:12Z"), False),
        (is_absolute_uri("urn:uuid:3f6c2a8e-9b41-4d7a-a5e2-6c0d9f1b7e34#featureimage"), True),
        (is_absolute_uri("https://media.example.org/images/a%20b.jpg"), True),
        (is_absolute_uri("harbour-ferry.jpg"), False),
        (is_absolute_uri("https://media.example.org/a b.jpg"), False),
        (is_absolute_uri("urn:a#b#c"), False),
    ]
    tap.check(all(got == expected for got, expected in format_cases),
              "the date-time and uri format checks accept and reject as RFC 3339 and 3986 say",
              ["case {}: got {}".format(i, got)
               for i, (got, expected) in enumerate(format_cases) if got != expected])

    goldens = json_files(args.goldens)
    tap.check(len(goldens) > 0, "there are goldens in " + args.goldens)
    for path in goldens:
        try:
            document = load_json(path)
        except ValueError as error:
            tap.check(False, "golden {} validates".format(path.name), [error])
            continue
        problems = describe(find_errors(validator, document))
        tap.check(not problems, "golden {} validates".format(path.name), problems)

    n_pass = n_pass_ok = n_fail = n_fail_ok = 0
    for folder in args.should_pass:
        for path in json_files(folder):
            problems = describe(find_errors(validator, load_json(path)))
            n_pass += 1
            n_pass_ok += not problems
            tap.check(not problems, "should_pass {} validates".format(path), problems)
    for folder in args.should_fail:
        for path in json_files(folder):
            problems = describe(find_errors(validator, load_json(path)))
            n_fail += 1
            n_fail_ok += bool(problems)
            tap.check(bool(problems), "should_fail {} is rejected".format(path),
                      ["first error: " + problems[0]] if problems else [])
    tap.check(n_pass > 0 and n_fail > 0, "there are should_pass and should_fail documents")

    control_source = None
    for path in goldens:
        document = load_json(path)
        if "associations" in document:
            control_source = (path, document)
            break
    tap.check(control_source is not None, "a golden with an association for the negative controls")
    n_controls = n_controls_ok = 0
    if control_source is not None:
        for name, keyword, where, document in negative_controls(control_source[1]):
            errors = find_errors(validator, document)
            expected = [e for e in errors
                        if e.validator == keyword and tuple(e.absolute_path) == where]
            n_controls += 1
            n_controls_ok += bool(expected)
            tap.check(bool(expected),
                      "{} with {} is rejected by {} at /{}".format(
                          control_source[0].name, name, keyword, "/".join(map(str, where))),
                      describe(expected[:1] or errors))

    tap.comment("goldens: {}; should_pass: {} of {} passed; should_fail: {} of {} failed; "
                "negative controls: {} of {} rejected".format(
                    len(goldens), n_pass_ok, n_pass, n_fail_ok, n_fail,
                    n_controls_ok, n_controls))
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
