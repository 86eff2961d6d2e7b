#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""Crash recovery, end to end: the real copydesk program in a real X server is
typed into with xdotool and killed with SIGKILL at a random moment, again and
again, with the same data folder. After each kill:

  (a) every file on disk (the article and every recovery copy) is a valid
      article: copydesk-cli validate exits 0 or 1, never 2;
  (b) a restart offers "Recover Unsaved Work?"; Recover (Return, the default
      response) brings back everything typed up to 2 seconds before the kill;
      for a saved article Ctrl+S then writes it to the article's file;
  (c) after recovering and saving, or after Discard, the recovery folder is
      empty again: copies never pile up from one crash to the next.

Some rounds edit an article that was never saved, others one opened from a
file, with automatic saving every second in some of them. Kills land at random
moments, right after Ctrl+S, right when an automatic save is due and right when
the recovery copy is due.

Run by meson under tests/ui/run-ui-test.sh (Xvfb plus a session bus):
  test-recovery.py BUILDDIR [ROUNDS]

The seed is printed; COPYDESK_RECOVERY_SEED=N repeats a run, and
COPYDESK_RECOVERY_ONLY=WORD keeps the rounds whose article or kill is WORD
("unsaved", "autosave", "ctrl-s", "recovery-due" ...). Prints TAP.
"""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

BUILD = os.path.abspath(sys.argv[1])
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
COPYDESK = os.path.join(BUILD, "src", "ui", "copydesk")
CLI = os.path.join(BUILD, "src", "cli", "copydesk-cli")
# The keyfile group of the program's settings: its GSettings path, which
# follows the application id (tests/meson.build passes it in).
SETTINGS_GROUP = os.environ.get("COPYDESK_SETTINGS_PATH", "").strip("/")
if not SETTINGS_GROUP:
    raise SystemExit("COPYDESK_SETTINGS_PATH is not set; run this through meson test")

# The promise: a change is on disk (recovery copy or the file) this long after
# it was typed.
PROMISE = 2.0
AUTOSAVE_INTERVAL = 1

# Every non-ASCII character in this file gets a key of its own before the
# program starts (e2e_util.map_keys); the words keep to lowercase ones.
WORDS = ("fähre", "insel", "straße", "größe", "hafen", "übung", "wind", "see",
         "café", "möwe", "kai", "öl", "deich", "watt", "ebbe", "flut", "søndag",
         "brücke", "lotse", "kapitän", "nebel", "boje", "ruder", "anker")

step = 0
failed = 0


def tap(ok, description, detail=""):
    global step, failed
    step += 1
    print(f"{'ok' if ok else 'not ok'} {step} - {description}", flush=True)
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}", flush=True)
    return ok


def diag(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


def xdotool(*args, check=True):
    r = subprocess.run(["xdotool", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=60)
    if check and r.returncode != 0:
        raise RuntimeError(f"xdotool {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout.strip()


def window_names(pid):
    out = xdotool("search", "--onlyvisible", "--pid", str(pid), "--name", ".", check=False)
    names = {}
    for wid in out.split():
        names[wid] = xdotool("getwindowname", wid, check=False)
    return names


def wait_for(condition, timeout=15.0, interval=0.05):
    end = time.monotonic() + timeout
    value = condition()
    while not value and time.monotonic() < end:
        time.sleep(interval)
        value = condition()
    return value


def key(*keys):
    for k in keys:
        xdotool("key", "--clearmodifiers", k)
        time.sleep(0.15)


def type_text(text):
    xdotool("type", "--delay", "50", "--clearmodifiers", text)


def read_article(path):
    """The article's JSON, or None when the file is not there (or, for a
    moment, being replaced: the writes are atomic renames, so never half)."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def validate(path):
    r = subprocess.run([CLI, "validate", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=60)
    return r.returncode, r.stdout


def recovery_copies(folder):
    """The recovery copies, newest first, as the program lists them."""
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".copydesk") and not n.startswith(".")]
    except FileNotFoundError:
        return []
    paths = [os.path.join(folder, n) for n in names]
    return sorted(paths, key=lambda p: os.stat(p).st_mtime_ns, reverse=True)


