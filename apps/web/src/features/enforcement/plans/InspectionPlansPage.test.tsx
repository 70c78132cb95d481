import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { planDetail, planListItem } from './plan-fixtures';

const SLOW = { timeout: 15_000 };

const page = {
  items: [
    planListItem({
      id: 5,
      name: '双随机抽查计划',
      status: 'assigned',
      targetCount: 2,
      inspectedCount: 1,
    }),
    planListItem({ id: 6, name: '暗查暗访计划', kind: 'key_enterprise', unannounced: true }),
  ],
  total: 2,
  page: 1,
  pageSize: 20,
};

describe('inspection plans page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the plans with their kind, flags and progress, and filters by status', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans': json(200, page),
    });
    renderApp('/inspection-plans');
    const row = (await screen.findByText('双随机抽查计划', {}, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('双随机抽查')).toBeTruthy();
    expect(within(row).getByText('已检查 1/2')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '双随机抽查计划' }).getAttribute('href')).toBe(
      '/inspection-plans/5',
    );
    const hidden = screen.getByText('暗查暗访计划').closest('tr') as HTMLElement;
    expect(within(hidden).getByText('四不两直')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '状态' }));
    fireEvent.click(await screen.findByTitle('已确定检查对象'));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/inspection-plans' && c.url.includes('status=assigned')),
      ).toBe(true),
    );
  });

  it('makes a plan: checks it with the domain schema, then posts it', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /inspection-plans': json(201, planDetail({ id: 9, name: '新计划' })),
      'GET /inspection-plans/9': json(200, planDetail({ id: 9, name: '新计划' })),
    });
    renderApp('/inspection-plans');
    fireEvent.click(await screen.findByRole('button', { name: /制定计划/ }, SLOW));
    fireEvent.change(await screen.findByLabelText('计划名称'), { target: { value: '新计划' } });
    const drawer = screen.getByRole('dialog');
    fireEvent.mouseDown(within(drawer).getByLabelText('行业领域'));
    fireEvent.click(await screen.findByTitle('危险化学品'));
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    // A random plan needs the number of enterprises to draw.
    expect(await screen.findByText('双随机抽查须填写抽取企业数')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('抽取企业数'), { target: { value: '3' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      name: '新计划',
      kind: 'random',
      sectors: ['hazchem'],
      enterpriseCount: 3,
      inspectorsPerTarget: 2,
      unannounced: false,
      crossArea: false,
      departments: [],
    });
    expect(await screen.findByRole('heading', { name: '新计划' }, SLOW)).toBeTruthy();
  });

  it('is closed to enterprise users (route permission): no plan list is ever asked for', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /inspection-plans': json(200, page),
    });
    renderApp('/inspection-plans');
    expect(await screen.findByText('无权访问', {}, SLOW)).toBeTruthy();
    expect(calls.some((c) => c.path === '/inspection-plans')).toBe(false);
    expect(screen.queryByText('暗查暗访计划')).toBeNull();
  });

  it('fits a phone: one column with the status and period', async () => {
    setViewportWidth(390);
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspection-plans': json(200, page),
    });
    renderApp('/inspection-plans');
    const cell = (await screen.findByText('双随机抽查计划', {}, SLOW)).closest('td') as HTMLElement;
    expect(within(cell).getByText('已确定检查对象')).toBeTruthy();
    expect(within(cell).getByText(/2026-11-01 至 2026-11-30/)).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '检查期间' })).toBeNull();
  });
});
