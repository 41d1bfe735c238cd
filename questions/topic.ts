/**
 * The article's own subject behind a definite noun: "The plot was revealed …" in an article
 * titled "Gunpowder Plot", "The disease is spread by …" after "Malaria is a mosquito-borne
 * infectious disease". Such a sentence opens with the topic, not with something the sentence
 * before introduced, so its stem may name the topic instead of leaning on the sentence before.
 */
import type { Shown } from "./stems.ts";
import type { ArticleText } from "./text.ts";

export interface TopicNoun {
  /** The common noun that stands for the topic ("plot", "river", "disease"). */
  noun: string;
  /** What the stem shows instead of "The <noun>" ("The Gunpowder Plot", "Malaria"). */
  name: string;
  /** Taken from the lead's "X is a … noun": a wide class ("city") that other names share. */
  fromLead: boolean;
}

/** The topic's noun, from the title's own common word or from the lead's "X is a … noun of". */
export function topicNoun(article: ArticleText, title: string): TopicNoun | undefined {
  // "'Blog' picked as word of the year": the quoted word is what "the word" stands for.
  const quoted = /^['‘"“](\p{L}[\p{L}-]*)['’"”]/u.exec(title.trim())?.[1];
  if (quoted) {
    const noun = ["word", "term"].find((n) =>
      new RegExp(`\\b[Tt]he ${n}\\b(?! ["“‘'])`).test(article.text),
    );
    return noun
      ? { noun, name: `The ${noun} "${quoted.toLowerCase()}"`, fromLead: false }
      : undefined;
  }
  const words = title.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4 || /[.!?:…]$/.test(title.trim())) return undefined;
  // "Gunpowder Plot", "River Clyde": a title word the article also uses as "the plot".
  if (words.length >= 2) {
    for (const w of [words[words.length - 1] ?? "", words[0] ?? ""]) {
      const noun = w.toLowerCase();
      if (!/^\p{L}{3,}$/u.test(noun)) continue;
      // Written lower-case: "the plot", not the surname in "the Clyde".
      if (!new RegExp(`\\b[Tt]he ${noun}\\b`).test(article.text)) continue;
      // The article writes the title lower-case mid-sentence ("a ballpoint pen"): so does the stem.
      const lowered = title.charAt(0).toLowerCase() + title.slice(1);
      const common = new RegExp(`[\\p{Ll},;] ${escaped(lowered)}\\b`, "u").test(article.text);
      const named = (common ? lowered : title).replace(/^[Tt]he /, "");
      return { noun, name: `The ${named}`, fromLead: false };
    }
  }
  // "Malaria is a mosquito-borne infectious disease that …": the lead's class noun.
  const first = article.sentences[0]?.text ?? "";
  const m = new RegExp(
    `^${escaped(title)} (?:is|was) (?:a|an|the) [^,.;()]*?\\b(\\p{Ll}{3,})(?= (?:that|which|who|of|in|on)\\b|[,.;])`,
    "u",
  ).exec(first);
  const noun = m?.[1];
  if (!noun) return undefined;
  return { noun, name: title, fromLead: true };
}

/**
 * "The plot was revealed …" shown as "The Gunpowder Plot was revealed …" when the sentence
 * before names no other thing of the noun ("the Bye Plot", "the River Kelvin").
 */
export function showTopic(
  text: string,
  before: string | undefined,
  topic: TopicNoun,
): Shown | undefined {
  const opening = new RegExp(`^The ${topic.noun}\\b(?!['’])`).exec(text);
  if (!opening) return showIt(text, before, topic);
  const noun = topic.noun.charAt(0).toUpperCase() + topic.noun.slice(1);
  const other = new RegExp(`\\b\\p{Lu}\\p{Ll}+ ${noun}\\b|\\b${noun} (?:of )?\\p{Lu}`, "u");
  const rival = before?.replaceAll(topic.name.replace(/^The /, ""), "");
  if (rival !== undefined && other.test(rival)) return undefined;
  // "… Malmö. The city …": a class noun is the topic's only after a sentence about the topic.
  if (topic.fromLead && before !== undefined && !continuesTopic(before, topic)) return undefined;
  const shown = topic.name + text.slice(opening[0].length);
  return { text: shown, shift: topic.name.length - opening[0].length };
}

/** The sentence is about the topic: it names it, or opens with "It" or "The <noun>". */
function continuesTopic(text: string, topic: TopicNoun): boolean {
  if (text.includes(topic.name)) return true;
  return new RegExp(`^(?:It|The ${topic.noun})\\b`).test(text);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * "The Harbour Bridge opened in 1932. It carries eight lanes …": an opening "It" or "Its" right
 * after a sentence that opens with the topic is the topic.
 */
function showIt(text: string, before: string | undefined, topic: TopicNoun): Shown | undefined {
  const opening =
    /^(It|Its)\b(?! (?:is|was) (?:said|thought|believed|likely|clear|possible|hoped|expected)\b)/.exec(
      text,
    );
  if (!opening || before === undefined) return undefined;
  const bare = topic.name.replace(/^The /, "");
  const opensWithTopic =
    before.startsWith(topic.name) ||
    before.startsWith(`The ${bare}`) ||
    before.startsWith(bare) ||
    new RegExp(`^The ${topic.noun}\\b(?!['’])`).test(before);
  if (!opensWithTopic) return undefined;
  const name = opening[1] === "Its" ? `${topic.name}'s` : topic.name;
  return { text: name + text.slice(opening[0].length), shift: name.length - opening[0].length };
}
