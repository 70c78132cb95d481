import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FIGURES } from '@hazard-ledger/domain';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { dispatchView, reportOptions } from './report-fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

/** The header cell whose text is exactly `text`. */
function headerCell(text: string): HTMLTableCellElement {
  const cell = screen.getAllByRole('columnheader').find((th) => th.textContent?.trim() === text) as
    HTMLTableCellElement | undefined;
  if (!cell) throw new Error(`no header cell ${text}`);
  return cell;
}

const routes = {
  'GET /auth/me': json(200, meResponse('office')),
  'GET /reports/options': json(200, reportOptions()),
  'GET /reports/dispatch': json(200, dispatchView()),
};

describe('dispatch report page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the week of the URL and draws the progress table with merged headers and definitions', async () => {
    const calls = mockApi(routes);
    // Any day of the week opens the week (its Monday in the request).
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&week=2026-11-18');
    const region = await screen.findByRole('region', { name: '进展情况调度表' }, SLOW);
    const get = calls.find((c) => c.path === '/reports/dispatch')!;
    expect(get.url).toContain('districtId=3');
    expect(get.url).toContain('sector=hazchem');
    expect(get.url).toContain('campaignId=5');
    expect(get.url).toContain('kind=weekly');
    expect(get.url).toContain('week=2026-11-16');
    expect(screen.getByTestId('report-status').textContent).toBe('草稿（实时生成）');
    expect(screen.getByText(/执法数据尚未确认/)).toBeTruthy();

    // 填报单位 spans the three header rows; a group spans its figures' columns; a flow figure
    // spans 本周 and 累计; a stock figure spans the figure and period rows.
    expect(headerCell('填报单位').rowSpan).toBe(3);
    expect(headerCell('企业自查自改').colSpan).toBe(7);
    expect(headerCell('开展自查自改企业数（家）').colSpan).toBe(2);
    expect(headerCell('行业企业总数（家）').rowSpan).toBe(2);
    expect(within(region).getAllByRole('columnheader', { name: '本周' }).length).toBeGreaterThan(5);

    // The figure's definition on hover.
    fireEvent.mouseEnter(within(headerCell('行业企业总数（家）')).getByText('行业企业总数（家）'));
    expect(
      await screen.findByText(FIGURES.enterprises_registered.definition, {}, SLOW),
    ).toBeTruthy();
    // An unsupported figure explains why there is no number.
    const persons = headerCell('移送司法机关人数（人）');
    fireEvent.mouseEnter(within(persons).getByText('移送司法机关人数（人）'));
    expect(
      await screen.findByText(FIGURES.judicial_referral_persons.unsupportedReason!, {}, SLOW),
    ).toBeTruthy();

    // 附件5 lists the open major hazards, each linked to its page.
    const hazards = screen.getByRole('region', { name: '重大事故隐患问题清单' });
    expect(
      within(hazards).getByRole('link', { name: '储罐区可燃气体报警器失效' }).getAttribute('href'),
    ).toBe('/hazards/41');
    // Exports carry the same report.
    expect(screen.getByRole('link', { name: /导出 Excel/ }).getAttribute('href')).toBe(
      '/api/v1/reports/dispatch/export.xlsx?districtId=3&sector=hazchem&campaignId=5&kind=weekly&week=2026-11-16',
    );
  });

  it('opens the records behind a number, from the snapshot of a frozen version', async () => {
    const frozen = dispatchView({
      status: 'submitted',
      frozen: true,
      reportId: 9,
      versionId: 12,
      version: 1,
      onTime: true,
      preparedBy: '闫晓',
      can: { confirm: false, submit: false, correct: true },
      versions: [
        {
          id: 12,
          version: 1,
          submittedAt: '2026-11-23T02:00:00.000Z',
          submittedByName: '闫晓',
          preparedBy: '闫晓',
          contactPhone: null,
          reason: null,
          onTime: true,
        },
      ],
    });
    const calls = mockApi({
      ...routes,
      'GET /reports/dispatch': json(200, frozen),
      'GET /reports/dispatch/drilldown': json(200, {
        figure: 'major_hazards_found',
        period: 'week',
        recordType: 'hazard',
        total: 1,
        page: 1,
        pageSize: 20,
        items: [
          {
            id: 41,
            title: '储罐区可燃气体报警器失效',
            enterpriseId: 7,
            enterpriseName: '东胜区恒泰化工有限公司',
            date: '2026-11-18',
            status: '整改中',
            href: '/hazards/41',
          },
        ],
      }),
    });
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&week=2026-11-16');
    expect((await screen.findByTestId('report-status', {}, SLOW)).textContent).toBe('已报送 v1');
    expect(screen.getAllByText('按时').length).toBeGreaterThan(0);
    // A ratio has no records behind it: not a link.
    expect(screen.queryByRole('button', { name: /查看明细：重大事故隐患整改率/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /查看明细：排查重大事故隐患数（本周）/ }));
    const drawer = await findDialog('排查重大事故隐患数（本周）');
    const link = await within(drawer).findByRole('link', { name: '储罐区可燃气体报警器失效' });
    expect(link.getAttribute('href')).toBe('/hazards/41');
    const drill = calls.find((c) => c.path === '/reports/dispatch/drilldown')!;
    const q = new URL(drill.url, 'http://localhost').searchParams;
    expect(Object.fromEntries(q)).toEqual({
      districtId: '3',
      sector: 'hazchem',
      campaignId: '5',
      kind: 'weekly',
      week: '2026-11-16',
      versionId: '12',
      figure: 'major_hazards_found',
      period: 'week',
      page: '1',
      pageSize: '20',
    });
    // The versions list opens a version.
    expect(screen.getByRole('button', { name: '查看第 1 版' })).toBeTruthy();
  });

  it('checks the submission before sending it and shows the server refusal', async () => {
    let submits = 0;
    const calls = mockApi({
      ...routes,
      'POST /reports/dispatch/submit': () => {
        submits += 1;
        return submits === 1
          ? apiError(409, 'CONFLICT', '执法数据在确认后已变化', [
              { path: 'confirmation', message: '执法数据在确认后已变化，请执法大队重新确认' },
            ])
          : json(
              200,
              dispatchView({
                status: 'submitted',
                frozen: true,
                version: 1,
                versionId: 12,
                onTime: true,
                can: { confirm: false, submit: false, correct: true },
              }),
            );
      },
    });
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&week=2026-11-16');
    fireEvent.click(await screen.findByRole('button', { name: '审核报送' }, SLOW));
    const dialog = await findDialog('联系电话');
    const preparedBy = within(dialog).getByLabelText<HTMLInputElement>('填报人');
    // The signed-in user by default.
    expect(preparedBy.value).toBe('张三');
    fireEvent.change(preparedBy, { target: { value: ' ' } });
    fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: 'abc' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '报送' }));
    expect(await within(dialog).findByText('请填写填报人')).toBeTruthy();
    fireEvent.change(preparedBy, { target: { value: '闫晓' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '报送' }));
    expect(await within(dialog).findByText('联系电话格式不正确')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('联系电话'), {
      target: { value: '0477-8581234' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '报送' }));
    expect(
      await within(dialog).findByText('执法数据在确认后已变化，请执法大队重新确认'),
    ).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      districtId: 3,
      sector: 'hazchem',
      campaignId: 5,
      kind: 'weekly',
      week: '2026-11-16',
      preparedBy: '闫晓',
      contactPhone: '0477-8581234',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '报送' }));
    await waitFor(() => expect(screen.getByTestId('report-status').textContent).toBe('已报送 v1'));
  });

  it('labels the period column 本期 and requires the summary for a milestone report', async () => {
    const calls = mockApi({
      ...routes,
      'GET /reports/dispatch': json(
        200,
        dispatchView({
          kind: 'milestone',
          milestone: { key: '8-13', name: '8月13日阶段总结', due: '2026-08-13' },
        }),
      ),
    });
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&kind=milestone&milestone=8-13');
    await screen.findByRole('region', { name: '进展情况调度表' }, SLOW);
    expect(calls.find((c) => c.path === '/reports/dispatch')!.url).toContain('milestone=8-13');
    expect(screen.getAllByRole('columnheader', { name: '本期' }).length).toBeGreaterThan(5);
    expect(screen.queryByRole('columnheader', { name: '本周' })).toBeNull();
    expect(screen.getByText('尚未填写')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '审核报送' }));
    const dialog = await findDialog('工作总结');
    fireEvent.click(within(dialog).getByRole('button', { name: '报送' }));
    expect(await within(dialog).findByText('阶段性报告须填写工作总结')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('warns with the changed figures when the confirmation is stale, and confirms again', async () => {
    const calls = mockApi({
      ...routes,
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /reports/dispatch': json(
        200,
        dispatchView({
          status: 'confirmed',
          confirmation: {
            byName: '耿建',
            at: '2026-11-23T01:00:00.000Z',
            stale: true,
            changed: ['penalty_cases', 'penalty_fines'],
          },
          can: { confirm: true, submit: false, correct: false },
        }),
      ),
      'POST /reports/dispatch/confirm': json(
        200,
        dispatchView({
          status: 'confirmed',
          confirmation: {
            byName: '耿建',
            at: '2026-11-23T02:00:00.000Z',
            stale: false,
            changed: [],
          },
          can: { confirm: true, submit: false, correct: false },
        }),
      ),
    });
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&week=2026-11-16');
    const box = await screen.findByTestId('confirmation', {}, SLOW);
    expect(box.textContent).toContain('耿建');
    expect(box.textContent).toContain('行政处罚案件数、罚款金额');
    fireEvent.click(screen.getByRole('button', { name: '确认执法数据' }));
    await waitFor(() => expect(screen.getByText('确认本期执法数据？')).toBeTruthy());
    fireEvent.click(await screen.findByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(screen.getByTestId('confirmation').textContent).toMatch(/执法数据已由 耿建 于/),
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      districtId: 3,
      sector: 'hazchem',
      campaignId: 5,
      kind: 'weekly',
      week: '2026-11-16',
    });
  });

  it('tells a city user that a district has not submitted yet', async () => {
    mockApi({
      ...routes,
      'GET /auth/me': json(200, meResponse('city')),
      'GET /reports/options': json(200, reportOptions({ seesDrafts: false })),
      'GET /reports/dispatch': apiError(404, 'NOT_FOUND', '记录不存在或无权查看'),
    });
    renderApp('/reports/dispatch?districtId=3&sector=hazchem&week=2026-11-16');
    expect(await screen.findByText('该区县尚未报送本期调度表', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /导出 Excel/ })).toBeNull();
  });
});
