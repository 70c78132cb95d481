import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { missedKeyPeriodDayList } from './key-periods.service.js';
import { missingInspectionMonths } from './leader-inspections.service.js';

// The facts of the leader's own duties that the five-duty scorecard (duty 1, 组织排查整治) reads.

/**
 * On `date` (YYYY-MM-DD): the finished months ('YYYY-MM') of the enterprise's campaign (the one
 * campaignForEnterprise picks; none → []) without a signed leader inspection, and the number of
 * past key-period days of that year addressed to the enterprise without an on-duty check-in.
 */
export async function leaderDutyFacts(
  db: Kysely<Database>,
  enterpriseId: number,
  date: string,
): Promise<{ leaderInspectionMissingMonths: string[]; keyPeriodMissedDays: number }> {
  const enterprise = await findEnterprise(db, enterpriseId);
  if (!enterprise) return { leaderInspectionMissingMonths: [], keyPeriodMissedDays: 0 };
  const [months, missed] = await Promise.all([
    missingInspectionMonths(db, enterprise.id, date),
    missedKeyPeriodDayList(db, enterprise, date),
  ]);
  return { leaderInspectionMissingMonths: months, keyPeriodMissedDays: missed.length };
}
