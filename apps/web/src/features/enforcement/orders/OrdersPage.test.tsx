import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { measureView, orderListItem, orderPage } from './order-fixtures';

const LOAD = { timeout: 15_000 };

describe('orders page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists orders with status counts, filters overdue ones, and lists measures in force first', async () => {
    const overdue = orderListItem({
      id: 6,
      orderNo: '示例应急责改〔2026〕0004号',
      deadline: '2026-03-05',
      overdue: true,
      status: 'acknowledged',
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders': (call) =>
        call.url.includes('status=overdue')
          ? json(200, {
              ...orderPage([overdue]),
              counts: { issued: 1, acknowledged: 1, reinspected: 0, overdue: 1 },
            })
          : json(200, {
              ...orderPage([orderListItem(), overdue]),
              counts: { issued: 1, acknowledged: 1, reinspected: 0, overdue: 1 },
            }),
      'GET /on-site-measures': json(200, {
        items: [
          measureView(),
          measureView({
            id: 5,
            subject: '一车间',
            active: false,
            canLift: false,
            liftedOn: '2026-03-10',
            liftedByName: '阮飞',
            liftNote: '同意恢复',
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      }),
    });
    renderApp('/orders');
    expect(await screen.findByText('示例应急责改〔2026〕0003号', {}, LOAD)).toBeTruthy();
    expect(screen.getAllByText('逾期').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByText('已逾期 1'));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/enforcement-orders' && c.url.includes('status=overdue')),
      ).toBe(true),
    );
    await waitFor(() => expect(screen.queryByText('示例应急责改〔2026〕0003号')).toBeNull());
    expect(screen.getByText('示例应急责改〔2026〕0004号').closest('a')?.getAttribute('href')).toBe(
      '/orders/6',
    );

    fireEvent.click(screen.getByRole('tab', { name: '现场处理措施' }));
    expect(await screen.findByText('2号液氨储罐进出料泵')).toBeTruthy();
    expect(screen.getByText('执行中')).toBeTruthy();
    expect(screen.getByText('2026-03-10解除')).toBeTruthy();
    expect(screen.getByText(/阮飞审查同意：同意恢复/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '解除' })).toHaveLength(1);
  });

  it('shows each order in one column on a phone', async () => {
    setViewportWidth(390);
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enforcement-orders': json(200, orderPage()),
    });
    renderApp('/orders');
    expect(await screen.findByText('示例应急责改〔2026〕0003号', {}, LOAD)).toBeTruthy();
    expect(screen.getAllByRole('columnheader')).toHaveLength(1);
    expect(screen.getByText('已签发待签收')).toBeTruthy();
  });
});
