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
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if visible_windows(proc.pid):
            return time.monotonic() - t0, proc
        if proc.poll() is not None:
            raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before showing a window")
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


def measure(name, argv, env, memory=False):
    times, mem = [], None
    for i in range(RUNS):
        seconds, proc = start_and_wait(argv, env)
        times.append(seconds * 1000)
        if memory and i == 0:
            time.sleep(4)
            mem = pss_kib(tree_pids(proc.pid)) / 1024
        stop(proc)
        time.sleep(0.2)
    med = statistics.median(times)
    line = f"{name:44s} median {med:7.1f} ms  min {min(times):7.1f} ms"
    if mem is not None:
        line += f"  PSS {mem:6.1f} MiB"
    print(line, flush=True)
    return med, mem


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
    print(f"{RUNS} runs each; article: 10,000 words", flush=True)
    base, _ = measure("minimal GTK 4 + libadwaita window", [MINIMAL], env)
    new, new_mem = measure("copydesk, new article", [COPYDESK], env, memory=True)
    big, big_mem = measure("copydesk, 10,000-word article", [COPYDESK, article], env, memory=True)
    gte = shutil.which("gnome-text-editor")
    if gte:
        ted, ted_mem = measure("gnome-text-editor, same body as Markdown",
                               [gte, "--standalone", "--ignore-session", md], env, memory=True)
    print()
    print(f"start-up ratio, copydesk new / minimal window:       {new / base:5.2f}")
    print(f"start-up ratio, copydesk 10k words / minimal window: {big / base:5.2f}")
    if gte:
        print(f"start-up ratio, copydesk 10k words / Text Editor:    {big / ted:5.2f}")
        print(f"memory ratio, copydesk 10k words / Text Editor:      {big_mem / ted_mem:5.2f}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
