import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { responsibilityView } from './record-fixtures';
import { ResponsibilityTab } from './ResponsibilityTab';

const LOAD = { timeout: 15_000 };
const personal = {} as PersonalDataState;

/** Picks an option of the antd Select whose input has this id. */
async function pick(id: string, optionLabel: string) {
  fireEvent.mouseDown(document.getElementById(id) as HTMLElement);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.textContent === optionLabel,
    );
    if (!found) throw new Error(`no option ${optionLabel}`);
    return found;
  });
  fireEvent.click(option);
}

describe('responsibility tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets the enterprise add a position and shows the registry facts and gaps', async () => {
    const saved = responsibilityView({
      positions: [
        ...responsibilityView().positions,
        { id: 3, version: 1, updatedAt: '', name: '实习生', category: 'intern', duties: '跟班' },
      ],
      coverageGaps: [],
      facts: { ...responsibilityView().facts, responsibilitySystem: true },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/duty-records/responsibility': json(200, responsibilityView()),
      'POST /enterprises/7/duty-records/positions': json(201, saved),
    });
    renderWithProviders(<ResponsibilityTab enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('总经理', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('未建立')).toBeTruthy();
    expect(screen.getByText(/尚缺：一线从业人员/)).toBeTruthy();
    // 包保 persons and staffing come from the registry.
    expect(screen.getByText('缺技术负责人')).toBeTruthy();
    expect(screen.getByText('1 个未落实包保责任人')).toBeTruthy();
    expect(screen.getByText('专职安全管理人员')).toBeTruthy();
    expect(screen.getByText('缺职责清单')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /添加岗位/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('岗位名称'), { target: { value: '实习生' } });
    await pick('duty-positions_category', '实习生');
    fireEvent.change(within(drawer).getByLabelText('安全生产岗位责任'), {
      target: { value: '跟班' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: '实习生',
        category: 'intern',
        duties: '跟班',
      }),
    );
    expect(await screen.findByText('已建立')).toBeTruthy();
    expect(screen.queryByText(/尚缺/)).toBeNull();
  });

  it('refuses a position without duties before sending', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/duty-records/responsibility': json(200, responsibilityView()),
    });
    renderWithProviders(<ResponsibilityTab enterprise={detail()} personal={personal} />);
    fireEvent.click(await screen.findByRole('button', { name: /添加岗位/ }, LOAD));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('岗位名称'), { target: { value: '班长' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请填写安全生产岗位责任')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('is read-only for bureau staff', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enterprises/7/duty-records/responsibility': json(
        200,
        responsibilityView({ canEdit: false }),
      ),
    });
    renderWithProviders(<ResponsibilityTab enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('总经理', {}, LOAD)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /添加/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.queryByRole('button', { name: /上传/ })).toBeNull();
  });
});
