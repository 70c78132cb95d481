import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserView } from '@hazard-ledger/domain';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

function userView(patch: Partial<UserView> = {}): UserView {
  return {
    id: 21,
    username: 'li4',
    displayName: '李四',
    role: 'publicity',
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    sectors: null,
    enterpriseId: null,
    enterpriseName: null,
    phone: null,
    certificateNo: null,
    status: 'active',
    totpEnabled: false,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2025-05-01T00:00:00.000Z',
    version: 4,
    ...patch,
  };
}

/** The open dialog containing `text` (antd gives every aria id "test-id" under NODE_ENV=test, so names are unreliable). */
function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

const orgUnits = {
  items: [
    { id: 3, parentId: null, kind: 'district', name: '示例区应急管理局', code: '001', path: '/3/' },
  ],
};

describe('users page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists users with server paging, filters and row actions', async () => {
    const locked = userView({
      id: 22,
      username: 'wang5',
      displayName: '王五',
      lockedUntil: '2999-01-01T00:00:00Z',
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /org-units': json(200, orgUnits),
      'GET /users': json(200, { items: [userView(), locked], total: 42, page: 1, pageSize: 20 }),
    });
    renderApp('/users');
    const row = (await screen.findByText('王五')).closest('tr') as HTMLElement;
    expect(within(row).getByText('已锁定')).toBeTruthy();
    expect(within(row).getByRole('button', { name: '解锁' })).toBeTruthy();
    const other = screen.getByText('李四').closest('tr') as HTMLElement;
    expect(within(other).queryByRole('button', { name: '解锁' })).toBeNull();
    expect(within(other).getByRole('button', { name: '停用' })).toBeTruthy();
    expect(screen.getByText('共 42 条')).toBeTruthy();

    const search = document.getElementById('userSearch') as HTMLInputElement;
    fireEvent.change(search, { target: { value: '王' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.some((c) => c.url.includes('q=%E7%8E%8B'))).toBe(true));
    expect(calls.filter((c) => c.path === '/users')[0]?.url).toBe(
      '/api/v1/users?page=1&pageSize=20',
    );
  });

  it('confirms in Chinese before disabling, then posts with the CSRF token', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /org-units': json(200, orgUnits),
      'GET /users': json(200, { items: [userView()], total: 1, page: 1, pageSize: 20 }),
      'POST /users/21/disable': json(200, userView({ status: 'disabled' })),
    });
    renderApp('/users');
    const row = (await screen.findByText('李四')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    const dialog = await findDialog('确定停用用户“李四”吗？');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/users/21/disable')).toBe(true));
    const post = calls.find((c) => c.path === '/users/21/disable');
    expect(post?.method).toBe('POST');
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('maps server field errors onto the edit form and offers a reload on a stale version', async () => {
    let patches = 0;
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /org-units': json(200, orgUnits),
      'GET /users': json(200, { items: [userView()], total: 1, page: 1, pageSize: 20 }),
      'GET /users/21': json(200, userView({ displayName: '李四（新）', version: 5 })),
      'PATCH /users/21': () => {
        patches += 1;
        return patches === 1
          ? apiError(400, 'VALIDATION_FAILED', '提交的数据有误，请检查标出的字段', [
              { path: 'phone', message: '电话号码格式不正确' },
            ])
          : apiError(409, 'STALE_VERSION', '该记录已被他人修改，请刷新后重试');
      },
    });
    renderApp('/users');
    const row = (await screen.findByText('李四')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));

    const drawer = await findDialog('编辑用户');
    const name = within(drawer).getByLabelText<HTMLInputElement>('姓名');
    expect(name.id).toBe('user_displayName');
    expect(name.value).toBe('李四');
    expect(within(drawer).getByLabelText<HTMLInputElement>('用户名').disabled).toBe(true);
    // Publicity: no sectors, enterprise or certificate fields.
    expect(within(drawer).queryByLabelText('负责行业领域')).toBeNull();
    expect(within(drawer).queryByLabelText('执法证号')).toBeNull();
    fireEvent.change(within(drawer).getByLabelText('联系电话'), { target: { value: '12345' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));

    expect(await screen.findByText('电话号码格式不正确')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({
      displayName: '李四',
      role: 'publicity',
      orgUnitId: 3,
      sectors: null,
      enterpriseId: null,
      phone: '12345',
      certificateNo: null,
      version: 4,
    });

    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    const dialog = await findDialog('记录已被修改');
    fireEvent.click(within(dialog).getByRole('button', { name: '重新加载' }));
    await waitFor(() =>
      expect((document.getElementById('user_displayName') as HTMLInputElement).value).toBe(
        '李四（新）',
      ),
    );
    expect(calls.some((c) => c.method === 'GET' && c.path === '/users/21')).toBe(true);
  });
});
