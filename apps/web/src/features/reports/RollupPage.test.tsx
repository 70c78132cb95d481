import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { completenessReport, reportOptions, rollupView } from './report-fixtures';

const SLOW = { timeout: 15_000 };

function rowOf(region: HTMLElement, text: string): HTMLElement {
  const row = within(region)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

describe('roll-up page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every district with its status, the total and the completeness of the week', async () => {
    const calls = mockApi({
      'GET /auth/me': json(
        200,
        meResponse('city', { orgUnitId: 2, orgUnitName: '鄂尔多斯市应急管理局' }),
      ),
      'GET /reports/options': json(
        200,
        reportOptions({
          seesDrafts: false,
          sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
        }),
      ),
      'GET /reports/rollup': json(200, rollupView()),
      'GET /reports/completeness': json(200, completenessReport()),
    });
    renderApp('/reports/rollup?sector=hazchem&week=2026-11-16');
    const table = await screen.findByRole('region', { name: '汇总表' }, SLOW);
    const get = calls.find((c) => c.path === '/reports/rollup')!;
    expect(get.url).toContain('orgUnitId=2');
    expect(get.url).toContain('sector=hazchem');
    expect(get.url).toContain('week=2026-11-16');

    const dongsheng = rowOf(table, '东胜区应急管理局');
    expect(within(dongsheng).getByText('已报送 v1')).toBeTruthy();
    expect(within(dongsheng).getByText('按时')).toBeTruthy();
    // A district's numbers open its submitted version.
    const link = within(dongsheng).getAllByRole('link')[1]!;
    expect(link.getAttribute('href')).toBe(
      '/reports/dispatch?districtId=3&sector=hazchem&campaignId=5&kind=weekly&week=2026-11-16&versionId=12',
    );
    const kangbashi = rowOf(table, '康巴什区应急管理局');
    expect(within(kangbashi).getByText('未报送')).toBeTruthy();
    expect(within(kangbashi).queryAllByRole('link')).toHaveLength(0);
    const total = rowOf(table, '合计');
    expect(within(total).getByText('777')).toBeTruthy();
    expect(within(total).queryAllByRole('link')).toHaveLength(0);

    expect(screen.getByTestId('completeness-expected').textContent).toBe('应报 2');
    expect(screen.getByTestId('completeness-submitted').textContent).toBe('已报 1（报送率 50.0%）');
    expect(screen.getByTestId('completeness-on-time').textContent).toBe('按时 1（及时率 50.0%）');
    expect(screen.getByRole('link', { name: /导出汇总表/ }).getAttribute('href')).toBe(
      '/api/v1/reports/rollup/export.xlsx?orgUnitId=2&sector=hazchem&kind=weekly&week=2026-11-16',
    );

    // The reporting rate of every week, newest first, per sector and in total.
    const weeks = await screen.findByRole('region', { name: '报送及时率' });
    const rows = within(weeks)
      .getAllByRole('row')
      .filter((r) => /2026-11-\d\d 至/.test(r.textContent ?? ''));
    expect(rows.map((r) => r.textContent?.slice(0, 23))).toEqual([
      '2026-11-16 至 2026-11-22',
      '2026-11-09 至 2026-11-15',
    ]);
    expect(rows[0]!.textContent).toContain('1/2 按时 1');
    expect(rows[0]!.textContent).toContain('25.0%');
    expect(calls.find((c) => c.path === '/reports/completeness')!.url).toContain('orgUnitId=2');
  });
});
