import { CATALOG_IDS, NATIONAL_CATALOGS } from '@hazard-ledger/domain';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../lib/request-context.js';
import { nowIso } from '../../lib/time.js';
import type { AuditWriter } from '../audit/audit.writer.js';
import * as repo from './catalogs.repository.js';

const SEED_CTX: RequestContext = {
  actor: null,
  ip: null,
  requestId: 'seed:catalogs',
  locale: 'zh',
};

/**
 * Loads version 1 of each national catalog from the domain's data files and publishes it, for
 * every catalog that has no version yet. Runs at every start; a catalog already in the database
 * is left alone (later versions come from drafts and imports), so a second run changes nothing.
 * Returns the ids of the catalogs seeded now.
 */
export async function seedCatalogs(db: Db, audit: AuditWriter): Promise<string[]> {
  const seeded: string[] = [];
  for (const catalogId of CATALOG_IDS) {
    const data = NATIONAL_CATALOGS[catalogId];
    try {
      const done = await db.kysely.transaction().execute(async (trx) => {
        // Serialise concurrent starts of several instances on PostgreSQL.
        await lockAuditChain(trx, db.dialect);
        const existing = await trx
          .selectFrom('catalog_versions')
          .select('id')
          .where('catalog_id', '=', catalogId)
          .limit(1)
          .executeTakeFirst();
        if (existing) return false;
        const at = nowIso();
        const versionId = await repo.insertDraftVersion(trx, {
          catalogId,
          version: 1,
          descriptor: JSON.stringify(data.catalog),
          basedOnVersion: null,
          source: 'seed',
          sourceFileName: null,
          note: '系统内置的国家判定标准',
          diffSummary: null,
          diff: null,
          createdBy: null,
          createdByName: null,
          at,
        });
        await repo.insertItems(trx, versionId, data.items, at);
        await repo.publishSeededVersion(trx, versionId, at);
        await audit.append(trx, SEED_CTX, {
          action: 'catalog.version_published',
          entityType: 'catalog_version',
          entityId: versionId,
          changes: {
            catalogId: [null, catalogId],
            version: [null, 1],
            items: [null, data.items.length],
          },
        });
        return true;
      });
      if (done) seeded.push(catalogId);
    } catch (err) {
      // Another instance seeded the same catalog at the same moment: nothing left to do.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return seeded;
}
