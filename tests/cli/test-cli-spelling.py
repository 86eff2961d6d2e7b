#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
#
# copydesk-cli validate --spelling end to end: the real binary, the real
# hunspell dictionaries, enchant's personal dictionaries in a folder of the
# test's own. TAP output.

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
config = None


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="",
               ENCHANT_CONFIG_DIR=str(config / "enchant"), XDG_CONFIG_HOME=str(config))
    return subprocess.run([cli, *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def article(work, name, **changes):
    data = json.loads(sample.read_text(encoding="utf-8"))
    data.update(changes)
    path = work / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, data


def rules(work, name, **members):
    path = work / name
    path.write_text(json.dumps({"format": "copydesk-house-rules", "version": 1, **members}),
                    encoding="utf-8")
    return path


def spelling_issues(report):
    return [i for i in report[0]["issues"] if i["rule"] == "spelling"]


def word_at(text, line, column, length):
    """The text at a 1-based line and column counted in characters."""
    return text.split("\n")[line - 1][column - 1:column - 1 + length]


def tests(work):
    names = ["Portmere", "Okonkwo", "Priya", "Aldmouth", "Copydesk"]
    # The copies of the sample find their picture beside them.
    shutil.copy(sample.with_name("harbour-ferry.jpg"), work)

    r = run("validate", "--help")
    check("validate --help describes --spelling", r.returncode == 0 and "--spelling" in r.stdout, r)

    r = run("validate", sample)
    check("validate without --spelling reports no spelling",
          r.returncode == 0 and "dictionary" not in r.stdout, r)

    r = run("validate", "--spelling", sample)
    check("validate --spelling lists misspelt words as warnings and stays ready",
          r.returncode == 0 and "“Portmere” is not in the English (United Kingdom) dictionary."
          in r.stdout and "warning  standfirst:1:72" in r.stdout and r.stderr == "", r)
    check("a misspelt word of the body has its line and column",
          "body:5:1 " in r.stdout, r)

    r = run("validate", "--spelling", "--json", sample)
    report = json.loads(r.stdout) if r.returncode == 0 else [{"issues": []}]
    data = json.loads(sample.read_text(encoding="utf-8"))
    found = spelling_issues(report)
    check("--json has the spelling issues with line and column",
          len(found) > 0 and all(isinstance(i.get("line"), int) and isinstance(i.get("column"), int)
                                 for i in found), r.stdout[-500:])
    check("--json says which dictionary checked the spelling",
          report[0].get("spelling") == {"checked": True, "dictionary": "en_GB"}, report[0].get("spelling"))
    wrong = []
    for issue in found:
        word = issue["message"].split("”")[0].lstrip("“")
        text = data["image"]["credit"] if issue["field"] == "image.credit" else data[issue["field"]]
        if word_at(text, issue["line"], issue["column"], len(word)) != word:
            wrong.append(issue)
    check("every line and column points at the misspelt word", found and not wrong, wrong)

    # Columns count characters, not bytes.
    path, _ = article(work, "unicode.copydesk", headline="Ça déménage: the ferrry is late")
    r = run("validate", "--spelling", "--json", path)
    found = spelling_issues(json.loads(r.stdout)) if r.returncode == 0 else []
    headline = [i for i in found if i["field"] == "headline" and "“ferrry”" in i["message"]]
    check("the column after accented letters counts characters",
          len(headline) == 1 and headline[0]["line"] == 1 and headline[0]["column"] == 18, headline)

    house = rules(work, "house.json", words=names)
    r = run("validate", "--spelling", "--rules", house, "--json", sample)
    check("house words are not misspelt",
          r.returncode == 0 and spelling_issues(json.loads(r.stdout)) == [], r.stdout[-500:])

    strict = rules(work, "strict.json", rules={"spelling": "error"})
    r = run("validate", "--spelling", "--rules", strict, sample)
    check("house rules that make spelling an error fail the article",
          r.returncode == 1 and "error    body:" in r.stdout, r)
    r = run("validate", "--rules", strict, sample)
    check("without --spelling those rules do not fail it", r.returncode == 0, r)

    off = rules(work, "off.json", rules={"spelling": "off"})
    r = run("validate", "--spelling", "--rules", off, sample)
    check("spelling set to off reports none", r.returncode == 0 and "dictionary" not in r.stdout, r)

    path, _ = article(work, "swahili.copydesk", language="sw")
    r = run("validate", "--spelling", path)
    check("a language without a dictionary is said on standard error, exit status unchanged",
          r.returncode == 0 and "spelling not checked: There is no spelling dictionary for Swahili (sw)"
          in r.stderr and "hunspell-sw" in r.stderr, r)
    r = run("validate", "--spelling", "--json", path)
    report = json.loads(r.stdout) if r.returncode == 0 else [{}]
    check("--json says the spelling was not checked, and why",
          report[0].get("spelling", {}).get("checked") is False
          and "hunspell-sw" in report[0]["spelling"].get("message", ""), r)

    path, _ = article(work, "kiwi.copydesk", language="en-NZ")
    r = run("validate", "--spelling", "--json", path)
    report = json.loads(r.stdout) if r.returncode == 0 else [{}]
    check("a regional tag without a dictionary falls back to the language and says so",
          report[0].get("spelling", {}).get("dictionary") == "en_US"
          and "No dictionary for en-NZ; checking with English (United States)." in r.stderr, r)

    # The personal dictionary of enchant, in the test's own folder.
    (config / "enchant").mkdir(parents=True, exist_ok=True)
    (config / "enchant" / "en_GB.dic").write_text("\n".join(names) + "\n", encoding="utf-8")
    r = run("validate", "--spelling", "--json", sample)
    check("words of the user's personal dictionary are not misspelt",
          r.returncode == 0 and spelling_issues(json.loads(r.stdout)) == [], r.stdout[-500:])


def main():
    global config
    work = pathlib.Path(tempfile.mkdtemp(prefix="copydesk-cli-spelling-"))
    config = work / "config"
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
