/**
 * The one error the generator throws on purpose: the input cannot make a quiz. Callers (CLI,
 * authoring API) show `message` to a person, so it says what is wrong and what to do.
 */
export class UnusableArticleError extends Error {
  /** A stable machine-readable reason. */
  readonly reason: "empty" | "binary" | "too-large" | "not-an-article" | "no-questions";

  constructor(reason: UnusableArticleError["reason"], message: string) {
    super(message);
    this.name = "UnusableArticleError";
    this.reason = reason;
  }
}
