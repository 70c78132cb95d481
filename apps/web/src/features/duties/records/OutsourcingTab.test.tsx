import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { outsourcingView } from './record-fixtures';
import { OutsourcingTab } from './OutsourcingTab';

const LOAD = { timeout: 15_000 };
const personal = {} as PersonalDataState;

describe('outsourcing tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags the problems of each contract and the missing comprehensive check', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/duty-records/outsourcing': json(200, outsourcingView()),
    });
    renderWithProviders(<OutsourcingTab enterprise={detail()} personal={personal} />);
    expect(
      await screen.findByText(
        '在用外包外租合同 2 份，其中 1 份存在问题（缺资质、安全协议或职责约定）',
        {},
        LOAD,
      ),
    ).toBeTruthy();
    expect(screen.getByText('本年度尚未开展')).toBeTruthy();
    const leased = screen.getByRole('region', { name: '外租·东胜区某物流有限公司' });
    expect(within(leased).getByText('资质已于 2025-06-30 过期')).toBeTruthy();
    expect(within(leased).getByText('未签订安全生产协议')).toBeTruthy();
    expect(within(leased).getByText('近 3 个月未进行安全检查')).toBeTruthy();
    const compliant = screen.getByRole('region', { name: '外包·某防腐工程有限公司' });
    expect(within(compliant).getByText('无问题')).toBeTruthy();
    expect(
      within(compliant)
        .getByRole('link', { name: /安全生产管理协议\.pdf/ })
        .getAttribute('href'),
    ).toBe('/api/v1/enterprises/7/duty-records/files/41');
    expect(within(compliant).getByText(/脚手架未挂牌/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /登记合同/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /登记全面排查/ })).toBeTruthy();
  });

  it('sends the version when voiding a check and reloads on a stale version', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/duty-records/outsourcing': json(200, outsourcingView()),
      'POST /enterprises/7/duty-records/contracts/12/checks/31/void': apiError(
        409,
        'STALE_VERSION',
        '该记录已被他人修改，请刷新后重试',
      ),
    });
    renderWithProviders(<OutsourcingTab enterprise={detail()} personal={personal} />);
    const compliant = await screen.findByRole('region', { name: '外包·某防腐工程有限公司' }, LOAD);
    const voids = within(compliant).getAllByRole('button', { name: '作废' });
    // The check's void link is the last one of the contract.
    fireEvent.click(voids[voids.length - 1]!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('作废原因'), { target: { value: '重复登记' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    expect(await within(dialog).findByText('该记录已被他人修改，请刷新后重试')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      reason: '重复登记',
      version: 1,
    });
    await waitFor(() =>
      expect(
        calls.filter((c) => c.method === 'GET' && c.path.endsWith('/outsourcing')).length,
      ).toBeGreaterThan(1),
    );
  });

  it('is read-only for bureau staff', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/7/duty-records/outsourcing': json(200, outsourcingView({ canEdit: false })),
    });
    renderWithProviders(<OutsourcingTab enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('东胜区某物流有限公司', {}, LOAD)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /登记/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
    expect(screen.queryByRole('button', { name: /上传/ })).toBeNull();
  });
});
