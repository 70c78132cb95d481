import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { detail } from '../../../test/enterprise-fixtures';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { SelfInspectionSection } from './SelfInspectionSection';
import { runDetail } from './self-inspection-fixtures';

describe('self-inspection section of the enterprise page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the enterprise's runs with their status and a link to each", async () => {
    const {
      items: _i,
      districtName: _d,
      leaderName: _l,
      photoRequired: _p,
      ...run
    } = runDetail({
      status: 'submitted',
      signerName: '张恒',
      submittedAt: '2026-06-02T02:00:00.000Z',
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /self-inspections': json(200, { items: [run], total: 1, page: 1, pageSize: 5 }),
    });
    renderWithProviders(
      <SelfInspectionSection
        enterprise={detail(undefined, { id: 7 })}
        personal={{} as PersonalDataState}
      />,
    );
    const link = await screen.findByRole('link', { name: '2026-06-01' }, { timeout: 15_000 });
    expect(link.getAttribute('href')).toBe('/self-inspections/5');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('已提交')).toBeTruthy();
    expect(within(row).getByText('已答 0 / 共 3')).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/self-inspections')?.url).toContain('enterpriseId=7'),
    );
  });
});
