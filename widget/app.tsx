/**
 * The quiz's flow: intro → one question at a time → feedback → … → score and review, with
 * "retry the ones I missed"; each screen is its own file in screens/. One class component and no
 * hooks, to keep the bundle small. Every step is saved (store.ts) before it is sent, so a reload
 * or an outage resumes in place.
 */
import { Component, type ComponentChildren } from "preact";
import type {
  AnswerResult,
  AttemptProgress,
  FinishResult,
  PublicQuestion,
  PublicQuiz,
} from "../worker/contract.ts";
import { type HttpError, request } from "./api.ts";
import { unhashed } from "./article-link.ts";
import type { Locale } from "./i18n.ts";
import { Feedback } from "./screens/feedback.tsx";
import { Intro } from "./screens/intro.tsx";
import { Question } from "./screens/question.tsx";
import { Result } from "./screens/result.tsx";
import { siteQuizPath } from "./site.ts";
import { learnerId, load, type Round, save, uuid } from "./store.ts";
import { button, Progress, questionById, type TextAttributes } from "./ui.tsx";

export interface AppProps {
  /** The API origin, without a trailing slash. */
  api: string;
  /** The quiz's slug; "" in site mode. */
  slug: string;
  /** Site mode: the site whose quiz for this page to show (when there is no slug). */
  site: string | null;
  /** Render nothing, rather than a note, when no quiz can be shown. */
  hideErrors: boolean;
  group: string | null;
  loc: Locale;
  /** The <recall-quiz> element, which dispatches recall:complete. */
  host: HTMLElement;
}

interface AppState {
  quiz?: PublicQuiz;
  /**
   * Why no quiz shows: "nf" no such quiz; "down" the server could not be reached; in site mode
   * "soon" the page's quiz awaits review, "na" any other reason (a short article, an unreadable
   * page, another origin, an unknown site, the network).
   */
  err?: "nf" | "down" | "soon" | "na";
  /** The current round; none while the intro shows. */
  run?: Round;
  /** The choice selected but not yet submitted. */
  pick?: string;
  /** Requests are failing and being retried. */
  wait?: boolean;
  fin?: FinishResult;
  /** What the aria-live region says. */
  live?: string;
}

export class App extends Component<AppProps, AppState> {
  override state: AppState = {};
  /** A selector to focus after the next render. */
  #focus?: string;
  #attempt?: Promise<string>;
  #text: TextAttributes = { dir: "auto" };

