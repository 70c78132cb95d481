import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { accidentListItem } from './accident-fixtures';

const LOAD = { timeout: 15_000 };

describe('accidents page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists accidents, links each to its page, filters by level, and opens the record drawer', async () => {
    const larger = accidentListItem({
      id: 8,
      enterpriseName: '示例矿业有限公司',
      sector: 'mining',
      type: 'roof_fall',
      deaths: 3,
      level: 'larger',
      suggestedLevel: 'larger',
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /accidents': (call) =>
        json(200, {
          items: call.url.includes('level=larger') ? [larger] : [accidentListItem(), larger],
          total: call.url.includes('level=larger') ? 1 : 2,
          page: 1,
          pageSize: 20,
        }),
      'GET /enterprises': json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/accidents');
    expect(await screen.findByText('示例化工有限公司', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('示例矿业有限公司').closest('a')?.getAttribute('href')).toBe(
      '/accidents/8',
    );
    expect(screen.getByText('较大事故')).toBeTruthy();
    expect(screen.getAllByText('86,000.00元')).toHaveLength(2);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '事故等级' }));
    fireEvent.click(await screen.findByTitle('较大事故'));
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/accidents' && c.url.includes('level=larger'))).toBe(
        true,
      ),
    );
    await waitFor(() => expect(screen.queryByText('示例化工有限公司')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: /登记事故/ }));
    expect(await screen.findByText('登记生产安全事故')).toBeTruthy();
    expect(screen.getByText(/应定为：一般事故/)).toBeTruthy();
    fireEvent.change(screen.getByRole('spinbutton', { name: '死亡（人）' }), {
      target: { value: '10' },
    });
    expect(await screen.findByText(/应定为：重大事故/)).toBeTruthy();
  });

  it('inspectors read but do not record', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /accidents': json(200, { items: [accidentListItem()], total: 1, page: 1, pageSize: 20 }),
    });
    renderApp('/accidents');
    expect(await screen.findByText('示例化工有限公司', {}, LOAD)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /登记事故/ })).toBeNull();
  });
});
