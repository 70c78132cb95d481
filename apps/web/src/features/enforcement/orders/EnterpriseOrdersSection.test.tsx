import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { ORDER_DEFAULT_BASIS, ORDER_DEFAULT_REQUIREMENT } from '@hazard-ledger/domain';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { EnterpriseOrdersSection } from './EnterpriseOrdersSection';
import { issuableRecord, measureView, orderDetail, orderPage } from './order-fixtures';

const LOAD = { timeout: 15_000 };
const personal = {} as PersonalDataState;

/** Picks an option of the antd Select whose input has this id. */
async function pick(id: string, optionLabel: string) {
  const input = await waitFor(() => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`no select ${id}`);
    return el;
  });
  fireEvent.mouseDown(input);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.textContent === optionLabel,
    );
    if (!found) throw new Error(`no option ${optionLabel}`);
    return found;
  });
  fireEvent.click(option);
}

const measures = {
  items: [
    measureView(),
    measureView({
      id: 5,
      subject: '一车间',
      active: false,
      canLift: false,
      liftedOn: '2026-03-10',
    }),
  ],
  total: 2,
  page: 1,
  pageSize: 5,
};

describe('enterprise orders section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags measures in force and lets an inspector issue an order from a signed record', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders': json(200, orderPage()),
      'GET /on-site-measures': (call) =>
        json(
          200,
          call.url.includes('active=true')
            ? { ...measures, items: [measures.items[0]], total: 1 }
            : measures,
        ),
      'GET /enforcement-orders/issuable-records': json(200, [issuableRecord()]),
      'POST /enforcement-orders': json(201, orderDetail()),
    });
    renderWithProviders(<EnterpriseOrdersSection enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('现场处理措施执行中（1项）', {}, LOAD)).toBeTruthy();
    expect(
      screen.getByText('责令停止使用相关设施、设备：2号液氨储罐进出料泵（2026-03-01）'),
    ).toBeTruthy();
    expect(screen.getByText('示例应急责改〔2026〕0003号')).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/enforcement-orders')?.url).toContain('enterpriseId=7'),
    );

    fireEvent.click(screen.getByRole('button', { name: /签发整改指令/ }));
    const drawer = await screen.findByRole('dialog');
    await pick('issue-order_inspectionRecordId', '示例应急检〔2026〕0007号（2026-03-01，罐区）');
    // The open hazards are ticked with the usual requirement; the one on another order is not.
    const boxes = await within(drawer).findAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
    expect(within(drawer).getByText('已在示例应急责改〔2026〕0001号中')).toBeTruthy();
    fireEvent.click(boxes[2]!);
    expect(
      within(drawer).getByLabelText<HTMLTextAreaElement>('示例-2026-000001 整改要求').value,
    ).toBe(ORDER_DEFAULT_REQUIREMENT);
    fireEvent.change(within(drawer).getByLabelText('示例-2026-000001 整改要求'), {
      target: { value: '投用紧急切断阀并与液位联锁' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '签发' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      inspectionRecordId: 9,
      deadline: dayjs().add(15, 'day').format('YYYY-MM-DD'),
      basis: ORDER_DEFAULT_BASIS,
      items: [{ hazardId: 101, requirement: '投用紧急切断阀并与液位联锁' }],
      note: null,
    });
  });

  it('imposes an on-site measure linked to a record and its major hazard', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders': json(200, orderPage([])),
      'GET /on-site-measures': json(200, { ...measures, items: [], total: 0 }),
      'GET /enforcement-orders/issuable-records': json(200, [issuableRecord()]),
      'POST /on-site-measures': json(201, measureView()),
    });
    renderWithProviders(<EnterpriseOrdersSection enterprise={detail()} personal={personal} />);
    fireEvent.click(await screen.findByRole('button', { name: /采取现场处理措施/ }, LOAD));
    const drawer = await screen.findByRole('dialog');
    fireEvent.click(within(drawer).getByRole('button', { name: '确认采取' }));
    expect(await within(drawer).findByText('请填写涉及的区域、设施或设备')).toBeTruthy();
    fireEvent.click(within(drawer).getByLabelText('责令暂时停产停业'));
    fireEvent.change(within(drawer).getByLabelText('涉及的区域、设施或设备'), {
      target: { value: '二车间' },
    });
    await pick('impose-measure_inspectionRecordId', '示例应急检〔2026〕0007号（2026-03-01）');
    await pick('impose-measure_hazardId', '示例-2026-000001 液氨罐区紧急切断阀未投用');
    fireEvent.click(within(drawer).getByRole('button', { name: '确认采取' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'suspend_operations',
      enterpriseId: 7,
      inspectionRecordId: 9,
      hazardId: 101,
      subject: '二车间',
      basis: '《安全生产法》第六十五条第一款第（三）项',
      documentNo: null,
      imposedOn: dayjs().format('YYYY-MM-DD'),
      liftedOn: null,
      liftNote: null,
    });
  });

  it('lifts a measure after review', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders': json(200, orderPage([])),
      'GET /on-site-measures': json(200, measures),
      'POST /on-site-measures/4/lift': json(200, measureView({ active: false, canLift: false })),
    });
    renderWithProviders(<EnterpriseOrdersSection enterprise={detail()} personal={personal} />);
    fireEvent.click(await screen.findByRole('button', { name: '解除' }, LOAD));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认解除' }));
    expect(await within(dialog).findByText('请填写审查意见')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('审查意见'), {
      target: { value: '经审查，隐患已排除，同意恢复使用' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认解除' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      version: 1,
      liftedOn: dayjs().format('YYYY-MM-DD'),
      liftNote: '经审查，隐患已排除，同意恢复使用',
    });
  });

  it('shows the enterprise its orders and measures without the inspectors’ buttons', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /enforcement-orders': json(200, orderPage()),
      'GET /on-site-measures': json(200, {
        ...measures,
        items: [measureView({ canLift: false })],
        total: 1,
      }),
    });
    renderWithProviders(<EnterpriseOrdersSection enterprise={detail()} personal={personal} />);
    expect(await screen.findByText('现场处理措施执行中（1项）', {}, LOAD)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /签发整改指令/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /采取现场处理措施/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '解除' })).toBeNull();
  });
});
