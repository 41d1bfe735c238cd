/**
 * The question bank format (README's "The question bank"): what the generator produces, what
 * `npm start` loads and what the authoring API stores. Pure types, shared by every room.
 */

export type QuestionType = "cloze" | "true-statement" | "list-membership";

export interface Choice {
  /** "a", "b", "c" or "d". */
  id: string;
  text: string;
}

/** The sentence that holds the answer, with its offsets in the article text. */
export interface SourcePassage {
  start: number;
  end: number;
  text: string;
}

export interface Question {
  /** Short and stable within the bank: [a-z0-9-], at most 32 characters (used in URLs). */
  id: string;
  type: QuestionType;
  prompt: string;
  /** Three or four choices. */
  choices: Choice[];
  /** The id of the correct choice. */
  answer: string;
  /**
   * What the key is (questions/typing.ts): "person", "place:city", "place:country", "event",
   * "year", "quantity:km", "percentage", "age", "list:commodity"… Every distractor is of the
   * same kind. Optional: banks written before it was added have none.
   */
  kind?: string;
  explanation: string;
  source: SourcePassage;
}

export interface Bank {
  version: 1;
  title: string;
  locale: string;
  /** SHA-256 hex of the article text. */
  articleHash: string;
  questions: Question[];
}
