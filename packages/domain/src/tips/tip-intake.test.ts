import { describe, expect, it } from 'vitest';
import {
  formatReceiptCode,
  leadingZeroBits,
  normalizeReceiptCode,
  powSatisfied,
  publicTipFormSchema,
  publicTipSubmitSchema,
  receiptCodeSchema,
  sha256HexOfText,
  solvePowChunk,
  tipAddInfoSchema,
  tipAnswerSchema,
  utf8Bytes,
} from './tip-intake.js';

describe('receipt codes', () => {
  it('accepts 16 digits typed with spaces, dashes or full-width digits', () => {
    expect(normalizeReceiptCode('1234567890123456')).toBe('1234567890123456');
    expect(normalizeReceiptCode('1234 5678 9012 3456')).toBe('1234567890123456');
    expect(normalizeReceiptCode(' 1234-5678-9012-3456 ')).toBe('1234567890123456');
    expect(normalizeReceiptCode('１２３４　５６７８　９０１２　３４５６')).toBe('1234567890123456');
    expect(normalizeReceiptCode('0000000000000000')).toBe('0000000000000000');
  });

  it('refuses anything that is not exactly 16 digits', () => {
    for (const bad of ['', '123456789012345', '12345678901234567', '1234 5678 9012 345a', 'abcd']) {
      expect(normalizeReceiptCode(bad)).toBeNull();
    }
  });

  it('formats four groups of four', () => {
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(formatReceiptCode('1234-5678-9012-3456')).toBe('1234 5678 9012 3456');
  });

  it('the schema normalises and answers in Chinese', () => {
    expect(receiptCodeSchema.parse('1234 5678 9012 3456')).toBe('1234567890123456');
    const bad = receiptCodeSchema.safeParse('1234');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('回执码应为16位数字');
  });
});

describe('SHA-256', () => {
  // Vectors from FIPS 180-4 and node:crypto, around the one- and two-block padding boundaries.
  const vectors: [string, string][] = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['a'.repeat(55), '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318'],
    ['a'.repeat(56), 'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a'],
    ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
    ['举报隐患🔥', 'e0e5a348d34f751426274af5974212b86ed708984ae3e18b1490f5b0f7054fe3'],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ];
  for (const [text, hex] of vectors) {
    it(`hashes a ${text.length}-character text`, () => {
      expect(sha256HexOfText(text)).toBe(hex);
    });
  }

  it('encodes UTF-8 like the platform', () => {
    expect([...utf8Bytes('a举🔥')]).toEqual([0x61, 0xe4, 0xb8, 0xbe, 0xf0, 0x9f, 0x94, 0xa5]);
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80, 0]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x01]))).toBe(23);
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32);
  });
});

describe('proof-of-work', () => {
  const challenge = '0123456789abcdef0123456789abcdef';

  it('a solved nonce satisfies the challenge and other nonces mostly do not', () => {
    const nonce = solvePowChunk(challenge, 12, 0, 1_000_000);
    expect(nonce).not.toBeNull();
    expect(powSatisfied(challenge, nonce!, 12)).toBe(true);
    expect(powSatisfied(challenge, nonce!, 40)).toBe(false);
    // The solver returns the first hit: every smaller nonce fails.
    for (let n = 0; n < Number(nonce); n += Math.max(1, Math.floor(Number(nonce) / 50))) {
      expect(powSatisfied(challenge, String(n), 12)).toBe(false);
    }
    // The same nonce for another challenge is (almost surely) no solution.
    expect(powSatisfied('f'.repeat(32), nonce!, 12)).toBe(
      leadingZeroBits(hexBytes(sha256HexOfText('f'.repeat(32) + nonce!))) >= 12,
    );
  });

  it('agrees with the plain hash', () => {
    for (let n = 0; n < 200; n++) {
      const zeros = leadingZeroBits(hexBytes(sha256HexOfText(challenge + n)));
      expect(powSatisfied(challenge, String(n), zeros)).toBe(true);
      expect(powSatisfied(challenge, String(n), zeros + 1)).toBe(false);
    }
  });

  it('refuses malformed nonces', () => {
    expect(powSatisfied(challenge, '', 0)).toBe(false);
    expect(powSatisfied(challenge, '12a', 0)).toBe(false);
    expect(powSatisfied(challenge, '1'.repeat(17), 0)).toBe(false);
  });

  it('returns null when a chunk holds no solution', () => {
    expect(solvePowChunk(challenge, 32, 0, 50)).toBeNull();
  });
});

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

