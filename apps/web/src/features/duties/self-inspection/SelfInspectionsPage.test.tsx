import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { coverage, runDetail } from './self-inspection-fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

describe('self-inspections page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the office who submitted, per sector, with links to the findings', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /campaigns': json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
      'GET /self-inspections/coverage': json(200, coverage()),
    });
    renderApp('/self-inspections');
    const submittedRow = (await screen.findByText('恒泰化工有限公司', {}, SLOW)).closest(
      'tr',
    ) as HTMLElement;
    expect(within(submittedRow).getByText('已提交')).toBeTruthy();
    const findings = within(submittedRow).getByRole('link', { name: '3 项（查看隐患）' });
    expect(findings.getAttribute('href')).toBe('/hazards?enterpriseId=7&origin=self_check');
    expect(within(submittedRow).getByRole('link', { name: '查看' }).getAttribute('href')).toBe(
      '/self-inspections/5',
    );

    const pendingRow = screen.getByText('未提交化工有限公司').closest('tr') as HTMLElement;
    expect(within(pendingRow).getByText('未提交')).toBeTruthy();
    expect(within(pendingRow).getByText('填报中')).toBeTruthy();

    expect(screen.getByText('已提交 1 / 2 家，发现问题 3 项')).toBeTruthy();
    expect(screen.getByText('已提交 0 / 1 家，发现问题 0 项')).toBeTruthy();
    expect(screen.getByText('共 2 家企业')).toBeTruthy();
    expect(screen.getByRole('link', { name: /导出/ }).getAttribute('href')).toBe(
      '/api/v1/self-inspections/coverage/export?campaignId=1',
    );

    // The filters go to the server.
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), {
      target: { value: '恒泰' },
    });
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索' }), {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
    });
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/self-inspections/coverage' && c.url.includes('q=')),
      ).toBe(true),
    );
  });

  it('says so when no campaign is running', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /campaigns': json(200, { items: [], total: 0, page: 1, pageSize: 50 }),
      'GET /self-inspections/coverage': json(
        200,
        coverage({ campaign: null, sectors: [], items: [], total: 0 }),
      ),
    });
    renderApp('/self-inspections');
    expect(
      await screen.findByText('当前没有进行中的专项行动，请选择一个专项行动查看', {}, SLOW),
    ).toBeTruthy();
  });

  it('lets an enterprise start a run and opens it', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /self-inspections/start-info': json(200, {
        campaign: { id: 1, name: '2026年重大事故隐患专项排查整治行动' },
        draftId: null,
        canStart: true,
      }),
      'GET /self-inspections': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'POST /self-inspections': json(201, runDetail({ id: 9 })),
      'GET /self-inspections/9': json(200, runDetail({ id: 9 })),
    });
    renderApp('/self-inspections');
    expect(
      await screen.findByText('当前专项行动：2026年重大事故隐患专项排查整治行动', {}, SLOW),
    ).toBeTruthy();
    expect(screen.getByText('还没有自查记录')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /开始自查/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({});
    expect(await screen.findByText('已答 0 / 共 3')).toBeTruthy();
  });
});
