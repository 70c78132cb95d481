import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi, type Call } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { detail, listItem, NO_CAN, ORG_UNITS, person } from '../../test/enterprise-fixtures';
import { renderApp } from '../../test/render-app';

/** The first render loads the page chunk; slow when the whole suite runs in parallel. */
const PAGE_LOAD = { timeout: 15_000 };

const page = (items = [listItem()], total = items.length) => ({
  items,
  total,
  page: 1,
  pageSize: 20,
});

/** The query of each GET /enterprises call, as URLSearchParams. */
function listCalls(calls: Call[]): URLSearchParams[] {
  return calls
    .filter((c) => c.method === 'GET' && c.path === '/enterprises')
    .map((c) => new URL(c.url, 'http://localhost').searchParams);
}

function lastListQuery(calls: Call[]): Record<string, string> {
  const all = listCalls(calls);
  return Object.fromEntries(all[all.length - 1] ?? []);
}

/** Opens an antd Select by its input id and returns its options (the open popup's). */
async function openSelect(id: string): Promise<HTMLElement[]> {
  fireEvent.mouseDown(document.getElementById(id) as HTMLElement);
  return waitFor(() => {
    const popups = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown')].filter(
      (d) => !d.className.includes('hidden'),
    );
    const options = [
      ...(popups[popups.length - 1]?.querySelectorAll<HTMLElement>('.ant-select-item-option') ??
        []),
    ];
    if (options.length === 0) throw new Error(`select ${id} did not open`);
    return options;
  });
}

/** Picks the option with this label in the antd Select with this input id. */
async function pick(id: string, optionLabel: string) {
  const options = await openSelect(id);
  const option = options.find((o) => o.textContent === optionLabel);
  if (!option) throw new Error(`no option ${optionLabel} in ${id}`);
  fireEvent.click(option);
}

// Whole-app renders under happy-dom: generous when the suite shares a busy machine.
describe('enterprise list', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the registry columns with the masked leader phone and the office buttons', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /org-units': json(200, ORG_UNITS),
      'GET /enterprises': json(200, page([listItem()], 41)),
    });
    renderApp('/enterprises');
    const link = await screen.findByRole('link', { name: '示例化工有限公司' }, PAGE_LOAD);
    expect(link.getAttribute('href')).toBe('/enterprises/7');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('91150602MA0N3K5H2B')).toBeTruthy();
    expect(within(row).getByText('危险化学品')).toBeTruthy();
    expect(within(row).getByText('生产')).toBeTruthy();
    expect(within(row).getByText('示例区应急管理局')).toBeTruthy();
    expect(within(row).getByText('张恒')).toBeTruthy();
    expect(within(row).getByText('139****0001')).toBeTruthy();
    expect(within(row).getByText('正常生产经营')).toBeTruthy();
    expect(within(row).getByText('重大危险源')).toBeTruthy();
    expect(screen.getByText('共 41 条')).toBeTruthy();
    expect(screen.getByRole('button', { name: /新增企业/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /导入/ }).getAttribute('href')).toBe(
      '/enterprises/import',
    );
    expect(screen.getByRole('link', { name: /导出/ }).getAttribute('href')).toBe(
      '/api/v1/enterprises/export',
    );
  });

  it('sends search, filters and sort to the server and exports the same filter', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /org-units': json(200, ORG_UNITS),
      'GET /enterprises': json(200, page()),
    });
    renderApp('/enterprises');
    await screen.findByRole('link', { name: '示例化工有限公司' }, PAGE_LOAD);
    expect(listCalls(calls)[0]?.toString()).toBe('page=1&pageSize=20');

    const search = document.getElementById('enterpriseSearch') as HTMLInputElement;
    fireEvent.change(search, { target: { value: ' 恒泰 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(lastListQuery(calls).q).toBe('恒泰'));

    // An office only sees its own sectors (危化室: hazchem + fireworks).
    const sectorOptions = await openSelect('enterpriseSectorFilter');
    expect(sectorOptions.map((o) => o.textContent)).toEqual(['危险化学品', '烟花爆竹']);
    fireEvent.click(sectorOptions[0]!);
    await waitFor(() => expect(lastListQuery(calls).sector).toBe('hazchem'));

    // The sub-type list follows the sector.
    await pick('enterpriseSubTypeFilter', '储存');
    await waitFor(() => expect(lastListQuery(calls).subType).toBe('storage'));
    await pick('enterpriseStatusFilter', '停产停业');
    await waitFor(() => expect(lastListQuery(calls).status).toBe('suspended'));
    await pick('enterpriseDistrictFilter', '示例区应急管理局');
    await waitFor(() => expect(lastListQuery(calls).orgUnitId).toBe('3'));

    fireEvent.click(screen.getAllByText('从业人数')[0]!);
    await waitFor(() => expect(lastListQuery(calls).sort).toBe('employees'));
    expect(lastListQuery(calls)).toEqual({
      page: '1',
      pageSize: '20',
      q: '恒泰',
      sector: 'hazchem',
      subType: 'storage',
      orgUnitId: '3',
      status: 'suspended',
      sort: 'employees',
      order: 'asc',
    });
    // The export takes the same filters, without paging or sort.
    const exportHref = screen.getByRole('link', { name: /导出/ }).getAttribute('href') ?? '';
    expect(Object.fromEntries(new URL(exportHref, 'http://localhost').searchParams)).toEqual({
      q: '恒泰',
      sector: 'hazchem',
      subType: 'storage',
      orgUnitId: '3',
      status: 'suspended',
    });
  });

  it('reads the filters from the URL and drops a sub-type that is not of the sector', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /org-units': json(200, ORG_UNITS),
      'GET /enterprises': json(200, page()),
    });
    renderApp(
      '/enterprises?sector=fireworks&subType=storage&tag=confined_space&page=3&sort=name&order=desc&x=1',
    );
    await screen.findByRole('link', { name: '示例化工有限公司' }, PAGE_LOAD);
    expect(lastListQuery(calls)).toEqual({
      page: '3',
      pageSize: '20',
      sector: 'fireworks',
      tag: 'confined_space',
      sort: 'name',
      order: 'desc',
    });
  });

  it('shows no create or import button without the permissions, but still exports', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /org-units': json(200, ORG_UNITS),
      'GET /enterprises': json(200, page()),
    });
    renderApp('/enterprises');
    await screen.findByRole('link', { name: '示例化工有限公司' }, PAGE_LOAD);
    expect(screen.queryByRole('button', { name: /新增企业/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /导入/ })).toBeNull();
    expect(screen.getByRole('link', { name: /导出/ })).toBeTruthy();
  });

  it('takes an enterprise user straight to their own enterprise', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7': json(
        200,
        detail({ ...NO_CAN, editPeople: true, revealPersonal: true }),
      ),
      'GET /enterprises/7/people': json(200, { items: [person()] }),
    });
    renderApp('/enterprises');
    expect(
      await screen.findByRole('heading', { name: '示例化工有限公司' }, PAGE_LOAD),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === '/enterprises')).toBe(false);
    // No breadcrumb back to a list they cannot use: the only link to it is the menu entry.
    expect(screen.getAllByRole('link', { name: '企业' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^编辑$/ })).toBeNull();
  });
});
