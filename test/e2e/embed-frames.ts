/**
 * What the embed tests (test/e2e/embed-sandbox.test.ts, test/e2e/wordpress.test.ts) do with a quiz
 * in a frame: answer a question through the frame, and measure the frame against its content.
 */
import type { Frame, FrameLocator, Locator, Page } from "playwright-core";

/** Checks the first choice of the first question (the first screen), returns the feedback heading. */
export async function answerFirstQuestion(frame: FrameLocator): Promise<string> {
  await frame.getByRole("radio").first().check();
  await frame.getByRole("button", { name: "Check answer" }).click();
  const heading = frame.locator("recall-quiz #fh");
  await heading.waitFor({ timeout: 15_000 });
  return (await heading.textContent())?.trim() ?? "";
}

/** The embed page's frame in `page` (the first one whose URL has `/embed/`). */
export function embedFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes("/embed/"));
  if (!frame) throw new Error("no /embed/ frame on the page");
  return frame;
}

/** The height of the embed page's content, as it reports it to its parent. */
export function contentHeight(page: Page): Promise<number> {
  return embedFrame(page).evaluate(() =>
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  );
}

/** The frame's box on the page (0 × 0 when it is hidden). */
export async function frameBox(iframe: Locator): Promise<{ width: number; height: number }> {
  const box = await iframe.boundingBox();
  return { width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0) };
}
