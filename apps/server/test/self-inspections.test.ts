import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  type HazardDetail,
  type SelfInspectionCoverage,
  type SelfInspectionDetail,
  type SelfInspectionListItem,
  type SelfInspectionStartInfo,
  withCampaignDefaults,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { campaignColumns, insertCampaign } from '../src/modules/campaigns/campaigns.repository.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { selfInspectionFacts } from '../src/modules/self-inspections/self-inspections.service.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { pngWithLocation as png } from './test-files.js';
import { multipartFile } from './multipart.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('self-inspections', () => {
  let t: TestContext;
  let safetyA: TestClient;
  let leaderA: TestClient;
  let leaderB: TestClient;
  let weihuaA: TestClient;
  let jichuA: TestClient;
  let weihuaB: TestClient;
  let run: SelfInspectionDetail;
  const today = todayInChina();

  const base = '/api/v1/self-inspections';
  const answer = (c: TestClient, r: { id: number; version: number }, code: string, body: object) =>
    c.request({
      method: 'PUT',
      url: `${base}/${r.id}/items/${code}/answer`,
      payload: { version: r.version, ...body },
    });
  const upload = (c: TestClient, id: number, code: string, name: string, content: Buffer) => {
    const { payload, headers } = multipartFile(name, content, 'application/octet-stream');
    return c.request({
      method: 'POST',
      url: `${base}/${id}/items/${code}/photos`,
      payload,
      headers,
    });
  };
  const submit = (c: TestClient, r: { id: number; version: number }, key?: string) =>
    c.request({
      method: 'POST',
      url: `${base}/${r.id}/submit`,
      payload: { version: r.version },
      headers: key ? { 'idempotency-key': key } : {},
    });

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    // A city campaign for every sector: an earlier phase that has ended, and the current one.
    const year = Number(today.slice(0, 4));
    const full = withCampaignDefaults({
      name: '测试专项行动',
      year,
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
      orgUnitId: t.org.city,
      phases: [
        { key: 'mobilize', name: '动员部署', start: addDays(today, -60), end: addDays(today, -1) },
        { key: 'self_check', name: '企业自查自改', start: today, end: addDays(today, 30) },
      ],
    });
    const adminId = await t.createUser({
      username: 'admin_c',
      role: 'bureau_admin',
      orgUnitId: t.org.city,
    });
    await insertCampaign(t.db.kysely, {
      ...campaignColumns(full),
      org_unit_id: t.org.city,
      created_at: nowIso(),
      created_by: adminId,
      created_by_name: 'admin_c',
    });
    const ent = (
      username: string,
      role: 'ent_leader' | 'ent_safety',
      enterpriseId: number,
      name: string,
    ) =>
      t.createUser({ username, role, orgUnitId: t.org.districtA, enterpriseId, displayName: name });
    await ent('safety_a', 'ent_safety', t.enterprises.hazchemA, '刘安');
    await ent('leader_a', 'ent_leader', t.enterprises.hazchemA, '张恒');
    await t.createUser({
      username: 'leader_b',
      role: 'ent_leader',
      orgUnitId: t.org.districtB,
      enterpriseId: t.enterprises.hazchemB,
      displayName: '乙区负责人',
    });
    await t.createUser({
      username: 'weihua_a',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu_a',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({
      username: 'weihua_b',
      role: 'office',
      orgUnitId: t.org.officeWeihuaB,
      sectors: ['hazchem', 'fireworks'],
    });
    safetyA = await t.login('safety_a');
    leaderA = await t.login('leader_a');
    leaderB = await t.login('leader_b');
    weihuaA = await t.login('weihua_a');
    jichuA = await t.login('jichu_a');
    weihuaB = await t.login('weihua_b');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('starts a run with the enterprise checklist as it stands', async () => {
    expect((await t.anonymous.post(base, {})).statusCode).toBe(401);
    expect((await weihuaA.post(base, {})).statusCode).toBe(403);
    const info = (await safetyA.get(`${base}/start-info`)).json<SelfInspectionStartInfo>();
    expect(info).toMatchObject({
      draftId: null,
      canStart: true,
      campaign: { name: '测试专项行动' },
    });
    expect(
      (await safetyA.post(base, { inspectionDate: addDays(today, 1) })).json<ErrorBody>().error
        .fields[0]?.path,
    ).toBe('inspectionDate');

    const res = await safetyA.post(base, {});
    expect(res.statusCode).toBe(201);
    run = res.json<SelfInspectionDetail>();
    const checklist = (
      await safetyA.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/checklist`)
    ).json<{
      items: {
        code: string;
        catalogId: string;
        catalogVersion: number;
        clause: string;
        title: string;
      }[];
    }>();
    expect(run.items.length).toBe(checklist.items.length);
    expect(run.items.length).toBeGreaterThan(3);
    expect(
      run.items.map((i) => [i.code, i.catalogId, i.catalogVersion, i.clause, i.title]),
    ).toEqual(
      checklist.items.map((i) => [i.code, i.catalogId, i.catalogVersion, i.clause, i.title]),
    );
    expect(run).toMatchObject({
      status: 'draft',
      campaignName: '测试专项行动',
      inspectionDate: today,
      photoRequired: true,
      version: 1,
      startedByName: '刘安',
      progress: { total: run.items.length, answered: 0 },
    });
    expect(run.availableActions).toEqual(['edit', 'answer', 'photo', 'discard']);
    expect(run.items.every((i) => i.issues.includes('unanswered'))).toBe(true);
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('self_inspection.started');
    expect(audit.entity_id).toBe(String(run.id));

    // One run in progress at a time.
    const again = await leaderA.post(base, {});
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.fields[0]?.message).toContain('已有填报中的自查记录');
    expect((await leaderA.get(`${base}/start-info`)).json<SelfInspectionStartInfo>()).toMatchObject(
      {
        draftId: run.id,
        canStart: false,
      },
    );
    const leaderView = (await leaderA.get(`${base}/${run.id}`)).json<SelfInspectionDetail>();
    expect(leaderView.availableActions).toContain('submit');
  });

  it('validates answers: a problem needs a description, not applicable a reason', async () => {
    const [first, second] = run.items;
    const problem = await answer(safetyA, run, first!.code, { answer: 'problem' });
    expect(problem.statusCode).toBe(400);
    expect(problem.json<ErrorBody>().error.fields).toEqual([
      { path: 'description', message: '存在问题须描述问题（至少4个字）' },
    ]);
    const na = await answer(safetyA, run, second!.code, {
      answer: 'not_applicable',
      naReason: ' ',
    });
    expect(na.statusCode).toBe(400);
    expect(na.json<ErrorBody>().error.fields[0]?.path).toBe('naReason');
    expect((await answer(safetyA, run, 'HG-2017-99', { answer: 'compliant' })).statusCode).toBe(
      404,
    );
    expect((await answer(weihuaA, run, first!.code, { answer: 'compliant' })).statusCode).toBe(403);
    expect((await answer(leaderB, run, first!.code, { answer: 'compliant' })).statusCode).toBe(404);
  });

  it('saves answers one by one with the record version (stale writes get 409)', async () => {
    const [first, second, ...rest] = run.items;
    let res = await answer(safetyA, run, first!.code, {
      answer: 'problem',
      description: '储罐区未设置紧急切断装置',
      note: '二号罐区',
    });
    expect(res.statusCode).toBe(200);
    const stale = await answer(safetyA, run, second!.code, { answer: 'compliant' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    run = res.json<SelfInspectionDetail>();
    expect(run.version).toBe(2);
    expect(run.items[0]).toMatchObject({
      answer: 'problem',
      description: '储罐区未设置紧急切断装置',
      note: '二号罐区',
      answeredByName: '刘安',
      issues: ['photo_missing'],
    });
    expect((await lastAudit(t.db)).action).toBe('self_inspection.answered');
    res = await answer(safetyA, run, second!.code, {
      answer: 'not_applicable',
      naReason: '本企业无此类装置',
      description: '不保存',
    });
    run = res.json<SelfInspectionDetail>();
    expect(run.items[1]).toMatchObject({ naReason: '本企业无此类装置', description: null });
    for (const item of rest) {
      run = (
        await answer(leaderA, run, item.code, { answer: 'compliant' })
      ).json<SelfInspectionDetail>();
    }
    expect(run.progress).toMatchObject({
      total: run.items.length,
      answered: run.items.length,
      problems: 1,
      notApplicable: 1,
    });
    const list = (await safetyA.get(base)).json<Page<SelfInspectionListItem>>();
    expect(list.items[0]).toMatchObject({ id: run.id, progress: { answered: run.items.length } });
  });

  it('lets only the main leader submit, and only a complete run', async () => {
    const forbidden = await submit(safetyA, run);
    expect(forbidden.statusCode).toBe(403);
    const incomplete = await submit(leaderA, run);
    expect(incomplete.statusCode).toBe(400);
    const fields = incomplete.json<ErrorBody>().error.fields;
    expect(fields.map((f) => f.path)).toEqual(['inspectors', `items.${run.items[0]!.code}`]);
    expect(fields[1]!.message).toContain('存在问题须上传照片');

    expect(
      (await upload(safetyA, run.id, run.items[0]!.code, 'a.txt', Buffer.from('hello'))).statusCode,
    ).toBe(400);
    const photo = await upload(safetyA, run.id, run.items[0]!.code, 'tank.png', png());
    expect(photo.statusCode).toBe(201);
    const photoId = photo.json<{ id: number }>().id;
    const stored = await safetyA.get(`${base}/${run.id}/photos/${photoId}`);
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);

    const header = await safetyA.patch(`${base}/${run.id}`, {
      inspectionDate: today,
      inspectors: '刘安、王工',
      version: run.version,
    });
    expect(header.statusCode).toBe(200);
    run = header.json<SelfInspectionDetail>();
    expect(run.inspectors).toBe('刘安、王工');
    expect(run.items[0]!.issues).toEqual([]);
  });

  it('on submit turns each problem into a major self-check hazard citing the exact item', async () => {
    const res = await submit(leaderA, run, 'submit-key-0001');
    expect(res.statusCode).toBe(200);
    const done = res.json<SelfInspectionDetail>();
    expect(done).toMatchObject({ status: 'submitted', signerName: '张恒', availableActions: [] });
    expect(done.submittedAt).not.toBeNull();
    const problemItem = done.items[0]!;
    expect(problemItem.hazardId).not.toBeNull();
    expect(problemItem.hazardNumber).toMatch(/-\d{4}-\d{6}$/);
    expect(done.items.filter((i) => i.hazardId !== null)).toHaveLength(1);
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('self_inspection.submitted');

    const hazard = (
      await leaderA.get(`/api/v1/hazards/${problemItem.hazardId}`)
    ).json<HazardDetail>();
    expect(hazard).toMatchObject({
      origin: 'self_check',
      level: 'major',
      status: 'reported',
      enterpriseId: t.enterprises.hazchemA,
      catalogId: problemItem.catalogId,
      catalogVersion: problemItem.catalogVersion,
      catalogItemCode: problemItem.code,
      foundAt: today,
    });
    expect(hazard.description).toContain('储罐区未设置紧急切断装置');
    expect(hazard.files.filter((f) => f.kind === 'before')).toHaveLength(1);

    // A repeat of the same request (a lost answer) is a no-op.
    const repeat = await submit(leaderA, run, 'submit-key-0001');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json<SelfInspectionDetail>().items[0]!.hazardId).toBe(problemItem.hazardId);
    const hazards = await t.db.kysely
      .selectFrom('hazards')
      .select('id')
      .where('origin', '=', 'self_check')
      .execute();
    expect(hazards).toHaveLength(1);
    run = done;
  });

  it('keeps a submitted run read-only', async () => {
    const code = run.items[2]!.code;
    const edits = [
      await answer(safetyA, run, code, { answer: 'compliant' }),
      await safetyA.patch(`${base}/${run.id}`, {
        inspectionDate: today,
        inspectors: '别人',
        version: run.version,
      }),
      await upload(safetyA, run.id, code, 'x.png', png()),
      await safetyA.post(`${base}/${run.id}/discard`, { version: run.version, reason: '重新填写' }),
      await submit(leaderA, run, 'another-key-0002'),
    ];
    for (const res of edits) {
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.fields[0]?.message).toBe(
        '自查记录已提交并签字，不能再修改',
      );
    }
    const photoId = run.items[0]!.photos[0]!.id;
    expect((await safetyA.delete(`${base}/${run.id}/photos/${photoId}`)).statusCode).toBe(409);
  });

  it('shows a run only to its enterprise and to staff of its place and sector', async () => {
    expect((await weihuaA.get(`${base}/${run.id}`)).statusCode).toBe(200);
    expect(
      (await weihuaA.get(`${base}/${run.id}`)).json<SelfInspectionDetail>().availableActions,
    ).toEqual([]);
    for (const c of [leaderB, jichuA, weihuaB]) {
      expect((await c.get(`${base}/${run.id}`)).statusCode).toBe(404);
      expect((await c.get(`${base}/${run.id}/pdf`)).statusCode).toBe(404);
    }
    expect((await leaderB.get(base)).json<Page<SelfInspectionListItem>>().total).toBe(0);
    expect((await jichuA.get(base)).json<Page<SelfInspectionListItem>>().total).toBe(0);
    const staffList = (await weihuaA.get(`${base}?enterpriseId=${t.enterprises.hazchemA}`)).json<
      Page<SelfInspectionListItem>
    >();
    expect(staffList.items.map((i) => i.id)).toEqual([run.id]);
  });

  it('prints the record as PDF', async () => {
    const res = await leaderA.get(`${base}/${run.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const file = `${t.config.uploadDir}-record.pdf`;
      fs.writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      fs.rmSync(file);
      for (const s of [
        '重大事故隐患对标自查记录',
        '企业名称',
        '甲区化工企业',
        '负责人',
        '张恒',
        '检查人员',
        '刘安、王工',
        '检查日期',
        today,
        '序号',
        '判定情形',
        '是否存在问题',
        '主要问题描述',
        '储罐区未设置紧急切断装置',
        '本企业无此类装置',
        run.items[0]!.hazardNumber!,
        '主要负责人签字',
      ]) {
        expect(text).toContain(s);
      }
    } else {
      expect(bytes.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    }
  });

  it('shows the office which enterprises submitted, per sector', async () => {
    const cov = (await weihuaA.get(`${base}/coverage`)).json<SelfInspectionCoverage>();
    expect(cov.campaign?.name).toBe('测试专项行动');
    expect(cov.phase).toBeNull();
    expect(cov.sectors).toEqual([{ sector: 'hazchem', enterprises: 1, submitted: 1, problems: 1 }]);
    expect(cov.items).toEqual([
      expect.objectContaining({
        enterpriseId: t.enterprises.hazchemA,
        submitted: true,
        inProgress: false,
        submittedRuns: 1,
        lastRunId: run.id,
        problemCount: 1,
      }),
    ]);
    const notSubmitted = (
      await weihuaA.get(`${base}/coverage?status=not_submitted`)
    ).json<SelfInspectionCoverage>();
    expect(notSubmitted.total).toBe(0);
    const earlier = (
      await weihuaA.get(`${base}/coverage?phase=mobilize`)
    ).json<SelfInspectionCoverage>();
    expect(earlier.phase).toBe('mobilize');
    expect(earlier.items[0]).toMatchObject({ submitted: false, problemCount: 0 });
    expect(
      (await weihuaA.get(`${base}/coverage?phase=self_check`)).json<SelfInspectionCoverage>()
        .items[0]?.submitted,
    ).toBe(true);
    const badPhase = await weihuaA.get(`${base}/coverage?phase=nope`);
    expect(badPhase.statusCode).toBe(400);

    const mining = (await jichuA.get(`${base}/coverage`)).json<SelfInspectionCoverage>();
    expect(mining.sectors.map((s) => s.sector)).toEqual(['mining']);
    expect(mining.items).toEqual([
      expect.objectContaining({ enterpriseId: t.enterprises.miningA, submitted: false }),
    ]);
    const other = (await weihuaB.get(`${base}/coverage`)).json<SelfInspectionCoverage>();
    expect(other.items.map((i) => i.enterpriseId)).toEqual([t.enterprises.hazchemB]);
    expect((await leaderA.get(`${base}/coverage`)).statusCode).toBe(403);

    const xlsx = await weihuaA.get(`${base}/coverage/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('gives the scorecard its fact', async () => {
    expect(await selfInspectionFacts(t.db.kysely, t.enterprises.hazchemA, today)).toEqual({
      selfInspectionSubmitted: true,
    });
    expect(
      await selfInspectionFacts(t.db.kysely, t.enterprises.hazchemA, addDays(today, -1)),
    ).toEqual({ selfInspectionSubmitted: false });
    expect(await selfInspectionFacts(t.db.kysely, t.enterprises.hazchemB, today)).toEqual({
      selfInspectionSubmitted: false,
    });
    expect(
      await selfInspectionFacts(t.db.kysely, t.enterprises.hazchemA, addDays(today, -400)),
    ).toEqual({ selfInspectionSubmitted: false });
  });

  it('follows the photo setting and lets a draft be discarded', async () => {
    const config = t.config as typeof t.config & { selfInspectionPhotoRequired?: boolean };
    const before = config.selfInspectionPhotoRequired;
    config.selfInspectionPhotoRequired = false;
    try {
      let b = (await leaderB.post(base, { inspectors: '乙区检查组' })).json<SelfInspectionDetail>();
      expect(b.photoRequired).toBe(false);
      const discarded = await leaderB.post(`${base}/${b.id}/discard`, {
        version: b.version,
        reason: '选错日期',
      });
      expect(discarded.json<SelfInspectionDetail>()).toMatchObject({
        status: 'discarded',
        discardReason: '选错日期',
      });
      b = (await leaderB.post(base, { inspectors: '乙区检查组' })).json<SelfInspectionDetail>();
      for (const [i, item] of b.items.entries()) {
        const body =
          i === 0
            ? { answer: 'problem', description: '安全阀未定期校验' }
            : { answer: 'compliant' };
        b = (await answer(leaderB, b, item.code, body)).json<SelfInspectionDetail>();
      }
      const res = await submit(leaderB, b);
      expect(res.statusCode).toBe(200);
      expect(res.json<SelfInspectionDetail>().items[0]!.hazardId).not.toBeNull();
    } finally {
      config.selfInspectionPhotoRequired = before;
    }
    const covB = (await weihuaB.get(`${base}/coverage`)).json<SelfInspectionCoverage>();
    expect(covB.items[0]).toMatchObject({ submitted: true, problemCount: 1 });
  });
});
