/**
 * Widget speed (issue 7, point 2; issue 14) in a real headless Chromium: a host page on its own
 * loopback origin (as a blog would be) with the README's snippet and its reservation CSS loads
 * widget.js from the local worker (workerd via miniflare), async and after its own first paint
 * (as from a slower CDN), a fresh browser context per run (cold cache, empty localStorage). The
 * page is instrumented from the outside (an init script; widget/ is untouched): a
 * MutationObserver on the widget's shadow root notes each screen, and a screen counts as painted
 * at the end of the next animation frame (rAF, then a message-channel task). Script start is
 * widget.js's responseEnd in resource timing. The widget's first screen is its first question
 * (under the quiz's title), as the floor's is.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/e2e/harness.ts";
import type { Results } from "./lib/results.ts";
import { median, round } from "./lib/stats.ts";
import type { BenchServer } from "./server.ts";

interface Bench {
  shifts: number;
  /** What moved in each counted shift (node names), to tell whose shift it was. */
  shifted: string[];
  shiftEntries: number;
  t: Record<string, number>;
  lastClick: number;
  errors: string[];
}

declare global {
  interface Window {
    __bench: Bench;
  }
}

/** Runs in the page before any of its scripts. */
function instrument() {
  const b: Bench = {
    shifts: 0,
    shifted: [],
    shiftEntries: 0,
    t: {},
    lastClick: Number.NaN,
    errors: [],
  };
  window.__bench = b;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      // As CLS does: shifts right after input are expected, not counted.
      if (!entry.hadRecentInput) {
        b.shifts += entry.value;
        b.shiftEntries++;
        for (const source of entry.sources ?? []) {
          const node = source.node;
          const text = node?.textContent?.trim().slice(0, 24) ?? "";
          b.shifted.push(`${node?.nodeName ?? "?"}${text ? ` "${text}…"` : ""}`);
        }
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
  addEventListener(
    "click",
    () => {
      b.lastClick = performance.now();
    },
    true,
  );
  const painted = (name: string) => {
    if (name in b.t) return;
    b.t[name] = -1;
    b.t[`${name}Dom`] = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        b.t[name] = performance.now();
      };
      channel.port2.postMessage(0);
    });
  };
  // The box's height at the next layout the page does anyway: a ResizeObserver reports it after
  // layout, where getBoundingClientRect() in the mutation callback would force one in the middle
  // of the embed's own work and charge the bench's cost to the embed.
  const heightAtNextLayout = (element: Element, name: string) => {
    b.t[name] = -1;
    const observer = new ResizeObserver((entries) => {
      observer.disconnect();
      b.t[name] = entries[0]?.borderBoxSize[0]?.blockSize ?? Number.NaN;
    });
    observer.observe(element);
  };
  const check = (root: ShadowRoot) => {
    const alert = root.querySelector("[role=alert]");
    if (alert) b.errors.push(alert.textContent ?? "error");
    // The box the widget holds while loading, and the one its first screen needs: a difference
    // is what pushes the host's text down.
    if (!("loadingHeight" in b.t) && root.querySelector("section"))
      heightAtNextLayout(root.host, "loadingHeight");
    if (root.querySelector("#fh")) painted("feedback");
    else if (root.querySelector("fieldset legend")) {
      if (!("firstHeight" in b.t)) heightAtNextLayout(root.host, "firstHeight");
      painted("question");
    }
  };
  // When the widget asks for the quiz (its first fetch), as opposed to when the network starts it.
  const fetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof window.fetch>) {
    const first = !("fetchCalled" in b.t);
    if (first) b.t.fetchCalled = performance.now();
    const pending = fetch.apply(this, args);
    if (first) {
      void pending.then(
        () => {
          b.t.fetchResolved = performance.now();
        },
        () => {},
      );
    }
    return pending;
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    b.t.shadow = performance.now();
    new MutationObserver(() => check(root)).observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    return root;
  };
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (
    this: CustomElementRegistry,
    ...args: Parameters<CustomElementRegistry["define"]>
  ) {
    b.t.defined = performance.now();
    return define.apply(this, args);
  };
}

type Embed = "widget" | "vanilla";

