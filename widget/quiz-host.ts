/**
 * What the flow chunk (flow.tsx) works on: the quiz's state and the App (app.tsx) that keeps and
 * renders it. Types only, so that the chunk and widget.js share no code through it.
 */
import type { DueReview, FinishResult, PublicQuiz, ReviewResult } from "../worker/contract.ts";
import type { Locale } from "./i18n.ts";
import type { Round } from "./store.ts";
import type { TextAttributes } from "./ui.tsx";

export interface QuizState {
  /** The UI language's strings; absent until a lazily fetched language has arrived. */
  loc?: Locale;
  quiz?: PublicQuiz;
  /**
   * Why no quiz shows, or why it stopped: the API's error code ("quiz_pending" in site mode: the
   * page's quiz awaits review), "unreachable" when the server could not be reached.
   */
  err?: string;
  /** A saved round, as loaded, until the flow chunk resumes it. */
  saved?: Round;
  /** The current round; none on the first screen until the reader picks a choice. */
  run?: Round;
  /** The choice selected but not yet submitted. */
  pick?: string;
  /** Requests are failing and being retried: what to tell the reader meanwhile. */
  wait?: string;
  fin?: FinishResult;
  /** What the aria-live region says. */
  live?: string;
  /** Questions from earlier reading due for review (review.tsx): offered, then under way. */
  rv?: ReviewRun;
}

/** A spaced review: the due questions, offered until the reader begins (or declines) it. */
export interface ReviewRun {
  /** The reader's learner id, whose reviews these are. */
  learner: string;
  due: DueReview[];
  /** The question showing; -1 while only offered. */
  pos: number;
  /** The choice selected but not yet sent. */
  pick?: string;
  /** The choice sent per review item (`<slug>.<question id>`), until and after its grade. */
  sent: Record<string, string>;
  /** The grades, per review item. */
  res: Record<string, ReviewResult>;
  /** Every question answered: the summary shows. */
  done?: boolean;
}

export interface QuizHost {
  readonly state: Readonly<QuizState>;
  readonly props: {
    /** The API origin, without a trailing slash. */
    api: string;
    /** The quiz's slug; "" in site mode. */
    slug: string;
    /** Site mode: the site whose quiz for this page shows. */
    site: string | null;
    group: string | null;
    /** The <recall-quiz> element, which dispatches recall:complete. */
    host: HTMLElement;
    /** Its shadow root, where the quiz renders. */
    root: ShadowRoot;
  };
  /** Renders the new state, then calls `then` (for moving focus). */
  setState(state: Partial<QuizState>, then?: () => void): void;
  /** The UI language (for English, the first screen's strings only: see flow.tsx). */
  readonly loc: Locale;
  /** Attributes for the quiz's own text. */
  readonly text: TextAttributes;
  /** The slug of the quiz showing. */
  readonly slug: string;
  /** The attempt of the current round being created. */
  attempt?: Promise<string>;
  /** (Re)loads the quiz. */
  load(): void;
}
