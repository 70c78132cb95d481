import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import {
  ALL_CAN,
  detail,
  hazardSource,
  NO_CAN,
  ORG_UNITS,
  person,
} from '../../../test/enterprise-fixtures';
import { renderApp } from '../../../test/render-app';

/** The first render loads the page chunk; slow when the whole suite runs in parallel. */
const PAGE_LOAD = { timeout: 15_000 };

/** The open dialog or drawer containing `text`. */
function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

const safety = person({
  id: 12,
  kind: 'safety_manager',
  name: '刘安',
  position: '安全部长',
  phone: '139****0002',
  idNumber: null,
  assessed: false,
  version: 5,
});

const fullData = {
  people: [
    person({ phone: '13904770001', idNumber: '150602198001011234' }),
    { ...safety, phone: '13904770002' },
  ],
  hazardSources: [
    hazardSource({
      leader: { name: '张恒', phone: '13904770001' },
      technical: { name: '王工', phone: '13904770003' },
    }),
  ],
};

function routes(role: Parameters<typeof meResponse>[0], can = ALL_CAN) {
  return {
    'GET /auth/me': json(200, meResponse(role, { enterpriseId: null, enterpriseName: null })),
    'GET /org-units': json(200, ORG_UNITS),
    'GET /enterprises/7': json(200, detail(can)),
    'GET /enterprises/7/people': json(200, { items: [safety, person()] }),
    'GET /enterprises/7/hazard-sources': json(200, { items: [hazardSource()] }),
    'GET /enterprises/7/personal-data': json(200, fullData),
    'GET /enterprises/7/accounts': json(200, { items: [] }),
  };
}

