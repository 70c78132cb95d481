import { describe, expect, it } from 'vitest';
import {
  certificateStateBounds,
  certificateStateOf,
  createHotWorkPermitSchema,
  HOT_WORK_ACTION_PAYLOADS,
  HOT_WORK_ACTIONS,
  HOT_WORK_DEFAULT_MEASURES,
  HOT_WORK_STATUSES,
  HOT_WORK_WORKFLOW,
  hazardousStaffCheckInputSchema,
  hotWorkAvailableActions,
  hotWorkBlockedActions,
  hotWorkNextStatus,
  hotWorkRefusal,
  hotWorkWindowState,
  operationCertificateInputSchema,
  updateOperationCertificateSchema,
  weldingCheckInputSchema,
  type HotWorkAction,
  type HotWorkFacts,
  type HotWorkStatus,
} from './hazardous-work.js';

const REQUESTER = 1;
const OTHER = 2;
const START = '2026-06-01T01:00:00.000Z';
const END = '2026-06-01T07:00:00.000Z';
const INSIDE = '2026-06-01T03:00:00.000Z';

const facts = (over: Partial<HotWorkFacts> = {}): HotWorkFacts => ({
  status: 'requested',
  requestedByUserId: REQUESTER,
  measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
  startAt: START,
  endAt: END,
  ...over,
});
const other = { userId: OTHER, canRecord: true };

