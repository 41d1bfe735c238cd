/**
 * A small seeded random generator (sfc32) so the same article always yields the same bank.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** A new array with the items in random order. */
  shuffle<T>(items: readonly T[]): T[];
}

/** Seeds from the first 32 hex digits of a hash. */
export function randomFromHash(hexHash: string): Random {
  let a = Number.parseInt(hexHash.slice(0, 8), 16) >>> 0;
  let b = Number.parseInt(hexHash.slice(8, 16), 16) >>> 0;
  let c = Number.parseInt(hexHash.slice(16, 24), 16) >>> 0;
  let d = Number.parseInt(hexHash.slice(24, 32), 16) >>> 0;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 0x100000000;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
}

/**
 * A generator of its own for one question, seeded from the article's hash and a salt (its
 * sentence and answer): one question's draws never shift another's, so a change to the engine
 * that touches one question leaves the others as they were.
 */
export function randomFor(hexHash: string, salt: string): Random {
  // FNV-1a over the salt, folded into each 32-bit word of the article's seed.
  let h = 0x811c9dc5;
  for (let i = 0; i < salt.length; i++) {
    h ^= salt.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let seed = "";
  for (let i = 0; i < 4; i++) {
    const word = Number.parseInt(hexHash.slice(i * 8, i * 8 + 8), 16) >>> 0;
    seed += ((word ^ Math.imul(h, i + 1)) >>> 0).toString(16).padStart(8, "0");
  }
  return randomFromHash(seed);
}
