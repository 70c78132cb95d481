import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { eligibleTip, rewardCase, rewardTotals } from './fixtures';

const SLOW = { timeout: 15_000 };

const routes = {
  'GET /auth/me': json(200, meResponse('bureau_admin')),
  'GET /rewards/totals': json(200, rewardTotals()),
  'GET /rewards': json(200, {
    items: [
      rewardCase(),
      rewardCase({
        id: 10,
        tipNumber: '示例举〔2023〕0030号',
        status: 'approved',
        actions: ['pay', 'reject'],
        amountFen: 300_000,
      }),
    ],
    total: 2,
    page: 1,
    pageSize: 20,
  }),
  'GET /rewards/eligible-tips': json(200, {
    items: [eligibleTip()],
    rulesName: '示例默认规则（非官方标准）',
  }),
};

describe('reward cases', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the period totals and only the steps the workflow allows me', async () => {
    const calls = mockApi(routes);
    renderApp('/rewards');
    const proposed = (await screen.findByText('示例举〔2023〕0021号', {}, SLOW)).closest(
      'tr',
    ) as HTMLElement;
    expect(within(proposed).getByText('¥2,000.00')).toBeTruthy();
    expect(within(proposed).getByRole('button', { name: '批准' })).toBeTruthy();
    expect(within(proposed).queryByRole('button', { name: '登记发放' })).toBeNull();
    const approved = screen.getByText('示例举〔2023〕0030号').closest('tr') as HTMLElement;
    expect(within(approved).getByRole('button', { name: '登记发放' })).toBeTruthy();
    expect(within(approved).queryByRole('button', { name: '批准' })).toBeNull();
    expect(screen.getByText('奖励统计')).toBeTruthy();
    expect(screen.getAllByText('¥6,000.00').length).toBeGreaterThan(0);
    const totals = calls.find((c) => c.path === '/rewards/totals');
    expect(totals?.url).toMatch(/from=\d{4}-01-01/);
  });

  it('approves with the version read and shows a refusal from the server', async () => {
    const calls = mockApi({
      ...routes,
      'POST /rewards/9/approve': apiError(409, 'CONFLICT', '操作与当前状态冲突', [
        { path: 'action', message: '提出奖励的人员不能自己批准，须由另一名人员审批' },
      ]),
    });
    renderApp('/rewards');
    const row = (await screen.findByText('示例举〔2023〕0021号', {}, SLOW)).closest(
      'tr',
    ) as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '批准' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: '批准' }));
    expect(await within(drawer).findByText(/不能自己批准/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ note: null, version: 2 });
  });

  it('proposes from a verified tip with the rules’ amount, saying the rules are illustrative', async () => {
    const calls = mockApi({ ...routes, 'POST /rewards': json(201, rewardCase()) });
    renderApp('/rewards');
    fireEvent.click(await screen.findByRole('button', { name: /提出奖励/ }, SLOW));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText(/示例默认规则/)).toBeTruthy();
    expect(
      within(drawer).getByText(/并非《东胜区安全生产领域举报奖励办法》的正式标准/),
    ).toBeTruthy();
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '举报' }));
    fireEvent.click(await screen.findByTitle('示例举〔2023〕0022号 · 示例烟花批发公司 · 超量储存'));
    expect(await within(drawer).findByText('¥4,000.00')).toBeTruthy();
    expect(within(drawer).getByText('安全生产违法行为')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '提出奖励' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      tipId: 22,
      amountYuan: null,
      reason: null,
    });
  });

  it('records a payment with date, method and voucher', async () => {
    const calls = mockApi({
      ...routes,
      'POST /rewards/10/pay': json(200, rewardCase({ id: 10, status: 'paid', actions: [] })),
    });
    renderApp('/rewards');
    const row = (await screen.findByText('示例举〔2023〕0030号', {}, SLOW)).closest(
      'tr',
    ) as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '登记发放' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: '登记发放' }));
    expect(await within(drawer).findByText('请填写凭证号')).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('凭证号'), { target: { value: 'PZ-2023-007' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '登记发放' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({ method: 'bank_transfer', voucherNo: 'PZ-2023-007', version: 2 });
    expect(body.paidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
