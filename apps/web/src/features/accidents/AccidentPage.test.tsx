import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { accidentDetail, traceBack } from './accident-fixtures';

const LOAD = { timeout: 15_000 };

describe('accident page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the facts and the trace-back: inspections, signers, state at the time, same-item hazards', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /accidents/7': json(200, accidentDetail({ canManage: false })),
      'GET /accidents/7/trace-back': json(200, traceBack()),
    });
    renderApp('/accidents/7');
    expect(await screen.findByText('甲类仓库溶剂泄漏闪燃，一人重度烧伤。', {}, LOAD)).toBeTruthy();
    expect(await screen.findByText('示例应急检〔2026〕0011号')).toBeTruthy();
    expect(screen.getByText('示例应急检〔2026〕0011号').closest('a')?.getAttribute('href')).toBe(
      '/inspections/11',
    );
    // Inspectors and signers (the same two here).
    expect(screen.getAllByText('耿建（ZF-01）、阮飞（ZF-02）')).toHaveLength(2);
    // State at the accident (整改中) differs from the state now (已销号).
    const at = screen.getAllByTestId('status-at-41');
    expect(within(at[0]!).getByText('整改中')).toBeTruthy();
    expect(screen.getAllByText('已销号').length).toBeGreaterThan(0);
    expect(screen.getByText('YH-2026-0042').closest('a')?.getAttribute('href')).toBe('/hazards/42');
    expect(screen.getByText('检查发现')).toBeTruthy();
    expect(screen.getByText('示例应急责改〔2026〕0003号').closest('a')?.getAttribute('href')).toBe(
      '/orders/5',
    );
    expect(screen.queryByRole('button', { name: /作废/ })).toBeNull();
    expect(screen.getByRole('link', { name: /导出倒查材料/ }).getAttribute('href')).toBe(
      '/api/v1/accidents/7/trace-back.xlsx',
    );
  });

  it('voids with a reason', async () => {
    const voided = accidentDetail({
      status: 'voided',
      voidReason: '重复登记',
      voidedAt: '2026-03-02T00:00:00.000Z',
      voidedByName: '管理员',
      canManage: false,
      version: 2,
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /accidents/7': (_c, all) =>
        json(200, all.some((c) => c.method === 'POST') ? voided : accidentDetail()),
      'GET /accidents/7/trace-back': json(200, traceBack({ inspections: [] })),
      'POST /accidents/7/void': json(200, voided),
    });
    renderApp('/accidents/7');
    expect(await screen.findByText('事故前两年内无现场检查记录', {}, LOAD)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /作\s*废/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('作废理由'), {
      target: { value: '重复登记' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /作\s*废/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        reason: '重复登记',
        version: 1,
      }),
    );
    expect(await screen.findByText(/本记录已于.*由管理员作废：重复登记/)).toBeTruthy();
  });

  it('a record out of reach reads as not found', async () => {
    mockApi({ 'GET /auth/me': json(200, meResponse('bureau_admin')) });
    renderApp('/accidents/99');
    expect(await screen.findByText('事故倒查', { selector: 'a' }, LOAD)).toBeTruthy();
  });
});
