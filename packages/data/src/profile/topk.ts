/**
 * Space-Saving heavy hitters (Metwally, Agrawal, El Abbadi 2005) with `capacity` counters (default 20).
 *
 * While the number of distinct items is <= capacity every count is exact. After that, a new item replaces a
 * counter with the smallest count and inherits that count + 1 (recorded as its `error`), so counts are
 * upper bounds with error <= n / capacity, and every item with frequency > n / capacity is guaranteed to be
 * tracked. Deterministic: the same stream always gives the same result.
 */

export const TOPK_CAPACITY = 20;
export const TOPK_REPORTED = 10;

export interface TopItem {
  value: string;
  count: number;
  /** Upper bound of the overestimate in `count` (0: exact). */
  error: number;
}

interface Counter {
  value: string;
  count: number;
  error: number;
  /** index in `slots` */
  pos: number;
}

export class SpaceSaving {
  readonly capacity: number;
  /** Counters ordered by count, largest first; a new or grown counter moves up past smaller ones. */
  private readonly slots: Counter[] = [];
  private readonly byValue = new Map<string, Counter>();
  private total = 0;
  private evicted = false;

  constructor(capacity = TOPK_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be >= 1, got ${capacity}`);
    this.capacity = capacity;
  }

  get n(): number {
    return this.total;
  }

  /** True while no counter has been replaced: all counts are exact. */
  get exact(): boolean {
    return !this.evicted;
  }

  add(item: string, weight = 1): void {
    this.total += weight;
    const hit = this.byValue.get(item);
    if (hit) {
      hit.count += weight;
      this.moveUp(hit);
      return;
    }
    if (this.slots.length < this.capacity) {
      const c = { value: item, count: weight, error: 0, pos: this.slots.length };
      this.slots.push(c);
      this.byValue.set(item, c);
      this.moveUp(c);
      return;
    }
    // replace the last counter: it has the smallest count
    const c = this.slots[this.slots.length - 1] as Counter;
    this.byValue.delete(c.value);
    c.value = item;
    c.error = c.count;
    c.count += weight;
    this.byValue.set(item, c);
    this.moveUp(c);
    this.evicted = true;
  }

  /** The `limit` most frequent items, by count descending, ties by value (code-unit order). */
  top(limit = TOPK_REPORTED): TopItem[] {
    const items = this.slots.map((c) => ({ value: c.value, count: c.count, error: c.error }));
    items.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return items.slice(0, limit);
  }

  private moveUp(c: Counter): void {
    const slots = this.slots;
    let i = c.pos;
    while (i > 0) {
      const prev = slots[i - 1] as Counter;
      if (prev.count >= c.count) break;
      slots[i] = prev;
      prev.pos = i;
      i--;
    }
    slots[i] = c;
    c.pos = i;
  }
}
