import { describe, expect, it, vi } from 'vitest';
import type { FormInstance } from 'antd';
import { applyNestedFieldErrors } from './form-errors';

describe('applyNestedFieldErrors', () => {
  it('puts errors on nested and list fields and returns the rest', () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as FormInstance;
    const rest = applyNestedFieldErrors(
      form,
      [
        { path: 'leader.phone', message: '电话号码格式不正确' },
        { path: 'licences.1.number', message: '请填写许可证编号' },
        { path: 'licences.1.number', message: '请填写许可证编号' },
        { path: 'name', message: '请填写危险源名称' },
        { path: 'licences', message: '最多20个' },
        { path: 'other', message: '其他问题' },
      ],
      ['name', 'leader.phone', 'leader', 'licences.*.number'],
    );
    expect(setFields).toHaveBeenCalledWith([
      { name: ['leader', 'phone'], errors: ['电话号码格式不正确'] },
      { name: ['licences', 1, 'number'], errors: ['请填写许可证编号'] },
      { name: ['name'], errors: ['请填写危险源名称'] },
    ]);
    expect(rest).toEqual([
      { path: 'licences', message: '最多20个' },
      { path: 'other', message: '其他问题' },
    ]);
  });
});
