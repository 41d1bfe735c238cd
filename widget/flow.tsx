/**
 * The lazy chunk `flow` (chunks.ts): everything after the first screen. Which screen shows
 * (`screen`); a round and its attempt; each answer saved and then sent until the server grades
 * it; Next; finishing with the score and recall:complete; retrying the missed ones; resuming a
 * saved round; what shows instead of a quiz. With it come the feedback, result and notice
 * screens, their stylesheet and the later screens' English. The App (app.tsx) keeps the state
 * and renders; these functions drive it through its QuizHost side. Every step is saved before it
 * is sent, so a reload or an outage resumes in place.
 */
import type { ComponentChildren } from "preact";
import type {
  AnswerResult,
  AttemptProgress,
  DueReviews,
  FinishResult,
} from "../worker/contract.ts";
import type { HttpError } from "./api.ts";
import { unhashed } from "./article-link.ts";
import css from "./flow.css";
import { englishLater } from "./i18n/english-later.ts";
import type { Locale } from "./i18n.ts";
import { learnerId, uuid } from "./learner.ts";
import type { QuizHost } from "./quiz-host.ts";
import { request } from "./retry.ts";
import type * as ReviewChunk from "./review.tsx";
import { Feedback } from "./screens/feedback.tsx";
import { Notice } from "./screens/notice.tsx";
import { Result } from "./screens/result.tsx";
import {
  english,
  load,
  locale,
  Progress,
  Question,
  questionById,
  roundKey,
  save,
} from "./shared.ts";
import type { Round } from "./store.ts";

export { css, pickChoice, request };

const url = (app: QuizHost, path: string) => `${app.props.api}/api/${path}`;

/** Moves focus, once the state just set has rendered. */
const focusOn = (app: QuizHost, selector: string) => () =>
  app.props.root.querySelector<HTMLElement>(selector)?.focus();

/** Saves the round, then renders it. */
function persist(app: QuizHost, run: Round) {
  save(roundKey(app.props.api, app.slug), run);
  app.setState({ run });
}

let fullEnglish: Locale | undefined;

/** The reader's language with every string: English's later ones came with this chunk. */
function strings(app: QuizHost): Locale {
  if (app.loc.lang !== "en") return app.loc;
  fullEnglish ??= locale("en", `${english}|${englishLater}`);
  return fullEnglish;
}

/** Shows (and announces) "Reconnecting… Your answer is saved." while requests are retried. */
const waiting = (app: QuizHost) => (on: boolean) =>
  app.setState({ wait: on ? strings(app).t.reconnecting : undefined });

type Review = typeof ReviewChunk;

/** The review chunk, once some reader of this page had questions due. */
let review: Review | undefined;
/** The apps whose reader's due questions were asked for (once per element and quiz). */
const asked = new WeakSet<QuizHost>();

/** What the review chunk uses of this one (review.tsx's ReviewKit). */
const reviewKit = (app: QuizHost) => ({
  loc: strings(app),
  request,
  waiting: waiting(app),
  Feedback,
  declinedKey: declinedKey(app),
});

/**
 * Once this chunk has arrived, with a quiz showing: asks whether the reader has questions from
 * earlier reading due (one GET, only for a reader who has a learner secret, i.e. has answered
 * before), and only when some are, and the reader has not declined exactly these, fetches the
 * review chunk (with widget.js's chunks.ts `chunk`, handed in) and offers the review (review.tsx).
 */
export async function offerReview(
  app: QuizHost,
  loadChunk: (name: "review", root: ShadowRoot) => Promise<Review>,
) {
  const { quiz } = app.state;
  if (!quiz || asked.has(app) || !load("recall:secret")) return;
  asked.add(app);
  const { slug, site } = app.props;
  const scope = slug
    ? `quiz=${encodeURIComponent(slug)}`
    : `site=${encodeURIComponent(site ?? "")}`;
  try {
    const id = await learnerId();
    if (!id) return;
    const list = await request<DueReviews>(url(app, `learners/${id}/reviews?${scope}`));
    const due = list.due;
    if (!due[0] || due.every((d) => declinedReviews(app).includes(d.questionId))) return;
    review = await loadChunk("review", app.props.root);
    app.setState({ rv: { learner: id, due, pos: -1, sent: {}, res: {} } });
  } catch {
    // No review this time (offline, or the quiz is gone): the quiz goes on as before.
  }
}

/** Where the review items the reader said "not now" to are kept (per API origin). */
const declinedKey = (app: QuizHost) => `recall:declined:${app.props.api}`;
const declinedReviews = (app: QuizHost) => load<string[]>(declinedKey(app)) ?? [];

