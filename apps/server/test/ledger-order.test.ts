import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAZARD_SORT_COLUMNS,
  type HazardScope,
  type HazardSortKey,
  hazardPageOrder,
  listHazardPage,
  ORDER_WALK_MIN_MATCHES,
} from '../src/modules/hazards/hazards.repository.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

// How the ledger finds a sorted page (issue 11): by level or status the page is sorted from the
// matches unless they are many, by number always, because walking an index in that order went
// wrong on PostgreSQL (a district's hazards sit together in the number index: 10 s and more on
// the province dataset). Either way the page must be the same, correctly ordered, ties by id.
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

  it('finds the same page by sorting the matches as by walking an index', async () => {
    const scope: HazardScope = { kind: 'territory', districtIds: [t.org.districtA], sectors: null };
    for (const sort of Object.keys(HAZARD_SORT_COLUMNS) as HazardSortKey[]) {
      for (const order of ['asc', 'desc'] as const) {
        for (const status of [undefined, 'verified', 'rectifying']) {
          const filter = { status, today: '2023-07-01', like: 'like' as const };
          const page = { offset: 1, limit: 3, sort, order };
          const sorted = await listHazardPage(t.db.kysely, scope, filter, { ...page, matches: 7 });
          const walked = await listHazardPage(t.db.kysely, scope, filter, {
            ...page,
            matches: ORDER_WALK_MIN_MATCHES,
          });
          expect(
            walked.map((h) => h.id),
            `${sort} ${order} ${status}`,
          ).toEqual(sorted.map((h) => h.id));
          if (!status) expect(sorted).toHaveLength(3);
        }
      }
    }
  });

  it('sorts by level and status from the matches unless they are many, by number always', () => {
    const orderBy = (sort: HazardSortKey, matches: number | undefined) =>
      t.db.kysely
        .selectFrom('hazards as h')
        .select('h.id')
        .orderBy(hazardPageOrder(sort, matches))
        .compile()
        .sql.replace(/^.* order by /, '');
    for (const sort of ['level', 'status'] as const) {
      // An expression: no index can answer the order, so the matches are sorted.
      expect(orderBy(sort, undefined)).toBe(`"h"."${sort}" || ''`);
      expect(orderBy(sort, ORDER_WALK_MIN_MATCHES - 1)).toBe(`"h"."${sort}" || ''`);
      // Many matches: the bare column, which an index in that order may answer.
      expect(orderBy(sort, ORDER_WALK_MIN_MATCHES)).toBe(`"h"."${sort}"`);
    }
    // Numbers sit together per district in their index: never walked, however many match.
    expect(orderBy('number', 10 * ORDER_WALK_MIN_MATCHES)).toBe(`h.number || ''`);
    // The found date's walk is safe (no district order in it); the deadline is always sorted.
    expect(orderBy('foundAt', 10)).toBe('"h"."found_at"');
    expect(orderBy('deadline', ORDER_WALK_MIN_MATCHES)).toBe(`h.deadline || ''`);
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
