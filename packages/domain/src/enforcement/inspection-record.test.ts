import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalRecordText,
  findDuplicateHazard,
  INSPECTION_RECORD_ACTIONS,
  INSPECTION_RECORD_STATUSES,
  INSPECTION_RECORD_WORKFLOW,
  type InspectionRecordAction,
  type InspectionRecordFacts,
  type InspectionRecordInput,
  inspectionRecordNextStatus,
  inspectionRecordRefusal,
  inspectionRecordSchema,
  isInspectionRecordEditable,
  type LedgerHazardRef,
  normaliseRecordInstant,
  normaliseRecordText,
  type SignableInspectionRecord,
} from './inspection-record.js';

const input = (over: Partial<InspectionRecordInput> = {}): InspectionRecordInput => ({
  enterpriseId: 7,
  inspectors: [
    { userId: 21, name: '张伟', certificateNo: 'ZF-0021' },
    { userId: 20, name: '李娜', certificateNo: 'ZF-0020' },
  ],
  startedAt: '2026-03-02T09:30:00+08:00',
  endedAt: '2026-03-02T11:45:00+08:00',
  place: '某化工有限公司罐区',
  checklist: [
    { catalogItemCode: 'HG-2017-05', result: 'problem', note: '未设置紧急切断' },
    { catalogItemCode: 'HG-2017-01', result: 'compliant', note: null },
    { catalogItemCode: 'HG-2017-09', result: 'not_applicable', note: '无此装置' },
  ],
  findings: [
    {
      title: '液化烃储罐未设置紧急切断装置',
      description: '2号罐区液化烃储罐未按规定设置紧急切断装置',
      level: 'major',
      catalogItemCode: 'HG-2017-05',
    },
    {
      title: '安全警示标志缺失',
      description: '罐区入口未设置安全警示标志',
      level: 'general',
    },
  ],
  ...over,
});

function signable(over: Partial<InspectionRecordInput> = {}): SignableInspectionRecord {
  return {
    ...inspectionRecordSchema.parse(input(over)),
    id: 31,
    recordNo: '（2026）应急现检〔7〕号',
    enterpriseName: '某化工有限公司',
    scorecard: [
      { duty: 'drills', status: 'done' },
      { duty: 'organize', status: 'partly' },
    ],
  };
}

