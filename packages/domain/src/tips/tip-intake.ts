import { z } from 'zod';
import {
  REPORTER_VISIBLE_MESSAGE_KINDS,
  TIP_STATUSES,
  TIP_VERIFICATION_RESULTS,
  type TipMessageKind,
  type TipStatus,
} from './tip-workflow.js';

// The public tip page (举报, issue 8): what a citizen submits, the receipt code they get back,
// the follow-up they may do with it, and the proof-of-work that protects the form from floods
// without any third-party service. Shared by the server (validation, verification) and the web
// page (form rules, solving the challenge), so the SHA-256 below is plain TypeScript: it runs
// the same in Node and in a browser's Web Worker.

// ---------------------------------------------------------------------------------------------
// Receipt codes

/** Digits of a receipt code: 10^16 possible codes, so guessing one is hopeless. */
export const RECEIPT_CODE_DIGITS = 16;

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

/**
 * The 16 digits of a receipt code as typed (spaces, dashes and full-width digits accepted), or
 * null when it is not 16 digits.
 */
export function normalizeReceiptCode(input: string): string | null {
  const ascii = input.replace(FULL_WIDTH_DIGIT, (d) =>
    String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30),
  );
  const digits = ascii.replace(/[\s\-\u2013\u2014\u3000]/g, '');
  return /^[0-9]{16}$/.test(digits) ? digits : null;
}

/** A receipt code for display: four groups of four digits ("1234 5678 9012 3456"). */
export function formatReceiptCode(code: string): string {
  const digits = normalizeReceiptCode(code) ?? code;
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** A receipt code field: normalised to 16 digits, with a Chinese message when malformed. */
export const receiptCodeSchema = z
  .string({ message: '请输入回执码' })
  .max(40, { message: '回执码应为16位数字' })
  .transform((value, ctx) => {
    const code = normalizeReceiptCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: '回执码应为16位数字' });
      return z.NEVER;
    }
    return code;
  });

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), for the proof-of-work

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const W = new Uint32Array(64);

