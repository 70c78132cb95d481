import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { catalogItem, catalogSummary, catalogVersion } from '../../test/campaign-fixtures';

const ITEMS = [
  catalogItem(),
  catalogItem({
    id: 102,
    code: 'FMKS-2022-UG-U1',
    ordinal: 2,
    clause: '一（项号待核实）',
    title: '主要通风机未连续运转',
    requirement: null,
    completeness: 'incomplete',
    gapNote: '项号与条文原文未核实',
    sourceStatus: 'fragment-unattributed',
  }),
];

describe('catalog page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tags 待补充 items with their gap note and loads the current version', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office', { sectors: ['mining', 'industry'] })),
      'GET /catalogs': json(200, { items: [catalogSummary()] }),
      'GET /catalogs/FMKS-2022/versions': json(200, { items: [catalogVersion()] }),
      'GET /catalogs/FMKS-2022/versions/3/items': json(200, {
        items: ITEMS,
        total: 2,
        page: 1,
        pageSize: 50,
      }),
    });
    renderApp('/catalogs/FMKS-2022');

    const gapRow = (await screen.findByText('主要通风机未连续运转')).closest('tr') as HTMLElement;
    expect(within(gapRow).getByText('待补充')).toBeTruthy();
    expect(within(gapRow).getByText('待补充说明：项号与条文原文未核实')).toBeTruthy();
    expect(within(gapRow).getByText('（条文内容待补充，请查阅标准原文）')).toBeTruthy();

    const completeRow = screen.getByText('安全出口不符合要求').closest('tr') as HTMLElement;
    expect(within(completeRow).queryByText('待补充')).toBeNull();
    expect(within(completeRow).getByText('安全出口存在下列任一情形（见各目）。')).toBeTruthy();

    // A published version: export, and (no draft yet) 新建草稿 / 导入 for a manager; no edits.
    expect(screen.getByRole('link', { name: /导出xlsx/ }).getAttribute('href')).toBe(
      '/api/v1/catalogs/FMKS-2022/versions/3/export',
    );
    expect(screen.getByRole('button', { name: /新建草稿/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /发布/ })).toBeNull();
    expect(within(completeRow).queryByRole('button', { name: '编辑' })).toBeNull();
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/items'))?.url).toBe(
        '/api/v1/catalogs/FMKS-2022/versions/3/items?page=1&pageSize=50',
      ),
    );
  });
});
