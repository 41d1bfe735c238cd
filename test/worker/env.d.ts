// Test-only bindings added in vitest.config.ts (the worker's own come from worker/worker-configuration.d.ts), and the worker's exports for `exports.default`.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
  interface GlobalProps {
    mainModule: typeof import("../../worker/index.ts");
  }
}
