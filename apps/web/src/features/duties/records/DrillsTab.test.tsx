import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { drill, drillsView } from './record-fixtures';
import { DrillsTab } from './DrillsTab';

const LOAD = { timeout: 15_000 };
const personal = {} as PersonalDataState;

describe('drills tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags fewer than 2 drills this year, lists the plans and switches years', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enterprises/7/duty-records/drills': (call) =>
        new URL(call.url, 'http://localhost').searchParams.get('year') === '2025'
          ? json(
              200,
              drillsView({
                canEdit: false,
                year: 2025,
                drills: [
                  drill({ id: 22, scenario: '火灾疏散', drillDate: '2025-12-31' }),
                  drill({ id: 23, scenario: '中毒窒息', drillDate: '2025-01-01' }),
                ],
                status: { count: 2, required: 2, short: false },
              }),
            )
          : json(200, drillsView({ canEdit: false })),
    });
    renderWithProviders(<DrillsTab enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('本年度演练 1 次，少于 2 次', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('液氨储罐法兰泄漏')).toBeTruthy();
    expect(screen.getByText('46人参演')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: /生产安全事故应急预案\.pdf/ }).getAttribute('href'),
    ).toBe('/api/v1/enterprises/7/duty-records/files/51');
    // Staff read only.
    expect(screen.queryByRole('button', { name: /登记演练/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /上传/ })).toBeNull();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年度' }));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
        (o) => o.textContent === '2025年（2次）',
      );
      if (!found) throw new Error('no 2025 option');
      return found;
    });
    fireEvent.click(option);
    expect(await screen.findByText('2025年演练 2 次')).toBeTruthy();
    expect(screen.getByText('火灾疏散')).toBeTruthy();
    expect(calls.some((c) => c.url.includes('year=2025'))).toBe(true);
  });

  it('sends the version read with an edit and offers a reload when it is stale', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/duty-records/drills': json(200, drillsView()),
      'PATCH /enterprises/7/duty-records/drills/21': apiError(
        409,
        'STALE_VERSION',
        '该记录已被他人修改，请刷新后重试',
      ),
    });
    renderWithProviders(<DrillsTab enterprise={detail()} personal={personal} />);
    const item = await screen.findByRole('region', { name: '液氨储罐法兰泄漏' }, LOAD);
    expect(screen.getByRole('button', { name: /登记演练/ })).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: '编辑' }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('改进措施'), {
      target: { value: '增加夜间演练' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        scenario: '液氨储罐法兰泄漏',
        drillType: 'special',
        drillDate: '2026-05-18',
        participants: 46,
        equipmentUsed: '正压式空气呼吸器6套',
        equipmentAdded: '补充防化服2套',
        evaluation: '响应及时',
        improvements: '增加夜间演练',
        version: 1,
      }),
    );
    const confirm = await waitFor(() => {
      const d = screen
        .getAllByRole('dialog')
        .find((el) => el.textContent?.includes('是否重新加载最新数据'));
      if (!d) throw new Error('no reload dialog');
      return d;
    });
    expect(within(confirm).getAllByText('记录已被修改').length).toBeGreaterThan(0);
    const before = calls.filter((c) => c.method === 'GET' && c.path.endsWith('/drills')).length;
    fireEvent.click(within(confirm).getByRole('button', { name: '重新加载' }));
    await waitFor(() =>
      expect(
        calls.filter((c) => c.method === 'GET' && c.path.endsWith('/drills')).length,
      ).toBeGreaterThan(before),
    );
  });
});
