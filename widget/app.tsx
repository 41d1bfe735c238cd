/**
 * The quiz itself: intro → one question at a time → feedback → … → score and review, with
 * "retry the ones I missed". One class component and no hooks, to keep the bundle small.
 * Every step is saved (store.ts) before it is sent, so a reload or an outage resumes in place.
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
import type { Locale } from "./i18n.ts";
import { learnerId, load, type Round, save, uuid } from "./store.ts";

export interface AppProps {
  /** The API origin, without a trailing slash. */
  api: string;
  slug: string;
  group: string | null;
  loc: Locale;
  /** The <recall-quiz> element, which dispatches recall:complete. */
  host: HTMLElement;
}

interface AppState {
  quiz?: PublicQuiz;
  /** "nf": no such quiz; "down": the server could not be reached. */
  err?: "nf" | "down";
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

/** A URL without its #fragment. */
const unhashed = (url: string) => url.replace(/#.*/s, "");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
/** Text-fragment encoding: encodeURIComponent leaves "-", which the syntax reserves. */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D");

const button = (label: string, onClick: () => void, cls = "b") => (
  <button type="button" class={cls} onClick={onClick}>
    {label}
  </button>
);

export class App extends Component<AppProps, AppState> {
  override state: AppState = {};
  /** A selector to focus after the next render. */
  #focus?: string;
  #attempt?: Promise<string>;
  /**
   * Attributes for the quiz's own text (title, prompts, choices, explanations, quotes): its
   * language, and a direction of its own, so an English quiz reads right inside an Urdu UI.
   */
  #text: { lang?: string; dir: "auto" } = { dir: "auto" };
  /** The page's text, read once, to tell whether the article is on this page. */
  #page?: string;

  get #key() {
    return `recall:${this.props.api}/${this.props.slug}`;
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
    this.setState({ err: undefined });
    try {
      const quiz = await request<PublicQuiz>(this.#url(`quizzes/${this.props.slug}`));
      let run = load<Round>(this.#key);
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
      this.setState({ err: (e as HttpError).code === "unreachable" ? "down" : "nf" });
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
      save(this.#key, null);
      this.setState({ run: undefined, fin: undefined });
    } else this.setState({ err: "down" });
  }

  /** Saves the round, then renders it. */
  #persist(run: Round) {
    save(this.#key, run);
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
      const { slug, group } = this.props;
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

  /** Enter on a choice checks the answer, as it would submit a form. */
  #enter = (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    this.#submit();
  };

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
            detail: { score, maxScore: max, quiz: this.props.slug, attemptId },
          }),
        );
      }
    } catch (e) {
      this.#fail(e as HttpError);
    }
  }

  #question(id: string): PublicQuestion | undefined {
    return this.state.quiz?.questions.find((q) => q.id === id);
  }

  /** A prompt with its cloze blank shown as a line and spoken as "blank". */
  #prompt(text: string): ComponentChildren {
    return text.split(/_{2,}/).map((part, i) => [
      i > 0 && (
        <>
          <span aria-hidden>_____</span>
          <span class="sr">{this.props.loc.t.blank}</span>
        </>
      ),
      part,
    ]);
  }

  /** "Show in article": this page if it holds the sentence, else the quiz's source URL. */
  #showHref(sentence: string): string | undefined {
    const text = norm(sentence);
    if (!text) return;
    const words = text.split(" ");
    const frag = `#:~:text=${
      words.length > 10
        ? `${enc(words.slice(0, 5).join(" "))},${enc(words.slice(-5).join(" "))}`
        : enc(text)
    }`;
    // innerText, not textContent: text fragments match rendered text, not scripts or hidden text.
    // biome-ignore lint/performance/useDomNodeTextContent: see above.
    this.#page ??= norm(document.body?.innerText ?? "");
    if (this.#page.includes(text)) return unhashed(location.href) + frag;
    const src = this.state.quiz?.sourceUrl;
    return src ? unhashed(src) + frag : undefined;
  }

  #feedback(q: PublicQuestion, chosen: string, r: AnswerResult, last: boolean) {
    const { t } = this.props.loc;
    const text = (id: string) => q.choices.find((c) => c.id === id)?.text ?? "";
    const href = this.#showHref(r.source.text);
    const same = href?.startsWith(unhashed(location.href));
    return (
      <>
        <h2 id="fh" tabIndex={-1} class={r.correct ? "ok" : "no"}>
          <span aria-hidden>{r.correct ? "✓ " : "✗ "}</span>
          <span>{r.correct ? t.correct : t.incorrect}</span>
        </h2>
        {!r.correct && (
          <p>
            {t.yours} {text(chosen)}
          </p>
        )}
        <p>
          <strong>{t.answer}</strong> {text(r.correctChoiceId)}
        </p>
        <p {...this.#text}>{r.explanation}</p>
        <blockquote {...this.#text}>{r.source.text}</blockquote>
        {href && (
          <p>
            <a href={href} target={same ? undefined : "_blank"}>
              {t.show}
            </a>
          </p>
        )}
        {button(last ? t.finish : t.next, this.#next)}
      </>
    );
  }

  #end(fin: FinishResult) {
    const { t, of } = this.props.loc;
    const { review, score, maxScore: max } = fin;
    return (
      <>
        <h2 id="fh" tabIndex={-1}>
          {t.score}
        </h2>
        <p class="big">{of(score, max)}</p>
        <ol>
          {review.map((r) => {
            const q = this.#question(r.questionId);
            const text = (id: string | null) => q?.choices.find((c) => c.id === id)?.text;
            return (
              <li key={r.questionId}>
                <span class={r.correct ? "ok" : "no"}>
                  {r.correct ? `✓ ${t.correct}` : `✗ ${t.incorrect}`}
                </span>
                {" · "}
                {q && <span {...this.#text}>{this.#prompt(q.prompt)}</span>}
                <br />
                {r.choiceId && `${t.yours} ${text(r.choiceId)}`}
                {r.choiceId !== null && !r.correct && (
                  <>
                    <br />
                    {t.answer} {text(r.correctChoiceId)}
                  </>
                )}
              </li>
            );
          })}
        </ol>
        {score < max && button(t.retry, this.#retry)}
        {button(t.again, this.#start, score < max ? "b b2" : "b")}
      </>
    );
  }

  override render() {
    const { loc } = this.props;
    const { t, of } = loc;
    const { quiz, err, run, fin, pick, wait, live } = this.state;
    let body: ComponentChildren;
    this.#text.lang = quiz?.locale;
    if (err) {
      body = (
        <>
          <p role="alert">{err === "nf" ? t.notFound : t.down}</p>
          {err === "down" && button(t.tryAgain, this.#load)}
        </>
      );
    } else if (!quiz) {
      body = <p class="mu">{t.loading}</p>;
    } else if (!run) {
      body = (
        <>
          <h2 {...this.#text}>{quiz.title}</h2>
          <p class="mu">{loc.count(quiz.questions.length)}</p>
          {button(t.start, this.#start)}
        </>
      );
    } else if (run.done) {
      body = fin ? this.#end(fin) : <p class="mu">{t.loading}</p>;
    } else {
      const qid = run.ids[run.pos] ?? "";
      const q = this.#question(qid);
      const answer = run.ans[qid];
      const n = run.ids.length;
      const at = run.pos + 1;
      const progress = of(at, n);
      body = q && (
        <>
          <p id="pg" class="mu">
            {progress}
          </p>
          <div
            class="bar"
            role="progressbar"
            aria-labelledby="pg"
            aria-valuemax={n}
            aria-valuenow={at}
            aria-valuetext={progress}
          >
            <i style={{ width: `${(at / n) * 100}%` }} />
          </div>
          {answer?.r ? (
            this.#feedback(q, answer.c, answer.r, at === n)
          ) : (
            <>
              {/* No <form>: a sandboxed frame without allow-forms (WordPress's oEmbed) blocks
                  submission, so the button's click and Enter on a choice do the checking.
                  Disabled while the answer is on its way (the button keeps focus). */}
              <fieldset disabled={!!answer} onKeyDown={this.#enter}>
                <legend tabIndex={-1} {...this.#text}>
                  {this.#prompt(q.prompt)}
                </legend>
                {q.choices.map((c) => (
                  <label key={c.id} {...this.#text}>
                    <input
                      type="radio"
                      name="c"
                      value={c.id}
                      checked={pick === c.id}
                      onChange={() => this.setState({ pick: c.id })}
                    />
                    {c.text}
                  </label>
                ))}
              </fieldset>
              {button(t.check, this.#submit)}
            </>
          )}
        </>
      );
    }
    return (
      <section class="r" aria-label={quiz?.title ?? "Recall"} lang={loc.lang} dir={loc.dir}>
        <div class="sr" aria-live="polite">
          {wait ? t.reconnecting : live}
        </div>
        {body}
        {wait && <p class="mu">{t.reconnecting}</p>}
      </section>
    );
  }
}
