import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  FIGURE_KEYS,
  type EnterpriseDashboardView,
  type ReportFigures,
  type StaffDashboardView,
} from '@hazard-ledger/domain';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { reportHref, selfInspectionHref } from './dashboard-links';

// jsdom has no layout or canvas: ECharts is replaced by a stand-in that draws every segment of
// the option as a button and reports a click the way ECharts does (series and data index).
vi.mock('echarts-for-react/esm/core', () => ({
  default: function EChartsStandIn(props: {
    option: {
      xAxis?: { data?: string[] };
      series: { name?: string; data: (number | null | { name: string })[] }[];
    };
    onEvents?: { click?: (p: { seriesIndex: number; dataIndex: number }) => void };
  }) {
    const categories = props.option.xAxis?.data;
    return (
      <div>
        {props.option.series.map((s, seriesIndex) =>
          s.data.map((d, dataIndex) => {
            const name =
              categories?.[dataIndex] ?? (typeof d === 'object' && d !== null ? d.name : '');
            return (
              <button
                key={`${seriesIndex}-${dataIndex}`}
                type="button"
                onClick={() => props.onEvents?.click?.({ seriesIndex, dataIndex })}
              >
                {`${s.name ?? ''}|${name}`}
              </button>
            );
          }),
        )}
      </div>
    );
  },
}));

const SLOW = { timeout: 15_000 };

function figures(value: number): ReportFigures {
  const out = {} as ReportFigures;
  for (const key of FIGURE_KEYS) out[key] = { week: value, cumulative: value };
  return out;
}

function staffView(patch: Partial<StaffDashboardView> = {}): StaffDashboardView {
  return {
    kind: 'staff',
    asOf: '2023-06-07',
    sections: { enforcement: true, tips: true, selfInspection: true },
    districts: [{ id: 3, name: '东胜区应急管理局' }],
    rollupOrgUnitId: null,
    sectors: ['hazchem', 'mining'],
    campaign: {
      id: 5,
      name: '重大事故隐患专项排查整治2023行动',
      startDate: '2023-05-22',
      endDate: '2023-12-31',
      progress: {
        date: '2023-06-07',
        status: 'in_progress',
        startDate: '2023-05-22',
        endDate: '2023-12-31',
        totalDays: 224,
        elapsedDays: 17,
        elapsedShare: 0.076,
        phase: null,
        daysLeftInPhase: null,
        phaseElapsedShare: null,
        nextPhase: null,
        nextMilestone: null,
        nextWeeklyDue: null,
      },
      weekFrom: '2023-06-05',
      weekTo: '2023-06-11',
    },
    figures: figures(4),
    figuresBySector: [
      { sector: 'hazchem', figures: figures(3) },
      { sector: 'mining', figures: figures(1) },
    ],
    rectification: [
      {
        weekFrom: '2023-05-22',
        weekTo: '2023-05-28',
        found: { week: 1, cumulative: 1 },
        rectified: { week: 0, cumulative: 0 },
        rate: 0,
      },
      {
        weekFrom: '2023-05-29',
        weekTo: '2023-06-04',
        found: { week: 1, cumulative: 2 },
        rectified: { week: 2, cumulative: 2 },
        rate: 100,
      },
    ],
    hazardsBySector: [
      { sector: 'hazchem', status: 'rectifying', count: 3 },
      { sector: 'mining', status: 'verified', count: 1 },
    ],
    hazardAlerts: { overdue: 2, overdueMajor: 1, supervised: 1 },
    ...patch,
  };
}

const emptyPage = { items: [], total: 0, page: 1, pageSize: 20, countsByStatus: {} };

