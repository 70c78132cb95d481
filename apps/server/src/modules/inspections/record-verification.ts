import {
  canonicalRecordText,
  type InspectionRecord,
  type InspectionRecordStatus,
  inspectionRecordSchema,
  normaliseRecordInstant,
  normaliseRecordText,
  type RecordScorecard,
  type RecordVerification,
  recordScorecardSchema,
  type SignatureCheck,
} from '@hazard-ledger/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './inspections.repository.js';
import { findSigningKeys, sha256Hex, verifyText } from './signing-keys.js';

// Verifying a record's signatures from what is stored: the canonical text is recomputed from the
// stored content (never read back from the canonical_text column), its SHA-256 compared with the
// stored verification code, and every signature checked against the recomputed text with the
// stored public key. Columns that repeat the content (place, times, enterprise, findings) must
// agree with it, so a change anywhere in a signed record's stored content is reported.

type Q = Kysely<Database> | Transaction<Database>;

/** The record's stored content parsed, or why it cannot be. */
export function parseStoredContent(
  content: string,
): { ok: true; record: InspectionRecord } | { ok: false; problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return { ok: false, problem: '记录内容不是有效的JSON' };
  }
  const parsed = inspectionRecordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: '记录内容不符合现场检查记录格式' };
  return { ok: true, record: parsed.data };
}

/** The stored scorecard snapshot parsed, or why it cannot be. */
export function parseStoredScorecard(
  text: string | null,
): { ok: true; scorecard: RecordScorecard } | { ok: false; problem: string } {
  if (text === null) return { ok: true, scorecard: null };
  try {
    const parsed = recordScorecardSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ok: true, scorecard: parsed.data };
  } catch {
    // falls through
  }
  return { ok: false, problem: '五项重点任务落实情况快照已损坏' };
}

/** The canonical text of a record from its stored parts. */
export function canonicalTextOf(
  row: { id: number; record_no: string },
  record: InspectionRecord,
  enterpriseName: string,
  scorecard: RecordScorecard,
): string {
  return canonicalRecordText({
    ...record,
    id: row.id,
    recordNo: row.record_no,
    enterpriseName,
    scorecard,
  });
}

const same = (a: string | null, b: string | null) => a === b;

/** The checks of one stored record (any status; unsigned drafts report nothing to verify). */
export async function verifyStoredRecord(db: Q, id: number): Promise<RecordVerification> {
  const row = await repo.findRecord(db, id);
  if (!row) throw new Error(`no inspection record ${id}`);
  const checkedAt = nowIso();
  const problems: string[] = [];
  const status = row.status as InspectionRecordStatus;
  const base = {
    recordId: row.id,
    recordNo: row.record_no,
    status,
    storedHash: row.content_hash,
    checkedAt,
  };
  if (status === 'draft' || row.content_hash === null) {
    return {
      ...base,
      valid: false,
      hashValid: false,
      computedHash: null,
      signatures: [],
      missingSigners: [],
      problems: ['记录尚未提交签名'],
    };
  }

  const content = parseStoredContent(row.content);
  const scorecard = parseStoredScorecard(row.scorecard);
  if (!content.ok) problems.push(content.problem);
  if (!scorecard.ok) problems.push(scorecard.problem);
  const record = content.ok ? content.record : null;
  const text =
    record && scorecard.ok
      ? canonicalTextOf(
          row,
          record,
          row.enterprise_name ?? row.current_enterprise_name,
          scorecard.scorecard,
        )
      : null;
  const computedHash = text === null ? null : sha256Hex(text);
  const hashValid = computedHash !== null && computedHash === row.content_hash;
  if (computedHash !== null && !hashValid) problems.push('由存储内容重新计算的验证码与记录不一致');
  if (text !== null && row.canonical_text !== text) problems.push('存储的签名原文与记录内容不一致');

  if (record) problems.push(...columnProblems(row, record));
  if (record && (status === 'signed' || status === 'superseded')) {
    problems.push(...(await findingProblems(db, row.id, record)));
  }
  if (record) problems.push(...(await inspectorRowProblems(db, row.id, record)));

  const signatures = await repo.listSignatures(db, row.id);
  const keys = await findSigningKeys(
    db,
    signatures.map((s) => s.key_id),
  );
  const inspectors = new Map((record?.inspectors ?? []).map((i) => [i.userId, i]));
  const checks: SignatureCheck[] = signatures.map((s) => {
    const named = inspectors.get(s.user_id);
    const key = keys.get(s.key_id);
    let problem: string | null = null;
    if (!named) problem = '签名人不是记录上的执法人员';
    else if (
      normaliseRecordText(named.name) !== s.signer_name ||
      normaliseRecordText(named.certificateNo) !== s.certificate_no
    )
      problem = '签名人姓名或执法证号与记录不一致';
    else if (!key || key.userId !== s.user_id) problem = '签名密钥不属于签名人';
    else if (text === null) problem = '记录内容无法还原，签名无法验证';
    else if (!verifyText(key.publicKey, text, s.signature)) problem = '签名与记录内容不符';
    return {
      userId: s.user_id,
      signerName: s.signer_name,
      certificateNo: s.certificate_no,
      signedAt: s.signed_at,
      valid: problem === null,
      problem,
    };
  });
  const signed = new Set(signatures.map((s) => s.user_id));
  const missingSigners = (record?.inspectors ?? [])
    .filter((i) => !signed.has(i.userId))
    .map((i) => i.name);
  if ((status === 'signed' || status === 'superseded') && missingSigners.length > 0) {
    problems.push(`缺少签名：${missingSigners.join('、')}`);
  }
  const invalid = checks.filter((c) => !c.valid);
  if (invalid.length > 0) {
    problems.push(...invalid.map((c) => `${c.signerName}的签名无效：${c.problem ?? ''}`));
  }
  const complete = status === 'signed' || status === 'superseded';
  return {
    ...base,
    valid: complete && problems.length === 0,
    hashValid,
    computedHash,
    signatures: checks,
    missingSigners,
    problems: complete ? problems : [...problems, '尚有执法人员未签名'],
  };
}

