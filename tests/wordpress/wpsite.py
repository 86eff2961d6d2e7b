#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Copydesk authors
"""A throw-away WordPress site for Copydesk's publishing tests.

The site is Debian's WordPress (/usr/share/wordpress) served by Apache with
mod_php on 127.0.0.1 and a free port, with its own MariaDB on a Unix socket,
everything in one temporary folder that is removed afterwards.

Commands:

  wpsite.py run [--no-plugin] -- CMD ARGS...
      start a site, run CMD with COPYDESK_TEST_WP_URL, COPYDESK_TEST_WP_INFO
      (site.json) and COPYDESK_TEST_WP_DIR set, stop the site, remove the
      folder and exit with CMD's status (77 when the packages are missing)
  wpsite.py start [--no-plugin] DIR   start a site in the new or empty DIR
  wpsite.py stop DIR                  stop it (DIR is left)
  wpsite.py stop-web DIR              stop only Apache
  wpsite.py start-web DIR             start Apache again on the same port
  wpsite.py php DIR [CODE]            run PHP code (or standard input) with
                                      WordPress loaded and print its output

From Python:

  with wpsite.WordPressSite(plugin=True) as site:
      status, headers, body = site.rest("GET", "wp/v2/users/me", user="author")

  site.url, site.rest_root, site.admin, site.author, site.editor, site.dir are
  site.json's keys (also site["admin"]); site.php(code) runs PHP and returns
  what it printed, site["php"] is the command; site.stop_web(),
  site.start_web(). Under `run`, wpsite.WordPressSite.from_env() is the site
  that run started (do not use it in a with block: run removes it).

site.json holds url, rest_root (url + "wp-json/"), admin/author/editor (user,
id, password: an Application Password, login_password: the account's own,
email, display_name, role), dir, port, plugin, wpsite (the command that is
this script, to which "stop-web", DIR and so on are appended), and php: the
command to which
one argument of PHP code (no <?php) is appended to run it with WordPress
loaded (as www-data when run as root, so that what it writes stays writable
for the web server). The logs of MariaDB, Apache, PHP and WordPress's
debug.log are in DIR/log.
"""

import base64
import contextlib
import ctypes
import json
import os
import pwd
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77
# Another WordPress tree can be tried with COPYDESK_TEST_WORDPRESS.
WORDPRESS = os.environ.get("COPYDESK_TEST_WORDPRESS", "/usr/share/wordpress")
APACHE = "/usr/sbin/apache2"
APACHE_MODULES = "/usr/lib/apache2/modules"
MARIADBD = "/usr/sbin/mariadbd"
INSTALL_DB = "/usr/bin/mariadb-install-db"
PHP = "/usr/bin/php"
# The system tables that mariadb-install-db would create, in its order.
MARIADB_SQL = "/usr/share/mysql"
SYSTEM_TABLES = ["mysql_system_tables.sql", "mysql_performance_tables.sql",
                 "mysql_system_tables_data.sql"]
HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.join(os.path.dirname(os.path.dirname(HERE)), "data", "wordpress", "copydesk.php")
WEB_USER = "www-data"

# Small InnoDB files: the default redo log alone is 96 MB, which is slow to
# create and pointless for a site that lives for one test.
MARIADB_OPTIONS = [
    "--innodb-log-file-size=4M",
    "--innodb-buffer-pool-size=16M",
    "--innodb-flush-log-at-trx-commit=0",
    "--innodb-doublewrite=0",
    "--skip-log-bin",
    "--skip-name-resolve",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
]

ACCOUNTS = {
    "admin": {"user": "admin", "email": "admin@example.test", "display_name": "Site Admin",
              "first_name": "Site", "last_name": "Admin", "role": "administrator"},
    "author": {"user": "ada", "email": "ada@example.test", "display_name": "Ada Reporter",
               "first_name": "Ada", "last_name": "Reporter", "role": "author"},
    "editor": {"user": "eddie", "email": "eddie@example.test", "display_name": "Eddie Editor",
               "first_name": "Eddie", "last_name": "Editor", "role": "editor"},
}


class SiteError(Exception):
    """Something went wrong starting or stopping the site."""


class Missing(SiteError):
    """A package the site needs is not installed; tests should skip."""


