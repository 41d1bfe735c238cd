/**
 * The widget's lazy chunks: the parts the first screen does not need, each a script of its own
 * (scripts/build-widget.ts builds one per entry of its `chunkEntries`, named by content hash):
 * - `flow`: everything after the first screen (answering, feedback, finishing, the score, retry),
 *   fetched once the first screen has painted, or at once when a saved round needs it;
 * - `review`: the spaced review of questions from earlier reading, fetched by the flow chunk only
 *   when the server says some are due for this reader;
 * - `ur`, `ru`: the UI strings of those languages, fetched beside the quiz when the widget speaks
 *   one of them (English is in widget.js).
 *
 * A chunk's <script> goes into the asking element's own shadow root (never the host page), runs,
 * and hands its module's exports to `arrive` through the element's class, the one name a chunk can
 * find widget.js by. No CORS is involved (classic scripts), and a host page's CSP that lets
 * widget.js in lets its chunks in (same origin and path).
 */
import type { HttpError } from "./api.ts";
import type * as Flow from "./flow.tsx";
import type * as Russian from "./i18n/ru.ts";
import type * as Urdu from "./i18n/ur.ts";
import type * as Review from "./review.tsx";
import { scriptUrl } from "./script-url.ts";

export interface Chunks {
  flow: typeof Flow;
  review: typeof Review;
  ur: typeof Urdu;
  ru: typeof Russian;
}

/** Chunk name -> file name, beside widget.js; set by the build. */
declare const __RECALL_CHUNKS__: Record<keyof Chunks, string>;

const loading = new Map<string, Promise<unknown>>();
const arrivals = new Map<string, (exports: unknown) => void>();

/** Called by a chunk's script, once, with its module's exports. */
export function arrive(name: string, exports: unknown): void {
  arrivals.get(name)?.(exports);
}

/**
 * The chunk's exports, fetched on the first call (later calls share it). When the fetch fails
 * (offline), the promise rejects as an unreachable server does, and the next call tries again.
 */
export function chunk<K extends keyof Chunks>(name: K, root: ShadowRoot): Promise<Chunks[K]> {
  let promise = loading.get(name);
  if (!promise) {
    const script = document.createElement("script");
    promise = new Promise((resolve, reject) => {
      arrivals.set(name, resolve);
      script.onerror = () => {
        script.remove();
        loading.delete(name);
        reject({ status: 0, code: "unreachable" } satisfies HttpError);
      };
    });
    loading.set(name, promise);
    script.src = new URL(__RECALL_CHUNKS__[name], scriptUrl).href;
    script.onload = () => script.remove();
    root.append(script);
  }
  return promise as Promise<Chunks[K]>;
}
