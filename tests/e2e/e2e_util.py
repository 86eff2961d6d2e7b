# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""What the end-to-end tests share: TAP output, xdotool, and starting the
real copydesk program in a private home with its own settings."""

import os
import sys
import subprocess
import time


def map_keys(text):
    """Gives every non-ASCII character of @text a key of its own in the X
    server's keyboard map, before the program starts. Without it xdotool
    remaps a spare key for each such character while typing, and a busy
    program can read the key press before the new map and drop the
    character. The server is started with -noreset (run-ui-test.sh), so the
    map stays when the last client leaves."""
    chars = sorted({c for c in text if ord(c) > 127 and c.isprintable()})
    if not chars:
        return
    dump = subprocess.run(["xmodmap", "-pke"], check=True, capture_output=True,
                          text=True).stdout
    free = [int(line.split()[1]) for line in dump.splitlines()
            if line.startswith("keycode") and not line.split("=", 1)[1].strip()]
    # xdotool still needs a spare key for anything else it is asked to type.
    free = free[:-2] if len(free) > 2 else []
    # One character per key (on both levels) while keys last, two after that.
    per_key = 1 if len(chars) <= len(free) else 2
    if len(free) * per_key < len(chars):
        raise RuntimeError(f"map_keys: {len(chars)} characters, {len(free)} spare keys")
    expressions = []
    for i, code in enumerate(free):
        group = chars[i * per_key:(i + 1) * per_key]
        if not group:
            break
        syms = [f"U{ord(c):04X}" for c in group]
        if len(syms) == 1:
            syms *= 2
        expressions += ["-e", f"keycode {code} = {' '.join(syms)}"]
    subprocess.run(["xmodmap", *expressions], check=True)


def map_keys_of_script(path):
    """map_keys() for every character the test script @path may type."""
    with open(path, encoding="utf-8") as f:
        map_keys(f.read())


def settings_group():
    """The keyfile group of the program's settings: its GSettings path, which
    follows the application id (tests/meson.build passes it in)."""
    path = os.environ.get("COPYDESK_SETTINGS_PATH")
    if not path:
        raise SystemExit("COPYDESK_SETTINGS_PATH is not set; run this through meson test")
    return path.strip("/")


class E2E:
    def __init__(self, build):
        self.build = build
        self.copydesk = os.path.join(build, "src", "ui", "copydesk")
        self.cli = os.path.join(build, "src", "cli", "copydesk-cli")
        self.source_root = os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))))
        self.step = 0
        self.failed = 0
        map_keys_of_script(os.path.abspath(sys.argv[0]))

    def tap(self, ok, description, detail=""):
        self.step += 1
        print(f"{'ok' if ok else 'not ok'} {self.step} - {description}", flush=True)
        if not ok:
            self.failed += 1
            for line in str(detail).splitlines():
                print(f"# {line}", flush=True)
        return ok

    def xdotool(self, *args, check=True):
        r = subprocess.run(["xdotool", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=60)
        if check and r.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {r.stderr.strip()}")
        return r.stdout.strip()

    def window_names(self, pid):
        out = self.xdotool("search", "--onlyvisible", "--pid", str(pid), "--name", ".",
                           check=False)
        return {wid: self.xdotool("getwindowname", wid, check=False) for wid in out.split()}

    @staticmethod
    def wait_for(condition, timeout=15.0, interval=0.05):
        end = time.monotonic() + timeout
        value = condition()
        while not value and time.monotonic() < end:
            time.sleep(interval)
            value = condition()
        return value

    def main_window(self, pid):
        """The editor window: the visible top-level whose name is not a dialog's."""
        def find():
            for wid, name in self.window_names(pid).items():
                if name:
                    return wid
            return None
        return self.wait_for(find, timeout=30)

    def shot(self, name):
        """A screenshot of the display when COPYDESK_E2E_SHOTS names a folder."""
        folder = os.environ.get("COPYDESK_E2E_SHOTS")
        if folder:
            os.makedirs(folder, exist_ok=True)
            subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)

    def key(self, *keys):
        for k in keys:
            self.xdotool("key", "--clearmodifiers", k)
            time.sleep(0.15)

    def type_text(self, text):
        # Slower than a person, so that a busy program keeps up.
        self.xdotool("type", "--delay", "50", "--clearmodifiers", text)
        time.sleep(0.3)

    @staticmethod
    def environment(tmp, settings):
        """An environment whose settings are the keyfile lines @settings."""
        config = os.path.join(tmp, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w",
                  encoding="utf-8") as f:
            f.write(f"[{settings_group()}]\n" + settings)
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
        return env

    def start(self, env, tmp, *files):
        log = open(os.path.join(tmp, "copydesk.log"), "w")
        proc = subprocess.Popen([self.copydesk, *files], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
        return proc, log

    def finish(self, proc, log, tmp):
        """Stops the program, shows what it printed, and fails on any warning
        or critical from GTK, libadwaita, GLib or Copydesk itself."""
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        log.close()
        with open(os.path.join(tmp, "copydesk.log"), encoding="utf-8", errors="replace") as f:
            output = f.read().strip()
        if output:
            print("# program output:")
            for line in output.splitlines()[-40:]:
                print(f"#   {line}")
        warnings = [line for line in output.splitlines()
                    if ("-WARNING **" in line or "-CRITICAL **" in line)
                    and not line.lstrip().startswith(("(WebKit", "(process:"))]
        self.tap(not warnings, "the program printed no warning", "\n".join(warnings))