describe('hot-work permit workflow', () => {
  // The whole table: what each status allows to another enterprise user inside the window.
  const expected: Record<HotWorkStatus, readonly HotWorkAction[]> = {
    requested: ['check_measures', 'approve', 'reject', 'cancel'],
    approved: ['start', 'cancel'],
    in_progress: ['close'],
    closed: [],
    rejected: [],
    cancelled: [],
  };
  for (const status of HOT_WORK_STATUSES) {
    for (const action of HOT_WORK_ACTIONS) {
      const allowed = expected[status].includes(action);
      it(`${status} × ${action} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const why = hotWorkRefusal(facts({ status }), action, other, INSIDE);
        if (allowed) expect(why).toBeNull();
        else expect(why).toMatch(/^动火作业许可当前状态“.+”不能执行“.+”$/);
      });
    }
  }

  it('moves along requested → approved → in_progress → closed', () => {
    expect(hotWorkNextStatus('requested', 'check_measures')).toBe('requested');
    expect(hotWorkNextStatus('requested', 'approve')).toBe('approved');
    expect(hotWorkNextStatus('requested', 'reject')).toBe('rejected');
    expect(hotWorkNextStatus('approved', 'start')).toBe('in_progress');
    expect(hotWorkNextStatus('in_progress', 'close')).toBe('closed');
    expect(hotWorkNextStatus('approved', 'cancel')).toBe('cancelled');
    expect(HOT_WORK_WORKFLOW.closed).toEqual([]);
  });

  it('refuses approval (and rejection) by the requester', () => {
    const me = { userId: REQUESTER, canRecord: true };
    expect(hotWorkRefusal(facts(), 'approve', me, INSIDE)).toBe('动火作业许可不能由申请人本人审批');
    expect(hotWorkRefusal(facts(), 'reject', me, INSIDE)).toMatch(/申请人不能驳回/);
    expect(hotWorkAvailableActions(facts(), me, INSIDE)).toEqual(['check_measures', 'cancel']);
    expect(hotWorkBlockedActions(facts(), me, INSIDE).map((b) => b.action)).toEqual([
      'approve',
      'reject',
    ]);
  });

  it('refuses approval until every measure is checked, naming the open ones', () => {
    const f = facts({
      measures: [
        { text: '清除动火点周围可燃物', checked: true },
        { text: '气体检测合格', checked: false },
        { text: '设置现场监护人', checked: false },
      ],
    });
    expect(hotWorkRefusal(f, 'approve', other, INSIDE)).toBe(
      '安全措施未全部落实确认，不能审批：气体检测合格；设置现场监护人',
    );
    expect(hotWorkAvailableActions(f, other, INSIDE)).not.toContain('approve');
    expect(hotWorkBlockedActions(f, other, INSIDE)).toEqual([
      { action: 'approve', reason: expect.stringMatching(/^安全措施未全部落实确认/) as string },
    ]);
  });

  it('refuses approval once the window has passed', () => {
    expect(hotWorkRefusal(facts(), 'approve', other, '2026-06-01T07:00:01.000Z')).toMatch(
      /许可作业时间已过/,
    );
    // Approval ahead of the window is the normal case.
    expect(hotWorkRefusal(facts(), 'approve', other, '2026-05-31T23:00:00.000Z')).toBeNull();
  });

  it('lets the work start only inside the window (bounds included)', () => {
    const approved = facts({ status: 'approved' });
    const me = { userId: REQUESTER, canRecord: true };
    expect(hotWorkRefusal(approved, 'start', me, '2026-06-01T00:59:59.999Z')).toMatch(
      /未到许可的作业时间/,
    );
    expect(hotWorkRefusal(approved, 'start', me, START)).toBeNull();
    expect(hotWorkRefusal(approved, 'start', me, END)).toBeNull();
    expect(hotWorkRefusal(approved, 'start', me, '2026-06-01T07:00:00.001Z')).toMatch(
      /已超过许可的作业时间/,
    );
    expect(hotWorkWindowState(approved, '2026-06-01T00:00:00.000Z')).toBe('before');
    expect(hotWorkWindowState(approved, INSIDE)).toBe('open');
    expect(hotWorkWindowState(approved, '2026-06-02T00:00:00.000Z')).toBe('after');
    // Closing an open permit is never blocked by the clock.
    expect(
      hotWorkRefusal(facts({ status: 'in_progress' }), 'close', me, '2026-06-03T00:00:00Z'),
    ).toBeNull();
  });

  it('offers nothing to someone who does not record duties for the enterprise', () => {
    const staff = { userId: 99, canRecord: false };
    expect(hotWorkAvailableActions(facts(), staff, INSIDE)).toEqual([]);
    expect(hotWorkBlockedActions(facts(), staff, INSIDE)).toEqual([]);
    expect(hotWorkRefusal(facts(), 'approve', staff, INSIDE)).toMatch(/只有本企业/);
  });
});

describe('hot-work permit request', () => {
  const valid = {
    workDescription: '更换罐区DN100管线法兰',
    place: '液氨罐区2号罐',
    level: 'level1',
    startAt: '2026-06-01T09:00:00+08:00',
    endAt: '2026-06-01T17:00:00+08:00',
    guardian: '刘安',
    measures: [{ text: '气体检测合格', checked: false }],
  };

  it('accepts a window within the level limit and fills optional fields', () => {
    const parsed = createHotWorkPermitSchema.parse(valid);
    expect(parsed.operators).toBeNull();
    expect(parsed.gasTestResult).toBeNull();
  });

  it('refuses an end before the start, and windows longer than the level allows', () => {
    const messages = (input: object) => {
      const r = createHotWorkPermitSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(messages({ ...valid, endAt: '2026-06-01T08:00:00+08:00' })).toEqual([
      'endAt:作业结束时间须晚于开始时间',
    ]);
    expect(messages({ ...valid, endAt: '2026-06-01T17:00:01+08:00' })).toEqual([
      'endAt:一级动火作业许可有效期不应超过8小时',
    ]);
    expect(messages({ ...valid, level: 'level2', endAt: '2026-06-04T09:00:00+08:00' })).toEqual([]);
    expect(messages({ ...valid, measures: [] })).toEqual(['measures:请至少列出一项安全措施']);
    expect(
      messages({
        ...valid,
        measures: [
          { text: '气体检测合格', checked: true },
          { text: '气体检测合格', checked: false },
        ],
      }),
    ).toEqual(['measures.1.text:安全措施重复']);
  });

  it('has a payload schema per action', () => {
    expect(HOT_WORK_ACTION_PAYLOADS.reject.safeParse({}).success).toBe(false);
    expect(HOT_WORK_ACTION_PAYLOADS.approve.parse({})).toEqual({ comment: null });
    expect(HOT_WORK_ACTION_PAYLOADS.cancel.parse({ reason: '工艺调整' })).toEqual({
      reason: '工艺调整',
    });
  });
});

describe('special-operation certificate expiry', () => {
  const today = '2026-06-01';
  const state = (validUntil: string, withdrawn = false) =>
    certificateStateOf({ validUntil, withdrawn }, today);

  it('is expiring (still valid) on its last day', () => {
    expect(state('2026-06-01')).toEqual({ state: 'expiring', daysLeft: 0 });
  });
  it('is expiring exactly 30 days ahead', () => {
    expect(state('2026-07-01')).toEqual({ state: 'expiring', daysLeft: 30 });
  });
  it('is valid 31 days ahead', () => {
    expect(state('2026-07-02')).toEqual({ state: 'valid', daysLeft: 31 });
  });
  it('is expired from the day after its last day', () => {
    expect(state('2026-05-31')).toEqual({ state: 'expired', daysLeft: -1 });
    expect(state('2020-01-01').state).toBe('expired');
  });
  it('is withdrawn, whatever the date, once no longer in use', () => {
    expect(state('2020-01-01', true).state).toBe('withdrawn');
    expect(state('2026-06-10', true).state).toBe('withdrawn');
  });
  it('gives the query bounds of the same rule', () => {
    expect(certificateStateBounds(today)).toEqual({
      expiredBefore: '2026-06-01',
      expiringThrough: '2026-07-01',
    });
    expect(certificateStateBounds('2026-12-15').expiringThrough).toBe('2027-01-14');
  });
});

describe('record inputs', () => {
  const cert = {
    holderName: '王焊',
    category: 'welding',
    certificateNo: 't152701198001011234',
    validUntil: '2027-03-01',
    holderType: 'contractor',
    engagedBy: '设备部 李工',
  };

  it('upper-cases the certificate number and requires the employer of a contractor', () => {
    const r = operationCertificateInputSchema.safeParse(cert);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['外包/外来人员须填写所属单位']);
    const ok = operationCertificateInputSchema.parse({ ...cert, employer: '鑫达安装公司' });
    expect(ok.certificateNo).toBe('T152701198001011234');
    expect(ok.issuedOn).toBeNull();
  });

  it('refuses a validity ending before the issue date and takes a version on edits', () => {
    const r = operationCertificateInputSchema.safeParse({
      ...cert,
      holderType: 'employee',
      issuedOn: '2027-04-01',
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['validUntil']);
    expect(
      updateOperationCertificateSchema.safeParse({ ...cert, holderType: 'employee', version: 2 })
        .success,
    ).toBe(true);
    expect(
      updateOperationCertificateSchema.safeParse({ ...cert, holderType: 'employee' }).success,
    ).toBe(false);
  });

  it('requires actions when a check finds problems', () => {
    const weld = weldingCheckInputSchema.safeParse({
      checkedOn: '2026-05-20',
      equipmentCount: 6,
      retiredCount: 1,
      checkedBy: '设备部',
    });
    expect(weld.error?.issues.map((i) => i.message)).toEqual([
      '发现问题或淘汰设备的，须填写处理措施',
    ]);
    const staff = hazardousStaffCheckInputSchema.safeParse({
      checkedOn: '2026-05-20',
      scope: '动火、受限空间作业人员',
      peopleChecked: 3,
      unlicensedFound: 4,
      actionsTaken: '停止上岗',
    });
    expect(staff.error?.issues.map((i) => i.message)).toEqual(['无证人数不能多于排查人数']);
  });
});
