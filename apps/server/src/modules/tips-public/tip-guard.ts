import crypto from 'node:crypto';
import {
  ErrorCode,
  POW_CHALLENGE_TTL_MINUTES,
  POW_DEFAULT_DIFFICULTY,
  type PowChallenge,
  type PowSolution,
  powSatisfied,
} from '@hazard-ledger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import * as spent from './tip-guard.repository.js';

// Abuse protection of the public tip page: proof-of-work challenges (stateless, signed) and a
// counter of wrong receipt codes per client. A solved challenge is recorded as spent in the
// database (pow_spent) until it expires, so it serves once across every server process
// (SERVER_PROCESSES) and across restarts; an in-memory set of spent challenges only answers a
// replay to the same process early. The per-address limits (wrong receipt codes here, and the
// @fastify/rate-limit windows of the routes) are in memory and per process: with N processes
// an address gets up to N times the budget, which the proof-of-work cost still bounds. Client
// addresses live here only, never in the database or the logs, and are forgotten when their
// window ends.

/** Limits of the public tip routes; tests lower the difficulty before building the app. */
export const publicTipSettings = {
  /** Leading zero bits a proof-of-work needs. */
  powDifficulty: POW_DEFAULT_DIFFICULTY,
  /** Per-address request limits of @fastify/rate-limit (windows in milliseconds). */
  submit: { max: 5, timeWindow: 60 * 60_000 },
  lookup: { max: 20, timeWindow: 10 * 60_000 },
  challenge: { max: 30, timeWindow: 10 * 60_000 },
  search: { max: 60, timeWindow: 10 * 60_000 },
  /** Wrong receipt codes an address may try before its lookups are refused for the window. */
  wrongCodes: { max: 10, windowMs: 60 * 60_000 },
};

/** Caps the memory the guard may use whatever a client sends. */
const MAX_TRACKED = 100_000;

/** How often one process deletes expired rows of pow_spent (any process may; all are equal). */
const SPENT_PURGE_INTERVAL_MS = 60_000;

/** The key that signs challenges, derived from a configuration secret with its own label. */
export function challengeKey(secret: string | Buffer): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', secret, 'hazard-ledger', 'tip-public/pow-challenge/v1', 32),
  );
}

function refuse(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'pow', message }]);
}

/** The in-memory abuse guard of one app instance. */
export class PublicTipGuard {
  private readonly used = new Map<string, number>();
  private readonly wrongCodes = new Map<string, { count: number; resetAt: number }>();
  private lastPurge = 0;
  private lastSpentPurge = 0;

  constructor(
    private readonly key: Buffer,
    private readonly settings: typeof publicTipSettings = publicTipSettings,
    private readonly now: () => number = Date.now,
  ) {}

  private sign(challenge: string, difficulty: number, expiresAt: string): string {
    return crypto
      .createHmac('sha256', this.key)
      .update(`${challenge}|${difficulty}|${expiresAt}`)
      .digest('hex');
  }

  /** A fresh challenge: random, with the difficulty and expiry it must be solved under, signed. */
  issueChallenge(): PowChallenge {
    const challenge = crypto.randomBytes(16).toString('hex');
    const difficulty = this.settings.powDifficulty;
    const expiresAt = new Date(this.now() + POW_CHALLENGE_TTL_MINUTES * 60_000).toISOString();
    return {
      challenge,
      difficulty,
      expiresAt,
      signature: this.sign(challenge, difficulty, expiresAt),
    };
  }

  /**
   * Checks a solved challenge and marks it spent in the database (400 on the `pow` field
   * otherwise). Returns a function that releases it again, for a submission refused for another
   * reason.
   */
  async consume(db: Kysely<Database>, solution: PowSolution): Promise<() => Promise<void>> {
    const expected = Buffer.from(
      this.sign(solution.challenge, solution.difficulty, solution.expiresAt),
      'hex',
    );
    const given = Buffer.from(solution.signature, 'hex');
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      throw refuse('人机验证无效，请重新提交');
    }
    const expires = Date.parse(solution.expiresAt);
    const now = this.now();
    if (!Number.isFinite(expires) || expires <= now) throw refuse('人机验证已过期，请重新提交');
    if (solution.difficulty < this.settings.powDifficulty) throw refuse('人机验证无效，请重新提交');
    this.purge(now);
    const usedUntil = this.used.get(solution.challenge);
    if (usedUntil !== undefined && usedUntil > now) throw refuse('该人机验证已使用过，请重新提交');
    if (!powSatisfied(solution.challenge, solution.nonce, solution.difficulty)) {
      throw refuse('人机验证未通过，请重新提交');
    }
    if (this.used.size >= MAX_TRACKED) throw new AppError(429, ErrorCode.RateLimited);
    await this.purgeSpent(db, now);
    const expiresAt = new Date(expires).toISOString();
    const claimed = await spent.claimChallenge(db, solution.challenge, expiresAt);
    // Remembered in memory either way: spent now, or already spent (perhaps by another process).
    this.used.set(solution.challenge, expires);
    if (!claimed) throw refuse('该人机验证已使用过，请重新提交');
    return async () => {
      this.used.delete(solution.challenge);
      await spent.releaseChallenge(db, solution.challenge);
    };
  }

  /** Deletes expired spent challenges, at most once a minute per process. */
  private async purgeSpent(db: Kysely<Database>, now: number): Promise<void> {
    if (now - this.lastSpentPurge < SPENT_PURGE_INTERVAL_MS) return;
    this.lastSpentPurge = now;
    await spent.purgeExpiredChallenges(db, new Date(now).toISOString());
  }

  /** Refuses (429) a client that has tried too many wrong receipt codes in the window. */
  checkWrongCodes(client: string): void {
    const entry = this.wrongCodes.get(client);
    if (entry && entry.resetAt > this.now() && entry.count >= this.settings.wrongCodes.max) {
      throw new AppError(429, ErrorCode.RateLimited);
    }
  }

  /** Counts one wrong receipt code of a client. */
  countWrongCode(client: string): void {
    const now = this.now();
    this.purge(now);
    const entry = this.wrongCodes.get(client);
    if (entry && entry.resetAt > now) {
      entry.count += 1;
      return;
    }
    if (this.wrongCodes.size >= MAX_TRACKED) return;
    this.wrongCodes.set(client, { count: 1, resetAt: now + this.settings.wrongCodes.windowMs });
  }

  private purge(now: number): void {
    // Sweeping is linear in what is tracked: do it at most once a second.
    if (now - this.lastPurge < 1000) return;
    this.lastPurge = now;
    for (const [challenge, expires] of this.used) if (expires <= now) this.used.delete(challenge);
    for (const [client, entry] of this.wrongCodes)
      if (entry.resetAt <= now) this.wrongCodes.delete(client);
  }
}
