/** The widget's UI in Urdu (right to left), in widget/i18n.ts's key order: a lazy chunk. */
export const strings =
  "{b} میں سے {a}|جواب جانچیں|کوئز لوڈ ہو رہا ہے…|خالی جگہ|" +
  "اگلا|میرا اسکور دیکھیں|درست|غلط|درست جواب:|آپ کا جواب:|مضمون میں دیکھیں|آپ کا اسکور|" +
  "غلط سوالات دوبارہ حل کریں|دوبارہ شروع کریں|یہ کوئز نہیں ملا۔|کوئز سرور سے رابطہ نہیں ہو سکا۔|" +
  "دوبارہ کوشش کریں|دوبارہ رابطہ ہو رہا ہے… آپ کا جواب محفوظ ہے۔|کوئز جلد آ رہا ہے۔|" +
  "اس صفحے کے لیے ابھی کوئی کوئز نہیں۔";

let format: ((n: number) => string) | undefined;

/** Numbers in Urdu's digits, with a formatter made on first use (a page's first costs ms). */
export const number = (n: number) => {
  format ??= new Intl.NumberFormat("ur").format;
  return format(n);
};
