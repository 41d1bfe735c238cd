/**
 * Explanations in the generator's own words. The widget shows the explanation next to the source
 * sentence, so an explanation must not repeat that sentence: it names the key and restates only
 * the clause the key completes, with asides (brackets, appositives, trailing "which…",
 * "including…", participle clauses, coordinated clauses without the key) left out.
 */

interface Segment {
  start: number;
  end: number;
  /** The separator in front of it (", ", "; ", " — "), empty for the first. */
  sep: string;
}

/** Clauses that only add to a sentence whose main clause comes before them. */
const TRAILING =
  /^(?:(?:the |a )?[\p{L} ]{0,40}\b(?:said|says|reported|added|announced|confirmed)\b|which|who|when|whom|whose|where|while|whereas|although|though|including|includes|such as|especially|particularly|notably|as well as|after|before|until|since|despite|partly|mainly|mostly|thus|thereby|so that|because|according to|\p{Ll}+ing)\b/u;
/** An appositive or trailing noun phrase: "a British-run advertising agency", "his first cousin". */
const NOUN_PHRASE_START = /^(?:a|an|the|his|her|its|their|one|both|another|\p{Lu}[\p{L}'’.-]*)\s/u;
const VERB_LIKE =
  /\b(?:is|was|were|are|be|been|being|has|had|have|did|does|do|will|would|can|could|may|might|shall|should|must|\p{Ll}{3,}ed|said|made|became|began|went|took|gave|won|met|ran|led|left|came|saw|got|sold|bought|built|wrote|held|kept|found|grew|rose|fell|sent|spent|brought|taught|thought|told|stood|meant|paid|lost|drew|flew|knew|threw|broke|chose|spoke|wore|rode|drove|fought|sought|caught|felt|dealt|heard|laid|lay|lent|sat|shot|shut|struck|swore|woke|set|put|cut|hit|let|read|ate|fed|fled|bore|beat|bent|bled|bred|dug|hung|slid|spun|sprang|stole|stuck|stung|swam|swept|swung|tore|wept|wound|runs?|serves?|says?|uses?|use|carr(?:y|ies)|works?|takes?|makes?|gives?|holds?|needs?|lives?|plays?|leads?|remains?|becomes?)\b/u;
const LEADING_ADVERBIAL =
  /^(?:in|on|at|by|during|after|before|from|under|since|with|using|as|for|following|despite|although|though|while|when|once|until|between|over|within|throughout|upon|in response)\b/i;
const FUNCTION_START =
  /^(?:In|On|At|By|During|After|Before|From|Under|Since|With|Using|As|For|Following|The|A|An|This|These|Those|Its|Their|Despite|Although|Though|While|When|Once|Until|Between|Over|Within|Throughout|Upon|Some|Many|Most|All|About|Around|Nearly|Almost|More|Less|Over|Only)\b/;

/** Top-level separators: commas, semicolons and dashes outside brackets. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let depth = 0;
  let start = 0;
  let sep = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (depth > 0) continue;
    else {
      const m = /^(?:[,;] | ?[—–] ?|—)/.exec(text.slice(i, i + 3));
      if (m && (ch !== "–" || text[i - 1] === " ")) {
        out.push({ start, end: i, sep });
        sep = m[0];
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push({ start, end: text.length, sep });
  return out;
}

/**
 * The clause of `text` that holds [keyStart, keyEnd), as a short sentence of its own. The key
 * stays exactly as it is; only material that does not touch it is left out.
 */
export function clauseWithKey(
  text: string,
  keyStart: number,
  keyEnd: number,
  /** Whether a capitalised first word is a common word (its capital is only the sentence's). */
  isCommon: (word: string) => boolean = () => false,
): string {
  // Brackets without the key go first ("(OGDCL)", "(19 mi)", "[3]"), last to first.
  let t = text;
  let ks = keyStart;
  let ke = keyEnd;
  const brackets = [...text.matchAll(/\s?[([][^()[\]]*[)\]]/g)].reverse();
  for (const m of brackets) {
    const s = m.index;
    const e = s + m[0].length;
    if (e > ks && s < ke) continue;
    t = t.slice(0, s) + t.slice(e);
    if (e <= ks) {
      ks -= e - s;
      ke -= e - s;
    }
  }
  const body = t.replace(/[.!]["'”’]*$/, "");
  const segs = segments(body);
  const keyAt = segs.findIndex((g) => ks >= g.start && ks < g.end);
  if (keyAt < 0) return finish(body, isCommon, text.slice(keyStart, keyEnd));
  const keep = segs.map(() => true);
  const textOf = (g: Segment) => body.slice(g.start, g.end);
  // A coordinated clause with the key after a full clause: ", and work began … 1859".
  const keySeg = segs[keyAt];
  if (keySeg && keyAt > 0 && /^(?:and|but) /.test(textOf(keySeg)) && keySeg.sep === ", ") {
    const rest = textOf(keySeg).replace(/^(?:and|but) /, "");
    // "Teller went to England, and moved for a year to Copenhagen": the subject takes the verb.
    const firstText = segs[0] ? textOf(segs[0]) : "";
    const words = firstText.split(" ");
    const verbAt = words.findIndex((w) => VERB_LIKE.test(w));
    const restWord = rest.split(" ")[0] ?? "";
    // Only an unmistakable verb: "work began" starts with a noun, "moved to" with a verb.
    const restVerb =
      VERB_LIKE.test(restWord) &&
      !/^(?:\p{Ll}+s|use|work|run|set|put|cut|hit|let|read)$/u.test(restWord);
    if (
      restVerb &&
      keyAt === 1 &&
      verbAt >= 1 &&
      verbAt <= 6 &&
      !LEADING_ADVERBIAL.test(firstText)
    ) {
      const tail = dropTrailing(segs, keyAt, keep, textOf);
      return finish(
        `${words.slice(0, verbAt).join(" ")} ${rest}${segs
          .slice(keyAt + 1, tail)
          .map((g) => g.sep + textOf(g))
          .join("")}`,
        isCommon,
        text.slice(keyStart, keyEnd),
      );
    }
    if (!restVerb && /^\p{L}/u.test(rest) && VERB_LIKE.test(rest) && rest.split(" ").length >= 4) {
      for (let i = 0; i < keyAt; i++) keep[i] = false;
      const tail = dropTrailing(segs, keyAt, keep, textOf);
      return finish(
        rest +
          segs
            .slice(keyAt + 1, tail)
            .filter((_, i) => keep[keyAt + 1 + i])
            .map((g) => g.sep + textOf(g))
            .join(""),
        isCommon,
        text.slice(keyStart, keyEnd),
      );
    }
  }
  // The main clause: the first segment that does not open with an adverbial ("In 1950, …").
  let mainAt = segs.findIndex(
    (g, i) => i === segs.length - 1 || !LEADING_ADVERBIAL.test(textOf(g)),
  );
  if (mainAt < 0) mainAt = 0;
  // "Rovers manager Elena Brandt, who took charge in June 2023, has…": the name takes the verb.
  const prevSeg = segs[keyAt - 1];
  if (
    keySeg &&
    prevSeg &&
    /^who /.test(textOf(keySeg)) &&
    /\p{Lu}[\p{L}'’-]*$/u.test(textOf(prevSeg))
  ) {
    const name = /(?:\p{Lu}[\p{L}'’.-]*\s?){1,4}$/u.exec(textOf(prevSeg))?.[0] ?? "";
    const whole =
      keyAt === 1 && !VERB_LIKE.test(textOf(prevSeg)) && !LEADING_ADVERBIAL.test(textOf(prevSeg))
        ? textOf(prevSeg)
        : name;
    if (name)
      return finish(
        `${whole.trim()} ${textOf(keySeg).slice(4)}`,
        isCommon,
        text.slice(keyStart, keyEnd),
      );
  }
  // "…many books, including A, B, Jim Corbett's X, and C": the main clause and the key's item.
  const listAt = segs.findIndex(
    (g, i) => i > mainAt && i < keyAt && /^(?:including|such as) /.test(textOf(g)),
  );
  if (listAt > 0 && keySeg) {
    const head = segs
      .slice(0, listAt)
      .map((g, i) => (i ? g.sep : "") + textOf(g))
      .join("");
    const item = textOf(keySeg).replace(/^(?:and|or) /, "");
    return finish(`${head}, including ${item}`, isCommon, text.slice(keyStart, keyEnd));
  }
  const tail = dropTrailing(segs, Math.max(keyAt, mainAt), keep, textOf);
  for (let i = tail; i < segs.length; i++) keep[i] = false;
  // Appositives between commas before or after the key: "Jilani, Foreign Minister of Pakistan, on…".
  for (let i = 1; i < tail - 1; i++) {
    const g = segs[i];
    const prev = segs[i - 1];
    if (!g || !prev || i === keyAt || g.sep !== ", ") continue;
    const next = segs[i + 1];
    if (next?.sep !== ", ") continue;
    const s = textOf(g);
    const noVerb = !VERB_LIKE.test(s.replace(/\S+-\S+/g, ""));
    const afterName = /\p{Lu}[\p{L}.'’-]*$/u.test(textOf(prev));
    // "The operator, Riverton Metro Ltd., says…": a proper name renaming what came before.
    const properName = /^(?:\p{Lu}[\p{L}.'’&-]*\s?)+$/u.test(s);
    // "glucose, a simple sugar, and…": a short indefinite noun phrase.
    const indefinite = /^(?:a|an) /.test(s) && s.split(" ").length <= 5;
    // "In 1953, along with Metropolis and Rosenbluth, Teller…": an aside.
    const aside =
      /^(?:along with|together with|in turn|for example|for instance|in fact|of course|at the time|like|unlike|called|named|known as|supposedly|reportedly|apparently|perhaps|probably|possibly)\b/.test(
        s,
      );
    if (
      (aside ||
        (noVerb && (properName || indefinite || (afterName && NOUN_PHRASE_START.test(`${s} `))))) &&
      s.split(" ").length <= 8
    ) {
      keep[i] = false;
      // The comma after the appositive goes with it ("Jilani on the sidelines"), unless it
      // closes an opening adverbial ("In 1953, Teller…").
      if (!(i === 1 && LEADING_ADVERBIAL.test(textOf(prev)))) next.sep = " ";
    }
  }
  // A long opening adverbial without the key ("Under the agreement signed in 2014, …").
  const first = segs[0];
  if (
    first &&
    keyAt > 0 &&
    LEADING_ADVERBIAL.test(textOf(first)) &&
    !VERB_LIKE.test(textOf(first).replace(/\bsigned\b/, "")) &&
    textOf(first).split(" ").length > 5
  ) {
    keep[0] = false;
    const second = segs[1];
    if (second) second.sep = "";
  }
  let out = "";
  segs.forEach((g, i) => {
    if (keep[i]) out += (out ? g.sep : "") + textOf(g);
  });
  // "christened X and only later, supposedly…, did he": a dangling "and …" before dropped parts.
  if (tail < segs.length && keySeg && tail === keyAt + 1) {
    const own = textOf(keySeg);
    const and = own.lastIndexOf(" and ");
    const keyIn = ks - keySeg.start;
    const rest = own.slice(and + 5);
    if (
      and > keyIn &&
      rest.split(" ").length <= 3 &&
      /^(?:only|then|later|also|so|thus|not|never|still|yet|soon)\b/.test(rest)
    ) {
      const cutFrom = out.lastIndexOf(own.slice(and));
      if (cutFrom >= 0) out = out.slice(0, cutFrom);
    }
  }
  return finish(out, isCommon, text.slice(keyStart, keyEnd));
}

/** Marks the segments after the key that merely add to the sentence; returns where they start. */
function dropTrailing(
  segs: Segment[],
  keyAt: number,
  keep: boolean[],
  textOf: (g: Segment) => string,
): number {
  for (let i = keyAt + 1; i < segs.length; i++) {
    const g = segs[i];
    if (!g) break;
    const s = textOf(g);
    const coordinated =
      /^(?:and|but|while) /.test(s) &&
      g.sep === ", " &&
      (VERB_LIKE.test(s) || /^(?:and|but|while) (?:the|a|an|its|his|her|their|\p{Lu})/u.test(s));
    // What is kept must still say something: "About 90 percent of plant species" does not.
    if (!coordinated && !segs.slice(0, i).some((x) => VERB_LIKE.test(textOf(x)))) continue;
    const trailingNoun =
      i === segs.length - 1 && NOUN_PHRASE_START.test(`${s} `) && !VERB_LIKE.test(s);
    if (
      TRAILING.test(s) ||
      trailingNoun ||
      coordinated ||
      g.sep.includes("—") ||
      g.sep.includes("–") ||
      g.sep === "; "
    ) {
      for (let j = i; j < segs.length; j++) keep[j] = false;
      return i;
    }
  }
  return segs.length;
}

const ADVERB = /^(?:\p{Ll}+ly|now|later|also|then|still|soon|once|again|never|often)$/u;

/**
 * "Teller graduated in X and received his Ph.D. under Y": the subject with the verb phrase
 * that holds the key ("Teller received his Ph.D. under Y"); "Riverton's line opened in 1998
 * and now carries 9 million passengers": the verb phrase with the key alone.
 */
function coordinatedVerbPhrase(clause: string, key: string): string {
  const at = clause.indexOf(key);
  if (at < 0) return clause;
  const words = clause.split(" ");
  const firstVerb = words.findIndex((w) => VERB_LIKE.test(w));
  if (firstVerb < 1 || firstVerb > 6) return clause;
  const subject = words.slice(0, firstVerb).join(" ");
  if (/[,;]/.test(subject)) return clause;
  for (const m of clause.matchAll(/ and (\S+) (\S+)/g)) {
    const w1 = m[1] ?? "";
    const w2 = m[2] ?? "";
    const verbAt = VERB_LIKE.test(w1) ? 1 : ADVERB.test(w1) && VERB_LIKE.test(w2) ? 2 : 0;
    if (!verbAt || /[,;]/.test(clause.slice(subject.length, m.index))) continue;
    if (at > m.index) return `${subject} ${clause.slice(m.index + 5)}`;
    if (at + key.length <= m.index) return clause.slice(0, m.index);
  }
  return clause;
}

function finish(clause: string, isCommon: (word: string) => boolean, key = ""): string {
  let c = clause
    .replace(/\s+/g, " ")
    .replace(/\s+([,;.])/g, "$1")
    .trim();
  c = c.replace(/[,;:\s]+$/, "");
  if (key) {
    c = coordinatedVerbPhrase(c, key);
    c = c.replace(/[,;:\s]+$/, "");
  }
  const firstWord = /^\p{Lu}\p{Ll}+(?=[\s,])/u.exec(c)?.[0] ?? "";
  if (FUNCTION_START.test(c) || (firstWord && isCommon(firstWord)))
    c = c.charAt(0).toLowerCase() + c.slice(1);
  return `${c}.`;
}

/** "The answer is “1949”: in 1949, Ray married Bijoya Das." */
export function clozeExplanation(key: string, clause: string): string {
  return `The answer is “${key}”: ${clause}`;
}

/** "The article gives “four”: … The other statements changed that number." */
export function statementExplanation(key: string, clause: string, what: string): string {
  return `The article gives “${key}”: ${clause} The other statements changed that ${what}.`;
}

/** "“textiles” is on the article's list: cotton, textiles, leather, … The others are not." */
export function listExplanation(key: string, items: readonly string[]): string {
  const shown = items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : key;
  return `“${key}” is one of the items the article lists here: ${shown}. The other choices are not on that list.`;
}

/**
 * The part of a long sentence around the key, between its commas and semicolons: for when
 * the clause trimming above keeps the whole sentence, which the widget already shows.
 */
export function keySegment(text: string, keyStart: number, keyEnd: number): string {
  const body = text.replace(/[.!]["'”’]*$/, "");
  const cuts = [...body.matchAll(/[,;—] ?/g)].map((m) => [m.index, m.index + m[0].length]);
  let start = 0;
  let end = body.length;
  for (const [s, e] of cuts) {
    if (s === undefined || e === undefined) continue;
    if (e <= keyStart) start = e;
    else if (s >= keyEnd) {
      end = s;
      break;
    }
  }
  let part = body.slice(start, end).trim();
  // "In 1935," alone says nothing: take the clause that follows too.
  if (part.split(" ").length < 4) {
    const next = cuts.find(([s]) => s !== undefined && s > end)?.[0];
    part = body.slice(start, next ?? body.length).trim();
  }
  return `${part.charAt(0).toUpperCase()}${part.slice(1)}.`;
}

/** Whether an explanation clause is the whole sentence of more than one short clause. */
export function repeatsSentence(clause: string, sentence: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const words = sentence.split(/\s+/).length;
  const clauses = sentence.split(/[,;—] ?/).length;
  return words > 16 && clauses > 2 && norm(clause).includes(norm(sentence).slice(-40));
}