function compress(h: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/** UTF-8 bytes of a string (no TextEncoder: the domain package runs without DOM or Node types). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
      out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 0x3f),
        0x80 | ((cp >> 6) & 0x3f),
        0x80 | (cp & 0x3f),
      );
  }
  return Uint8Array.from(out);
}

/** The SHA-256 digest (32 bytes) of some bytes. */
export function sha256Digest(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  const padded = new Uint8Array((((length + 9 + 63) >> 6) << 6) >>> 0);
  padded.set(bytes);
  padded[length] = 0x80;
  const end = padded.length;
  // Message length in bits, big-endian, in the last 8 bytes.
  const high = Math.floor(length / 0x20000000);
  const low = (length << 3) >>> 0;
  padded[end - 8] = (high >>> 24) & 0xff;
  padded[end - 7] = (high >>> 16) & 0xff;
  padded[end - 6] = (high >>> 8) & 0xff;
  padded[end - 5] = high & 0xff;
  padded[end - 4] = (low >>> 24) & 0xff;
  padded[end - 3] = (low >>> 16) & 0xff;
  padded[end - 2] = (low >>> 8) & 0xff;
  padded[end - 1] = low & 0xff;
  const h = Uint32Array.from(H0);
  for (let offset = 0; offset < end; offset += 64) compress(h, padded, offset);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = h[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 0xff;
    out[i * 4 + 2] = (v >>> 8) & 0xff;
    out[i * 4 + 3] = v & 0xff;
  }
  return out;
}

/** The SHA-256 of a string's UTF-8 bytes, as lowercase hex. */
export function sha256HexOfText(text: string): string {
  let hex = '';
  for (const b of sha256Digest(utf8Bytes(text))) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** How many leading bits of a digest are zero. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

// ---------------------------------------------------------------------------------------------
// Proof-of-work

/**
 * Leading zero bits a solution needs: about 2^18 ≈ 260 000 hashes on average, around a second
 * on a phone, while a flood of thousands of submissions costs the sender hours.
 */
export const POW_DEFAULT_DIFFICULTY = 18;
/** How long a challenge may be solved and used. */
export const POW_CHALLENGE_TTL_MINUTES = 10;
/** Longest nonce accepted (decimal digits). */
export const POW_NONCE_MAX_LENGTH = 16;

/** True when SHA-256(challenge + nonce) starts with `difficulty` zero bits. */
export function powSatisfied(challenge: string, nonce: string, difficulty: number): boolean {
  if (!/^[0-9]{1,16}$/.test(nonce) || !Number.isInteger(difficulty) || difficulty < 0) return false;
  return leadingZeroBits(sha256Digest(utf8Bytes(challenge + nonce))) >= difficulty;
}

/**
 * Tries nonces start, start+1, … (count of them); returns the first that satisfies the
 * challenge, or null. Callers run it in chunks (a Web Worker, or between UI frames).
 */
export function solvePowChunk(
  challenge: string,
  difficulty: number,
  start: number,
  count: number,
): string | null {
  const prefix = utf8Bytes(challenge);
  // Reuse one buffer: challenge bytes, then the nonce's ASCII digits.
  const buf = new Uint8Array(prefix.length + POW_NONCE_MAX_LENGTH);
  buf.set(prefix);
  for (let n = start; n < start + count; n++) {
    const nonce = String(n);
    for (let i = 0; i < nonce.length; i++) buf[prefix.length + i] = nonce.charCodeAt(i);
    const digest = sha256Digest(buf.subarray(0, prefix.length + nonce.length));
    if (leadingZeroBits(digest) >= difficulty) return nonce;
  }
  return null;
}

/** A challenge as the server issues it (stateless: the signature proves the server made it). */
export const powChallengeSchema = z.object({
  challenge: z.string(),
  difficulty: z.number().int(),
  expiresAt: z.string(),
  signature: z.string(),
});
export type PowChallenge = z.infer<typeof powChallengeSchema>;

/** A solved challenge sent back with a submission. */
export const powSolutionSchema = z.strictObject(
  {
    challenge: z.string().regex(/^[0-9a-f]{32}$/, { message: '验证数据无效，请重新提交' }),
    difficulty: z.number().int().min(1).max(40),
    expiresAt: z.string().max(40),
    signature: z.string().regex(/^[0-9a-f]{64}$/, { message: '验证数据无效，请重新提交' }),
    nonce: z.string().regex(/^[0-9]{1,16}$/, { message: '验证数据无效，请重新提交' }),
  },
  { message: '缺少人机验证数据，请重新提交' },
);
export type PowSolution = z.infer<typeof powSolutionSchema>;

// ---------------------------------------------------------------------------------------------
// The public form

/** Most files one submission (or one addition) may carry. */
export const TIP_FILES_MAX = 6;
/** What the file picker offers: photos (JPEG, PNG, WebP) and PDF documents. */
export const TIP_FILE_ACCEPT =
  '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf';

/** A mainland mobile number (11 digits) or a landline with its area code. */
export const reporterPhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/, {
    message: '请填写正确的手机号或固定电话（含区号）',
  });

function optionalText(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max, { message })
    .nullish()
    .transform((v) => (v ? v : null));
}

const tipFormShape = {
  /** The enterprise picked from the public search, when it is in the registry. */
  enterpriseId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** The enterprise or place as typed, when not picked. */
  enterpriseText: optionalText(100, '被举报单位名称不超过100字'),
  /** The district chosen when the enterprise was typed. */
  districtId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  subject: z
    .string({ message: '请填写举报事项' })
    .trim()
    .min(2, { message: '请填写举报事项（至少2个字）' })
    .max(100, { message: '举报事项不超过100字' }),
  description: z
    .string({ message: '请描述举报内容' })
    .trim()
    .min(10, { message: '请具体描述隐患或违法行为（至少10个字）' })
    .max(5000, { message: '举报内容不超过5000字' }),
  place: optionalText(200, '具体位置不超过200字'),
  anonymous: z.boolean({ message: '请选择匿名或实名举报' }),
  /** The reporter works at the enterprise (内部吹哨人). */
  insider: z.boolean().default(false),
  reporterName: optionalText(50, '姓名不超过50字'),
  reporterPhone: optionalText(20, '电话号码格式不正确'),
};

type TipFormFields = {
  enterpriseId: number | null;
  enterpriseText: string | null;
  districtId: number | null;
  anonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
};

function checkTipForm(v: TipFormFields, ctx: z.RefinementCtx): void {
  if (v.enterpriseId === null) {
    if (!v.enterpriseText) {
      ctx.addIssue({
        code: 'custom',
        path: ['enterpriseText'],
        message: '请选择或填写被举报的单位（或场所）',
      });
    }
    if (v.districtId === null) {
      ctx.addIssue({ code: 'custom', path: ['districtId'], message: '请选择所在区县' });
    }
  }
  if (!v.anonymous) {
    if (!v.reporterName) {
      ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '实名举报请填写姓名' });
    }
    if (!v.reporterPhone) {
      ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: '实名举报请填写联系电话' });
    } else if (!reporterPhoneSchema.safeParse(v.reporterPhone).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['reporterPhone'],
        message: '请填写正确的手机号或固定电话（含区号）',
      });
    }
  }
}

