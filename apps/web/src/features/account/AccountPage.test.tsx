import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

describe('my account', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('enrols TOTP: setup shows the QR and secret, a code enables it, the banner goes away', async () => {
    let enabled = false;
    const calls = mockApi({
      'GET /auth/me': () =>
        json(200, meResponse('bureau_admin', { mustEnrollTotp: !enabled, totpEnabled: enabled })),
      'POST /auth/totp/setup': json(200, {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUrl: 'otpauth://totp/HazardLedger:admin?secret=JBSWY3DPEHPK3PXP',
      }),
      'POST /auth/totp/enable': (call) => {
        if ((call.body as { code: string }).code !== '654321')
          return apiError(401, 'TOTP_INVALID', '动态验证码错误');
        enabled = true;
        return json(204);
      },
    });
    renderApp('/account?tab=totp');
    fireEvent.click(await screen.findByRole('button', { name: '开始绑定' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toContain('JBSWY3DPEHPK3PXP');

    const code = screen.getByLabelText('动态验证码');
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: '启用双因素认证' }));
    expect(await screen.findByText('动态验证码错误')).toBeTruthy();
    // A wrong code is not a lost session: still here.
    expect(screen.getByTestId('totp-secret')).toBeTruthy();

    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: '启用双因素认证' }));
    expect(await screen.findByText('已启用双因素认证')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/完成前无法使用其他功能/)).toBeNull());
    expect(calls.filter((c) => c.path === '/auth/totp/enable').map((c) => c.body)).toEqual([
      { code: '000000' },
      { code: '654321' },
    ]);
  });

  it('lists my sessions and revokes another one, never the current', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /auth/sessions': json(200, {
        items: [
          {
            id: 's-cur',
            createdAt: '2025-06-01T08:00:00Z',
            lastSeenAt: '2025-06-01T09:00:00Z',
            ip: '10.0.0.1',
            userAgent: 'Firefox',
            current: true,
          },
          {
            id: 's-old',
            createdAt: '2025-05-01T08:00:00Z',
            lastSeenAt: '2025-05-02T09:00:00Z',
            ip: '10.0.0.2',
            userAgent: 'Chrome',
            current: false,
          },
        ],
      }),
      'DELETE /auth/sessions/s-old': json(204),
    });
    renderApp('/account?tab=sessions');
    const current = (await screen.findByText('Firefox')).closest('tr') as HTMLElement;
    expect(within(current).queryByRole('button', { name: '注销' })).toBeNull();
    expect(within(current).getByText('当前会话')).toBeTruthy();
    const other = screen.getByText('Chrome').closest('tr') as HTMLElement;
    fireEvent.click(within(other).getByRole('button', { name: '注销' }));
    fireEvent.click(await screen.findByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.path === '/auth/sessions/s-old')).toBe(
        true,
      ),
    );
  });

  it('puts PASSWORD_MISMATCH under the current-password field', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'POST /auth/password': apiError(400, 'PASSWORD_MISMATCH', '当前密码错误'),
    });
    renderApp('/account?tab=password');
    fireEvent.change(await screen.findByLabelText('当前密码'), {
      target: { value: 'old-Password-1' },
    });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'New-Password-22' } });
    fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'New-Password-22' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    const msg = await screen.findByText('当前密码错误');
    expect(
      msg.closest('.ant-form-item')?.querySelector('#changePassword_currentPassword'),
    ).toBeTruthy();
  });
});
