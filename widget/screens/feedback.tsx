/**
 * The feedback on an answer: right or wrong in words and with an icon, the reader's answer, the
 * right one, the explanation, the source sentence quoted, "Show in article", then Next.
 */
import type { AnswerResult, PublicQuestion } from "../../worker/contract.ts";
import { articleLink, unhashed } from "../article-link.ts";
import { button } from "../shared.ts";
import type { ScreenProps } from "../ui.tsx";

export interface FeedbackProps extends ScreenProps {
  q: PublicQuestion;
  /** The choice the reader submitted. */
  chosen: string;
  result: AnswerResult;
  sourceUrl: string | null;
  /** The round's last question: Next becomes "See my score". */
  last: boolean;
  onNext: () => void;
}

export function Feedback({
  q,
  chosen,
  result: r,
  sourceUrl,
  last,
  loc,
  text,
  onNext,
}: FeedbackProps) {
  const { t } = loc;
  const choice = (id: string) => q.choices.find((c) => c.id === id)?.text ?? "";
  const href = articleLink(r.source.text, sourceUrl);
  const same = href?.startsWith(unhashed(location.href));
  return (
    <>
      <h2 id="fh" tabIndex={-1} class={r.correct ? "ok" : "no"}>
        <span aria-hidden>{r.correct ? "✓ " : "✗ "}</span>
        <span>{r.correct ? t.correct : t.incorrect}</span>
      </h2>
      {!r.correct && (
        <p>
          {t.yours} {choice(chosen)}
        </p>
      )}
      <p>
        <strong>{t.answer}</strong> {choice(r.correctChoiceId)}
      </p>
      <p {...text}>{r.explanation}</p>
      <blockquote {...text}>{r.source.text}</blockquote>
      {href && (
        <p>
          <a href={href} target={same ? undefined : "_blank"}>
            {t.show}
          </a>
        </p>
      )}
      {button(last ? t.finish : t.next, onNext)}
    </>
  );
}
