// A small read cache for expensive, shareable answers (the territory dashboards' campaign
// figures, the ledger's per-status counts; issue 11). An entry serves only while its version
// still matches (the newest audit id, AuditWriter.latestChange: any committed change, by any
// process, drops it) and for at most `ttlMs` (a second bound, e.g. for answers that depend on
// the clock). Concurrent requests for the same key share one computation. Bounded: the oldest
// entries go first.

import type { ServiceDeps } from './service-deps.js';

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
 * The newest committed change, read at most once by the callers that share it: the memos one
 * request consults (a ledger list checks the districts of its territory and its counts; each
 * check read the newest audit id, a round trip on PostgreSQL). Answers checked against it are as
 * of the moment it was read, which for a read request is as of its start.
 */
export type ChangeVersion = () => Promise<number>;

/** A ChangeVersion that reads the newest audit id on first use and keeps it. */
export function changeVersionOnce(deps: ServiceDeps): ChangeVersion {
  let version: Promise<number> | null = null;
  return () => (version ??= deps.audit.latestChange(deps.db.kysely));
}

/**
 * Answers shared until the next committed change, one memo per app (keyed by its audit writer,
 * so two apps in one process, as in tests, never share answers and a closed app's memo can be
 * collected).
 */
export class MemoPerApp<V> {
  private readonly memos = new WeakMap<object, ExpiringMemo<V>>();

  /** `maxEntries`: answers kept per app, the oldest dropped first. */
  constructor(private readonly maxEntries = 200) {}

  /**
   * The answer for `key`, computed again once a change has been committed since it was computed
   * (the newest audit id, read from the database, so changes by any process count) or `ttlMs`
   * have passed. `version` lets the memos of one request share one read of it.
   */
  async untilNextChange(
    deps: ServiceDeps,
    ttlMs: number,
    key: string,
    compute: () => Promise<V>,
    version: ChangeVersion = changeVersionOnce(deps),
  ): Promise<V> {
    let memo = this.memos.get(deps.audit);
    if (!memo) {
      memo = new ExpiringMemo<V>(ttlMs, this.maxEntries);
      this.memos.set(deps.audit, memo);
    }
    return memo.get(key, await version(), compute);
  }
}
