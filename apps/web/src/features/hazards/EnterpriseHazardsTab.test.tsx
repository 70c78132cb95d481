import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { hazardListItem } from '../../test/hazard-fixtures';
import { renderWithProviders } from '../../test/render-app';
import { EnterpriseHazardsTab } from './EnterpriseHazardsTab';

describe('enterprise hazards tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists that enterprise's hazards and links to the filtered ledger", async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /hazards': json(200, {
        items: [hazardListItem({ title: '本企业的隐患' })],
        total: 1,
        page: 1,
        pageSize: 20,
        countsByStatus: { reported: 1 },
      }),
    });
    renderWithProviders(
      <EnterpriseHazardsTab enterpriseId={7} enterpriseName="示例化工有限公司" />,
    );
    expect(await screen.findByText('本企业的隐患', {}, { timeout: 15_000 })).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/hazards')?.url).toContain('enterpriseId=7'),
    );
    // The enterprise column is left out: the tab is about one enterprise.
    expect(screen.queryByRole('columnheader', { name: '企业' })).toBeNull();
    expect(screen.getByRole('tab', { name: '已登记 1' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /在台账中查看/ }).getAttribute('href')).toBe(
      '/hazards?enterpriseId=7',
    );
    expect(await screen.findByRole('link', { name: /登记隐患/ })).toBeTruthy();
  });
});
