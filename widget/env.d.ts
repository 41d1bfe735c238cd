/** The build inlines .css imports as minified text (scripts/build-widget.ts). */
declare module "*.css" {
  const css: string;
  export default css;
}
