// The public quiz is read through a D1 session (the Sessions API, so a database with read
// replication serves it from a replica): the session answers what the primary does, and the
// learner route's reply is the same quiz either way.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseFor, replicaReads } from "../../worker/db/client.ts";
import { activeQuestionsBySlug, findQuiz } from "../../worker/db/quizzes.ts";
import { quizzes } from "../../worker/db/schema.ts";
import { call, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
});

describe("reads from any copy of the database", () => {
  it("go through one D1 session and read what the primary reads", async () => {
    const sessions: string[] = [];
    const counted = new Proxy(env.DB, {
      get(target, key) {
        if (key === "withSession") {
          return (constraint: string) => {
            sessions.push(constraint);
            return target.withSession(constraint);
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const replica = replicaReads(counted);
    const primary = databaseFor(env.DB);
    expect(await findQuiz(replica, slug)).toEqual(await findQuiz(primary, slug));
    expect(await activeQuestionsBySlug(replica, slug)).toEqual(
      await activeQuestionsBySlug(primary, slug),
    );
    expect(sessions).toEqual(["first-unconstrained"]);
    const missing = await replica.select().from(quizzes).where(eq(quizzes.slug, "no-such-quiz"));
    expect(missing).toEqual([]);
  });

  it("serve the learner's quiz, and a missing one as a 404", async () => {
    const res = await call("GET", `/api/quizzes/${slug}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { slug: string; questions: unknown[] };
    expect(body.slug).toBe(slug);
    expect(body.questions.length).toBeGreaterThan(0);
    const missing = await call("GET", "/api/quizzes/no-such-quiz");
    expect(missing.status).toBe(404);
  });
});
