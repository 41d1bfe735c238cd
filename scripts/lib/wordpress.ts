/**
 * A real WordPress for the plugin's end-to-end test (test/e2e/wordpress.test.ts): Debian's
 * packages (WordPress 6.1, MariaDB, Apache with mod_php, the two default themes), installed with
 * apt when missing and the test runs as root with apt, as scripts/lib/chromium.ts does for the
 * browser; otherwise the test skips and says which command would let it run.
 *
 * Each start is private and leaves nothing behind: its own MariaDB server (own data folder and
 * socket, no network), its own Apache on a free port of 127.0.0.1 (own configuration, logs and
 * pid file; the system's services are neither used nor started), its own wp-content (the themes
 * linked from the package, empty plugins and uploads), and one host config file in
 * /etc/wordpress (where Debian's wp-config.php looks, chosen by the WORDPRESS_CONFIG variable).
 * `stop()` ends both servers and removes all of it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const wordpressPackages = [
  "wordpress",
  "mariadb-server",
  "apache2",
  "libapache2-mod-php",
  "php-mysql",
  "wordpress-theme-twentytwentythree",
  "wordpress-theme-twentytwentyone",
] as const;

const installCommand = `sudo apt-get install -y ${wordpressPackages.join(" ")}`;
const wordpressRoot = "/usr/share/wordpress";
const configDir = "/etc/wordpress";
const apacheModules = "/usr/lib/apache2/modules";
/** Apache drops to this user; it must read WordPress and write the private wp-content. */
const webUser = "www-data";

function missingPackages(): string[] {
  return wordpressPackages.filter((name) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax.
    const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
    return result.status !== 0 || !result.stdout.includes("install ok installed");
  });
}

const canInstallWithApt = () => process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");

/**
 * Whether the test can have a WordPress, decided without installing anything (so at collection
 * time): the packages are there, or they can be installed here. `reason` says why not.
 */
export function wordpressAvailability(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== "linux" || !existsSync("/usr/bin/dpkg-query"))
    return { ok: false, reason: "it needs Debian's packages (a Debian or Ubuntu machine)." };
  const missing = missingPackages();
  if (missing.length === 0) {
    if (process.getuid?.() !== 0)
      return {
        ok: false,
        reason: `it starts Apache, which drops to ${webUser}, and writes a host config in ${configDir}: run the tests as root.`,
      };
    return { ok: true };
  }
  if (!canInstallWithApt())
    return {
      ok: false,
      reason: `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed: run \`${installCommand}\` (or \`npm test\` as root with apt), then the tests again.`,
    };
  return { ok: true };
}

