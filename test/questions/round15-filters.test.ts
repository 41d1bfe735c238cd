// Round 15 (issue 11), filters.ts: the length of a gap counted from an event the stem leaves out
// ("____ weeks later", "in ____ weeks' time") is trivia, and a home nation of the United Kingdom
// is given away by its own people's adjective in the stem ("the English Church … in ____"), as
// "Canadian" gives Canada. Unit cases on made-up stems, then the whole review set from outside.
import { describe, expect, it } from "vitest";
import { stemGivesAway } from "../../questions/filters.ts";
import { generateReviewSet } from "../../questions/node/review-set.ts";
import type { AnswerType } from "../../questions/typing.ts";

const weeks: AnswerType = { kind: "quantity", unit: "weeks" };
const region: AnswerType = { kind: "place", level: "region", country: "GB" };

describe("round 15 filters: made-up stems", () => {
  it("refuses a relative gap as trivia, not a duration the stem anchors", () => {
    expect(stemGivesAway("____ weeks later, the club signed him.", "Three", weeks, "")).toBe(
      "trivia",
    );
    expect(stemGivesAway("They meet again in ____ weeks' time.", "two", weeks, "")).toBe("trivia");
    expect(stemGivesAway("The strike lasted ____ weeks.", "six", weeks, "")).toBeUndefined();
    // Months are left to the ranking: a short post may have nothing else to ask.
    const months: AnswerType = { kind: "quantity", unit: "months" };
    expect(
      stemGivesAway("____ months later, builds took 17 minutes.", "Two", months, ""),
    ).toBeUndefined();
  });

  it("refuses a home nation beside its own adjective, and only then", () => {
    expect(
      stemGivesAway(
        "The king took the English Church from Rome: unrest in ____.",
        "England",
        region,
        "",
      ),
    ).toBe("give-away");
    expect(
      stemGivesAway("The Welsh poet spent his last years in ____.", "Scotland", region, ""),
    ).toBeUndefined();
  });
});

describe("round 15 filters: a key the title spells out", () => {
  const term: AnswerType = { kind: "term" };
  it("refuses a key that ends a title word, not one that merely shares letters", () => {
    expect(
      stemGivesAway(
        "The list is kept by ____ academics.",
        "computer science",
        term,
        "Supercomputer breaks record",
      ),
    ).toBe("give-away");
    expect(
      stemGivesAway(
        "The list is kept by ____ academics.",
        "physics",
        term,
        "Supercomputer breaks record",
      ),
    ).toBeUndefined();
  });
});

describe("round 15 filters: over the review set", () => {
  const questions = generateReviewSet();
  it("asks no relative gap and no home nation beside its adjective", () => {
    const bad = questions.filter((q) => {
      const key = q.question.choices.find((c) => c.id === q.question.answer)?.text ?? "";
      const stem = q.question.prompt;
      if (/____ (?:days?|weeks?)(?:'|\u2019)? (?:later|earlier|time|after|before)\b/i.test(stem))
        return true;
      const adjective = { England: "English", Scotland: "Scottish", Wales: "Welsh" }[key];
      return adjective !== undefined && new RegExp(`\\b${adjective}\\b`).test(stem);
    });
    expect(bad.map((q) => q.id)).toEqual([]);
  });
});