  /** The slug of the quiz showing (in site mode, the one the site's response named). */
  get #slug() {
    return this.state.quiz?.slug ?? this.props.slug;
  }

  /** Where the round in progress on a quiz is saved. */
  #key(slug = this.#slug) {
    return `recall:${this.props.api}/${slug}`;
  }

  override componentDidMount() {
    void this.#load();
  }

  override componentDidUpdate() {
    if (this.#focus) {
      this.props.host.shadowRoot?.querySelector<HTMLElement>(this.#focus)?.focus();
      this.#focus = undefined;
    }
  }

  #url(path: string) {
    return `${this.props.api}/api/${path}`;
  }

  #waiting = (wait: boolean) => this.setState({ wait });

  /** Loads the quiz, then resumes a saved round if there is one. */
  #load = async () => {
    const { slug, site } = this.props;
    const bySite = !slug && site;
    this.setState({ err: undefined });
    try {
      const quiz = await request<PublicQuiz>(
        this.#url(bySite ? siteQuizPath(bySite) : `quizzes/${slug}`),
      );
      let run = load<Round>(this.#key(quiz.slug));
      if (run) {
        // Questions removed since the round began are dropped; the learner's answers stay.
        const has = (id: string) => quiz.questions.some((q) => q.id === id);
        run.pos = run.ids.slice(0, run.pos).filter(has).length;
        run.ids = run.ids.filter(has);
        if (!run.a || !run.ids[0]) run = undefined;
        else if (!run.ids[run.pos]) run.done = true;
      }
      this.setState({ quiz, run });
      if (run?.done) void this.#finish(run);
      else if (run) {
        const qid = run.ids[run.pos] ?? "";
        const pending = run.ans[qid];
        // Resending is safe: the server answers the same answer with the same grade.
        if (pending && !pending.r) void this.#send(run, qid);
      }
    } catch (e) {
      const { code } = e as HttpError;
      let err: AppState["err"] = code === "unreachable" ? "down" : "nf";
      // In site mode every reason but a pending review gets the same quiet note.
      if (bySite) err = code === "quiz_pending" ? "soon" : "na";
      this.setState({ err });
    }
  };

  /**
   * A request the server refused. A question removed from the quiz: reload the quiz, which drops
   * it from the round and keeps the rest. Any other 404: the attempt is gone (the learner erased
   * their data, or the database was reset), so the round is dropped for a fresh start.
   */
  #fail(e: HttpError) {
    if (e.code === "question_not_found") void this.#load();
    else if (e.status === 404) {
      save(this.#key(), null);
      this.setState({ run: undefined, fin: undefined });
    } else this.setState({ err: "down" });
  }

  /** Saves the round, then renders it. */
  #persist(run: Round) {
    save(this.#key(), run);
    this.setState({ run });
  }

  /** Starts a round over the given questions; the attempt is created in the background. */
  #round(ids: string[], p?: string) {
    const run: Round = { a: uuid(), p, ids, pos: 0, ans: {} };
    this.#attempt = undefined;
    this.#focus = "legend";
    this.setState({ fin: undefined, pick: undefined, live: undefined });
    this.#persist(run);
    void this.#ensureAttempt(run);
  }

  #start = () => {
    this.#round(this.state.quiz?.questions.map((q) => q.id) ?? []);
  };

  #retry = () => {
    const { fin, run } = this.state;
    // The review holds exactly the round's questions (the server records what it asked).
    this.#round(fin?.review.filter((r) => !r.correct).map((r) => r.questionId) ?? [], run?.a);
  };

  #ensureAttempt(run: Round): Promise<string> {
    if (run.s) return Promise.resolve(run.a);
    if (!this.#attempt) {
      const { group } = this.props;
      const slug = this.#slug;
      const page = unhashed(location.href);
      this.#attempt = learnerId()
        .then((id) =>
          request(
            this.#url(`quizzes/${slug}/attempts`),
            "POST",
            {
              attemptId: run.a,
              retryOf: run.p,
              questionIds: run.p && run.ids,
              learnerId: id,
              group: group?.trim().slice(0, 64) || undefined,
              pageUrl: /^https?:/.test(page) ? page.slice(0, 2048) : undefined,
            },
            this.#waiting,
          ),
        )
        .then(() => {
          run.s = 1;
          if (run === this.state.run) this.#persist(run);
          return run.a;
        });
      // A failed start may be retried by the next answer.
      this.#attempt.catch(() => {
        this.#attempt = undefined;
      });
    }
    return this.#attempt;
  }

  #submit = () => {
    const { run, pick } = this.state;
    const qid = run?.ids[run.pos];
    // An answer already on its way is not sent twice.
    if (!run || !qid || run.ans[qid]) return;
    if (!pick) {
      // Nothing chosen: back to the choices, whose group announces the question again.
      this.#focus = "input";
      this.setState({});
      return;
    }
    run.ans[qid] = { c: pick };
    this.#persist(run);
    void this.#send(run, qid);
  };

  /** Sends the saved answer to `qid` until the server grades it. */
  async #send(run: Round, qid: string) {
    const answer = run.ans[qid];
    if (!answer) return;
    this.setState({ pick: answer.c });
    try {
      const a = await this.#ensureAttempt(run);
      answer.r = await request<AnswerResult>(
        this.#url(`attempts/${a}/answers/${qid}`),
        "PUT",
        { choiceId: answer.c },
        this.#waiting,
      ).catch(async (e: HttpError) => {
        // 409: answered differently first (another tab); that answer counts, so show it.
        const first =
          e.status === 409 &&
          (await request<AttemptProgress>(this.#url(`attempts/${a}`))).answers.find(
            (x) => x.questionId === qid,
          );
        if (!first) throw e;
        answer.c = first.choiceId;
        return first;
      });
      const right = this.#question(qid)?.choices.find((c) => c.id === answer.r?.correctChoiceId);
      const { t } = this.props.loc;
      this.#focus = "#fh";
      this.setState({
        live: `${answer.r.correct ? t.correct : t.incorrect}. ${t.answer} ${right?.text ?? ""}`,
      });
      this.#persist(run);
    } catch (e) {
      this.#fail(e as HttpError);
    }
  }

  #next = () => {
    const run = this.state.run;
    if (!run) return;
    if (run.pos + 1 < run.ids.length) {
      run.pos++;
      this.#focus = "legend";
      this.setState({ pick: undefined, live: undefined });
      this.#persist(run);
    } else {
      run.done = true;
      this.#persist(run);
      void this.#finish(run);
    }
  };

  async #finish(run: Round) {
    try {
      const attemptId = await this.#ensureAttempt(run);
      const fin = await request<FinishResult>(
        this.#url(`attempts/${attemptId}/finish`),
        "POST",
        undefined,
        this.#waiting,
      );
      const { score, maxScore: max } = fin;
      this.#focus = "#fh";
      this.setState({ fin, live: `${this.props.loc.t.score}: ${this.props.loc.of(score, max)}` });
      if (!run.ev) {
        run.ev = true;
        this.#persist(run);
        this.props.host.dispatchEvent(
          new CustomEvent("recall:complete", {
            bubbles: true,
            composed: true,
            detail: { score, maxScore: max, quiz: this.#slug, attemptId },
          }),
        );
      }
    } catch (e) {
      this.#fail(e as HttpError);
    }
  }

  #question(id: string): PublicQuestion | undefined {
    return this.state.quiz && questionById(this.state.quiz, id);
  }

  #pick = (pick: string) => this.setState({ pick });

  override render() {
    const { loc, hideErrors } = this.props;
    const { t } = loc;
    const { quiz, err, run, fin, pick, wait, live } = this.state;
    const text = this.#text;
    // A site's page without a quiz (yet) gets one quiet line, in a box no taller than it.
    const note = err === "soon" || err === "na";
    let body: ComponentChildren;
    text.lang = quiz?.locale;
    if (err && !quiz && hideErrors) return null;
    if (note) {
      body = <p class="mu">{err === "soon" ? t.soon : t.na}</p>;
    } else if (err) {
      body = (
        <>
          <p role="alert">{err === "nf" ? t.notFound : t.down}</p>
          {err === "down" && button(t.tryAgain, this.#load)}
        </>
      );
    } else if (!quiz) {
      body = <p class="mu">{t.loading}</p>;
    } else if (!run) {
      body = <Intro quiz={quiz} loc={loc} text={text} onStart={this.#start} />;
    } else if (run.done) {
      body = fin ? (
        <Result
          fin={fin}
          quiz={quiz}
          loc={loc}
          text={text}
          onRetry={this.#retry}
          onAgain={this.#start}
        />
      ) : (
        <p class="mu">{t.loading}</p>
      );
    } else {
      const qid = run.ids[run.pos] ?? "";
      const q = this.#question(qid);
      const answer = run.ans[qid];
      const n = run.ids.length;
      const at = run.pos + 1;
      body = q && (
        <>
          <Progress at={at} of={n} loc={loc} />
          {answer?.r ? (
            <Feedback
              q={q}
              chosen={answer.c}
              result={answer.r}
              sourceUrl={quiz.sourceUrl}
              last={at === n}
              loc={loc}
              text={text}
              onNext={this.#next}
            />
          ) : (
            <Question
              q={q}
              pick={pick}
              sending={!!answer}
              loc={loc}
              text={text}
              onPick={this.#pick}
              onCheck={this.#submit}
            />
          )}
        </>
      );
    }
    return (
      <section
        class={note ? "r n" : "r"}
        aria-label={quiz?.title ?? "Recall"}
        lang={loc.lang}
        dir={loc.dir}
      >
        <div class="sr" aria-live="polite">
          {wait ? t.reconnecting : live}
        </div>
        {body}
        {wait && <p class="mu">{t.reconnecting}</p>}
      </section>
    );
  }
}
