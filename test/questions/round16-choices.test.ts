// Round 16 (issue 11): a nationality's rivals from the gazetteer are first the peoples of the
// countries the article itself names (distractors.ts, entityDistractors), as a country's are:
// "top ____ clubs were seeking to sign him" in an article that names Spain, France, Germany and
// Portugal takes their peoples, not a Polish club no Western player could join in 1957. A
// person's nationality keeps its neighbours first (Belarusian beside a Russian name).
// Checked from outside over the whole review set; the BBC texts come from ../shared only.
import { describe, expect, it } from "vitest";
import { countryNamed, nationalityNamed } from "../../questions/gazetteer.ts";
import { generateReviewSet } from "../../questions/node/review-set.ts";

describe("round 16: a nationality beside the peoples the article names", () => {
  it("over the whole review set: a rival from elsewhere only when the article's own run out", () => {
    const bad: string[] = [];
    for (const g of generateReviewSet()) {
      const q = g.question;
      const key = q.choices.find((c) => c.id === q.answer)?.text ?? "";
      const keyCode = nationalityNamed(key)?.code;
      if (keyCode === undefined || !/____/.test(q.prompt)) continue;
      // A person's nationality ("the first ____ woman") keeps its neighbours first instead: a
      // rival from across the world would be given away by the person's name.
      if (
        /____ (?:wom[ae]n|m[ae]n|player|number|star|champion|\p{Lu}\p{Ll}+ \p{Lu})/u.test(q.prompt)
      )
        continue;
      // The countries (and peoples) the article names, other than the key's own.
      const named = new Set<string>();
      const words = g.article.text.match(/\p{Lu}\p{Ll}+/gu) ?? [];
      for (let i = 0; i < words.length; i++)
        for (const name of [words[i] ?? "", `${words[i]} ${words[i + 1] ?? ""}`]) {
          const code = (countryNamed(name) ?? nationalityNamed(name))?.code;
          if (code !== undefined && code !== keyCode) named.add(code);
        }
      const rivals = q.choices.filter((c) => c.id !== q.answer).map((c) => c.text);
      const outside = rivals.filter((r) => {
        const code = nationalityNamed(r)?.code;
        return code !== undefined && !named.has(code);
      });
      // Where the article names as many other countries as there are rivals, none comes from
      // outside it.
      if (named.size >= rivals.length && outside.length > 0)
        bad.push(
          `${g.id}: ${outside.join(", ")} beside ${key}, while the article names ${named.size} countries`,
        );
    }
    expect(bad).toEqual([]);
  });
});
