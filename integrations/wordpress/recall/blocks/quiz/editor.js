/**
 * The "Recall quiz" block in the editor: the quiz's slug (or its pasted link) and, in the
 * sidebar, the widget's options. Saved as attributes only; the page renders it on the server
 * (the same markup as the [recall] shortcode). Plain script, no build step.
 */
((wp) => {
  const el = wp.element.createElement;
  const __ = wp.i18n.__;
  const blockEditor = wp.blockEditor;
  const components = wp.components;

  /** "https://…/embed/my-quiz?lang=ru" or "my-quiz" → "my-quiz". */
  function slugOf(value) {
    const match = /\/embed\/([a-z0-9-]+)/i.exec(value);
    return (match ? match[1] : value).trim().toLowerCase();
  }

  function choice(label, value, options, onChange) {
    return el(components.SelectControl, {
      label: label,
      value: value,
      options: options,
      onChange: onChange,
    });
  }

  wp.blocks.registerBlockType("recall/quiz", {
    edit: (props) => {
      const a = props.attributes;
      const set = (name) => (value) => {
        const change = {};
        change[name] = name === "quiz" ? slugOf(value) : value;
        props.setAttributes(change);
      };
      return el(
        "div",
        blockEditor.useBlockProps(),
        el(
          components.Placeholder,
          {
            icon: "welcome-learn-more",
            label: __("Recall quiz", "recall"),
            instructions: a.quiz
              ? __("Readers see this quiz here.", "recall")
              : __("Enter the quiz's slug, or paste its link (…/embed/SLUG).", "recall"),
          },
          el(components.TextControl, {
            label: __("Quiz", "recall"),
            value: a.quiz,
            onChange: set("quiz"),
          }),
        ),
        el(
          blockEditor.InspectorControls,
          null,
          el(
            components.PanelBody,
            { title: __("Quiz options", "recall") },
            choice(
              __("Language", "recall"),
              a.lang,
              [
                { label: __("The page's language", "recall"), value: "" },
                { label: "English", value: "en" },
                { label: "اردو", value: "ur" },
                { label: "Русский", value: "ru" },
              ],
              set("lang"),
            ),
            choice(
              __("Theme", "recall"),
              a.theme,
              [
                { label: __("Light", "recall"), value: "" },
                { label: __("Dark", "recall"), value: "dark" },
                { label: __("The reader's setting", "recall"), value: "auto" },
              ],
              set("theme"),
            ),
            el(components.TextControl, {
              label: __("Group (class or cohort)", "recall"),
              value: a.group,
              onChange: set("group"),
            }),
          ),
        ),
      );
    },
    save: () => null,
  });
})(window.wp);