/**
 * Between picking a choice and pressing Check answer, in both embeds: less than any reader
 * takes. The widget starts the reader's attempt when they first pick a choice (the floor at once,
 * counting every page view), so an instant click would time that request too.
 */
const readingPauseMs = 300;

/** The script each embed loads: widget.js from the worker, the floor from the host server. */
const scriptFile: Record<Embed, string> = { widget: "widget.js", vanilla: "vanilla-embed.js" };

/**
 * The CSS widget/README.md tells a page to add so that the widget's box is there, at the height of
 * its first screen, before its script runs: read from the README itself.
 */
async function reservationCss(): Promise<string> {
  const readme = await readFile(
    path.join(import.meta.dirname, "..", "widget", "README.md"),
    "utf8",
  );
  const rule = /`(recall-quiz \{[^`]*min-height[^`]*\})`/.exec(readme)?.[1];
  if (!rule) throw new Error("widget/README.md gives no recall-quiz { min-height } rule");
  return rule;
}

function hostPage(server: BenchServer, embed: Embed, reserve: string): string {
  const src = embed === "widget" ? `${server.origin}/widget.js` : "/vanilla-embed.js";
  const para = (n: number) =>
    `<p>Paragraph ${n} of the host article. It sits there so that a widget that grows after loading would push it down, which layout-shift entries would record.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Recall bench host</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto}${embed === "widget" ? reserve : ""}</style>
</head><body>
<h1>A host article</h1>
${para(1)}
<recall-quiz quiz="${server.slug}"></recall-quiz>
${[2, 3, 4, 5].map(para).join("\n")}
<script>
// widget.js arrives after the host page has painted, as it does from a CDN slower than the page's
// own HTML: then any growth of <recall-quiz> moves the text below it, and CLS sees it.
requestAnimationFrame(() => setTimeout(() => {
  // The box before its script arrives: the page's own reservation (read here, so that the layout
  // it forces is not charged to the embed).
  window.__bench.t.undefinedHeight = document.querySelector("recall-quiz").getBoundingClientRect().height;
  const script = document.createElement("script");
  script.src = "${src}";
  script.dataset.api = "${server.origin}";
  script.async = true;
  document.body.append(script);
}));
</script>
</body></html>`;
}

interface Run {
  firstQuestionMs: number;
  scriptToDefinedMs: number;
  quizFetchMs: number;
  /** Script received -> the quiz GET sent (evaluate, define, first render). */
  scriptToFetchMs: number;
  /** First screen in the DOM -> painted (the frame that shows it). */
  domToPaintMs: number;
  /** The widget's fetch() promise resolved -> the first screen in the DOM (body, JSON, render). */
  responseToDomMs: number;
  interactionMs: number;
  answerFetchMs: number;
  healthFetchMs: number;
  clsAtFirst: number;
  cls: number;
  undefinedHeight: number;
  loadingHeight: number;
  firstHeight: number;
  shifted: string[];
}

/** [startTime, responseEnd] of the last resource whose URL matches, in the page. */
function fetchTimes(pattern: string): [number, number] {
  const entries = performance
    .getEntriesByType("resource")
    .filter((e) => new RegExp(pattern).test(e.name)) as PerformanceResourceTiming[];
  const entry = entries[entries.length - 1];
  return entry ? [entry.startTime, entry.responseEnd] : [Number.NaN, Number.NaN];
}

/** The floor's run: its first screen is the first question itself; then the same answer. */
interface VanillaRun {
  firstQuestionMs: number;
  interactionMs: number;
  /** The same phases as the widget's, for the breakdown. */
  scriptToFetchMs: number;
  quizFetchMs: number;
  responseToDomMs: number;
  domToPaintMs: number;
}

