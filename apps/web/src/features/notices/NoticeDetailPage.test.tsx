import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { noticeDetail, noticeReceipt } from '../../test/campaign-fixtures';

const READ = noticeReceipt({
  enterpriseId: 8,
  enterpriseName: '甲化工有限公司',
  readAt: '2025-05-11T01:00:00.000Z',
  readByName: '刘安',
});
const UNREAD = [
  noticeReceipt(),
  noticeReceipt({ enterpriseId: 9, enterpriseName: '乙化工有限公司', remindCount: 1 }),
];

/** The open dialog containing `text`. */
function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

describe('notice page (staff)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('filters receipts to 未读 through the query and reminds the selected enterprises', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /notices/5': json(200, noticeDetail()),
      'GET /notices/5/receipts': (call) => {
        const status = new URL(call.url, 'http://x').searchParams.get('status');
        const items = status === 'unread' ? UNREAD : status === 'read' ? [READ] : [...UNREAD, READ];
        return json(200, { items, total: items.length, page: 1, pageSize: 20 });
      },
      'POST /notices/5/remind': json(200, { reminded: 1, enterpriseIds: [9] }),
    });
    renderApp('/notices/5');

    expect(await screen.findByText('甲化工有限公司')).toBeTruthy();
    const readRow = screen.getByText('甲化工有限公司').closest('tr') as HTMLElement;
    expect(within(readRow).getByText('刘安')).toBeTruthy();
    expect(within(readRow).getByText('已读')).toBeTruthy();
    expect(calls.find((c) => c.path === '/notices/5/receipts')?.url).toBe(
      '/api/v1/notices/5/receipts?page=1&pageSize=20',
    );

    const filter = screen.getByRole('radiogroup', { name: '按阅读状态筛选' });
    fireEvent.click(within(filter).getByRole('radio', { name: '未读' }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.url === '/api/v1/notices/5/receipts?page=1&pageSize=20&status=unread'),
      ).toBe(true),
    );
    await waitFor(() => expect(screen.queryByText('甲化工有限公司')).toBeNull());

    const row = screen.getByText('乙化工有限公司').closest('tr') as HTMLElement;
    expect(within(row).getByText('已催办1次')).toBeTruthy();
    fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: /催办所选（1）/ }));
    const dialog = await findDialog('催办所选1家企业？');
    fireEvent.click(within(dialog).getByRole('button', { name: '催办' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/notices/5/remind');
    expect(post?.body).toEqual({ enterpriseIds: [9] });
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });
});
