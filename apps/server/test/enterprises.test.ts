import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, ENTERPRISE_SHEET_COLUMNS } from '@hazard-ledger/domain';
import { verifyAuditChain } from '../src/modules/audit/audit.verify.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';

type Detail = {
  id: number;
  version: number;
  name: string;
  can: Record<string, boolean>;
  tags: string[];
};
type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };

const VALID_CODES = [
  '91150602MA0N3K5H2B',
  '91150602MA0P7R1L8F',
  '91150602MA0Q2W6D5L',
  '91150603MA0R8T3F1T',
];

describe('enterprise registry', () => {
  let t: TestContext;
  let admin: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let entA: TestClient;
  let publicity: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
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
    await t.createUser({ username: 'pub_a', role: 'publicity', orgUnitId: t.org.districtA });
    admin = await t.login('admin_a');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    entA = await t.login('ent_a');
    publicity = await t.login('pub_a');
  });
  afterAll(async () => t.close());

  const newEnterprise = (overrides: Record<string, unknown> = {}) => ({
    name: '测试新登记化工厂',
    creditCode: VALID_CODES[0],
    sector: 'hazchem',
    subType: 'storage',
    tags: ['major_hazard_source'],
    orgUnitId: t.org.districtA,
    address: '甲区某路1号',
    employees: 50,
    licences: [
      { type: '危险化学品经营许可证', number: 'WH-001', expiry: '2027-01-01', issuer: null },
    ],
    ...overrides,
  });

  it('scopes the list: office by sector, enterprise user to itself, other district hidden', async () => {
    const names = async (c: TestClient) =>
      (await c.get('/api/v1/enterprises?pageSize=200'))
        .json<{ items: { name: string }[] }>()
        .items.map((i) => i.name);
    expect(await names(weihua)).toEqual(['甲区化工企业']);
    expect(await names(jichu)).toEqual(['甲区矿山企业']);
    expect(await names(entA)).toEqual(['甲区化工企业']);
    expect((await names(admin)).sort()).toEqual(['甲区化工企业', '甲区矿山企业']);
    expect((await jichu.get(`/api/v1/enterprises/${t.enterprises.hazchemA}`)).statusCode).toBe(404);
    expect((await entA.get(`/api/v1/enterprises/${t.enterprises.miningA}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/enterprises/${t.enterprises.hazchemB}`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/v1/enterprises')).statusCode).toBe(401);
  });

  it('creates with validation: bad credit code, sub-type mismatch, foreign sector, duplicates', async () => {
    const bad = await weihua.post(
      '/api/v1/enterprises',
      newEnterprise({ creditCode: '91150602MA0N3K5H2C' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'creditCode',
      message: '统一社会信用代码校验位不正确',
    });
    const mismatch = await weihua.post(
      '/api/v1/enterprises',
      newEnterprise({ subType: 'open_pit' }),
    );
    expect(mismatch.json<ErrorBody>().error.fields[0]!.path).toBe('subType');
    const foreign = await weihua.post(
      '/api/v1/enterprises',
      newEnterprise({ sector: 'mining', subType: 'open_pit' }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorBody>().error.fields[0]!.path).toBe('sector');
    const wrongDistrict = await weihua.post(
      '/api/v1/enterprises',
      newEnterprise({ orgUnitId: t.org.districtB }),
    );
    expect(wrongDistrict.json<ErrorBody>().error.fields[0]!.path).toBe('orgUnitId');
    expect((await entA.post('/api/v1/enterprises', newEnterprise())).statusCode).toBe(403);

    const ok = await weihua.post(
      '/api/v1/enterprises',
      newEnterprise({ creditCode: VALID_CODES[0]!.toLowerCase() }),
    );
    expect(ok.statusCode).toBe(201);
    const created = ok.json<Detail & { creditCode: string }>();
    expect(created.creditCode).toBe(VALID_CODES[0]);
    expect(created.can).toMatchObject({ edit: true, editPeople: true, manageAccounts: true });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'enterprise.created',
      entity_id: String(created.id),
    });
    const dup = await weihua.post('/api/v1/enterprises', newEnterprise());
    expect(dup.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'creditCode',
      message: '该统一社会信用代码已登记',
    });
  });

  it('updates with a version; enterprise users cannot change sector or status', async () => {
    const d = (await weihua.get(`/api/v1/enterprises/${t.enterprises.hazchemA}`)).json<
      Detail & Record<string, unknown>
    >();
    const body = {
      name: '甲区化工企业',
      creditCode: d.creditCode,
      sector: 'hazchem',
      subType: 'production',
      tags: [],
      orgUnitId: t.org.districtA,
      status: 'suspended',
      statusDate: '2023-06-01',
      statusReason: '停产整顿',
      version: d.version,
    };
    expect(
      (await entA.request({ method: 'PUT', url: `/api/v1/enterprises/${d.id}`, payload: body }))
        .statusCode,
    ).toBe(403);
    const noReason = await weihua.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${d.id}`,
      payload: { ...body, statusReason: null },
    });
    expect(noReason.json<ErrorBody>().error.fields[0]!.path).toBe('statusReason');
    const ok = await weihua.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${d.id}`,
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ status: string }>().status).toBe('suspended');
    const audit = await lastAudit(t.db);
    expect(JSON.parse(audit.changes!)).toMatchObject({ status: ['operating', 'suspended'] });
    const stale = await weihua.request({
      method: 'PUT',
      url: `/api/v1/enterprises/${d.id}`,
      payload: body,
    });
    expect(stale.statusCode).toBe(409);
    // The enterprise may change its own safety staffing.
    const mine = (await entA.get(`/api/v1/enterprises/${d.id}`)).json<Detail>();
    expect(mine.can).toMatchObject({ edit: false, editPeople: true, manageAccounts: false });
    const staffing = await entA.patch(`/api/v1/enterprises/${d.id}/safety-staffing`, {
      employees: 99,
      safetyAgency: 'agency',
      safetyStaffCount: 4,
      version: mine.version,
    });
    expect(staffing.statusCode).toBe(200);
    expect(staffing.json<{ employees: number }>().employees).toBe(99);
  });

  it('masks phones and ID numbers; the full view is permissioned and audited', async () => {
    const id = t.enterprises.hazchemA;
    const add = await entA.post(`/api/v1/enterprises/${id}/people`, {
      kind: 'main_leader',
      name: '王负责',
      phone: '13912345678',
      idNumber: '15060219800101123x',
      assessed: true,
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ phone: '139****5678', idNumber: '1506**********123X' });
    const badId = await entA.post(`/api/v1/enterprises/${id}/people`, {
      kind: 'expert',
      name: '专家',
      idNumber: '123',
    });
    expect(badId.json<ErrorBody>().error.fields[0]!.path).toBe('idNumber');
    const list = await publicity.get(`/api/v1/enterprises/${id}/people`);
    expect(JSON.stringify(list.json())).not.toContain('13912345678');
    expect((await publicity.get(`/api/v1/enterprises/${id}/personal-data`)).statusCode).toBe(403);
    const full = await weihua.get(`/api/v1/enterprises/${id}/personal-data`);
    expect(full.statusCode).toBe(200);
    expect(full.json<{ people: { phone: string }[] }>().people[0]!.phone).toBe('13912345678');
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'enterprise.personal_data_viewed',
      entity_id: String(id),
      actor_role: 'office',
    });
    const listAfter = await weihua.get(`/api/v1/enterprises?q=甲区化工`);
    expect(listAfter.json<{ items: { leaderPhone: string }[] }>().items[0]!.leaderPhone).toBe(
      '139****5678',
    );
    expect((await jichu.get(`/api/v1/enterprises/${id}/personal-data`)).statusCode).toBe(404);
  });

  it('records major hazard sources with three responsible persons, and voids with a reason', async () => {
    const id = t.enterprises.hazchemA;
    const person = (name: string) => ({ name, phone: '13800001111' });
    const bad = await entA.post(`/api/v1/enterprises/${id}/hazard-sources`, {
      name: '液氨罐区',
      level: 5,
      leader: person('甲'),
      technical: person('乙'),
      operations: person('丙'),
    });
    expect(bad.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'level',
      message: '级别为1-4级',
    });
    const ok = await entA.post(`/api/v1/enterprises/${id}/hazard-sources`, {
      name: '液氨罐区',
      level: 2,
      substances: '液氨',
      leader: person('甲'),
      technical: person('乙'),
      operations: person('丙'),
    });
    expect(ok.statusCode).toBe(201);
    const source = ok.json<{ id: number; version: number; leader: { phone: string } }>();
    expect(source.leader.phone).toBe('138****1111');
    const detail = (await entA.get(`/api/v1/enterprises/${id}`)).json<Detail>();
    expect(detail.tags).toContain('major_hazard_source');
    const noReason = await entA.post(`/api/v1/enterprises/${id}/hazard-sources/${source.id}/void`, {
      reason: '',
      version: source.version,
    });
    expect(noReason.statusCode).toBe(400);
    const voided = await entA.post(`/api/v1/enterprises/${id}/hazard-sources/${source.id}/void`, {
      reason: '装置已拆除',
      version: source.version,
    });
    expect(voided.statusCode).toBe(204);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'enterprise.updated' });
    expect(
      (await entA.get(`/api/v1/enterprises/${id}/hazard-sources`)).json<{ items: unknown[] }>()
        .items,
    ).toHaveLength(0);
    const row = await t.db.kysely
      .selectFrom('hazard_sources')
      .select('void_reason')
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    expect(row.void_reason).toBe('装置已拆除');
  });

  it('the office creates enterprise accounts from the enterprise page', async () => {
    const id = t.enterprises.miningA;
    const account = {
      username: 'mine_x',
      displayName: '矿长',
      role: 'ent_leader',
      password: 'Mine-Boss-2023',
    };
    expect((await weihua.post(`/api/v1/enterprises/${id}/accounts`, account)).statusCode).toBe(404);
    expect(
      (await entA.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/accounts`)).statusCode,
    ).toBe(403);
    const weak = await jichu.post(`/api/v1/enterprises/${id}/accounts`, {
      username: 'mine_boss',
      displayName: '矿长',
      role: 'ent_leader',
      password: 'weak',
    });
    expect(weak.json<ErrorBody>().error.fields[0]!.path).toBe('password');
    const ok = await jichu.post(`/api/v1/enterprises/${id}/accounts`, {
      username: 'mine_boss',
      displayName: '矿长',
      role: 'ent_leader',
      password: 'Mine-Boss-2023',
    });
    expect(ok.statusCode).toBe(201);
    const boss = await t.login('mine_boss', 'Mine-Boss-2023');
    const me = (await boss.get('/api/v1/auth/me')).json<{ user: { enterpriseId: number } }>();
    expect(me.user.enterpriseId).toBe(id);
    const accounts = (await jichu.get(`/api/v1/enterprises/${id}/accounts`)).json<{
      items: { username: string }[];
    }>();
    expect(accounts.items.map((a) => a.username)).toEqual(['mine_boss']);
  });
});

/** Builds an .xlsx with the template headers and the given rows (cells keyed by header). */
async function sheetWith(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业信息');
  ws.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => r[c.header] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The hazardous-chemicals office of district A, who imports the district's enterprises. */
async function createImportOffice(t: TestContext): Promise<void> {
  await t.createUser({
    username: 'weihua',
    role: 'office',
    orgUnitId: t.org.officeWeihuaA,
    sectors: ['hazchem', 'fireworks'],
  });
}

describe('enterprise spreadsheet import and export', () => {
  let t: TestContext;
  let weihua: TestClient;
  type Preview = {
    id: number;
    totalRows: number;
    errorRows: number;
    created: number;
    updated: number;
    unchanged: number;
    status: string;
    rows: { rowNumber: number; action: string; errors: { column: string; message: string }[] }[];
  };
  const upload = (c: TestClient, name: string, buffer: Buffer) => {
    const { payload, headers } = multipartFile(name, buffer);
    return c.request({
      method: 'POST',
      url: '/api/v1/enterprises/import/preview',
      payload,
      headers,
    });
  };

  beforeAll(async () => {
    t = await createTestContext();
    await createImportOffice(t);
    await t.createUser({ username: 'pub_a', role: 'publicity', orgUnitId: t.org.districtA });
    weihua = await t.login('weihua');
  });
  afterAll(async () => t.close());

  const row = (name: string, code: string, extra: Record<string, string> = {}) => ({
    企业名称: name,
    统一社会信用代码: code,
    行业领域: '危险化学品',
    企业类型: '经营',
    所属区县: '甲区',
    主要负责人: '赵负责',
    主要负责人电话: '13700000001',
    ...extra,
  });

  it('downloads the template with Chinese headers and a notes sheet', async () => {
    const res = await weihua.get('/api/v1/enterprises/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('企业导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['企业信息', '填写说明']);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('统一社会信用代码');
    expect(
      (await (await t.login('pub_a')).get('/api/v1/enterprises/import/template')).statusCode,
    ).toBe(403);
  });

  it('previews row and cell errors, writes nothing until commit, then imports all valid rows at once', async () => {
    const file = await sheetWith([
      row('导入一号化工', '91150602MA0N3K5H2B'),
      row('导入二号化工', '91150602MA0N3K5H2C'), // bad check digit
      row('导入三号', '91150602MA0P7R1L8F', { 行业领域: '核电' }), // unknown sector
      row('导入四号', '91150602MA0N3K5H2B'), // duplicate of row 2
      row('导入五号', '91150603MA0R8T3F1T', { 行业领域: '非煤矿山', 企业类型: '露天矿山' }), // not this office's sector
      row('导入六号', '91150602MA0Q2W6D5L', { 所属区县: '乙区' }), // other district
    ]);
    const before = await t.db.kysely
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await upload(weihua, '企业.xlsx', file);
    expect(res.statusCode).toBe(200);
    const preview = res.json<Preview>();
    expect(preview).toMatchObject({ totalRows: 6, errorRows: 5, created: 1, status: 'previewed' });
    const errorsOf = (n: number) => preview.rows.find((r) => r.rowNumber === n)!.errors;
    expect(errorsOf(3)[0]).toMatchObject({
      column: 'creditCode',
      message: '统一社会信用代码校验位不正确',
    });
    expect(errorsOf(4)[0]).toMatchObject({ column: 'sector' });
    expect(errorsOf(5)[0]).toMatchObject({
      column: 'creditCode',
      message: '与第2行的统一社会信用代码重复',
    });
    expect(errorsOf(6)[0]).toMatchObject({ column: 'sector', message: '无权导入该行业领域的企业' });
    expect(errorsOf(7)[0]).toMatchObject({ column: 'district' });
    const mid = await t.db.kysely
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(mid.n)).toBe(Number(before.n));

    const commit = await weihua.post(`/api/v1/enterprises/imports/${preview.id}/commit`);
    expect(commit.statusCode).toBe(200);
    expect(commit.json<Preview>()).toMatchObject({ status: 'committed', created: 1 });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'enterprise.import_committed' });
    const created = await t.db.kysely
      .selectFrom('enterprises')
      .selectAll()
      .where('credit_code', '=', '91150602MA0N3K5H2B')
      .executeTakeFirstOrThrow();
    expect(created.name).toBe('导入一号化工');
    expect(created.sub_type).toBe('trade');
    const leader = await t.db.kysely
      .selectFrom('enterprise_people')
      .selectAll()
      .where('enterprise_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(leader).toMatchObject({ kind: 'main_leader', name: '赵负责', phone: '13700000001' });
    expect((await weihua.post(`/api/v1/enterprises/imports/${preview.id}/commit`)).statusCode).toBe(
      409,
    );
    const records = (await weihua.get('/api/v1/enterprises/imports')).json<{
      items: { id: number; status: string }[];
    }>();
    expect(records.items[0]).toMatchObject({ id: preview.id, status: 'committed' });
  });

  it('re-importing updates instead of duplicating; export then import changes nothing', async () => {
    const file = await sheetWith([
      row('导入一号化工（更名）', '91150602MA0N3K5H2B', { 从业人数: '88' }),
    ]);
    const preview = (await upload(weihua, 'again.xlsx', file)).json<Preview>();
    expect(preview).toMatchObject({ created: 0, updated: 1, errorRows: 0 });
    await weihua.post(`/api/v1/enterprises/imports/${preview.id}/commit`);
    const count = await t.db.kysely
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('credit_code', '=', '91150602MA0N3K5H2B')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const exported = await weihua.get('/api/v1/enterprises/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      ...ENTERPRISE_SHEET_COLUMNS.map((c) => c.header),
    ]);
    expect(ws.actualRowCount).toBe(3); // header + 甲区化工企业 + the imported one
    const roundTrip = (await upload(weihua, 'roundtrip.xlsx', exported.rawPayload)).json<Preview>();
    expect(roundTrip).toMatchObject({ errorRows: 0, created: 0, updated: 0, unchanged: 2 });
  });

  it('rejects a non-xlsx file, a corrupt one, missing columns, an oversized file and too many rows', async () => {
    const notXlsx = await upload(weihua, 'a.xlsx', Buffer.from('name,code\n1,2\n'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json<ErrorBody>().error.fields[0]!.message).toBe(
      '文件不是有效的Excel（.xlsx）文件',
    );
    const corrupt = await upload(
      weihua,
      'b.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]),
    );
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json<ErrorBody>().error.fields[0]!.message).toContain('文件已损坏');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['企业名称', '备注']);
    const noColumns = await upload(weihua, 'c.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noColumns.json<ErrorBody>().error.fields[0]!.message).toContain('缺少必填列');
    const big = Buffer.alloc(50 * 1024 * 1024, 1);
    big.write('PK\x03\x04');
    const tooBig = await upload(weihua, 'big.xlsx', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<ErrorBody>().error.fields[0]!.message).toContain('10MB');
    const imports = await t.db.kysely.selectFrom('enterprise_imports').select('id').execute();
    expect(imports.length).toBe(3); // only the three good previews of the tests above
  });

  it('refuses a sheet of 200,000 rows with a clear message, cheaply', async () => {
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('企业信息');
    ws.addRow(['企业名称', '统一社会信用代码', '行业领域', '企业类型', '所属区县']).commit();
    for (let i = 0; i < 200_000; i++)
      ws.addRow([`企业${i}`, 'X', '危险化学品', '经营', '甲区']).commit();
    ws.commit();
    await wb.commit();
    const res = await upload(weihua, 'huge.xlsx', Buffer.concat(chunks));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields[0]!.message).toBe(
      '文件数据超过20000行，请拆分后分批导入',
    );
  }, 120_000);
});

describe('an import larger than one write chunk', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await createImportOffice(t);
  });
  afterAll(async () => t.close());

  it('writes every created enterprise with its audit entry, in chain order, before the commit entry', async () => {
    // 450 rows: three chunks of inserts, each written to the audit chain as it goes.
    const rows = Array.from({ length: 450 }, (_, i) => {
      const first17 = `91150602MA${String(i).padStart(7, '0')}`;
      return {
        企业名称: `分批导入化工${i}`,
        统一社会信用代码: `${first17}${creditCodeCheckChar(first17)}`,
        行业领域: '危险化学品',
        企业类型: '经营',
        所属区县: '甲区',
        主要负责人: '赵负责',
        主要负责人电话: '13700000001',
      };
    });
    const weihua = await t.login('weihua');
    const { payload, headers } = multipartFile('企业.xlsx', await sheetWith(rows));
    const preview = (
      await weihua.request({
        method: 'POST',
        url: '/api/v1/enterprises/import/preview',
        payload,
        headers,
      })
    ).json<{ id: number; created: number; errorRows: number }>();
    expect(preview).toMatchObject({ created: 450, errorRows: 0 });
    const commit = await weihua.post(`/api/v1/enterprises/imports/${preview.id}/commit`);
    expect(commit.statusCode).toBe(200);

    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'action', 'entity_id'])
      .where('action', 'in', ['enterprise.created', 'enterprise.import_committed'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      ...rows.map(() => 'enterprise.created'),
      'enterprise.import_committed',
    ]);
    const created = await t.db.kysely
      .selectFrom('enterprises')
      .select('id')
      .where('name', 'like', '分批导入化工%')
      .execute();
    expect(new Set(entries.slice(0, -1).map((e) => Number(e.entity_id)))).toEqual(
      new Set(created.map((c) => c.id)),
    );
    expect((await verifyAuditChain(t.db.kysely, 'sha256')).ok).toBe(true);
  });
});
