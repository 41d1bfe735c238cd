/**
 * The report page for one quiz: summary, score histogram, attempts over time, per-question item
 * statistics with flags and choice counts, retention at review, and the latest learners — charts
 * as inline SVG with
 * the same numbers in tables, filters as a plain GET form, exports as links.
 */
import { html } from "hono/html";
import type { QuizRow } from "../db/schema.ts";
import type { EducatorReport } from "../reports/index.ts";
import type { QuizRetention, RetentionFigure } from "../reports/retention.ts";
import type { QuestionStats, QuizReport } from "../reports/statistics.ts";
import { thresholds } from "../reports/statistics.ts";
import { barChart, meter } from "./charts.ts";
import { educatorPage } from "./educator-layout.ts";

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
const fixed = (x: number | null, digits = 2) => (x === null ? "–" : x.toFixed(digits));
const seconds = (x: number | null) =>
  x === null ? "–" : x < 90 ? `${x.toFixed(1)} s` : `${(x / 60).toFixed(1)} min`;
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "–");

function query(report: QuizReport, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (report.filters.group !== undefined) params.set("group", report.filters.group);
  if (report.filters.pageUrl !== undefined) params.set("page", report.filters.pageUrl);
  if (report.filters.rounds !== undefined && report.filters.rounds !== "first")
    params.set("rounds", report.filters.rounds);
  const text = params.toString();
  return text ? `?${text}` : "";
}

const roundChoices = [
  ["first", "First attempts"],
  ["retries", "Retry rounds (missed questions only)"],
  ["all", "All rounds"],
] as const;

/** One filter of the report: a labelled select whose first option means "no filter". */
function filterSelect(
  name: string,
  label: string,
  choices: readonly (readonly [value: string, text: string])[],
  selected: string | undefined,
) {
  return html`<div>
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" name="${name}">
        ${choices.map(
          ([value, text]) =>
            html`<option value="${value}" ${value === (selected ?? "") ? "selected" : ""}>${text}</option>`,
        )}
      </select>
    </div>`;
}

const optionChoices = (all: string, options: QuizReport["options"]["groups"]) => [
  ["", all] as const,
  ...options.flatMap((o) =>
    o.value === null ? [] : [[o.value, `${o.value} (${o.attempts})`] as const],
  ),
];

function filterForm(slug: string, report: QuizReport) {
  const { groups, pages } = report.options;
  return html`<form method="get" action="/educator/quizzes/${slug}" class="filters" aria-label="Filters">
    ${filterSelect("group", "Group", optionChoices("All groups", groups), report.filters.group)}
    ${filterSelect("page", "Embedding page", optionChoices("All pages", pages), report.filters.pageUrl)}
    ${filterSelect("rounds", "Rounds", roundChoices, report.filters.rounds ?? "first")}
    <div><button type="submit" class="secondary">Apply filters</button></div>
  </form>`;
}

