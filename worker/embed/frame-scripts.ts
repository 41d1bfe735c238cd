/**
 * The inline scripts of the embed page (`GET /embed/:slug`), allowed by the response's CSP nonce.
 */

/**
 * Reports the page's size to the parent window on every change of width or height, in two
 * dialects: Recall's own `{ type: "recall:height", slug, height }` (the snippets' resizer), and
 * WordPress's `{ message: "height", value, secret }` once there is a secret — from the URL's
 * `#?secret=…` (added by `wp_filter_oembed_result()`, or later by `wp-embed.js`) or from the
 * parent's `{ message: "ready", secret }`. On that "ready" it measures and posts again at once:
 * `wp-embed.js` sends it when it starts listening, which may be after the frame's first posts
 * were lost, and WordPress keeps the frame clipped out of sight until then, where Chromium
 * throttles a cross-origin frame's rendering so that no ResizeObserver callback comes. Recall's
 * own resizer (worker/embed/snippets.ts) sends the same "ready", without a secret. It also posts
 * once on its `load` event, measured then: `wp-embed.js` may have sent its "ready" before the
 * frame had navigated (lost), and only a first message makes WordPress show the frame.
 * Posting on width changes too lets WordPress's resizer undo a theme script's `max-height`.
 * The size is not sensitive, so any parent may read it ("*"); parents check the origin.
 */
export const heightPoster = `(()=>{const slug=document.querySelector("[data-recall-slug]").dataset.recallSlug;let ready=null,w=0,h=0;
const secret=()=>(/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)||[])[1]||ready;
const report=(again)=>{const r=document.documentElement.getBoundingClientRect(),nh=Math.ceil(r.height),nw=Math.round(r.width);if(!again&&nh===h&&nw===w)return;h=nh;w=nw;if(parent===window)return;
parent.postMessage({type:"recall:height",slug,height:h},"*");const s=secret();if(s)parent.postMessage({message:"height",value:h,secret:s},"*")};
new ResizeObserver(()=>report(false)).observe(document.documentElement);addEventListener("load",()=>report(true));
addEventListener("message",(e)=>{const d=e.data;if(e.source!==parent||!d||d.message!=="ready")return;if(typeof d.secret==="string"&&/^[A-Za-z0-9]{1,64}$/.test(d.secret))ready=d.secret;report(true)})})()`;

/**
 * For a quiz limited to some sites (`allowedOrigins`): the widget comes out of its `<template>`
 * unless the frame is sandboxed without `allow-same-origin` (WordPress's untrusted embeds). Such
 * a frame's requests carry `Origin: null`, which any page can produce, so the API refuses them
 * for such a quiz (worker/security/cors.ts); a sentence saying so beats a broken box.
 */
export const sandboxGate = `(()=>{const t=document.getElementById("recall-widget");
if(self.origin!=="null"){t.replaceWith(t.content.cloneNode(true));return}
const p=document.createElement("p");p.className="recall-note";p.textContent=t.dataset.sandboxNote;t.replaceWith(p)})()`;

/** The sentence the sandbox gate shows, in the quiz's language. */
export const sandboxNote: Record<string, string> = {
  en: "This quiz can only be taken on the websites its author chose, and this frame is sandboxed, so it cannot run here.",
  ru: "Этот тест можно пройти только на сайтах, выбранных его автором, а эта рамка изолирована, поэтому здесь он не работает.",
  ur: "یہ کوئز صرف اُن ویب سائٹس پر لیا جا سکتا ہے جو اس کے مصنف نے چنی ہیں، اور یہ فریم محدود ہے، اس لیے یہ یہاں نہیں چل سکتا۔",
};
