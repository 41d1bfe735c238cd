/**
 * Which candidate questions give each other's answers away (generate.ts's selection): a
 * property of two candidates, made once per article and shared by every selection pass. It
 * changes only when a candidate's choices are made (`refresh`).
 */
import type { QuestionType } from "./bank.ts";
import { padded } from "./distractors.ts";
import { entityKey } from "./entities.ts";
import type { AnswerType } from "./typing.ts";

/** What the give-away check reads of a candidate question. */
export interface Askable {
  type: QuestionType;
  key: string;
  /** What a learner must not see elsewhere in the bank (the key and its aliases). */
  secrets: readonly string[];
  /** Everything the question shows (stem and choices). */
  shows: readonly string[];
  facet: string;
  keyType: AnswerType;
  distractors: readonly string[];
}

/** A candidate normalised for the check (entityKey's words, padded with spaces). */
interface Form {
  secrets: string[];
  /** Each secret's first word. */
  openings: string[];
  shows: string[];
  /** The words of `shows`. */
  words: Set<string>;
  key: string;
  /** The key as written: never excused (only a short form or acronym of it). */
  whole: string;
  /** A person named in full: a surname another stem shows only says they are in the story. */
  person: boolean;
  rivals: string[];
}

/**
 * The words of a padded form (" a b c " -> a, b, c): entityKey leaves words of letters and
 * digits between single spaces.
 */
const wordsOf = (form: string) => form.slice(1, -1).split(" ");

function formOf(c: Askable): Form {
  const secrets = c.secrets.map(padded).filter((s) => s.trim());
  // What gives an answer away is a stem or a key; another question's wrong choice names
  // something the article mentions, which tells a reader nothing.
  const shows = c.shows.slice(0, c.type === "true-statement" ? 1 : 2).map(padded);
  const words = new Set<string>();
  for (const shown of shows) for (const w of wordsOf(shown)) words.add(w);
  return {
    secrets,
    openings: secrets.map((s) => s.slice(1, s.indexOf(" ", 1))),
    shows,
    words,
    key: entityKey(c.key),
    whole: padded(c.key),
    person: c.type === "cloze" && c.keyType.kind === "person" && c.key.includes(" "),
    rivals: c.type === "cloze" && c.facet !== "figure" ? c.distractors.map(padded) : [],
  };
}

/**
 * The give-away relation of one article's candidates. Each candidate is normalised once; a
 * pair is compared in full only where a secret's first word is among the other's shown words
 * (" w1 … wk " can be inside a normalised text only where the text has the word w1).
 */
export class GiveAways<C extends Askable> {
  private readonly forms = new Map<C, Form>();

  private form(c: C): Form {
    let f = this.forms.get(c);
    if (!f) {
      f = formOf(c);
      this.forms.set(c, f);
    }
    return f;
  }

  /**
   * Whether a's answer shows in b's stem or key. "bodies including the World Bank and the
   * IMF" beside a question whose key is the International Monetary Fund and whose choices hold
   * the World Bank: a stem that names the key's short form beside one of its rivals tells a
   * reader nothing about which is right.
   */
  reveals(a: C, b: C): boolean {
    const fa = this.form(a);
    const fb = this.form(b);
    // Plain loops, not some(): the selection asks this of every pair of candidates.
    for (let k = 0; k < fa.secrets.length; k++) {
      if (!fb.words.has(fa.openings[k] ?? "")) continue;
      const s = fa.secrets[k] ?? "";
      for (let i = 0; i < fb.shows.length; i++) {
        const shown = fb.shows[i] ?? "";
        if (!shown.includes(s)) continue;
        if (i === 0 && s !== fa.whole && (fa.person || fa.rivals.some((r) => shown.includes(r))))
          continue;
        return true;
      }
    }
    return false;
  }

  /** Whether the two may not stand in one bank: one gives the other away, or they share a key. */
  clash(a: C, b: C): boolean {
    return this.reveals(a, b) || this.reveals(b, a) || this.form(a).key === this.form(b).key;
  }

  /** Its choices are made now: its rivals change (and what it shows, past its stem and key). */
  refresh(c: C): void {
    this.forms.delete(c);
  }
}
