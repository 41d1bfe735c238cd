/**
 * One question: native radio buttons in a fieldset whose legend is the prompt, then "Check
 * answer". No <form>: a frame sandboxed without allow-forms (WordPress's oEmbed) blocks
 * submission, so the button's click and Enter on a choice do the checking.
 */
import type { PublicQuestion } from "../../worker/contract.ts";
import { button, prompt, type ScreenProps } from "../ui.tsx";

export interface QuestionProps extends ScreenProps {
  q: PublicQuestion;
  /** The choice selected. */
  pick?: string;
  /** The answer is on its way: the choices are disabled (the button keeps focus). */
  sending: boolean;
  onPick: (choiceId: string) => void;
  onCheck: () => void;
}

export function Question({ q, pick, sending, loc, text, onPick, onCheck }: QuestionProps) {
  // Enter on a choice checks the answer, as it would submit a form.
  const enter = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    onCheck();
  };
  return (
    <>
      <fieldset disabled={sending} onKeyDown={enter}>
        <legend tabIndex={-1} {...text}>
          {prompt(q.prompt, loc)}
        </legend>
        {q.choices.map((c) => (
          <label key={c.id} {...text}>
            <input type="radio" name="c" checked={pick === c.id} onChange={() => onPick(c.id)} />
            {c.text}
          </label>
        ))}
      </fieldset>
      {button(loc.t.check, onCheck)}
    </>
  );
}
