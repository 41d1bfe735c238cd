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

/**
 * A pure function of one article's object (its facts or entity index) and a string, remembered
 * per article: the cache goes with the article, so nothing is bounded or cleared.
 */
export function memoizedPer<K extends object, T>(
  fn: (owner: K, s: string) => T,
): (owner: K, s: string) => T {
  const caches = new WeakMap<K, Map<string, T>>();
  return (owner, s) => {
    let cache = caches.get(owner);
    if (!cache) {
      cache = new Map();
      caches.set(owner, cache);
    }
    let value = cache.get(s);
    if (value === undefined) {
      value = fn(owner, s);
      cache.set(s, value);
    }
    return value;
  };
}
