import { describe, expect, it } from 'vitest';
import {
  boxToPixels,
  personNamesInText,
  pseudonymOf,
  redactText,
  REDACTED_MARK,
} from './redaction.js';
import {
  availableDisclosureActions,
  checkPublicationWindow,
  disclosureActionRefusal,
  excerptOf,
  isPubliclyVisible,
  publicationState,
} from './disclosure.js';

const FIXTURE =
  '2023年6月12日，执法人员耿建辉、阮飞对东胜区金鼎矿业有限责任公司（统一社会信用代码91150602MA0N123456）' +
  '开展检查，发现一号采场台阶高度超过设计。主要负责人王建国（身份证号15060219800101123X，' +
  '电话13904771234）未组织排查；安全员欧阳明，联系电话0477-8581234，座机（0477）85812345。' +
  '对王建国处罚款3万元。';

describe('redactText', () => {
  const result = redactText(FIXTURE, {
    personNames: ['王建国', '欧阳明', '耿建辉', '阮飞', ' ', '王'],
    manual: ['一号采场'],
  });

  it('removes the known names of persons with surname pseudonyms', () => {
    expect(result.text).not.toMatch(/王建国|欧阳明|耿建辉|阮飞/);
    expect(result.text).toContain('王某');
    expect(result.text).toContain('欧阳某');
    expect(result.text).toContain('耿某、阮某');
    expect(result.removed.filter((r) => r.kind === 'name').map((r) => r.original)).toEqual([
      '耿建辉',
      '阮飞',
      '王建国',
      '欧阳明',
      '王建国',
    ]);
  });

  it('removes ID numbers (with X) and mobile and landline numbers', () => {
    expect(result.text).not.toContain('15060219800101123X');
    expect(result.text).not.toContain('13904771234');
    expect(result.text).not.toContain('0477-8581234');
    expect(result.text).not.toContain('85812345');
    expect(result.removed.filter((r) => r.kind === 'id_number').map((r) => r.original)).toEqual([
      '15060219800101123X',
    ]);
    expect(result.removed.filter((r) => r.kind === 'phone').map((r) => r.original)).toEqual([
      '13904771234',
      '0477-8581234',
      '（0477）85812345',
    ]);
  });

  it('keeps the credit code and the enterprise name, removes manual strings', () => {
    expect(result.text).toContain('91150602MA0N123456');
    expect(result.text).toContain('东胜区金鼎矿业有限责任公司');
    expect(result.text).not.toContain('一号采场');
    expect(result.text).toContain(REDACTED_MARK);
  });

  it('reports offsets into the original and parts that rebuild the redacted text', () => {
    for (const r of result.removed) expect(FIXTURE.slice(r.start, r.end)).toBe(r.original);
    expect(result.parts.map((p) => p.text).join('')).toBe(result.text);
    expect(result.parts.filter((p) => p.kind !== null)).toHaveLength(result.removed.length);
  });

  it('removes a local number the text calls a phone, not other numbers', () => {
    const r = redactText('值班电话：8581234，罚款3000000元，案号2026001。', {
      personNames: [],
      manual: [],
    });
    expect(r.text).toBe(`值班电话：${REDACTED_MARK}，罚款3000000元，案号2026001。`);
  });

  it('prefers the longer of overlapping names', () => {
    const r = redactText('张三丰与张三', { personNames: ['张三', '张三丰'], manual: [] });
    expect(r.text).toBe('张某与张某');
    expect(r.removed.map((x) => x.original)).toEqual(['张三丰', '张三']);
  });

  it('leaves text without personal data unchanged', () => {
    const r = redactText('未进行边坡稳定性分析。', { personNames: [], manual: [] });
    expect(r.text).toBe('未进行边坡稳定性分析。');
    expect(r.removed).toEqual([]);
  });

  it('pseudonyms', () => {
    expect(pseudonymOf('张三')).toBe('张某');
    expect(pseudonymOf('司马光明')).toBe('司马某');
    expect(pseudonymOf('John')).toBe('×××');
  });
});

describe('personNamesInText', () => {
  it('takes the names out of free-text fields and leaves units and roles', () => {
    expect(personNamesInText('举报核查：耿建')).toEqual(['耿建']);
    expect(personNamesInText('张三、李四')).toEqual(['张三', '李四']);
    expect(personNamesInText('安全科')).toEqual([]);
    expect(personNamesInText('系统管理员')).toEqual([]);
    expect(personNamesInText('企业自查')).toEqual([]);
    expect(personNamesInText(null)).toEqual([]);
  });
});

describe('boxToPixels', () => {
  it('maps a relative box to a clamped pixel rectangle', () => {
    expect(boxToPixels({ x: 0.25, y: 0.5, w: 0.5, h: 0.25 }, 100, 40)).toEqual({
      left: 25,
      top: 20,
      right: 75,
      bottom: 30,
    });
    expect(boxToPixels({ x: 0.9, y: 0.9, w: 0.5, h: 0.5 }, 10, 10)).toEqual({
      left: 9,
      top: 9,
      right: 10,
      bottom: 10,
    });
  });
});

describe('publication window', () => {
  const window = { from: '2026-12-01', until: '2026-12-31' };
  it('is scheduled before the start, published inside, expired after the end', () => {
    expect(publicationState('approved', window, '2026-11-30')).toBe('scheduled');
    expect(publicationState('approved', window, '2026-12-01')).toBe('published');
    expect(publicationState('approved', window, '2026-12-31')).toBe('published');
    expect(publicationState('approved', window, '2027-01-01')).toBe('expired');
    expect(isPubliclyVisible('approved', window, '2027-01-01')).toBe(false);
    expect(isPubliclyVisible('unpublished', window, '2026-12-10')).toBe(false);
    expect(isPubliclyVisible('submitted', window, '2026-12-10')).toBe(false);
  });
  it('needs both dates in order', () => {
    expect(checkPublicationWindow(window)).toEqual([]);
    expect(checkPublicationWindow({ from: null, until: null })).toHaveLength(2);
    expect(checkPublicationWindow({ from: '2026-12-02', until: '2026-12-01' })).toEqual([
      { path: 'publishUntil', message: '公开结束日期不能早于开始日期' },
    ]);
  });
});

describe('disclosure workflow', () => {
  const facts = { status: 'submitted' as const, preparedBy: 1, submittedBy: 1 };
  it('lets a second person approve, never the preparer', () => {
    expect(disclosureActionRefusal(facts, 'approve', { userId: 1, role: 'publicity' })).toMatch(
      /另一人/,
    );
    expect(disclosureActionRefusal(facts, 'approve', { userId: 2, role: 'bureau_admin' })).toBe(
      null,
    );
    expect(availableDisclosureActions(facts, { userId: 1, role: 'publicity' })).toEqual(['return']);
  });
  it('refuses actions the status does not allow and roles without the permission', () => {
    expect(
      disclosureActionRefusal({ ...facts, status: 'draft' }, 'approve', {
        userId: 2,
        role: 'bureau_admin',
      }),
    ).toMatch(/当前状态/);
    expect(
      disclosureActionRefusal({ ...facts, status: 'draft' }, 'submit', {
        userId: 2,
        role: 'inspector',
      }),
    ).toBe('无权执行此操作');
  });
  it('excerpts whole characters', () => {
    expect(excerptOf('甲'.repeat(100), 10)).toBe(`${'甲'.repeat(10)}…`);
  });
});
