/**
 * What an international body of finance does, finer than lexicon.ts's ORGANISATION_ROLES: a
 * lender, a forecaster, a central bank, a creditors' club, or a grouping of governments. A
 * stem that has the key forecast ("The ____ predicts …") takes forecasters only, one that has
 * it lend or hold gold takes lenders only, and a grouping of nations ("Group of Eight") is
 * never a rival of a body that lends or forecasts, nor the other way round.
 */

const DOES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["International Monetary Fund", ["lender", "forecaster"]],
  ["World Bank", ["lender", "forecaster"]],
  ["African Development Bank", ["lender"]],
  ["Asian Development Bank", ["lender", "forecaster"]],
  ["Inter-American Development Bank", ["lender"]],
  ["European Investment Bank", ["lender"]],
  ["International Fund for Agricultural Development", ["lender"]],
  ["Organisation for Economic Co-operation and Development", ["forecaster"]],
  ["European Central Bank", ["central bank"]],
  ["Federal Reserve", ["central bank"]],
  ["Bank of England", ["central bank"]],
  ["Bank of Japan", ["central bank"]],
  ["Bank for International Settlements", ["central bank"]],
  ["Paris Club", ["creditors", "lender"]],
  ["London Club", ["creditors", "lender"]],
  ["World Trade Organization", ["trade", "forecaster"]],
  ["Financial Stability Board", ["regulator"]],
  ...[
    "Group of Eight",
    "Group of Seven",
    "Group of 20",
    "Group of Twenty",
    "G7",
    "G8",
    "G20",
    "Commonwealth",
    "European Union",
    "African Union",
  ].map((n): [string, readonly string[]] => [n, ["grouping"]]),
]);

const FORECASTS =
  /\b(?:predicts?|predicted|forecasts?|forecasted|expects?|projects?|estimates?)\b/i;
const LENDS = /\b(?:lends?|lent|loans?|gold|reserves|bail-?out|credit line)\b/i;

/** The role the stem asks of the key, when it asks one. */
export function stemRole(text: string): string | undefined {
  if (FORECASTS.test(text)) return "forecaster";
  if (LENDS.test(text)) return "lender";
  return undefined;
}

/**
 * Whether `other` does what the key does: it shares one of the key's roles, and the role the
 * stem asks where the key has it. A body of no listed role passes, unless the key has one and
 * `other` is a grouping; a key of no listed role takes any.
 */
export function doesWhatKeyDoes(key: string, other: string, stem: string): boolean {
  const mine = DOES.get(key);
  const theirs = DOES.get(other);
  if (!mine || !theirs) return true;
  const asked = stemRole(stem);
  if (asked && mine.includes(asked)) return theirs.includes(asked);
  return mine.some((r) => theirs.includes(r));
}

/** Whether both bodies have listed roles and `other` does what the key does: then their names
 * need not be of one length ("OECD" spelt out beside the International Monetary Fund). */
export function listedAlike(key: string, other: string, stem: string): boolean {
  return DOES.has(key) && DOES.has(other) && doesWhatKeyDoes(key, other, stem);
}