const issues = (v: unknown) => {
  const r = inspectionRecordSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('inspection record schema', () => {
  it('accepts a complete record and fills defaults', () => {
    const r = inspectionRecordSchema.parse(input());
    expect(r.planId).toBeNull();
    expect(r.findings[1]).toMatchObject({
      catalogItemCode: null,
      linkedHazardId: null,
      treatment: 'deadline',
      penaltyDecision: null,
    });
  });

  it('needs two or more inspectors, each with a certificate number, all distinct', () => {
    expect(issues(input({ inspectors: [{ userId: 1, name: '甲', certificateNo: 'A' }] }))).toEqual([
      'inspectors: 现场检查须有两名以上执法人员',
    ]);
    expect(
      issues(
        input({
          inspectors: [
            { userId: 1, name: '甲', certificateNo: 'A' },
            { userId: 2, name: '乙', certificateNo: '  ' },
          ],
        }),
      ),
    ).toEqual(['inspectors.1.certificateNo: 执法人员须有执法证号']);
    expect(
      issues(
        input({
          inspectors: [
            { userId: 1, name: '甲', certificateNo: 'A' },
            { userId: 1, name: '甲', certificateNo: 'B' },
          ],
        }),
      ),
    ).toEqual(['inspectors.1.userId: 执法人员重复']);
    expect(
      issues(
        input({
          inspectors: [
            { userId: 1, name: '甲', certificateNo: 'A' },
            { userId: 2, name: '乙', certificateNo: 'A ' },
          ],
        }),
      ),
    ).toEqual(['inspectors.1.certificateNo: 执法证号重复']);
  });

  it('checks times, place and duplicate checklist items', () => {
    expect(issues(input({ endedAt: '2026-03-02T09:00:00+08:00' }))).toEqual([
      'endedAt: 结束时间不能早于开始时间',
    ]);
    expect(issues(input({ startedAt: '2026-03-02 09:30' }))[0]).toMatch(/ISO 8601/);
    expect(issues(input({ place: ' ' }))).toEqual(['place: 请填写检查地点']);
    const checklist = [
      { catalogItemCode: 'HG-2017-01', result: 'compliant' as const },
      { catalogItemCode: 'HG-2017-01', result: 'compliant' as const },
    ];
    expect(issues(input({ checklist, findings: [] }))).toEqual([
      'checklist.1.catalogItemCode: 检查项重复',
    ]);
  });

  it('ties checklist results to findings', () => {
    expect(issues(input({ findings: [] }))).toEqual([
      'checklist.0.result: 存在问题的检查项须有对应的发现问题',
    ]);
    const f = { title: '问题一', description: '描述一', level: 'general' as const };
    expect(
      issues(input({ findings: [...input().findings, { ...f, catalogItemCode: 'HG-2017-01' }] })),
    ).toEqual(['findings.2.catalogItemCode: 该检查项已记为“符合”']);
    // A finding may cite an item outside the checklist used.
    expect(
      issues(input({ findings: [...input().findings, { ...f, catalogItemCode: 'HG-2017-15' }] })),
    ).toEqual([]);
    expect(
      issues(
        input({
          checklist: [{ catalogItemCode: 'HG-2017-09', result: 'not_applicable', note: null }],
          findings: [],
        }),
      ),
    ).toEqual(['checklist.0.note: 不适用的检查项须说明理由']);
  });

  it('records the penalty decision of a finding; "no case" needs a reason', () => {
    const f = { title: '问题一', description: '描述一', level: 'major' as const };
    expect(
      issues(input({ checklist: [], findings: [{ ...f, penaltyDecision: 'exempt' }] })),
    ).toEqual([]);
    expect(
      issues(input({ checklist: [], findings: [{ ...f, penaltyDecision: 'order_only' }] })),
    ).toEqual(['findings.0.penaltyNote: 不予立案的须说明理由']);
  });
});

describe('canonicalRecordText', () => {
  it('is versioned and stable', () => {
    const t = canonicalRecordText(signable());
    expect(t.startsWith('HL-INSPECTION-V1\n')).toBe(true);
    expect(t.split('\n')).toHaveLength(2);
    expect(canonicalRecordText(signable())).toBe(t);
    expect(t).toMatchInlineSnapshot(`
      "HL-INSPECTION-V1
      {"checklist":[{"catalogItemCode":"HG-2017-01","note":null,"result":"compliant"},{"catalogItemCode":"HG-2017-05","note":"未设置紧急切断","result":"problem"},{"catalogItemCode":"HG-2017-09","note":"无此装置","result":"not_applicable"}],"endedAt":"2026-03-02T03:45:00.000Z","enterprise":{"id":7,"name":"某化工有限公司"},"enterprisePresent":null,"findings":[{"catalogItemCode":"HG-2017-05","description":"2号罐区液化烃储罐未按规定设置紧急切断装置","level":"major","linkedHazardId":null,"no":1,"penaltyDecision":null,"penaltyNote":null,"title":"液化烃储罐未设置紧急切断装置","treatment":"deadline"},{"catalogItemCode":null,"description":"罐区入口未设置安全警示标志","level":"general","linkedHazardId":null,"no":2,"penaltyDecision":null,"penaltyNote":null,"title":"安全警示标志缺失","treatment":"deadline"}],"id":31,"inspectors":[{"certificateNo":"ZF-0020","name":"李娜","userId":20},{"certificateNo":"ZF-0021","name":"张伟","userId":21}],"place":"某化工有限公司罐区","planId":null,"recordNo":"（2026）应急现检〔7〕号","scorecard":[{"duty":"organize","status":"partly"},{"duty":"drills","status":"done"}],"startedAt":"2026-03-02T01:30:00.000Z","supersedesRecordId":null}"
    `);
  });

  it('does not depend on key order, inspector order, checklist order, offsets or spacing', () => {
    const base = canonicalRecordText(signable());
    const r = signable();
    const reordered: SignableInspectionRecord = {
      scorecard: [...r.scorecard!].reverse(),
      findings: r.findings,
      checklist: [...r.checklist].reverse(),
      inspectors: [...r.inspectors].reverse(),
      enterpriseName: ' 某化工有限公司 ',
      recordNo: r.recordNo,
      id: r.id,
      place: `${r.place}  `,
      enterprisePresent: null,
      endedAt: '2026-03-02T03:45:00Z',
      startedAt: '2026-03-02T01:30:00.000Z',
      enterpriseId: r.enterpriseId,
      planId: null,
      supersedesRecordId: null,
    };
    expect(canonicalRecordText(reordered)).toBe(base);
  });

  it('changes with any signed content, including the order of findings', () => {
    const base = canonicalRecordText(signable());
    const r = signable();
    const variants: SignableInspectionRecord[] = [
      { ...r, place: '某化工有限公司装置区' },
      { ...r, startedAt: '2026-03-02T09:31:00+08:00' },
      { ...r, inspectors: [r.inspectors[0]!, { ...r.inspectors[1]!, certificateNo: 'ZF-0099' }] },
      { ...r, findings: [...r.findings].reverse() },
      { ...r, findings: [{ ...r.findings[0]!, level: 'general' }, r.findings[1]!] },
      {
        ...r,
        checklist: [{ ...r.checklist[0]!, note: '未设置紧急切断。' }, ...r.checklist.slice(1)],
      },
      { ...r, scorecard: null },
      { ...r, supersedesRecordId: 30 },
      { ...r, enterprisePresent: '王强' },
      { ...r, recordNo: '（2026）应急现检〔8〕号' },
    ];
    const texts = variants.map(canonicalRecordText);
    for (const t of texts) expect(t).not.toBe(base);
    expect(new Set(texts).size).toBe(variants.length);
  });

  it('normalises line breaks and Unicode composition in free text', () => {
    const r = signable();
    const a = canonicalRecordText({ ...r, place: '罐区\r\n东侧 café' });
    const b = canonicalRecordText({ ...r, place: '罐区\n东侧 cafe\u0301' });
    expect(a).toBe(b);
    expect(normaliseRecordText(' a\rb ')).toBe('a\nb');
    expect(normaliseRecordInstant('2026-03-02T09:30:00+08:00')).toBe('2026-03-02T01:30:00.000Z');
    expect(() => normaliseRecordInstant('yesterday')).toThrow(RangeError);
  });

  it('canonicalJson sorts keys, escapes strings and refuses non-integers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '引号"'], A: { z: 'x', y: 'y' } })).toBe(
      '{"A":{"y":"y","z":"x"},"a":[true,null,"引号\\""],"b":1}',
    );
    expect(() => canonicalJson(1.5)).toThrow(RangeError);
  });
});

