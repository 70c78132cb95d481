import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { informantView } from './fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

const routes = {
  'GET /auth/me': json(200, meResponse('office')),
  'GET /org-units': json(200, {
    items: [
      {
        id: 3,
        parentId: 2,
        kind: 'district',
        name: '示例区应急管理局',
        code: 'X',
        path: '/1/2/3/',
      },
    ],
  }),
  'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
  'GET /informants': json(200, {
    items: [
      informantView(),
      informantView({
        id: 5,
        code: 'XXY0005',
        nameMasked: '孙*',
        active: true,
        account: { userId: 40, username: 'xxy5', status: 'active' },
      }),
    ],
    total: 2,
    page: 1,
    pageSize: 20,
  }),
};

describe('informant registry', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists informants with masked identities, on-duty first by default', async () => {
    const calls = mockApi(routes);
    renderApp('/informants');
    const row = (await screen.findByText('XXY0004', {}, SLOW)).closest('tr') as HTMLElement;
    expect(within(row).getByText('高**')).toBeTruthy();
    expect(within(row).getByText('139****0001')).toBeTruthy();
    expect(within(row).getByText('化工园区东区')).toBeTruthy();
    expect(within(row).getByText('未开通')).toBeTruthy();
    expect(screen.getByText('xxy5')).toBeTruthy();
    expect(calls.find((c) => c.path === '/informants')?.url).toContain('active=true');
    expect(screen.getByRole('note').textContent).toMatch(/加密保存/);
  });

  it('checks the form with the shared rules before posting, then registers', async () => {
    const calls = mockApi({
      ...routes,
      'POST /informants': json(201, informantView({ id: 6, code: 'XXY0006' })),
    });
    renderApp('/informants');
    fireEvent.click(await screen.findByRole('button', { name: /登记信息员/ }, SLOW));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('姓名'), { target: { value: '高志远' } });
    fireEvent.change(within(drawer).getByLabelText('联系电话'), {
      target: { value: '13947700001' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请选择所在企业或填写负责区域')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByLabelText('负责区域'), {
      target: { value: '化工园区东区' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: '高志远',
      phone: '13947700001',
      sectors: ['fireworks', 'hazchem'],
      districtId: 3,
      enterpriseId: null,
      area: '化工园区东区',
      note: null,
    });
  });

  it('shows the full identity only on request, through the audited read', async () => {
    const calls = mockApi({
      ...routes,
      'POST /informants/4/identity': json(200, { name: '高志远', phone: '13947700001' }),
    });
    renderApp('/informants');
    await screen.findByText('XXY0004', {}, SLOW);
    expect(calls.some((c) => c.path.endsWith('/identity'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '操作 XXY0004' }));
    fireEvent.click(await screen.findByText('查看身份'));
    expect(await screen.findByText('高志远')).toBeTruthy();
    expect(screen.getByText('本次查看已记入审计日志。')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/informants/4/identity')).toHaveLength(1);
  });

  it('creates a login and shows the server’s field error', async () => {
    const calls = mockApi({
      ...routes,
      'POST /informants/4/account': apiError(400, 'VALIDATION_FAILED', '请求参数不正确', [
        { path: 'username', message: '用户名已被使用' },
      ]),
    });
    renderApp('/informants');
    await screen.findByText('XXY0004', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: '操作 XXY0004' }));
    fireEvent.click(await screen.findByText('开通账号'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'xxy4' } });
    fireEvent.change(within(dialog).getByLabelText('初始密码'), {
      target: { value: 'Inform@2023pass' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /开通账号/ }));
    expect(await within(dialog).findByText('用户名已被使用')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'xxy4',
      password: 'Inform@2023pass',
      version: 3,
    });
  });

  it('sums an informant up in one cell on a phone', async () => {
    setViewportWidth(375);
    mockApi(routes);
    renderApp('/informants');
    const cell = (await screen.findByText('XXY0004 · 高**', {}, SLOW)).closest('td') as HTMLElement;
    expect(within(cell).getByText(/139\*\*\*\*0001/)).toBeTruthy();
    expect(within(cell).getByRole('button', { name: '操作 XXY0004' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '联系电话' })).toBeNull();
  });
});