def missing_packages():
    """What is missing to run a site, as a list of reasons (empty when all is there)."""
    why = []
    checks = [
        (os.path.join(WORDPRESS, "wp-settings.php"), "wordpress"),
        (APACHE, "apache2"),
        (os.path.join(APACHE_MODULES, "libphp8.2.so"), "libapache2-mod-php"),
        (MARIADBD, "mariadb-server"),
        (INSTALL_DB, "mariadb-server"),
        (PHP, "php-cli"),
    ]
    for path, package in checks:
        if not os.path.exists(path):
            why.append("%s is missing (install the Debian package %s)" % (path, package))
    if not why:
        # php-mysql provides mysqli for the CLI and for Apache alike.
        found = subprocess.run([PHP, "-r", "echo extension_loaded('mysqli') ? 'yes' : 'no';"],
                               capture_output=True, text=True)
        if found.stdout.strip() != "yes":
            why.append("PHP has no mysqli extension (install the Debian package php-mysql)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(WEB_USER)
        except KeyError:
            why.append("there is no %s user for Apache to run as" % WEB_USER)
    return why


def free_port():
    """A port that is free on 127.0.0.1, below the range the kernel hands out
    to outgoing connections: the port is closed again until Apache listens
    (and between stop-web and start-web), and a client's connection on the
    loopback must not take it in the meantime."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            low = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    rng = random.SystemRandom()
    for _ in range(50 if low > 11000 else 0):
        port = rng.randrange(10000, low)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def php_string(value):
    """A PHP single-quoted string literal of value."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone.
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def searchable_by_all(folder):
    """Whether every user may pass through folder and each folder above it."""
    folder = os.path.abspath(folder)
    while True:
        try:
            if not os.stat(folder).st_mode & 0o001:
                return False
        except OSError:
            return False
        if folder == "/":
            return True
        folder = os.path.dirname(folder)


def kill_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def wait_gone(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        if not pid_alive(pid):
            return True
        time.sleep(0.02)
    return not pid_alive(pid)


def stop_apache(pid):
    """Stops Apache's parent, which stops and reaps its children first (killed
    at once they would linger as zombies until init reaps them); what is left
    after a few seconds is killed, the whole process group at once."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if not wait_gone(pid, 5):
        kill_group(pid, signal.SIGKILL)
        wait_gone(pid, 5)
    kill_group(pid, signal.SIGKILL)


def die_with_parent():
    """Make the child get SIGTERM when the process that started it dies, so
    that a site started by `run` or the Python API never outlives it."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


class WordPressSite:
    """A WordPress site in DIR (a new temporary folder when DIR is None).

    Use as a context manager, or call start() and stop(). The keys of
    site.json are attributes (url, rest_root, admin, author, editor, dir,
    port) and items (site["admin"]["password"], site["php"]); site.php is the
    method that runs PHP code. plugin=False leaves Copydesk's plugin out;
    keep=True leaves the folder after stop() for a look at its logs.
    """

    def __init__(self, plugin=True, dir=None, keep=False, bound=True):
        self.plugin = plugin
        self.own_dir = dir is None
        self.dir = os.path.abspath(dir) if dir else None
        # Whether the servers die with this process (not for `wpsite.py start`).
        self.bound = bound
        self.keep = keep
        self.info = None
        self.timings = {}

    # Paths inside the folder.
    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    @property
    def state_path(self):
        return self.path("state.json")

    def load_state(self):
        with open(self.state_path) as f:
            return json.load(f)

    def save_state(self, state):
        tmp = self.state_path + ".new"
        with open(tmp, "w") as f:
            json.dump(state, f, indent=2)
        os.replace(tmp, self.state_path)

    def __getattr__(self, name):
        info = self.__dict__.get("info")
        if info is not None and name in info:
            return info[name]
        raise AttributeError(name)

    def __getitem__(self, key):
        return self.info[key]

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop(remove=self.own_dir and not self.keep)
        return False

    # Starting.
    def start(self):
        why = missing_packages()
        if why:
            raise Missing("; ".join(why))
        started = time.monotonic()
        if self.dir is None:
            base = tempfile.gettempdir()
            if os.geteuid() == 0 and not searchable_by_all(base):
                # Apache and PHP run as www-data, which must reach the site.
                base = "/tmp"
            self.dir = tempfile.mkdtemp(prefix="copydesk-wp-", dir=base)
        else:
            os.makedirs(self.dir, exist_ok=True)
            if os.listdir(self.dir):
                raise SiteError("%s is not empty; give a new or empty folder" % self.dir)
        try:
            self.is_root = os.geteuid() == 0
            if self.is_root:
                self.check_reachable_by_web_user()
                os.chmod(self.dir, 0o755)
            self.port = free_port()
            self.url = "http://127.0.0.1:%d/" % self.port
            for sub in ("db", "run", "log", "apache", "php", "tmp"):
                os.makedirs(self.path(sub))
            self.save_state({"port": self.port, "url": self.url, "plugin": self.plugin,
                             "is_root": self.is_root})
            self.start_database()
            self.write_site()
            self.write_apache_config()
            self.wait_database()
            t = time.monotonic()
            self.install()
            self.timings["install"] = time.monotonic() - t
            self.start_web()
        except BaseException:
            # A folder of our own goes too (its logs are in the error); one
            # that was given is left for a look at log/.
            self.stop(remove=self.own_dir and not self.keep, fast=True)
            raise
        self.timings["total"] = time.monotonic() - started
        return self

    def check_reachable_by_web_user(self):
        # Apache and PHP run as www-data, which must reach the folder.
        parent = os.path.dirname(self.dir)
        if not searchable_by_all(parent):
            raise SiteError("%s is not reachable for %s, which Apache runs as; give a folder "
                            "it can reach, such as one in /tmp" % (self.dir, WEB_USER))

    def spawn(self, argv, log, **kwargs):
        out = open(self.path("log", log), "ab")
        preexec = die_with_parent if self.bound else None
        try:
            return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                    start_new_session=True, preexec_fn=preexec, **kwargs)
        finally:
            out.close()

    def start_database(self):
        t = time.monotonic()
        # MariaDB's temporary tables go in the site's folder, not in a /tmp
        # shared with everything else.
        user = ["--user=root"] if self.is_root else []
        user.append("--tmpdir=" + self.path("tmp"))
        if all(os.path.exists(os.path.join(MARIADB_SQL, f)) for f in SYSTEM_TABLES):
            # What mariadb-install-db does, less the help tables and the sys
            # schema, which are most of its time and which WordPress never uses.
            sql = ["CREATE DATABASE IF NOT EXISTS mysql;\nUSE mysql;\n"
                   "SET @auth_root_socket='%s';\n" % pwd.getpwuid(os.geteuid()).pw_name]
            for name in SYSTEM_TABLES:
                with open(os.path.join(MARIADB_SQL, name)) as f:
                    sql.append(f.read())
            done = subprocess.run(
                [MARIADBD, "--no-defaults", "--bootstrap", "--datadir=" + self.path("db"),
                 "--log-warnings=0", "--enforce-storage-engine=", "--max-allowed-packet=8M"]
                + user + MARIADB_OPTIONS,
                input="\n".join(sql).encode(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            what = "mariadbd --bootstrap"
        else:
            done = subprocess.run(
                [INSTALL_DB, "--no-defaults", "--datadir=" + self.path("db"),
                 "--auth-root-authentication-method=socket", "--skip-test-db"]
                + user + MARIADB_OPTIONS,
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            what = "mariadb-install-db"
        if done.returncode != 0:
            raise SiteError("%s failed:\n%s" % (what, done.stdout.decode(errors="replace")[-4000:]))
        self.timings["install-db"] = time.monotonic() - t
        self.db_password = secrets.token_hex(12)
        with open(self.path("run", "init.sql"), "w") as f:
            f.write("CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4;\n"
                    "CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '%s';\n"
                    "GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';\n" % self.db_password)
        self.db_start = time.monotonic()
        proc = self.spawn(
            [MARIADBD, "--no-defaults", "--datadir=" + self.path("db"),
             "--socket=" + self.path("run", "mysqld.sock"),
             "--pid-file=" + self.path("run", "mariadbd.pid"),
             "--skip-networking", "--init-file=" + self.path("run", "init.sql"),
             "--log-error=" + self.path("log", "mariadbd.err")]
            + user + MARIADB_OPTIONS,
            "mariadbd.out")
        self.db_proc = proc
        state = self.load_state()
        state["mariadbd"] = proc.pid
        state["db_password"] = self.db_password
        self.save_state(state)

    def wait_database(self):
        sock = self.path("run", "mysqld.sock")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.db_proc.poll() is not None:
                raise SiteError("mariadbd stopped at start-up:\n" + self.read_log("mariadbd.err"))
            if os.path.exists(sock):
                with socket.socket(socket.AF_UNIX) as s:
                    try:
                        s.connect(sock)
                        # The init file has run once the server takes connections.
                        self.timings["database"] = time.monotonic() - self.db_start
                        return
                    except OSError:
                        pass
            time.sleep(0.02)
        raise SiteError("mariadbd did not start within 60 s:\n" + self.read_log("mariadbd.err"))

    def read_log(self, name):
        try:
            with open(self.path("log", name), errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return "(no %s)" % name

    def write_site(self):
        site = self.path("site")
        os.makedirs(site)
        for name in os.listdir(WORDPRESS):
            if name in ("wp-config.php", "wp-content"):
                continue
            os.symlink(os.path.join(WORDPRESS, name), os.path.join(site, name))
        content = os.path.join(site, "wp-content")
        for sub in ("plugins", "mu-plugins", "themes", "uploads", "upgrade"):
            os.makedirs(os.path.join(content, sub))
        # Debian's themes (packaged separately, as wordpress-theme-*), if any,
        # and a small theme of our own that is always there and is the one used.
        themes = os.path.join(WORDPRESS, "wp-content", "themes")
        for name in sorted(os.listdir(themes)) if os.path.isdir(themes) else []:
            if os.path.isdir(os.path.join(themes, name)):
                os.symlink(os.path.join(themes, name), os.path.join(content, "themes", name))
        self.write_theme(os.path.join(content, "themes", "copydesk-test"))
        if self.plugin:
            if not os.path.exists(PLUGIN):
                raise SiteError("the plugin %s is missing" % PLUGIN)
            shutil.copy(PLUGIN, os.path.join(content, "mu-plugins", "copydesk.php"))

        salts = "".join("define(%s, %s);\n" % (php_string(k), php_string(secrets.token_hex(32)))
                        for k in ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                                  "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"))
        url = self.url.rstrip("/")
        with open(os.path.join(site, "wp-config.php"), "w") as f:
            f.write("""<?php
// A throw-away site for Copydesk's tests, written by tests/wordpress/wpsite.py.
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', %(site)s . '/' );
}
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', %(dbpass)s );
define( 'DB_HOST', 'localhost:' . %(sock)s );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
%(salts)s$table_prefix = 'wp_';
// Application Passwords need https unless the site says it is a local one.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_HOME', %(url)s );
define( 'WP_SITEURL', %(url)s );
define( 'WP_CONTENT_DIR', %(site)s . '/wp-content' );
define( 'WP_CONTENT_URL', %(url)s . '/wp-content' );
define( 'WP_DEFAULT_THEME', 'copydesk-test' );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
// Tests must never wait for the network; the site itself stays reachable.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', %(debuglog)s );
require_once ABSPATH . 'wp-settings.php';
""" % {"site": php_string(site), "dbpass": php_string(self.db_password),
                "sock": php_string(self.path("run", "mysqld.sock")), "salts": salts,
                "url": php_string(url), "debuglog": php_string(self.path("log", "wp-debug.log"))})

        # WordPress's entry points are symlinks into /usr/share/wordpress, and
        # PHP resolves __FILE__ through them; wp-load.php would then take
        # Debian's wp-config.php. Defining ABSPATH first keeps it here.
        with open(self.path("php", "prepend.php"), "w") as f:
            f.write("<?php\nif ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', %s );\n}\n"
                    % php_string(site + "/"))
        with open(self.path("php", "run.php"), "w") as f:
            f.write("""<?php
// Runs the PHP code given as the first argument (or on standard input) with
// WordPress loaded, as a request to the site's front page would have it.
$_SERVER['HTTP_HOST'] = %(host)s;
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = %(port)s;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
$copydesk_code = isset( $argv[1] ) ? $argv[1] : stream_get_contents( STDIN );
if ( getenv( 'COPYDESK_WP_INSTALLING' ) ) {
	define( 'WP_INSTALLING', true );
}
require_once %(prepend)s;
require_once %(load)s;
eval( $copydesk_code );
""" % {"host": php_string("127.0.0.1:%d" % self.port), "port": php_string(str(self.port)),
                "load": php_string(site + "/wp-load.php"),
                "prepend": php_string(self.path("php", "prepend.php"))})

        if self.is_root:
            web = pwd.getpwnam(WEB_USER)
            for sub in ("site", "php", "log"):
                os.chmod(self.path(sub), 0o755)
            # The web server writes uploads; PHP run by the tests writes as it.
            for root, dirs, files in os.walk(content):
                for name in dirs + files:
                    os.lchown(os.path.join(root, name), web.pw_uid, web.pw_gid)
            os.chown(content, web.pw_uid, web.pw_gid)
            open(self.path("log", "wp-debug.log"), "a").close()
            os.chown(self.path("log", "wp-debug.log"), web.pw_uid, web.pw_gid)

    def write_theme(self, folder):
        os.makedirs(folder)
        with open(os.path.join(folder, "style.css"), "w") as f:
            f.write("/*\nTheme Name: Copydesk Test\nDescription: The smallest classic theme "
                    "that renders posts, for Copydesk's tests.\nVersion: 1.0\n"
                    "License: GPL-3.0-or-later\n*/\n")
        with open(os.path.join(folder, "functions.php"), "w") as f:
            f.write("<?php\nadd_action( 'after_setup_theme', function () {\n"
                    "\tadd_theme_support( 'title-tag' );\n} );\n")
        with open(os.path.join(folder, "index.php"), "w") as f:
            f.write("""<!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="<?php bloginfo( 'charset' ); ?>">
<?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?>>
<h1 class="entry-title"><?php the_title(); ?></h1>
<p class="byline"><?php the_author(); ?></p>
<div class="entry-content"><?php the_content(); ?></div>
</article>
<?php endwhile; ?>
<?php wp_footer(); ?>
</body>
</html>
""")

    def write_apache_config(self):
        site = self.path("site")
        modules = ["mpm_prefork", "authz_core", "authz_host", "dir", "mime", "rewrite",
                   "env", "setenvif", "headers"]
        loads = "".join("LoadModule %s_module %s/mod_%s.so\n" % (m, APACHE_MODULES, m)
                        for m in modules)
        user = "User %s\nGroup %s\n" % (WEB_USER, WEB_USER) if self.is_root else ""
        with open(self.path("apache", "httpd.conf"), "w") as f:
            f.write("""# A throw-away site for Copydesk's tests, written by tests/wordpress/wpsite.py.
ServerRoot %(apache)s
%(loads)sLoadModule php_module %(modules)s/libphp8.2.so
%(user)sServerName 127.0.0.1
Listen 127.0.0.1:%(port)d
PidFile %(apache)s/httpd.pid
DefaultRuntimeDir %(apache)s
Mutex file:%(apache)s default
ErrorLog %(log)s/apache-error.log
LogFormat "%%h %%t \\"%%r\\" %%>s %%b %%D" short
CustomLog %(log)s/apache-access.log short
LogLevel warn
TypesConfig /etc/mime.types
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 16
KeepAlive On
Timeout 60
DocumentRoot %(site)s
DirectoryIndex index.php index.html
AddType application/x-httpd-php .php
<FilesMatch "\\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
php_admin_value auto_prepend_file %(prepend)s
php_admin_value upload_max_filesize 64M
php_admin_value post_max_size 64M
php_admin_value display_errors Off
# Tests change PHP files of the site while it runs (a mu-plugin, wp-config.php);
# the opcode cache must see that at once, not after its default 2 seconds.
php_admin_value opcache.revalidate_freq 0
php_admin_value log_errors On
php_admin_value error_log %(log)s/php-error.log
<Directory />
    Options None
    AllowOverride None
    Require all denied
</Directory>
<Directory %(site)s>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
    RewriteEngine On
    RewriteBase /
    # Pass the Authorization header on to PHP as WordPress's setups do.
    RewriteRule .* - [E=HTTP_AUTHORIZATION:%%{HTTP:Authorization}]
    RewriteRule ^index\\.php$ - [L]
    RewriteCond %%{REQUEST_FILENAME} !-f
    RewriteCond %%{REQUEST_FILENAME} !-d
    RewriteRule . /index.php [L]
</Directory>
<Directory /usr/share>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
<Directory /var/lib/wordpress>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
""" % {"apache": self.path("apache"), "loads": loads, "modules": APACHE_MODULES,
                "user": user, "port": self.port, "log": self.path("log"), "site": site,
                "prepend": self.path("php", "prepend.php")})
        if self.is_root:
            # Apache's children write the error log opened by the parent, but
            # PHP opens its own log as www-data.
            web = pwd.getpwnam(WEB_USER)
            open(self.path("log", "php-error.log"), "a").close()
            os.chown(self.path("log", "php-error.log"), web.pw_uid, web.pw_gid)

    def php_command(self):
        """The command that runs the PHP code appended as one argument."""
        prefix = []
        if self.load_state().get("is_root"):
            prefix = ["setpriv", "--reuid=" + WEB_USER, "--regid=" + WEB_USER,
                      "--init-groups", "--"]
        return prefix + [PHP, "-d", "display_errors=stderr", "-d", "error_reporting=E_ALL & ~E_DEPRECATED",
                         self.path("php", "run.php")]

    def php(self, code, check=True, env=None):
        """Runs PHP code with WordPress loaded; returns what it printed."""
        full_env = dict(os.environ)
        full_env.update(env or {})
        done = subprocess.run(self.php_command() + [code], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, env=full_env, cwd=self.path("site"))
        if check and done.returncode != 0:
            raise SiteError("PHP failed (%d):\n%s\n%s" % (done.returncode, done.stdout, done.stderr))
        return done.stdout

    def install(self):
        accounts = {}
        for key, account in ACCOUNTS.items():
            accounts[key] = dict(account, login_password=secrets.token_urlsafe(18))
        code = """
// No mail, and no requests to the site while it is being installed.
function wp_new_blog_notification() {}
add_filter( 'pre_http_request', function () { return new WP_Error( 'copydesk_offline', 'offline' ); } );
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$accounts = json_decode( %(accounts)s, true );
$admin = $accounts['admin'];
$result = wp_install( 'Copydesk Test Site', $admin['user'], $admin['email'], true, '',
                      wp_slash( $admin['login_password'] ), 'en_US' );
update_option( 'permalink_structure', '/%%year%%/%%monthnum%%/%%postname%%/' );
update_option( 'timezone_string', 'Europe/Berlin' );
update_option( 'gmt_offset', '' );
update_option( 'blogdescription', 'Where Copydesk publishes in its tests' );
$out = array();
foreach ( $accounts as $key => $a ) {
	if ( 'admin' === $key ) {
		$id = (int) $result['user_id'];
	} else {
		$id = wp_insert_user( array(
			'user_login' => $a['user'],
			'user_email' => $a['email'],
			'user_pass'  => $a['login_password'],
			'role'       => $a['role'],
		) );
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() );
			exit( 1 );
		}
	}
	wp_update_user( array(
		'ID'           => $id,
		'display_name' => $a['display_name'],
		'nickname'     => $a['display_name'],
		'first_name'   => $a['first_name'],
		'last_name'    => $a['last_name'],
	) );
	list( $password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'Copydesk tests' ) );
	$out[ $key ] = array( 'id' => $id, 'password' => $password );
}
flush_rewrite_rules( false );
echo wp_json_encode( $out );
""" % {"accounts": php_string(json.dumps(accounts))}
        out = self.php(code, env={"COPYDESK_WP_INSTALLING": "1"})
        try:
            made = json.loads(out.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise SiteError("the WordPress installation printed no result:\n" + out)
        info = {"url": self.url, "rest_root": self.url + "wp-json/"}
        for key, account in accounts.items():
            info[key] = {"user": account["user"], "id": made[key]["id"],
                         "password": made[key]["password"],
                         "login_password": account["login_password"],
                         "email": account["email"], "display_name": account["display_name"],
                         "role": account["role"]}
        info["dir"] = self.dir
        info["php"] = self.php_command()
        info["port"] = self.port
        # How a test in another language runs stop-web, start-web or php.
        info["wpsite"] = ["/usr/bin/python3", os.path.abspath(__file__)]
        info["plugin"] = self.plugin
        tmp = self.path("site.json.new")
        with open(tmp, "w") as f:
            json.dump(info, f, indent=2)
            f.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, self.path("site.json"))
        self.info = info

    def attach(self):
        """Reads site.json of a site started earlier in self.dir."""
        state = self.load_state()
        self.port = state["port"]
        self.url = state["url"]
        self.is_root = state.get("is_root", False)
        with open(self.path("site.json")) as f:
            self.info = json.load(f)
        return self

    @classmethod
    def from_env(cls):
        """The site that `wpsite.py run` started for this process, from
        COPYDESK_TEST_WP_DIR; stop() leaves it to `run` to remove."""
        folder = os.environ.get("COPYDESK_TEST_WP_DIR")
        if not folder:
            raise SiteError("COPYDESK_TEST_WP_DIR is not set; run under wpsite.py run")
        site = cls(dir=folder, bound=False)
        site.own_dir = False
        return site.attach()

    # The web server.
    def start_web(self):
        t = time.monotonic()
        state = self.load_state()
        port = state["port"]
        if state.get("apache") and pid_alive(state["apache"]):
            raise SiteError("Apache is already running for %s" % self.dir)
        proc = self.spawn([APACHE, "-f", self.path("apache", "httpd.conf"), "-DFOREGROUND"],
                          "apache.out")
        deadline = time.monotonic() + 30
        while not port_open(port):
            if proc.poll() is not None:
                raise SiteError("Apache stopped at start-up:\n" + self.read_log("apache.out")
                                + self.read_log("apache-error.log"))
            if time.monotonic() > deadline:
                raise SiteError("Apache did not listen on port %d within 30 s" % port)
            time.sleep(0.01)
        state["apache"] = proc.pid
        self.save_state(state)
        self.timings["web"] = time.monotonic() - t

    def stop_web(self):
        state = self.load_state()
        pid = state.pop("apache", None)
        if pid:
            stop_apache(pid)
        deadline = time.monotonic() + 10
        while port_open(state["port"]) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.save_state(state)

    def stop(self, remove=True, fast=False):
        """Stops Apache and MariaDB (MariaDB at once: the site is thrown away)
        and, when remove is true, removes the folder. fast kills Apache at
        once too, for a caller that reaps what is orphaned (see run)."""
        if self.dir is None or not os.path.exists(self.state_path):
            if remove and self.dir and self.own_dir:
                shutil.rmtree(self.dir, ignore_errors=True)
            return
        state = self.load_state()
        apache = state.pop("apache", None)
        mariadbd = state.pop("mariadbd", None)
        if mariadbd:
            kill_group(mariadbd, signal.SIGKILL)
        if apache:
            if fast:
                kill_group(apache, signal.SIGKILL)
                wait_gone(apache, 5)
            else:
                stop_apache(apache)
        if mariadbd:
            wait_gone(mariadbd, 10)
        self.save_state(state)
        if remove:
            shutil.rmtree(self.dir, ignore_errors=True)

    # HTTP.
    def rest(self, method, path, user="admin", json=None, data=None, headers=None, timeout=60):
        """A REST request; path is relative to rest_root (a leading / is
        allowed) or a full URL. user is "admin", "author", "editor", None for
        no authentication, or a (user name, password) pair. Returns (status,
        headers, body): body parsed as JSON when it is JSON, bytes otherwise."""
        url = path if "://" in path else self.info["rest_root"] + path.lstrip("/")
        hdrs = dict(headers or {})
        body = data
        if json is not None:
            body = _json_dumps(json).encode()
            hdrs.setdefault("Content-Type", "application/json")
        elif isinstance(data, str):
            body = data.encode()
        if user is not None:
            if isinstance(user, (tuple, list)):
                name, password = user
            else:
                name, password = self.info[user]["user"], self.info[user]["password"]
            token = base64.b64encode(("%s:%s" % (name, password)).encode()).decode()
            hdrs.setdefault("Authorization", "Basic " + token)
        return http_request(method, url, body, hdrs, timeout)


_json_dumps = json.dumps


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_request(method, url, body=None, headers=None, timeout=60, follow=True):
    """One HTTP request; returns (status, headers, JSON or bytes). HTTP error
    statuses are returned, not raised; connection errors raise URLError."""
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    opener = urllib.request.build_opener(*([] if follow else [_NoRedirect()]))
    try:
        with opener.open(request, timeout=timeout) as response:
            status, hdrs, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    content_type = hdrs.get("Content-Type", "")
    if "json" in content_type:
        try:
            return status, hdrs, json.loads(raw.decode("utf-8"))
        except ValueError:
            pass
    return status, hdrs, raw


def reap_orphans(groups=(), timeout=2):
    """Reaps the exited processes handed to us as subreaper, waiting up to
    timeout for every process of the given process groups to be gone."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            while os.waitpid(-1, os.WNOHANG)[0] != 0:
                pass
        except ChildProcessError:
            pass
        left = []
        for pgid in groups:
            try:
                os.killpg(pgid, 0)
                left.append(pgid)
            except (ProcessLookupError, PermissionError):
                pass
        if not left or time.monotonic() > deadline:
            return
        time.sleep(0.01)


def run(argv, plugin):
    # An Apache that the command restarts through `wpsite.py start-web` is
    # orphaned when that exits; as subreaper this process becomes its parent,
    # so that it is reaped here once stopped rather than left a zombie.
    PR_SET_CHILD_SUBREAPER = 36
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    site = WordPressSite(plugin=plugin)
    child = None
    caught = []

    def on_signal(signum, frame):
        caught.append(signum)
        if child is not None and child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                child.send_signal(signum)
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)
    status = 1
    try:
        try:
            site.start()
        except Missing as e:
            print("wpsite: skipped: %s" % e, file=sys.stderr)
            return SKIP
        t = site.timings
        print("wpsite: %s up in %.1f s (install-db %.1f, database %.1f, WordPress %.1f, "
              "Apache %.1f) in %s" % (site.url, t["total"], t.get("install-db", 0),
                                       t.get("database", 0), t.get("install", 0), t.get("web", 0),
                                       site.dir), file=sys.stderr)
        env = dict(os.environ, COPYDESK_TEST_WP_URL=site.url,
                   COPYDESK_TEST_WP_INFO=site.path("site.json"), COPYDESK_TEST_WP_DIR=site.dir)
        child = subprocess.Popen(argv, env=env)
        status = child.wait()
        if status < 0:
            status = 128 - status
    except KeyboardInterrupt:
        status = 128 + (caught[0] if caught else signal.SIGINT)
    except SiteError as e:
        print("wpsite: %s" % e, file=sys.stderr)
        status = 1
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        t = time.monotonic()
        groups = []
        if site.dir and os.path.exists(site.state_path):
            state = site.load_state()
            groups = [state[k] for k in ("apache", "mariadbd") if state.get(k)]
        # Quick, since meson kills the whole test with SIGKILL half a second
        # after SIGTERM: the servers are killed, not shut down.
        site.stop(remove=True, fast=True)
        reap_orphans(groups)
        if site.dir:
            print("wpsite: stopped and removed in %.2f s" % (time.monotonic() - t), file=sys.stderr)
        if child is not None and child.poll() is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=0.2)
    return status


USAGE = """usage: wpsite.py run [--no-plugin] -- CMD ARGS...
       wpsite.py start [--no-plugin] DIR
       wpsite.py stop DIR
       wpsite.py stop-web DIR
       wpsite.py start-web DIR
       wpsite.py php DIR [CODE]"""


def main(args):
    if not args:
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = args[0], args[1:]
    plugin = True
    if rest and rest[0] == "--no-plugin":
        plugin = False
        rest = rest[1:]
    try:
        if command == "run":
            if rest and rest[0] == "--":
                rest = rest[1:]
            if not rest:
                print(USAGE, file=sys.stderr)
                return 2
            return run(rest, plugin)
        if len(rest) < 1:
            print(USAGE, file=sys.stderr)
            return 2
        site = WordPressSite(plugin=plugin, dir=rest[0], bound=False)
        if command == "start":
            site.start()
            print(site.path("site.json"))
            print("wpsite: %s up in %.1f s" % (site.url, site.timings["total"]), file=sys.stderr)
            return 0
        if not os.path.exists(site.state_path):
            print("wpsite: %s has no site (no state.json)" % site.dir, file=sys.stderr)
            return 1
        if command == "stop":
            site.stop(remove=False)
        elif command == "stop-web":
            site.stop_web()
        elif command == "start-web":
            site.attach()
            site.start_web()
        elif command == "php":
            site.attach()
            code = rest[1] if len(rest) > 1 else sys.stdin.read()
            done = subprocess.run(site.php_command() + [code], cwd=site.path("site"))
            return done.returncode
        else:
            print(USAGE, file=sys.stderr)
            return 2
    except Missing as e:
        print("wpsite: skipped: %s" % e, file=sys.stderr)
        return SKIP
    except SiteError as e:
        print("wpsite: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
