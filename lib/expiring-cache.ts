/**
 * A bounded map whose entries expire: what a verified token is remembered in (the gateway's
 * caller tokens, a subgraph's internal tokens) so that the same token sent again costs a
 * lookup, not a signature check, until it would have stopped being valid anyway. Full, it
 * forgets the entry stored longest ago (a Map keeps insertion order), so a flood of distinct
 * tokens costs memory up to `maxEntries` and then only re-verification.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error(`an expiring cache holds at least one entry, not ${maxEntries}`);
  }

  /** The value stored for `key` while `now` (ms) is before its expiry; an expired one is forgotten. */
  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now < entry.expiresAt) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Stores `value` until `expiresAt` (ms); nothing is stored that has expired already. */
  set(key: string, value: V, expiresAt: number, now = Date.now()): void {
    if (expiresAt <= now) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