/** The review (offered above the quiz, or under way instead of it), else the quiz's screen. */
export function screen(app: QuizHost): ComponentChildren {
  const { rv, err, run } = app.state;
  if (!review || !rv || err) return quizScreen(app);
  if (rv.pos >= 0) return review.screen(app, reviewKit(app));
  // Offered before the quiz (until the reader picks a choice) or after it, never mid-round.
  if (run && !run.done) return quizScreen(app);
  // Below the quiz: it never pushes the question down, nor moves it when it goes.
  return (
    <>
      {quizScreen(app)}
      {review.offer(app, reviewKit(app))}
    </>
  );
}

/** The question, its feedback, the score, or what shows instead of a quiz. */
function quizScreen(app: QuizHost): ComponentChildren {
  const { quiz, err, saved, run, fin, pick } = app.state;
  const loc = strings(app);
  const { text } = app;
  const loading = <p class="mu">{loc.t.loading}</p>;
  if (err) {
    const bySite = !app.props.slug && !!app.props.site;
    return <Notice code={err} bySite={bySite} loc={loc} onRetry={() => app.load()} />;
  }
  if (!quiz || saved) return loading;
  if (run?.done) {
    return fin ? (
      <Result
        fin={fin}
        quiz={quiz}
        loc={loc}
        text={text}
        onRetry={() => retry(app)}
        onAgain={() => again(app)}
      />
    ) : (
      loading
    );
  }
  const ids = run?.ids ?? quiz.questions.map((q) => q.id);
  const pos = run?.pos ?? 0;
  const qid = ids[pos] ?? "";
  const q = questionById(quiz, qid);
  const answer = run?.ans[qid];
  // The same elements as the App's own first screen, so that taking over keeps focus and choice.
  return (
    q && (
      <>
        <Progress at={pos + 1} of={ids.length} loc={loc} />
        {answer?.r ? (
          <Feedback
            q={q}
            chosen={answer.c}
            result={answer.r}
            sourceUrl={quiz.sourceUrl}
            last={pos + 1 === ids.length}
            loc={loc}
            text={text}
            onNext={() => next(app)}
          />
        ) : (
          <Question
            q={q}
            pick={pick}
            sending={!!answer}
            loc={loc}
            text={text}
            onPick={(choice) => pickChoice(app, choice)}
            onCheck={() => submit(app)}
          />
        )}
      </>
    )
  );
}

const allQuestions = (app: QuizHost) => app.state.quiz?.questions.map((q) => q.id) ?? [];

/**
 * Starts a round over `ids` (a retry of round `p`); the attempt is created in the background.
 * `then` runs once it has rendered.
 */
function round(app: QuizHost, ids: string[], p?: string, then?: () => void) {
  const run: Round = { a: uuid(), p, ids, pos: 0, ans: {} };
  app.attempt = undefined;
  app.setState({ fin: undefined, live: undefined, pick: undefined }, then);
  persist(app, run);
  void ensureAttempt(app, run);
}

/** The reader picks a choice; the first pick on the first screen starts the round. */
function pickChoice(app: QuizHost, pick: string) {
  if (!app.state.run) round(app, allQuestions(app));
  app.setState({ pick });
}

/** "Start over": a new round over every question. */
function again(app: QuizHost) {
  round(app, allQuestions(app), undefined, focusOn(app, "legend"));
}

function retry(app: QuizHost) {
  const { fin, run } = app.state;
  // The review holds exactly the round's questions (the server records what it asked).
  const missed = fin?.review.filter((r) => !r.correct).map((r) => r.questionId) ?? [];
  round(app, missed, run?.a, focusOn(app, "legend"));
}

/**
 * The saved round, once the quiz has loaded: questions removed since it began are dropped (the
 * learner's answers stay), then its score is fetched, or an answer still on its way resent.
 */
export function resume(app: QuizHost) {
  const { quiz, saved } = app.state;
  if (!quiz || !saved) return;
  let run: Round | undefined = saved;
  const has = (id: string) => quiz.questions.some((q) => q.id === id);
  run.pos = run.ids.slice(0, run.pos).filter(has).length;
  run.ids = run.ids.filter(has);
  if (!run.a || !run.ids[0]) run = undefined;
  else if (!run.ids[run.pos]) run.done = true;
  app.setState({ saved: undefined, run });
  if (!run) return;
  if (run.done) return void finish(app, run);
  const qid = run.ids[run.pos] ?? "";
  const pending = run.ans[qid];
  // Resending is safe: the server answers the same answer with the same grade.
  if (pending && !pending.r) void send(app, run, qid);
}