/** Columns that repeat the content must agree with it. */
function columnProblems(row: repo.RecordWithContext, record: InspectionRecord): string[] {
  const out: string[] = [];
  const instant = (v: string) => {
    try {
      return normaliseRecordInstant(v);
    } catch {
      return null;
    }
  };
  if (row.enterprise_id !== record.enterpriseId) out.push('被检查单位与记录内容不一致');
  if ((row.plan_id ?? null) !== (record.planId ?? null)) out.push('检查计划与记录内容不一致');
  if ((row.supersedes_record_id ?? null) !== (record.supersedesRecordId ?? null))
    out.push('更正关系与记录内容不一致');
  if (!same(instant(row.started_at), normaliseRecordInstant(record.startedAt)))
    out.push('检查开始时间与记录内容不一致');
  if (!same(instant(row.ended_at), normaliseRecordInstant(record.endedAt)))
    out.push('检查结束时间与记录内容不一致');
  if (normaliseRecordText(row.place) !== normaliseRecordText(record.place))
    out.push('检查场所与记录内容不一致');
  return out;
}

/** The finding rows (written at full signature) must match the signed findings. */
async function findingProblems(db: Q, recordId: number, record: InspectionRecord) {
  const rows = await repo.listFindingRows(db, recordId);
  if (rows.length !== record.findings.length) return ['发现问题的条数与签名内容不一致'];
  const out: string[] = [];
  rows.forEach((r, i) => {
    const f = record.findings[i]!;
    const code = f.catalogItemCode === null ? null : normaliseRecordText(f.catalogItemCode);
    if (r.seq !== i + 1 || r.level !== f.level || r.catalog_item_code !== code)
      out.push(`第${i + 1}项发现问题与签名内容不一致`);
    if ((r.penalty_decision ?? null) !== (f.penaltyDecision ?? null))
      out.push(`第${i + 1}项处罚决定与签名内容不一致`);
  });
  return out;
}

/** The inspector rows (lists, access) must name the same people as the content. */
async function inspectorRowProblems(db: Q, recordId: number, record: InspectionRecord) {
  const rows = await repo.listInspectorRows(db, recordId);
  // Rows are a convenience copy; fixtures written without them have nothing to compare.
  if (rows.length === 0) return [];
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  const mismatch =
    rows.length !== record.inspectors.length ||
    record.inspectors.some((i) => {
      const r = byUser.get(i.userId);
      return (
        !r ||
        r.name !== normaliseRecordText(i.name) ||
        r.certificate_no !== normaliseRecordText(i.certificateNo)
      );
    });
  return mismatch ? ['执法人员名单与记录内容不一致'] : [];
}
