/** The build inlines .css imports as minified text (scripts/build-widget.ts). */
declare module "*.css" {
  const css: string;
  export default css;
}

/** widget/shared.ts's exports as one object, made by the build (scripts/build-widget.ts). */
declare module "recall:shared" {
  const shared: typeof import("./shared.ts");
  export default shared;
}
