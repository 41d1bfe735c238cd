/**
 * The review's screens (the review chunk, review.tsx): the offer under the quiz, one due
 * question (with a link to its post) or its feedback, and the summary with when the next review
 * is. The question and feedback are the quiz's own (shared.ts, the flow chunk's Feedback), so a
 * review reads, sounds and moves focus like the quiz.
 */
import type { ComponentChildren } from "preact";
import type { DueReview, PublicQuestion } from "../../worker/contract.ts";
import { count, type ReviewStrings } from "../i18n/review.ts";
import type { ReviewRun } from "../quiz-host.ts";
import { button, Progress, Question } from "../shared.ts";
import type { ScreenProps } from "../ui.tsx";

export interface OfferProps extends Pick<ScreenProps, "loc"> {
  r: ReviewStrings;
  n: number;
  onBegin: () => void;
  onDecline: () => void;
}

/** "3 questions from earlier reading are due", "Review (1 min)" and "Not now". */
export function Offer({ r, n, loc, onBegin, onDecline }: OfferProps) {
  return (
    <div class="rv">
      <p>{count(r.due, n, loc.lang)}</p>
      {button(r.go, onBegin)} {button(r.no, onDecline, "b b2")}
    </div>
  );
}

/** A due review item as the quiz's Question screen takes it (its own text direction). */
export const asQuestion = (item: DueReview): PublicQuestion => ({
  id: item.questionId,
  type: "own",
  prompt: item.prompt,
  choices: item.choices,
});

export interface ReviewQuestionProps extends ScreenProps {
  r: ReviewStrings;
  rv: ReviewRun;
  item: DueReview;
  /** The feedback, once graded; the question until then. */
  children?: ComponentChildren;
  onPick: (choiceId: string) => void;
  onCheck: () => void;
}

/** The review's heading and progress, the question's post, then the question or its feedback. */
export function ReviewQuestion(props: ReviewQuestionProps) {
  const { r, rv, item, loc, text, children, onPick, onCheck } = props;
  const { quiz } = item;
  return (
    <>
      <h3>{r.title}</h3>
      <Progress at={rv.pos + 1} of={rv.due.length} loc={loc} />
      <p class="mu">
        {r.from}{" "}
        {quiz.sourceUrl ? (
          <a href={quiz.sourceUrl} {...text}>
            {quiz.title}
          </a>
        ) : (
          <span {...text}>{quiz.title}</span>
        )}
      </p>
      {children ?? (
        <Question
          q={asQuestion(item)}
          pick={rv.pick}
          sending={!!rv.sent[item.questionId]}
          loc={loc}
          text={text}
          onPick={onPick}
          onCheck={onCheck}
        />
      )}
    </>
  );
}

export interface SummaryProps extends Pick<ScreenProps, "loc"> {
  r: ReviewStrings;
  right: number;
  of: number;
  /** Days until the earliest reviewed question is due again; none when nothing was graded. */
  days?: number;
  onBack: () => void;
}

/** "Review done", how many were remembered, "Next review in N days", and back to the quiz. */
export function Summary({ r, right, of, days, loc, onBack }: SummaryProps) {
  return (
    <>
      <h2 id="fh" tabIndex={-1}>
        {r.done}
      </h2>
      <p>
        {r.kept} {loc.of(right, of)}
      </p>
      {days !== undefined && <p>{count(r.next, days, loc.lang)}</p>}
      {button(r.back, onBack)}
    </>
  );
}
