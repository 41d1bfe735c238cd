/**
 * What the lazy chunks (chunks.ts) use of widget.js: its Preact and the modules both sides need.
 * In a chunk's build, every import of `preact` or of this module reads these from widget.js
 * instead (scripts/build-widget.ts), so no chunk carries a second copy (and the page keeps one
 * store); the build fails when a chunk bundles any other module that widget.js holds too.
 */
export { Fragment, h } from "preact";
export { send } from "./api.ts";
export { english, locale } from "./i18n.ts";
export { Question } from "./screens/question.tsx";
export { load, roundKey, save } from "./store.ts";
export { button, Progress, prompt, questionById } from "./ui.tsx";
