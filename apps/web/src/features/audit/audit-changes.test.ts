import { describe, expect, it } from 'vitest';
import { changeRows, formatValue } from './audit-changes';

describe('audit changes', () => {
  it('reads { before, after } objects field by field', () => {
    expect(
      changeRows({
        before: { status: 'active', role: 'office' },
        after: { status: 'disabled', role: 'office' },
      }),
    ).toEqual([
      { field: 'status', before: 'active', after: 'disabled', changed: true },
      { field: 'role', before: 'office', after: 'office', changed: false },
    ]);
  });

  it('reads field → { from, to } and [before, after] maps', () => {
    expect(
      changeRows({
        displayName: { from: '张三', to: '张三丰' },
        sectors: [['hazchem'], ['mining']],
      }),
    ).toEqual([
      { field: 'displayName', before: '张三', after: '张三丰', changed: true },
      { field: 'sectors', before: ['hazchem'], after: ['mining'], changed: true },
    ]);
  });

  it('treats a plain map as new values (creation)', () => {
    expect(changeRows({ username: 'li4' })).toEqual([
      { field: 'username', before: undefined, after: 'li4', changed: true },
    ]);
    expect(changeRows(null)).toEqual([]);
  });

  it('formats values for display', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue(null)).toBe('null');
    expect(formatValue('文本')).toBe('文本');
    expect(formatValue(['a', 1])).toBe('["a",1]');
  });
});
