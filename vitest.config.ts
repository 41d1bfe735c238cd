// Three kinds of tests: worker tests inside workerd with a real local D1 (migrations applied in a
// setup file), pure questions tests in Node, and end-to-end tests driving Chromium against `wrangler dev`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
// Type-only, so that tsconfig.node.json checks this Node globalSetup too (the worker tests' tsconfig excludes it).
import type {} from "./test/worker/sites-pages-server.ts";

/** A real WordPress 6.1 page kept outside the repo (`../shared`); "" when a clone lacks it. */
const sharedWordPressPage = path.join(
  import.meta.dirname,
  "../shared/fixtures/wordpress-6.1-twentytwentythree-post.html",
);

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          test: {
            name: "questions",
            include: ["test/questions/**/*.test.ts"],
            environment: "node",
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ADMIN_TOKEN: "test-admin-token-Qm7Zr2Xv9Lp4Wk8N",
                  TEST_WORDPRESS_61_PAGE: existsSync(sharedWordPressPage)
                    ? readFileSync(sharedWordPressPage, "utf8")
                    : "",
                },
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            setupFiles: ["test/worker/apply-migrations.ts"],
            globalSetup: ["test/worker/sites-pages-server.ts"],
          },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
