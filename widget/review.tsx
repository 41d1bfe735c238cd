/**
 * The lazy chunk `review` (chunks.ts): spaced review of questions from earlier reading. The flow
 * chunk fetches it only when the server lists questions due for this reader (flow.tsx's
 * offerReview) and calls `offer` (under the quiz) and `screen` (the review under way instead of
 * the quiz). Each answer is `PUT /api/learners/:learnerId/reviews/:questionId`, retried like a
 * quiz's answers; the same choice sent again gets the same grade, so a retried request is safe.
 * A review lives in memory: after a reload, what was answered is no longer due, the rest is.
 */
import type { DueReview, ReviewResult } from "../worker/contract.ts";
import { reviewStrings } from "./i18n/review.ts";
import type { Locale } from "./i18n.ts";
import type { QuizHost, ReviewRun } from "./quiz-host.ts";
import type { request } from "./retry.ts";
import css from "./review.css";
import type { Feedback } from "./screens/feedback.tsx";
import { asQuestion, Offer, ReviewQuestion, Summary } from "./screens/review.tsx";
import { save } from "./shared.ts";
import type { TextAttributes } from "./ui.tsx";

export { css };

/** What the flow chunk lends this one (flow.tsx's reviewKit). */
export interface ReviewKit {
  /** The reader's language with every string of the quiz's screens. */
  loc: Locale;
  request: typeof request;
  /** Shows "Reconnecting…" while a request is retried. */
  waiting: (on: boolean) => void;
  Feedback: typeof Feedback;
  /** Where the review items the reader declined are kept. */
  declinedKey: string;
}

const day = 86_400_000;
/** The due questions come from any quiz of the site: each sets its own direction. */
const text: TextAttributes = { dir: "auto" };

const focusOn = (app: QuizHost, selector: string) => () =>
  app.props.root.querySelector<HTMLElement>(selector)?.focus();

const words = (app: QuizHost) => reviewStrings[app.loc.lang];

/** Renders the review's new state, then moves focus to `selector`. */
function show(app: QuizHost, rv: ReviewRun | undefined, selector: string, live?: string) {
  app.setState({ rv, live }, focusOn(app, selector));
}

/** The offer under the quiz: begin, or "not now" until another question becomes due. */
export function offer(app: QuizHost, kit: ReviewKit) {
  const { rv } = app.state;
  if (!rv) return null;
  return (
    <>
      <style>{css}</style>
      <Offer
        r={words(app)}
        n={rv.due.length}
        loc={kit.loc}
        onBegin={() => show(app, { ...rv, pos: 0 }, "legend")}
        onDecline={() => {
          // Offered again once a question not among these is due.
          save(
            kit.declinedKey,
            rv.due.map((d) => d.questionId),
          );
          show(app, undefined, "#fh, legend");
        }}
      />
    </>
  );
}

/** The review under way: a question, its feedback, or the summary. */
export function screen(app: QuizHost, kit: ReviewKit) {
  const { rv } = app.state;
  const item = rv?.due[rv.pos];
  if (!rv) return null;
  const r = words(app);
  const { loc } = kit;
  if (rv.done || !item) {
    const results = Object.values(rv.res);
    const soonest = Math.min(...results.map((x) => Date.parse(x.nextDueAt)));
    return (
      <>
        <style>{css}</style>
        <Summary
          r={r}
          right={results.filter((x) => x.correct).length}
          of={results.length}
          days={results[0] && Math.max(1, Math.round((soonest - Date.now()) / day))}
          loc={loc}
          onBack={() => show(app, undefined, "#fh, legend")}
        />
      </>
    );
  }
  const id = item.questionId;
  const result = rv.res[id];
  return (
    <>
      <style>{css}</style>
      <ReviewQuestion
        r={r}
        rv={rv}
        item={item}
        loc={loc}
        text={text}
        onPick={(pick) => app.setState({ rv: { ...rv, pick } })}
        onCheck={() => check(app, kit, rv, item)}
      >
        {result && (
          <kit.Feedback
            q={asQuestion(item)}
            chosen={rv.sent[id] ?? ""}
            result={result}
            sourceUrl={item.quiz.sourceUrl}
            last={rv.pos + 1 === rv.due.length}
            loc={loc}
            text={text}
            onNext={() => next(app, rv)}
          />
        )}
      </ReviewQuestion>
    </>
  );
}

/** Check answer: sends the picked choice until the server grades it. */
async function check(app: QuizHost, kit: ReviewKit, rv: ReviewRun, item: DueReview) {
  const id = item.questionId;
  const choiceId = rv.pick;
  if (!choiceId) return focusOn(app, "input")();
  if (rv.sent[id]) return;
  rv.sent[id] = choiceId;
  app.setState({ rv });
  const { api } = app.props;
  const path = `learners/${rv.learner}/reviews/${encodeURIComponent(id)}`;
  try {
    const result = await kit.request<ReviewResult>(
      `${api}/api/${path}`,
      "PUT",
      { choiceId },
      kit.waiting,
    );
    rv.res[id] = result;
    const { t } = kit.loc;
    const right = item.choices.find((c) => c.id === result.correctChoiceId)?.text ?? "";
    show(app, rv, "#fh", `${result.correct ? t.correct : t.incorrect}. ${t.answer} ${right}`);
  } catch {
    // Not due any more (reviewed in another tab), or its question is gone: it leaves the review.
    rv.due.splice(rv.pos, 1);
    rv.pick = undefined;
    if (!rv.due[rv.pos]) rv.done = true;
    show(app, rv, rv.done ? "#fh" : "legend");
  }
}

function next(app: QuizHost, rv: ReviewRun) {
  rv.pick = undefined;
  if (rv.pos + 1 < rv.due.length) rv.pos++;
  else rv.done = true;
  show(app, rv, rv.done ? "#fh" : "legend", rv.done ? words(app).done : undefined);
}
