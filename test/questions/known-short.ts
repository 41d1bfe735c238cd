/**
 * Review articles known to fall short of issue 11's count target today (8 questions from 700
 * words, 5 from 300): review-set.test.ts marks their count test `it.fails`, so when one of
 * them reaches its target that test fails and the name must leave this list. It should only
 * shrink; rounds 6 and 10 added some, for the reasons given beside them.
 */
export const KNOWN_SHORT: ReadonlySet<string> = new Set([
  "10-supercomputer-breaks-speed-record",
  "12-wi-fi-web-reaches-farmers-in-peru",
  "18-malaria",
  // Back after round 2: its fifth question was the length of a span ("over the last 12 months").
  "11-blog-picked-as-word-of-the-year",
  // Since round 4: its three people (a US official, a South African minister, a former
  // president) are no rivals for each other's posts, so their three-choice questions went, and
  // "the G8, which comprises the G7 and ____" is a membership a reader knows.
  "02-g7-backs-africa-debt-relief-plan",
  // Since round 6, back below 8: the questions graded drop in round 5 went by rule (07: a
  // continent with no rival the article names, a child's birth "a year later, in ____"; 17: the
  // river's own city as its port, "oxygen depletion", a shoal "dividing the river into two"),
  // and neither article has other sentences the engine can yet make honest questions of.
  // (Round 18: 07 went 4 -> 5 with Glasgow among Scotland's cities and Edinburgh University
  // among the nation's universities; its people still have no rivals of their party or era.)
  "07-profile-gordon-brown",
  "17-river-clyde",
  // Since round 10, below 8: their side details (one day's tally of seals, the day a ship broke
  // free, a schoolboy debut's day, a bracketed count, "____ weeks later"), which round 9 asked
  // only to reach the count and the graders dropped every round, are never asked now, nor is
  // the place a famous disaster is named after (15).
  // Round 15: 15 went 7 -> 6 when "____ weeks later" became trivia everywhere (the spread pass
  // had brought it back to fill the article's empty middle); quality.test.ts lets a known-short
  // bank leave that stretch unasked rather than fill it with a side detail.
  // (Round 18: 13 went 5 -> 7 with the White Sea among the Arctic's seas and the Gulf Stream
  // among the North Atlantic's currents; its museum and university are blocked by Bergen.)
  "13-fridtjof-nansen",
  "15-duncan-edwards",
  // Since round 10, 9 -> 7: its harbour question (inland cities beside a port, graded fix) has
  // only the article's own places as rivals now, too few, and "this phenomenon" (graded fix:
  // no context) is no longer asked; no other sentence yet makes an honest question.
  "03-japans-ageing-workforce",
  // Since round 17, 8 -> 6: three questions graded drop went by rule ("Between 1533 and ____",
  // one end of a range; London, the capital of the country the article is set in, once
  // "Elizabeth" and "Mary" stopped counting as American and Turkmen cities; a count in
  // brackets), and the sentences left name a key already asked (Cecil, Fawkes, Arbella Stuart).
  "19-gunpowder-plot",
  // Since round 17, 10 -> 5: its two nationality blanks went by rule (a people beside its own
  // city, Malmö; the language a name is told in), the Kalmar Union has no rival of its era left
  // (no World Trade Organization beside 1397, no St. Clemens Church as a body), and with so few
  // questions of other kinds the 60% cap on figures keeps three of its many dates.
  "16-copenhagen",
]);
