/**
 * The quality rules of issue 3 (points 4–5), checked on a generated bank from the outside:
 * this module reads only the bank and the article text, never the generator's internals, so
 * a generator bug cannot hide behind a shared helper.
 */
import type { Bank, Question } from "../../questions/bank.ts";

export interface Violation {
  question: string;
  rule: string;
  detail: string;
}

const STOP = new Set(
  "a an the and or of in on at to from by with for as is was were are be been his her its their this that these those".split(
    " ",
  ),
);
const DATE_SIGNATURES: Array<[string, RegExp]> = [
  ["dmy", /^\d{1,2} [A-Z][a-z]+,? \d{3,4}$/],
  ["mdy", /^[A-Z][a-z]+ \d{1,2}, \d{3,4}$/],
  ["my", /^[A-Z][a-z]+ \d{3,4}$/],
  ["md", /^[A-Z][a-z]+ \d{1,2}$/],
  ["dm", /^\d{1,2} [A-Z][a-z]+$/],
  ["decade", /^\d{3}0s$/],
  ["century", /^\d{1,2}(?:st|nd|rd|th) century$/],
  ["year", /^\d{4}$/],
];
const NUMBER_WORDS =
  /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)$/i;

export function norm(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function hasPhrase(haystack: string, needle: string): boolean {
  const n = norm(needle);
  return n.length > 0 && ` ${norm(haystack)} `.includes(` ${n} `);
}

function tokens(s: string): string[] {
  return norm(s)
    .split(" ")
    .filter((t) => t && (t.length >= 3 || /^\d+$/.test(t)) && !STOP.has(t));
}

/** What kind and format a choice (or a changed slot) has. */
export function signature(text: string): string {
  for (const [name, re] of DATE_SIGNATURES) if (re.test(text)) return `date:${name}`;
  if (/^\d+(?:st|nd|rd|th)$/.test(text)) return "ordinal";
  const num = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.(\d+))?)(\s?)(.*)$/.exec(text);
  if (num) {
    const decimals = num[2]?.length ?? 0;
    return `number:${decimals}:${num[4] ? `${num[3]}${num[4]}` : ""}`;
  }
  if (NUMBER_WORDS.test(text)) return "number-words";
  if (/^\p{Lu}/u.test(text)) return "proper";
  return "common";
}

/**
 * How many characters two texts share at their start and, after that, at their end; with
 * `wholeWords`, the start backs up to a word start before the end is measured.
 */
function commonEnds(a: string, b: string, wholeWords = false): [number, number] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  if (wholeWords) while (pre > 0 && /[\p{L}\p{N}]/u.test(a[pre - 1] ?? "")) pre--;
  let post = 0;
  while (
    post < a.length - pre &&
    post < b.length - pre &&
    a[a.length - 1 - post] === b[b.length - 1 - post]
  )
    post++;
  return [pre, post];
}

