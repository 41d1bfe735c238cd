// Explanations in the generator's own words: the key and the clause it completes, never a bare
// copy of the source sentence the widget already shows.
import { describe, expect, it } from "vitest";
import { clauseWithKey } from "../../questions/explain.ts";
import { generateBank } from "../../questions/generate.ts";

function clause(sentence: string, key: string): string {
  const at = sentence.indexOf(key);
  return clauseWithKey(sentence, at, at + key.length);
}

describe("clauseWithKey", () => {
  it("drops appositives and trailing participle clauses without the key", () => {
    expect(
      clause(
        "Diplomatic relations between Pakistan and Russia were officially established on 1 May 1948, marking the beginning of a long partnership.",
        "1 May 1948",
      ),
    ).toBe(
      "Diplomatic relations between Pakistan and Russia were officially established on 1 May 1948.",
    );
    expect(
      clause(
        "In 1943, Ray started work at D.J. Keymer, a British-run advertising agency, as a junior visualiser, earning eighty rupees a month.",
        "eighty",
      ),
    ).toBe(
      "in 1943, Ray started work at D.J. Keymer as a junior visualiser, earning eighty rupees a month.",
    );
  });

  it("keeps the coordinated clause that holds the key", () => {
    expect(
      clause(
        "The Suez Canal Company was formed in 1858, and work began at Port Said on 25 April 1859.",
        "25 April 1859",
      ),
    ).toBe("work began at Port Said on 25 April 1859.");
    expect(
      clause(
        "Britain occupied Egypt in 1882 and kept troops in the canal zone for more than seventy years.",
        "seventy",
      ),
    ).toBe("Britain kept troops in the canal zone for more than seventy years.");
  });

  it("keeps the list item with the key after 'including'", () => {
    expect(
      clause(
        "Ray received many awards, including 32 National Film Awards, a Golden Lion, and an Academy Honorary Award in 1992.",
        "1992",
      ),
    ).toBe("Ray received many awards, including an Academy Honorary Award in 1992.");
  });

  it("drops brackets without the key but keeps the key whole", () => {
    expect(
      clause(
        "Pakistan joined the Shanghai Cooperation Organization (SCO) as a full member in 2017.",
        "2017",
      ),
    ).toBe("Pakistan joined the Shanghai Cooperation Organization as a full member in 2017.");
  });
});

describe("explanations in a bank", () => {
  const article = [
    "Marie Okafor",
    "Marie Okafor is a Nigerian chemist who studies catalysts for clean fuels. Okafor was born in Enugu in 1975, the second of four children.",
    "Okafor studied chemistry at the University of Ibadan, graduating in 1996. She then moved to the United Kingdom, where she earned a doctorate at the University of Manchester in 2001.",
    "She joined Imperial College London as a lecturer in 2006. Okafor became a full professor in 2014, and her group now has about 25 members.",
    "In 2019, Okafor received the Royal Society of Chemistry's Corday–Morgan Prize for her work on nickel catalysts. She was elected a Fellow of the Royal Society in 2022.",
    "Okafor has published more than 120 papers and holds six patents.",
  ].join("\n");

  it("names the key and never quotes the source sentence whole", () => {
    const bank = generateBank(article);
    expect(bank.questions.length).toBeGreaterThan(0);
    for (const q of bank.questions) {
      const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
      if (q.type !== "true-statement") expect(q.explanation).toContain(key);
      expect(q.explanation).not.toContain(`"${q.source.text}"`);
      expect(q.explanation).not.toMatch(/^The article says/);
    }
  });

  it("names the subject where the article opens a sentence with 'She'", () => {
    const bank = generateBank(article, { count: 20 });
    const shown = bank.questions
      .filter((q) => /^She\b/.test(q.source.text))
      .map((q) => (q.type === "cloze" ? q.prompt : q.choices.map((c) => c.text).join(" ")));
    for (const text of shown) expect(text).toMatch(/^Okafor\b/);
    expect(bank.questions.some((q) => /^She\b/.test(q.prompt))).toBe(false);
  });
});