async function oneRun(browser: Browser, url: string, api: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.addInitScript(instrument);
    await page.goto(url);
    const state = () => page.evaluate(() => window.__bench);
    const waitFor = async (name: string) => {
      await page.waitForFunction(
        (n) => (window.__bench.t[n] ?? -1) > 0 || window.__bench.errors.length > 0,
        name,
        { timeout: 15_000 },
      );
      const b = await state();
      if (b.errors.length || pageErrors.length)
        throw new Error(`the widget failed: ${[...b.errors, ...pageErrors].join("; ")}`);
      return b;
    };
    const first = await waitFor("question");
    const scriptStart = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType("resource")
        .find((e) => /\/widget\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
      return entry?.responseEnd ?? Number.NaN;
    });
    // Let late shifts land before reading CLS for the loading phase (and the flow chunk, fetched
    // after the first paint, arrive, as it has long before a reader has read the question).
    await page.waitForTimeout(250);
    const settled = await state();
    const widget = page.locator("recall-quiz");
    await widget.locator("input[type=radio]").first().check();
    await page.waitForTimeout(readingPauseMs);
    await widget.locator("fieldset + button").click();
    const feedback = await waitFor("feedback");
    const [answerStart, answerEnd] = await page.evaluate(fetchTimes, "/answers/");
    // The floor for any server round trip from this page right now: the bare route, cross-origin.
    const healthFetchMs = await page.evaluate(async (origin) => {
      const t0 = performance.now();
      await (await fetch(`${origin}/api/health`)).json();
      return performance.now() - t0;
    }, api);
    await page.waitForTimeout(100);
    const end = await state();
    const t = (b: Bench, name: string) => b.t[name] ?? Number.NaN;
    return {
      firstQuestionMs: t(first, "question") - scriptStart,
      scriptToDefinedMs: t(first, "defined") - scriptStart,
      quizFetchMs: t(first, "fetchResolved") - t(first, "fetchCalled"),
      scriptToFetchMs: t(first, "fetchCalled") - scriptStart,
      domToPaintMs: t(first, "question") - t(first, "questionDom"),
      responseToDomMs: t(first, "questionDom") - t(first, "fetchResolved"),
      interactionMs: t(feedback, "feedback") - feedback.lastClick,
      answerFetchMs: answerEnd - answerStart,
      healthFetchMs,
      clsAtFirst: settled.shifts,
      undefinedHeight: t(first, "undefinedHeight"),
      loadingHeight: t(first, "loadingHeight"),
      firstHeight: t(first, "firstHeight"),
      cls: end.shifts,
      shifted: end.shifted,
    };
  } finally {
    await context.close();
  }
}

async function oneVanillaRun(browser: Browser, url: string): Promise<VanillaRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    await page.goto(url);
    const waitFor = async (name: string) => {
      await page.waitForFunction((n) => (window.__bench.t[n] ?? -1) > 0, name, {
        timeout: 15_000,
      });
      return page.evaluate(() => window.__bench);
    };
    const question = await waitFor("question");
    const scriptStart = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType("resource")
        .find((e) => /\/vanilla-embed\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
      return entry?.responseEnd ?? Number.NaN;
    });
    const embed = page.locator("recall-quiz");
    await embed.locator("input[type=radio]").first().check();
    await page.waitForTimeout(readingPauseMs);
    await embed.locator("form button").click();
    const feedback = await waitFor("feedback");
    const t = (name: string) => question.t[name] ?? Number.NaN;
    return {
      firstQuestionMs: t("question") - scriptStart,
      interactionMs: (feedback.t.feedback ?? Number.NaN) - feedback.lastClick,
      scriptToFetchMs: t("fetchCalled") - scriptStart,
      quizFetchMs: t("fetchResolved") - t("fetchCalled"),
      responseToDomMs: t("questionDom") - t("fetchResolved"),
      domToPaintMs: t("question") - t("questionDom"),
    };
  } finally {
    await context.close();
  }
}

/** What `first` costs the first time in a fresh page, timed in it (median of 5 fresh contexts). */
async function coldInPage(browser: Browser, url: string, first: () => void): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      samples.push(
        await page.evaluate(`(() => {
          const t0 = performance.now();
          (${first.toString()})();
          return performance.now() - t0;
        })()`),
      );
    } finally {
      await context.close();
    }
  }
  return median(samples);
}