/** The part of each statement that differs from the true one (true-statement questions). */
export function changedSlots(truth: string, other: string): [string, string] {
  // Slots are whole words: the shared start and end back up to word boundaries.
  const [p, shared] = commonEnds(truth, other, true);
  let s = shared;
  while (s > 0 && /[\p{L}\p{N}]/u.test(truth[truth.length - s] ?? "")) s--;
  return [truth.slice(p, truth.length - s).trim(), other.slice(p, other.length - s).trim()];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function cleanSentence(s: string): string {
  return s
    .replace(/\[(?:citation needed|\d+|[a-z])\]/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether `shown` is the source sentence as a question may show it: word for word, or with an
 * opening "He"/"She" replaced by a name the article uses ("His"/"Her" by that name's possessive).
 */
export function showsSource(shown: string, source: string, article: string): boolean {
  const written = cleanSentence(source);
  if (shown === written) return true;
  // A dangling opening connective ("However, he…") may be dropped (questions/stems.ts).
  const connective =
    /^(?:But|And|However|Yet|Nevertheless|Nonetheless|As a result|At this time|At that time),?\s+(?=\p{L})/u.exec(
      written,
    );
  const rest0 = connective ? written.slice(connective[0].length) : written;
  const clean = rest0.charAt(0).toUpperCase() + rest0.slice(1);
  if (shown === clean) return true;
  // "In 1983, he took…", "Between 1906 and 1908 he served…" may name the subject after its
  // opening phrase (questions/stems.ts).
  const phrase =
    /^([^,]{2,40}, |(?:In|Between|From|By|After|During|Until|Before)\s[^,]{0,30}?\d{4}\s)(?:he|she)\b/.exec(
      clean,
    );
  if (phrase?.[1] && shown.startsWith(phrase[1])) {
    const tail = clean.slice(phrase[0].length);
    const named = shown.slice(phrase[1].length, shown.length - tail.length);
    if (
      shown.endsWith(tail) &&
      /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3}$/u.test(named) &&
      article.includes(named)
    )
      return true;
  }
  // "The plot was revealed…" may name the topic the article is about (questions/topic.ts): the
  // name ends in the noun ("The Gunpowder Plot") or is the article's title ("Malaria").
  const definite = /^The (\p{Ll}+)\b/u.exec(clean);
  if (definite?.[1]) {
    const tail = clean.slice(definite[0].length);
    const named = shown.slice(0, shown.length - tail.length);
    const noun = definite[1];
    if (
      shown.endsWith(tail) &&
      named.length > 0 &&
      article.includes(named.replace(/^The /, "")) &&
      (new RegExp(`\\b${noun}$`, "i").test(named) ||
        article.split(/\r?\n/).some((line) => line.trim() === named))
    )
      return true;
  }
  if (oneEdit(shown, clean, article)) return true;
  const pronoun = /^(He|She|His|Her)\b/.exec(clean)?.[1];
  if (!pronoun) return false;
  const rest = clean.slice(pronoun.length);
  if (!shown.endsWith(rest)) return false;
  const name = shown.slice(0, shown.length - rest.length);
  const possessive = pronoun === "His" || pronoun === "Her";
  const bare = possessive ? name.replace(/['’]s$/, "") : name;
  if (possessive && bare === name) return false;
  return /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3}$/u.test(bare) && article.includes(bare);
}

/**
 * One edit inside the sentence (questions/antecedents.ts): a mid-sentence "her"/"his" written as
 * a name of the article's, " of the Davis Cup" after a bare day, or " by <Name>" dropped.
 */
function oneEdit(shown: string, clean: string, article: string): boolean {
  const [pre, post] = commonEnds(shown, clean);
  const removed = clean.slice(pre, clean.length - post);
  const inserted = shown.slice(pre, shown.length - post);
  const name = /^\p{Lu}[\p{L}'’.-]*(?: (?:of )?\p{Lu}[\p{L}'’.-]*){0,3}$/u;
  if (/^(?:his|her)$/.test(removed) || /^(?:is|er)$/.test(removed)) {
    const whole = clean.slice(pre - (removed.length === 2 ? 1 : 0), pre + removed.length);
    if (!/^(?:his|her)$/.test(whole)) return false;
    const bare = shown.slice(pre - (removed.length === 2 ? 1 : 0), shown.length - post);
    return (
      /['’]s$/.test(bare) &&
      name.test(bare.replace(/['’]s$/, "")) &&
      article.includes(bare.replace(/['’]s$/, ""))
    );
  }
  if (removed === "" && /^of the /.test(inserted.trim())) {
    const event = inserted.trim().slice(7);
    return name.test(event) && article.includes(`the ${event}`);
  }
  if (inserted === "" && /^ by /.test(removed)) {
    const giver = removed.slice(4).replace(/^the /, "");
    return name.test(giver) && article.includes(giver);
  }
  return false;
}

export interface View {
  stem: string;
  key: string;
  distractors: string[];
}

/** The question as a stem and choice slots, whatever its type. */
export function view(q: Question): View | undefined {
  const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
  const others = q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
  if (q.type === "true-statement") {
    const slots = others.map((o) => changedSlots(key, o));
    const keySlot = slots[0]?.[0] ?? "";
    return {
      stem: key.replace(keySlot, "____"),
      key: keySlot,
      distractors: slots.map(([, d]) => d),
    };
  }
  return { stem: q.prompt, key, distractors: others };
}

const BOILERPLATE =
  /^(?:log ?in|sign (?:in|up)|rating|blog|source|posted|published|by (?![\d_])|share|tags?|related|read more|subscribe|advertisement|copyright|photo|image|caption)\b/i;
const PRONOUN_START = /^(?:He|She|It|They|This|These|Those|That|His|Her|Its|Their)\b/;
const FIRST_PERSON = /\b(?:I|we|We|our|Our|us|my|My)\b/;

export function checkBank(bank: Bank, article: string): Violation[] {
  const out: Violation[] = [];
  const add = (q: Question | undefined, rule: string, detail: string) =>
    out.push({ question: q?.id ?? "-", rule, detail });
  const lines = article.split(/\r?\n/);
  const views = new Map<string, View>();

  for (const q of bank.questions) {
    // Format.
    if (!/^[a-z0-9-]{1,32}$/.test(q.id)) add(q, "format", `bad id ${q.id}`);
    if (q.choices.length < 3 || q.choices.length > 4) add(q, "format", "needs 3 or 4 choices");
    if (!q.choices.some((c) => c.id === q.answer)) add(q, "format", "answer is not a choice id");
    if (article.slice(q.source.start, q.source.end) !== q.source.text)
      add(q, "source", "source text is not the article slice");
    if (!q.explanation.trim()) add(q, "format", "empty explanation");

    const v = view(q);
    if (!v) continue;
    views.set(q.id, v);
    const source = q.source.text;

    // The key is in the article, and filling it in gives back the sentence as the article has it.
    if (q.type === "cloze") {
      if (!source.includes(v.key))
        add(q, "key-in-article", `"${v.key}" not in the source sentence`);
      if (q.prompt.split("____").length !== 2) add(q, "stem", "cloze needs exactly one blank");
      else if (
        !showsSource(q.prompt.replace("____", v.key), source, article) &&
        // A blanked "Full Name (ACR)" is offered as the full name alone.
        !new RegExp(
          `^${escapeRe(q.prompt).replace("____", `${escapeRe(v.key)} \\(\\p{Lu}[\\p{Lu}\\p{N}&-]+\\)`)}$`,
          "u",
        ).test(cleanSentence(source))
      )
        add(q, "key-in-article", "the stem with the key is not the source sentence");
    } else if (q.type === "true-statement") {
      if (
        v.key === "" ||
        !showsSource(q.choices.find((c) => c.id === q.answer)?.text ?? "", source, article)
      )
        add(q, "key-in-article", "the true statement is not the source sentence");
    } else if (!source.includes(v.key)) {
      add(q, "key-in-article", `"${v.key}" not in the source sentence`);
    }

    // The explanation teaches in its own words: it names the key, never a distractor, and does not
    // just quote the source sentence the widget already shows beside it.
    if (!q.explanation.includes(v.key)) add(q, "explanation", `does not name the key "${v.key}"`);
    for (const d of v.distractors)
      if (hasPhrase(q.explanation, d) && !hasPhrase(source, d))
        add(q, "explanation", `names the distractor "${d}"`);
    if (/["“][^"”]*["”]/.test(q.explanation.replace(/“[^”]*”/, "")))
      add(q, "explanation", "quotes instead of explaining");
    // A short one-clause sentence may be restated; a longer one is trimmed to the key's clause.
    const sourceWords = cleanSentence(source).split(" ").length;
    const clauses = cleanSentence(source).split(/[,;—] ?/).length;
    if (sourceWords > 16 && clauses > 2 && norm(q.explanation).includes(norm(source)))
      add(q, "explanation", "repeats the whole source sentence");
    if (q.explanation.length > cleanSentence(source).length + 120)
      add(q, "explanation", "longer than the sentence it explains");

    // Boilerplate and sentence quality.
    const line = lines.find((l) => l.includes(source)) ?? "";
    if (BOILERPLATE.test(line.trim())) add(q, "boilerplate", line.slice(0, 60));
    if (/\?["”’]?$/.test(source)) add(q, "sentence", "source is a question");
    // "World War I", "James I": a numeral after a name is no writer's "I".
    if (FIRST_PERSON.test(source.replace(/(?<=\S )(\p{Lu}\p{Ll}+) I\b/gu, "$1")))
      add(q, "sentence", "source is in the first person");
    // What the learner reads must not open with a pronoun (the generator may name the subject).
    const shown =
      q.type === "cloze"
        ? q.prompt
        : q.type === "true-statement"
          ? (q.choices.find((c) => c.id === q.answer)?.text ?? "")
          : (/"(.*)"/.exec(q.prompt)?.[1] ?? source);
    if (PRONOUN_START.test(shown)) add(q, "sentence", "question opens with an unresolved pronoun");
    // Reported speech may quote a short phrase; a longer quotation is someone else's voice.
    const quotes = [...source.matchAll(/["“]([^"“”]*)["”]/g)].map((m) => m[1] ?? "");
    const marks = source.match(/["“”]/g)?.length ?? 0;
    if (marks % 2 !== 0 || quotes.some((x) => x.split(/\s+/).filter(Boolean).length > 5))
      add(q, "sentence", "source holds a long quotation");

    // Key not recoverable from the stem.
    const stemTokens = new Set(norm(v.stem).split(" "));
    if (q.type !== "list-membership" && tokens(v.key).some((t) => stemTokens.has(t)))
      add(q, "key-in-stem", `"${v.key}" readable in the stem`);

    // Distractors.
    const all = [v.key, ...v.distractors];
    // A surname is a person's: two lenders ending in "Bank" share no surname. The question's
    // kind says where the bank has it; an older bank without one is read as of people.
    const personKey = q.kind === undefined || q.kind === "person";
    const sig = signature(v.key);
    for (const d of v.distractors) {
      if (signature(d) !== sig)
        add(q, "same-kind", `"${d}" (${signature(d)}) vs key "${v.key}" (${sig})`);
      const kw = v.key.split(" ").length;
      const dw = d.split(" ").length;
      if (sig === "proper" && ((kw === 1 && dw >= 3) || (dw === 1 && kw >= 3)))
        add(q, "same-kind", `"${d}" and key "${v.key}" differ in shape`);
      if (hasPhrase(q.type === "true-statement" ? v.stem : q.prompt, d))
        add(q, "distractor-in-stem", `"${d}"`);
      if (hasPhrase(source, d)) add(q, "second-correct", `"${d}" is in the source sentence`);
      const filled = q.type === "cloze" ? v.stem.replace("____", d) : undefined;
      if (filled && hasPhrase(article, filled)) add(q, "second-correct", `"${filled}"`);
    }
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] ?? "";
        const b = all[j] ?? "";
        const na = norm(a);
        const nb = norm(b);
        const ta = na.split(" ");
        const tb = nb.split(" ");
        const initials = (t: string[]) => t.map((w) => w[0]).join("");
        if (na === nb || ` ${na} `.includes(` ${nb} `) || ` ${nb} `.includes(` ${na} `))
          add(q, "duplicate", `"${a}" / "${b}"`);
        else if (
          sig === "proper" &&
          personKey &&
          ta.length > 1 &&
          tb.length > 1 &&
          ta[ta.length - 1] === tb[tb.length - 1] &&
          !/^(?:university|college|organization|organisation|corporation|company|laboratory|council|committee|agreement|treaty|festival|award|century)$/.test(
            ta[ta.length - 1] ?? "",
          )
        )
          add(q, "duplicate", `same surname "${a}" / "${b}"`);
        else if (
          sig === "proper" &&
          ((tb.length === 1 && initials(ta) === nb) || (ta.length === 1 && initials(tb) === na))
        )
          add(q, "duplicate", `acronym "${a}" / "${b}"`);
      }
    }
  }

  // No question gives away another's answer (in its stem or its true statement).
  for (const q of bank.questions) {
    const v = views.get(q.id);
    if (!v) continue;
    for (const other of bank.questions) {
      if (other === q) continue;
      const ov = views.get(other.id);
      if (!ov) continue;
      const shown = [
        other.prompt,
        other.type === "true-statement"
          ? (other.choices.find((c) => c.id === other.answer)?.text ?? "")
          : "",
      ];
      if (shown.some((s) => hasPhrase(s, v.key)))
        add(q, "give-away", `its answer "${v.key}" appears in ${other.id}`);
    }
  }

  // Answer positions balanced across the bank.
  const counts = [0, 0, 0, 0];
  for (const q of bank.questions) {
    const p = q.choices.findIndex((c) => c.id === q.answer);
    if (p >= 0) counts[p] = (counts[p] ?? 0) + 1;
  }
  const used = counts.filter((_, i) => bank.questions.some((q) => q.choices.length > i));
  if (bank.questions.length >= 4 && Math.max(...used) - Math.min(...used) > 2)
    add(undefined, "positions", `answer positions ${counts.join("/")}`);

  // Questions spread over the article: no stretch of more than half of it without a question.
  if (bank.questions.length >= 5) {
    const starts = bank.questions.map((q) => q.source.start).sort((a, b) => a - b);
    const edges = [0, ...starts, article.length];
    for (let i = 1; i < edges.length; i++) {
      const gap = (edges[i] ?? 0) - (edges[i - 1] ?? 0);
      if (gap > article.length * 0.5)
        add(
          undefined,
          "spread",
          `${Math.round((gap / article.length) * 100)}% of the article without a question`,
        );
    }
  }
  return out;
}

/** Five sentences of a news story with no fact a question is made of: the rest of a test article. */
export const filler = [
  "The review was published in March 2004 by the ministry after two years of work.",
  "Officials said the figures would be checked again next year by an outside panel.",
  "Critics in the opposition party argued that the study had ignored the smaller towns.",
  "The minister rejected that view and said the results were the clearest yet.",
  "A second report on the northern provinces is expected to follow in the autumn.",
].join(" ");
