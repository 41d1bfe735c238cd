/**
 * A committed review article's bank, for the round tests that check a rule on real text (the
 * Wikipedia articles 13–20 are copied under test/questions/articles/review; the BBC ones are not).
 */
import type { Question } from "../../questions/bank.ts";
import { generateReview } from "../../questions/generate.ts";
import { reviewArticles } from "../../questions/node/review-set.ts";

export const keyOf = (q: Question) => q.choices.find((c) => c.id === q.answer)?.text ?? "";

export function bankOf(slug: string): Question[] {
  const article = reviewArticles().find((a) => a.slug === slug);
  if (!article) throw new Error(`${slug} is committed under test/questions/articles/review`);
  return generateReview(article.text).bank.questions;
}
