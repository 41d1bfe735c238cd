// Distractor rules (issue 3, point 4) on small articles built to tempt the generator into
// each mistake: same format, no alias or surname twins, nothing from the stem, balanced keys.
import { describe, expect, it } from "vitest";
import { generateBank } from "../../questions/generate.ts";
import { checkBank, signature } from "./rules.ts";

const history = `The Harbour Bridge Story
The Harbour Bridge was designed by the engineer John Bradfield in 1916. Construction began on 28 July 1923 and took more than eight years. The bridge opened on 19 March 1932 after a ceremony led by Premier Jack Lang. The main arch spans 503 metres and carries eight traffic lanes. About 1,400 workers built the bridge, and sixteen of them died during the work. The steel came from the English firm Dorman Long, based in Middlesbrough. The bridge cost £6.25 million, a sum that was only paid off in 1988. The architect Thomas Tyrrell designed the granite pylons at each end. Engineers from the University of Sydney tested the steel in 1924. The painter Grace Cossington Smith recorded the building of the arch in a famous series of works. The bridge now carries about 160,000 vehicles every day. In 1998, the BridgeClimb company began guided climbs over the arch. Tourists from Japan, Germany and Canada take part in the climb every week.`;

describe("distractors", () => {
  const bank = generateBank(history);

  it("makes questions from a short history piece and breaks no rule", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(5);
    expect(checkBank(bank, history)).toEqual([]);
  });

  it("gives every choice the key's kind and format", () => {
    for (const q of bank.questions) {
      if (q.type !== "cloze") continue;
      const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
      for (const c of q.choices)
        expect(signature(c.text), `${q.id}: ${c.text}`).toBe(signature(key));
    }
  });

  it("never shows a choice that is already in the stem", () => {
    for (const q of bank.questions) {
      if (q.type !== "cloze") continue;
      for (const c of q.choices) expect(q.prompt.toLowerCase()).not.toContain(c.text.toLowerCase());
    }
  });

  it("keeps a year's distractors on the right side of other years in the sentence", () => {
    const text = `${history}\nThe toll, first charged in 1932, was raised in 1970 and again in 2009 for all cars and trucks crossing the harbour.`;
    const b = generateBank(text, { count: 20 });
    for (const q of b.questions) {
      if (!q.prompt.includes("first charged in ____, was raised in 1970")) continue;
      for (const c of q.choices) expect(Number(c.text)).toBeLessThan(1970);
    }
  });

  it("balances the answer positions", () => {
    const counts = [0, 0, 0, 0];
    for (const q of bank.questions) {
      const p = q.choices.findIndex((c) => c.id === q.answer);
      counts[p] = (counts[p] ?? 0) + 1;
    }
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
  });
});

describe("checkBank", () => {
  it("flags a surname twin, a distractor in the stem and a format mismatch", () => {
    const article = "Alpha met Bravo in Paris on 3 May 1990. Nothing else happened.";
    const violations = checkBank(
      {
        version: 1,
        title: "t",
        locale: "en",
        articleHash: "x",
        questions: [
          {
            id: "q1",
            type: "cloze",
            prompt: "Alpha met Bravo in Paris on ____.",
            choices: [
              { id: "a", text: "3 May 1990" },
              { id: "b", text: "May 1991" },
              { id: "c", text: "Paris" },
              { id: "d", text: "4 June 1990" },
            ],
            answer: "a",
            explanation: "The article says so.",
            source: { start: 0, end: 39, text: "Alpha met Bravo in Paris on 3 May 1990." },
          },
        ],
      },
      article,
    );
    const rules = violations.map((v) => v.rule);
    expect(rules).toContain("same-kind");
    expect(rules).toContain("distractor-in-stem");
  });
});

describe("people's roles", () => {
  const bio = `Clara Wendt
Clara Wendt was a German physicist who studied crystals. Wendt was born in Kiel in 1902 and studied physics at the University of Munich.
Wendt received her doctorate in 1926 under the physicist Arnold Sommerfeld at the University of Munich. In 1927 she married the painter Otto Brenner, her husband for forty years.
In 1929 Wendt moved to Göttingen to work with the physicist Max Born on the theory of solids. Her brother, Karl Wendt, ran the family shipyard in Kiel.
Wendt later worked with the chemist Fritz Haber in Berlin on the structure of salts. In 1933 Wendt left Germany for Zurich, where she taught at the Federal Institute of Technology.
Wendt wrote more than 90 papers on crystals and their defects. She was elected to the Swiss Academy of Sciences in 1951 and died in Zurich in 1978.`;

  it("never offers a family member as a rival for a scientist's role", () => {
    const bank = generateBank(bio, { count: 20 });
    for (const q of bank.questions) {
      const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
      if (!/Sommerfeld|Born|Haber/.test(key)) continue;
      for (const c of q.choices) expect(c.text).not.toMatch(/Brenner|Karl Wendt/);
    }
  });
});

describe("ambiguous words", () => {
  it("does not ask for 'lead' as a chemical element in a match report", () => {
    const report = `Rovers beat City to reach the final
Rovers beat City 2-1 at Marsh Lane on Saturday to reach the cup final for the first time since 1987.
City took the lead in the 11th minute through striker Daniel Okoro, who scored from close range.
Winger Sam Whitlock gave Rovers the lead again in the 58th minute with a low shot after a quick break.
A crowd of 31,400 watched the match, the largest at Marsh Lane since the ground opened in 1994.
The final will be played on 17 May 2025 against Northbridge Athletic, who beat Dunmore United 2-0 on Friday.
Rovers manager Elena Brandt has now won 14 of her last 17 matches since she took charge in June 2023.`;
    const bank = generateBank(report, { count: 20 });
    for (const q of bank.questions) {
      const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
      expect(key).not.toBe("lead");
      expect(q.choices.map((c) => c.text)).not.toContain("Athletic");
    }
  });
});
