import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type {
  HazardousWorkSummary,
  HotWorkPermitDetail,
  HotWorkPermitListItem,
  OperationCertificateView,
} from '@hazard-ledger/domain';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { detail } from '../../../test/enterprise-fixtures';
import { meResponse } from '../../../test/fixtures';
import { json, mockApi } from '../../../test/mock-api';
import { renderWithProviders } from '../../../test/render-app';
import { HazardousWorkTab } from './HazardousWorkTab';

const SLOW = { timeout: 15_000 };

const summary = (patch: Partial<HazardousWorkSummary> = {}): HazardousWorkSummary => ({
  enterpriseId: 7,
  asOf: '2026-06-01',
  year: 2026,
  facts: {
    warningEducationHeld: true,
    weldingEquipmentChecked: true,
    hazardousStaffChecked: false,
    expiredCertificates: 1,
    expiringCertificates: 1,
  },
  openPermits: 1,
  canRecord: true,
  ...patch,
});

const listItem: HotWorkPermitListItem = {
  id: 5,
  enterpriseId: 7,
  workDescription: '维修循环水泵房泵体支架',
  place: '循环水泵房',
  level: 'level2',
  startAt: '2026-06-02T01:00:00.000Z',
  endAt: '2026-06-02T09:00:00.000Z',
  guardian: '钱监护',
  status: 'requested',
  windowState: 'before',
  measuresChecked: 1,
  measuresTotal: 2,
  requestedByName: '刘安',
  requestedAt: '2026-06-01T01:30:00.000Z',
  approvedByName: null,
};

const permit = (patch: Partial<HotWorkPermitDetail> = {}): HotWorkPermitDetail => ({
  ...listItem,
  enterpriseName: '示例化工有限公司',
  operators: '孙割',
  measures: [
    { text: '清除动火点周围可燃物', checked: true },
    { text: '气体检测合格', checked: false },
  ],
  gasTestResult: null,
  approvedAt: null,
  startedAt: null,
  closedAt: null,
  version: 1,
  history: [
    {
      id: 1,
      action: 'requested',
      fromStatus: null,
      toStatus: 'requested',
      actorName: '刘安',
      actorRole: 'ent_safety',
      at: '2026-06-01T01:30:00.000Z',
      note: null,
    },
  ],
  availableActions: ['check_measures', 'cancel'],
  blockedActions: [{ action: 'approve', reason: '动火作业许可不能由申请人本人审批' }],
  ...patch,
});

const cert = (patch: Partial<OperationCertificateView>): OperationCertificateView => ({
  id: 1,
  enterpriseId: 7,
  enterpriseName: '示例化工有限公司',
  sector: 'hazchem',
  holderName: '李焊',
  category: 'welding',
  operationItem: '熔化焊接与热切割作业',
  certificateNo: 'T152701198001011234',
  issuedOn: null,
  validUntil: '2029-01-01',
  holderType: 'employee',
  employer: null,
  engagedBy: '设备部',
  state: 'valid',
  daysLeft: 945,
  withdrawnAt: null,
  withdrawnReason: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  version: 1,
  ...patch,
});

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 10 });

function renderTab() {
  renderWithProviders(
    <HazardousWorkTab enterprise={detail()} personal={{} as PersonalDataState} />,
  );
}

describe('hazardous-work tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the year’s standing and only the permit actions the server allows', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/hazardous-work': json(200, summary()),
      'GET /enterprises/7/hot-work-permits': json(200, page([listItem])),
      'GET /hot-work-permits/5': json(200, permit()),
      'POST /hot-work-permits/5/actions/cancel': json(
        200,
        permit({ status: 'cancelled', availableActions: [], blockedActions: [] }),
      ),
    });
    renderTab();
    expect(await screen.findByText('本年度落实情况（2026年）', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('1张已过期，1张30天内到期')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /申请动火作业/ })).toBeTruthy();

    fireEvent.click(await screen.findByText('维修循环水泵房泵体支架'));
    const drawer = await screen.findByRole('dialog');
    const actions = await within(drawer).findByRole('group', { name: '操作' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['确认安全措施', '撤销']);
    expect(within(drawer).queryByRole('button', { name: '审批通过' })).toBeNull();
    expect(within(drawer).getByText('动火作业许可不能由申请人本人审批')).toBeTruthy();
    expect(within(drawer).getByText('气体检测合格（未落实）')).toBeTruthy();

    fireEvent.click(within(actions).getByRole('button', { name: /撤\s*销/ }));
    const modal = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.change(within(modal).getByLabelText('原因'), { target: { value: '工艺调整' } });
    fireEvent.click(
      within(modal)
        .getAllByRole('button', { name: /撤\s*销/ })
        .at(-1)!,
    );
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ version: 1, payload: { reason: '工艺调整' } });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives staff no record buttons and no permit actions', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enterprises/7/hazardous-work': json(200, summary({ canRecord: false })),
      'GET /enterprises/7/hot-work-permits': json(200, page([listItem])),
      'GET /hot-work-permits/5': json(200, permit({ availableActions: [], blockedActions: [] })),
    });
    renderTab();
    fireEvent.click(await screen.findByText('维修循环水泵房泵体支架', {}, SLOW));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('钱监护')).toBeTruthy();
    expect(within(drawer).queryByRole('group', { name: '操作' })).toBeNull();
    expect(screen.queryByRole('button', { name: /申请动火作业/ })).toBeNull();
  });

  it('tags certificates that expire soon or have expired', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/hazardous-work': json(200, summary()),
      'GET /enterprises/7/hot-work-permits': json(200, page([])),
      'GET /operation-certificates': json(200, {
        ...page([
          cert({ id: 1, holderName: '周电', state: 'expired', daysLeft: -12 }),
          cert({ id: 2, holderName: '孙割', state: 'expiring', daysLeft: 19 }),
          cert({ id: 3, holderName: '王今', state: 'expiring', daysLeft: 0 }),
          cert({ id: 4 }),
        ]),
        asOf: '2026-06-01',
        countsByState: { expired: 1, expiring: 2, valid: 1, withdrawn: 0 },
      }),
    });
    renderTab();
    fireEvent.click(await screen.findByRole('tab', { name: '特种作业证书' }, SLOW));
    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    await screen.findByText('周电');
    expect(within(row('周电')).getByText('已过期12天')).toBeTruthy();
    expect(within(row('孙割')).getByText('即将到期（剩19天）')).toBeTruthy();
    expect(within(row('王今')).getByText('即将到期（今天到期）')).toBeTruthy();
    expect(within(row('李焊')).getByText('有效')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '即将到期 2' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/operation-certificates')?.url).toContain(
      'enterpriseId=7',
    );
    // The enterprise's own users may edit and withdraw.
    expect(within(row('孙割')).getByRole('button', { name: '停用' })).toBeTruthy();
  });
});
