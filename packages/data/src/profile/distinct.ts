import { HLL_DEFAULT_P, HyperLogLog } from './hll';

export const DISTINCT_EXACT_LIMIT = 10_000;

/**
 * Distinct count: exact while there are at most `limit` distinct keys (default 10 000); when one more arrives
 * the keys are moved into a HyperLogLog and the exact sets are dropped, so memory stays bounded.
 *
 * Keys are strings (`add`) or numbers (`addNumber`, compared by value: 1, 1.0 and 1e0 are one key, -0 is 0).
 * A string and a number are always different keys, so callers should pass numeric cells as numbers.
 */
export class DistinctCounter {
  readonly limit: number;
  private readonly p: number;
  private strings: Set<string> | null = new Set();
  private numbers: Set<number> | null = new Set();
  private hll: HyperLogLog | null = null;

  constructor(limit = DISTINCT_EXACT_LIMIT, p = HLL_DEFAULT_P) {
    this.limit = limit;
    this.p = p;
  }

  add(key: string): void {
    const set = this.strings;
    if (set) {
      if (set.has(key)) return;
      if (this.exactSize() < this.limit) {
        set.add(key);
        return;
      }
      this.switchToHll().add(key);
      return;
    }
    (this.hll as HyperLogLog).add(key);
  }

  addNumber(key: number): void {
    const set = this.numbers;
    if (set) {
      if (set.has(key)) return;
      if (this.exactSize() < this.limit) {
        set.add(key);
        return;
      }
      this.switchToHll().addNumber(key);
      return;
    }
    (this.hll as HyperLogLog).addNumber(key);
  }

  get exact(): boolean {
    return this.hll === null;
  }

  /** The distinct count (exact) or its HyperLogLog estimate rounded to an integer (`exact: false`). */
  result(): { value: number; exact: boolean } {
    if (!this.hll) return { value: this.exactSize(), exact: true };
    // more than `limit` keys were certainly seen when we switched
    return { value: Math.max(this.limit + 1, Math.round(this.hll.estimate())), exact: false };
  }

  private exactSize(): number {
    return (this.strings as Set<string>).size + (this.numbers as Set<number>).size;
  }

  private switchToHll(): HyperLogLog {
    const hll = new HyperLogLog(this.p);
    for (const k of this.strings as Set<string>) hll.add(k);
    for (const k of this.numbers as Set<number>) hll.addNumber(k);
    this.strings = null;
    this.numbers = null;
    this.hll = hll;
    return hll;
  }
}
