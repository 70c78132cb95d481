import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOG_SHEET_COLUMNS,
  type CatalogItemView,
  type CatalogVersionView,
  type Checklist,
  ENTERPRISE_TAGS,
  NATIONAL_CATALOGS,
  SECTORS,
  SUB_TYPES,
  type Sector,
} from '@hazard-ledger/domain';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

const CATALOG_SECTOR: Record<string, Sector> = {
  'HG-2017': 'hazchem',
  'YHBZ-2017': 'fireworks',
  'FMKS-2022': 'mining',
  'GM-2023': 'industry',
};

describe('criteria catalogs', () => {
  let t: TestContext;
  let admin: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let entA: TestClient;
  let entMine: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    expect(await seedCatalogs(t.db, t.app.audit)).toEqual([
      'HG-2017',
      'YHBZ-2017',
      'FMKS-2022',
      'GM-2023',
    ]);
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({
      username: 'ent_a',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'ent_mine',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    admin = await t.login('admin_a');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    entA = await t.login('ent_a');
    entMine = await t.login('ent_mine');
  });
  afterAll(async () => t.close());

  const url = (catalog: string, version?: number, rest = '') =>
    `/api/v1/catalogs/${catalog}${version === undefined ? '' : `/versions/${version}`}${rest}`;
  const put = (c: TestClient, u: string, payload: unknown) =>
    c.request({ method: 'PUT', url: u, payload: payload as Record<string, unknown> });
  const item = async (c: TestClient, catalog: string, version: number, code: string) =>
    (await c.get(`${url(catalog, version, '/items')}?q=${encodeURIComponent(code)}&pageSize=200`))
      .json<Page<CatalogItemView>>()
      .items.find((i) => i.code === code)!;
  const upload = (c: TestClient, catalog: string, name: string, buffer: Buffer) => {
    const { payload, headers } = multipartFile(name, buffer);
    return c.request({ method: 'POST', url: url(catalog, undefined, '/import'), payload, headers });
  };

  it('seeds version 1 of the four national catalogs once, published', async () => {
    expect(await seedCatalogs(t.db, t.app.audit)).toEqual([]);
    const list = await entA.get('/api/v1/catalogs');
    expect(list.statusCode).toBe(200);
    const items = list.json<{
      items: { catalogId: string; currentVersion: number; itemCount: number; can: object }[];
    }>().items;
    expect(items.map((i) => [i.catalogId, i.currentVersion, i.itemCount])).toEqual([
      ['HG-2017', 1, 20],
      ['YHBZ-2017', 1, 20],
      ['FMKS-2022', 1, NATIONAL_CATALOGS['FMKS-2022'].items.length],
      ['GM-2023', 1, NATIONAL_CATALOGS['GM-2023'].items.length],
    ]);
    expect(items[0]!.can).toEqual({ manage: false });
    const mine = (await weihua.get('/api/v1/catalogs')).json<{
      items: { can: { manage: boolean } }[];
    }>();
    expect(mine.items.map((i) => i.can.manage)).toEqual([true, true, false, false]);
    expect((await t.anonymous.get('/api/v1/catalogs')).statusCode).toBe(401);
  });

  it('pages and searches items; 待补充 items keep their completeness and gap note', async () => {
    const page = await entA.get(
      `${url('FMKS-2022', 1, '/items')}?completeness=incomplete&pageSize=5`,
    );
    expect(page.statusCode).toBe(200);
    const body = page.json<Page<CatalogItemView>>();
    const expected = NATIONAL_CATALOGS['FMKS-2022'].items.filter(
      (i) => i.completeness === 'incomplete',
    );
    expect(body.total).toBe(expected.length);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({
      catalogId: 'FMKS-2022',
      catalogVersion: 1,
      completeness: 'incomplete',
      gapNote: expected[0]!.gapNote,
    });
    const search = (await entA.get(`${url('HG-2017', 1, '/items')}?q=HG-2017-07`)).json<
      Page<CatalogItemView>
    >();
    expect(search.items.map((i) => i.code)).toEqual(['HG-2017-07']);
    expect((await entA.get(`${url('HG-2017', 1, '/items')}?pageSize=999`)).statusCode).toBe(400);
    expect((await entA.get(url('XX-2017', 1, '/items'))).statusCode).toBe(400);
    expect((await entA.get(url('HG-2017', 9, '/items'))).statusCode).toBe(404);
  });

  it('refuses to change a published version: 409 from the service, and the database refuses too', async () => {
    const hg1 = await item(admin, 'HG-2017', 1, 'HG-2017-01');
    const edit = await put(admin, url('HG-2017', 1, '/items/HG-2017-01'), {
      section: hg1.section,
      clause: hg1.clause,
      parentCode: null,
      title: hg1.title,
      requirement: '改写',
      completeness: 'complete',
      gapNote: null,
      appliesTo: hg1.appliesTo,
      version: hg1.version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorBody>().error.fields[0]!.message).toBe('已发布的版本不可修改');
    const publish = await admin.post(url('HG-2017', 1, '/publish'), { revision: 1 });
    expect(publish.statusCode).toBe(409);
    await expect(
      sql`UPDATE catalog_items SET title = 'x' WHERE code = 'HG-2017-01'`.execute(t.db.kysely),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`UPDATE catalog_versions SET note = 'x' WHERE catalog_id = 'HG-2017'`.execute(t.db.kysely),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`DELETE FROM catalog_items WHERE code = 'HG-2017-02'`.execute(t.db.kysely),
    ).rejects.toThrow(/immutable/);
  });

  let draft: CatalogVersionView;

  it('drafts from the current version: one draft at a time, offices only for their sectors', async () => {
    expect((await entA.post(url('HG-2017', undefined, '/drafts'), {})).statusCode).toBe(403);
    expect((await jichu.post(url('HG-2017', undefined, '/drafts'), {})).statusCode).toBe(403);
    expect((await weihua.post(url('HG-2017', undefined, '/drafts'), {})).statusCode).toBe(201);
    const again = await admin.post(url('HG-2017', undefined, '/drafts'), {});
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.fields[0]!.message).toContain('已有草稿（第2版）');
    draft = (await weihua.get(url('HG-2017', 2))).json<CatalogVersionView>();
    expect(draft).toMatchObject({
      status: 'draft',
      current: false,
      basedOnVersion: 1,
      itemCount: 20,
      source: 'draft',
      can: { edit: true, publish: true, discard: true },
    });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'catalog.draft_created' });
    // Enterprise users never see drafts.
    expect((await entA.get(url('HG-2017', 2))).statusCode).toBe(404);
    expect((await entA.get(url('HG-2017', 2, '/items'))).statusCode).toBe(404);
    const versions = (await entA.get(url('HG-2017', undefined, '/versions'))).json<{
      items: { version: number }[];
    }>();
    expect(versions.items.map((v) => v.version)).toEqual([1]);
  });

  it('adds local items with assigned codes, edits and voids draft items, with audit rows', async () => {
    const local = {
      section: '地方补充',
      clause: '地方补充（一）',
      title: '涉氨装置未设泄漏报警',
      requirement: '涉及液氨的装置区未设置泄漏检测报警并与应急处置联动。',
      completeness: 'complete',
      gapNote: null,
      appliesTo: { sectors: ['hazchem'], subTypes: null, tags: null },
    };
    const sectionName = NATIONAL_CATALOGS['HG-2017'].catalog.sections[0]!.name;
    const bad = await weihua.post(url('HG-2017', 2, '/items'), {
      ...local,
      section: sectionName,
      completeness: 'incomplete',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'gapNote',
      message: '待补充条目须说明缺失内容',
    });
    const wrongSection = await weihua.post(url('HG-2017', 2, '/items'), local);
    expect(wrongSection.json<ErrorBody>().error.fields[0]!.path).toBe('section');
    const foreignSector = await weihua.post(url('HG-2017', 2, '/items'), {
      ...local,
      section: sectionName,
      appliesTo: { sectors: ['mining'], subTypes: null, tags: null },
    });
    expect(foreignSector.json<ErrorBody>().error.fields[0]!.path).toBe('appliesTo.sectors');

    const first = await weihua.post(url('HG-2017', 2, '/items'), {
      ...local,
      section: sectionName,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json<CatalogItemView>()).toMatchObject({ code: 'HG-2017-L01', local: true });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'catalog.item_added',
      entity_id: 'HG-2017@2/HG-2017-L01',
    });
    const voided = await weihua.post(url('HG-2017', 2, '/items/HG-2017-L01/void'), {
      reason: '重复',
      version: 1,
    });
    expect(voided.statusCode).toBe(204);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'catalog.item_voided' });
    const second = await weihua.post(url('HG-2017', 2, '/items'), {
      ...local,
      section: sectionName,
      title: '涉氨装置报警未联动',
    });
    expect(second.json<CatalogItemView>().code).toBe('HG-2017-L02');

    const hg1 = await item(weihua, 'HG-2017', 2, 'HG-2017-01');
    const body = {
      section: hg1.section,
      clause: hg1.clause,
      parentCode: hg1.parentCode,
      title: hg1.title,
      requirement: '修订后的要求表述。',
      completeness: 'complete',
      gapNote: null,
      appliesTo: hg1.appliesTo,
      version: hg1.version,
    };
    const edited = await put(weihua, url('HG-2017', 2, '/items/HG-2017-01'), body);
    expect(edited.statusCode).toBe(200);
    expect(edited.json<CatalogItemView>()).toMatchObject({
      requirement: '修订后的要求表述。',
      version: 2,
    });
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('catalog.item_updated');
    expect(JSON.parse(audit.changes!)).toMatchObject({
      requirement: [hg1.requirement, '修订后的要求表述。'],
    });
    expect((await put(weihua, url('HG-2017', 2, '/items/HG-2017-01'), body)).statusCode).toBe(409);
    expect((await put(jichu, url('HG-2017', 2, '/items/HG-2017-01'), body)).statusCode).toBe(403);
    expect((await put(weihua, url('HG-2017', 2, '/items/HG-2017-99'), body)).statusCode).toBe(404);
  });

  it('publishes a draft as the new current version; cited items keep their version', async () => {
    const now = (await weihua.get(url('HG-2017', 2))).json<CatalogVersionView>();
    expect(now.revision).toBeGreaterThan(draft.revision);
    const stale = await weihua.post(url('HG-2017', 2, '/publish'), { revision: draft.revision });
    expect(stale.statusCode).toBe(409);
    const ok = await weihua.post(url('HG-2017', 2, '/publish'), {
      revision: now.revision,
      note: '增加地方补充条目',
    });
    expect(ok.statusCode).toBe(200);
    const published = ok.json<CatalogVersionView>();
    expect(published).toMatchObject({
      status: 'published',
      current: true,
      diffSummary: '新增1项，删除0项，修改1项',
      itemCount: 21,
      localCount: 1,
      can: { edit: false },
    });
    expect(published.diff!.added.map((a) => a.code)).toEqual(['HG-2017-L02']);
    expect(published.diff!.changed[0]!.changes.map((c) => c.field)).toEqual(['requirement']);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'catalog.version_published' });

    // Version 1 is unchanged and still readable; a citation of (HG-2017, 1, HG-2017-01) resolves.
    const old = await item(entA, 'HG-2017', 1, 'HG-2017-01');
    expect(old.requirement).toBe(NATIONAL_CATALOGS['HG-2017'].items[0]!.requirement);
    expect((await entA.get(url('HG-2017', 1))).json<CatalogVersionView>().current).toBe(false);
    const checklist = (
      await entA.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/checklist`)
    ).json<Checklist>();
    expect(checklist.catalogs).toMatchObject([{ catalogId: 'HG-2017', version: 2 }]);
    expect(checklist.items.find((i) => i.code === 'HG-2017-01')).toMatchObject({
      catalogVersion: 2,
      requirement: '修订后的要求表述。',
    });
    expect(checklist.items.some((i) => i.code === 'HG-2017-L02')).toBe(true);
    expect(checklist.items.some((i) => i.code === 'HG-2017-L01')).toBe(false);
    // The published draft is frozen.
    const edit = await weihua.post(url('HG-2017', 2, '/items'), {});
    expect(edit.statusCode).toBe(400); // body first
    const edit2 = await weihua.post(url('HG-2017', 2, '/items/HG-2017-L02/void'), {
      reason: '测试作废',
      version: 1,
    });
    expect(edit2.statusCode).toBe(409);
  });

  it('exports a version to xlsx; importing it back gives a draft with an empty diff', async () => {
    const res = await entA.get(url('HG-2017', 2, '/export'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('判定标准-HG-2017-第2版.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 11)).toEqual([
      '编码',
      '章节',
      '条款',
      '标题',
      '要求',
      '完整性',
      '适用行业',
      '适用类型',
      '适用标签',
      '地方补充',
    ]);
    expect(ws.actualRowCount).toBe(22);
    expect(ws.getRow(2).getCell(1).value).toBe('HG-2017-01');

    expect((await upload(jichu, 'HG-2017', 'hg.xlsx', res.rawPayload)).statusCode).toBe(403);
    const imported = await upload(weihua, 'HG-2017', 'hg.xlsx', res.rawPayload);
    expect(imported.statusCode).toBe(201);
    const v3 = imported.json<CatalogVersionView>();
    expect(v3).toMatchObject({
      version: 3,
      status: 'draft',
      source: 'import',
      sourceFileName: 'hg.xlsx',
      basedOnVersion: 2,
      diffSummary: '新增0项，删除0项，修改0项',
      diff: { added: [], removed: [], changed: [], summary: { unchanged: 21 } },
    });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'catalog.imported' });
    const same = await weihua.post(url('HG-2017', 3, '/publish'), { revision: v3.revision });
    expect(same.statusCode).toBe(409);
    expect(same.json<ErrorBody>().error.fields[0]!.message).toContain('无需发布');
    const busy = await upload(weihua, 'HG-2017', 'hg.xlsx', res.rawPayload);
    expect(busy.statusCode).toBe(409);
    expect(
      (await weihua.post(url('HG-2017', 3, '/discard'), { revision: v3.revision, reason: '' }))
        .statusCode,
    ).toBe(400);
    const discarded = await weihua.post(url('HG-2017', 3, '/discard'), {
      revision: v3.revision,
      reason: '无变化',
    });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json<CatalogVersionView>()).toMatchObject({
      status: 'discarded',
      discardReason: '无变化',
    });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'catalog.draft_discarded' });
  });

  it('an import with a changed item shows it in the diff, field by field', async () => {
    const res = await admin.get(url('HG-2017', 2, '/export'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const col = (h: string) => CATALOG_SHEET_COLUMNS.findIndex((c) => c.header === h) + 1;
    ws.getRow(3).getCell(col('要求')).value = '官方原文表述（导入）。';
    ws.getRow(3).getCell(col('适用标签')).value = '重大危险源';
    ws.spliceRows(4, 1); // drop HG-2017-03
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload(admin, 'HG-2017', '官方版.xlsx', buffer);
    expect(imported.statusCode).toBe(201);
    const v4 = imported.json<CatalogVersionView>();
    expect(v4.version).toBe(4);
    expect(v4.diff!.removed.map((r) => r.code)).toEqual(['HG-2017-03']);
    expect(v4.diff!.changed).toEqual([
      expect.objectContaining({
        code: 'HG-2017-02',
        changes: [
          {
            field: 'requirement',
            before: NATIONAL_CATALOGS['HG-2017'].items[1]!.requirement,
            after: '官方原文表述（导入）。',
          },
          { field: 'appliesTo.tags', before: null, after: ['major_hazard_source'] },
        ],
      }),
    ]);
    const stored = (await admin.get(url('HG-2017', 4))).json<CatalogVersionView>();
    expect(stored.diff).toEqual(v4.diff);
    await admin.post(url('HG-2017', 4, '/discard'), { revision: v4.revision, reason: '测试完毕' });
  });

  it('answers 400, 401, 403 and 409 on the catalog write endpoints', async () => {
    const anon = t.anonymous;
    expect((await anon.post(url('GM-2023', undefined, '/drafts'), {})).statusCode).toBe(401);
    expect((await anon.post(url('GM-2023', undefined, '/import'), {})).statusCode).toBe(401);
    expect((await jichu.post(url('GM-2023', undefined, '/drafts'), { note: 5 })).statusCode).toBe(
      400,
    );
    const created = await jichu.post(url('GM-2023', undefined, '/drafts'), { note: '补充条目' });
    expect(created.statusCode).toBe(201);
    const d = created.json<CatalogVersionView>();
    expect(d).toMatchObject({ version: 2, note: '补充条目', basedOnVersion: 1 });
    const gm = await item(jichu, 'GM-2023', 2, 'GM-2023-MG-01');
    const body = {
      section: gm.section,
      clause: gm.clause,
      parentCode: gm.parentCode,
      title: gm.title,
      requirement: gm.requirement,
      completeness: gm.completeness,
      gapNote: gm.gapNote,
      appliesTo: gm.appliesTo,
      version: gm.version,
    };
    const itemUrl = url('GM-2023', 2, '/items/GM-2023-MG-01');
    expect((await put(jichu, itemUrl, { ...body, title: '' })).statusCode).toBe(400);
    expect((await put(weihua, itemUrl, body)).statusCode).toBe(403);
    expect((await put(entMine, itemUrl, body)).statusCode).toBe(403);
    expect((await jichu.post(`${itemUrl}/void`, { version: 1 })).statusCode).toBe(400);
    expect((await weihua.post(`${itemUrl}/void`, { reason: '测试', version: 1 })).statusCode).toBe(
      403,
    );
    const { version: _v, ...fields } = body;
    expect((await weihua.post(url('GM-2023', 2, '/items'), fields)).statusCode).toBe(403);
    expect((await jichu.post(url('GM-2023', 2, '/publish'), {})).statusCode).toBe(400);
    expect(
      (await weihua.post(url('GM-2023', 2, '/publish'), { revision: d.revision })).statusCode,
    ).toBe(403);
    // A published version refuses every change, whatever the body.
    const hgLocal = {
      section: '化工和危险化学品',
      clause: '地方补充（二）',
      title: '测试条目',
      requirement: '测试要求',
      completeness: 'complete',
      gapNote: null,
      appliesTo: { sectors: ['hazchem'], subTypes: null, tags: null },
    };
    expect((await weihua.post(url('HG-2017', 2, '/items'), hgLocal)).statusCode).toBe(409);
    expect(
      (await weihua.post(url('HG-2017', 2, '/discard'), { revision: 1, reason: '测试' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await jichu.post(url('GM-2023', 2, '/discard'), {
          revision: d.revision,
          reason: '测试完毕',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await jichu.post(url('GM-2023', 2, '/publish'), { revision: d.revision })).statusCode,
    ).toBe(409);
  });

  it('refuses a bad sheet with row and column errors and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(CATALOG_SHEET_COLUMNS.map((c) => c.header));
    const good = [
      'HG-2017-01',
      NATIONAL_CATALOGS['HG-2017'].catalog.sections[0]!.name,
      '（一）',
      '标题',
      '要求',
      '完整',
      '危险化学品',
    ];
    ws.addRow(good);
    ws.addRow(['HG-2017-01', ...good.slice(1)]);
    ws.addRow(['HG-2017-05', good[1], '（五）', '标题', '', '待补充', '危险化学品']);
    const before = await t.db.kysely
      .selectFrom('catalog_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await upload(
      weihua,
      'HG-2017',
      'bad.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.fields;
    expect(fields).toContainEqual({
      path: 'rows.4.gapNote',
      message: '第4行「待补充说明」：待补充条目须说明缺失内容',
    });
    const notXlsx = await upload(weihua, 'HG-2017', 'a.xlsx', Buffer.from('hello'));
    expect(notXlsx.json<ErrorBody>().error.fields[0]!.message).toBe(
      '文件不是有效的Excel（.xlsx）文件',
    );
    const noFile = await weihua.post(url('HG-2017', undefined, '/import'), {});
    expect(noFile.statusCode).toBe(400);
    const after = await t.db.kysely
      .selectFrom('catalog_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("an enterprise's checklist: its own sector's items only; an open-pit mine gets no underground items", async () => {
    const mine = t.enterprises.miningA;
    const setProfile = (sector: Sector, subType: string, tags: string[]) =>
      t.db.kysely
        .updateTable('enterprises')
        .set({ sector, sub_type: subType, tags: JSON.stringify(tags) })
        .where('id', '=', mine)
        .execute();
    const checklistOf = async (c: TestClient, id: number) =>
      (await c.get(`/api/v1/enterprises/${id}/checklist`)).json<Checklist>();

    await setProfile('mining', 'open_pit', []);
    const openPit = await checklistOf(entMine, mine);
    expect(openPit.items.length).toBeGreaterThan(0);
    expect(openPit.items.every((i) => i.code.startsWith('FMKS-2022-OP-'))).toBe(true);
    expect(openPit.items.some((i) => i.section === '地下矿山')).toBe(false);
    expect(openPit.incompleteCount).toBe(
      openPit.items.filter((i) => i.completeness === 'incomplete').length,
    );
    await setProfile('mining', 'underground', []);
    const underground = await checklistOf(jichu, mine);
    expect(underground.items.every((i) => i.code.startsWith('FMKS-2022-UG-'))).toBe(true);

    // Every sector, sub-type and a few tag sets: never another sector's items.
    for (const sector of SECTORS) {
      for (const subType of SUB_TYPES[sector]) {
        for (const tags of [[], [...ENTERPRISE_TAGS]]) {
          await setProfile(sector, subType, tags);
          const list = await checklistOf(admin, mine);
          expect(list.items.length).toBeGreaterThan(0);
          for (const i of list.items) {
            expect(CATALOG_SECTOR[i.catalogId]).toBe(sector);
            expect(i.appliesTo.sectors).toContain(sector);
          }
        }
      }
    }
    await setProfile('mining', 'underground', []);

    // Scope: another enterprise's checklist reads as 404.
    expect((await entA.get(`/api/v1/enterprises/${mine}/checklist`)).statusCode).toBe(404);
    expect(
      (await jichu.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/checklist`)).statusCode,
    ).toBe(404);
    expect(
      (await admin.get(`/api/v1/enterprises/${t.enterprises.hazchemB}/checklist`)).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get(`/api/v1/enterprises/${mine}/checklist`)).statusCode).toBe(401);
  });
});
