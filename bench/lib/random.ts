// Seeded randomness, so two runs send the same sequence of requests and their figures compare.

import { seededRandom } from '../data/random.js';

export type Random = {
  next: () => number;
  pick: <T>(items: readonly T[]) => T;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
};

export function randomOf(seed: number): Random {
  const next = seededRandom(seed);
  return {
    next,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** Nearest-rank percentile of ascending values (0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
