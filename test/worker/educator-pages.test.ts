// The educator console over HTTP, as a browser without JavaScript uses it: sign in with a key
// posted in a form, a session cookie, create / review / edit / remove / regenerate / publish,
// the embed snippets and the report page, with CSRF and escaping checks.
import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../worker/security/secrets.ts";
import { harbourBridge as article } from "../fixtures/articles.ts";
import {
  answer,
  call,
  countRows,
  resetDatabase,
  seedQuiz,
  slug,
  startAttempt,
} from "./fixtures.ts";

const origin = "http://recall.test";
const educatorKey = "rk_test-educator-key-for-mount-example";
const otherSlug = "other-quiz";
const otherKey = "rk_test-educator-key-for-the-other-quiz";

/** Each sign-in comes from its own address, so the sign-in limiter does not cross tests. */
const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join(".")}`;

/** `call` sets a JSON body only; forms go through here. */
async function postForm(
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return exports.default.fetch(
    new Request(`${origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    }),
  );
}

async function get(path: string, cookie?: string): Promise<Response> {
  return exports.default.fetch(
    new Request(`${origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" }),
  );
}

/** Signs in and returns the `name=value` pair of the session cookie. */
async function signIn(key: string): Promise<string> {
  const res = await postForm("/educator/sign-in", { key }, { "cf-connecting-ip": randomAddress() });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const pair = setCookie.split(";")[0] ?? "";
  expect(pair).toMatch(/^recall_session=[A-Za-z0-9_-]{43}$/);
  return pair;
}

beforeEach(async () => {
  await resetDatabase();
  await seedQuiz();
  await seedQuiz({ slug: otherSlug });
  for (const [quiz, key] of [
    [slug, educatorKey],
    [otherSlug, otherKey],
  ] as const) {
    await env.DB.prepare("update quizzes set educator_key_hash = ? where slug = ?")
      .bind(await sha256Hex(key), quiz)
      .run();
  }
});

describe("sign-in", () => {
  it("shows a form that posts the key in the body", async () => {
    const res = await get("/educator");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<form method="post" action="/educator/sign-in">');
    expect(page).toContain('type="password"');
  });

  it("an admin token starts a session with a hardened cookie, stored only as a hash", async () => {
    const res = await postForm(
      "/educator/sign-in",
      { key: env.ADMIN_TOKEN },
      { "cf-connecting-ip": randomAddress() },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/educator/quizzes");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^recall_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=28800/);
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const row = await env.DB.prepare("select id_hash, quiz_id from educator_sessions").first<{
      id_hash: string;
      quiz_id: number | null;
    }>();
    expect(row).toEqual({ id_hash: await sha256Hex(token), quiz_id: null });
  });

  it("over https the cookie is __Host- prefixed and Secure", async () => {
    const res = await exports.default.fetch(
      new Request("https://recall.test/educator/sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://recall.test",
          "cf-connecting-ip": randomAddress(),
        },
        body: new URLSearchParams({ key: env.ADMIN_TOKEN }).toString(),
        redirect: "manual",
      }),
    );
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-recall_session=/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("a wrong key gets a generic error and no session", async () => {
    const res = await postForm(
      "/educator/sign-in",
      { key: "rk_wrong" },
      { "cf-connecting-ip": randomAddress() },
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("That key did not work");
    expect(await countRows("quizzes")).toBe(2);
    const sessions = await env.DB.prepare("select count(*) as n from educator_sessions").first<{
      n: number;
    }>();
    expect(sessions?.n).toBe(0);
  });

  it("refuses a sign-in form posted from another site", async () => {
    const res = await postForm(
      "/educator/sign-in",
      { key: env.ADMIN_TOKEN },
      { origin: "https://evil.example", "cf-connecting-ip": randomAddress() },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const address = randomAddress();
    let refused: Response | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const res = await postForm(
        "/educator/sign-in",
        { key: `rk_guess-${i}` },
        { "cf-connecting-ip": address },
      );
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(401);
    }
    expect(refused?.headers.get("retry-after")).toBe("60");
    expect(await refused?.text()).toContain("Too many sign-in attempts");
  });

  it("an educator key opens its own quiz and nothing else", async () => {
    const cookie = await signIn(educatorKey);
    expect((await get(`/educator/quizzes/${slug}`, cookie)).status).toBe(200);
    // Another quiz answers like a quiz that does not exist: no oracle for which slugs exist.
    expect((await get(`/educator/quizzes/${otherSlug}`, cookie)).status).toBe(404);
    expect((await get("/educator/quizzes/no-such-quiz", cookie)).status).toBe(404);
    expect((await get(`/api/quizzes/${slug}/report`, cookie)).status).toBe(200);
    expect((await get(`/api/quizzes/${otherSlug}/report`, cookie)).status).toBe(404);
    const list = await (await get("/educator/quizzes", cookie)).text();
    expect(list).toContain(`/educator/quizzes/${slug}"`);
    expect(list).not.toContain(`/educator/quizzes/${otherSlug}"`);
    // Creating quizzes is for the admin only.
    expect((await get("/educator/new", cookie)).status).toBe(403);
  });

  it("sign-out deletes the session, so the old cookie opens nothing", async () => {
    const cookie = await signIn(educatorKey);
    const out = await postForm("/educator/sign-out", {}, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/recall_session=;.*Max-Age=0/);
    const again = await get(`/educator/quizzes/${slug}`, cookie);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/educator");
    expect((await get(`/api/quizzes/${slug}/report`, cookie)).status).toBe(401);
  });

  it("signing in again replaces the browser's previous session", async () => {
    const first = await signIn(educatorKey);
    const res = await postForm(
      "/educator/sign-in",
      { key: env.ADMIN_TOKEN },
      { cookie: first, "cf-connecting-ip": randomAddress() },
    );
    expect(res.status).toBe(303);
    const rows = await env.DB.prepare("select quiz_id from educator_sessions").all();
    expect(rows.results).toEqual([{ quiz_id: null }]);
    expect((await get(`/educator/quizzes/${slug}`, first)).status).toBe(303);
  });

  it("pages need a session", async () => {
    const res = await get(`/educator/quizzes/${slug}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/educator");
  });
});

describe("CSRF", () => {
  it("a session cookie does not work for a POST from another origin", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const res = await postForm(
      `/educator/quizzes/${slug}/publish`,
      {},
      { cookie, origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    // Nor for the JSON API.
    const api = await call("POST", `/api/quizzes/${slug}/publish`, undefined, {
      cookie,
      origin: "https://evil.example",
    });
    expect(api.status).toBe(401);
  });

  it("accepts Origin: null only with Sec-Fetch-Site: same-origin", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    await seedQuiz({ slug: "draft-quiz", status: "draft" });
    const cross = await postForm(
      "/educator/quizzes/draft-quiz/publish",
      {},
      { cookie, origin: "null", "sec-fetch-site": "cross-site" },
    );
    expect(cross.status).toBe(403);
    const same = await postForm(
      "/educator/quizzes/draft-quiz/publish",
      {},
      { cookie, origin: "null", "sec-fetch-site": "same-origin" },
    );
    expect(same.status).toBe(303);
  });
});

describe("create, review, publish", () => {
  async function createDraft(cookie: string): Promise<{ slug: string; page: string }> {
    const res = await postForm(
      "/educator/new",
      {
        title: "The Harbour Bridge",
        article,
        sourceUrl: "https://blog.example/bridge",
        locale: "en",
        count: "4",
        allowedOrigins: "https://blog.example\nhttps://school.example",
      },
      { cookie },
    );
    const page = await res.text();
    expect(res.status).toBe(201);
    const created = /\/educator\/quizzes\/(the-harbour-bridge-[a-z0-9]+)\/publish/.exec(page);
    expect(created).not.toBeNull();
    return { slug: created?.[1] ?? "", page };
  }

  it("creates a draft from pasted text and shows the educator key once", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const { slug: created, page } = await createDraft(cookie);
    const key = /id="educator-key" type="text" readonly value="(rk_[A-Za-z0-9_-]+)"/.exec(
      page,
    )?.[1];
    expect(key).toBeDefined();
    const row = await env.DB.prepare(
      "select status, educator_key_hash, allowed_origins, source_url from quizzes where slug = ?",
    )
      .bind(created)
      .first<Record<string, string>>();
    expect(row).toEqual({
      status: "draft",
      educator_key_hash: await sha256Hex(key ?? ""),
      allowed_origins: JSON.stringify(["https://blog.example", "https://school.example"]),
      source_url: "https://blog.example/bridge",
    });
    const review = await (await get(`/educator/quizzes/${created}/review`, cookie)).text();
    expect(review).not.toContain(key);
    // The key signs in to the new quiz.
    const educator = await signIn(key ?? "");
    expect((await get(`/educator/quizzes/${created}/review`, educator)).status).toBe(200);
  });

  it("accepts a 200,000-character Russian article from the form (defect 8)", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const sentences = Array.from(
      { length: 2000 },
      (_, i) =>
        `В ${1800 + (i % 200)} году город номер ${i} построил мост длиной ${100 + i} метров через реку Волгу. `,
    ).join("");
    const article = sentences.repeat(Math.ceil(200_000 / sentences.length)).slice(0, 200_000);
    expect(article.length).toBe(200_000);
    const res = await postForm(
      "/educator/new",
      { title: "Мосты", article, locale: "ru" },
      { cookie },
    );
    const page = await res.text();
    // Accepted (a draft), or refused with a readable reason in a form that still holds the text.
    if (res.status === 201) {
      expect(page).toContain("Draft created");
    } else {
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(page).toContain(article.slice(0, 200));
    }
  });

  it("refuses an article over 200,000 characters with a reason, keeping the text", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const article = "Мост через реку. ".repeat(12_000).slice(0, 200_001);
    const res = await postForm("/educator/new", { title: "Мосты", article }, { cookie });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain("200000 characters");
    expect(page).toContain(article.slice(0, 500));
  });

  it("keeps the form and explains when the article is unusable", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const res = await postForm(
      "/educator/new",
      { title: "Too short <b>bold</b>", article: "Just one line." },
      { cookie },
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Just one line.");
    expect(page).toContain("Too short &lt;b&gt;bold&lt;/b&gt;");
  });

  it("edits a question's prompt, choices, key and explanation", async () => {
    const cookie = await signIn(educatorKey);
    await seedQuiz({ slug, status: "draft" });
    const res = await postForm(
      `/educator/quizzes/${slug}/questions/q1`,
      {
        prompt: "How high does Mount Example rise above the valley?",
        "choice-a": "1,870 metres",
        "choice-b": "2,310 metres",
        "choice-c": "2,940 metres",
        "choice-d": "About 3 km",
        answer: "b",
        explanation: "The first sentence gives 2,310 metres.",
      },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/educator/quizzes/${slug}/review?done=saved`);
    const row = await env.DB.prepare(
      "select prompt, choices, answer, explanation from questions where id = 'q1' and quiz_id = (select id from quizzes where slug = ?)",
    )
      .bind(slug)
      .first<{ prompt: string; choices: string; answer: string; explanation: string }>();
    expect(row?.prompt).toBe("How high does Mount Example rise above the valley?");
    expect(JSON.parse(row?.choices ?? "[]")[3]).toEqual({ id: "d", text: "About 3 km" });
    expect(row?.explanation).toBe("The first sentence gives 2,310 metres.");
    const page = await (await get(`/educator/quizzes/${slug}/review?done=saved`, cookie)).text();
    expect(page).toContain("Question saved.");
  });

  it("refuses to change the key of an answered question, with the API's reason", async () => {
    const cookie = await signIn(educatorKey);
    const attempt = await startAttempt();
    await answer(attempt, "q1", "a");
    const res = await postForm(
      `/educator/quizzes/${slug}/questions/q1`,
      {
        prompt: "Mount Example rises ____ above the valley.",
        "choice-a": "1,870 metres",
        "choice-b": "2,310 metres",
        "choice-c": "2,940 metres",
        "choice-d": "3,150 metres",
        answer: "a",
        explanation: "x",
      },
      { cookie },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Learners have answered this question");
  });

  it("removes a question", async () => {
    const cookie = await signIn(educatorKey);
    const res = await postForm(`/educator/quizzes/${slug}/questions/q3/remove`, {}, { cookie });
    expect(res.status).toBe(303);
    const quiz = await (await call("GET", `/api/quizzes/${slug}`)).json<{ questions: unknown[] }>();
    expect(quiz.questions).toHaveLength(2);
  });

  it("regenerates a question: another one from the article takes its place", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const { slug: created } = await createDraft(cookie);
    const before = await env.DB.prepare(
      "select id, prompt, position from questions where quiz_id = (select id from quizzes where slug = ?) and status = 'active' order by position",
    )
      .bind(created)
      .all<{ id: string; prompt: string; position: number }>();
    const first = before.results[0];
    if (!first) throw new Error("no questions");
    const res = await postForm(
      `/educator/quizzes/${created}/questions/${first.id}/regenerate`,
      {},
      { cookie },
    );
    expect(res.status).toBe(303);
    const after = await env.DB.prepare(
      "select id, prompt, position, status from questions where quiz_id = (select id from quizzes where slug = ?) order by position, status",
    )
      .bind(created)
      .all<{ id: string; prompt: string; position: number; status: string }>();
    const active = after.results.filter((q) => q.status === "active");
    expect(active).toHaveLength(before.results.length);
    expect(active[0]?.id).toBe("r1");
    expect(active[0]?.position).toBe(first.position);
    expect(before.results.map((q) => q.prompt)).not.toContain(active[0]?.prompt);
    expect(after.results.find((q) => q.id === first.id)?.status).toBe("removed");
  });

  it("publishes and shows the embed snippets", async () => {
    const cookie = await signIn(educatorKey);
    await seedQuiz({ slug, status: "draft" });
    const res = await postForm(`/educator/quizzes/${slug}/publish`, {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/educator/quizzes/${slug}/embed?published=1`);
    const page = await (await get(`/educator/quizzes/${slug}/embed?published=1`, cookie)).text();
    expect(page).toContain("Published.");
    expect(page).toContain(
      `&lt;script src=&quot;${origin}/widget.js&quot; async&gt;&lt;/script&gt;`,
    );
    expect(page).toContain(`&lt;recall-quiz quiz=&quot;${slug}&quot;&gt;&lt;/recall-quiz&gt;`);
    expect(page).toContain(`&lt;iframe src=&quot;${origin}/embed/${slug}`);
    expect(page).toContain(`value="${origin}/embed/${slug}"`);
    expect((await call("GET", `/api/quizzes/${slug}`)).status).toBe(200);
  });
});

describe("report page", () => {
  it("shows a learner-supplied page URL as text, never as a link (defect 9)", async () => {
    const phishing = "https://login.evil.example/educator-sign-in";
    const started = await call("POST", `/api/quizzes/${slug}/attempts`, { pageUrl: phishing });
    expect(started.status).toBe(201);
    const cookie = await signIn(educatorKey);
    const page = await (await get(`/educator/quizzes/${slug}`, cookie)).text();
    expect(page).toContain(phishing);
    expect(page).not.toMatch(/<a [^>]*href="https:\/\/login\.evil\.example/);
  });

  it("shows statistics, charts with tables, and escapes learner text", async () => {
    const res0 = await call("POST", `/api/quizzes/${slug}/attempts`, {
      learnerName: '<script>alert("x")</script>',
      group: "class <7b>",
    });
    const { attemptId } = await res0.json<{ attemptId: string }>();
    await answer(attemptId, "q1", "b");
    await answer(attemptId, "q2", "c");
    await call("POST", `/api/attempts/${attemptId}/finish`);
    const cookie = await signIn(educatorKey);
    const res = await get(`/educator/quizzes/${slug}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).not.toContain("<script>alert");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("class &lt;7b&gt;");
    expect(page).toContain("<svg");
    expect(page).toContain("Finished attempts per score");
    expect(page).toContain(`/api/quizzes/${slug}/report.csv`);
    expect(page).toContain(`/api/quizzes/${slug}/attempts.csv`);
    expect(page).toContain(`/api/quizzes/${slug}/xapi`);
    // Filters narrow the page.
    const filtered = await (
      await get(`/educator/quizzes/${slug}?group=${encodeURIComponent("class <7b>")}`, cookie)
    ).text();
    expect(filtered).toContain("<dt>Attempts started</dt><dd>1</dd>");
    const empty = await (await get(`/educator/quizzes/${slug}?group=nobody`, cookie)).text();
    expect(empty).toContain("<dt>Attempts started</dt><dd>0</dd>");
  });

  it("the CSV export link works with the session cookie", async () => {
    const cookie = await signIn(educatorKey);
    const res = await get(`/api/quizzes/${slug}/report.csv`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });
});

describe("quiz settings in the console", () => {
  it("moves a question up, through the same reorder as the API", async () => {
    const cookie = await signIn(educatorKey);
    const res = await postForm(`/educator/quizzes/${slug}/questions/q3/move-up`, {}, { cookie });
    expect(res.status).toBe(303);
    const order = await env.DB.prepare(
      "select q.id from questions q join quizzes z on z.id = q.quiz_id where z.slug = ? order by q.position",
    )
      .bind(slug)
      .all<{ id: string }>();
    expect(order.results.map((r) => r.id)).toEqual(["q1", "q3", "q2"]);
  });

  it("makes a new educator key: shown once, the old one no longer signs in", async () => {
    const cookie = await signIn(env.ADMIN_TOKEN);
    const res = await postForm(`/educator/quizzes/${slug}/key`, {}, { cookie });
    expect(res.status).toBe(200);
    const page = await res.text();
    const key = /id="educator-key" type="text" readonly value="(rk_[A-Za-z0-9_-]+)"/.exec(
      page,
    )?.[1];
    expect(key).toBeDefined();
    expect(key).not.toBe(educatorKey);
    const old = await postForm(
      "/educator/sign-in",
      { key: educatorKey },
      { "cf-connecting-ip": randomAddress() },
    );
    expect(old.status).toBe(401);
    await signIn(key ?? "");
  });

  it("deletes the quiz with its attempts only when confirmed", async () => {
    const attemptId = await startAttempt();
    await answer(attemptId, "q1", "b");
    const cookie = await signIn(env.ADMIN_TOKEN);
    const unconfirmed = await postForm(`/educator/quizzes/${slug}/delete`, {}, { cookie });
    expect(unconfirmed.status).toBe(400);
    expect(await countRows("attempts")).toBe(1);
    const res = await postForm(
      `/educator/quizzes/${slug}/delete`,
      { confirm: "delete" },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(await countRows("attempts")).toBe(0);
    expect(await countRows("responses")).toBe(0);
    expect((await get(`/educator/quizzes/${slug}`, cookie)).status).toBe(404);
  });
});

describe("a question of one's own in the console", () => {
  it("adds it at the end from the review page's form", async () => {
    const cookie = await signIn(educatorKey);
    const res = await postForm(
      `/educator/quizzes/${slug}/questions`,
      {
        prompt: "How many people live in Lindholm?",
        "choice-a": "4,200",
        "choice-b": "2,310",
        "choice-c": "1,897",
        "choice-d": "",
        answer: "a",
        explanation: "The article says Lindholm has 4,200 residents.",
        passage: "The nearby town of Lindholm has 4,200 residents.",
      },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/educator/quizzes/${slug}/review?done=added`);
    const row = await env.DB.prepare(
      "select q.type, q.position, q.choices from questions q join quizzes z on z.id = q.quiz_id where z.slug = ? and q.type = 'own'",
    )
      .bind(slug)
      .first<{ type: string; position: number; choices: string }>();
    expect(row?.position).toBe(3);
    expect(JSON.parse(row?.choices ?? "[]")).toHaveLength(3);
  });

  it("keeps the review page with the reason when the passage is not in the article", async () => {
    const cookie = await signIn(educatorKey);
    const res = await postForm(
      `/educator/quizzes/${slug}/questions`,
      {
        prompt: "A question?",
        "choice-a": "One",
        "choice-b": "Two",
        "choice-c": "Three",
        answer: "b",
        explanation: "Because.",
        passage: "Nowhere in the article.",
      },
      { cookie },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("quoted exactly from the article");
  });
});
