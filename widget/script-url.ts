/**
 * The URL this script (widget.js) was loaded from: the default API origin and the base of the
 * lazy chunks' URLs. currentScript is only set while this script first runs, so it is read then
 * (this module is evaluated with the bundle); a bundler or loader may hide it, and then the page's
 * scripts are searched for our own file name.
 */
export const scriptUrl =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  Array.from(document.scripts).find((s) => /\/widget\.js([?#]|$)/.test(s.src))?.src ||
  location.href;
