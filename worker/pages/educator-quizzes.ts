/** The list of quizzes a session opens, and the form that creates a quiz from a pasted article. */
import { html } from "hono/html";
import { educatorPage } from "./educator-layout.ts";

export interface QuizListItem {
  slug: string;
  title: string;
  status: "draft" | "published";
  createdAt: number;
  attempts: number;
}

export function quizListPage(options: {
  admin: boolean;
  quizzes: QuizListItem[];
  notice?: string;
}) {
  const { admin, quizzes } = options;
  return educatorPage({
    title: "Quizzes",
    signedIn: { admin },
    notice: options.notice,
    body: html`<h1>Quizzes</h1>
      ${admin ? html`<p class="actions"><a class="button" href="/educator/new">Create a quiz from an article</a></p>` : ""}
      ${
        quizzes.length === 0
          ? html`<p>No quizzes yet.</p>`
          : html`<table>
              <caption class="visually-hidden">Quizzes you can manage</caption>
              <thead><tr><th scope="col">Quiz</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th><th scope="col">Created</th><th scope="col">Manage</th></tr></thead>
              <tbody>
                ${quizzes.map(
                  (q) => html`<tr>
                    <th scope="row"><a href="/educator/quizzes/${q.slug}">${q.title}</a><br /><small>${q.slug}</small></th>
                    <td>${q.status}</td>
                    <td class="num">${q.attempts}</td>
                    <td>${new Date(q.createdAt).toISOString().slice(0, 10)}</td>
                    <td><a href="/educator/quizzes/${q.slug}">Report</a> · <a href="/educator/quizzes/${q.slug}/review">Questions</a> · <a href="/educator/quizzes/${q.slug}/embed">Embed</a></td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  });
}

export interface NewQuizValues {
  title?: string;
  article?: string;
  sourceUrl?: string;
  locale?: string;
  allowedOrigins?: string;
  count?: string;
}

export const quizLanguages = [
  { tag: "en", name: "English" },
  { tag: "ur", name: "Urdu (اردو)" },
  { tag: "ru", name: "Russian (русский)" },
] as const;

export function newQuizPage(options: { values?: NewQuizValues; error?: string } = {}) {
  const v = options.values ?? {};
  const locale = v.locale ?? "en";
  return educatorPage({
    title: "New quiz",
    signedIn: { admin: true },
    error: options.error,
    body: html`<h1>New quiz from an article</h1>
      <p>Paste the article's text. Recall writes a draft of questions from it; you review them before anyone sees the quiz.</p>
      <form method="post" action="/educator/new">
        <label for="title">Title</label>
        <input id="title" name="title" type="text" required maxlength="200" value="${v.title ?? ""}" />
        <label for="article">Article text</label>
        <textarea id="article" name="article" class="article" required maxlength="200000">${v.article ?? ""}</textarea>
        <p class="hint">Plain text, up to 200 KB. Factual articles with dates, numbers and names make the best questions.</p>
        <label for="sourceUrl">Source URL <span class="hint">(optional)</span></label>
        <input id="sourceUrl" name="sourceUrl" type="url" maxlength="2048" value="${v.sourceUrl ?? ""}" placeholder="https://blog.example/post" />
        <label for="locale">Language</label>
        <select id="locale" name="locale">
          ${quizLanguages.map((l) => html`<option value="${l.tag}" ${l.tag === locale ? "selected" : ""}>${l.name}</option>`)}
        </select>
        <label for="count">Number of questions <span class="hint">(optional, 1–20; default up to 10)</span></label>
        <input id="count" name="count" type="number" min="1" max="20" value="${v.count ?? ""}" />
        <label for="allowedOrigins">Allowed origins <span class="hint">(optional, one per line)</span></label>
        <textarea id="allowedOrigins" name="allowedOrigins" placeholder="https://blog.example">${v.allowedOrigins ?? ""}</textarea>
        <p class="hint">Only pages on these origins may embed the quiz. Leave empty to allow any site.</p>
        <div class="actions"><button type="submit">Generate draft</button></div>
      </form>`,
  });
}