function questionSection(q: QuestionStats, number: number) {
  return html`<section class="question" aria-labelledby="stats-${q.id}">
    <h3 id="stats-${q.id}">${number}. ${q.prompt}${q.status === "removed" ? html` <small class="hint">(removed)</small>` : ""}</h3>
    <table>
      <caption class="visually-hidden">Statistics of question ${number}</caption>
      <tbody>
        <tr><th scope="row">Responses</th><td class="num">${q.responses}</td></tr>
        <tr><th scope="row">Facility (share correct)</th><td class="num">${pct(q.facility)} ${meter(q.facility)}</td></tr>
        <tr><th scope="row">Discrimination (upper − lower 27%)</th><td class="num">${fixed(q.discrimination)}</td></tr>
        <tr><th scope="row">Point-biserial (vs rest of the quiz)</th><td class="num">${fixed(q.pointBiserial)}</td></tr>
        <tr><th scope="row">Median time to answer</th><td class="num">${seconds(q.medianSecondsToAnswer)}</td></tr>
      </tbody>
    </table>
    ${
      q.flags.length > 0
        ? html`<ul class="flags" aria-label="Flags for question ${number}">${q.flags.map((f) => html`<li>⚑ ${f.message}</li>`)}</ul>`
        : ""
    }
    <table>
      <caption>How often each choice was picked</caption>
      <thead><tr><th scope="col">Choice</th><th scope="col" class="num">Picked</th><th scope="col" class="num">Share</th><th scope="col"><span class="visually-hidden">Bar</span></th></tr></thead>
      <tbody>
        ${q.choices.map(
          (c) => html`<tr>
            <th scope="row">${c.id.toUpperCase()}. ${c.text}${c.correct ? html` <strong>(correct)</strong>` : ""}</th>
            <td class="num">${c.picked}</td>
            <td class="num">${pct(c.share)}</td>
            <td>${meter(c.share)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/**
 * The embedding page a learner's widget reported, as text: the learner supplies it, so it is
 * never a live link an educator might follow (a phishing page could be named here).
 */
function pageText(url: string | null) {
  return url ? html`<span class="url">${url}</span>` : "–";
}

function learnerTable(report: QuizReport) {
  const numbers = new Map(report.questions.map((q, i) => [q.id, i + 1]));
  if (report.learners.length === 0) return html`<p>No attempts yet.</p>`;
  return html`<table>
    <caption>Learners, newest first${report.learners.length < report.summary.attemptsStarted ? ` (latest ${report.learners.length} of ${report.summary.attemptsStarted}; the CSV export has them all)` : ""}</caption>
    <thead><tr><th scope="col">Learner</th><th scope="col">Group</th><th scope="col" class="num">Score</th><th scope="col">Started (UTC)</th><th scope="col">Finished (UTC)</th><th scope="col">Answers</th><th scope="col">Page</th></tr></thead>
    <tbody>
      ${report.learners.map(
        (l) => html`<tr>
          <th scope="row">${l.learnerName ?? html`<span class="hint">anonymous</span> <code>${(l.learnerId ?? l.attemptId).slice(0, 12)}</code>`}</th>
          <td>${l.group ?? "–"}</td>
          <td class="num">${l.score === null ? "–" : `${l.score} / ${l.maxScore ?? "?"}`}</td>
          <td>${when(l.startedAt)}</td>
          <td>${when(l.finishedAt)}</td>
          <td>${l.answers.map(
            (a, i) =>
              html`${i > 0 ? ", " : ""}Q${numbers.get(a.questionId) ?? a.questionId} ${a.choiceId.toUpperCase()} ${a.correct ? "✓" : "✗"}<span class="visually-hidden">${a.correct ? " correct" : " wrong"}</span>`,
          )}</td>
          <td>${pageText(l.pageUrl)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Summary, score histogram and attempts over time. */
function summarySection(report: QuizReport, flagged: number) {
  const s = report.summary;
  return html`<h2>Summary</h2>
      <dl class="summary">
        <div><dt>Attempts started</dt><dd>${s.attemptsStarted}</dd></div>
        <div><dt>Attempts finished</dt><dd>${s.attemptsFinished}</dd></div>
        <div><dt>Completion rate</dt><dd>${pct(s.completionRate)}</dd></div>
        <div><dt>Mean score</dt><dd>${fixed(s.meanScore, 1)} / ${s.maxScore}</dd></div>
        <div><dt>Median score</dt><dd>${fixed(s.medianScore, 1)} / ${s.maxScore}</dd></div>
        <div><dt>Questions flagged</dt><dd>${flagged}</dd></div>
      </dl>

      <h2>Score histogram</h2>
      ${barChart(
        report.histogram.map((h) => ({ label: String(h.score), value: h.attempts })),
        { caption: "Finished attempts per score" },
      )}
      <table>
        <caption>Finished attempts per score</caption>
        <thead><tr><th scope="col">Score</th><th scope="col" class="num">Attempts</th></tr></thead>
        <tbody>${report.histogram.map((h) => html`<tr><th scope="row">${h.score} / ${s.maxScore}</th><td class="num">${h.attempts}</td></tr>`)}</tbody>
      </table>

      <h2>Attempts over time</h2>
      ${
        report.timeline.length === 0
          ? html`<p>No attempts yet.</p>`
          : html`${barChart(
              report.timeline.map((d) => ({ label: d.day.slice(5), value: d.started })),
              { caption: "Attempts started per day (UTC)" },
            )}
            <table>
              <caption>Attempts per day (UTC)</caption>
              <thead><tr><th scope="col">Day</th><th scope="col" class="num">Started</th><th scope="col" class="num">Finished</th></tr></thead>
              <tbody>${report.timeline.map((d) => html`<tr><th scope="row">${d.day}</th><td class="num">${d.started}</td><td class="num">${d.finished}</td></tr>`)}</tbody>
            </table>`
      }`;
}

const share = (f: RetentionFigure) =>
  f.learners === 0 ? "–" : `${pct(f.rate)} (${f.correct} of ${f.learners})`;

/** Retention: first try against the first review a day or more later, per question. */
function retentionSection(retention: QuizRetention) {
  const r = retention;
  const numbered = r.questions.map((q, i) => ({ q, n: i + 1 }));
  const bars = numbered.flatMap(({ q, n }) => [
    { label: `${n} first`, value: Math.round((q.firstTry.rate ?? 0) * 100) },
    { label: `${n} review`, value: Math.round((q.firstReview.rate ?? 0) * 100), strong: true },
  ]);
  return html`<h2 id="retention">Retention</h2>
    <table>
      <caption>Retention of the quiz</caption>
      <tbody>
        <tr><th scope="row">Learners (with a first try)</th><td class="num">${r.learners}</td></tr>
        <tr><th scope="row">Came back to review</th><td class="num">${r.learnersCameBack}</td></tr>
        <tr><th scope="row">Reviews answered</th><td class="num">${r.reviews}</td></tr>
        <tr><th scope="row">Remembered after a week</th><td class="num">${share(r.rememberedAfterWeek)}</td></tr>
      </tbody>
    </table>
    ${
      r.reviews === 0
        ? html`<p>No reviews yet: a learner who misses a question is offered it again a day later.</p>`
        : barChart(bars, {
            caption:
              "Per cent correct per question: first try (blue), then first review a day or more later (green)",
          })
    }
    <table>
      <caption>Retention per question</caption>
      <thead><tr><th scope="col">Question</th><th scope="col" class="num">First try correct</th><th scope="col" class="num">Missed</th><th scope="col" class="num">Came back</th><th scope="col" class="num">First review correct</th><th scope="col" class="num">After a week</th></tr></thead>
      <tbody>
        ${numbered.map(
          ({ q, n }) => html`<tr>
            <th scope="row">${n}. ${q.prompt}${q.status === "removed" ? html` <small class="hint">(removed)</small>` : ""}</th>
            <td class="num">${share(q.firstTry)}</td>
            <td class="num">${q.missedFirstTry}</td>
            <td class="num">${q.cameBack}</td>
            <td class="num">${share(q.firstReview)}</td>
            <td class="num">${share(q.afterWeek)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}

export interface ReportPageOptions {
  quiz: QuizRow;
  report: EducatorReport;
  admin: boolean;
}

export function reportPage({ quiz, report, admin }: ReportPageOptions) {
  const api = `/api/quizzes/${quiz.slug}`;
  const flagged = report.questions.filter((q) => q.flags.length > 0).length;
  return educatorPage({
    title: `Report: ${quiz.title}`,
    signedIn: { admin },
    body: html`<h1>${quiz.title}</h1>
      <p>Status: <strong>${quiz.status}</strong> · <a href="/educator/quizzes/${quiz.slug}/review">Questions</a> · <a href="/educator/quizzes/${quiz.slug}/embed">Embed</a></p>
      ${filterForm(quiz.slug, report)}
      <p class="actions" aria-label="Exports">
        <a class="button secondary" href="${api}/report.csv${query(report)}" download>CSV: one row per response</a>
        <a class="button secondary" href="${api}/attempts.csv${query(report)}" download>CSV: one row per attempt</a>
        <a class="button secondary" href="${api}/retention.csv${query(report)}" download>CSV: retention per question</a>
        <a class="button secondary" href="${api}/xapi${query(report)}">xAPI statements (JSON)</a>
      </p>

      ${summarySection(report, flagged)}
      <h2>Questions</h2>
      <p class="hint">Flags: too easy above ${pct(thresholds.tooEasyAbove)} correct, too hard below ${pct(thresholds.tooHardBelow)} (after ${thresholds.minResponses} responses); weak discrimination below ${thresholds.weakDiscriminationBelow} or negative (after ${thresholds.minFinishedAttempts} finished attempts; groups of ${report.discriminationGroups.groupSize} now); distractors nobody picked.</p>
      ${report.questions.map((q, i) => questionSection(q, i + 1))}

      ${retentionSection(report.retention)}

      <h2>Learners</h2>
      ${learnerTable(report)}

      <h2>How these numbers are computed</h2>
      <ul class="hint">
        <li>Facility: share of a question's responses that are correct (all attempts in the filter, finished or not).</li>
        <li>Discrimination: finished attempts ranked by score; the top and bottom 27% form the upper and lower groups; the index is (correct in upper − correct in lower) ÷ group size, from −1 to 1. A skipped question counts as not correct.</li>
        <li>Point-biserial: correlation between getting the question right and the score on the other questions, over finished attempts that answered it.</li>
        <li>Time to answer: time from the previous answer (or from the start, for the first) to this answer; the median is shown.</li>
        <li>Retention: a learner's first try is their earliest answer to the question in any attempt. A question missed on the first try comes back for review a day later, then at growing intervals. First review: the first review answered a day or more after the first try. Came back: learners who answered at least one review of it. Remembered after a week: of the learners with a review answered seven days or more after their first try, the share whose first such review was right (all questions together above, per question in the table). Retention follows the group and page filters (of the first try's attempt), not the rounds.</li>
      </ul>`,
  });
}
