import type { RecordVerification } from '@hazard-ledger/domain';
import type { Db } from '../../db/database.js';
import * as repo from './inspections.repository.js';
import { verifyStoredRecord } from './record-verification.js';

// `npm run -w @hazard-ledger/server cli -- signatures:verify`: checks every signed (or
// superseded) inspection record — the verification code recomputed from the stored content and
// every signature against the stored public keys — and exits 1 when any fails.

/** The outcome of checking every signed record. */
export type SignatureReport = { checked: number; failures: RecordVerification[] };

/** Checks every signed or superseded record, in batches. */
export async function checkAllSignatures(db: Db, batch = 200): Promise<SignatureReport> {
  const failures: RecordVerification[] = [];
  let checked = 0;
  let after = 0;
  for (;;) {
    const ids = await repo.listSignedRecordIds(db.kysely, after, batch);
    if (ids.length === 0) break;
    for (const id of ids) {
      const result = await verifyStoredRecord(db.kysely, id);
      checked++;
      if (!result.valid) failures.push(result);
    }
    after = ids[ids.length - 1]!;
  }
  return { checked, failures };
}

/** Runs the check and prints the result; returns the process exit code (0 all valid, 1 not). */
export async function verifyAllSignatures(
  db: Db,
  out: Pick<Console, 'log' | 'error'> = console,
): Promise<number> {
  const { checked, failures } = await checkAllSignatures(db);
  for (const f of failures) {
    out.error(`INVALID ${f.recordNo} (id ${f.recordId}): ${f.problems.join('; ')}`);
  }
  if (failures.length === 0) {
    out.log(`Inspection record signatures OK: ${checked} record(s) verified.`);
    return 0;
  }
  out.error(`${failures.length} of ${checked} signed record(s) failed verification.`);
  return 1;
}
