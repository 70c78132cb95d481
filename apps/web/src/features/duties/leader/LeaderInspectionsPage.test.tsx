import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { enterpriseInspections, leaderOverview } from './leader-fixtures';

const CAMPAIGNS = { items: [], total: 0, page: 1, pageSize: 50 };

describe('leader inspections page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the office its enterprises × months with missing months, filters and exports', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /campaigns': json(200, CAMPAIGNS),
      'GET /leader-inspections': (call) =>
        json(
          200,
          call.url.includes('onlyMissing=true')
            ? leaderOverview({ items: [leaderOverview().items[0]!], total: 1 })
            : leaderOverview(),
        ),
    });
    renderApp('/leader-inspections');

    expect(await screen.findByRole('link', { name: '示例化工有限公司' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '示例烟花批发公司' })).toBeTruthy();
    expect(
      screen.getByText(/2026年专项行动（2026-07-15 至 2026-12-31），截至 2026-11-29 已结束 4 个月/),
    ).toBeTruthy();
    expect(screen.getAllByText('8月 缺')).toHaveLength(1);
    expect(screen.getByRole('link', { name: '示例化工有限公司' }).getAttribute('href')).toBe(
      '/enterprises/7?tab=duty-organize',
    );

    fireEvent.click(screen.getByRole('checkbox', { name: '只看有缺失月份的企业' }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/leader-inspections' && c.url.includes('onlyMissing=true')),
      ).toBe(true),
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: '示例烟花批发公司' })).toBeNull(),
    );
    const exportLink = screen.getByRole('link', { name: /导出/ });
    expect(exportLink.getAttribute('href')).toBe(
      '/api/v1/leader-inspections/export?onlyMissing=true',
    );
  });

  it('fits a phone: one column with the missing months spelled out', async () => {
    setViewportWidth(375);
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /campaigns': json(200, CAMPAIGNS),
      'GET /leader-inspections': json(200, leaderOverview()),
    });
    renderApp('/leader-inspections');
    expect(await screen.findByText('缺：8月')).toBeTruthy();
    expect(screen.getByText('无缺失月份')).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '缺失月数' })).toBeNull();
  });

  it('shows enterprise users their own months and records', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/leader-inspections': json(200, enterpriseInspections()),
    });
    renderApp('/leader-inspections');
    expect(
      await screen.findByText('以下月份没有主要负责人签字的带队检查记录：2026-08'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /登记带队检查/ })).toBeTruthy();
  });
});
