/**
 * What shows instead of a quiz (or of the rest of it). In site mode one quiet line: "Quiz coming
 * soon." while the page's quiz awaits review (`quiz_pending`), else — a short article, an
 * unreadable page, another origin, an unknown site, the network — "No quiz for this page right
 * now.". With quiz=: a quiz that does not exist, or a server that cannot be reached, with "Try
 * again".
 */
import { button } from "../shared.ts";
import type { ScreenProps } from "../ui.tsx";

export interface NoticeProps extends Pick<ScreenProps, "loc"> {
  /** The API's error code, or "unreachable". */
  code: string;
  /** Site mode: the page named no quiz. */
  bySite: boolean;
  onRetry: () => void;
}

export function Notice({ code, bySite, loc: { t }, onRetry }: NoticeProps) {
  const down = code === "unreachable";
  return (
    <>
      {/* No reserved height, not even one the host page set on the element. */}
      <style>{":host{min-height:0!important}"}</style>
      {bySite ? (
        <p class="mu">{code === "quiz_pending" ? t.soon : t.na}</p>
      ) : (
        <>
          <p role="alert">{down ? t.down : t.notFound}</p>
          {down && button(t.tryAgain, onRetry)}
        </>
      )}
    </>
  );
}
