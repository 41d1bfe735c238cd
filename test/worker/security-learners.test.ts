// A learner erases their attempts and responses, proved by the secret only their widget holds:
// learnerId = first 32 hex digits of SHA-256(secret), sent as `Authorization: Bearer <secret>`.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { learnerIdFor } from "../../worker/routes/learners.ts";
import { expectError } from "./expect-error.ts";
import { answer, call, countRows, resetDatabase, seedQuiz, slug } from "./fixtures.ts";

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  await seedQuiz({ slug: "second-quiz" });
});

/** What the widget does: 256 random bits as 64 lowercase hex digits. */
function newSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

async function learnerWithAnswers(quiz: string, secret: string): Promise<string> {
  const learnerId = await learnerIdFor(secret);
  const res = await call("POST", `/api/quizzes/${quiz}/attempts`, {
    learnerId,
    learnerName: "Ada",
  });
  const { attemptId } = (await res.json()) as { attemptId: string };
  expect((await answer(attemptId, "q1", "b")).status).toBe(200);
  expect((await answer(attemptId, "q2", "a")).status).toBe(200);
  return attemptId;
}

const erase = (learnerId: string, authorization?: string) =>
  call("DELETE", `/api/learners/${learnerId}`, undefined, authorization ? { authorization } : {});

describe("POST /api/quizzes/:slug/attempts with a learner id", () => {
  it("accepts only 32 lowercase hex digits, so every stored learner id can be erased", async () => {
    const ok = await call("POST", `/api/quizzes/${slug}/attempts`, {
      learnerId: await learnerIdFor(newSecret()),
    });
    expect(ok.status).toBe(201);
    for (const learnerId of [
      crypto.randomUUID(),
      "learner-123456",
      "ABCDEF0123456789ABCDEF0123456789",
      "a".repeat(31),
      "a".repeat(64),
    ]) {
      await expectError(
        await call("POST", `/api/quizzes/${slug}/attempts`, { learnerId }),
        400,
        "invalid_request",
      );
    }
    expect(await countRows("attempts")).toBe(1);
  });
});

describe("DELETE /api/learners/:learnerId", () => {
  it("derives the learner id as the first 32 hex digits of SHA-256(secret)", async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(await learnerIdFor("abc")).toBe("ba7816bf8f01cfea414140de5dae2223");
  });

  it("erases every attempt and response of that learner, and nobody else's", async () => {
    const secret = newSecret();
    const learnerId = await learnerIdFor(secret);
    await learnerWithAnswers(slug, secret);
    await learnerWithAnswers("second-quiz", secret);
    const otherAttempt = await learnerWithAnswers(slug, newSecret());
    expect(await countRows("attempts")).toBe(3);
    expect(await countRows("responses")).toBe(6);
    expect(await countRows("first_tries")).toBe(6);

    const res = await erase(learnerId, `Bearer ${secret}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(await countRows("attempts")).toBe(1);
    expect(await countRows("responses")).toBe(2);
    // The Retention section's copy of their first tries goes too.
    expect(await countRows("first_tries")).toBe(2);
    const left = await env.DB.prepare("select id from attempts").first<{ id: string }>();
    expect(left?.id).toBe(otherAttempt);
    const mine = await env.DB.prepare("select count(*) as n from attempts where learner_id = ?")
      .bind(learnerId)
      .first<{ n: number }>();
    expect(mine?.n).toBe(0);
  });

  it("answers 204 when there is nothing to erase, and again on a repeat", async () => {
    const secret = newSecret();
    const learnerId = await learnerIdFor(secret);
    expect((await erase(learnerId, `Bearer ${secret}`)).status).toBe(204);
    expect((await erase(learnerId, `Bearer ${secret}`)).status).toBe(204);
  });

  it("401s without a secret, with WWW-Authenticate, and erases nothing", async () => {
    const secret = newSecret();
    const learnerId = await learnerIdFor(secret);
    await learnerWithAnswers(slug, secret);
    const res = await erase(learnerId);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(res, 401, "unauthorized");
    await expectError(await erase(learnerId, `Basic ${btoa("a:b")}`), 401, "unauthorized");
    await expectError(await erase(learnerId, "Bearer short"), 401, "unauthorized");
    expect(await countRows("attempts")).toBe(1);
  });

  it("403s with someone else's secret and erases nothing", async () => {
    const secret = newSecret();
    const learnerId = await learnerIdFor(secret);
    await learnerWithAnswers(slug, secret);
    await expectError(await erase(learnerId, `Bearer ${newSecret()}`), 403, "forbidden");
    // Knowing the learner id (educators see it) is not enough: it is not the secret.
    await expectError(await erase(learnerId, `Bearer ${learnerId}`), 403, "forbidden");
    expect(await countRows("attempts")).toBe(1);
    expect(await countRows("responses")).toBe(2);
  });

  it("400s for a learner id that is not 32 lowercase hex digits", async () => {
    const secret = newSecret();
    for (const bad of ["ABCDEF0123456789ABCDEF0123456789", "abc", "g".repeat(32), "a".repeat(33)]) {
      await expectError(await erase(bad, `Bearer ${secret}`), 400, "invalid_request");
    }
  });
});
