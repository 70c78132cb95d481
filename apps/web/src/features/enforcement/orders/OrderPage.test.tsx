import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { orderDetail, reinspectionView } from './order-fixtures';

const LOAD = { timeout: 15_000 };

describe('order page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets the enterprise acknowledge receipt and download the order', async () => {
    const acknowledged = orderDetail({
      status: 'acknowledged',
      acknowledgedAt: '2026-03-02T02:00:00.000Z',
      acknowledgedByName: '刘安',
      version: 2,
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enforcement-orders/5': (_call, all) =>
        json(
          200,
          all.some((c) => c.method === 'POST')
            ? acknowledged
            : orderDetail({ availableActions: ['acknowledge'] }),
        ),
      'POST /enforcement-orders/5/acknowledge': json(200, acknowledged),
    });
    renderApp('/orders/5');
    expect(await screen.findByText('液氨罐区紧急切断阀未投用', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('投用紧急切断阀并与液位联锁', { exact: false })).toBeTruthy();
    expect(screen.getByText('待签收')).toBeTruthy();
    expect(screen.getByRole('link', { name: /下载指令书/ }).getAttribute('href')).toBe(
      '/api/v1/enforcement-orders/5/pdf',
    );
    // Enterprises do not re-inspect.
    expect(screen.queryByRole('button', { name: '提交复查结果' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /签收指令书/ }));
    fireEvent.click(await screen.findByRole('button', { name: '确定' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ version: 1 });
    expect(await screen.findByText(/^刘安于2026-03-02 \d\d:00签收$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /签收指令书/ })).toBeNull();
  });

  it('records a re-inspection on a phone: a result per hazard, a note for the persisting one', async () => {
    setViewportWidth(390);
    const done = orderDetail({
      status: 'reinspected',
      reinspection: reinspectionView(),
      version: 2,
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders/5': (_call, all) =>
        json(
          200,
          all.some((c) => c.method === 'POST')
            ? done
            : orderDetail({ availableActions: ['reinspect'] }),
        ),
      'GET /enforcement-orders/inspector-options': json(200, [
        { userId: 1, name: '张三', certificateNo: '15060223001', orgUnitName: '执法大队' },
        { userId: 2, name: '阮飞', certificateNo: '15060223002', orgUnitName: '执法大队' },
      ]),
      'POST /enforcement-orders/5/reinspection': json(200, done),
    });
    renderApp('/orders/5');
    const form = (await screen.findByRole('button', { name: '提交复查结果' }, LOAD)).closest(
      'form',
    )!;
    const [first, second] = within(form).getAllByRole('radiogroup');
    fireEvent.click(within(first!).getByText('已整改'));
    fireEvent.click(within(second!).getByText('整改不到位'));
    fireEvent.change(within(form).getByLabelText('复查意见'), {
      target: { value: '第1项已整改；第2项整改不到位。' },
    });
    // The deadline is far ahead: an early re-inspection needs its reason, and a persisting
    // hazard its note.
    fireEvent.click(within(form).getByRole('button', { name: '提交复查结果' }));
    expect(await screen.findByText('整改不到位的须说明存在的问题')).toBeTruthy();
    expect(
      screen.getByText('整改期限（2099-03-16）未到，提前复查须说明理由（如企业申请提前复查）'),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('示例-2026-000002 情况说明'), {
      target: { value: '联锁仍未投用' },
    });
    fireEvent.change(within(form).getByLabelText('提前复查理由'), {
      target: { value: '企业申请提前复查' },
    });
    fireEvent.click(within(form).getByRole('button', { name: '提交复查结果' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 1,
      inspectorUserIds: [1, 2],
      items: [
        { hazardId: 101, result: 'rectified', note: null },
        { hazardId: 102, result: 'persisting', note: '联锁仍未投用' },
      ],
      opinion: '第1项已整改；第2项整改不到位。',
      earlyReason: '企业申请提前复查',
    });
    expect(await screen.findByText('示例应急复查〔2026〕0001号')).toBeTruthy();
  });

  it('shows the re-inspection result with a penalty-case link for the persisting hazard', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /enforcement-orders/5': json(
        200,
        orderDetail({
          status: 'reinspected',
          reinspection: reinspectionView(),
          persistingCount: 1,
        }),
      ),
    });
    renderApp('/orders/5');
    expect(await screen.findByText('示例应急复查〔2026〕0001号', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('已整改，验收销号')).toBeTruthy();
    expect(screen.getAllByText('整改不到位').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '立案处罚' }).getAttribute('href')).toBe(
      '/penalty-cases?new=1&hazardId=102&enterpriseId=7',
    );
    expect(screen.getByRole('link', { name: /下载复查意见书/ }).getAttribute('href')).toBe(
      '/api/v1/enforcement-orders/5/reinspection/pdf',
    );
  });

  it('reads a foreign order as not found', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /enforcement-orders/8': apiError(404, 'NOT_FOUND', '记录不存在或无权查看'),
    });
    renderApp('/orders/8');
    expect(await screen.findByText('整改指令书不存在或无权查看', {}, LOAD)).toBeTruthy();
  });
});
