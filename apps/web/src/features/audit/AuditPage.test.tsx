import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const entry = {
  id: 7,
  at: '2025-06-01T08:00:00.000Z',
  actorId: 1,
  actorName: '张三',
  actorRole: 'bureau_admin',
  orgUnitId: 3,
  ip: '10.0.0.8',
  requestId: 'req-1',
  action: 'user.update',
  entityType: 'user',
  entityId: '21',
  changes: { before: { displayName: '李四' }, after: { displayName: '李四丰' } },
  hash: 'abc123',
};

describe('audit page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('filters, expands a row into before/after and reports a broken chain', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /audit': json(200, { items: [entry], total: 1, page: 1, pageSize: 20 }),
      'GET /audit/verify': json(200, {
        ok: false,
        checked: 120,
        firstBrokenId: 57,
        reason: 'hash mismatch',
      }),
    });
    renderApp('/audit');
    expect(await screen.findByText('user.update')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /展开行|Expand row/ }));
    expect(await screen.findByText('李四丰')).toBeTruthy();
    expect(screen.getAllByText('修改前').length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('对象类型'), { target: { value: 'user' } });
    fireEvent.change(screen.getByLabelText('对象编号'), { target: { value: '21' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/audit' && c.url.includes('entityType=user&entityId=21')),
      ).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: /校验审计链/ }));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.textContent).toContain('第 57 号记录');
    expect(result.textContent).toContain('已校验 120 条');
    expect(result.className).toContain('ant-alert-error');
  });

  it('shows a green result when the chain is intact', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /audit': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /audit/verify': json(200, {
        ok: true,
        checked: 3001,
        firstBrokenId: null,
        reason: null,
      }),
    });
    renderApp('/audit');
    fireEvent.click(await screen.findByRole('button', { name: /校验审计链/ }));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.textContent).toContain('已校验 3001 条');
    expect(result.className).toContain('ant-alert-success');
  });
});
