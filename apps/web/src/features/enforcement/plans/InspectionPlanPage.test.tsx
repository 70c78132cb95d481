import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { drawnPlan, planDetail, planTarget } from './plan-fixtures';

const SLOW = { timeout: 15_000 };

describe('inspection plan page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('draws with a seed, shows it, re-runs the draw and links each target to its record', async () => {
    let current = planDetail();
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans/5': () => json(200, current),
      'POST /inspection-plans/5/draw': () => {
        current = drawnPlan();
        return json(200, current);
      },
      'POST /inspection-plans/5/draw/verify': json(200, {
        same: true,
        algorithm: 'HL-DRAW-V1',
        seed: 'demo-2026',
        stored: [],
        recomputed: [],
        error: null,
      }),
    });
    renderApp('/inspection-plans/5');
    expect(
      await screen.findByRole('heading', { name: '11月危化烟花双随机抽查' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByText(/尚未抽取/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '复核抽取结果' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '随机抽取' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/随机种子/), { target: { value: 'demo-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '抽取' }));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/inspection-plans/5/draw')).toBe(true),
    );
    expect(calls.find((c) => c.path === '/inspection-plans/5/draw')?.body).toEqual({
      version: 1,
      seed: 'demo-2026',
    });

    expect(await screen.findByText('demo-2026')).toBeTruthy();
    expect(screen.getByText(/可抽取企业 2 家；持证执法人员 2 人/)).toBeTruthy();
    const row = screen.getByText('示例烟花批发公司').closest('tr') as HTMLElement;
    expect(within(row).getByText('耿建（15060223001）、阮飞（15060223002）')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '填写检查记录' }).getAttribute('href')).toBe(
      '/inspections/new?planId=5&targetId=12',
    );
    expect(screen.getByRole('link', { name: /导出检查名单/ }).getAttribute('href')).toBe(
      '/api/v1/inspection-plans/5/targets.xlsx',
    );

    fireEvent.click(screen.getByRole('button', { name: /复核抽取结果/ }));
    expect(await screen.findByText(/复核一致/)).toBeTruthy();
  });

  it('shows a failed re-run and links an inspected target to its record', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans/5': json(
        200,
        drawnPlan({
          status: 'in_progress',
          targets: [planTarget({ status: 'inspected', recordId: 31 })],
        }),
      ),
      'POST /inspection-plans/5/draw/verify': json(200, {
        same: false,
        algorithm: 'HL-DRAW-V1',
        seed: 'demo-2026',
        stored: [],
        recomputed: [],
        error: null,
      }),
    });
    renderApp('/inspection-plans/5');
    const link = await screen.findByRole('link', { name: '查看检查记录' }, SLOW);
    expect(link.getAttribute('href')).toBe('/inspections/31');
    fireEvent.click(screen.getByRole('button', { name: /复核抽取结果/ }));
    expect(await screen.findByText(/复核不一致/)).toBeTruthy();
  });

  it('cancels with a reason and explains a stale version', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans/5': json(200, planDetail()),
      'POST /inspection-plans/5/cancel': apiError(409, 'STALE_VERSION', '记录已被他人修改'),
    });
    renderApp('/inspection-plans/5');
    fireEvent.click(await screen.findByRole('button', { name: '取消计划' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请填写取消原因')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('取消原因'), {
      target: { value: '上级统一部署' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      version: 1,
      reason: '上级统一部署',
    });
    expect((await screen.findAllByText('记录已被修改')).length).toBeGreaterThan(0);
  });

  it('assigns targets by hand: an enterprise and its certified inspectors', async () => {
    const plan = planDetail({
      kind: 'complaint',
      crossArea: true,
      enterpriseCount: null,
      availableActions: ['edit', 'assign', 'cancel'],
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans/5': json(200, plan),
      'GET /inspection-plans/5/candidates': json(200, {
        enterprises: [
          {
            id: 7,
            name: '示例化工有限公司',
            sector: 'hazchem',
            districtId: 3,
            districtName: '甲区',
          },
        ],
        inspectors: [
          {
            userId: 21,
            name: '耿建',
            certificateNo: '15060223001',
            orgUnitName: '甲区执法大队',
            districtId: 3,
            officeId: 30,
          },
          {
            userId: 31,
            name: '乙区一',
            certificateNo: '15060323001',
            orgUnitName: '乙区执法大队',
            districtId: 4,
            officeId: 40,
          },
          {
            userId: 32,
            name: '乙区二',
            certificateNo: '15060323002',
            orgUnitName: '乙区执法大队',
            districtId: 4,
            officeId: 40,
          },
        ],
      }),
      'PUT /inspection-plans/5/targets': json(200, drawnPlan({ kind: 'complaint', draw: null })),
    });
    renderApp('/inspection-plans/5');
    expect(await screen.findByText(/由人工确定/, {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确定检查对象' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '企业' }));
    fireEvent.click(await screen.findByTitle('示例化工有限公司（危险化学品 · 甲区）'));
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '执法人员' }));
    // Cross-area: the inspector of the enterprise's own district is not offered.
    expect(await screen.findByTitle('乙区一（15060323001 · 乙区执法大队）')).toBeTruthy();
    // The options follow the chosen enterprise once the form has taken the selection.
    await waitFor(() =>
      expect(screen.queryByTitle('耿建（15060223001 · 甲区执法大队）')).toBeNull(),
    );
    fireEvent.click(screen.getByTitle('乙区一（15060323001 · 乙区执法大队）'));
    fireEvent.click(screen.getByTitle('乙区二（15060323002 · 乙区执法大队）'));
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 1,
      targets: [{ enterpriseId: 7, inspectorIds: [31, 32] }],
    });
  });

  it('fits a phone: each target in one cell with its pair and the record link', async () => {
    setViewportWidth(390);
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans/5': json(200, drawnPlan()),
    });
    renderApp('/inspection-plans/5');
    const cell = (await screen.findByText('示例烟花批发公司', {}, SLOW)).closest(
      'td',
    ) as HTMLElement;
    expect(within(cell).getByText('耿建（15060223001）、阮飞（15060223002）')).toBeTruthy();
    expect(within(cell).getByRole('link', { name: '填写检查记录' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '执法人员' })).toBeNull();
  });

  it('never shows an unannounced plan to an enterprise user', async () => {
    // The server answers 404 for an unannounced plan …
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /inspection-plans/6': apiError(404, 'NOT_FOUND', '记录不存在或无权查看'),
    });
    renderApp('/inspection-plans/6');
    expect(await screen.findByText('检查计划不存在或无权查看', {}, SLOW)).toBeTruthy();
  });

  it('and the page refuses one even if it arrived; an announced one shows no inspectors', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /inspection-plans/6': json(
        200,
        drawnPlan({ id: 6, name: '四不两直暗查', unannounced: true, availableActions: [] }),
      ),
      'GET /inspection-plans/5': json(
        200,
        drawnPlan({
          draw: { ...drawnPlan().draw!, drawnByName: '' },
          targets: [{ ...planTarget(), inspectors: [] }],
          history: [],
          availableActions: [],
          can: { manage: false, verify: true, export: false },
        }),
      ),
    });
    const { unmount } = renderApp('/inspection-plans/6');
    expect(await screen.findByText('检查计划不存在或无权查看', {}, SLOW)).toBeTruthy();
    expect(screen.queryByText('四不两直暗查')).toBeNull();
    unmount();

    renderApp('/inspection-plans/5');
    expect(
      await screen.findByRole('heading', { name: '11月危化烟花双随机抽查' }, SLOW),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '示例化工有限公司' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '执法人员' })).toBeNull();
    expect(screen.queryByText(/耿建/)).toBeNull();
    expect(screen.queryByRole('link', { name: '填写检查记录' })).toBeNull();
    expect(screen.queryByRole('button', { name: '开始实施' })).toBeNull();
  });
});