function ensureAttempt(app: QuizHost, run: Round): Promise<string> {
  if (run.s) return Promise.resolve(run.a);
  if (!app.attempt) {
    const { group } = app.props;
    const page = unhashed(location.href);
    const attempt = learnerId()
      .then((id) =>
        request(
          url(app, `quizzes/${app.slug}/attempts`),
          "POST",
          {
            attemptId: run.a,
            retryOf: run.p,
            questionIds: run.p && run.ids,
            learnerId: id,
            group: group?.trim().slice(0, 64) || undefined,
            pageUrl: /^https?:/.test(page) ? page.slice(0, 2048) : undefined,
          },
          waiting(app),
        ),
      )
      .then(() => {
        run.s = 1;
        if (run === app.state.run) persist(app, run);
        return run.a;
      });
    app.attempt = attempt;
    // A failed start may be retried by the next answer.
    attempt.catch(() => {
      if (app.attempt === attempt) app.attempt = undefined;
    });
  }
  return app.attempt;
}

export function submit(app: QuizHost) {
  const { run, pick } = app.state;
  const qid = run?.ids[run.pos];
  if (!pick) {
    // Nothing chosen: back to the choices, whose group announces the question again.
    app.setState({}, focusOn(app, "input"));
    return;
  }
  // An answer already on its way is not sent twice.
  if (!run || !qid || run.ans[qid]) return;
  run.ans[qid] = { c: pick };
  persist(app, run);
  void send(app, run, qid);
}

/** Sends the saved answer to `qid` until the server grades it. */
async function send(app: QuizHost, run: Round, qid: string) {
  const answer = run.ans[qid];
  if (!answer) return;
  app.setState({ pick: answer.c });
  try {
    const a = await ensureAttempt(app, run);
    answer.r = await request<AnswerResult>(
      url(app, `attempts/${a}/answers/${qid}`),
      "PUT",
      { choiceId: answer.c },
      waiting(app),
    ).catch(async (e: HttpError) => {
      // 409: answered differently first (another tab); that answer counts, so show it.
      const first =
        e.status === 409 &&
        (await request<AttemptProgress>(url(app, `attempts/${a}`))).answers.find(
          (x) => x.questionId === qid,
        );
      if (!first) throw e;
      answer.c = first.choiceId;
      return first;
    });
    const quiz = app.state.quiz;
    const right =
      quiz && questionById(quiz, qid)?.choices.find((c) => c.id === answer.r?.correctChoiceId);
    const { t } = strings(app);
    app.setState(
      { live: `${answer.r.correct ? t.correct : t.incorrect}. ${t.answer} ${right?.text ?? ""}` },
      focusOn(app, "#fh"),
    );
    persist(app, run);
  } catch (e) {
    fail(app, e as HttpError);
  }
}

function next(app: QuizHost) {
  const run = app.state.run;
  if (!run) return;
  if (run.pos + 1 < run.ids.length) {
    run.pos++;
    app.setState({ pick: undefined, live: undefined }, focusOn(app, "legend"));
    persist(app, run);
  } else {
    run.done = true;
    persist(app, run);
    void finish(app, run);
  }
}

async function finish(app: QuizHost, run: Round) {
  try {
    const attemptId = await ensureAttempt(app, run);
    const fin = await request<FinishResult>(
      url(app, `attempts/${attemptId}/finish`),
      "POST",
      undefined,
      waiting(app),
    );
    const { score, maxScore: max } = fin;
    const loc = strings(app);
    app.setState({ fin, live: `${loc.t.score}: ${loc.of(score, max)}` }, focusOn(app, "#fh"));
    if (!run.ev) {
      run.ev = true;
      persist(app, run);
      app.props.host.dispatchEvent(
        new CustomEvent("recall:complete", {
          bubbles: true,
          composed: true,
          detail: { score, maxScore: max, quiz: app.slug, attemptId },
        }),
      );
    }
  } catch (e) {
    fail(app, e as HttpError);
  }
}

/**
 * A request the server refused. A question removed from the quiz: reload the quiz, which drops
 * it from the round and keeps the rest. Any other 404: the attempt is gone (the learner erased
 * their data, or the database was reset), so the round is dropped for a fresh start.
 */
function fail(app: QuizHost, e: HttpError) {
  if (e.code === "question_not_found") app.load();
  else if (e.status === 404) {
    save(roundKey(app.props.api, app.slug), null);
    app.attempt = undefined;
    app.setState({ run: undefined, fin: undefined, pick: undefined });
  } else app.setState({ err: "unreachable" });
}
