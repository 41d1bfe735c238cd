// Reading articles: sentence splitting and boilerplate, the ground every question stands on.
import { describe, expect, it } from "vitest";
import { readArticle, splitSentences } from "../../questions/text.ts";

function sentences(paragraph: string): string[] {
  return splitSentences(paragraph).map(([s, e]) => paragraph.slice(s, e));
}

describe("splitSentences", () => {
  it("keeps company, title and country abbreviations inside the sentence", () => {
    expect(
      sentences(
        "The Oil and Gas Development Corporation Ltd. (OGDCL) grew. Mr. Khan met Dr. Lee in the U.S. last year. It rained.",
      ),
    ).toEqual([
      "The Oil and Gas Development Corporation Ltd. (OGDCL) grew.",
      "Mr. Khan met Dr. Lee in the U.S. last year.",
      "It rained.",
    ]);
  });

  it("does not split at initials", () => {
    expect(
      sentences(
        "He testified against J. Robert Oppenheimer. Later, D. K. Gupta and D.J. Keymer hired him.",
      ),
    ).toEqual([
      "He testified against J. Robert Oppenheimer.",
      "Later, D. K. Gupta and D.J. Keymer hired him.",
    ]);
  });

  it("splits after a decade, whose 's' is no initial", () => {
    expect(
      sentences(
        "The town grew in the 1960s and 1970s. If the mill closes, it will shrink. Tom S. Hale left.",
      ),
    ).toEqual([
      "The town grew in the 1960s and 1970s.",
      "If the mill closes, it will shrink.",
      "Tom S. Hale left.",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(sentences('She said "it works." Then she left. (They agreed.) Fine!')).toEqual([
      'She said "it works."',
      "Then she left.",
      "(They agreed.)",
      "Fine!",
    ]);
  });

  it("splits at a stop with a missing space", () => {
    expect(
      sentences("They rank it higher than his first film.Aparajito won the Golden Lion."),
    ).toEqual(["They rank it higher than his first film.", "Aparajito won the Golden Lion."]);
  });

  it("keeps degrees and decimals whole", () => {
    expect(sentences("He received his Ph.D. in physics. The rod was 1.90 meters long.")).toEqual([
      "He received his Ph.D. in physics.",
      "The rod was 1.90 meters long.",
    ]);
  });
});

describe("readArticle", () => {
  const text = [
    "A Headline Without a Full Stop",
    "By Jane Doe",
    "Log in if you are already registered",
    "First paragraph has a sentence. And another one here.",
    "A Section Heading",
    "Second paragraph, with its own sentence.",
    "Professor, Analyst, Editor, Fellow of the Institute (FI), Somewhere",
    "Blog: Jane Doe's Blog",
    "Rating: 1",
  ].join("\n");
  const article = readArticle(text);

  it("tells headings, paragraphs and boilerplate apart", () => {
    expect(article.blocks.map((b) => b.kind)).toEqual([
      "heading",
      "boilerplate",
      "boilerplate",
      "paragraph",
      "heading",
      "paragraph",
      "boilerplate",
      "boilerplate",
      "boilerplate",
    ]);
  });

  it("gives sentences exact offsets and never merges a heading into a sentence", () => {
    expect(article.sentences.map((s) => s.text)).toEqual([
      "First paragraph has a sentence.",
      "And another one here.",
      "Second paragraph, with its own sentence.",
    ]);
    for (const s of article.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("page chrome", () => {
  const kindOf = (line: string) => readArticle(line).blocks[0]?.kind;

  it.each([
    "In",
    "The",
    "Share",
    "Share this article",
    "Menu",
    "Comments",
    "12 Comments",
    "Advertisement",
    "Related posts",
    "Related: Bus fares to rise by 5% in April",
    "Read more",
    "Tags: energy, Pakistan, Russia",
    "Posted in World News",
    "Published 14 March 2024",
    "Updated: March 14, 2024 at 9:30 GMT",
    "14 March 2024",
    "5 min read",
    "Photo: A tram at Riverton Central station. Credit: City Press Agency",
    "Image credit",
    "Image: Getty Images",
    "Copyright 2024 Example Media. All rights reserved.",
    "© 2024 Example Media",
    "Subscribe to our newsletter",
    "Subscribe",
    "By Jane Doe",
    "By Sarah Collins, Transport Correspondent",
    "Leave a reply",
    "★★★★☆",
  ])("%s is boilerplate", (line) => {
    expect(kindOf(line)).toBe("boilerplate");
  });

  it.each([
    "Shared Goals for Regional Stability",
    "Early life and education",
    "In the Shadow of the Bomb",
    "Comments on the Constitution",
    "Home Rule and Its Critics",
  ])("%s stays a heading", (line) => {
    expect(kindOf(line)).toBe("heading");
  });

  it.each([
    "By 1950, the company had opened offices in London, Paris and Madrid.",
    "Like his father, Ray trained as an illustrator before he turned to film.",
    "Home prices in the region rose by 12 percent in 2023, the agency said.",
    "Next year the council will vote on a second line to the airport.",
    "Search teams found the wreck of the ship in 1985, off Newfoundland.",
  ])("%s stays prose", (line) => {
    expect(kindOf(line)).toBe("paragraph");
  });
});
