import { describe, expect, it } from 'vitest';
import { isLocked, toCreatePayload, toUpdatePayload } from './user-form';

const INVALID = '填写的内容不符合要求';

describe('user form → API payload', () => {
  it('sends hidden role-specific fields as null', () => {
    const r = toCreatePayload(
      {
        username: ' wang.wu ',
        password: 'Abcdef-12345',
        displayName: ' 王五 ',
        role: 'publicity',
        orgUnitId: 4,
        sectors: ['mining'],
        enterpriseId: 9,
        phone: ' ',
        certificateNo: 'ZF-001',
      },
      INVALID,
    );
    expect(r).toEqual({
      ok: true,
      data: {
        username: 'wang.wu',
        password: 'Abcdef-12345',
        displayName: '王五',
        role: 'publicity',
        orgUnitId: 4,
        sectors: null,
        enterpriseId: null,
        phone: null,
        certificateNo: null,
      },
    });
  });

  it('keeps sectors and the certificate number for an inspector', () => {
    const r = toUpdatePayload(
      {
        displayName: '赵六',
        role: 'inspector',
        orgUnitId: 5,
        sectors: ['hazchem'],
        certificateNo: 'ZF-9',
      },
      3,
      INVALID,
    );
    expect(r.ok && r.data).toMatchObject({
      sectors: ['hazchem'],
      certificateNo: 'ZF-9',
      version: 3,
    });
  });

  it('reports the domain rules as field errors in Chinese', () => {
    const r = toCreatePayload(
      {
        username: 'ab',
        password: 'short',
        displayName: '钱七',
        role: 'office',
        orgUnitId: 4,
        sectors: [],
      },
      INVALID,
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContainEqual({
      path: 'username',
      message: '用户名为3-32位字母、数字、下划线、点或横线',
    });
    expect(errors).toContainEqual({
      path: 'password',
      message: '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少三类',
    });
    expect(errors).toContainEqual({
      path: 'sectors',
      message: '科室和执法人员必须指定负责的行业领域',
    });
  });

  it('requires an enterprise for enterprise roles', () => {
    const r = toUpdatePayload(
      { displayName: '孙八', role: 'ent_safety', orgUnitId: 4 },
      1,
      INVALID,
    );
    expect(r.ok ? [] : r.errors).toContainEqual({
      path: 'enterpriseId',
      message: '企业用户必须绑定所属企业',
    });
  });

  it('uses the generic message for zod defaults that are not user-facing', () => {
    const r = toUpdatePayload({ displayName: '周九', orgUnitId: 4 }, 1, INVALID);
    expect(r.ok ? [] : r.errors).toContainEqual({ path: 'role', message: INVALID });
  });

  it('treats a lock as active only while lockedUntil is in the future', () => {
    const now = Date.parse('2025-06-01T08:00:00Z');
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked('2025-06-01T08:10:00Z', now)).toBe(true);
    expect(isLocked('2025-06-01T07:59:00Z', now)).toBe(false);
  });
});
