import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { EnterpriseDetail } from '../../../api/enterprises-api';
import { upcoming } from './plan-fixtures';
import { UpcomingInspectionsCard } from './UpcomingInspectionsCard';

const enterprise = { id: 7, name: '示例化工有限公司' } as EnterpriseDetail;
const SLOW = { timeout: 15_000 };

describe('upcoming inspections card', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an enterprise user its announced visits only, without inspectors', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/upcoming-inspections': json(200, {
        items: [
          upcoming(),
          // Never sent by the server to an enterprise user; the card would not show it either.
          upcoming({ planId: 6, planName: '四不两直暗查', unannounced: true, targetId: 12 }),
        ],
      }),
    });
    renderWithProviders(<UpcomingInspectionsCard enterprise={enterprise} />);
    expect(await screen.findByText('11月危化烟花双随机抽查', {}, SLOW)).toBeTruthy();
    expect(calls.some((c) => c.path === '/enterprises/7/upcoming-inspections')).toBe(true);
    expect(screen.queryByText('四不两直暗查')).toBeNull();
    expect(screen.queryByText('四不两直')).toBeNull();
    expect(screen.queryByText(/执法人员/)).toBeNull();
    expect(screen.getByText(/2026-11-01 至 2026-11-30/)).toBeTruthy();
  });

  it('says so when nothing is planned', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/upcoming-inspections': json(200, { items: [] }),
    });
    renderWithProviders(<UpcomingInspectionsCard enterprise={enterprise} />);
    expect(await screen.findByText('近期没有针对本企业的公开检查计划', {}, SLOW)).toBeTruthy();
  });

  it('shows staff the unannounced ones flagged, with the inspectors', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enterprises/7/upcoming-inspections': json(200, {
        items: [
          upcoming({
            planId: 6,
            planName: '四不两直暗查',
            unannounced: true,
            inspectors: ['耿建', '阮飞'],
          }),
        ],
      }),
    });
    renderWithProviders(<UpcomingInspectionsCard enterprise={enterprise} />);
    expect(await screen.findByText('四不两直暗查', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('四不两直')).toBeTruthy();
    expect(screen.getByText('执法人员：耿建、阮飞')).toBeTruthy();
  });
});
