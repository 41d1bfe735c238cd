// The widget's floor for bench/widget-speed.ts: a hand-written embed that makes the same two
// requests as widget.js (this script, then the quiz), renders the same first question with plain
// DOM calls in a shadow root, starts the attempt in the background, and on "Check answer" makes
// the same PUT and shows the verdict. No framework, styles, languages, resume or retries: the
// least any embed must do, so the widget's times over these say what the rest costs.
(() => {
  const api = document.currentScript?.dataset.api ?? location.origin;
  const json = { "content-type": "application/json" };
  for (const host of document.querySelectorAll("recall-quiz")) {
    const root = host.attachShadow({ mode: "open" });
    const slug = host.getAttribute("quiz");
    void fetch(`${api}/api/quizzes/${slug}`)
      .then((res) => res.json())
      .then((quiz) => {
        const question = quiz.questions[0];
        const form = document.createElement("form");
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.textContent = question.prompt;
        fieldset.append(legend);
        for (const choice of question.choices) {
          const label = document.createElement("label");
          const input = document.createElement("input");
          input.type = "radio";
          input.name = "choice";
          input.value = choice.id;
          label.append(input, choice.text);
          fieldset.append(label);
        }
        const button = document.createElement("button");
        button.textContent = "Check answer";
        form.append(fieldset, button);
        root.append(form);
        const attempt = fetch(`${api}/api/quizzes/${slug}/attempts`, {
          method: "POST",
          headers: json,
          body: "{}",
        }).then((res) => res.json());
        form.addEventListener("submit", async (event) => {
          event.preventDefault();
          const picked = form.querySelector("input:checked");
          if (!picked) return;
          const { attemptId } = await attempt;
          const res = await fetch(`${api}/api/attempts/${attemptId}/answers/${question.id}`, {
            method: "PUT",
            headers: json,
            body: JSON.stringify({ choiceId: picked.value }),
          });
          const result = await res.json();
          const verdict = document.createElement("p");
          verdict.id = "fh";
          verdict.textContent = result.correct ? "Correct" : "Not quite";
          root.append(verdict);
        });
      });
  }
})();
