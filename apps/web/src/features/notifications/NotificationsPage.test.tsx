import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NotificationList } from '@hazard-ledger/domain';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const SLOW = { timeout: 15_000 };

function page(unread: number): NotificationList {
  return {
    items: [
      {
        id: 2,
        kind: 'hazard_overdue',
        title: '隐患已逾期未整改',
        body: '恒泰化工隐患DS-2023-0002的整改期限已过。',
        link: '/hazards/2',
        createdAt: '2026-11-30T23:00:00.000Z',
        readAt: null,
      },
      {
        id: 1,
        kind: 'certificate_expiring',
        title: '特种作业操作证即将到期',
        body: '王焊工的证书将于2026-12-20到期。',
        link: '/certificates',
        createdAt: '2026-11-29T23:00:00.000Z',
        readAt: '2026-11-30T01:00:00.000Z',
      },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    unread,
  };
}

describe('notification centre', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists my notifications with filters, marks one and all read; the bell shows the count', async () => {
    let unread = 1;
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety', { enterpriseId: 1 })),
      'GET /notifications': () => json(200, page(unread)),
      'GET /notifications/unread-count': () => json(200, { count: unread }),
      'POST /notifications/2/read': () =>
        json(200, { ...page(0).items[0], readAt: '2026-12-01T00:00:00.000Z' }),
      'POST /notifications/read-all': () => {
        unread = 0;
        return json(200, { updated: 1 });
      },
    });
    renderApp('/notifications');
    expect(await screen.findByText('隐患已逾期未整改', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('特种作业证书即将到期')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '消息提醒，1条未读' })).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: '只看未读' }));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/notifications' && c.url.includes('unread=true'))).toBe(
        true,
      ),
    );

    const row = screen.getByText('隐患已逾期未整改').closest('tr')!;
    expect(within(row).getByRole('link', { name: '查看记录' }).getAttribute('href')).toBe(
      '/hazards/2',
    );
    fireEvent.click(within(row).getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/notifications/2/read')).toBe(true));

    // The bell's dropdown lists the latest and marks everything read.
    fireEvent.click(screen.getByRole('button', { name: '消息提醒，1条未读' }));
    const popover = await screen.findByRole('link', { name: '查看全部' });
    const dropdown = popover.parentElement!;
    expect(await within(dropdown).findByText('特种作业操作证即将到期')).toBeTruthy();
    fireEvent.click(within(dropdown).getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/notifications/read-all')).toBe(true));
    expect(await screen.findByRole('button', { name: '消息提醒，0条未读' })).toBeTruthy();
    expect(await screen.findByText('未读 0 条')).toBeTruthy();
  }, 30_000);
});