/** An anonymous tip keeps no name or phone, even if the form still held them. */
function dropIdentityIfAnonymous<T extends TipFormFields>(v: T): T {
  return v.anonymous ? { ...v, reporterName: null, reporterPhone: null } : v;
}

/** The fields of the public tip form (the web form validates with this before solving the challenge). */
export const publicTipFormSchema = z
  .strictObject(tipFormShape)
  .superRefine(checkTipForm)
  .transform(dropIdentityIfAnonymous);
export type PublicTipFormInput = z.input<typeof publicTipFormSchema>;
export type PublicTipForm = z.output<typeof publicTipFormSchema>;

/** What the browser submits: the form and a solved challenge. */
export const publicTipSubmitSchema = z
  .strictObject({ ...tipFormShape, pow: powSolutionSchema })
  .superRefine(checkTipForm)
  .transform(dropIdentityIfAnonymous);
export type PublicTipSubmitInput = z.input<typeof publicTipSubmitSchema>;
export type PublicTipSubmit = z.output<typeof publicTipSubmitSchema>;

/** The answer to a submission: the receipt code (shown once) and the tip's number. */
export const publicTipReceiptSchema = z.object({ receiptCode: z.string(), number: z.string() });
export type PublicTipReceipt = z.infer<typeof publicTipReceiptSchema>;

// ---------------------------------------------------------------------------------------------
// Follow-up with the receipt code (always in a POST body, never in a URL)

/** Looking a tip up by its receipt code. */
export const tipLookupSchema = z.strictObject({ code: receiptCodeSchema });

/** Information the reporter adds later (files travel beside it in the multipart request). */
export const tipAddInfoSchema = z.strictObject({
  code: receiptCodeSchema,
  text: z.string().trim().max(2000, { message: '补充内容不超过2000字' }).default(''),
});
export type TipAddInfoInput = z.input<typeof tipAddInfoSchema>;

/** The reporter's answer to a question from the handling unit. */
export const tipAnswerSchema = z.strictObject({
  code: receiptCodeSchema,
  questionId: z.number().int().positive(),
  text: z
    .string({ message: '请填写回答内容' })
    .trim()
    .min(1, { message: '请填写回答内容' })
    .max(2000, { message: '回答内容不超过2000字' }),
});
export type TipAnswerInput = z.input<typeof tipAnswerSchema>;

const reporterVisibleKindEnum = z.enum(
  REPORTER_VISIBLE_MESSAGE_KINDS as [TipMessageKind, ...TipMessageKind[]],
);

/** What a receipt code shows: its own tip's status, public replies and questions, own additions. */
export const publicTipViewSchema = z.object({
  number: z.string(),
  status: z.enum(TIP_STATUSES as [TipStatus, ...TipStatus[]]),
  verificationResult: z.enum(TIP_VERIFICATION_RESULTS).nullable(),
  receivedAt: z.string(),
  subject: z.string(),
  description: z.string(),
  place: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  districtName: z.string(),
  anonymous: z.boolean(),
  insider: z.boolean(),
  /** Status changes, oldest first. */
  timeline: z.array(
    z.object({ status: z.enum(TIP_STATUSES as [TipStatus, ...TipStatus[]]), at: z.string() }),
  ),
  messages: z.array(
    z.object({
      id: z.number(),
      kind: reporterVisibleKindEnum,
      body: z.string(),
      at: z.string(),
      /** The handling unit (never a staff member's name); null for the reporter's own. */
      unitName: z.string().nullable(),
      /** For a question: whether the reporter has answered since. */
      answered: z.boolean(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.number(),
      messageId: z.number().nullable(),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number(),
      fromReporter: z.boolean(),
      at: z.string(),
    }),
  ),
  /** Whether the reporter may still add information (not once the tip is closed). */
  canAddInfo: z.boolean(),
});
export type PublicTipView = z.infer<typeof publicTipViewSchema>;

/** An enterprise in the public search: its name and district only. */
export const publicEnterpriseSchema = z.object({
  id: z.number(),
  name: z.string(),
  districtId: z.number(),
  districtName: z.string(),
});
export type PublicEnterprise = z.infer<typeof publicEnterpriseSchema>;

/** A district the public form offers. */
export const publicDistrictSchema = z.object({ id: z.number(), name: z.string() });
export type PublicDistrict = z.infer<typeof publicDistrictSchema>;