// Whole-app renders under happy-dom: generous when the suite shares a busy machine.
describe('enterprise page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the registry data and, for the office, every tab and the edit buttons', async () => {
    mockApi(routes('office'));
    renderApp('/enterprises/7');
    expect(
      await screen.findByRole('heading', { name: '示例化工有限公司' }, PAGE_LOAD),
    ).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      '基本信息',
      '人员',
      '重大危险源',
      '隐患',
      '五项任务',
      '排查整治',
      '岗位责任',
      '危险作业',
      '外包外租',
      '应急演练',
      '执法',
      '账号',
    ]);
    expect(screen.getByText('危化室')).toBeTruthy();
    expect(screen.getByText('（蒙）WH安许证字〔2022〕000318')).toBeTruthy();
    expect(screen.getByText('专职安全管理人员')).toBeTruthy();
    // Registry edit (can.edit) in the header, staffing edit (can.editPeople) in its section.
    expect(screen.getAllByRole('button', { name: /编辑/ })).toHaveLength(2);
  });

  it('masks people until "显示完整信息", which says viewing is recorded and fetches once', async () => {
    const calls = mockApi(routes('office'));
    renderApp('/enterprises/7?tab=people');
    const leaderRow = (await screen.findByText('张恒', {}, PAGE_LOAD)).closest('tr') as HTMLElement;
    // Leader first, then safety managers.
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')?.textContent);
    expect(names).toEqual(['张恒', '刘安']);
    expect(within(leaderRow).getByText('139****0001')).toBeTruthy();
    expect(within(leaderRow).getByText('1506**********1234')).toBeTruthy();
    expect(within(leaderRow).getByText('考核合格')).toBeTruthy();
    const safetyRow = screen.getByText('刘安').closest('tr') as HTMLElement;
    expect(within(safetyRow).getByText('未考核合格')).toBeTruthy();
    expect(screen.getByText('查看将被记录')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/personal-data'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: /显示完整信息/ }));
    expect(await screen.findByText('13904770001')).toBeTruthy();
    expect(screen.getByText('150602198001011234')).toBeTruthy();
    expect(screen.getByText(/本次查看已记入审计日志/)).toBeTruthy();
    expect(calls.filter((c) => c.path === '/enterprises/7/personal-data')).toHaveLength(1);

    // The hazard-source tab shares the revealed data: no second audited read.
    fireEvent.click(screen.getByRole('tab', { name: '重大危险源' }));
    expect(await screen.findByText('13904770003')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/enterprises/7/personal-data')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /隐藏完整信息/ }));
    expect(await screen.findByText('139****0003')).toBeTruthy();
  });

  it('shows no reveal, edit, void or accounts to a user whose `can` says no', async () => {
    mockApi(routes('city', NO_CAN));
    renderApp('/enterprises/7?tab=people');
    await screen.findByText('张恒', {}, PAGE_LOAD);
    expect(screen.getByText('139****0001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /显示完整信息/ })).toBeNull();
    expect(screen.queryByText('查看将被记录')).toBeNull();
    expect(screen.queryByRole('button', { name: /添加人员/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑/ })).toBeNull();
    expect(screen.queryByRole('tab', { name: '账号' })).toBeNull();
  });

  it('lets an enterprise user edit people but not the registry, and reveal their own data', async () => {
    mockApi(routes('ent_safety', { ...NO_CAN, editPeople: true, revealPersonal: true }));
    renderApp('/enterprises/7?tab=people');
    await screen.findByText('张恒', {}, PAGE_LOAD);
    expect(screen.getByRole('button', { name: /显示完整信息/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /添加人员/ })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '账号' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '基本信息' }));
    // Only the staffing section is editable.
    await screen.findByText('安全管理机构与人员');
    expect(screen.getAllByRole('button', { name: /编辑/ })).toHaveLength(1);
  });

  it('edits a person with the full numbers (revealed first) and sends the version', async () => {
    const calls = mockApi({
      ...routes('office'),
      'PUT /enterprises/7/people/12': json(200, { ...safety, version: 6 }),
    });
    renderApp('/enterprises/7?tab=people');
    const row = (await screen.findByText('刘安', {}, PAGE_LOAD)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    const dialog = await findDialog('编辑人员');
    expect(within(dialog).getByText(/本次查看已记入审计日志/)).toBeTruthy();
    const phone = within(dialog).getByLabelText<HTMLInputElement>('联系电话');
    expect(phone.value).toBe('13904770002');
    fireEvent.change(phone, { target: { value: '13904770099' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      kind: 'safety_manager',
      name: '刘安',
      position: '安全部长',
      phone: '13904770099',
      idNumber: null,
      assessed: false,
      specialty: null,
      version: 5,
    });
  });

  it('asks for a reason before voiding a person', async () => {
    const calls = mockApi({
      ...routes('office'),
      'POST /enterprises/7/people/12/void': json(204),
    });
    renderApp('/enterprises/7?tab=people');
    const row = (await screen.findByText('刘安', {}, PAGE_LOAD)).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '作废' }));
    const dialog = await findDialog('作废人员记录“刘安”');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    expect(await within(dialog).findByText('请填写作废原因')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/void'))).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('作废原因'), {
      target: { value: '已离职' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/void'))).toBe(true));
    const post = calls.find((c) => c.path.endsWith('/void'));
    expect(post?.body).toEqual({ reason: '已离职', version: 5 });
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('checks the domain rules in the edit drawer and maps server field errors onto fields', async () => {
    const calls = mockApi({
      ...routes('office'),
      'PUT /enterprises/7': apiError(400, 'VALIDATION_FAILED', '提交的数据有误，请检查标出的字段', [
        { path: 'creditCode', message: '该统一社会信用代码已登记' },
        { path: 'licences.0.number', message: '许可证编号有误' },
      ]),
    });
    renderApp('/enterprises/7');
    await screen.findByRole('heading', { name: '示例化工有限公司' }, PAGE_LOAD);
    fireEvent.click(screen.getAllByRole('button', { name: /编辑/ })[0]!);
    const drawer = await findDialog('编辑企业登记信息');
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('该统一社会信用代码已登记')).toBeTruthy();
    expect(within(drawer).getByText('许可证编号有误')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({
      name: '示例化工有限公司',
      creditCode: '91150602MA0N3K5H2B',
      sector: 'hazchem',
      subType: 'production',
      orgUnitId: 3,
      status: 'operating',
      licences: [
        {
          type: '安全生产许可证',
          number: '（蒙）WH安许证字〔2022〕000318',
          expiry: '2099-08-31',
          issuer: null,
        },
      ],
      version: 3,
    });

    // A bad check digit is caught before sending.
    const code = within(drawer).getByLabelText<HTMLInputElement>('统一社会信用代码');
    fireEvent.change(code, { target: { value: '91150602ma0n3k5h2c' } });
    expect(code.value).toBe('91150602MA0N3K5H2C');
    fireEvent.blur(code);
    expect(await within(drawer).findByText('统一社会信用代码校验位不正确')).toBeTruthy();
  });

  it('says so when the enterprise does not exist or is out of scope', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/99': apiError(404, 'NOT_FOUND', '记录不存在或无权查看'),
    });
    renderApp('/enterprises/99');
    expect(await screen.findByText('企业不存在或无权查看', {}, PAGE_LOAD)).toBeTruthy();
  });
});
