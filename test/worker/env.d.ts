// Test-only bindings added in vitest.config.ts (the worker's own come from worker/worker-configuration.d.ts), and the worker's exports for `exports.default`.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
  interface GlobalProps {
    mainModule: typeof import("../../worker/index.ts");
  }
}

// Vite's `?raw` imports: a file's text, read at build time (the rate-limit test reads wrangler.toml).
declare module "*?raw" {
  const text: string;
  export default text;
}
