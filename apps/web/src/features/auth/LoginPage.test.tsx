import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { getCsrfToken } from '../../api/client';

function fillAndSubmit(username: string, password: string, submit = '登录') {
  fireEvent.change(document.getElementById('username') as HTMLInputElement, {
    target: { value: username },
  });
  fireEvent.change(document.getElementById('password') as HTMLInputElement, {
    target: { value: password },
  });
  fireEvent.click(screen.getByRole('button', { name: submit }));
}

describe('login page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a signed-out visitor to /login and shows the server message on wrong credentials', async () => {
    const calls = mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /auth/login': apiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'),
    });
    renderApp('/users');

    await screen.findByRole('button', { name: '登录' });
    expect(screen.getByLabelText('用户名')).toHaveProperty('id', 'username');
    expect(screen.getByLabelText('密码')).toHaveProperty('id', 'password');

    fillAndSubmit('admin', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码错误');
    const login = calls.find((c) => c.method === 'POST' && c.path === '/auth/login');
    expect(login?.body).toEqual({ username: 'admin', password: 'wrong-password' });
    // Still on the login page: a failed login is not an expired session.
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('shows the locked-account message from the server', async () => {
    mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /auth/login': apiError(
        423,
        'ACCOUNT_LOCKED',
        '连续登录失败次数过多，账号已锁定，请稍后再试',
      ),
    });
    renderApp('/login');
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('admin', 'x');
    expect((await screen.findByRole('alert')).textContent).toContain('账号已锁定');
  });

  it('asks for the TOTP code when required, resubmits with it, then opens the home page', async () => {
    let signedIn = false;
    const calls = mockApi({
      'GET /auth/me': () =>
        signedIn
          ? json(200, meResponse('bureau_admin'))
          : apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /auth/login': (call) => {
        const body = call.body as { totp?: string };
        if (!body.totp) return apiError(401, 'TOTP_REQUIRED', '请输入动态验证码');
        signedIn = true;
        return json(200, { user: meResponse('bureau_admin').user, csrfToken: 'csrf-after-login' });
      },
    });
    renderApp('/login');
    await screen.findByRole('button', { name: '登录' });
    fillAndSubmit('admin', 'Correct-Horse-1');

    const totp = await waitFor(() => {
      const el = document.getElementById('totp');
      if (!el) throw new Error('no totp input yet');
      return el as HTMLInputElement;
    });
    // TOTP_REQUIRED is a step, not an error: no error alert, a hint instead.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('note').textContent).toContain('6位数字');
    fireEvent.change(totp, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('您好，张三')).toBeTruthy();
    const logins = calls.filter((c) => c.path === '/auth/login');
    expect(logins.map((c) => c.body)).toEqual([
      { username: 'admin', password: 'Correct-Horse-1' },
      { username: 'admin', password: 'Correct-Horse-1', totp: '123456' },
    ]);
    expect(getCsrfToken()).toBe('csrf-token-1');
  });

  it('switches to English and asks the server for English messages', async () => {
    const calls = mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', 'Please sign in'),
      'POST /auth/login': (call) =>
        call.headers['accept-language'] === 'en'
          ? apiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password')
          : apiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'),
    });
    renderApp('/login');
    await screen.findByRole('button', { name: '登录' });
    fireEvent.click(screen.getByText('English'));
    expect(window.localStorage.getItem('hl.locale')).toBe('en');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    fillAndSubmit('admin', 'x', 'Sign in');
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password');
    expect(calls.at(-1)?.headers['accept-language']).toBe('en');
  });
});
