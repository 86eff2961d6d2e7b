#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""Start-up time and memory of the editor window, side by side with baselines.

Run under an X server and a session bus, e.g.
  tests/ui/run-ui-test.sh tests/bench/window/bench-window.py _build [runs]

Start-up: time from exec to the first top-level window of the program being
mapped (polled with xdotool every 2 ms), for Copydesk on a new article and on
a 10,000-word article, a minimal GTK 4 + libadwaita window, and GNOME Text
Editor (if installed) on the same article body as a Markdown file.
Memory: the proportional set size (PSS) of the whole process tree, WebKit's
helper processes included, a few seconds after the article is shown.
Nothing is asserted; the numbers are printed for people.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "_build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
COPYDESK = os.path.join(BUILD, "src", "ui", "copydesk")
CLI = os.path.join(BUILD, "src", "cli", "copydesk-cli")
MINIMAL = os.path.join(BUILD, "tests", "bench", "window", "bench-minimal-window")

WORDS = ("the harbour ferry left at dawn carrying commuters across grey water "
         "while the council debated budgets timetables and a new pier").split()


def make_article(folder, words):
    """A valid article of about `words` words, written with copydesk-cli."""
    body = []
    for p in range(words // 100):
        sentence = " ".join(WORDS[(p + i) % len(WORDS)] for i in range(100))
        body.append(sentence.capitalize() + ".")
    text = "\n\n".join(body) + "\n"
    md = os.path.join(folder, "body.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write(text)
    path = os.path.join(folder, "long.copydesk")
    subprocess.run([CLI, "new", "--headline", "Ferry timetable review", "-o", path],
                   check=True, stdout=subprocess.DEVNULL)
    import json
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["body"] = text
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
    return path, md


def tree_pids(root):
    """The pids of `root` and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def visible_windows(pid):
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "."],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return r.stdout.split()


def start_and_wait(argv, env):
    """Returns (seconds to first mapped window, process)."""
    t0 = time.monotonic()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=log)
    while True:
        if visible_windows(proc.pid):
            return time.monotonic() - t0, proc
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing a window: "
                               f"{log.read().decode(errors='replace')[-2000:]}")
        if time.monotonic() - t0 > 30:
            proc.kill()
            raise RuntimeError(f"{argv[0]} showed no window in 30 s")
        time.sleep(0.002)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_once(argv, env, memory):
    seconds, proc = start_and_wait(argv, env)
    mem = None
    if memory:
        # Let the article load and WebKit's helpers start and render.
        time.sleep(4)
        mem = pss_kib(tree_pids(proc.pid)) / 1024
    stop(proc)
    time.sleep(0.3)
    return seconds * 1000, mem


def measure_all(programs, env):
    """Runs the programs in turn, RUNS rounds after one warm-up round each, so
    that caches and machine load treat them alike."""
    times = {name: [] for name, _ in programs}
    mems = {}
    for name, argv in programs:
        _, mems[name] = run_once(argv, env, memory=True)
    for _ in range(RUNS):
        for name, argv in programs:
            ms, _ = run_once(argv, env, memory=False)
            times[name].append(ms)
    results = {}
    for name, _ in programs:
        med = statistics.median(times[name])
        results[name] = (med, mems[name])
        print(f"{name:44s} median {med:7.1f} ms  min {min(times[name]):7.1f} ms"
              f"  PSS {mems[name]:6.1f} MiB", flush=True)
    return results


def main():
    tmp = tempfile.mkdtemp(prefix="copydesk-bench-")
    env = dict(os.environ)
    env.update({
        "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "GSETTINGS_BACKEND": "memory",
    })
    article, md = make_article(tmp, 10000)
    print(f"{RUNS} runs each after a warm-up; article: 10,000 words; PSS of the whole "
          "process tree 4 s after the window appears", flush=True)
    programs = [
        ("minimal GTK 4 + libadwaita window", [MINIMAL]),
        ("copydesk, new article", [COPYDESK]),
        ("copydesk, 10,000-word article", [COPYDESK, article]),
    ]
    gte = shutil.which("gnome-text-editor")
    if gte:
        programs.append(("gnome-text-editor, same body as Markdown",
                         [gte, "--standalone", "--ignore-session", md]))
    r = measure_all(programs, env)
    base = r["minimal GTK 4 + libadwaita window"][0]
    new = r["copydesk, new article"][0]
    big, big_mem = r["copydesk, 10,000-word article"]
    print()
    print(f"start-up ratio, copydesk new / minimal window:       {new / base:5.2f}")
    print(f"start-up ratio, copydesk 10k words / minimal window: {big / base:5.2f}")
    if gte:
        ted, ted_mem = r["gnome-text-editor, same body as Markdown"]
        print(f"start-up ratio, copydesk 10k words / Text Editor:    {big / ted:5.2f}")
        print(f"memory ratio, copydesk 10k words / Text Editor:      {big_mem / ted_mem:5.2f}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
