/**
 * Reviewing a quiz's questions (edit prompt, choices, key and explanation; remove; replace with
 * another generated question; publish) and the embed snippets once it is published. Plain HTML
 * forms that post back to /educator/…; no script needed.
 */
import { html } from "hono/html";
import type { QuestionRow, QuizRow } from "../db/schema.ts";
import { embedSnippet, embedUrl, iframeSnippet } from "../embed/snippets.ts";
import { educatorPage } from "./educator-layout.ts";

const letter = (id: string) => id.toUpperCase();

function questionForm(slug: string, q: QuestionRow, number: number) {
  const base = `/educator/quizzes/${slug}/questions/${q.id}`;
  return html`<section class="question" id="question-${q.id}" aria-labelledby="question-${q.id}-title">
    <h2 id="question-${q.id}-title">Question ${number} <small class="hint">(${q.type}, id ${q.id})</small></h2>
    <form method="post" action="${base}">
      <label for="${q.id}-prompt">Prompt</label>
      <textarea id="${q.id}-prompt" name="prompt" required maxlength="1000">${q.prompt}</textarea>
      <fieldset>
        <legend>Choices — select the correct one</legend>
        ${q.choices.map(
          (c) => html`<div class="choice">
            <input type="radio" name="answer" value="${c.id}" id="${q.id}-key-${c.id}" ${c.id === q.answer ? "checked" : ""} />
            <label for="${q.id}-key-${c.id}">Choice ${letter(c.id)}${c.id === q.answer ? " (key)" : ""}</label>
            <input type="text" name="choice-${c.id}" value="${c.text}" required maxlength="300" aria-label="Text of choice ${letter(c.id)}" />
          </div>`,
        )}
      </fieldset>
      <label for="${q.id}-explanation">Explanation</label>
      <textarea id="${q.id}-explanation" name="explanation" required maxlength="2000">${q.explanation}</textarea>
      <p class="hint">From the article:</p>
      <blockquote>${q.source.text}</blockquote>
      <div class="actions"><button type="submit">Save question ${number}</button></div>
    </form>
    <div class="actions">
      <form method="post" action="${base}/regenerate"><button class="secondary" type="submit">Replace question ${number} with another</button></form>
      <form method="post" action="${base}/remove"><button class="danger" type="submit">Remove question ${number}</button></form>
      ${number > 1 ? html`<form method="post" action="${base}/move-up"><button class="secondary" type="submit">Move question ${number} up</button></form>` : ""}
    </div>
  </section>`;
}

