import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  STAFF_QUALIFICATION_RULE,
  shareOfStaff,
  type StaffList,
  type StaffView,
} from '@hazard-ledger/domain';
import { meResponse } from '../../test/fixtures';
import { apiError, json, mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const SLOW = { timeout: 15_000 };

const person = (patch: Partial<StaffView>): StaffView => ({
  id: 1,
  districtId: 3,
  orgUnitId: 10,
  orgUnitName: '执法大队',
  userId: null,
  username: null,
  name: '王强',
  certificateNo: '15060223003',
  certificateValidUntil: '2028-01-01',
  certificateExpired: false,
  education: 'bachelor',
  major: '安全工程',
  majorSafetyRelated: true,
  safetyYears: 4,
  qualified: true,
  safetyDegree: true,
  experienced: true,
  trainingHoursThisYear: 4,
  voidedAt: null,
  voidReason: null,
  version: 1,
  ...patch,
});

function staffList(): StaffList {
  const brigade = [
    person({ id: 1, name: '耿建', username: 'zhifa1' }),
    person({ id: 2, name: '阮飞', qualified: false, majorSafetyRelated: false, major: '化学' }),
    person({ id: 3, name: '王强' }),
  ];
  const office = [person({ id: 4, name: '乙一', orgUnitId: 11, orgUnitName: '危化室' })];
  const facts = (p: StaffView) => ({
    education: p.education,
    majorSafetyRelated: p.majorSafetyRelated,
    safetyYears: p.qualified ? 5 : 0,
  });
  return {
    items: [...brigade, ...office],
    share: shareOfStaff([...brigade, ...office].map(facts)),
    units: [
      { orgUnitId: 10, orgUnitName: '执法大队', share: shareOfStaff(brigade.map(facts)) },
      { orgUnitId: 11, orgUnitName: '危化室', share: shareOfStaff(office.map(facts)) },
    ],
    rule: { ...STAFF_QUALIFICATION_RULE },
  };
}

describe('staff page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the share per unit, red below 75 %, and the list behind it', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /enforcement-staff': json(200, staffList()),
      'GET /org-units': json(200, { items: [] }),
    });
    renderApp('/staff');
    const brigadeRow = (await screen.findByText('66.7%', {}, SLOW)).closest('tr') as HTMLElement;
    expect(within(brigadeRow).getByText('执法大队')).toBeTruthy();
    expect(within(brigadeRow).getByText('低于75%')).toBeTruthy();
    expect(screen.getByText('66.7%').closest('[data-below]')?.getAttribute('data-below')).toBe(
      'true',
    );
    const officeRow = screen.getByText('100%').closest('tr') as HTMLElement;
    expect(within(officeRow).getByText('达标')).toBeTruthy();
    // The total: 3 of 4 = 75 % meets the floor.
    const totalRow = screen.getByText('合计').closest('tr') as HTMLElement;
    expect(within(totalRow).getByText('75%')).toBeTruthy();
    expect(within(totalRow).getByText('达标')).toBeTruthy();
    expect(
      screen.getByText(/合格标准：中等专科（中专）及以上学历且所学专业与安全生产相关/),
    ).toBeTruthy();

    expect(screen.getByText('乙一')).toBeTruthy();
    fireEvent.click(within(brigadeRow).getByText('查看名单'));
    await waitFor(() => expect(screen.queryByText('乙一')).toBeNull());
    expect(screen.getByText('仅显示：执法大队')).toBeTruthy();
    expect(screen.getByText('阮飞')).toBeTruthy();
  });

  it('puts the server’s Chinese field errors under the form fields', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /enforcement-staff': json(200, staffList()),
      'GET /enforcement-staff/linkable-users': json(200, { items: [] }),
      'GET /org-units': json(200, { items: [] }),
      'PUT /enforcement-staff/3': apiError(409, 'CONFLICT', '操作与记录当前状态不符', [
        { path: 'userId', message: '该账号已关联执法人员记录（耿建）' },
      ]),
    });
    renderApp('/staff');
    const row = (await screen.findByText('王强', {}, SLOW)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByText('编辑'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(
      await within(dialog).findByText('该账号已关联执法人员记录（耿建）', {}, SLOW),
    ).toBeTruthy();
  });
});
