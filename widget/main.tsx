/**
 * widget.js: defines <recall-quiz> (attributes quiz or site, lang, theme, group, api,
 * hidden-errors). Each element gets an open shadow root holding its stylesheet and the Preact
 * app; the host page is never touched outside the element. The API origin is the one this script
 * was loaded from, unless `api` says otherwise.
 */
import { render } from "preact";
import { App } from "./app.tsx";
import { locale, pickLang } from "./i18n.ts";
import css from "./styles.css";

// currentScript is only set while this script first runs, so read it now. A bundler or loader
// may hide it; then look for our own file name.
const self =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  Array.from(document.scripts).find((s) => /\/widget\.js([?#]|$)/.test(s.src))?.src ||
  location.href;
const origin = new URL(self).origin;

class RecallQuiz extends HTMLElement {
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
    render(
      <>
        <style>{css}</style>
        <App
          key={`${api} ${slug} ${site}`}
          api={api}
          slug={slug}
          site={site}
          hideErrors={this.hasAttribute("hidden-errors")}
          group={attr("group")}
          loc={locale(pickLang(attr("lang"), document.documentElement.lang))}
          host={this}
        />
      </>,
      root,
    );
  }
}

if (!customElements.get("recall-quiz")) customElements.define("recall-quiz", RecallQuiz);