export async function measureWidgetSpeed(
  results: Results,
  server: BenchServer,
  options: { runs: number },
): Promise<void> {
  const vanillaScript = await readFile(
    path.join(import.meta.dirname, "floors", scriptFile.vanilla),
  );
  const reserve = await reservationCss();
  const host = http.createServer((req, res) => {
    if (req.url === "/blank.html") {
      // A page of the host's origin with nothing on it, for the cold-start figures.
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end("<!doctype html><p>blank</p>");
      return;
    }
    if (req.url === `/${scriptFile.vanilla}`) {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
      res.end(vanillaScript);
      return;
    }
    const embed: Embed = req.url === "/vanilla.html" ? "vanilla" : "widget";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(hostPage(server, embed, reserve));
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  const hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  const url = `${hostOrigin}/article.html`;
  const browser = await launchBrowser();
  try {
    // A run that fails (a stall of the shared machine) is tried again,
    // and the failures are reported.
    const failures: string[] = [];
    const attempt = async (): Promise<Run> => {
      for (;;) {
        try {
          return await oneRun(browser, url, server.origin);
        } catch (error) {
          failures.push((error as Error).message.split("\n")[0] ?? "failed");
          if (failures.length > 3) throw error;
        }
      }
    };
    await attempt(); // warm-up: workerd compiles, D1 pages cached
    await oneVanillaRun(browser, `${hostOrigin}/vanilla.html`);
    const runs: Run[] = [];
    const floors: VanillaRun[] = [];
    // Widget and floor alternate, so drift on a shared machine hits both alike.
    for (let i = 0; i < options.runs; i++) {
      runs.push(await attempt());
      floors.push(await oneVanillaRun(browser, `${hostOrigin}/vanilla.html`));
    }
    if (failures.length)
      results.note("widget.speedRuns", `runs retried after: ${failures.join("; ")}`);
    const med = (pick: (r: Run) => number) => round(median(runs.map(pick)), 1);
    const n = `median of ${options.runs} runs (a fresh browser context each, after one warm-up run) in headless Chromium ${browser.version()}`;
    results.set(
      "widget.firstQuestionMs",
      med((r) => r.firstQuestionMs),
      `widget.js received (its resource-timing responseEnd) -> the quiz's first screen painted: its first question (title, progress, the prompt and its choices, Check answer), so the quiz GET is included (widget.quizFetchMs). ${n}`,
    );
    const floorMed = (pick: (r: VanillaRun) => number) => round(median(floors.map(pick)), 1);
    const floorNote = `bench/floors/vanilla-embed.js, a hand-written embed making the same two requests and rendering the first question with plain DOM calls, served by the host page's server; ${n}, alternating with the widget's`;
    results.set(
      "widget.vanillaFirstQuestionMs",
      floorMed((r) => r.firstQuestionMs),
      `the floor's script received -> its first question painted (${floorNote})`,
    );
    results.set(
      "widget.vanillaInteractionMs",
      floorMed((r) => r.interactionMs),
      `the floor's click on "Check answer" -> its verdict painted, the same PUT (${floorNote})`,
    );
    results.set(
      "widget.firstQuestionVsVanilla",
      round(
        median(runs.map((r) => r.firstQuestionMs)) / median(floors.map((r) => r.firstQuestionMs)),
        2,
      ),
      "widget.firstQuestionMs ÷ widget.vanillaFirstQuestionMs: the widget's first question against the floor's, both from their script's arrival",
    );
    results.set(
      "widget.interactionVsVanilla",
      round(
        median(runs.map((r) => r.interactionMs)) / median(floors.map((r) => r.interactionMs)),
        2,
      ),
      "widget.interactionMs ÷ widget.vanillaInteractionMs: click on Check answer -> feedback painted, the same PUT",
    );
    results.set(
      "widget.vanillaPhasesMs",
      null,
      `the floor's phases, as the widget's below (medians): script received -> fetch() ${floorMed((r) => r.scriptToFetchMs)} ms, fetch() -> response ${floorMed((r) => r.quizFetchMs)} ms, response -> question in the DOM ${floorMed((r) => r.responseToDomMs)} ms, DOM -> painted ${floorMed((r) => r.domToPaintMs)} ms`,
    );
    results.set(
      "widget.quizFetchMs",
      med((r) => r.quizFetchMs),
      "fetch() called for the quiz -> its promise resolved (response headers in): browser network stack + workerd + D1, part of widget.firstQuestionMs",
    );
    results.set(
      "widget.ownFirstPaintMs",
      med((r) => r.firstQuestionMs - r.quizFetchMs),
      "widget.firstQuestionMs less the quiz GET: the widget's own share (parse, evaluate, render, paint)",
    );
    results.set(
      "widget.scriptToFetchMs",
      med((r) => r.scriptToFetchMs),
      "widget.js received -> the widget calls fetch() for the quiz: evaluate, define the element, first render",
    );
    results.set(
      "widget.responseToDomMs",
      med((r) => r.responseToDomMs),
      "the widget's fetch() resolved -> the first question in the shadow DOM (read the JSON body, set state, render)",
    );
    results.set(
      "widget.domToPaintMs",
      med((r) => r.domToPaintMs),
      "the first question in the shadow DOM -> the end of the frame that paints it",
    );
    results.set(
      "widget.startToQuestionMs",
      null,
      "no Start any more: the widget's first screen is its first question (widget.firstQuestionMs); the attempt is created when the reader first picks a choice",
    );
    results.set(
      "widget.scriptEvalMs",
      med((r) => r.scriptToDefinedMs),
      "widget.js received -> customElements.define called (parse + evaluate)",
    );
    results.set(
      "widget.interactionMs",
      med((r) => r.interactionMs),
      `click on "Check answer" (a choice selected ${readingPauseMs} ms before, as a reader would, in both embeds) -> feedback painted; the PUT answer round trip to the local worker, CORS preflight included, is part of it (widget.answerFetchMs), and the feedback screen comes with the flow chunk, fetched after the first paint; ${n}`,
    );
    results.set(
      "widget.answerFetchMs",
      med((r) => r.answerFetchMs),
      "the PUT answer as the page saw it (resource timing, preflight included)",
    );
    const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
    const shifted = [...new Set(runs.flatMap((r) => r.shifted))].slice(0, 6).join(", ");
    results.set(
      "widget.cls",
      round(worst.cls, 4),
      `the largest over all runs of the summed layout-shift values without recent input, from navigation through the first question and the feedback, on a host page with text below the widget (so growth would count) and the README's reservation (${reserve}). Loading phase alone: up to ${round(Math.max(...runs.map((r) => r.clsAtFirst)), 4)}.${shifted ? ` Nodes that moved: ${shifted}` : ""}`,
    );
    results.set(
      "widget.healthFetchMs",
      med((r) => r.healthFetchMs),
      "a fetch of the bare /api/health from the same page after the feedback: the round-trip floor at that moment",
    );
    results.set(
      "widget.undefinedHeightPx",
      med((r) => r.undefinedHeight),
      "the <recall-quiz> element's height before widget.js runs (the host page's own CSS: the README's reservation)",
    );
    results.set(
      "widget.loadingHeightPx",
      med((r) => r.loadingHeight),
      "the widget's height while it loads (1280 x 900 viewport, 16 px host font)",
    );
    results.set(
      "widget.introHeightPx",
      med((r) => r.firstHeight),
      "the widget's height once its first screen (the first question) shows; more than the loading height means a shift",
    );
    results.set("widget.speedRuns", runs.length);
    const blank = `${hostOrigin}/blank.html`;
    results.set(
      "widget.storageColdMs",
      round(await coldInPage(browser, blank, () => localStorage.getItem("recall:secret")), 1),
      "the first localStorage read in a fresh page of this Chromium (the storage opened), median of 5 pages: the widget reads its saved round before the first screen (a returning reader resumes where they left off), and warms the storage while the quiz request is out; the floor keeps nothing. An A/B with and without the warm-up showed no difference beyond the run-to-run noise, so this is a diagnostic, not the explanation of the gap",
    );
    results.set(
      "widget.intlColdMs",
      round(await coldInPage(browser, blank, () => new Intl.NumberFormat("en").format(1)), 1),
      "the first `new Intl.NumberFormat()` in a fresh page of this Chromium (ICU data loaded on first use), median of 5 pages; the widget needs none for English and Russian (ASCII digits), Urdu's chunk makes one on first use",
    );
  } finally {
    await browser.close();
    host.close();
  }
}
