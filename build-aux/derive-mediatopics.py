#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""Derive Copydesk's compact copy of the IPTC Media Topics vocabulary.

    build-aux/derive-mediatopics.py cptall-x-all.json data/mediatopics/mediatopics.json
    build-aux/derive-mediatopics.py --check cptall-x-all.json data/mediatopics/mediatopics.json

The input is IPTC's all-languages JSON export of the vocabulary (IKOS/SKOS-like,
the file cv.iptc.org serves). The output is a strict subset of it with the same
member names, so that the same parser (src/core/check/cd-media-topics.c) reads either:

  - the scheme's header members that say what the data is and whose it is
    (uri, prefSchemeAlias, authority, copyrightHolder, licenceLink, dateReleased);
  - for every concept, retired ones included (old articles still name them):
    uri, qcode, prefLabel in every language the input has, definition in
    en-GB only, broader, and retired (the date) when the concept is retired.

Dropped: labels' and definitions' other members (note, changeNote), the
definitions in other languages, narrower (the inverse of broader), the
mappings (exactMatch, closeMatch, broadMatch), type, inScheme, created,
modified, hasFacet, hasTopConcept.

The output is written deterministically: concepts in the input's order, one
concept per line, members in a fixed order, language keys sorted, UTF-8 without
escapes, so that a new IPTC release shows up as a readable diff. Python's
standard library only; run it with /usr/bin/python3.
"""

import argparse
import json
import sys

HEADER_MEMBERS = (
    "uri",
    "prefSchemeAlias",
    "authority",
    "copyrightHolder",
    "licenceLink",
    "dateReleased",
)

DEFINITION_LANGUAGE = "en-GB"
URI_PREFIX = "http://cv.iptc.org/newscodes/mediatopic/"


def fail(message):
    print(f"derive-mediatopics: {message}", file=sys.stderr)
    sys.exit(1)


def derive_concept(concept):
    uri = concept.get("uri")
    qcode = concept.get("qcode")
    labels = concept.get("prefLabel")
    if not isinstance(uri, str) or not uri.startswith(URI_PREFIX):
        fail(f"a concept has no Media Topics uri: {uri!r}")
    if qcode != "medtop:" + uri[len(URI_PREFIX):]:
        fail(f"{uri}: qcode {qcode!r} does not match the uri")
    if not isinstance(labels, dict) or not isinstance(labels.get("en-GB"), str):
        fail(f"{qcode}: no en-GB prefLabel")

    out = {
        "uri": uri,
        "qcode": qcode,
        "prefLabel": {
            lang: label.strip()
            for lang, label in sorted(labels.items())
            if isinstance(label, str) and label.strip()
        },
    }
    definition = (concept.get("definition") or {}).get(DEFINITION_LANGUAGE)
    if isinstance(definition, str) and definition.strip():
        out["definition"] = {DEFINITION_LANGUAGE: definition.strip()}
    broader = [b for b in concept.get("broader") or [] if isinstance(b, str)]
    if broader:
        out["broader"] = broader
    retired = concept.get("retired")
    if isinstance(retired, str) and retired:
        out["retired"] = retired
    return out


def derive(source):
    if not isinstance(source, dict) or not isinstance(source.get("conceptSet"), list):
        fail("the input has no conceptSet: is it IPTC's JSON export?")

    concepts = [derive_concept(c) for c in source["conceptSet"]]
    known = {c["uri"] for c in concepts}
    for concept in concepts:
        for broader in concept.get("broader", []):
            if broader not in known:
                fail(f"{concept['qcode']}: broader concept {broader} is not in the set")

    def dump(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    for member in HEADER_MEMBERS:
        if member in source:
            lines.append(f"{dump(member)}:{dump(source[member])},")
    lines.append('"conceptSet":[')
    lines.append(",\n".join(dump(c) for c in concepts))
    lines.append("]}")
    return "\n".join(lines) + "\n", len(concepts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with OUTPUT instead of writing it; exit 1 if it differs")
    parser.add_argument("input", help="IPTC's cptall-x-all.json")
    parser.add_argument("output", help="the compact file to write")
    args = parser.parse_args()

    with open(args.input, encoding="utf-8") as f:
        source = json.load(f)
    text, count = derive(source)

    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError as e:
            fail(str(e))
        if current != text:
            fail(f"{args.output} is not what {args.input} derives; run without --check")
        print(f"{args.output} is up to date ({count} concepts)")
        return

    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.output}: {count} concepts, {len(text.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
