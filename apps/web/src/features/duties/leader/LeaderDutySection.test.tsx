import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { LeaderDutySection } from './LeaderDutySection';
import {
  enterpriseInspections,
  inspectionView,
  keyPeriodView,
  safetyFunds,
} from './leader-fixtures';

const CHECKLIST = {
  enterprise: {
    id: 7,
    name: '示例化工有限公司',
    sector: 'hazchem',
    subType: 'production',
    tags: [],
  },
  catalogs: [],
  items: [],
  incompleteCount: 0,
};

function renderSection() {
  return renderWithProviders(
    <LeaderDutySection enterprise={detail()} personal={{} as PersonalDataState} />,
  );
}

describe('leader duty section (enterprise page, 排查整治 tab)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags missing months, shows key-period duty and the fund, and records an inspection', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/leader-inspections': json(200, enterpriseInspections()),
      'GET /enterprises/7/key-periods': json(200, {
        enterpriseId: 7,
        year: 2026,
        items: [keyPeriodView()],
      }),
      'GET /enterprises/7/safety-funds': json(200, safetyFunds()),
      'GET /enterprises/7/checklist': json(200, CHECKLIST),
      'POST /enterprises/7/leader-inspections': json(
        201,
        inspectionView({ id: 13, status: 'draft', can: { edit: true, sign: false, void: true } }),
      ),
    });
    renderSection();

    expect(
      await screen.findByText('以下月份没有主要负责人签字的带队检查记录：2026-08'),
    ).toBeTruthy();
    expect(screen.getByText('8月 缺')).toBeTruthy();
    expect(screen.getByText('9月 已检查')).toBeTruthy();
    expect(screen.getByText('11月 待签字')).toBeTruthy();
    // Records grouped by month, the draft awaiting signature.
    expect(screen.getByText('2026-11')).toBeTruthy();
    expect(screen.getByText('待主要负责人签字')).toBeTruthy();
    // Key periods of the year: missed days flagged.
    expect(await screen.findByText('本年度未签到 2 天')).toBeTruthy();
    expect(screen.getByText('有 2 天未在岗签到')).toBeTruthy();
    // The fund against the rectification funds.
    expect(await screen.findByText('1,860,000.00')).toBeTruthy();
    expect(screen.getByText('8,600.00')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /登记带队检查/ }));
    const drawer = await screen.findByRole('dialog');
    // Required fields are checked before anything is sent.
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请填写参加检查人员')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByLabelText('参加检查人员'), {
      target: { value: '张恒、刘安' },
    });
    fireEvent.change(within(drawer).getByLabelText('检查地点（场所、装置）'), {
      target: { value: '储罐区' },
    });
    fireEvent.change(within(drawer).getByLabelText('检查内容'), {
      target: { value: '检查储罐区紧急切断' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: /添加问题/ }));
    fireEvent.change(await within(drawer).findByLabelText('问题名称'), {
      target: { value: '巡检记录不全' },
    });
    fireEvent.change(within(drawer).getByLabelText('问题描述'), {
      target: { value: '夜班巡检缺两天记录' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/enterprises/7/leader-inspections');
    expect(post.body).toMatchObject({
      participants: '张恒、刘安',
      places: '储罐区',
      content: '检查储罐区紧急切断',
      itemCodes: [],
      findings: [
        {
          title: '巡检记录不全',
          description: '夜班巡检缺两天记录',
          hazardLevel: null,
          treatment: 'deadline',
        },
      ],
    });
    expect((post.body as { inspectedOn: string }).inspectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lets the main leader sign a draft; the record then reads as signed', async () => {
    const signed = inspectionView({ id: 12 });
    const draft = inspectionView({
      id: 12,
      status: 'draft',
      findings: signed.findings.map((f) => ({ ...f, hazardId: null, hazardNumber: null })),
      signedAt: null,
      signedByName: null,
      version: 1,
      can: { edit: true, sign: true, void: true },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enterprises/7/leader-inspections': json(
        200,
        enterpriseInspections({ inspections: [draft] }),
      ),
      'GET /enterprises/7/key-periods': json(200, { enterpriseId: 7, year: 2026, items: [] }),
      'GET /enterprises/7/safety-funds': json(200, safetyFunds()),
      'POST /leader-inspections/12/sign': json(200, signed),
    });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: '查看并签字' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('签字后登记入台账')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '主要负责人签字' }));
    expect(await screen.findByText(/标为隐患的 1 个问题将登记入隐患台账/)).toBeTruthy();
    const confirm = screen.getAllByRole('button', { name: '主要负责人签字' }).at(-1)!;
    fireEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 1 });
    expect(await within(drawer).findByText(/主要负责人 张恒\(qiye1_fzr\) 于/)).toBeTruthy();
    expect(within(drawer).getByRole('link', { name: '隐患 东胜-2026-000002' })).toBeTruthy();
    expect(within(drawer).queryByRole('button', { name: '编辑' })).toBeNull();
  });

  it('edits the fund of a year', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enterprises/7/leader-inspections': json(200, enterpriseInspections()),
      'GET /enterprises/7/key-periods': json(200, { enterpriseId: 7, year: 2026, items: [] }),
      'GET /enterprises/7/safety-funds': json(200, safetyFunds()),
      'PUT /enterprises/7/safety-funds/2026': json(200, safetyFunds()),
    });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: '修改2026年' }));
    const modal = await screen.findByRole('dialog');
    const spent = within(modal).getByLabelText('使用金额');
    fireEvent.change(spent, { target: { value: '12.345' } });
    fireEvent.click(within(modal).getByRole('button', { name: '保存' }));
    expect(await within(modal).findByText(/金额格式不正确/)).toBeTruthy();
    fireEvent.change(spent, { target: { value: '1300000' } });
    fireEvent.click(within(modal).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      extractedYuan: '1860000.00',
      spentYuan: '1300000',
      note: '含隐患整改专项经费',
      version: 1,
    });
  });
});
