/** The English of the screens after the first (part of the flow chunk), in widget/i18n.ts's key order. */
export const englishLater =
  "Next|See my score|Correct|Incorrect|The answer:|Your answer:|Show in article|Your score|" +
  "Retry the ones I missed|Start over|This quiz could not be found.|" +
  "The quiz server cannot be reached.|Try again|Reconnecting… Your answer is saved.|" +
  "Quiz coming soon.|No quiz for this page right now.";
