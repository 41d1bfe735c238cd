/**
 * The widget's UI strings in English, Urdu (right-to-left) and Russian, and the rule that picks
 * the language: the element's `lang`, else the page's `<html lang>`, else English.
 *
 * Each language is one "|"-separated string in the order of `keys`, so the key names are not
 * repeated per language in the bundle (this saves about 150 bytes gzip of a 10 KB budget).
 * "{n}", "{a}" and "{b}" are numbers, localised with Intl.NumberFormat.
 */

/** The strings' names, in the order of each language's packed string. */
type Key =
  | "count" // "Questions: {n}" (a label, so no plural forms are needed)
  | "of" // "{a} of {b}": progress and score
  | "start"
  | "check"
  | "next"
  | "finish"
  | "correct"
  | "incorrect"
  | "answer"
  | "yours"
  | "show"
  | "score"
  | "retry"
  | "again"
  | "loading"
  | "notFound"
  | "down"
  | "tryAgain"
  | "reconnecting"
  | "blank";

// One string in the bundle instead of an array of twenty (the type above checks each name).
const keys = (
  "count of start check next finish correct incorrect answer yours show score retry again " +
  "loading notFound down tryAgain reconnecting blank"
).split(" ") as Key[];

export type Strings = Record<Key, string>;

const packed: Record<string, string> = {
  en:
    "Questions: {n}|{a} of {b}|" +
    "Start quiz|Check answer|Next|See my score|Correct|Incorrect|The answer:|Your answer:|" +
    "Show in article|Your score|Retry the ones I missed|Start over|Loading quiz…|" +
    "This quiz could not be found.|The quiz server cannot be reached.|Try again|" +
    "Reconnecting… Your answer is saved.|blank",
  ur:
    "سوالات: {n}|{b} میں سے {a}|" +
    "کوئز شروع کریں|جواب جانچیں|اگلا|میرا اسکور دیکھیں|درست|غلط|درست جواب:|آپ کا جواب:|" +
    "مضمون میں دیکھیں|آپ کا اسکور|غلط سوالات دوبارہ حل کریں|دوبارہ شروع کریں|کوئز لوڈ ہو رہا ہے…|" +
    "یہ کوئز نہیں ملا۔|کوئز سرور سے رابطہ نہیں ہو سکا۔|دوبارہ کوشش کریں|" +
    "دوبارہ رابطہ ہو رہا ہے… آپ کا جواب محفوظ ہے۔|خالی جگہ",
  ru:
    "Вопросов: {n}|{a} из {b}|" +
    "Начать тест|Проверить ответ|Далее|Показать результат|Верно|Неверно|Правильный ответ:|Ваш ответ:|" +
    "Показать в статье|Ваш результат|Повторить ошибки|Пройти заново|Загрузка теста…|" +
    "Тест не найден.|Сервер теста недоступен.|Повторить|" +
    "Переподключение… Ваш ответ сохранён.|пропуск",
};

/** The first supported language among the element's, the page's, then English. */
export function pickLang(...candidates: (string | null | undefined)[]): string {
  for (const c of candidates) {
    const base = c?.toLowerCase().split("-")[0];
    if (base && packed[base]) return base;
  }
  return "en";
}

export interface Locale {
  lang: string;
  dir: "ltr" | "rtl";
  t: Strings;
  /** "{a} of {b}" with localised numbers. */
  of: (a: number, b: number) => string;
  /** "Questions: {n}". */
  count: (n: number) => string;
}

export function locale(lang: string): Locale {
  const parts = (packed[lang] ?? "").split("|");
  const t = Object.fromEntries(keys.map((k, i) => [k, parts[i] ?? ""])) as Strings;
  // Made on first use: a page's first Intl.NumberFormat costs tens of milliseconds, and the quiz
  // request should leave before that, not after.
  let format: ((n: number) => string) | undefined;
  const num = (n: number) => {
    format ??= new Intl.NumberFormat(lang).format;
    return format(n);
  };
  return {
    lang,
    dir: lang === "ur" ? "rtl" : "ltr",
    t,
    of: (a, b) => t.of.replace("{a}", num(a)).replace("{b}", num(b)),
    count: (n) => t.count.replace("{n}", num(n)),
  };
}
