/**
 * A small seeded PRNG (mulberry32). The same seed gives the same sequence on every machine
 * and Node version, which is what lets three subgraphs seed their own slices of one world
 * and still agree. `Math.random` and `Array.prototype.sort` with a random comparator are
 * never used: neither is reproducible.
 */
export class Random {
  private state: number;

  /** @param seed any integer; only its low 32 bits count. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** One element, uniformly. @throws when `items` is empty, which is always a bug in the caller. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: nothing to pick from');
    return items[Math.floor(this.float() * items.length)];
  }

  /** One of the values, with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of pairs) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** A whole number with (roughly) exponential distribution and the given mean, at least 0. */
  exponential(mean: number): number {
    return Math.floor(-Math.log(1 - this.float()) * mean);
  }
}
