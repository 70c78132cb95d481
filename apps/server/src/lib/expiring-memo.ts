// A small read cache for expensive, shareable answers (the territory dashboards' campaign
// figures, the ledger's per-status counts; issue 11). An entry serves only while its version
// still matches (the newest audit id, AuditWriter.latestChange: any committed change, by any
// process, drops it) and for at most `ttlMs` (a second bound, e.g. for answers that depend on
// the clock). Concurrent requests for the same key share one computation. Bounded: the oldest
// entries go first.

type Entry<V> = { version: number; expiresAt: number; value: Promise<V> };

export class ExpiringMemo<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, version: number, compute: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return compute();
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expiresAt > at) return hit.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, expiresAt: at + this.ttlMs, value });
    // A failed computation is not remembered.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}

/**
 * One memo per app, made on first use. Keyed by an object the app owns (its audit writer), so
 * two apps in one process (tests) never share answers and a closed app's memo can be collected.
 */
export class MemoPerApp<V> {
  private readonly memos = new WeakMap<object, ExpiringMemo<V>>();

  of(app: object, ttlMs: number): ExpiringMemo<V> {
    let memo = this.memos.get(app);
    if (!memo) {
      memo = new ExpiringMemo<V>(ttlMs);
      this.memos.set(app, memo);
    }
    return memo;
  }
}
