import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../test/mock-api';
import { meResponse } from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { setViewportWidth } from '../test/setup';

describe('app layout', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a desktop shows the side menu and the user, role and org unit in the header', async () => {
    mockApi({ 'GET /auth/me': json(200, meResponse('office')) });
    renderApp('/');
    expect(await screen.findByText('您好，张三')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '主菜单' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['首页', '企业', '隐患台账', '判定标准', '专项行动', '通知', '事故警示', '我的账号']);
    const badge = screen.getByTestId('user-badge');
    expect(badge.textContent).toContain('张三');
    expect(badge.textContent).toContain('业务科室');
    expect(badge.textContent).toContain('示例区应急管理局');
    expect(screen.getByRole('button', { name: /退出登录/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '打开菜单' })).toBeNull();
    // Office home text names its sectors.
    expect(screen.getByText(/危险化学品、烟花爆竹/)).toBeTruthy();
    // The title is set by an effect after the page renders: wait for it on a loaded machine.
    await waitFor(() => expect(document.title).toBe('首页 - 重大事故隐患排查整治系统'));
  });

  it('at 375 px puts the menu, user and logout in a drawer', async () => {
    setViewportWidth(375);
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'POST /auth/logout': json(204),
    });
    renderApp('/');
    await screen.findByText('您好，张三');
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
    expect(screen.queryByRole('button', { name: /退出登录/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '打开菜单' }));
    const nav = await screen.findByRole('navigation', { name: '主菜单' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      '首页',
      '企业',
      '隐患台账',
      '判定标准',
      '专项行动',
      '通知',
      '事故警示',
      '公开曝光',
      '用户管理',
      '审计日志',
      '我的账号',
    ]);

    fireEvent.click(screen.getByRole('button', { name: /退出登录/ }));
    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy();
    const logout = calls.find((c) => c.path === '/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('after signing out, the next login starts from home, not the last page', async () => {
    let signedIn = true;
    mockApi({
      'GET /auth/me': () =>
        signedIn ? json(200, meResponse('office')) : apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'GET /auth/sessions': json(200, { items: [] }),
      'POST /auth/logout': () => {
        signedIn = false;
        return json(204);
      },
      'POST /auth/login': () => {
        signedIn = true;
        return json(200, { user: meResponse('office').user, csrfToken: 'csrf-2' });
      },
    });
    renderApp('/account?tab=sessions');
    fireEvent.click(await screen.findByRole('button', { name: /退出登录/ }));
    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'weihua' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Demo@2023pass' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('您好，张三')).toBeTruthy();
  });

  it('keeps a user who must enrol TOTP on the enrolment tab with a banner', async () => {
    mockApi({ 'GET /auth/me': json(200, meResponse('bureau_admin', { mustEnrollTotp: true })) });
    renderApp('/users');
    expect(await screen.findByRole('button', { name: '开始绑定' })).toBeTruthy();
    expect(screen.getAllByText(/必须先绑定动态验证码/).length).toBeGreaterThan(0);
    expect(screen.getByRole('tab', { name: '双因素认证', selected: true })).toBeTruthy();
  });

  it('shows 403 for a page the permissions do not allow, and 404 for unknown paths', async () => {
    mockApi({ 'GET /auth/me': json(200, meResponse('ent_leader')) });
    const { unmount } = renderApp('/users');
    expect(await screen.findByText('无权访问')).toBeTruthy();
    unmount();
    renderApp('/no-such-page');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });

  it('goes back to /login when a call answers 401 (session ended)', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /enterprises': apiError(401, 'UNAUTHENTICATED', '请先登录'),
    });
    renderApp('/enterprises');
    await waitFor(() => expect(screen.getByRole('button', { name: '登录' })).toBeTruthy(), {
      timeout: 30000,
    });
  });
});