describe('inspection record workflow', () => {
  const facts = (over: Partial<InspectionRecordFacts> = {}): InspectionRecordFacts => ({
    status: 'signing',
    inspectorUserIds: [20, 21],
    signedUserIds: [],
    acknowledged: false,
    ...over,
  });

  it('signed and superseded records allow no change of content', () => {
    expect(INSPECTION_RECORD_WORKFLOW.superseded).toEqual([]);
    for (const status of INSPECTION_RECORD_STATUSES) {
      expect(isInspectionRecordEditable(status)).toBe(status === 'draft');
      const actions = INSPECTION_RECORD_WORKFLOW[status] as readonly InspectionRecordAction[];
      if (status !== 'draft') expect(actions).not.toContain('edit');
    }
  });

  it('refuses actions the status does not list, with the status in the message', () => {
    for (const status of INSPECTION_RECORD_STATUSES) {
      for (const action of INSPECTION_RECORD_ACTIONS) {
        const listed = (INSPECTION_RECORD_WORKFLOW[status] as readonly string[]).includes(action);
        const r = inspectionRecordRefusal(facts({ status }), action, 20);
        if (!listed) expect(r).toMatch(/当前状态/);
      }
    }
  });

  it('draft → signing → signed (only with the last signature) → superseded', () => {
    expect(inspectionRecordNextStatus(facts({ status: 'draft' }), 'submit_for_signing', 20)).toBe(
      'signing',
    );
    expect(inspectionRecordNextStatus(facts(), 'sign', 20)).toBe('signing');
    expect(inspectionRecordNextStatus(facts({ signedUserIds: [20] }), 'sign', 21)).toBe('signed');
    expect(inspectionRecordNextStatus(facts(), 'reopen', 20)).toBe('draft');
    expect(inspectionRecordNextStatus(facts({ status: 'signed' }), 'acknowledge', 1)).toBe(
      'signed',
    );
    expect(inspectionRecordNextStatus(facts({ status: 'signed' }), 'correct', 1)).toBe('signed');
    expect(inspectionRecordNextStatus(facts({ status: 'signed' }), 'supersede', 1)).toBe(
      'superseded',
    );
    expect(inspectionRecordNextStatus(facts({ status: 'superseded' }), 'supersede', 1)).toBe(
      'superseded',
    );
    expect(inspectionRecordNextStatus(facts({ status: 'draft' }), 'sign', 20)).toBe('draft');
  });

  it('only the record’s inspectors sign, each once; receipt is acknowledged once', () => {
    expect(inspectionRecordRefusal(facts(), 'sign', 20)).toBeNull();
    expect(inspectionRecordRefusal(facts(), 'sign', 99)).toBe('只有记录上的执法人员可以签名');
    expect(inspectionRecordRefusal(facts({ signedUserIds: [20] }), 'sign', 20)).toBe('您已签名');
    expect(inspectionRecordRefusal(facts({ status: 'signed' }), 'acknowledge', 5)).toBeNull();
    expect(
      inspectionRecordRefusal(facts({ status: 'signed', acknowledged: true }), 'acknowledge', 5),
    ).toBe('企业已签收');
    expect(inspectionRecordRefusal(facts({ status: 'signed' }), 'edit', 20)).toBe(
      '当前状态“已签名”不能执行“编辑”',
    );
  });
});

