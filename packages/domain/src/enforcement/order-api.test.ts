import { describe, expect, it } from 'vitest';
import {
  canonicalOrderText,
  canonicalReinspectionText,
  documentPrefixOf,
  enforcementDocumentNo,
  hazardDeadlineUnderOrder,
  imposeOnSiteMeasureRefusal,
  isOrderOverdue,
  issueOrderSchema,
  liftOnSiteMeasureRefusal,
  ORDER_DEFAULT_BASIS,
  ORDER_FORMAT,
  orderActionsOf,
  orderDeadlineRefusal,
  orderHazardRefusal,
  orderRefusal,
  persistingRejectsFix,
  REINSPECTION_FORMAT,
  reinspectionCoverageRefusal,
  reinspectionDateRefusal,
  reinspectionInspectorsRefusal,
  reinspectionOutcomeOf,
  reinspectionSchema,
  type CanonicalOrder,
} from './order-api.js';

const issues = (r: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('document numbers', () => {
  it('numbers per district, kind and year with four digits', () => {
    expect(documentPrefixOf('东胜区应急管理局')).toBe('东胜');
    expect(documentPrefixOf('甲区应急管理局')).toBe('甲');
    expect(enforcementDocumentNo('东胜区应急管理局', 'order', 2026, 3)).toBe(
      '东胜应急责改〔2026〕0003号',
    );
    expect(enforcementDocumentNo('东胜区应急管理局', 'reinspection', 2026, 12)).toBe(
      '东胜应急复查〔2026〕0012号',
    );
    expect(enforcementDocumentNo('伊金霍洛旗应急管理局', 'on_site_measure', 2027, 1)).toBe(
      '伊金霍洛应急现决〔2027〕0001号',
    );
  });
});

describe('order workflow', () => {
  it('acknowledges only once; re-inspects an issued or acknowledged order; closes after it', () => {
    expect(orderActionsOf('issued')).toEqual(['acknowledge', 'reinspect']);
    expect(orderActionsOf('acknowledged')).toEqual(['reinspect']);
    expect(orderActionsOf('reinspected')).toEqual([]);
    expect(orderRefusal('issued', 'acknowledge')).toBeNull();
    expect(orderRefusal('acknowledged', 'acknowledge')).toBe('企业已签收该指令书');
    expect(orderRefusal('reinspected', 'reinspect')).toContain('已复查');
  });

  it('is overdue after the deadline until re-inspected', () => {
    expect(isOrderOverdue({ status: 'issued', deadline: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isOrderOverdue({ status: 'acknowledged', deadline: '2026-03-10' }, '2026-03-11')).toBe(
      true,
    );
    expect(isOrderOverdue({ status: 'reinspected', deadline: '2026-03-10' }, '2026-04-01')).toBe(
      false,
    );
  });
});

describe('issuing an order', () => {
  it('pre-fills the legal basis and refuses duplicate or missing hazards', () => {
    const ok = issueOrderSchema.parse({
      inspectionRecordId: 1,
      deadline: '2026-03-20',
      items: [{ hazardId: 5, requirement: '加装紧急切断阀' }],
    });
    expect(ok.basis).toBe(ORDER_DEFAULT_BASIS);
    expect(ok.basis).toContain('第六十五条');
    expect(ok.basis).toContain('第一百零二条');
    expect(
      issues(
        issueOrderSchema.safeParse({
          inspectionRecordId: 1,
          deadline: '2026-03-20',
          items: [
            { hazardId: 5, requirement: '加装紧急切断阀' },
            { hazardId: 5, requirement: '再写一遍' },
          ],
        }),
      ),
    ).toEqual(['items.1.hazardId: 隐患重复']);
    expect(
      issues(
        issueOrderSchema.safeParse({ inspectionRecordId: 1, deadline: '2026-3-20', items: [] }),
      ),
    ).toEqual(['deadline: 日期格式应为YYYY-MM-DD', 'items: 请至少选择一项隐患']);
    expect(
      issues(
        issueOrderSchema.safeParse({
          inspectionRecordId: 1,
          deadline: '2026-03-20',
          items: [{ hazardId: 5, requirement: ' ' }],
        }),
      ),
    ).toEqual(['items.0.requirement: 请填写整改要求']);
  });

  it('takes a deadline on or after the issue date', () => {
    expect(orderDeadlineRefusal('2026-03-01', '2026-03-01')).toBeNull();
    expect(orderDeadlineRefusal('2026-03-01', '2026-02-28')).toBe('整改期限不能早于签发日期');
  });

  it('refuses verified hazards and hazards on another open order', () => {
    expect(
      orderHazardRefusal({ number: '甲-2026-000001', status: 'reported', openOrderNo: null }),
    ).toBeNull();
    expect(
      orderHazardRefusal({ number: '甲-2026-000001', status: 'verified', openOrderNo: null }),
    ).toContain('已验收销号');
    expect(
      orderHazardRefusal({
        number: '甲-2026-000001',
        status: 'rectifying',
        openOrderNo: '甲应急责改〔2026〕0001号',
      }),
    ).toContain('甲应急责改〔2026〕0001号');
  });

  it('binds the hazard deadline to the order: none or later takes the order’s, earlier stands', () => {
    expect(hazardDeadlineUnderOrder(null, '2026-03-20')).toBe('2026-03-20');
    expect(hazardDeadlineUnderOrder('2026-04-01', '2026-03-20')).toBe('2026-03-20');
    expect(hazardDeadlineUnderOrder('2026-03-20', '2026-03-20')).toBeNull();
    expect(hazardDeadlineUnderOrder('2026-03-10', '2026-03-20')).toBeNull();
  });
});

describe('re-inspection', () => {
  const input = {
    version: 2,
    reinspectedOn: '2026-03-20',
    inspectorUserIds: [3, 4],
    items: [{ hazardId: 5, result: 'rectified' }],
    opinion: '经复查，已按要求整改。',
  };

  it('needs two distinct inspectors, a result per hazard, and a note for persisting ones', () => {
    expect(reinspectionSchema.safeParse(input).success).toBe(true);
    expect(issues(reinspectionSchema.safeParse({ ...input, inspectorUserIds: [3] }))).toEqual([
      'inspectorUserIds: 复查须有两名以上执法人员',
    ]);
    expect(issues(reinspectionSchema.safeParse({ ...input, inspectorUserIds: [3, 3] }))).toEqual([
      'inspectorUserIds.1: 执法人员重复',
    ]);
    expect(
      issues(
        reinspectionSchema.safeParse({
          ...input,
          items: [{ hazardId: 5, result: 'persisting', note: '' }],
        }),
      ),
    ).toEqual(['items.0.note: 整改不到位的须说明存在的问题']);
  });

  it('checks the date against today, the issue date and the deadline', () => {
    const order = { issuedOn: '2026-03-01', deadline: '2026-03-15' };
    expect(
      reinspectionDateRefusal(
        order,
        { reinspectedOn: '2026-03-15', earlyReason: null },
        '2026-03-16',
      ),
    ).toBeNull();
    expect(
      reinspectionDateRefusal(
        order,
        { reinspectedOn: '2026-03-17', earlyReason: null },
        '2026-03-16',
      )?.message,
    ).toBe('复查日期不能晚于今天');
    expect(
      reinspectionDateRefusal(
        order,
        { reinspectedOn: '2026-02-28', earlyReason: null },
        '2026-03-16',
      )?.message,
    ).toBe('复查日期不能早于指令书签发日期');
    expect(
      reinspectionDateRefusal(
        order,
        { reinspectedOn: '2026-03-10', earlyReason: null },
        '2026-03-16',
      ),
    ).toMatchObject({ path: 'earlyReason' });
    expect(
      reinspectionDateRefusal(
        order,
        { reinspectedOn: '2026-03-10', earlyReason: '企业申请提前复查' },
        '2026-03-16',
      ),
    ).toBeNull();
  });

  it('covers every hazard of the order and nothing else', () => {
    expect(reinspectionCoverageRefusal([5, 6], [{ hazardId: 5 }, { hazardId: 6 }])).toBeNull();
    expect(reinspectionCoverageRefusal([5, 6], [{ hazardId: 5 }])?.path).toBe('items');
    expect(reinspectionCoverageRefusal([5], [{ hazardId: 5 }, { hazardId: 9 }])?.path).toBe(
      'items.1.hazardId',
    );
  });

  it('needs certified inspectors including the recorder', () => {
    const a = { userId: 3, name: '耿建', certificateNo: '15060223001' };
    const b = { userId: 4, name: '阮飞', certificateNo: '15060223002' };
    expect(reinspectionInspectorsRefusal([a, b], 3)).toBeNull();
    expect(reinspectionInspectorsRefusal([a], 3)?.message).toBe('复查须有两名以上执法人员');
    expect(reinspectionInspectorsRefusal([a, { ...b, certificateNo: null }], 3)).toEqual({
      path: 'inspectorUserIds.1',
      message: '阮飞没有执法证号，不能参加复查',
    });
    expect(reinspectionInspectorsRefusal([a, b], 9)?.message).toContain('复查执法人员之一');
  });

  it('verifies rectified hazards the ledger allows, explains the others, keeps persisting ones open', () => {
    expect(reinspectionOutcomeOf('rectified', 'rectified', null)).toEqual({
      outcome: 'verified',
      verify: true,
      explanation: null,
    });
    expect(reinspectionOutcomeOf('rectified', 'verified', '当前状态不能验收')).toMatchObject({
      outcome: 'verified',
      verify: false,
    });
    const pending = reinspectionOutcomeOf(
      'rectified',
      'rectified',
      '录入整改结果的人员不能验收本隐患',
    );
    expect(pending.outcome).toBe('rectified_pending');
    expect(pending.explanation).toContain('录入整改结果的人员不能验收本隐患');
    expect(reinspectionOutcomeOf('persisting', 'rectified', null)).toEqual({
      outcome: 'persisting',
      verify: false,
      explanation: null,
    });
    expect(persistingRejectsFix('persisting', 'rectified')).toBe(true);
    expect(persistingRejectsFix('persisting', 'rectifying')).toBe(false);
    expect(persistingRejectsFix('rectified', 'rectified')).toBe(false);
  });
});

describe('on-site measures', () => {
  it('are imposed today or earlier, not already lifted, on an open major hazard', () => {
    const m = { imposedOn: '2026-03-01', liftedOn: null };
    expect(imposeOnSiteMeasureRefusal(m, null, '2026-03-01')).toBeNull();
    expect(
      imposeOnSiteMeasureRefusal(m, { level: 'major', status: 'reported' }, '2026-03-01'),
    ).toBeNull();
    expect(imposeOnSiteMeasureRefusal(m, null, '2026-02-28')?.path).toBe('imposedOn');
    expect(
      imposeOnSiteMeasureRefusal({ ...m, liftedOn: '2026-03-02' }, null, '2026-03-05')?.path,
    ).toBe('liftedOn');
    expect(
      imposeOnSiteMeasureRefusal(m, { level: 'general', status: 'reported' }, '2026-03-01')
        ?.message,
    ).toContain('重大事故隐患');
    expect(
      imposeOnSiteMeasureRefusal(m, { level: 'major', status: 'verified' }, '2026-03-01')?.message,
    ).toBe('该隐患已验收销号');
  });

  it('are lifted once, not before imposition nor in the future, after the hazard is fixed', () => {
    const m = { imposedOn: '2026-03-01', liftedOn: null };
    expect(liftOnSiteMeasureRefusal(m, { liftedOn: '2026-03-05' }, null, '2026-03-05')).toBeNull();
    expect(
      liftOnSiteMeasureRefusal(
        { ...m, liftedOn: '2026-03-03' },
        { liftedOn: '2026-03-05' },
        null,
        '2026-03-05',
      )?.message,
    ).toBe('该措施已解除');
    expect(
      liftOnSiteMeasureRefusal(m, { liftedOn: '2026-02-27' }, null, '2026-03-05')?.message,
    ).toBe('解除日期不能早于采取措施日期');
    expect(
      liftOnSiteMeasureRefusal(m, { liftedOn: '2026-03-06' }, null, '2026-03-05')?.message,
    ).toBe('解除日期不能晚于今天');
    expect(
      liftOnSiteMeasureRefusal(m, { liftedOn: '2026-03-05' }, 'rectifying', '2026-03-05')?.message,
    ).toContain('尚未整改完成');
    expect(
      liftOnSiteMeasureRefusal(m, { liftedOn: '2026-03-05' }, 'rectified', '2026-03-05'),
    ).toBeNull();
  });
});

describe('canonical texts', () => {
  const order: CanonicalOrder = {
    orderNo: '甲应急责改〔2026〕0001号',
    enterprise: { id: 7, name: '恒泰化工 ' },
    inspectionRecord: { id: 3, recordNo: '甲应急检〔2026〕0001号' },
    issuedOn: '2026-03-01',
    deadline: '2026-03-15',
    basis: ORDER_DEFAULT_BASIS,
    inspectors: [
      { userId: 4, name: '阮飞', certificateNo: '15060223002' },
      { userId: 3, name: '耿建', certificateNo: '15060223001' },
    ],
    items: [
      {
        seq: 1,
        hazardId: 5,
        hazardNumber: '甲-2026-000001',
        title: '罐区紧急切断',
        description: '紧急切断阀未投用\r\n',
        requirement: '投用并联锁',
      },
    ],
  };

  it('are stable under whitespace, line endings and inspector order, and change with content', () => {
    const text = canonicalOrderText(order);
    expect(text.startsWith(`${ORDER_FORMAT}\n{`)).toBe(true);
    expect(text).toContain('"name":"恒泰化工"');
    expect(text.indexOf('耿建')).toBeLessThan(text.indexOf('阮飞'));
    expect(
      canonicalOrderText({
        ...order,
        inspectors: [...order.inspectors].reverse(),
        enterprise: { id: 7, name: '恒泰化工' },
      }),
    ).toBe(text);
    expect(canonicalOrderText({ ...order, deadline: '2026-03-16' })).not.toBe(text);
  });

  it('covers each re-inspection result', () => {
    const r = {
      opinionNo: '甲应急复查〔2026〕0001号',
      orderNo: order.orderNo,
      enterprise: { id: 7, name: '恒泰化工' },
      reinspectedOn: '2026-03-15',
      inspectors: order.inspectors,
      opinion: '已整改',
      earlyReason: null,
      items: [
        {
          hazardId: 5,
          hazardNumber: '甲-2026-000001',
          result: 'rectified' as const,
          outcome: 'verified' as const,
          note: null,
        },
      ],
    };
    const text = canonicalReinspectionText(r);
    expect(text.startsWith(`${REINSPECTION_FORMAT}\n`)).toBe(true);
    expect(
      canonicalReinspectionText({
        ...r,
        items: [{ ...r.items[0]!, result: 'persisting', outcome: 'persisting' }],
      }),
    ).not.toBe(text);
  });
});