describe('dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the hazard ledger filtered by the sector and status of a clicked bar', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /dashboard': json(200, staffView()),
      'GET /hazards': json(200, emptyPage),
      'GET /org-units': json(200, { items: [] }),
      'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/');
    const chart = await screen.findByRole('region', { name: '隐患台账（按行业和状态）' }, SLOW);
    expect(within(chart).getByRole('button', { name: '已销号|非煤矿山' })).toBeTruthy();
    fireEvent.click(within(chart).getByRole('button', { name: '整改中|危险化学品' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/hazards')).toBe(true), SLOW);
    const list = new URL(calls.find((c) => c.path === '/hazards')!.url, 'http://localhost');
    expect(list.searchParams.get('sector')).toBe('hazchem');
    expect(list.searchParams.get('status')).toBe('rectifying');
    expect(list.searchParams.get('districtId')).toBe('3');
  });

  it('opens the major hazards found up to a week from the rectification chart', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /dashboard': json(200, staffView()),
      'GET /hazards': json(200, emptyPage),
      'GET /org-units': json(200, { items: [] }),
      'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/');
    const chart = await screen.findByRole('region', { name: '重大事故隐患整改情况（按周）' }, SLOW);
    fireEvent.click(within(chart).getByRole('button', { name: '累计整改率（%）|06-04' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/hazards')).toBe(true), SLOW);
    const list = new URL(calls.find((c) => c.path === '/hazards')!.url, 'http://localhost');
    expect(list.searchParams.get('level')).toBe('major');
    expect(list.searchParams.get('foundFrom')).toBe('2023-05-22');
    expect(list.searchParams.get('foundTo')).toBe('2023-06-04');
  });

  it('links the overdue and supervised counts to the filtered ledger', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /dashboard': json(200, staffView()),
    });
    renderApp('/');
    const overdue = await screen.findByRole('link', { name: '逾期未整改隐患 2' }, SLOW);
    expect(overdue.getAttribute('href')).toBe('/hazards?districtId=3&overdue=true');
    expect(screen.getByRole('link', { name: '挂牌督办隐患 1' }).getAttribute('href')).toBe(
      '/hazards?districtId=3&supervised=true',
    );
  });

  it('shows an enterprise its open hazards by status, deadlines and duties', async () => {
    const view: EnterpriseDashboardView = {
      kind: 'enterprise',
      asOf: '2023-06-07',
      enterpriseId: 7,
      enterpriseName: '恒泰化工',
      openHazards: [
        { status: 'rectifying', level: 'major', count: 1 },
        { status: 'rectifying', level: 'general', count: 2 },
      ],
      overdue: 1,
      deadlines: [
        {
          id: 11,
          number: '东胜-2023-000011',
          title: '储罐报警器失效',
          level: 'major',
          status: 'rectifying',
          deadline: '2023-06-06',
          daysLeft: -1,
        },
      ],
      scorecard: {
        enterpriseId: 7,
        enterpriseName: '恒泰化工',
        asOf: '2023-06-07',
        duties: [{ duty: 'drills', status: 'missing', requirements: [], warnings: [] }],
        done: 0,
        partly: 0,
        missing: 1,
      },
    };
    const calls = mockApi({
      'GET /auth/me': json(
        200,
        meResponse('ent_safety', { enterpriseId: 7, enterpriseName: '恒泰化工' }),
      ),
      'GET /dashboard': json(200, view),
      'GET /hazards': json(200, emptyPage),
    });
    renderApp('/');
    expect(await screen.findByText(/2023-06-06 · 逾期 1 天/, {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: /储罐报警器失效/ }).getAttribute('href')).toBe(
      '/hazards/11',
    );
    const chart = screen.getByRole('region', { name: '本企业未销号隐患' });
    fireEvent.click(within(chart).getByRole('button', { name: '本企业未销号隐患|整改中' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/hazards')).toBe(true), SLOW);
    const list = new URL(calls.find((c) => c.path === '/hazards')!.url, 'http://localhost');
    expect(list.searchParams.get('status')).toBe('rectifying');
  });
});

describe('dashboard links', () => {
  it('sends a report figure to the dispatch report of its district, sector and week', () => {
    expect(reportHref(staffView(), 'mining')).toBe(
      '/reports/dispatch?districtId=3&sector=mining&kind=weekly&week=2023-06-11&campaignId=5',
    );
  });

  it('sends a city to the roll-up of its districts', () => {
    const city = staffView({
      districts: [
        { id: 3, name: '东胜区' },
        { id: 4, name: '康巴什区' },
      ],
      rollupOrgUnitId: 2,
    });
    expect(reportHref(city, 'hazchem')).toBe(
      '/reports/rollup?orgUnitId=2&sector=hazchem&kind=weekly&week=2023-06-11',
    );
    expect(reportHref(staffView({ campaign: null }), 'hazchem')).toBeNull();
  });

  it('sends self-inspection coverage to the coverage view of the campaign and sector', () => {
    expect(selfInspectionHref(staffView(), 'hazchem', 'not_submitted')).toBe(
      '/self-inspections?campaignId=5&sector=hazchem&status=not_submitted',
    );
  });
});
