/**
 * Fails when worker/db/schema.ts and the committed migrations disagree: drizzle-kit generates
 * into a copy of migrations/, and any new file means a migration is missing.
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { root } from "./lib/wrangler.ts";

const committed = path.join(root, "migrations");
// drizzle-kit only takes an output folder relative to the project, so the copy lives in .wrangler/.
await mkdir(path.join(root, ".wrangler", "tmp"), { recursive: true });
const scratch = await mkdtemp(path.join(root, ".wrangler", "tmp", "migrations-check-"));
try {
  await cp(committed, scratch, { recursive: true });
  const before = new Set(await readdir(scratch, { recursive: true }));
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "drizzle-kit", "bin.cjs"),
      "generate",
      "--dialect=sqlite",
      "--schema=./worker/db/schema.ts",
      `--out=${path.relative(root, scratch)}`,
    ],
    { cwd: root, encoding: "utf8" },
  );
  // drizzle-kit can exit 0 after an error, so its output is checked too.
  if (result.status !== 0 || /\bError\b/.test(result.stderr)) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const added = (await readdir(scratch, { recursive: true })).filter((f) => !before.has(f));
  if (added.length > 0) {
    console.error(
      `The schema changed without a migration: drizzle-kit would add ${added.join(", ")}.\n` +
        "Run `npm run db:generate` and commit the new migration.",
    );
    process.exit(1);
  }
  console.log("Migrations match worker/db/schema.ts.");
} finally {
  await rm(scratch, { recursive: true, force: true });
}