def folder_files(folder):
    try:
        return sorted(os.listdir(folder))
    except FileNotFoundError:
        return []


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


class Typing:
    """What was typed into the body, chunk by chunk, with the time each chunk
    had been sent in full, and a watcher that notes when each chunk reached
    the disk: in a recovery copy or in the article's file."""

    def __init__(self, folder, article):
        self.folder = folder
        self.article = article
        self.text = ""
        self.chunks = []            # (time sent in full, length of text so far)
        self.on_disk = []           # (time seen, length of the typed text on disk)
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()

    def typed(self, chunk, sent):
        with self.lock:
            self.text += chunk
            self.chunks.append((sent, len(self.text)))

    def disk_length(self):
        with self.lock:
            text = self.text
        best = 0
        for path in recovery_copies(self.folder) + ([self.article] if self.article else []):
            doc = read_article(path)
            if doc is not None:
                best = max(best, common_prefix(doc.get("body", ""), text))
        return best

    def watch(self):
        while not self.stop.is_set():
            now = time.monotonic()
            length = self.disk_length()
            if not self.on_disk or length > self.on_disk[-1][1]:
                self.on_disk.append((now, length))
            time.sleep(0.02)

    def finish(self):
        self.stop.set()
        self.thread.join()

    def max_lag(self, until):
        """The longest time from sending a chunk to seeing it on disk, for the
        chunks seen before @until."""
        lag = 0.0
        for sent, length in self.chunks:
            seen = next((t for t, n in self.on_disk if n >= length), None)
            if seen is not None and seen <= until:
                lag = max(lag, seen - sent)
        return lag

    def required(self, kill):
        """The typed text that must survive a kill at @kill: every chunk sent in
        full two seconds before it."""
        length = 0
        for sent, n in self.chunks:
            if sent <= kill - PROMISE:
                length = n
        return self.text[:length]

    def sent_before(self, kill):
        length = 0
        for sent, n in self.chunks:
            if sent <= kill:
                length = n
        return length


