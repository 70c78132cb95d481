import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { computeScorecard, type DutyFacts, type ScorecardView } from '@hazard-ledger/domain';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** A scorecard built by the real domain rules from facts. */
function cardOf(enterpriseId: number, name: string, patch: (f: DutyFacts) => void): ScorecardView {
  const facts: DutyFacts = {
    organize: {
      selfInspectionSubmitted: true,
      leaderInspectionMissingMonths: [],
      keyPeriodMissedDays: 0,
      overdueMajorHazards: 0,
    },
    responsibility: {
      responsibilitySystem: true,
      deputyDutyLists: 1,
      campaignWorkList: true,
      majorSourcesWithoutGuarantor: 0,
      safetyAgencyOrStaff: true,
      experts: 0,
    },
    hazardous_work: {
      warningEducationHeld: true,
      weldingEquipmentChecked: true,
      hazardousStaffChecked: true,
      expiredCertificates: 0,
      expiringCertificates: 0,
    },
    outsourcing: { contracts: 0, contractsWithProblems: 0, comprehensiveCheckDone: true },
    drills: { drillsThisYear: 2, emergencyPlanAttached: true },
  };
  patch(facts);
  return { enterpriseId, enterpriseName: name, asOf: '2026-11-29', ...computeScorecard(facts) };
}

describe('five-duty scorecard pages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows an enterprise user its own card with the reasons of unmet duties', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/scorecard': json(
        200,
        cardOf(7, '示例化工有限公司', (f) => {
          f.drills.drillsThisYear = 1;
          f.organize.leaderInspectionMissingMonths = ['2026-06'];
        }),
      ),
    });
    renderApp('/duties');
    expect(await screen.findByText(/已落实 3 项，部分落实 2 项，未落实 0 项/)).toBeTruthy();
    const drills = screen.getByTestId('duty-drills');
    expect(within(drills).getByText('部分落实')).toBeTruthy();
    expect(within(drills).getByText('本年度应急演练 1 次，少于 2 次')).toBeTruthy();
    expect(
      within(screen.getByTestId('duty-organize')).getByText(
        '主要负责人每月至少带队检查1次：2026-06 无检查记录',
      ),
    ).toBeTruthy();
  });

  it('lists the enterprises for staff with a status per duty, filters by sector and exports', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /scorecards': json(200, {
        items: [
          {
            ...cardOf(7, '恒泰化工', (f) => {
              f.outsourcing = {
                contracts: 1,
                contractsWithProblems: 1,
                comprehensiveCheckDone: false,
              };
            }),
            sector: 'hazchem',
            districtName: '东胜区',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      }),
    });
    renderApp('/duties');
    expect(await screen.findByText('恒泰化工')).toBeTruthy();
    expect(screen.getAllByText('已落实')).toHaveLength(4);
    expect(screen.getByText('未落实')).toBeTruthy();
    expect(screen.getByText('导出').closest('a')?.getAttribute('href')).toBe(
      '/api/v1/scorecards/export',
    );

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '行业领域' }));
    fireEvent.click(await screen.findByTitle('危险化学品'));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/scorecards' && c.url.includes('sector=hazchem'))).toBe(
        true,
      ),
    );
    expect(screen.getByText('导出').closest('a')?.getAttribute('href')).toBe(
      '/api/v1/scorecards/export?sector=hazchem',
    );
  });
});