export interface ReviewOptions {
  quiz: QuizRow;
  questions: QuestionRow[];
  admin: boolean;
  /** Shown once, right after the quiz was created. */
  educatorKey?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

export function reviewPage({ quiz, questions, admin, educatorKey, notice, error }: ReviewOptions) {
  return educatorPage({
    title: `Review: ${quiz.title}`,
    signedIn: { admin },
    notice,
    error,
    body: html`<h1>${quiz.title}</h1>
      <p>Status: <strong>${quiz.status}</strong> · ${questions.length} question${questions.length === 1 ? "" : "s"} ·
        <a href="/educator/quizzes/${quiz.slug}">Report</a>${quiz.status === "published" ? html` · <a href="/educator/quizzes/${quiz.slug}/embed">Embed snippets</a>` : ""}</p>
      ${
        educatorKey
          ? html`<div class="notice" role="status">
              <p><strong>Educator key for this quiz — copy it now, it is shown only once:</strong></p>
              <label for="educator-key">Educator key</label>
              <input id="educator-key" type="text" readonly value="${educatorKey}" />
              <p class="hint">Give it to the teacher who runs this quiz: it signs in to this quiz's questions and report only.</p>
            </div>`
          : ""
      }
      ${quiz.status === "draft" ? html`<p>Check every question against the article, fix what is off, then publish.</p>` : html`<p class="hint">The quiz is live. Edits to prompts and explanations show up at once; choices and the key of a question that learners have answered can no longer change — replace the question instead.</p>`}
      ${questions.map((q, i) => questionForm(quiz.slug, q, i + 1))}
      ${
        quiz.status === "draft"
          ? html`<form method="post" action="/educator/quizzes/${quiz.slug}/publish" class="actions">
              <button type="submit">Publish the quiz</button>
              <span class="hint">Readers can take it as soon as it is published.</span>
            </form>`
          : ""
      }
      <h2>Add a question of your own</h2>
      <form method="post" action="/educator/quizzes/${quiz.slug}/questions" class="own-question">
        <label for="own-prompt">Question</label>
        <textarea id="own-prompt" name="prompt" rows="2" required maxlength="1000"></textarea>
        <fieldset>
          <legend>Choices (three or four; mark the right one)</legend>
          ${["a", "b", "c", "d"].map(
            (id) => html`<div>
              <input type="radio" name="answer" value="${id}" id="own-answer-${id}" ${id === "a" ? "checked" : ""} />
              <label for="own-answer-${id}">Choice ${id.toUpperCase()} is right</label>
              <input type="text" name="choice-${id}" aria-label="Choice ${id.toUpperCase()}" maxlength="300" ${id === "d" ? "" : "required"} />
            </div>`,
          )}
        </fieldset>
        <label for="own-explanation">Explanation</label>
        <textarea id="own-explanation" name="explanation" rows="2" required maxlength="2000"></textarea>
        <label for="own-passage">Passage it rests on (optional; quoted exactly from the article)</label>
        <textarea id="own-passage" name="passage" rows="2" maxlength="2000"></textarea>
        <div class="actions"><button type="submit">Add the question</button></div>
      </form>
      <h2>Quiz settings</h2>
      <form method="post" action="/educator/quizzes/${quiz.slug}/key" class="actions">
        <button class="secondary" type="submit">Make a new educator key</button>
        <span class="hint">The old key, and everyone signed in with it, stops working at once.</span>
      </form>
      <form method="post" action="/educator/quizzes/${quiz.slug}/delete" class="actions">
        <label><input type="checkbox" name="confirm" value="delete" required /> Delete this quiz with every attempt and answer stored for it</label>
        <button class="danger" type="submit">Delete the quiz</button>
      </form>`,
  });
}

export interface EmbedOptions {
  quiz: QuizRow;
  origin: string;
  admin: boolean;
  notice?: string | undefined;
}

/** The three ways to embed a quiz, built by the routes that serve them. */
export function embedSnippets(origin: string, slug: string, title: string) {
  const link = embedUrl(origin, slug);
  return {
    script: embedSnippet(origin, slug),
    iframe: iframeSnippet(origin, slug, title),
    link,
    oembed: `${origin}/oembed?${new URLSearchParams({ url: link, format: "json" })}`,
  };
}

export function embedPage({ quiz, origin, admin, notice }: EmbedOptions) {
  const s = embedSnippets(origin, quiz.slug, quiz.title);
  return educatorPage({
    title: `Embed: ${quiz.title}`,
    signedIn: { admin },
    notice,
    body: html`<h1>Embed “${quiz.title}”</h1>
      ${quiz.status !== "published" ? html`<p class="error" role="alert">This quiz is still a draft: publish it on the <a href="/educator/quizzes/${quiz.slug}/review">review page</a> before embedding it.</p>` : ""}
      <p>Paste one of these into your page, under the article. Select the text and copy it.</p>
      <label for="snippet-script">Script tag (recommended: fits the page, follows its language and theme)</label>
      <textarea id="snippet-script" class="snippet" readonly>${s.script}</textarea>
      <p class="hint">Add <code>group="class-7b"</code> to the <code>recall-quiz</code> element to see that class separately in the report.</p>
      <label for="snippet-iframe">Iframe (for sites that do not allow scripts)</label>
      <textarea id="snippet-iframe" class="snippet" readonly>${s.iframe}</textarea>
      <label for="snippet-link">Link (WordPress and other oEmbed-aware editors turn it into the quiz)</label>
      <input id="snippet-link" type="text" readonly value="${s.link}" />
      <p class="hint">oEmbed endpoint: <code>${s.oembed}</code></p>
      <p class="actions"><a class="button secondary" href="/educator/quizzes/${quiz.slug}">Open the report</a> <a class="button secondary" href="${s.link}">Preview</a></p>`,
  });
}
