import fs from 'node:fs';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnterpriseSchema,
  POW_DEFAULT_DIFFICULTY,
  type PowChallenge,
  type PublicTipView,
  solvePowChunk,
} from '@hazard-ledger/domain';
import { unsealJson } from '../src/lib/sealed.js';
import { nowIso } from '../src/lib/time.js';
import { sha256Hex } from '../src/lib/tokens.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import {
  challengeKey,
  PublicTipGuard,
  publicTipSettings,
} from '../src/modules/tips-public/tip-guard.js';
import { lookupTip, submitTip } from '../src/modules/tips-public/tips-public.service.js';
import { newReceiptCode } from '../src/modules/tips/tips.service.js';
import { depsOf } from '../src/lib/service-deps.js';
import { createTestContext, type TestContext } from './harness.js';
import { pngWithLocation } from './test-files.js';

type ErrorBody = {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
};
type Receipt = { receiptCode: string; number: string };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart body: a `data` field with JSON and any number of files. */
function multipart(
  data: unknown,
  files: { name: string; content: Buffer; type?: string }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----hl-tip-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function solve(ch: PowChallenge) {
  const nonce = solvePowChunk(ch.challenge, ch.difficulty, 0, 10_000_000);
  if (nonce === null) throw new Error('no solution found');
  return { ...ch, nonce };
}

/** A nonce that does NOT satisfy the challenge. */
function wrongNonce(ch: PowChallenge): string {
  for (let n = 0; ; n++) {
    const good = solvePowChunk(ch.challenge, ch.difficulty, n, 1);
    if (good === null) return String(n);
  }
}

describe('public tip page API', () => {
  let t: TestContext;
  let closedEnterprise: number;
  let ipSeq = 0;
  const originalDifficulty = publicTipSettings.powDifficulty;

  /** A fresh client address, so each test has its own rate-limit budget. */
  const newIp = () => `198.51.100.${++ipSeq}`;

  const send = (ip: string, options: InjectOptions) =>
    t.app.inject({ ...options, remoteAddress: ip });

  const challenge = async (ip: string): Promise<PowChallenge> => {
    const res = await send(ip, { method: 'POST', url: '/api/v1/public/tips/challenge' });
    expect(res.statusCode).toBe(200);
    return res.json<PowChallenge>();
  };

  const form = (over: Record<string, unknown> = {}) => ({
    enterpriseId: t.enterprises.hazchemA,
    subject: '储罐区违规动火',
    description: '夜间在储罐区动火作业，没有动火作业票，也没有人监护。',
    anonymous: true,
    ...over,
  });

  /** Submits with a freshly solved challenge (JSON, or multipart when files are given). */
  const submit = async (
    ip: string,
    over: Record<string, unknown> = {},
    files?: { name: string; content: Buffer; type?: string }[],
  ): Promise<LightMyRequestResponse> => {
    const pow = solve(await challenge(ip));
    const data = { ...form(over), pow };
    if (files) {
      const body = multipart(data, files);
      return send(ip, { method: 'POST', url: '/api/v1/public/tips', ...body });
    }
    return send(ip, { method: 'POST', url: '/api/v1/public/tips', payload: data });
  };

  const lookup = (ip: string, code: string) =>
    send(ip, { method: 'POST', url: '/api/v1/public/tips/status', payload: { code } });

  const tipRow = (code: string) =>
    t.db.kysely
      .selectFrom('tips')
      .selectAll()
      .where('receipt_hash', '=', sha256Hex(code))
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    // Cheap challenges for the suite; the default is checked on its own below.
    publicTipSettings.powDifficulty = 8;
    t = await createTestContext();
    const at = nowIso();
    closedEnterprise = await insertEnterprise(t.db.kysely, {
      ...enterpriseColumns(
        createEnterpriseSchema.parse({
          name: '甲区已关闭化工企业',
          creditCode: '91150602MA0N3K5H2B',
          sector: 'hazchem',
          subType: 'storage',
          orgUnitId: t.org.districtA,
          status: 'closed',
          statusDate: '2025-01-01',
          statusReason: '关闭退出',
        }),
      ),
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await t.createUser({
      username: 'weihua',
      displayName: '王危化',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
  });

  afterAll(async () => {
    publicTipSettings.powDifficulty = originalDifficulty;
    await t.close();
  });

  describe('challenge', () => {
    it('is signed, expires in ten minutes and sets no cookie', async () => {
      expect(originalDifficulty).toBe(POW_DEFAULT_DIFFICULTY);
      expect(POW_DEFAULT_DIFFICULTY).toBe(18);
      const res = await send(newIp(), { method: 'POST', url: '/api/v1/public/tips/challenge' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      const ch = res.json<PowChallenge>();
      expect(ch.challenge).toMatch(/^[0-9a-f]{32}$/);
      expect(ch.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(ch.difficulty).toBe(8);
      const ttl = Date.parse(ch.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(9 * 60_000);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    });
  });

  describe('submit', () => {
    it('creates an anonymous tip and returns a 16-digit code once', async () => {
      const ip = newIp();
      const res = await submit(ip);
      expect(res.statusCode).toBe(201);
      expect(res.headers['set-cookie']).toBeUndefined();
      const receipt = res.json<Receipt>();
      expect(receipt.receiptCode).toMatch(/^[0-9]{16}$/);
      expect(receipt.number).toMatch(/^甲举〔\d{4}〕\d{4}号$/);
      const row = await tipRow(receipt.receiptCode);
      expect(row).toMatchObject({
        number: receipt.number,
        channel: 'web',
        status: 'received',
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        enterprise_text: null,
        sector: 'hazchem',
        anonymous: 1,
        insider: 0,
        identity_sealed: null,
        created_by: null,
      });
      // The code itself is nowhere in the database.
      expect(JSON.stringify(row)).not.toContain(receipt.receiptCode);
      const events = await t.db.kysely
        .selectFrom('tip_events')
        .selectAll()
        .where('tip_id', '=', row.id)
        .execute();
      expect(events).toMatchObject([
        { action: 'created', from_status: null, to_status: 'received' },
      ]);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_type', '=', 'tip')
        .where('entity_id', '=', String(row.id))
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'tip.submitted', actor_id: null, ip: null });
      expect(JSON.parse(audit.changes!)).toMatchObject({
        channel: 'web',
        anonymous: true,
        files: 0,
      });
    });

    it('numbers tips per district and year', async () => {
      const a1 = (await submit(newIp())).json<Receipt>();
      const a2 = (await submit(newIp())).json<Receipt>();
      const b1 = (await submit(newIp(), { enterpriseId: t.enterprises.hazchemB })).json<Receipt>();
      const seq = (n: string) => Number(/(\d{4})号$/.exec(n)![1]);
      expect(seq(a2.number)).toBe(seq(a1.number) + 1);
      expect(b1.number).toMatch(/^乙举〔\d{4}〕0001号$/);
    });

    it('takes a typed enterprise with a chosen district', async () => {
      const res = await submit(newIp(), {
        enterpriseId: null,
        enterpriseText: '城郊无证加油点',
        districtId: t.org.districtB,
        place: '乙区北环路东侧',
        insider: true,
      });
      expect(res.statusCode).toBe(201);
      const row = await tipRow(res.json<Receipt>().receiptCode);
      expect(row).toMatchObject({
        enterprise_id: null,
        enterprise_text: '城郊无证加油点',
        district_id: t.org.districtB,
        sector: null,
        place: '乙区北环路东侧',
        insider: 1,
      });
    });

    it('refuses bad input with Chinese field errors', async () => {
      const ip = newIp();
      const missing = await submit(ip, { enterpriseId: null, anonymous: false, subject: '' });
      expect(missing.statusCode).toBe(400);
      const fields = missing.json<ErrorBody>().error.fields.map((f) => `${f.path}:${f.message}`);
      expect(fields).toEqual(
        expect.arrayContaining([
          'subject:请填写举报事项（至少2个字）',
          'enterpriseText:请选择或填写被举报的单位（或场所）',
          'districtId:请选择所在区县',
          'reporterName:实名举报请填写姓名',
          'reporterPhone:实名举报请填写联系电话',
        ]),
      );
      const notOperating = await submit(ip, { enterpriseId: closedEnterprise });
      expect(notOperating.statusCode).toBe(400);
      expect(notOperating.json<ErrorBody>().error.fields[0]!.path).toBe('enterpriseId');
      const office = await submit(newIp(), {
        enterpriseId: null,
        enterpriseText: '某企业',
        districtId: t.org.officeWeihuaA,
      });
      expect(office.statusCode).toBe(400);
      expect(office.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'districtId',
        message: '请选择所在区县',
      });
    });

    it('ignores a signed-in session: the tip is recorded without an actor', async () => {
      const weihua = await t.login('weihua');
      const ip = newIp();
      const pow = solve(await challenge(ip));
      const res = await weihua.request({
        method: 'POST',
        url: '/api/v1/public/tips',
        payload: { ...form(), pow },
        remoteAddress: ip,
        csrf: false,
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['set-cookie']).toBeUndefined();
      const row = await tipRow(res.json<Receipt>().receiptCode);
      expect(row.created_by).toBeNull();
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['actor_id', 'actor_name', 'ip'])
        .where('entity_type', '=', 'tip')
        .where('entity_id', '=', String(row.id))
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ actor_id: null, actor_name: null, ip: null });
    });
  });

  describe('identity sealing and no addresses', () => {
    it('stores a named reporter only sealed, and no IP anywhere', async () => {
      const ip = '203.0.113.77';
      const res = await submit(ip, {
        anonymous: false,
        reporterName: '张实名',
        reporterPhone: '13904771234',
        insider: true,
      });
      expect(res.statusCode).toBe(201);
      const { receiptCode } = res.json<Receipt>();
      const { id } = await tipRow(receiptCode);
      // The raw row, as a database copy would show it.
      const raw = await sql<Record<string, unknown>>`SELECT * FROM tips WHERE id = ${id}`.execute(
        t.db.kysely,
      );
      const text = JSON.stringify(raw.rows[0]);
      expect(text).not.toContain('张实名');
      expect(text).not.toContain('13904771234');
      expect(text).not.toContain(ip);
      const sealed = raw.rows[0]!.identity_sealed as string;
      expect(sealed).toMatch(/^v1:/);
      expect(unsealJson(sealed, t.config.identityKey)).toEqual({
        name: '张实名',
        phone: '13904771234',
      });
      // No table of the tip, and no audit row, holds the address.
      for (const table of ['tip_events', 'tip_messages', 'tip_files']) {
        const rows = await sql<
          Record<string, unknown>
        >`SELECT * FROM ${sql.table(table)} WHERE tip_id = ${id}`.execute(t.db.kysely);
        expect(JSON.stringify(rows.rows)).not.toContain(ip);
      }
      const audit = await sql<Record<string, unknown>>`SELECT * FROM audit_log`.execute(
        t.db.kysely,
      );
      expect(JSON.stringify(audit.rows)).not.toContain(ip);
      expect(JSON.stringify(audit.rows)).not.toContain('张实名');
      expect(JSON.stringify(audit.rows)).not.toContain('13904771234');
      // The reporter's own view does not echo the identity either.
      const view = await lookup(ip, receiptCode);
      expect(view.body).not.toContain('张实名');
      expect(view.body).not.toContain('13904771234');
    });
  });

  describe('proof-of-work', () => {
    it('is required', async () => {
      const res = await send(newIp(), {
        method: 'POST',
        url: '/api/v1/public/tips',
        payload: form(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.fields[0]!.path).toBe('pow');
    });

    it('refuses a wrong nonce, a forged difficulty and an expired challenge', async () => {
      const ip = newIp();
      const ch = await challenge(ip);
      const post = (pow: unknown) =>
        send(ip, { method: 'POST', url: '/api/v1/public/tips', payload: { ...form(), pow } });

      const bad = await post({ ...ch, nonce: wrongNonce(ch) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.fields).toEqual([
        { path: 'pow', message: '人机验证未通过，请重新提交' },
      ]);

      const easier = { ...ch, difficulty: 1 };
      const forged = await post(solve(easier));
      expect(forged.json<ErrorBody>().error.fields).toEqual([
        { path: 'pow', message: '人机验证无效，请重新提交' },
      ]);

      // A challenge the server signed eleven minutes ago.
      const old = new PublicTipGuard(
        challengeKey(t.config.signingKeySecret),
        publicTipSettings,
        () => Date.now() - 11 * 60_000,
      ).issueChallenge();
      const expired = await post(solve(old));
      expect(expired.json<ErrorBody>().error.fields).toEqual([
        { path: 'pow', message: '人机验证已过期，请重新提交' },
      ]);

      // A challenge signed with another key.
      const foreign = new PublicTipGuard(
        challengeKey('another-secret-of-this-length'),
      ).issueChallenge();
      const wrongKey = await post(solve({ ...foreign, difficulty: 8 }));
      expect(wrongKey.statusCode).toBe(400);
    });

    it('serves once: a replayed solution is refused', async () => {
      const ip = newIp();
      const pow = solve(await challenge(ip));
      const post = () =>
        send(ip, { method: 'POST', url: '/api/v1/public/tips', payload: { ...form(), pow } });
      expect((await post()).statusCode).toBe(201);
      const replay = await post();
      expect(replay.statusCode).toBe(400);
      expect(replay.json<ErrorBody>().error.fields).toEqual([
        { path: 'pow', message: '该人机验证已使用过，请重新提交' },
      ]);
    });

    it('is given back when the tip is refused for another reason', async () => {
      const ip = newIp();
      const pow = solve(await challenge(ip));
      const refused = await send(ip, {
        method: 'POST',
        url: '/api/v1/public/tips',
        payload: { ...form({ enterpriseId: 999999 }), pow },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().error.fields[0]!.path).toBe('enterpriseId');
      const corrected = await send(ip, {
        method: 'POST',
        url: '/api/v1/public/tips',
        payload: { ...form(), pow },
      });
      expect(corrected.statusCode).toBe(201);
    });
  });

  describe('attachments', () => {
    it('accepts photos (metadata stripped) and PDFs', async () => {
      const ip = newIp();
      const res = await submit(ip, {}, [
        { name: '现场照片.png', content: pngWithLocation(), type: 'image/png' },
        { name: '../../情况说明.pdf', content: PDF, type: 'application/pdf' },
      ]);
      expect(res.statusCode).toBe(201);
      const { id } = await tipRow(res.json<Receipt>().receiptCode);
      const files = await t.db.kysely
        .selectFrom('tip_files')
        .selectAll()
        .where('tip_id', '=', id)
        .orderBy('id')
        .execute();
      expect(files).toMatchObject([
        { file_name: '现场照片.png', mime_type: 'image/png', from_reporter: 1, message_id: null },
        { file_name: '情况说明.pdf', mime_type: 'application/pdf', from_reporter: 1 },
      ]);
      const stored = fs.readFileSync(path.join(t.config.uploadDir, files[0]!.storage_key));
      expect(stored.includes(Buffer.from('GPSLatitude'))).toBe(false);
      expect(stored.length).toBe(files[0]!.size_bytes);
    });

    it('refuses other types, too many files and files over the size limit', async () => {
      const ip = newIp();
      const exe = await submit(ip, {}, [
        {
          name: 'photo.jpg',
          content: Buffer.from('MZ\x90\x00 not really a photo'),
          type: 'image/jpeg',
        },
      ]);
      expect(exe.statusCode).toBe(400);
      expect(exe.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'files.0',
        message: '“photo.jpg”不是允许的文件类型：只能上传 JPEG/PNG/WebP 照片或 PDF 文件',
      });
      const docx = await submit(newIp(), {}, [{ name: 'a.txt', content: Buffer.from('hello') }]);
      expect(docx.statusCode).toBe(400);

      const seven = Array.from({ length: 7 }, (_, i) => ({
        name: `p${i}.png`,
        content: pngWithLocation(),
      }));
      const many = await submit(newIp(), {}, seven);
      expect(many.statusCode).toBe(400);
      expect(many.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'files',
        message: '一次最多上传6个文件',
      });

      const big = Buffer.concat([pngWithLocation(), Buffer.alloc(t.config.uploadLimitBytes)]);
      const tooBig = await submit(newIp(), {}, [{ name: 'big.png', content: big }]);
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json<ErrorBody>().error.fields[0]!.message).toMatch(/^单个文件不能超过\d+MB$/);
    });
  });

  describe('follow-up with the receipt code', () => {
    let codeA: string;
    let codeB: string;
    let tipA: number;
    let questionId: number;
    let replyId: number;
    let staffUserId: number;

    beforeAll(async () => {
      const ip = newIp();
      codeA = (
        await submit(ip, { subject: '甲企业的举报事项' }, [
          { name: '甲的照片.png', content: pngWithLocation() },
        ])
      ).json<Receipt>().receiptCode;
      codeB = (await submit(newIp(), { subject: '乙企业的举报事项' })).json<Receipt>().receiptCode;
      tipA = (await tipRow(codeA)).id;
      staffUserId = (
        await t.db.kysely
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'weihua')
          .executeTakeFirstOrThrow()
      ).id;
      const message = async (kind: string, body: string) =>
        Number(
          (
            await t.db.kysely
              .insertInto('tip_messages')
              .values({
                tip_id: tipA,
                kind,
                body,
                author_user_id: staffUserId,
                author_name: '王危化',
                created_at: nowIso(),
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      await message('note', '内部备注：举报人疑似该企业前员工');
      replyId = await message('reply', '您的举报已收到，我们将尽快核查。');
      questionId = await message('question', '请问动火作业一般在几点进行？');
      // A staff file on the internal note: never shown to the reporter.
      await t.db.kysely
        .insertInto('tip_files')
        .values({
          tip_id: tipA,
          message_id: null,
          storage_key: 'tips/internal/evidence',
          file_name: '内部取证.pdf',
          mime_type: 'application/pdf',
          size_bytes: 10,
          from_reporter: 0,
          created_at: nowIso(),
        })
        .execute();
      await t.db.kysely
        .insertInto('tip_events')
        .values({
          tip_id: tipA,
          action: 'accept',
          from_status: 'received',
          to_status: 'accepted',
          actor_id: staffUserId,
          actor_name: '王危化',
          at: nowIso(),
          note: '内部：交危化室',
          idempotency_key: null,
        })
        .execute();
      await t.db.kysely
        .updateTable('tips')
        .set({ status: 'accepted' })
        .where('id', '=', tipA)
        .execute();
    });

    it('reveals only its own tip, public replies and questions, never internal notes or names', async () => {
      const res = await lookup(newIp(), codeA.replace(/(\d{4})(?=\d)/g, '$1 '));
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      const view = res.json<PublicTipView>();
      expect(view.subject).toBe('甲企业的举报事项');
      expect(view.status).toBe('accepted');
      expect(view.enterpriseName).toBe('甲区化工企业');
      expect(view.districtName).toBe('甲区应急管理局');
      expect(view.timeline.map((e) => e.status)).toEqual(['received', 'accepted']);
      expect(view.messages.map((m) => [m.kind, m.body, m.unitName, m.answered])).toEqual([
        ['reply', '您的举报已收到，我们将尽快核查。', '甲区应急管理局危化室', false],
        ['question', '请问动火作业一般在几点进行？', '甲区应急管理局危化室', false],
      ]);
      expect(view.files.map((f) => f.fileName)).toEqual(['甲的照片.png']);
      for (const secret of ['内部备注', '王危化', 'weihua', '内部取证', '交危化室', '乙企业']) {
        expect(res.body).not.toContain(secret);
      }
      const other = (await lookup(newIp(), codeB)).json<PublicTipView>();
      expect(other.subject).toBe('乙企业的举报事项');
      expect(other.messages).toEqual([]);
    });

    it('answers a wrong code with a generic 404, and a malformed one with 400', async () => {
      const ip = newIp();
      const wrong = await lookup(ip, '0000 0000 0000 0000');
      expect(wrong.statusCode).toBe(404);
      expect(wrong.json<ErrorBody>().error.fields).toEqual([
        { path: 'code', message: '回执码不正确，或没有对应的举报。请核对后重新输入' },
      ]);
      const malformed = await lookup(ip, '1234');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'code',
        message: '回执码应为16位数字',
      });
      // Never in a URL: the status route takes no query string and GET is not a route.
      const get = await send(ip, {
        method: 'GET',
        url: `/api/v1/public/tips/status?code=${codeA}`,
      });
      expect(get.statusCode).toBe(404);
    });

    it('logs unknown codes with a hash prefix only', async () => {
      const lines: Record<string, unknown>[] = [];
      const deps = depsOf(t.app);
      const guard = new PublicTipGuard(challengeKey('x'.repeat(32)));
      const call = {
        requestId: 'r1',
        client: '192.0.2.55',
        guard,
        log: { warn: (obj: Record<string, unknown>) => void lines.push(obj) },
      };
      await expect(lookupTip(deps, call, '9999888877776666')).rejects.toMatchObject({
        statusCode: 404,
      });
      expect(lines).toEqual([{ receiptHashPrefix: sha256Hex('9999888877776666').slice(0, 8) }]);
      expect(JSON.stringify(lines)).not.toContain('192.0.2.55');
      expect(JSON.stringify(lines)).not.toContain('9999888877776666');
    });

    it('counts wrong codes: after ten, the address is refused even with a right code', async () => {
      const ip = newIp();
      for (let i = 0; i < 10; i++) {
        expect((await lookup(ip, `${1000000000000000 + i}`)).statusCode).toBe(404);
      }
      const blocked = await lookup(ip, codeA);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<ErrorBody>().error.message).toBe('请求过于频繁，请稍后再试');
      expect((await lookup(newIp(), codeA)).statusCode).toBe(200);
    });

    it('adds information with files, shown back to the reporter', async () => {
      const ip = newIp();
      const body = multipart({ code: codeA, text: '补充：动火点在3号储罐东侧。' }, [
        { name: '补充照片.png', content: pngWithLocation() },
      ]);
      const res = await send(ip, { method: 'POST', url: '/api/v1/public/tips/info', ...body });
      expect(res.statusCode).toBe(200);
      const view = res.json<PublicTipView>();
      const added = view.messages.find((m) => m.kind === 'reporter_info')!;
      expect(added).toMatchObject({ body: '补充：动火点在3号储罐东侧。', unitName: null });
      expect(view.files.find((f) => f.fileName === '补充照片.png')).toMatchObject({
        messageId: added.id,
        fromReporter: true,
      });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'tip.reporter_info_added')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ entity_id: String(tipA), actor_id: null, ip: null });

      const plain = await send(ip, {
        method: 'POST',
        url: '/api/v1/public/tips/info',
        payload: { code: codeA, text: '只有文字的补充' },
      });
      expect(plain.statusCode).toBe(200);
      const empty = await send(ip, {
        method: 'POST',
        url: '/api/v1/public/tips/info',
        payload: { code: codeA, text: '  ' },
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<ErrorBody>().error.fields[0]!.message).toBe('请填写补充内容或上传文件');
    });

    it('answers a question of its own tip only', async () => {
      const ip = newIp();
      const answer = (id: number, code = codeA) =>
        send(ip, {
          method: 'POST',
          url: '/api/v1/public/tips/answer',
          payload: { code, questionId: id, text: '一般在晚上十点以后。' },
        });
      expect((await answer(replyId)).statusCode).toBe(404);
      expect((await answer(questionId, codeB)).statusCode).toBe(404);
      const res = await answer(questionId);
      expect(res.statusCode).toBe(200);
      const view = res.json<PublicTipView>();
      expect(view.messages.find((m) => m.id === questionId)!.answered).toBe(true);
      expect(view.messages.at(-1)).toMatchObject({
        kind: 'reporter_answer',
        body: '一般在晚上十点以后。',
      });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'tip.reporter_answered')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.changes!)).toMatchObject({ questionId });
      expect(audit.ip).toBeNull();
    });

    it('downloads its own files only, with a safe file name', async () => {
      const ip = newIp();
      const view = (await lookup(ip, codeA)).json<PublicTipView>();
      const own = view.files[0]!;
      const res = await send(ip, {
        method: 'POST',
        url: `/api/v1/public/tips/files/${own.id}`,
        payload: { code: codeA },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
      const internal = await t.db.kysely
        .selectFrom('tip_files')
        .select('id')
        .where('file_name', '=', '内部取证.pdf')
        .executeTakeFirstOrThrow();
      const denied = await send(ip, {
        method: 'POST',
        url: `/api/v1/public/tips/files/${internal.id}`,
        payload: { code: codeA },
      });
      expect(denied.statusCode).toBe(404);
      const otherTip = await send(ip, {
        method: 'POST',
        url: `/api/v1/public/tips/files/${own.id}`,
        payload: { code: codeB },
      });
      expect(otherTip.statusCode).toBe(404);
    });

    it('refuses additions once the tip is closed', async () => {
      const code = (await submit(newIp())).json<Receipt>().receiptCode;
      await t.db.kysely
        .updateTable('tips')
        .set({ status: 'closed' })
        .where('receipt_hash', '=', sha256Hex(code))
        .execute();
      const ip = newIp();
      const view = (await lookup(ip, code)).json<PublicTipView>();
      expect(view.canAddInfo).toBe(false);
      const res = await send(ip, {
        method: 'POST',
        url: '/api/v1/public/tips/info',
        payload: { code, text: '还想补充' },
      });
      expect(res.statusCode).toBe(409);
    });
  });

  describe('receipt codes', () => {
    it('are 16 random digits, unique, and only their hash is kept', async () => {
      const codes = Array.from({ length: 2000 }, () => newReceiptCode().code);
      expect(codes.every((c) => /^[0-9]{16}$/.test(c))).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
      // Every digit appears in every position (a broken generator would fix some).
      for (let pos = 0; pos < 16; pos++) {
        expect(new Set(codes.map((c) => c[pos])).size).toBe(10);
      }
      const deps = depsOf(t.app);
      const made = [];
      for (let i = 0; i < 5; i++) {
        made.push(
          // The seed's way in: the form fields only (defaults filled by the domain schema).
          await submitTip(
            deps,
            {
              enterpriseId: t.enterprises.miningA,
              subject: `批量举报${i}`,
              description: '井下通风系统不正常，工作面瓦斯检测仪损坏。',
              anonymous: true,
            },
            [],
            { receivedAt: '2025-06-0' + (i + 1) + 'T02:00:00.000Z' },
          ),
        );
      }
      expect(new Set(made.map((m) => m.receiptCode)).size).toBe(5);
      expect(made.map((m) => m.number)).toEqual(
        [1, 2, 3, 4, 5].map((n) => `甲举〔2025〕000${n}号`),
      );
      for (const m of made) {
        const row = await t.db.kysely
          .selectFrom('tips')
          .select(['id', 'receipt_hash'])
          .where('id', '=', m.tipId)
          .executeTakeFirstOrThrow();
        expect(row.receipt_hash).toBe(sha256Hex(m.receiptCode));
      }
    });
  });

  describe('XSS payloads', () => {
    it('are stored verbatim and returned as JSON text', async () => {
      const script = '<script>alert("x")</script>';
      const name = '<img src=x onerror=alert(1)>.png';
      const ip = newIp();
      const res = await submit(
        ip,
        { subject: `动火${script}`, description: `描述${script}描述描述` },
        [{ name, content: pngWithLocation() }],
      );
      expect(res.statusCode).toBe(201);
      const code = res.json<Receipt>().receiptCode;
      const row = await tipRow(code);
      expect(row.subject).toBe(`动火${script}`);
      const view = await lookup(ip, code);
      expect(view.headers['content-type']).toMatch(/^application\/json/);
      const body = view.json<PublicTipView>();
      expect(body.subject).toBe(`动火${script}`);
      expect(body.files[0]!.fileName).toBe(name);
      const file = await send(ip, {
        method: 'POST',
        url: `/api/v1/public/tips/files/${body.files[0]!.id}`,
        payload: { code },
      });
      // The header carries the name quoted and percent-encoded, never as markup to render.
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('public enterprise search and districts', () => {
    it('returns operating enterprises by name, with name and district only', async () => {
      const ip = newIp();
      const res = await send(ip, {
        method: 'GET',
        url: `/api/v1/public/enterprises?q=${encodeURIComponent('化工')}`,
      });
      expect(res.statusCode).toBe(200);
      const items = res.json<Record<string, unknown>[]>();
      expect(items.map((e) => e.name).sort()).toEqual(['乙区化工企业', '甲区化工企业']);
      expect(Object.keys(items[0]!).sort()).toEqual(['districtId', 'districtName', 'id', 'name']);
      const short = await send(ip, {
        method: 'GET',
        url: '/api/v1/public/enterprises?q=%E5%8C%96',
      });
      expect(short.json()).toEqual([]);
      const wildcard = await send(ip, {
        method: 'GET',
        url: '/api/v1/public/enterprises?q=%25%25',
      });
      expect(wildcard.json()).toEqual([]);
      const districts = await send(ip, { method: 'GET', url: '/api/v1/public/districts' });
      expect(districts.json()).toEqual([
        { id: t.org.districtA, name: '甲区应急管理局' },
        { id: t.org.districtB, name: '乙区应急管理局' },
      ]);
    });
  });

  describe('rate limits per address', () => {
    it('submissions: 5 an hour', async () => {
      const ip = newIp();
      for (let i = 0; i < 5; i++) expect((await submit(ip)).statusCode).toBe(201);
      const sixth = await submit(ip);
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json<ErrorBody>().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: '请求过于频繁，请稍后再试',
      });
      expect((await submit(newIp())).statusCode).toBe(201);
    });

    it('challenges: 30 in ten minutes', async () => {
      const ip = newIp();
      for (let i = 0; i < 30; i++) await challenge(ip);
      const res = await send(ip, { method: 'POST', url: '/api/v1/public/tips/challenge' });
      expect(res.statusCode).toBe(429);
    });

    it('lookups: 20 in ten minutes across every route that takes a code', async () => {
      const ip = newIp();
      const code = '1111 2222 3333 4444';
      for (let i = 0; i < 5; i++) {
        await send(ip, {
          method: 'POST',
          url: '/api/v1/public/tips/status',
          payload: { code: '12' },
        });
        await send(ip, {
          method: 'POST',
          url: '/api/v1/public/tips/info',
          payload: { code: '12' },
        });
        await send(ip, {
          method: 'POST',
          url: '/api/v1/public/tips/answer',
          payload: { code: '12', questionId: 1, text: 'x' },
        });
        await send(ip, {
          method: 'POST',
          url: '/api/v1/public/tips/files/1',
          payload: { code: '12' },
        });
      }
      const res = await lookup(ip, code);
      expect(res.statusCode).toBe(429);
      expect(res.json<ErrorBody>().error.message).toBe('请求过于频繁，请稍后再试');
    });

    it('enterprise search: 60 in ten minutes', async () => {
      const ip = newIp();
      for (let i = 0; i < 60; i++) {
        await send(ip, { method: 'GET', url: '/api/v1/public/enterprises?q=abc' });
      }
      const res = await send(ip, { method: 'GET', url: '/api/v1/public/enterprises?q=abc' });
      expect(res.statusCode).toBe(429);
    });
  });
});
