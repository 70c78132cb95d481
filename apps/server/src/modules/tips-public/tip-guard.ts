import crypto from 'node:crypto';
import {
  ErrorCode,
  POW_CHALLENGE_TTL_MINUTES,
  POW_DEFAULT_DIFFICULTY,
  type PowChallenge,
  type PowSolution,
  powSatisfied,
} from '@hazard-ledger/domain';
import { AppError } from '../../lib/app-error.js';

// Abuse protection of the public tip page, all in memory and per server process: proof-of-work
// challenges (stateless, signed; a solved one is remembered until it expires so it serves once),
// and a counter of wrong receipt codes per client. Client addresses live here only, never in
// the database or the logs, and are forgotten when their window ends.

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
   * Checks a solved challenge and marks it used (400 on the `pow` field otherwise). Returns a
   * function that releases it again, for a submission refused for another reason.
   */
  consume(solution: PowSolution): () => void {
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
    this.used.set(solution.challenge, expires);
    return () => {
      this.used.delete(solution.challenge);
    };
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
