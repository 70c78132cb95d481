import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { myReportDetail, myReportItem } from './fixtures';

const SLOW = { timeout: 15_000 };

const me = meResponse('informant', {
  displayName: '信息员XXY0004',
  sectors: ['hazchem', 'fireworks'],
});
const profile = {
  code: 'XXY0004',
  sectors: ['fireworks', 'hazchem'],
  districtName: '示例区应急管理局',
  enterpriseName: null,
  area: '化工园区东区',
  active: true,
};
const routes = {
  'GET /auth/me': json(200, me),
  'GET /my-reports/profile': json(200, profile),
  'GET /my-reports': json(200, { items: [myReportItem()], total: 1, page: 1, pageSize: 20 }),
  'GET /my-reports/21': json(200, myReportDetail()),
  'GET /my-reports/enterprises': json(200, {
    items: [{ id: 7, name: '示例化工有限公司', sector: 'hazchem' }],
  }),
};

describe('my reports (informant)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists my reports and opens one with its replies', async () => {
    mockApi(routes);
    renderApp('/my-reports');
    expect(await screen.findByText(/信息员 XXY0004 · 示例区应急管理局/, {}, SLOW)).toBeTruthy();
    const row = (await screen.findByText('装卸区无人监护')).closest('tr') as HTMLElement;
    expect(within(row).getByText('核查中')).toBeTruthy();
    expect(within(row).getByText('1条答复')).toBeTruthy();
    fireEvent.click(within(row).getByText('装卸区无人监护'));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('已交执法大队核查')).toBeTruthy();
    expect(within(drawer).getByText('夜间卸车作业现场无安全监护人员')).toBeTruthy();
    expect(within(drawer).getByRole('button', { name: /选择照片或PDF/ })).toBeTruthy();
  });

  it('submits a report with the shared rules, then opens it for photos', async () => {
    const calls = mockApi({
      ...routes,
      'POST /my-reports': json(201, myReportDetail({ messages: [], replyCount: 0 })),
    });
    renderApp('/my-reports');
    fireEvent.click(await screen.findByRole('button', { name: /提交报告/ }, SLOW));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: '提交报告' }));
    expect(await within(drawer).findByText('请选择被报告企业')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '被报告企业' }));
    fireEvent.click(await screen.findByTitle('示例化工有限公司（危险化学品）'));
    fireEvent.change(within(drawer).getByLabelText('报告事项'), {
      target: { value: '装卸区无人监护' },
    });
    fireEvent.change(within(drawer).getByLabelText('情况描述'), {
      target: { value: '夜间卸车作业现场无安全监护人员' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '提交报告' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      enterpriseId: 7,
      subject: '装卸区无人监护',
      description: '夜间卸车作业现场无安全监护人员',
      place: null,
    });
    expect(await screen.findByText('报告 示例举〔2023〕0021号')).toBeTruthy();
  });

  it('offers the camera on a phone', async () => {
    setViewportWidth(375);
    mockApi(routes);
    renderApp('/my-reports');
    fireEvent.click(await screen.findByText('装卸区无人监护', {}, SLOW));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByRole('button', { name: /拍照/ })).toBeTruthy();
  });

  it('tells a login without a registry entry to contact the bureau', async () => {
    mockApi({
      ...routes,
      'GET /my-reports/profile': apiError(403, 'FORBIDDEN', '无权执行此操作'),
    });
    renderApp('/my-reports');
    expect(await screen.findByText(/未关联信息员登记/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /提交报告/ })).toBeNull();
  });
});
