/**
 * The console's Sites pages (site mode): the list of sites with the form that registers one, and
 * one site's page — its one-tag snippet, its site key (once, right after registering), its posts'
 * quizzes with their versions and status (pending ones reviewed and published on the existing
 * review page), and a form that makes a post's quiz now instead of on its first view.
 */
import { html } from "hono/html";
import type { SiteRow } from "../db/schema.ts";
import { siteSnippet } from "../embed/snippets.ts";
import type { SiteQuiz, SiteSummary } from "../services/sites.ts";
import { educatorPage } from "./educator-layout.ts";
import { quizLanguages } from "./educator-quizzes.ts";

export interface RegisterSiteValues {
  origin?: string | undefined;
  name?: string | undefined;
  policy?: string | undefined;
  count?: string | undefined;
  locale?: string | undefined;
}

const policyText = {
  publish: "publish at once",
  review: "review first",
} as const;

export function sitesPage(options: {
  sites: SiteSummary[];
  values?: RegisterSiteValues;
  error?: string | undefined;
}) {
  const { sites } = options;
  const v = options.values ?? {};
  const policy = v.policy === "review" ? "review" : "publish";
  const locale = v.locale ?? "en";
  return educatorPage({
    title: "Sites",
    signedIn: { admin: true },
    error: options.error,
    body: html`<h1>Sites</h1>
      <p>Register a blog once and paste one snippet into its post template: every post gets a quiz
        made from the post itself the first time a reader opens it.</p>
      ${
        sites.length === 0
          ? html`<p>No sites yet.</p>`
          : html`<table>
              <caption class="visually-hidden">Registered sites</caption>
              <thead><tr><th scope="col">Site</th><th scope="col">Origin</th><th scope="col">New quizzes</th><th scope="col" class="num">Quizzes</th><th scope="col">Registered</th></tr></thead>
              <tbody>
                ${sites.map(
                  (s) => html`<tr>
                    <th scope="row"><a href="/educator/sites/${s.siteId}">${s.name}</a><br /><small>${s.siteId}</small></th>
                    <td class="url">${s.origin}</td>
                    <td>${policyText[s.policy]}</td>
                    <td class="num">${s.quizzes}</td>
                    <td>${s.createdAt.slice(0, 10)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      <h2>Register a site</h2>
      <form method="post" action="/educator/sites">
        <label for="origin">Origin</label>
        <input id="origin" name="origin" type="url" required maxlength="200" value="${v.origin ?? ""}" placeholder="https://blog.example" />
        <p class="hint">Scheme and host (and port) only. Recall fetches posts from this origin alone, over https.</p>
        <label for="name">Name <span class="hint">(optional)</span></label>
        <input id="name" name="name" type="text" maxlength="100" value="${v.name ?? ""}" />
        <fieldset>
          <legend>New posts' quizzes</legend>
          <label><input type="radio" name="policy" value="publish" ${policy === "publish" ? "checked" : ""} /> Publish at once: readers see a post's quiz on its first view</label>
          <label><input type="radio" name="policy" value="review" ${policy === "review" ? "checked" : ""} /> Review first: readers see "quiz coming soon" until you publish it here</label>
        </fieldset>
        <label for="count">Questions per quiz <span class="hint">(optional, 1–20)</span></label>
        <input id="count" name="count" type="number" min="1" max="20" value="${v.count ?? ""}" />
        <label for="locale">Language</label>
        <select id="locale" name="locale">
          ${quizLanguages.map((l) => html`<option value="${l.tag}" ${l.tag === locale ? "selected" : ""}>${l.name}</option>`)}
        </select>
        <div class="actions"><button type="submit">Register the site</button></div>
      </form>`,
  });
}

function quizRow(q: SiteQuiz) {
  const page = q.pageUrl ?? q.sourceUrl ?? "";
  const pending = q.status === "draft";
  return html`<tr>
    <td class="url"><a href="${page}">${page}</a>${q.pageUrl ? "" : html`<br /><small>(made from its URL, not shown by the snippet)</small>`}</td>
    <th scope="row"><a href="/educator/quizzes/${q.slug}/review">${q.title}</a></th>
    <td class="num">${q.version ?? "–"}${q.current ? "" : html` <small>(older)</small>`}</td>
    <td>${pending ? html`<strong>pending review</strong>` : "published"}</td>
    <td class="num">${q.attempts} / ${q.finished}</td>
    <td>
      <div class="actions">
        <a href="/educator/quizzes/${q.slug}/review">${pending ? "Review" : "Questions"}</a>
        <a href="/educator/quizzes/${q.slug}">Report</a>
        ${
          pending
            ? html`<form method="post" action="/educator/quizzes/${q.slug}/publish"><button type="submit">Publish</button></form>`
            : ""
        }
      </div>
    </td>
  </tr>`;
}

export interface SitePageOptions {
  site: SiteRow;
  quizzes: SiteQuiz[];
  /** This worker's origin, for the snippet. */
  origin: string;
  admin: boolean;
  /** Shown once, right after the site was registered. */
  siteKey?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  pageUrl?: string | undefined;
}

export function sitePage(options: SitePageOptions) {
  const { site, quizzes, origin, admin, siteKey } = options;
  const pending = quizzes.filter((q) => q.status === "draft").length;
  return educatorPage({
    title: site.name,
    signedIn: { admin, siteId: site.id },
    notice: options.notice,
    error: options.error,
    body: html`<h1>${site.name}</h1>
      <p class="url">${site.origin} · new posts' quizzes: <strong>${policyText[site.policy]}</strong> · site id <code>${site.id}</code></p>
      ${
        siteKey
          ? html`<div class="notice" role="status">
              <p><strong>Site key — copy it now, it is shown only once:</strong></p>
              <label for="site-key">Site key</label>
              <input id="site-key" type="text" readonly value="${siteKey}" />
              <p class="hint">It signs in to this site's quizzes here and works as <code>Authorization: Bearer …</code> for the API: <code>GET /api/sites/${site.id}/quizzes</code>, <code>POST /api/quizzes { url }</code>.</p>
            </div>`
          : ""
      }
      <h2>The snippet</h2>
      <p>Paste it once into the post template, where the quiz should appear (under the post's text):</p>
      <label for="site-snippet">Site snippet</label>
      <textarea id="site-snippet" class="snippet" readonly>${siteSnippet(origin, site.id)}</textarea>
      <p class="hint">The first reader of a post makes its quiz: Recall fetches the post from ${site.origin}, reads its article (the element marked <code>data-recall-article</code>, else <code>&lt;article&gt;</code>, the post body or <code>&lt;main&gt;</code>; never navigation, sidebars, comments or footers) and writes the questions. It checks a post for changes at most every 10 minutes.</p>
      <h2>Posts' quizzes</h2>
      ${
        quizzes.length === 0
          ? html`<p>No quizzes yet: they appear here as readers open the posts.</p>`
          : html`<p>${quizzes.length} quiz${quizzes.length === 1 ? "" : "zes"}${pending > 0 ? html`, <strong>${pending} pending review</strong>` : ""}.</p>
            <table>
              <caption class="visually-hidden">Quizzes of this site's posts</caption>
              <thead><tr><th scope="col">Post</th><th scope="col">Quiz</th><th scope="col" class="num">Version</th><th scope="col">Status</th><th scope="col" class="num">Attempts / finished</th><th scope="col">Manage</th></tr></thead>
              <tbody>${quizzes.map(quizRow)}</tbody>
            </table>`
      }
      <h2>Make a post's quiz now</h2>
      <form method="post" action="/educator/sites/${site.id}/posts">
        <label for="post-url">Post URL</label>
        <input id="post-url" name="url" type="url" required maxlength="2048" value="${options.pageUrl ?? ""}" placeholder="${site.origin}/a-post/" />
        <p class="hint">The same as a reader's first view, without waiting for one${site.policy === "review" ? ": the quiz waits here for your review" : ""}.</p>
        <div class="actions"><button type="submit">Make the quiz</button></div>
      </form>`,
  });
}