class Round:
    def __init__(self, number, kind, kill_mode, ending, rng, tmp, env):
        self.number = number
        self.kind = kind            # "unsaved", "saved" or "autosave"
        self.kill_mode = kill_mode  # "random", "ctrl-s", "autosave-due" or "recovery-due"
        self.ending = ending        # for unsaved articles: "save-as", "close-discard", "discard"
        self.rng = rng
        self.tmp = tmp
        self.env = env
        self.headline = f"round {number} {rng.choice(WORDS)} {rng.choice(WORDS)}"
        self.folder = os.path.join(env["XDG_DATA_HOME"], "copydesk", "recovery")
        self.article = None
        self.proc = None
        self.log = None
        self.kill_time = None
        self.lost = 0
        self.lag = 0.0
        self.caught = []

    def name(self):
        return f"round {self.number} ({self.kind}, kill {self.kill_mode})"

    def settings(self):
        autosave = "true" if self.kind == "autosave" else "false"
        path = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"[{SETTINGS_GROUP}]\n"
                    "author-name='Ana Reporterin'\n"
                    "default-language='de'\n"
                    f"autosave={autosave}\n"
                    f"autosave-interval=uint32 {AUTOSAVE_INTERVAL}\n")

    def start(self, *args):
        logname = os.path.join(self.tmp, f"round-{self.number}.log")
        for attempt in range(3):
            if self.log is not None:
                self.log.close()
            self.log = open(logname, "a")
            self.proc = subprocess.Popen([COPYDESK, *args], env=self.env, stdout=self.log,
                                         stderr=subprocess.STDOUT)
            # Other test runs on the same machine (xvfb-run -a) now and then
            # take the X server's socket away for a moment: try again then.
            try:
                self.proc.wait(0.7)
            except subprocess.TimeoutExpired:
                return
            with open(logname, encoding="utf-8", errors="replace") as f:
                if "cannot open display" not in f.read():
                    return
            diag(f"{self.name()}: the program could not open the display; starting it again")
            time.sleep(0.5)

    def main_window(self, title_part):
        def find():
            for wid, name in window_names(self.proc.pid).items():
                if title_part in name:
                    return wid
            return None
        return wait_for(find, timeout=30)

    def dialog(self, title, timeout=15.0):
        def find():
            # --all: without it xdotool matches the pid or the name.
            out = xdotool("search", "--all", "--onlyvisible", "--pid", str(self.proc.pid),
                          "--name", title, check=False)
            return out.split()[0] if out else None
        return wait_for(find, timeout=timeout)

    def quit(self):
        key("ctrl+q")
        try:
            self.proc.wait(15)
            return self.proc.returncode == 0
        except subprocess.TimeoutExpired:
            return False

    def cleanup(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.log is not None:
            self.log.close()
            self.log = None

    def program_output(self):
        with open(os.path.join(self.tmp, f"round-{self.number}.log"),
                  encoding="utf-8", errors="replace") as f:
            return f.read().strip()

    # Typing and killing

    def plan(self):
        """Chunks of text to type, pauses, Ctrl+S, and when to kill."""
        rng = self.rng
        actions = []
        for _ in range(rng.randint(2, 4) if self.kill_mode == "recovery-due" else rng.randint(4, 9)):
            actions.append(("type", rng.choice(WORDS) + " "))
            if rng.random() < 0.25:
                actions.append(("pause", rng.uniform(0.2, 1.2)))

        mode = self.kill_mode
        if mode == "random":
            # Anywhere in the typing, or just after it.
            actions.append(("kill-at-random", None))
        elif mode == "ctrl-s":
            actions.append(("key", "ctrl+s"))
            if rng.random() < 0.5:
                # The save runs while the typing goes on.
                actions.append(("type", rng.choice(WORDS) + " "))
            actions.append(("kill-after-last", rng.uniform(0.0, 0.08)))
        elif mode == "autosave-due":
            # The automatic save and the recovery copy are both due one
            # second after the last change.
            actions.append(("kill-after-last", AUTOSAVE_INTERVAL + rng.uniform(-0.06, 0.12)))
        elif mode == "recovery-due":
            # Nothing pending, then typing that goes on: the copy is due two
            # seconds after the first new change, whatever follows it.
            # The first new change is one letter, so that it must survive a
            # kill just over two seconds after it was sent.
            actions.append(("pause", PROMISE + 0.3))
            # xdotool key sends it at once: type waits after each key.
            actions.append(("letter", rng.choice("aeiou")))
            actions.append(("mark", None))
            for _ in range(6):
                actions.append(("type", " " + rng.choice(WORDS)))
            actions.append(("kill-after-mark", PROMISE + rng.uniform(0.0, 0.03)))
        return actions

    def type_and_kill(self, typing):
        start = time.monotonic()
        actions = self.plan()
        estimate = sum(len(a[1]) * 0.06 + 0.03 for a in actions if a[0] == "type")
        kill_at = None
        if actions[-1][0] == "kill-at-random":
            kill_at = start + self.rng.uniform(0.3, estimate + 0.5)
        # A kill timed from the mark comes while the typing after it goes on.
        after_mark = next((a[1] for a in actions if a[0] == "kill-after-mark"), None)
        last = start

        def killed():
            return self.proc.poll() is not None

        def kill_now():
            self.proc.send_signal(signal.SIGKILL)
            self.kill_time = time.monotonic()
            self.proc.wait()

        def wait_until(moment):
            while time.monotonic() < moment:
                time.sleep(min(0.005, max(0.0, moment - time.monotonic())))

        for action, arg in actions:
            if kill_at is not None and time.monotonic() >= kill_at:
                break
            if action == "type":
                xdo = subprocess.Popen(["xdotool", "type", "--delay", "50", "--clearmodifiers", arg])
                while xdo.poll() is None:
                    if kill_at is not None and time.monotonic() >= kill_at:
                        kill_now()
                        xdo.wait()
                        return
                    time.sleep(0.005)
                last = time.monotonic()
                typing.typed(arg, last)
            elif action == "pause":
                end = time.monotonic() + arg
                if kill_at is not None:
                    end = min(end, kill_at)
                wait_until(end)
            elif action == "letter":
                xdotool("key", "--delay", "0", arg)
                last = time.monotonic()
                typing.typed(arg, last)
            elif action == "key":
                xdotool("key", "--clearmodifiers", arg)
                last = time.monotonic()
            elif action == "mark":
                kill_at = time.monotonic() + after_mark
            elif action == "kill-after-last":
                wait_until(last + arg)
                kill_now()
                return
            elif action == "kill-after-mark":
                break
        if kill_at is not None:
            wait_until(kill_at)
        if not killed():
            kill_now()

    # The round

    def run(self):
        self.settings()
        args = []
        if self.kind != "unsaved":
            self.article = os.path.join(self.tmp, "articles", f"round-{self.number}.copydesk")
            subprocess.run([CLI, "new", "--headline", self.headline, "-l", "de",
                            "-o", self.article], check=True)
            args = [self.article]

        self.start(*args)
        wid = self.main_window(self.headline if self.kind != "unsaved" else "Untitled Article")
        if not tap(wid is not None, f"{self.name()}: the window appears",
                   window_names(self.proc.pid)):
            return
        xdotool("windowfocus", "--sync", wid)
        time.sleep(0.3)
        if self.kind == "unsaved":
            type_text(self.headline)
            wait_for(lambda: self.headline in xdotool("getwindowname", wid), timeout=5)
            key("ctrl+Return")
        # A file opened starts with the cursor in the body already (where
        # Ctrl+Return would be a line break).

        typing = Typing(self.folder, self.article)
        started = time.monotonic()
        self.type_and_kill(typing)
        # Let the watcher see the files as the kill left them.
        time.sleep(0.1)
        typing.finish()
        self.log.close()
        self.log = None
        kill = self.kill_time
        diag(f"{self.name()}: killed {kill - started:.2f} s into the typing, "
             f"{len(typing.text)} characters typed, longest lag to disk {typing.max_lag(kill):.2f} s")

        # A write cut short leaves its temporary file (".NAME.XXXXXX") beside
        # the file: proof that the kill landed inside a save or a copy.
        self.caught = []
        if self.article:
            base = "." + os.path.basename(self.article) + "."
            self.caught += [n for n in folder_files(os.path.dirname(self.article))
                            if n.startswith(base)]
        self.caught += [n for n in folder_files(self.folder) if n.startswith(".")]
        if self.caught:
            diag(f"{self.name()}: the kill cut a write short: {', '.join(self.caught)}")

        # (a) Every file on disk is an article.
        files = ([self.article] if self.article else []) + recovery_copies(self.folder)
        bad = []
        for path in files:
            status, out = validate(path)
            if status not in (0, 1):
                bad.append(f"{path}: exit status {status}\n{out}")
        tap(not bad, f"{self.name()}: every file on disk is a valid article "
            f"({len(files)} files)", "\n".join(bad))

        # What must come back: the newest recovery copy, else the file.
        copies = recovery_copies(self.folder)
        source = copies[0] if copies else self.article
        doc = read_article(source) if source else None
        body = doc.get("body", "") if doc else ""
        required = typing.required(kill)
        kept = common_prefix(body, typing.text)
        self.lost = max(0, typing.sent_before(kill) - kept)
        self.lag = typing.max_lag(kill)
        tap(body.startswith(required.rstrip()),
            f"{self.name()}: what was typed up to 2 s before the kill is on disk "
            f"({len(required)} required, {kept} kept, {self.lost} lost)",
            f"required {required!r}\nfound in {source}: {body!r}\ntyped {typing.text!r}")
        tap(not doc or doc.get("headline") == self.headline,
            f"{self.name()}: the headline is on disk",
            f"{doc.get('headline') if doc else None!r}")
        if len(copies) > 1:
            tap(False, f"{self.name()}: one recovery copy at most", folder_files(self.folder))

        # (b) Restart: the offer, then the recovered article.
        self.start()
        if copies:
            self.recover(required)
        else:
            # Everything was saved: nothing to offer.
            main = self.main_window("Untitled Article")
            tap(main is not None and self.dialog("Recover Unsaved Work", timeout=1.5) is None,
                f"{self.name()}: nothing unsaved, so no recovery is offered",
                window_names(self.proc.pid))
            tap(self.quit(), f"{self.name()}: Ctrl+Q quits", window_names(self.proc.pid))

        # (c) Nothing is left over.
        tap(not folder_files(self.folder),
            f"{self.name()}: the recovery folder is empty afterwards", folder_files(self.folder))

    def recover(self, required):
        dialog = self.dialog("Recover Unsaved Work")
        if not tap(dialog is not None, f"{self.name()}: a restart offers to recover the work",
                   window_names(self.proc.pid)):
            return
        xdotool("windowfocus", "--sync", dialog)
        time.sleep(0.3)
        if self.ending == "discard":
            # Discard is the button before the default one.
            key("shift+Tab", "Return")
            gone = wait_for(lambda: self.dialog("Recover Unsaved Work", timeout=0) is None)
            tap(gone and not recovery_copies(self.folder),
                f"{self.name()}: Discard removes the recovery copy", folder_files(self.folder))
            tap(self.quit(), f"{self.name()}: Ctrl+Q quits", window_names(self.proc.pid))
            return

        key("Return")
        marked = f"• {self.headline}"
        wid = self.main_window(marked)
        if not tap(wid is not None, f"{self.name()}: Recover (Return) shows the article, "
                   "marked unsaved", window_names(self.proc.pid)):
            return
        xdotool("windowfocus", "--sync", wid)
        time.sleep(0.3)

        if self.kind != "unsaved":
            before = os.stat(self.article).st_mtime_ns
            key("ctrl+s")
            saved = wait_for(lambda: self.headline == xdotool("getwindowname", wid, check=False))
            tap(saved and os.stat(self.article).st_mtime_ns != before,
                f"{self.name()}: Ctrl+S saves the recovered article to its file",
                window_names(self.proc.pid))
            self.check_saved(self.article, required)
        elif self.ending == "save-as":
            target = os.path.join(self.tmp, "articles", f"round-{self.number}.copydesk")
            key("ctrl+s")
            chooser = wait_for(lambda: [w for w in window_names(self.proc.pid) if w != wid])
            if tap(bool(chooser), f"{self.name()}: Ctrl+S asks where to save",
                   window_names(self.proc.pid)):
                time.sleep(0.5)
                key("ctrl+a")
                type_text(target)
                time.sleep(0.3)
                key("Return")
            tap(wait_for(lambda: os.path.exists(target)),
                f"{self.name()}: the recovered article is saved", target)
            wait_for(lambda: self.headline == xdotool("getwindowname", wid, check=False))
            self.check_saved(target, required)
        else:
            # Close, and throw the work away when asked.
            key("ctrl+w")
            ask = self.dialog("Save Changes")
            if tap(ask is not None, f"{self.name()}: closing asks about the unsaved changes",
                   window_names(self.proc.pid)):
                xdotool("windowfocus", "--sync", ask)
                time.sleep(0.3)
                # Cancel, Discard, Save (the default): Discard is before it.
                key("shift+Tab", "Return")
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                pass
            tap(self.proc.poll() == 0, f"{self.name()}: Discard closes the last window and "
                "Copydesk ends", window_names(self.proc.pid) if self.proc.poll() is None else "")
            return

        tap(self.quit(), f"{self.name()}: Ctrl+Q quits", window_names(self.proc.pid))

    def check_saved(self, path, required):
        doc = read_article(path) or {}
        body = doc.get("body", "")
        status, out = validate(path)
        tap(status in (0, 1), f"{self.name()}: the saved article is valid", out)
        tap(body.startswith(required.rstrip()) and doc.get("headline") == self.headline,
            f"{self.name()}: the saved article has everything typed up to 2 s before the kill",
            f"required {required!r}\nsaved {body!r}")


def schedule(rng):
    """Each kind of article with each kind of kill, in a shuffled order."""
    kinds = [("unsaved", "random"), ("unsaved", "recovery-due"),
             ("saved", "random"), ("saved", "ctrl-s"), ("saved", "recovery-due"),
             ("autosave", "random"), ("autosave", "autosave-due"), ("autosave", "ctrl-s")]
    only = os.environ.get("COPYDESK_RECOVERY_ONLY")
    if only:
        kinds = [k for k in kinds if only in k] or kinds
    endings = ["save-as", "close-discard", "discard"]
    rounds = []
    while len(rounds) < ROUNDS:
        batch = kinds[:]
        rng.shuffle(batch)
        rounds.extend(batch)
    rounds = rounds[:ROUNDS]
    result = []
    unsaved = 0
    for kind, mode in rounds:
        ending = ""
        if kind == "unsaved":
            ending = endings[unsaved % len(endings)]
            unsaved += 1
        result.append((kind, mode, ending))
    return result


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from e2e_util import map_keys_of_script
    map_keys_of_script(os.path.abspath(__file__))
    seed = int(os.environ.get("COPYDESK_RECOVERY_SEED", random.randrange(1 << 31)))
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="copydesk-recovery-")
    config = os.path.join(tmp, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    os.makedirs(os.path.join(tmp, "articles"))

    env = dict(os.environ)
    env.update({
        "HOME": tmp,
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "GSETTINGS_BACKEND": "keyfile",
        "GTK_A11Y": "none",
        "LANG": "C.UTF-8",
    })

    print("TAP version 13", flush=True)
    diag(f"seed {seed} (COPYDESK_RECOVERY_SEED={seed} repeats this run), {ROUNDS} rounds")
    began = time.monotonic()
    rounds = []
    for number, (kind, mode, ending) in enumerate(schedule(rng), 1):
        r = Round(number, kind, mode, ending, rng, tmp, env)
        rounds.append(r)
        failed_before = failed
        round_began = time.monotonic()
        try:
            r.run()
        except Exception as e:  # a broken round must not stop the others
            tap(False, f"{r.name()}: ran to the end", repr(e))
        finally:
            r.cleanup()
        diag(f"{r.name()}: {time.monotonic() - round_began:.1f} s")
        if failed != failed_before:
            output = r.program_output()
            if output:
                diag("program output:")
                diag("\n".join("  " + line for line in output.splitlines()[-30:]))
            # The next round starts from an empty folder all the same.
            shutil.rmtree(os.path.join(env["XDG_DATA_HOME"], "copydesk", "recovery"),
                          ignore_errors=True)

    at_saves = sum(1 for r in rounds if r.kill_mode in ("ctrl-s", "autosave-due"))
    at_copies = sum(1 for r in rounds if r.kill_mode == "recovery-due")
    diag(f"rounds: {len(rounds)} in {time.monotonic() - began:.0f} s (seed {seed})")
    diag(f"kills right after Ctrl+S or when an automatic save was due: {at_saves}; "
         f"when the recovery copy was due: {at_copies}")
    diag(f"kills that cut a write short (a save or a recovery copy): "
         f"{sum(1 for r in rounds if r.caught)}")
    diag(f"characters lost at most (typed in the last {PROMISE:.0f} s before a kill): "
         f"{max((r.lost for r in rounds), default=0)}")
    diag(f"longest lag from typing to the text on disk: "
         f"{max((r.lag for r in rounds), default=0):.2f} s")
    print(f"1..{step}", flush=True)
    if failed == 0:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        diag(f"files kept in {tmp}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
