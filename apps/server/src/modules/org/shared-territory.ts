import { type ChangeVersion, MemoPerApp } from '../../lib/expiring-memo.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { districtIdsUnder } from './org.repository.js';

/** Per app: the districts under each territory path asked for. */
const districtMemos = new MemoPerApp<number[]>(1_000);

/** At most this long between two reads of the units, whatever the audit log says. */
const TERRITORY_TTL_MS = 60_000;

/**
 * The ids of the districts under a territory, for the scope of a list, shared until the next
 * committed change (units are created and moved through the app, which audits them). Every
 * ledger and enterprise list needs them: the lookup matches unit paths by prefix, which SQLite
 * answers by reading every unit (a tenth of a millisecond at province size, once per request).
 */
export function sharedDistrictIdsUnder(
  deps: ServiceDeps,
  territoryPath: string,
  version?: ChangeVersion,
): Promise<number[]> {
  return districtMemos.untilNextChange(
    deps,
    TERRITORY_TTL_MS,
    territoryPath,
    () => districtIdsUnder(deps.db.kysely, territoryPath),
    version,
  );
}
