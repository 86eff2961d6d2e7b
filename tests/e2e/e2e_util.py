# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""What the end-to-end tests share: TAP output, xdotool, and starting the
real copydesk program in a private home with its own settings."""

import os
import subprocess
import time


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

    def warm_up_keymap(self):
        """xdotool types a character missing from the keymap by remapping a
        spare key; on a busy machine the program may see the first such key
        before it has taken the new map, and drop it. One typed and erased in
        the focused field first keeps the story's own text whole."""
        self.xdotool("type", "--delay", "50", "--clearmodifiers", "ä")
        time.sleep(0.5)
        self.key("BackSpace")

    def type_text(self, text):
        # Slower than a person: faster, xdotool's remapped keys can be dropped.
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
