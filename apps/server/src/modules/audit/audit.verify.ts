import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { auditBatch } from './audit.repository.js';
import { type AuditHashAlgorithm, GENESIS_HASH, hashAuditRow } from './audit.writer.js';

export type ChainVerification = {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
};

/**
 * Walks the whole chain in order and recomputes every hash. The first row whose stored hash,
 * previous-hash link or sequence number does not match is reported.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  algorithm: AuditHashAlgorithm,
  batchSize = 5000,
): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await auditBatch(db, expectedSeq - 1, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          reason: `sequence gap: expected ${expectedSeq}, found ${row.seq}`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          reason: 'link to the previous row is broken',
        };
      }
      const { id: _id, hash, ...fields } = row;
      if (hashAuditRow(fields, algorithm) !== hash) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          reason: 'row content does not match its hash',
        };
      }
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
