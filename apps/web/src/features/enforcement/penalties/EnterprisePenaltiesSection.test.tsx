import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EnterpriseDetail } from '../../../api/enterprises-api';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { EnterprisePenaltiesSection } from './EnterprisePenaltiesSection';
import { caseListItem, measureView } from './penalty-fixtures';

const SLOW = { timeout: 15_000 };

const enterprise = { id: 3, name: '东胜区金鼎矿业有限责任公司' } as EnterpriseDetail;
const personal = {} as PersonalDataState;

const measures = {
  items: [
    measureView(),
    measureView({
      id: 33,
      kind: 'dishonesty_list',
      date: '2026-05-01',
      data: {
        kind: 'dishonesty_list',
        enterpriseId: 3,
        date: '2026-05-01',
        basis: '《安全生产严重失信主体名单管理办法》',
        documentNo: null,
        documentIds: [],
        penaltyCaseId: null,
        note: null,
        entryDate: '2026-05-01',
        periodYears: 3,
        removalDate: null,
      },
      dishonesty: { periodEnd: '2029-05-01', active: true },
      documents: [],
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 10,
};

describe('enterprise penalties section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the cases and measures and records an interview', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases': json(200, { items: [caseListItem()], total: 1, page: 1, pageSize: 10 }),
      'GET /enforcement-measures': json(200, measures),
      'POST /enforcement-measures': json(201, measureView({ id: 34 })),
    });
    renderWithProviders(<EnterprisePenaltiesSection enterprise={enterprise} personal={personal} />);
    expect(await screen.findByText('未采取措施消除重大事故隐患', {}, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: /约谈记录\.pdf/ }).getAttribute('href')).toBe(
      '/api/v1/enforcement-measures/31/documents/41',
    );
    expect(screen.getByText('在失信名单中')).toBeTruthy();
    expect(screen.getByText(/管理期限至2029-05-01/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /立案/ }).getAttribute('href')).toBe(
      '/penalty-cases?new=1&enterpriseId=3',
    );

    fireEvent.click(screen.getByRole('button', { name: /记录措施/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.change(within(drawer).getByLabelText('被约谈人'), { target: { value: '孙鼎' } });
    fireEvent.change(within(drawer).getByLabelText('约谈人'), {
      target: { value: '东胜区应急管理局 王局长' },
    });
    fireEvent.change(within(drawer).getByLabelText('依据'), {
      target: { value: '《安全生产约谈实施办法（试行）》' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      kind: 'interview',
      enterpriseId: 3,
      intervieweeName: '孙鼎',
      intervieweePosition: null,
      conductedBy: '东胜区应急管理局 王局长',
      basis: '《安全生产约谈实施办法（试行）》',
      documentIds: [],
      penaltyCaseId: null,
    });
  });

  it('shows enterprise users their measures without recording or voiding', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /penalty-cases': json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
      'GET /enforcement-measures': json(200, measures),
    });
    renderWithProviders(<EnterprisePenaltiesSection enterprise={enterprise} personal={personal} />);
    expect(await screen.findByText('在失信名单中', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('暂无处罚案件')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /记录措施/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /作废/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /立案/ })).toBeNull();
  });
});
