// A small read cache for expensive, shareable answers (the territory dashboards' campaign
// figures, issue 11). An entry serves only while its version still matches (the audit writer's
// change serial: any committed change through this server drops it) and for at most `ttlMs`
// (bounding what another process's changes can hide). Concurrent requests for the same key
// share one computation. Bounded: the oldest entries go first.

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
