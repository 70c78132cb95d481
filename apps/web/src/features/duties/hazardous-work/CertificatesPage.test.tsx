import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OperationCertificateView } from '@hazard-ledger/domain';
import { meResponse } from '../../../test/fixtures';
import { json, mockApi, type Call } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const SLOW = { timeout: 15_000 };

const cert = (patch: Partial<OperationCertificateView>): OperationCertificateView => ({
  id: 1,
  enterpriseId: 7,
  enterpriseName: '东胜区恒泰化工有限公司',
  sector: 'hazchem',
  holderName: '孙割',
  category: 'welding',
  operationItem: null,
  certificateNo: 'T152701199003032345',
  issuedOn: null,
  validUntil: '2026-06-20',
  holderType: 'contractor',
  employer: '鑫达安装公司',
  engagedBy: '设备部 王经理',
  state: 'expiring',
  daysLeft: 19,
  withdrawnAt: null,
  withdrawnReason: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  version: 1,
  ...patch,
});

function certificates(call: Call) {
  const state = new URL(call.url, 'http://localhost').searchParams.get('state');
  const items =
    state === 'expired'
      ? [
          cert({
            id: 2,
            holderName: '吴爆',
            state: 'expired',
            daysLeft: -45,
            enterpriseName: '东胜区金鼎矿业有限责任公司',
            sector: 'mining',
          }),
        ]
      : [cert({})];
  return json(200, {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    asOf: '2026-06-01',
    countsByState: { expiring: 1, expired: 1, valid: 3, withdrawn: 0 },
  });
}

const param = (calls: Call[], name: string) =>
  new URL(
    calls.filter((c) => c.path === '/operation-certificates').at(-1)!.url,
    'http://localhost',
  ).searchParams.get(name);

describe('certificates page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens on certificates expiring within 30 days, across enterprises', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /operation-certificates': certificates,
    });
    renderApp('/certificates');
    const row = (await screen.findByText('孙割', {}, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('东胜区恒泰化工有限公司')).toBeTruthy();
    expect(within(row).getByText('即将到期（剩19天）')).toBeTruthy();
    expect(within(row).getByText('设备部 王经理')).toBeTruthy();
    expect(param(calls, 'state')).toBe('expiring');
    expect(screen.getByRole('tab', { name: '即将到期 1' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '在用全部 5' })).toBeTruthy();
    expect(screen.getByText('以 2026-06-01 计')).toBeTruthy();
    // Staff do not edit certificates here.
    expect(within(row).queryByRole('button', { name: '停 用' })).toBeNull();
  });

  it('filters by state and search, and exports what is shown', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /operation-certificates': certificates,
    });
    renderApp('/certificates');
    fireEvent.click(await screen.findByRole('tab', { name: '已过期 1' }, SLOW));
    const row = (await screen.findByText('吴爆')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已过期45天')).toBeTruthy();
    expect(param(calls, 'state')).toBe('expired');

    fireEvent.change(screen.getByPlaceholderText('企业、持证人或证号'), {
      target: { value: '金鼎' },
    });
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    await waitFor(() => expect(param(calls, 'q')).toBe('金鼎'));
    expect(param(calls, 'state')).toBe('expired');

    const exportLink = screen.getByRole('link', { name: /导\s*出/ });
    expect(exportLink.getAttribute('href')).toBe(
      `/api/v1/operation-certificates/export?state=expired&q=${encodeURIComponent('金鼎')}`,
    );

    fireEvent.click(screen.getByRole('tab', { name: '在用全部 5' }));
    await waitFor(() => expect(param(calls, 'state')).toBeNull());
  });
});
