/**
 * Pieces the screens share: the button, a prompt with its cloze blank, the progress line and bar,
 * and the attributes for the quiz's own text.
 */
import type { ComponentChildren } from "preact";
import type { PublicQuestion, PublicQuiz } from "../worker/contract.ts";
import type { Locale } from "./i18n.ts";

/**
 * Attributes for the quiz's own text (title, prompts, choices, explanations, quotes): its
 * language, and a direction of its own, so an English quiz reads right inside an Urdu UI.
 */
export interface TextAttributes {
  lang?: string;
  dir: "auto";
}

/** What every screen gets: the UI language and the attributes for the quiz's text. */
export interface ScreenProps {
  loc: Locale;
  text: TextAttributes;
}

export const button = (label: string, onClick: () => void, cls = "b") => (
  <button type="button" class={cls} onClick={onClick}>
    {label}
  </button>
);

export const questionById = (quiz: PublicQuiz, id: string): PublicQuestion | undefined =>
  quiz.questions.find((q) => q.id === id);

/** A prompt with its cloze blank shown as a line and spoken as "blank". */
export function prompt(text: string, loc: Locale): ComponentChildren {
  return text.split(/_{2,}/).map((part, i) => [
    i > 0 && (
      <>
        <span aria-hidden>_____</span>
        <span class="sr">{loc.t.blank}</span>
      </>
    ),
    part,
  ]);
}

/** "3 of 8" and a labelled progress bar. */
export function Progress({ at, of: n, loc }: { at: number; of: number; loc: Locale }) {
  const label = loc.of(at, n);
  return (
    <>
      <p id="pg" class="mu">
        {label}
      </p>
      <div
        class="bar"
        role="progressbar"
        aria-labelledby="pg"
        aria-valuemax={n}
        aria-valuenow={at}
        aria-valuetext={label}
      >
        <i style={{ width: `${(at / n) * 100}%` }} />
      </div>
    </>
  );
}
