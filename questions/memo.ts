/**
 * A pure function of a string, remembered: the engine asks the same names and sentences many
 * times per article. Bounded, because the Worker keeps the module across requests; clearing
 * loses only time, never a different answer.
 */
export function memoized<T>(fn: (s: string) => T, limit: number): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      value = fn(s);
      if (cache.size > limit) cache.clear();
      cache.set(s, value);
    }
    return value;
  };
}
