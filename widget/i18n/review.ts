/**
 * The review chunk's UI strings (review.tsx) in English, Urdu (right to left) and Russian, all in
 * that chunk: only readers with questions due ever fetch them. "{n}" is a number; a string with
 * plural forms has one per `Intl.PluralRules` category its language uses (`other` always).
 */
import type { Lang } from "../i18n.ts";

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface ReviewStrings {
  /** The offer: how many questions from earlier reading are due. */
  due: Plural;
  /** The offer's button. */
  go: string;
  /** Declining the offer. */
  no: string;
  /** The review's heading. */
  title: string;
  /** Before the link to the question's post. */
  from: string;
  /** The summary's heading. */
  done: string;
  /** Before "{a} of {b}" on the summary. */
  kept: string;
  /** When the earliest of the reviewed questions comes back. */
  next: Plural;
  /** Leaves the summary for the quiz. */
  back: string;
}

export const reviewStrings: Record<Lang, ReviewStrings> = {
  en: {
    due: {
      one: "{n} question from earlier reading is due",
      other: "{n} questions from earlier reading are due",
    },
    go: "Review (1 min)",
    no: "Not now",
    title: "Review",
    from: "From:",
    done: "Review done",
    kept: "Remembered:",
    next: { one: "Next review in {n} day", other: "Next review in {n} days" },
    back: "Back to the quiz",
  },
  ur: {
    due: {
      one: "پچھلی پڑھائی کا {n} سوال دہرانے کے لیے تیار ہے",
      other: "پچھلی پڑھائی کے {n} سوال دہرانے کے لیے تیار ہیں",
    },
    go: "دہرائیں (ایک منٹ)",
    no: "ابھی نہیں",
    title: "دہرائی",
    from: "ماخذ:",
    done: "دہرائی مکمل",
    kept: "یاد رہے:",
    next: { other: "اگلی دہرائی {n} دن میں" },
    back: "کوئز پر واپس جائیں",
  },
  ru: {
    due: {
      one: "{n} вопрос из прочитанного ранее ждёт повторения",
      few: "{n} вопроса из прочитанного ранее ждут повторения",
      many: "{n} вопросов из прочитанного ранее ждут повторения",
      other: "{n} вопроса из прочитанного ранее ждут повторения",
    },
    go: "Повторить (1 мин)",
    no: "Не сейчас",
    title: "Повторение",
    from: "Из статьи:",
    done: "Повторение окончено",
    kept: "Запомнено:",
    next: {
      one: "Следующее повторение через {n} день",
      few: "Следующее повторение через {n} дня",
      many: "Следующее повторение через {n} дней",
      other: "Следующее повторение через {n} дня",
    },
    back: "Вернуться к тесту",
  },
};

/** The form of `plural` for `n` in `lang`, with `n` written in that language's digits. */
export function count(plural: Plural, n: number, lang: Lang): string {
  const form = plural[new Intl.PluralRules(lang).select(n)] ?? plural.other;
  return form.replace("{n}", new Intl.NumberFormat(lang).format(n));
}
