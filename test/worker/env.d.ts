// Test-only bindings added in vitest.config.ts (the worker's own come from worker/worker-configuration.d.ts), and the worker's exports for `exports.default`.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** The real WordPress 6.1 page from `../shared/fixtures/`, or "" when this clone lacks it. */
    TEST_WORDPRESS_61_PAGE: string;
  }
  interface GlobalProps {
    mainModule: typeof import("../../worker/index.ts");
  }
}

// Vite's `?raw` imports: a file's text, read at build time (the rate-limit test reads wrangler.toml;
// the extraction tests read saved blog pages).
declare module "*?raw" {
  const text: string;
  export default text;
}
