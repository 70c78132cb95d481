import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { detail } from '../../test/enterprise-fixtures';
import {
  formValuesOf,
  licenceState,
  toCreatePayload,
  toStaffingPayload,
  toUpdatePayload,
  type EnterpriseFormValues,
} from './enterprise-form';

const INVALID = '填写的内容不符合要求';

const valid: EnterpriseFormValues = {
  name: ' 甲化工有限公司 ',
  creditCode: '91150602ma0n3k5h2b',
  sector: 'hazchem',
  subType: 'storage',
  orgUnitId: 3,
  status: 'operating',
  licences: [{}],
};

describe('enterprise form', () => {
  it('builds a create body with the domain defaults; an empty licence row is dropped', () => {
    const r = toCreatePayload(valid, INVALID);
    expect(r).toEqual({
      ok: true,
      data: {
        name: '甲化工有限公司',
        creditCode: '91150602MA0N3K5H2B',
        sector: 'hazchem',
        subType: 'storage',
        tags: [],
        orgUnitId: 3,
        address: null,
        longitude: null,
        latitude: null,
        status: 'operating',
        statusDate: null,
        statusReason: null,
        employees: null,
        safetyAgency: null,
        safetyStaffCount: null,
        licences: [],
      },
    });
  });

  it('applies the domain rules: check digit, sub-type of the sector, date and reason when not operating', () => {
    const r = toUpdatePayload(
      {
        ...valid,
        creditCode: '91150602MA0N3K5H2C',
        sector: 'mining',
        status: 'suspended',
        licences: [{ type: '安全生产许可证' }],
      },
      4,
      INVALID,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { path: 'creditCode', message: '统一社会信用代码校验位不正确' },
        { path: 'licences.0.number', message: '请填写许可证编号' },
      ]),
    );
    // Cross-field rules run once the fields are well-formed.
    const cross = toUpdatePayload({ ...valid, sector: 'mining', status: 'suspended' }, 4, INVALID);
    expect(cross.ok ? [] : cross.errors).toEqual([
      { path: 'subType', message: '企业类型与行业领域不匹配' },
      { path: 'statusReason', message: '停产或关闭须填写原因' },
      { path: 'statusDate', message: '停产或关闭须填写日期' },
    ]);
    const ok = toUpdatePayload(
      {
        ...valid,
        status: 'suspended',
        statusDate: dayjs('2025-03-01'),
        statusReason: '停产整顿',
      },
      4,
      INVALID,
    );
    expect(ok.ok && ok.data).toMatchObject({
      status: 'suspended',
      statusDate: '2025-03-01',
      statusReason: '停产整顿',
      version: 4,
    });
  });

  it('round-trips an enterprise through the form values', () => {
    const e = detail();
    const r = toUpdatePayload(formValuesOf(e), e.version, INVALID);
    expect(r.ok && r.data).toEqual({
      name: e.name,
      creditCode: e.creditCode,
      sector: e.sector,
      subType: e.subType,
      tags: e.tags,
      orgUnitId: e.orgUnitId,
      address: e.address,
      longitude: null,
      latitude: null,
      status: e.status,
      statusDate: null,
      statusReason: null,
      employees: e.employees,
      safetyAgency: e.safetyAgency,
      safetyStaffCount: e.safetyStaffCount,
      licences: e.licences,
      version: e.version,
    });
  });

  it('checks the safety staffing form', () => {
    expect(toStaffingPayload({ employees: 12, safetyAgency: 'agency' }, 2, INVALID)).toEqual({
      ok: true,
      data: { employees: 12, safetyAgency: 'agency', safetyStaffCount: null, version: 2 },
    });
    const bad = toStaffingPayload({ employees: -1 }, 2, INVALID);
    expect(bad.ok ? [] : bad.errors).toEqual([{ path: 'employees', message: INVALID }]);
  });

  it('flags expired and soon-expiring licences', () => {
    const today = dayjs('2025-06-01');
    expect(licenceState('2025-05-31', today)).toBe('expired');
    expect(licenceState('2025-06-01', today)).toBe('expiring');
    expect(licenceState('2025-08-30', today)).toBe('expiring');
    expect(licenceState('2026-01-01', today)).toBe('valid');
    expect(licenceState(null, today)).toBe(null);
  });
});
