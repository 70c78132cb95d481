import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttachmentView,
  createEnterpriseSchema,
  type NoticeDetail,
  type NoticeListItem,
  type NoticeReceipt,
} from '@hazard-ledger/domain';
import { nowIso } from '../src/lib/time.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('附件').addRow(['企业', '情况']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('notices and read receipts', () => {
  let t: TestContext;
  let uploadDir: string;
  let hazchemA2: number;
  let admin: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let publicity: TestClient;
  let adminB: TestClient;
  let entA: TestClient;
  let entA2: TestClient;
  let entMine: TestClient;
  let entB: TestClient;

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-uploads-'));
    t = await createTestContext({ uploadDir });
    const at = nowIso();
    hazchemA2 = await insertEnterprise(t.db.kysely, {
      ...enterpriseColumns(
        createEnterpriseSchema.parse({
          name: '甲区第二化工企业',
          creditCode: '91150602MA0N3K5H2B',
          sector: 'hazchem',
          subType: 'storage',
          orgUnitId: t.org.districtA,
        }),
      ),
      created_at: at,
      updated_at: at,
      version: 1,
    });
    const users: [string, Parameters<TestContext['createUser']>[0]][] = [
      ['admin', { username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA }],
      [
        'weihua',
        {
          username: 'weihua',
          role: 'office',
          orgUnitId: t.org.officeWeihuaA,
          sectors: ['hazchem', 'fireworks'],
        },
      ],
      [
        'jichu',
        {
          username: 'jichu',
          role: 'office',
          orgUnitId: t.org.officeJichuA,
          sectors: ['mining', 'industry'],
        },
      ],
      ['pub', { username: 'pub_a', role: 'publicity', orgUnitId: t.org.districtA }],
      ['adminB', { username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB }],
      [
        'entA',
        {
          username: 'ent_a',
          role: 'ent_safety',
          orgUnitId: t.org.districtA,
          enterpriseId: t.enterprises.hazchemA,
        },
      ],
      [
        'entA2',
        {
          username: 'ent_a2',
          role: 'ent_leader',
          orgUnitId: t.org.districtA,
          enterpriseId: hazchemA2,
        },
      ],
      [
        'entMine',
        {
          username: 'ent_mine',
          role: 'ent_leader',
          orgUnitId: t.org.districtA,
          enterpriseId: t.enterprises.miningA,
        },
      ],
      [
        'entB',
        {
          username: 'ent_b',
          role: 'ent_leader',
          orgUnitId: t.org.districtB,
          enterpriseId: t.enterprises.hazchemB,
        },
      ],
    ];
    for (const [, spec] of users) await t.createUser(spec);
    admin = await t.login('admin_a');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    publicity = await t.login('pub_a');
    adminB = await t.login('admin_b');
    entA = await t.login('ent_a');
    entA2 = await t.login('ent_a2');
    entMine = await t.login('ent_mine');
    entB = await t.login('ent_b');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (
    c: TestClient,
    name: string,
    buffer: Buffer,
    type = 'application/octet-stream',
  ) => {
    const { payload, headers } = multipartFile(name, buffer, type);
    return c.request({ method: 'POST', url: '/api/v1/notices/attachments', payload, headers });
  };

  let pdfId: number;
  let docxId: number;
  let xlsxId: number;

  it('uploads PDF, .docx and .xlsx attachments, checked by their bytes', async () => {
    expect((await upload(t.anonymous, 'a.pdf', PDF)).statusCode).toBe(401);
    expect((await upload(entA, 'a.pdf', PDF)).statusCode).toBe(403);
    const pdf = await upload(weihua, '危化品通知.pdf', PDF, 'application/pdf');
    expect(pdf.statusCode).toBe(201);
    const view = pdf.json<AttachmentView>();
    expect(view).toMatchObject({
      fileName: '危化品通知.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    pdfId = view.id;
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'attachment.uploaded',
      entity_id: String(pdfId),
    });
    const stored = await t.db.kysely
      .selectFrom('attachments')
      .select('storage_key')
      .where('id', '=', pdfId)
      .executeTakeFirstOrThrow();
    expect(fs.readFileSync(path.join(uploadDir, stored.storage_key))).toEqual(PDF);

    docxId = (await upload(weihua, '实施方案.docx', await docx())).json<AttachmentView>().id;
    xlsxId = (await upload(weihua, '调度表.xlsx', await xlsx())).json<AttachmentView>().id;
    expect(docxId).toBeGreaterThan(0);
    expect(xlsxId).toBeGreaterThan(0);

    const renamed = await upload(weihua, '伪装.docx', PDF);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json<ErrorBody>().error.fields[0]!.message).toBe(
      '文件内容与扩展名不符，应为.pdf文件',
    );
    const exe = await upload(weihua, 'virus.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(exe.json<ErrorBody>().error.fields[0]!.message).toBe(
      '仅支持PDF、Word（.docx）、Excel（.xlsx）文件',
    );
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const plainZip = await upload(
      weihua,
      'x.xlsx',
      await zip.generateAsync({ type: 'nodebuffer' }),
    );
    expect(plainZip.statusCode).toBe(400);
    const big = Buffer.alloc(11 * 1024 * 1024, 1);
    PDF.copy(big);
    const tooBig = await upload(weihua, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json<ErrorBody>().error.fields[0]!.message).toBe('文件超过10MB');
    expect((await weihua.post('/api/v1/notices/attachments', {})).statusCode).toBe(400);
  });

  let notice: NoticeDetail;

  it('publishes to every enterprise of the chosen sectors in the district, one receipt each', async () => {
    const body = {
      title: '关于学习贯彻重大事故隐患判定标准的通知',
      body: '各危险化学品企业：请组织学习判定标准并开展自查。',
      sectors: ['hazchem'],
      attachmentIds: [pdfId, docxId],
    };
    expect((await t.anonymous.post('/api/v1/notices', body)).statusCode).toBe(401);
    expect((await entA.post('/api/v1/notices', body)).statusCode).toBe(403);
    const noCampaign = await weihua.post('/api/v1/notices', { ...body, campaignId: 999 });
    expect(noCampaign.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'campaignId',
      message: '专项行动不存在',
    });
    const noTitle = await weihua.post('/api/v1/notices', { ...body, title: '' });
    expect(noTitle.json<ErrorBody>().error.fields[0]!.path).toBe('title');
    const foreign = await weihua.post('/api/v1/notices', { ...body, sectors: ['mining'] });
    expect(foreign.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'sectors',
      message: '无权向该行业领域发布',
    });
    const nobody = await weihua.post('/api/v1/notices', {
      ...body,
      sectors: ['fireworks'],
      attachmentIds: [],
    });
    expect(nobody.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'sectors',
      message: '本辖区内所选行业领域没有企业',
    });
    const othersFile = await publicity.post('/api/v1/notices', body);
    expect(othersFile.json<ErrorBody>().error.fields[0]!.path).toBe('attachmentIds');

    const res = await weihua.post('/api/v1/notices', body);
    expect(res.statusCode).toBe(201);
    notice = res.json<NoticeDetail>();
    expect(notice).toMatchObject({
      title: body.title,
      orgUnitId: t.org.districtA,
      attachmentCount: 2,
      receipt: null,
      stats: { targetCount: 2, readCount: 0, unreadCount: 2 },
      can: { manage: true },
    });
    expect(notice.attachments.map((a) => a.fileName)).toEqual(['危化品通知.pdf', '实施方案.docx']);
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'notice.published',
      entity_id: String(notice.id),
    });
    const receipts = await t.db.kysely
      .selectFrom('notice_receipts')
      .select('enterprise_id')
      .where('notice_id', '=', notice.id)
      .orderBy('enterprise_id')
      .execute();
    expect(receipts.map((r) => r.enterprise_id)).toEqual(
      [t.enterprises.hazchemA, hazchemA2].sort((a, b) => a - b),
    );
    // The same attachment cannot be attached twice.
    const reused = await weihua.post('/api/v1/notices', body);
    expect(reused.json<ErrorBody>().error.fields[0]!.path).toBe('attachmentIds');
  });

  it('records a read receipt per enterprise: A reading does not mark B', async () => {
    const listA = (await entA.get('/api/v1/notices')).json<Page<NoticeListItem>>();
    expect(listA.items).toHaveLength(1);
    expect(listA.items[0]).toMatchObject({
      id: notice.id,
      stats: null,
      receipt: { readAt: null, reminded: false },
    });
    const open = await entA.get(`/api/v1/notices/${notice.id}`);
    expect(open.statusCode).toBe(200);
    const seen = open.json<NoticeDetail>();
    expect(seen.receipt).toMatchObject({ readByName: 'ent_a(ent_a)' });
    expect(seen.receipt!.readAt).not.toBeNull();
    expect(seen.stats).toBeNull();
    expect(seen.can.manage).toBe(false);
    const audit = await lastAudit(t.db);
    expect(audit).toMatchObject({ action: 'notice.read', actor_role: 'ent_safety' });
    // Opening again keeps the first reading and writes nothing.
    await entA.get(`/api/v1/notices/${notice.id}`);
    expect((await lastAudit(t.db)).seq).toBe(audit.seq);

    const listA2 = (await entA2.get('/api/v1/notices')).json<Page<NoticeListItem>>();
    expect(listA2.items[0]!.receipt!.readAt).toBeNull();

    const all = (await weihua.get(`/api/v1/notices/${notice.id}/receipts`)).json<
      Page<NoticeReceipt>
    >();
    expect(all.items.map((r) => [r.enterpriseName, r.readAt !== null])).toEqual([
      ['甲区第二化工企业', false],
      ['甲区化工企业', true],
    ]);
    const unread = (
      await publicity.get(`/api/v1/notices/${notice.id}/receipts?status=unread`)
    ).json<Page<NoticeReceipt>>();
    expect(unread.items.map((r) => r.enterpriseId)).toEqual([hazchemA2]);
    const staffView = (await admin.get(`/api/v1/notices/${notice.id}`)).json<NoticeDetail>();
    expect(staffView.stats).toEqual({ targetCount: 2, readCount: 1, unreadCount: 1 });
    expect((await entA.get(`/api/v1/notices/${notice.id}/receipts`)).statusCode).toBe(403);
    expect(
      (await weihua.get(`/api/v1/notices/${notice.id}/receipts?status=maybe`)).statusCode,
    ).toBe(400);
  });

  it('a notice not addressed to an enterprise or outside a staff scope reads as 404', async () => {
    expect((await entMine.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await entB.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await jichu.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await entMine.get('/api/v1/notices')).json<Page<NoticeListItem>>().total).toBe(0);
    expect((await jichu.get('/api/v1/notices')).json<Page<NoticeListItem>>().total).toBe(0);
    expect((await entB.get('/api/v1/notices/999999')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/v1/notices')).statusCode).toBe(401);
  });

  it('reminds only the enterprises that have not read it; they see 已催办', async () => {
    expect((await entA.post(`/api/v1/notices/${notice.id}/remind`, {})).statusCode).toBe(403);
    expect(
      (await weihua.post(`/api/v1/notices/${notice.id}/remind`, { enterpriseIds: 'all' }))
        .statusCode,
    ).toBe(400);
    expect((await jichu.post(`/api/v1/notices/${notice.id}/remind`, {})).statusCode).toBe(404);
    const readOnly = await weihua.post(`/api/v1/notices/${notice.id}/remind`, {
      enterpriseIds: [t.enterprises.hazchemA],
    });
    expect(readOnly.json()).toEqual({ reminded: 0, enterpriseIds: [] });
    const res = await weihua.post(`/api/v1/notices/${notice.id}/remind`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reminded: 1, enterpriseIds: [hazchemA2] });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'notice.reminded',
      entity_id: String(notice.id),
    });
    const events = await t.db.kysely
      .selectFrom('notice_reminders')
      .select(['enterprise_id', 'reminded_by_name'])
      .where('notice_id', '=', notice.id)
      .execute();
    expect(events).toEqual([{ enterprise_id: hazchemA2, reminded_by_name: 'weihua(weihua)' }]);
    const a2 = (await entA2.get('/api/v1/notices')).json<Page<NoticeListItem>>().items[0]!;
    expect(a2.receipt).toMatchObject({ reminded: true, remindCount: 1, readAt: null });
    const a = (await entA.get('/api/v1/notices')).json<Page<NoticeListItem>>().items[0]!;
    expect(a.receipt).toMatchObject({ reminded: false, remindCount: 0 });
    const noBody = await publicity.request({
      method: 'POST',
      url: `/api/v1/notices/${notice.id}/remind`,
    });
    expect(noBody.statusCode).toBe(200);
    expect(noBody.json<{ reminded: number }>().reminded).toBe(1);
  });

  it('downloads attachments within scope', async () => {
    const ok = await entA2.get(`/api/v1/notices/${notice.id}/attachments/${pdfId}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['content-disposition']).toContain(encodeURIComponent('危化品通知.pdf'));
    expect(ok.rawPayload).toEqual(PDF);
    expect(
      (await entMine.get(`/api/v1/notices/${notice.id}/attachments/${pdfId}`)).statusCode,
    ).toBe(404);
    expect((await entA2.get(`/api/v1/notices/${notice.id}/attachments/${xlsxId}`)).statusCode).toBe(
      404,
    );
  });

  it('lists unread notices first for an enterprise', async () => {
    const second = await admin.post('/api/v1/notices', {
      title: '关于开展典型事故警示教育的通知',
      body: '请各企业组织全员安全警示教育。',
      sectors: ['hazchem', 'mining'],
      attachmentIds: [
        (await upload(admin, '警示教育.xlsx', await xlsx())).json<AttachmentView>().id,
      ],
    });
    expect(second.statusCode).toBe(201);
    const secondId = second.json<NoticeDetail>().id;
    const list = (await entA.get('/api/v1/notices')).json<Page<NoticeListItem>>();
    expect(list.items.map((i) => [i.id, i.receipt!.readAt === null])).toEqual([
      [secondId, true],
      [notice.id, false],
    ]);
    const unreadOnly = (await entA.get('/api/v1/notices?unread=true')).json<Page<NoticeListItem>>();
    expect(unreadOnly.items.map((i) => i.id)).toEqual([secondId]);
    expect((await entMine.get('/api/v1/notices')).json<Page<NoticeListItem>>().total).toBe(1);
    const staff = (await jichu.get('/api/v1/notices')).json<Page<NoticeListItem>>();
    expect(staff.items.map((i) => [i.id, i.stats])).toEqual([
      [secondId, { targetCount: 1, readCount: 0, unreadCount: 1 }],
    ]);
  });
});
