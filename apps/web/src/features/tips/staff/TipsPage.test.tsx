import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { tipDetail, tipListItem } from './tip-fixtures';

const SLOW = { timeout: 15_000 };

const page = {
  items: [
    tipListItem({
      id: 1,
      number: '东胜举〔2026〕0001号',
      subject: '逾期的举报',
      overdue: true,
      dueDate: '2023-07-01',
      status: 'verifying',
    }),
    tipListItem({
      id: 2,
      number: '东胜举〔2026〕0002号',
      subject: '<b>加粗</b>的举报',
      channel: 'letter',
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  countsByStatus: { received: 1, verifying: 4 },
};

const routes = {
  'GET /auth/me': json(200, meResponse('office')),
  'GET /org-units': json(200, { items: [] }),
  'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
  'GET /tips': json(200, page),
};

describe('tip list (staff)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists tips with counts per status, filters in the URL and an export with the same filters', async () => {
    const calls = mockApi(routes);
    renderApp('/tips?channel=letter');
    const tab = await screen.findByRole('tab', { name: '核查中 4' }, SLOW);
    expect(screen.getByRole('tab', { name: '全部 5' })).toBeTruthy();
    // Texts are shown as text.
    expect(screen.getByText('<b>加粗</b>的举报')).toBeTruthy();
    const overdue = screen.getByText('逾期的举报').closest('tr') as HTMLElement;
    expect(within(overdue).getByText('2023-07-01').className).toContain('hl-deadline-overdue');
    fireEvent.click(tab);
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/tips' && c.url.includes('status=verifying'))).toBe(
        true,
      ),
    );
    expect(calls.filter((c) => c.path === '/tips').at(-1)?.url).toContain('channel=letter');
    expect(screen.getByRole('link', { name: /导出登记表/ }).getAttribute('href')).toBe(
      '/api/v1/tips/export?status=verifying&channel=letter',
    );
  });

  it('offers 登记举报 only to those who manage tips', async () => {
    mockApi({ ...routes, 'GET /auth/me': json(200, meResponse('city')) });
    renderApp('/tips');
    await screen.findByText('逾期的举报', {}, SLOW);
    expect(screen.queryByRole('button', { name: /登记举报/ })).toBeNull();
  });

  it('enters a hotline tip and shows the receipt code once', async () => {
    const calls = mockApi({
      ...routes,
      'POST /tips': json(201, { tip: tipDetail({ id: 30 }), receiptCode: '1234567890123456' }),
      'GET /tips/30': json(200, tipDetail({ id: 30 })),
      'GET /tips/30/duplicates': json(200, { hazards: [], tips: [] }),
      'GET /org-units': json(200, {
        items: [
          {
            id: 3,
            parentId: 1,
            kind: 'district',
            name: '东胜区应急管理局',
            code: 'D',
            path: '/1/3/',
          },
        ],
      }),
    });
    renderApp('/tips');
    fireEvent.click(await screen.findByRole('button', { name: /登记举报/ }, SLOW));
    const drawer = await waitFor(() => {
      const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes('举报人姓名'));
      if (!d) throw new Error('no drawer');
      return d;
    });
    fireEvent.change(within(drawer).getByLabelText('举报人所述单位名称'), {
      target: { value: '某加油站' },
    });
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '所属区县' }));
    fireEvent.click(await screen.findByTitle('东胜区应急管理局'));
    fireEvent.change(within(drawer).getByLabelText('举报事项'), {
      target: { value: '加油站违规储存' },
    });
    fireEvent.change(within(drawer).getByLabelText('举报内容'), {
      target: { value: '后院违规储存汽油桶' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '登记' }));
    expect(await within(drawer).findByText('请填写举报人姓名')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(drawer).getByLabelText('举报人姓名'), { target: { value: '李四' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '登记' }));
    const receipt = await waitFor(() => screen.getByTestId('receipt-code'));
    expect(receipt.textContent).toContain('1234 5678 9012 3456');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      channel: 'hotline_12350',
      enterpriseId: null,
      enterpriseText: '某加油站',
      districtId: 3,
      subject: '加油站违规储存',
      anonymous: false,
      identity: { name: '李四', phone: null, idNumber: null, contact: null },
      issueReceiptCode: true,
    });
  });

  it('sums a row up in one cell on a phone', async () => {
    setViewportWidth(375);
    mockApi(routes);
    renderApp('/tips');
    const link = await screen.findByRole('link', { name: '东胜举〔2026〕0001号' }, SLOW);
    const cell = link.closest('td') as HTMLElement;
    expect(within(cell).getByText('逾期的举报')).toBeTruthy();
    expect(within(cell).getByText('核查中')).toBeTruthy();
  });
});
