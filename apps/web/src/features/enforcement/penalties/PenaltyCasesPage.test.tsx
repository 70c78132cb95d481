import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { hazardListItem } from '../../../test/hazard-fixtures';
import { renderApp } from '../../../test/render-app';
import { caseDetail, caseListItem } from './penalty-fixtures';

const SLOW = { timeout: 15_000 };

const page = {
  items: [
    caseListItem(),
    caseListItem({
      id: 6,
      matter: '高陡边坡未进行在线监测',
      status: 'decided',
      decisionDate: '2026-03-10',
      totalAmountFen: 9_000_000,
      publication: { deadline: '2026-03-19', publishedOn: null, overdue: true },
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('penalty cases list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists cases with status, major hazard, fines and publication, filtered by status', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases': json(200, page),
    });
    renderApp('/penalty-cases');
    const row = (await screen.findByText('高陡边坡未进行在线监测', {}, SLOW)).closest('tr')!;
    expect(within(row).getByText('已作出决定')).toBeTruthy();
    expect(within(row).getByText('¥90,000.00')).toBeTruthy();
    expect(within(row).getByText('逾期未公示（期限2026-03-19）')).toBeTruthy();
    expect(screen.getAllByText('重大隐患未消除')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /立案/ })).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已告知'));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/penalty-cases' && c.url.includes('status=notified')),
      ).toBe(true),
    );
  });

  it('opens 立案 from the query with the enterprise and hazard chosen, then files', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases': json(200, page),
      'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /enterprises/3': json(200, { id: 3, name: '东胜区金鼎矿业有限责任公司' }),
      'GET /hazards': json(200, {
        items: [hazardListItem({ id: 9, number: '东胜-2026-000009', title: '台阶高度超过设计' })],
        total: 1,
        page: 1,
        pageSize: 100,
        countsByStatus: {},
      }),
      'POST /penalty-cases': json(201, caseDetail({ id: 7, status: 'filed' })),
      'GET /penalty-cases/7': json(200, caseDetail({ id: 7, status: 'filed' })),
    });
    renderApp('/penalty-cases?new=1&enterpriseId=3&hazardId=9');
    const drawer = await screen.findByRole('dialog', {}, SLOW);
    expect(await within(drawer).findByText(/台阶高度超过设计/)).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '立案' }));
    expect(await within(drawer).findByText('请填写案由')).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('案由'), {
      target: { value: '未采取措施消除重大事故隐患' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '立案' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      enterpriseId: 3,
      matter: '未采取措施消除重大事故隐患',
      hazardIds: [9],
      inspectionRecordId: null,
      facts: null,
    });
    expect(body.filedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByRole('heading', { name: '未采取措施消除重大事故隐患' })).toBeTruthy();
  });

  it('gives enterprise users their cases without filing or the sector filter', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /penalty-cases': json(200, { ...page, items: [page.items[1]], total: 1 }),
    });
    renderApp('/penalty-cases');
    expect(await screen.findByText('高陡边坡未进行在线监测', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /立案/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: '行业领域' })).toBeNull();
  });
});
