/**
 * widget.js: defines <recall-quiz> (attributes quiz or site, lang, theme, group, api,
 * hidden-errors). Each element gets an open shadow root holding its stylesheet and the Preact
 * app; the host page is never touched outside the element. The API origin is the one this script
 * was loaded from, unless `api` says otherwise.
 */

import shared from "recall:shared";
import { render } from "preact";
import { App } from "./app.tsx";
import { arrive } from "./chunks.ts";
import { pickLang } from "./i18n.ts";
import { scriptUrl } from "./script-url.ts";
import css from "./styles.css";

const origin = new URL(scriptUrl).origin;

class RecallQuiz extends HTMLElement {
  /** For the lazy chunks (chunks.ts): what they use of widget.js, and where they hand in. */
  static shared = shared;
  static arrive = arrive;

  // theme is handled by CSS (:host([theme=…])) alone, so it needs no re-render.
  static observedAttributes = ["quiz", "site", "lang", "group", "api", "hidden-errors"];

  connectedCallback() {
    this.paint();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.paint();
  }

  disconnectedCallback() {
    if (this.shadowRoot) render(null, this.shadowRoot);
  }

  private paint() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const attr = (name: string) => this.getAttribute(name);
    const api = (attr("api") || origin).replace(/\/+$/, "");
    const slug = attr("quiz") ?? "";
    const site = attr("site");
    const lang = pickLang(attr("lang"), document.documentElement.lang);
    render(
      <>
        <style>{css}</style>
        <App
          key={`${api} ${slug} ${site} ${lang}`}
          api={api}
          slug={slug}
          site={site}
          hideErrors={this.hasAttribute("hidden-errors")}
          group={attr("group")}
          lang={lang}
          host={this}
          root={root}
        />
      </>,
      root,
    );
  }
}

if (!customElements.get("recall-quiz")) customElements.define("recall-quiz", RecallQuiz);