describe('duplicate-finding rule', () => {
  const hazard = (over: Partial<LedgerHazardRef>): LedgerHazardRef => ({
    id: 1,
    enterpriseId: 7,
    catalogItemCode: 'HG-2017-05',
    status: 'rectifying',
    foundAt: '2026-01-10',
    ...over,
  });

  it('links to the open hazard of the same enterprise and catalog item', () => {
    const open = hazard({ id: 5 });
    expect(findDuplicateHazard({ enterpriseId: 7, catalogItemCode: 'HG-2017-05' }, [open])).toBe(
      open,
    );
    for (const status of [
      'reported',
      'planned',
      'rectifying',
      'fixed_on_spot',
      'rectified',
    ] as const) {
      expect(
        findDuplicateHazard({ enterpriseId: 7, catalogItemCode: 'HG-2017-05' }, [
          hazard({ status }),
        ]),
      ).toBeDefined();
    }
  });

  it('never links to a verified hazard, another enterprise or another item', () => {
    const f = { enterpriseId: 7, catalogItemCode: 'HG-2017-05' };
    expect(findDuplicateHazard(f, [hazard({ status: 'verified' })])).toBeUndefined();
    expect(findDuplicateHazard(f, [hazard({ enterpriseId: 8 })])).toBeUndefined();
    expect(findDuplicateHazard(f, [hazard({ catalogItemCode: 'HG-2017-06' })])).toBeUndefined();
    expect(findDuplicateHazard(f, [hazard({ catalogItemCode: null })])).toBeUndefined();
    expect(findDuplicateHazard(f, [])).toBeUndefined();
  });

  it('a finding without a catalog item never matches', () => {
    expect(
      findDuplicateHazard({ enterpriseId: 7, catalogItemCode: null }, [
        hazard({ catalogItemCode: null }),
      ]),
    ).toBeUndefined();
    expect(
      findDuplicateHazard({ enterpriseId: 7, catalogItemCode: ' ' }, [hazard({})]),
    ).toBeUndefined();
  });

  it('ignores surrounding spaces in codes and picks the earliest-found open hazard', () => {
    const hazards = [
      hazard({ id: 9, foundAt: '2026-02-01' }),
      hazard({ id: 4, foundAt: '2026-01-15', status: 'verified' }),
      hazard({ id: 8, foundAt: '2026-01-20', catalogItemCode: ' HG-2017-05' }),
      hazard({ id: 6, foundAt: '2026-01-20' }),
    ];
    expect(
      findDuplicateHazard({ enterpriseId: 7, catalogItemCode: 'HG-2017-05 ' }, hazards)?.id,
    ).toBe(6);
  });
});
