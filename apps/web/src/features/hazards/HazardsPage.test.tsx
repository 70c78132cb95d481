import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { hazardListItem } from '../../test/hazard-fixtures';
import { renderApp } from '../../test/render-app';
import { setViewportWidth } from '../../test/setup';
import { OVERDUE_ROW_CLASS } from './HazardTable';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

const page = {
  items: [
    hazardListItem({
      id: 1,
      number: '东胜-2023-000001',
      title: '逾期的隐患',
      status: 'rectifying',
      deadline: '2023-07-01',
      overdue: true,
      supervisionLevel: 'city',
    }),
    hazardListItem({
      id: 2,
      number: '东胜-2023-000002',
      title: '按期的隐患',
      deadline: '2099-01-01',
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  countsByStatus: { reported: 1, rectifying: 5 },
};

const routes = {
  'GET /auth/me': json(200, meResponse('inspector')),
  'GET /org-units': json(200, { items: [] }),
  'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
  'GET /hazards': json(200, page),
};

describe('hazard ledger', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('marks overdue rows and deadlines in red and shows the supervision tag', async () => {
    mockApi(routes);
    renderApp('/hazards');
    const overdue = (await screen.findByText('逾期的隐患', {}, SLOW)).closest('tr') as HTMLElement;
    expect(overdue.className).toContain(OVERDUE_ROW_CLASS);
    const deadline = within(overdue).getByText('2023-07-01');
    expect(deadline.className).toContain('hl-deadline-overdue');
    expect(deadline.style.color).not.toBe('');
    expect(within(overdue).getByText('逾期')).toBeTruthy();
    expect(within(overdue).getByText('市级挂牌督办')).toBeTruthy();

    const onTime = screen.getByText('按期的隐患').closest('tr') as HTMLElement;
    expect(onTime.className).not.toContain(OVERDUE_ROW_CLASS);
    expect(within(onTime).getByText('2099-01-01').className).not.toContain('hl-deadline-overdue');
    expect(within(onTime).queryByText('逾期')).toBeNull();
  });

  it('shows counts per status as tabs that filter the list, and exports with the filters', async () => {
    const calls = mockApi(routes);
    renderApp('/hazards?level=major');
    const tab = await screen.findByRole('tab', { name: '整改中 5' }, SLOW);
    expect(screen.getByRole('tab', { name: '全部 6' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已销号 0' })).toBeTruthy();
    fireEvent.click(tab);
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/hazards' && c.url.includes('status=rectifying'))).toBe(
        true,
      ),
    );
    const last = calls.filter((c) => c.path === '/hazards').at(-1);
    expect(last?.url).toContain('level=major');
    const exportLink = screen.getByRole('link', { name: /导出清单/ });
    expect(exportLink.getAttribute('href')).toBe(
      '/api/v1/hazards/export?level=major&status=rectifying',
    );
  });

  it('sums a row up in its first cell on a phone', async () => {
    setViewportWidth(375);
    mockApi(routes);
    renderApp('/hazards');
    const link = await screen.findByRole('link', { name: '东胜-2023-000001' }, SLOW);
    const cell = link.closest('td') as HTMLElement;
    expect(within(cell).getByText('逾期的隐患')).toBeTruthy();
    expect(within(cell).getByText('整改中')).toBeTruthy();
    expect(within(cell).getByText('2023-07-01').className).toContain('hl-deadline-overdue');
  });

  it('offers 登记隐患 only with hazard.create', async () => {
    mockApi({ ...routes, 'GET /auth/me': json(200, meResponse('city')) });
    renderApp('/hazards');
    await screen.findByText('逾期的隐患', {}, SLOW);
    expect(screen.queryByRole('link', { name: /登记隐患/ })).toBeNull();
  });
});
