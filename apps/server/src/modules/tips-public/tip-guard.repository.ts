import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

// Spent proof-of-work challenges (pow_spent), shared by every server process on the database.

/**
 * Records a challenge as spent unless it already is, in one statement: of two processes spending
 * the same challenge at once exactly one gets true. The primary key decides, not a prior read.
 */
export async function claimChallenge(
  db: Kysely<Database>,
  challengeId: string,
  expiresAt: string,
): Promise<boolean> {
  const row = await db
    .insertInto('pow_spent')
    .values({ challenge_id: challengeId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('challenge_id').doNothing())
    .returning('challenge_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a spent challenge back (its submission was refused for another reason). */
export async function releaseChallenge(db: Kysely<Database>, challengeId: string): Promise<void> {
  await db.deleteFrom('pow_spent').where('challenge_id', '=', challengeId).execute();
}

/** Deletes the challenges that have expired: an expired challenge is refused anyway. */
export async function purgeExpiredChallenges(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('pow_spent').where('expires_at', '<=', now).execute();
}
