/** The sign-in page: one password field for an educator key or the admin token, posted in the body. */
import { html } from "hono/html";
import { educatorPage } from "./educator-layout.ts";

export function signInPage(options: { error?: string; notice?: string } = {}) {
  return educatorPage({
    title: "Sign in",
    error: options.error,
    notice: options.notice,
    body: html`<h1>Sign in</h1>
      <p>Use the educator key you got when the quiz was created, or the admin token.</p>
      <form method="post" action="/educator/sign-in">
        <label for="key">Educator key or admin token</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required maxlength="512" autofocus />
        <p class="hint">The key is sent only in this form, never in a link. You stay signed in for 8 hours on this browser.</p>
        <div class="actions"><button type="submit">Sign in</button></div>
      </form>`,
  });
}