function apt(args: string[]): boolean {
  const result = spawnSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** Installs the missing packages (root with apt only); throws with the command to run otherwise. */
export function ensureWordPressPackages(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (!canInstallWithApt()) throw new Error(`Run \`${installCommand}\` first.`);
  console.log(`  WordPress e2e: installing Debian's ${missing.join(", ")} (apt-get)…`);
  const args = ["install", "-y", "-qq", "--no-install-recommends", ...missing];
  if (!apt(args)) {
    // A fresh machine's package lists may be missing or stale.
    apt(["update", "-qq"]);
    apt(args);
  }
  const still = missingPackages();
  if (still.length > 0)
    throw new Error(
      `Installing ${still.join(", ")} with apt failed (see above): ${installCommand}`,
    );
}

export interface WordPressSite {
  /** `http://127.0.0.1:PORT`, the blog's home. */
  origin: string;
  admin: { user: string; password: string };
  /** Runs PHP with WordPress loaded (as the CLI, not as a visitor) and returns what it printed. */
  php(code: string): string;
  /** The private wp-content folder (plugins/, themes/, uploads/). */
  contentDir: string;
  /** Apache's and MariaDB's logs, for a failing test's message. */
  logs(): Promise<string>;
  /** Apache's whole error log, where PHP logs every error, warning, notice and deprecation. */
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, ready: () => Promise<boolean>, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within 60 s`);
}

const socketAnswers = (socket: string) =>
  new Promise<boolean>((resolve) => {
    const connection = net.connect(socket);
    connection.once("connect", () => {
      connection.destroy();
      resolve(true);
    });
    connection.once("error", () => resolve(false));
  });

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: "utf8", input });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

const phpString = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Starts a fresh WordPress (installed, plain permalinks, no plugins active). */
export async function startWordPress(): Promise<WordPressSite> {
  ensureWordPressPackages();
  const dir = await mkdtemp(path.join(os.tmpdir(), "recall-wordpress-"));
  // Apache's user must reach the database socket and wp-content inside.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configName = `recall-e2e-${port}`;
  const configFile = path.join(configDir, `config-${configName}.php`);
  const socket = path.join(dir, "mysqld.sock");
  const contentDir = path.join(dir, "wp-content");
  const admin = { user: "admin", password: randomBytes(12).toString("base64url") };
  const dbPassword = randomBytes(12).toString("hex");
  let mariadb: ChildProcess | undefined;
  let apache: ChildProcess | undefined;

  const stop = async () => {
    await stopChild(apache);
    await stopChild(mariadb);
    await rm(configFile, { force: true });
    await rm(dir, { recursive: true, force: true });
  };
  const logs = async () => {
    const parts: string[] = [];
    for (const name of ["apache-error.log", "mariadb.log"]) {
      const text = await readFile(path.join(dir, name), "utf8").catch(() => "");
      parts.push(`--- ${name}\n${text.slice(-4000)}`);
    }
    return parts.join("\n");
  };

  try {
    // MariaDB: a data folder of its own, reachable only through its socket.
    const data = path.join(dir, "db");
    run("mariadb-install-db", [
      "--no-defaults",
      `--datadir=${data}`,
      "--user=root",
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
    ]);
    // Daemons live in /usr/sbin, which a user's PATH (or CI's) may not hold.
    mariadb = spawn(
      "/usr/sbin/mariadbd",
      [
        "--no-defaults",
        "--user=root",
        `--datadir=${data}`,
        `--socket=${socket}`,
        "--skip-networking",
        `--pid-file=${path.join(dir, "mariadb.pid")}`,
        `--log-error=${path.join(dir, "mariadb.log")}`,
      ],
      { stdio: "ignore", detached: true },
    );
    await waitFor("MariaDB", () => socketAnswers(socket), mariadb);
    run(
      "mariadb",
      ["--no-defaults", `--socket=${socket}`, "-uroot"],
      `CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`,
    );

    // wp-content: the packaged themes, and room for the plugin upload.
    for (const sub of ["themes", "plugins", "uploads", "upgrade"])
      await mkdir(path.join(contentDir, sub), { recursive: true });
    for (const theme of ["twentytwentythree", "twentytwentyone"])
      await symlink(
        path.join(wordpressRoot, "wp-content", "themes", theme),
        path.join(contentDir, "themes", theme),
      );
    const web = spawnSync("id", ["-u", webUser], { encoding: "utf8" });
    const webGroup = spawnSync("id", ["-g", webUser], { encoding: "utf8" });
    chownTree(contentDir, Number(web.stdout.trim()), Number(webGroup.stdout.trim()));

    const salts = ["AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"]
      .flatMap((k) => [`${k}_KEY`, `${k}_SALT`])
      .map((name) => `define('${name}', '${randomBytes(24).toString("hex")}');`)
      .join("\n");
    await writeFile(
      configFile,
      `<?php
// Written by Recall's WordPress e2e test (scripts/lib/wordpress.ts); removed when it stops.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${dbPassword}');
define('DB_HOST', 'localhost:${socket}');
define('WP_HOME', '${origin}');
define('WP_SITEURL', '${origin}');
define('WP_CONTENT_DIR', '${contentDir}');
define('WP_CONTENT_URL', '${origin}/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
// Every PHP notice and deprecation goes to Apache's error log, none into the pages.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
// No update checks or other calls out: only this machine.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
${salts}
`,
      { mode: 0o644 },
    );

    await writeFile(
      path.join(dir, "httpd.conf"),
      `ServerRoot "/etc/apache2"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
DefaultRuntimeDir ${dir}
ErrorLog ${dir}/apache-error.log
LogLevel warn
User ${webUser}
Group ${webUser}
${["mpm_prefork", "authz_core", "dir", "mime", "alias", "env"].map((m) => `LoadModule ${m}_module ${apacheModules}/mod_${m}.so`).join("\n")}
LoadModule php_module ${apacheModules}/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
SetEnv WORDPRESS_CONFIG ${configName}
DocumentRoot ${wordpressRoot}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${wordpressRoot}>
  Options FollowSymLinks
  DirectoryIndex index.php
  Require all granted
</Directory>
Alias /wp-content ${contentDir}
<Directory ${contentDir}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content/themes>
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`,
    );
    // Its own process group: Apache's prefork signals its whole group when it stops.
    apache = spawn("/usr/sbin/apache2", ["-f", path.join(dir, "httpd.conf"), "-DFOREGROUND"], {
      stdio: "ignore",
      detached: true,
      env: { ...process.env, APACHE_LOG_DIR: dir },
    });
    await waitFor(
      "Apache",
      async () => {
        try {
          return (await fetch(`${origin}/wp-admin/install.php`)).status === 200;
        } catch {
          return false;
        }
      },
      apache,
    );

    // WordPress's own installer, as a new blogger runs it.
    const installed = await fetch(`${origin}/wp-admin/install.php?step=2`, {
      method: "POST",
      body: new URLSearchParams({
        weblog_title: "Recall test blog",
        user_name: admin.user,
        admin_password: admin.password,
        admin_password2: admin.password,
        pw_weak: "1",
        admin_email: "admin@example.invalid",
        blog_public: "0",
        language: "",
      }),
    });
    const page = await installed.text();
    if (installed.status !== 200 || !page.includes("Success!"))
      throw new Error(
        `WordPress's installer failed (${installed.status}):\n${page.slice(0, 2000)}`,
      );
  } catch (err) {
    const detail = await logs();
    await stop();
    throw new Error(`${(err as Error).message}\n${detail}`);
  }

  return {
    origin,
    admin,
    contentDir,
    php(code) {
      const script = `require ${phpString(path.join(wordpressRoot, "wp-load.php"))};\n${code}`;
      const result = spawnSync("php", ["-d", "display_errors=stderr", "-r", script], {
        encoding: "utf8",
        env: { ...process.env, WORDPRESS_CONFIG: configName, HTTP_HOST: `127.0.0.1:${port}` },
      });
      if (result.status !== 0)
        throw new Error(`PHP failed (${result.status}):\n${result.stdout}${result.stderr}`);
      return result.stdout;
    },
    logs,
    errorLog: () => readFile(path.join(dir, "apache-error.log"), "utf8"),
    stop,
  };
}
