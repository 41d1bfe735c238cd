/** The intro: the quiz's title, how many questions, and Start. */
import type { PublicQuiz } from "../../worker/contract.ts";
import { button, type ScreenProps } from "../ui.tsx";

export function Intro({
  quiz,
  loc,
  text,
  onStart,
}: ScreenProps & { quiz: PublicQuiz; onStart: () => void }) {
  return (
    <>
      <h2 {...text}>{quiz.title}</h2>
      <p class="mu">{loc.count(quiz.questions.length)}</p>
      {button(loc.t.start, onStart)}
    </>
  );
}
