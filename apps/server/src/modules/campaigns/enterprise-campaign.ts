import type { CampaignPhase, Sector } from '@hazard-ledger/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { ancestorPaths } from './audience.js';
import { listOpenCampaignsAt } from './campaigns.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The campaign an enterprise takes part in on a day, as the duty modules need it. */
export type EnterpriseCampaign = {
  id: number;
  name: string;
  year: number;
  startDate: string;
  endDate: string;
  phases: CampaignPhase[];
};

/**
 * The campaign an enterprise is in on `date` (YYYY-MM-DD): one of its district or an ancestor
 * (city, region) that covers its sector and runs that day, the most local first; null when no
 * campaign runs. Used by self-inspections, leader inspections and the scorecard, whoever asks.
 */
export async function campaignForEnterprise(
  db: Q,
  enterpriseId: number,
  date: string,
): Promise<EnterpriseCampaign | null> {
  const enterprise = await findEnterprise(db, enterpriseId);
  if (!enterprise) return null;
  const open = await listOpenCampaignsAt(
    db,
    {
      subtreeOf: null,
      atPaths: ancestorPaths(enterprise.org_path),
      sectors: [enterprise.sector as Sector],
    },
    date,
  );
  const running = open
    .filter((c) => c.start_date <= date)
    .sort(
      (a, b) =>
        b.org_path.length - a.org_path.length ||
        b.start_date.localeCompare(a.start_date) ||
        b.id - a.id,
    );
  const c = running[0];
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    year: c.year,
    startDate: c.start_date,
    endDate: c.end_date,
    phases: JSON.parse(c.phases) as CampaignPhase[],
  };
}
