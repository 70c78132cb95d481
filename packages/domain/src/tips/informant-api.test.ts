import { describe, expect, it } from 'vitest';
import {
  createInformantSchema,
  informantCode,
  informantDisplayName,
  informantReportSchema,
  maskName,
  proposeRewardSchema,
  rewardClaimRequestSchema,
  updateInformantSchema,
} from './informant-api.js';

const base = { name: '张三', phone: '13800001111', sectors: ['hazchem'], districtId: 3 };

describe('informant registry input', () => {
  it('needs an enterprise or an area', () => {
    const r = createInformantSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['area']);
    expect(createInformantSchema.parse({ ...base, area: '化工园区' }).area).toBe('化工园区');
    expect(createInformantSchema.parse({ ...base, enterpriseId: 5 }).enterpriseId).toBe(5);
  });

  it('treats an empty area as none and sorts sectors once each', () => {
    const r = createInformantSchema.parse({
      ...base,
      enterpriseId: 5,
      area: '  ',
      sectors: ['fireworks', 'hazchem', 'fireworks'],
    });
    expect(r.area).toBeNull();
    expect(r.sectors).toEqual(['fireworks', 'hazchem']);
  });

  it('refuses no sector, a bad phone and an unknown field; edits carry the version', () => {
    expect(createInformantSchema.safeParse({ ...base, area: 'x', sectors: [] }).success).toBe(
      false,
    );
    expect(createInformantSchema.safeParse({ ...base, area: 'x', phone: 'abc' }).success).toBe(
      false,
    );
    expect(createInformantSchema.safeParse({ ...base, area: 'x', extra: 1 }).success).toBe(false);
    expect(updateInformantSchema.safeParse({ ...base, area: 'x' }).success).toBe(false);
    expect(updateInformantSchema.safeParse({ ...base, area: 'x', version: 1 }).success).toBe(true);
  });
});

describe('informant identity in the open', () => {
  it('shows only a masked name and a code', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(informantCode(7)).toBe('XXY0007');
    expect(informantDisplayName('XXY0007')).toBe('信息员XXY0007');
  });
});

describe('reports and rewards input', () => {
  it('checks a report in Chinese', () => {
    const r = informantReportSchema.safeParse({ enterpriseId: 1, subject: '', description: '短' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join()).toMatch(/报告事项/);
  });

  it('defaults the proposed amount to the rules', () => {
    expect(proposeRewardSchema.parse({ tipId: 4 })).toEqual({
      tipId: 4,
      amountYuan: null,
      reason: null,
    });
    expect(proposeRewardSchema.safeParse({ tipId: 4, amountYuan: '12.345' }).success).toBe(false);
  });

  it('accepts a 16-digit receipt code with spaces or dashes', () => {
    expect(rewardClaimRequestSchema.parse({ code: '1234 5678-9012 3456' }).code).toBe(
      '1234567890123456',
    );
    expect(rewardClaimRequestSchema.safeParse({ code: '123456789012345' }).success).toBe(false);
    expect(rewardClaimRequestSchema.safeParse({ code: '123456789012345a' }).success).toBe(false);
  });
});
