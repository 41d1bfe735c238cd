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

// Saved blog pages imported as text by the extraction tests (`…/blog-pages/x.html?raw`, a Vite import).
declare module "*.html?raw" {
  const html: string;
  export default html;
}
