import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAZARD_SORT_COLUMNS,
  type HazardScope,
  type HazardSortKey,
  hazardPageOrder,
  iterateHazards,
  listHazardPage,
} from '../src/modules/hazards/hazards.repository.js';
import {
  ENTERPRISE_SORT_COLUMNS,
  type EnterpriseSortKey,
  listEnterprisePage,
} from '../src/modules/enterprises/enterprises.repository.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

// How the ledger finds a sorted page (issue 11): by number, level, status or deadline the page is
// sorted from the matches, because walking an index in that order went wrong on PostgreSQL (a
// district's hazards sit together in the number index: 10 s and more on the province dataset).
// The page must be correctly ordered, ties by id, with either way of ordering.
// Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

type Item = { id: number; number: string; level: string; status: string; foundAt: string };
type Page = { items: Item[]; total: number; countsByStatus: Record<string, number> };

describe('ledger page order', () => {
  let t: TestContext;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({
      username: 'orderadmin',
      role: 'bureau_admin',
      orgUnitId: t.org.districtA,
    });
    admin = await t.login('orderadmin');
    const levels = ['major', 'general', 'general', 'major', 'general', 'general', 'major'];
    for (const [i, level] of levels.entries()) {
      const res = await admin.post('/api/v1/hazards', {
        enterpriseId: i % 2 ? t.enterprises.hazchemA : t.enterprises.miningA,
        level,
        title: `排序测试隐患${i}`,
        description: '排序测试',
        place: '现场',
        origin: 'enforcement',
        foundAt: `2023-06-${String(10 + (i % 3)).padStart(2, '0')}`,
        foundBy: '检查员',
        noCatalogReason: '测试不引用条款',
        treatment: level === 'general' ? 'immediate' : 'deadline',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Several statuses, set directly: the order, not the workflow, is under test here.
    const ids = (await t.db.kysely.selectFrom('hazards').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    const statuses = ['verified', 'rectifying', 'verified', 'reported', 'planned', 'rectifying'];
    for (const [i, status] of statuses.entries()) {
      await t.db.kysely.updateTable('hazards').set({ status }).where('id', '=', ids[i]!).execute();
    }
  });
  afterAll(async () => t.close());

  const column: Record<HazardSortKey, keyof Item | null> = {
    number: 'number',
    level: 'level',
    status: 'status',
    foundAt: 'foundAt',
    deadline: null,
    updatedAt: null,
  };

  /** The expected order: by the column (plain string comparison), ties by id descending. */
  const expectedOrder = (items: Item[], key: keyof Item, order: 'asc' | 'desc') =>
    [...items]
      .sort((a, b) => {
        const byKey =
          String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0;
        return (order === 'asc' ? byKey : -byKey) || b.id - a.id;
      })
      .map((h) => h.id);

  it('lists each sort in its order, ties by id, over every page', async () => {
    for (const sort of ['number', 'level', 'status', 'foundAt'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: Item[] = [];
        let total = 0;
        for (let page = 1; page <= 3; page++) {
          const res = await admin.get(
            `/api/v1/hazards?sort=${sort}&order=${order}&page=${page}&pageSize=3`,
          );
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json<Page>();
          total = body.total;
          seen.push(...body.items);
        }
        expect(total).toBe(7);
        expect(
          seen.map((h) => h.id),
          `${sort} ${order}`,
        ).toEqual(expectedOrder(seen, column[sort]!, order));
        expect(new Set(seen.map((h) => h.id)).size).toBe(7);
      }
    }
  });

  it('finds the same page ordered by the expression as by the bare column', async () => {
    const scope: HazardScope = { kind: 'territory', districtIds: [t.org.districtA], sectors: null };
    for (const sort of Object.keys(HAZARD_SORT_COLUMNS) as HazardSortKey[]) {
      for (const order of ['asc', 'desc'] as const) {
        for (const status of [undefined, 'verified', 'rectifying']) {
          const filter = { status, today: '2023-07-01', like: 'like' as const };
          const page = await listHazardPage(t.db.kysely, scope, filter, {
            offset: 1,
            limit: 3,
            sort,
            order,
          });
          // The same page straight from the table, ordered by the column itself.
          let q = t.db.kysely
            .selectFrom('hazards as h')
            .select('h.id')
            .where('h.district_id', '=', t.org.districtA);
          if (status) q = q.where('h.status', '=', status);
          const byColumn = await q
            .orderBy(HAZARD_SORT_COLUMNS[sort], order)
            .orderBy('h.id', 'desc')
            .offset(1)
            .limit(3)
            .execute();
          expect(
            page.map((h) => h.id),
            `${sort} ${order} ${status}`,
          ).toEqual(byColumn.map((h) => h.id));
          if (!status) expect(page).toHaveLength(3);
        }
      }
    }
  });

  it('orders an enterprise name search (sorted from its matches) as by the bare column', async () => {
    // Distinct employee counts and update times, so every sort has something to order.
    for (const [i, id] of [
      t.enterprises.hazchemA,
      t.enterprises.miningA,
      t.enterprises.hazchemB,
    ].entries()) {
      await t.db.kysely
        .updateTable('enterprises')
        .set({ employees: [120, 40, 300][i]!, updated_at: `2023-06-0${3 - i}T00:00:00.000Z` })
        .where('id', '=', id)
        .execute();
    }
    const districtIds = [t.org.districtA, t.org.districtB];
    for (const sort of Object.keys(ENTERPRISE_SORT_COLUMNS) as EnterpriseSortKey[]) {
      for (const order of ['asc', 'desc'] as const) {
        const page = await listEnterprisePage(
          t.db.kysely,
          { kind: 'territory', districtIds, sectors: null },
          { q: '企业', like: 'like' },
          { offset: 0, limit: 2, sort, order },
        );
        const byColumn = await t.db.kysely
          .selectFrom('enterprises as e')
          .select('e.id')
          .where('e.org_unit_id', 'in', districtIds)
          .where('e.name', 'like', '%企业%')
          .orderBy(ENTERPRISE_SORT_COLUMNS[sort], order)
          .orderBy('e.id', 'asc')
          .limit(2)
          .execute();
        expect(
          page.map((e) => e.id),
          `${sort} ${order}`,
        ).toEqual(byColumn.map((e) => e.id));
      }
    }
  });

  it('sorts by number, level, status and deadline from the matches, by found date by walking', () => {
    const orderBy = (sort: HazardSortKey) =>
      t.db.kysely
        .selectFrom('hazards as h')
        .select('h.id')
        .orderBy(hazardPageOrder(sort))
        .compile()
        .sql.replace(/^.* order by /, '');
    // An expression: no index can answer the order, so the matches are sorted.
    expect(orderBy('number')).toBe(`"h"."number" || ''`);
    expect(orderBy('level')).toBe(`"h"."level" || ''`);
    expect(orderBy('status')).toBe(`"h"."status" || ''`);
    expect(orderBy('deadline')).toBe(`"h"."deadline" || ''`);
    // Not correlated with the district: the bare column, which an index may answer in order.
    expect(orderBy('foundAt')).toBe('"h"."found_at"');
    expect(orderBy('updatedAt')).toBe('"h"."updated_at"');
  });

  it('streams the export in batches that together hold every match once, in id order', async () => {
    const scope: HazardScope = { kind: 'territory', districtIds: [t.org.districtA], sectors: null };
    const filter = { today: '2023-07-01', like: 'like' as const };
    const sizes: number[] = [];
    const ids: number[] = [];
    for await (const batch of iterateHazards(t.db.kysely, scope, filter, 3)) {
      sizes.push(batch.length);
      ids.push(...batch.map((h) => h.id));
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(7);
    const verified: number[] = [];
    for await (const batch of iterateHazards(
      t.db.kysely,
      scope,
      { ...filter, status: 'verified' },
      1,
    ))
      verified.push(...batch.map((h) => h.id));
    expect(verified).toHaveLength(2);
  });

  it('keeps the list indexes covering on PostgreSQL: their entries carry the id', async () => {
    // SQLite's entries end in the rowid; PostgreSQL's hold only what is listed, and without the
    // id every page of ids read its rows from the table (migration 2026-11-30T1200).
    if (t.db.dialect !== 'postgres') return;
    const { rows } = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes
      where indexname in ('hazards_list_cover', 'hazards_sector_cover', 'hazards_found_cover',
                          'hazards_found_order', 'enterprises_search_cover',
                          'inspection_records_report', 'hazards_report_major')`.execute(
      t.db.kysely,
    );
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row.indexdef, row.indexname).toMatch(/INCLUDE \(id\)/);
    // A partial index keeps its condition.
    const major = rows.find((r) => r.indexname === 'hazards_report_major');
    expect(major?.indexdef).toMatch(/WHERE \(level = 'major'::text\)$/);
  });
});
