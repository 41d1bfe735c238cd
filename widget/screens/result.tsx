/**
 * The score ("6 of 8"), a review of every question of the round, "Retry the ones I missed"
 * (when some were) and "Start over".
 */
import type { FinishResult, PublicQuiz } from "../../worker/contract.ts";
import { button, prompt, questionById } from "../shared.ts";
import type { ScreenProps } from "../ui.tsx";

export interface ResultProps extends ScreenProps {
  fin: FinishResult;
  quiz: PublicQuiz;
  onRetry: () => void;
  onAgain: () => void;
}

export function Result({ fin, quiz, loc, text, onRetry, onAgain }: ResultProps) {
  const { t, of } = loc;
  const { review, score, maxScore: max } = fin;
  return (
    <>
      <h2 id="fh" tabIndex={-1}>
        {t.score}
      </h2>
      <p class="big">{of(score, max)}</p>
      <ol>
        {review.map((r) => {
          const q = questionById(quiz, r.questionId);
          const choice = (id: string | null) => q?.choices.find((c) => c.id === id)?.text;
          return (
            <li key={r.questionId}>
              <span class={r.correct ? "ok" : "no"}>
                {r.correct ? `✓ ${t.correct}` : `✗ ${t.incorrect}`}
              </span>
              {" · "}
              {q && <span {...text}>{prompt(q.prompt, loc)}</span>}
              <br />
              {r.choiceId && `${t.yours} ${choice(r.choiceId)}`}
              {r.choiceId !== null && !r.correct && (
                <>
                  <br />
                  {t.answer} {choice(r.correctChoiceId)}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {score < max && button(t.retry, onRetry)}
      {button(t.again, onAgain, score < max ? "b b2" : "b")}
    </>
  );
}