describe('public tip form', () => {
  const base = {
    enterpriseId: 7,
    subject: '储罐区违规动火',
    description: '夜间在储罐区动火作业，没有动火作业票，也没有人监护。',
    anonymous: true,
  };

  it('accepts an anonymous tip about a registered enterprise', () => {
    const v = publicTipFormSchema.parse(base);
    expect(v).toMatchObject({
      enterpriseId: 7,
      enterpriseText: null,
      districtId: null,
      place: null,
      insider: false,
      reporterName: null,
      reporterPhone: null,
    });
  });

  it('drops a name and phone left in an anonymous form', () => {
    const v = publicTipFormSchema.parse({
      ...base,
      reporterName: '张三',
      reporterPhone: '13904771234',
    });
    expect(v.reporterName).toBeNull();
    expect(v.reporterPhone).toBeNull();
  });

  it('needs a typed enterprise and a district when none was picked', () => {
    const r = publicTipFormSchema.safeParse({ ...base, enterpriseId: null, enterpriseText: ' ' });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages.enterpriseText).toBe('请选择或填写被举报的单位（或场所）');
    expect(messages.districtId).toBe('请选择所在区县');
    expect(
      publicTipFormSchema.safeParse({
        ...base,
        enterpriseId: null,
        enterpriseText: '城郊无名加油点',
        districtId: 3,
      }).success,
    ).toBe(true);
  });

  it('a named tip needs a name and a valid phone', () => {
    const r = publicTipFormSchema.safeParse({ ...base, anonymous: false });
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      '实名举报请填写姓名',
      '实名举报请填写联系电话',
    ]);
    const badPhone = publicTipFormSchema.safeParse({
      ...base,
      anonymous: false,
      reporterName: '张三',
      reporterPhone: '12345',
    });
    expect(badPhone.error!.issues[0]!.message).toBe('请填写正确的手机号或固定电话（含区号）');
    for (const phone of ['13904771234', '0477-8321234', '04778321234']) {
      const ok = publicTipFormSchema.parse({
        ...base,
        anonymous: false,
        reporterName: '张三',
        reporterPhone: phone,
        insider: true,
      });
      expect(ok).toMatchObject({ reporterName: '张三', reporterPhone: phone, insider: true });
    }
  });

  it('gives Chinese messages for short or long texts', () => {
    const r = publicTipFormSchema.safeParse({ ...base, subject: 'a', description: '太短' });
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      '请填写举报事项（至少2个字）',
      '请具体描述隐患或违法行为（至少10个字）',
    ]);
    expect(
      publicTipFormSchema.safeParse({ ...base, description: 'x'.repeat(5001) }).error!.issues[0]!
        .message,
    ).toBe('举报内容不超过5000字');
  });

  it('refuses unknown fields and a submission without a solved challenge', () => {
    expect(publicTipFormSchema.safeParse({ ...base, ip: '1.2.3.4' }).success).toBe(false);
    const r = publicTipSubmitSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['pow']);
    const pow = {
      challenge: 'a'.repeat(32),
      difficulty: 18,
      expiresAt: '2026-01-01T00:00:00.000Z',
      signature: 'b'.repeat(64),
      nonce: '123',
    };
    expect(publicTipSubmitSchema.safeParse({ ...base, pow }).success).toBe(true);
  });
});

describe('follow-up inputs', () => {
  it('normalise the code and check the texts', () => {
    expect(tipAddInfoSchema.parse({ code: '1234-5678-9012-3456' })).toEqual({
      code: '1234567890123456',
      text: '',
    });
    const answer = tipAnswerSchema.safeParse({ code: '1', questionId: 1, text: '' });
    expect(answer.error!.issues.map((i) => i.message).sort()).toEqual(
      ['回执码应为16位数字', '请填写回答内容'].sort(),
    );
  });
});
