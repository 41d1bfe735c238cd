/**
 * `npm run build:wordpress`: zips the WordPress plugin (integrations/wordpress/recall/) into
 * dist/recall-wordpress-VERSION.zip, the file to upload under Plugins → Add New → Upload Plugin.
 * Checks first that the plugin header, its RECALL_VERSION and readme.txt's "Stable tag" agree.
 * `buildWordPressPlugin()` is exported for the WordPress test.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ZipEntry, zip } from "./lib/zip.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const pluginDir = path.join(root, "integrations", "wordpress", "recall");

async function pluginFiles(dir: string, prefix: string): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [{ name: `${prefix}/` }];
  const names = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const item of names) {
    if (item.name.startsWith(".")) continue;
    const full = path.join(dir, item.name);
    if (item.isDirectory()) entries.push(...(await pluginFiles(full, `${prefix}/${item.name}`)));
    else entries.push({ name: `${prefix}/${item.name}`, data: await readFile(full) });
  }
  return entries;
}

/** The plugin's version, after checking that the three places that state it agree. */
async function pluginVersion(): Promise<string> {
  const main = await readFile(path.join(pluginDir, "recall.php"), "utf8");
  const readme = await readFile(path.join(pluginDir, "readme.txt"), "utf8");
  const versions = {
    "recall.php header (Version:)": /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
    "recall.php RECALL_VERSION": /define\(\s*'RECALL_VERSION',\s*'([^']+)'/.exec(main)?.[1],
    "readme.txt Stable tag": /^Stable tag:\s*(\S+)/m.exec(readme)?.[1],
  };
  const found = new Set(Object.values(versions));
  const [version] = found;
  if (found.size !== 1 || !version) {
    throw new Error(`The plugin's version differs between places: ${JSON.stringify(versions)}`);
  }
  return version;
}

export async function buildWordPressPlugin(): Promise<{
  file: string;
  version: string;
  bytes: number;
}> {
  const version = await pluginVersion();
  const archive = zip(await pluginFiles(pluginDir, "recall"));
  const dist = path.join(root, "dist");
  await mkdir(dist, { recursive: true });
  const file = path.join(dist, `recall-wordpress-${version}.zip`);
  await writeFile(file, archive);
  return { file, version, bytes: archive.byteLength };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, bytes } = await buildWordPressPlugin();
  console.log(`WordPress plugin: ${path.relative(root, file)} (${(bytes / 1024).toFixed(1)} KB)`);
}
