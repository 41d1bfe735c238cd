/** The widget's UI in Russian, in widget/i18n.ts's key order: a lazy chunk. */
export const strings =
  "{a} из {b}|Проверить ответ|Загрузка теста…|пропуск|" +
  "Далее|Показать результат|Верно|Неверно|Правильный ответ:|Ваш ответ:|Показать в статье|" +
  "Ваш результат|Повторить ошибки|Пройти заново|Тест не найден.|Сервер теста недоступен.|" +
  "Повторить|Переподключение… Ваш ответ сохранён.|Тест скоро появится.|" +
  "Для этой страницы пока нет теста.";

/** Russian writes question counts and scores in ASCII digits: no Intl.NumberFormat needed. */
export const number = (n: number) => String(n);
