/**
 * The quiz's state and its first screen: the quiz's title above its first question. Everything
 * after — the round and its attempt, answers, feedback, the score, resuming, what shows when
 * there is no quiz — comes with the flow chunk (flow.tsx), fetched once the first screen has
 * painted (or at once when a saved round or a failure needs it), which then renders the screens
 * and drives this component through its QuizHost side. One class component and no hooks, to keep
 * widget.js small.
 */
import { Component } from "preact";
import type { PublicQuiz } from "../worker/contract.ts";
import { type HttpError, send } from "./api.ts";
import { type Chunks, chunk } from "./chunks.ts";
import { english, type Lang, type Locale, locale } from "./i18n.ts";
import type { QuizHost, QuizState } from "./quiz-host.ts";
import { Question } from "./screens/question.tsx";
import { siteQuizPath } from "./site.ts";
import { load, type Round, roundKey } from "./store.ts";
import { Progress, type TextAttributes } from "./ui.tsx";

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
  lang: Lang;
  /** The <recall-quiz> element, which dispatches recall:complete. */
  host: HTMLElement;
  /** Its shadow root, where the app renders (and chunks' scripts run). */
  root: ShadowRoot;
}

type Flow = Chunks["flow"];

interface AppState extends QuizState {
  /** The flow chunk, once it has arrived. */
  flow?: Flow;
  /** The flow chunk could not be fetched either: nothing can say what went wrong. */
  lost?: boolean;
}

/** The first screen's English; the rest comes with the flow chunk (flow.tsx). */
const firstEnglish = locale("en", english);

export class App extends Component<AppProps, AppState> implements QuizHost {
  override state: AppState = {};
  attempt?: Promise<string>;
  text: TextAttributes = { dir: "auto" };

  get loc(): Locale {
    return this.state.loc ?? firstEnglish;
  }

  /** The slug of the quiz showing (in site mode, the one the site's response named). */
  get slug() {
    return this.state.quiz?.slug ?? this.props.slug;
  }

  // Before the first render (the loading box), so that the quiz's request leaves at once.
  override componentWillMount() {
    const { lang, root } = this.props;
    if (lang === "en") this.setState({ loc: firstEnglish });
    else {
      // Fetched beside the quiz; without it, English.
      chunk(lang, root).then(
        (m) => this.setState({ loc: locale(lang, m.strings, m.number) }),
        () => this.setState({ loc: firstEnglish }),
      );
    }
    this.load();
    // While the quiz is on its way: a page's first localStorage read opens its storage (some
    // milliseconds), and the secret is read later anyway (learner.ts).
    load("recall:secret");
  }

  /**
   * The flow chunk (fetched on first use), then `act` on it. Without it nothing can go on: the
   * server counts as unreachable, and when there is nothing to show, the element shows nothing.
   */
  #flow(act?: (flow: Flow) => unknown) {
    chunk("flow", this.props.root).then(
      (flow) => {
        if (!this.state.flow) {
          this.setState({ flow });
          flow.offerReview(this, chunk);
        }
        act?.(flow);
      },
      () => (act || this.state.err) && this.setState({ err: "unreachable", lost: true }),
    );
  }

  /** Loads the quiz, and has the flow chunk resume a saved round if there is one. */
  load = () => {
    const { api, slug, site } = this.props;
    const bySite = !slug && site;
    const url = `${api}/api/${bySite ? siteQuizPath(bySite) : `quizzes/${slug}`}`;
    this.setState({ err: undefined });
    send<PublicQuiz>(url)
      // What waiting may fix is retried by the flow chunk's request(), with backoff.
      .catch((e: HttpError) =>
        e.code === "unreachable"
          ? chunk("flow", this.props.root).then((flow) => flow.request<PublicQuiz>(url))
          : Promise.reject(e),
      )
      .then(
        (quiz) => {
          const saved = load<Round>(roundKey(api, quiz.slug));
          this.setState({ quiz, saved });
          if (saved) this.#flow((flow) => flow.resume(this));
          // Once the first screen has painted, so that it never waits for the rest.
          else requestAnimationFrame(() => setTimeout(() => this.#flow()));
        },
        (e: HttpError) => {
          // The flow chunk says what it means for the reader.
          this.setState({ err: e.code });
          this.#flow();
        },
      );
  };

  #pick = (choice: string) => {
    this.setState({ pick: choice });
    this.#flow((flow) => flow.pickChoice(this, choice));
  };

  #check = () => this.#flow((flow) => flow.submit(this));

  override render() {
    const { hideErrors } = this.props;
    const { loc, quiz, err, saved, pick, wait, live, flow, lost } = this.state;
    const text = this.text;
    text.lang = quiz?.locale;
    // Nothing at all with hidden-errors, or when not even the flow chunk, which says what went
    // wrong, could be fetched: no box. (Until it arrives, the loading box stays.)
    if (err && ((!quiz && hideErrors) || lost)) {
      return <style>{":host{display:none!important}"}</style>;
    }
    const first = quiz?.questions[0];
    return (
      <section
        class={err && flow ? "r n" : "r"}
        aria-label={quiz?.title}
        lang={loc?.lang}
        dir={loc?.dir}
      >
        {flow && <style>{flow.css}</style>}
        <div class="sr" aria-live="polite">
          {wait ?? live}
        </div>
        {quiz && !err && <h2 {...text}>{quiz.title}</h2>}
        {!loc ? null : flow ? (
          flow.screen(this)
        ) : !first || saved || err ? (
          <p class="mu">{loc.t.loading}</p>
        ) : (
          <>
            <Progress at={1} of={quiz.questions.length} loc={loc} />
            <Question
              q={first}
              pick={pick}
              sending={false}
              loc={loc}
              text={text}
              onPick={this.#pick}
              onCheck={this.#check}
            />
          </>
        )}
        {wait && <p class="mu">{wait}</p>}
      </section>
    );
  }
}
