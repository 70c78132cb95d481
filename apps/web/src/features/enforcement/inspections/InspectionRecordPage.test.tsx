import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { recordDetail, TEST_HASH, verification } from './inspection-fixtures';

describe('inspection record page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('signs the reviewed text as a named inspector', async () => {
    const signed = recordDetail({
      status: 'signed',
      signedAt: '2026-03-02T03:41:00.000Z',
      inspectors: recordDetail().inspectors.map((i) => ({
        ...i,
        signedAt: i.signedAt ?? '2026-03-02T03:41:00.000Z',
      })),
      availableActions: ['correct'],
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector', { id: 2, displayName: '阮飞' })),
      'GET /inspections/5': json(200, recordDetail()),
      'POST /inspections/5/sign': json(200, signed),
    });
    renderApp('/inspections/5');

    expect(await screen.findByText('1. 液氨储罐未设紧急切断阀')).toBeTruthy();
    // The rule is shown for the self-found hazard, with the decision recorded.
    expect(
      screen.getAllByText(/企业自查发现并已按规定报告、正在有效整改的重大事故隐患依法不予行政处罚/)
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('处罚决定：依法不予行政处罚')).toBeTruthy();
    expect(screen.getByText('等待执法人员签名', { exact: false })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '签名' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/阮飞，执法证号 15060223002/)).toBeTruthy();
    expect(within(dialog).getByText(TEST_HASH)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '签名' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/inspections/5/sign');
    expect(post?.body).toEqual({ contentHash: TEST_HASH });
    expect(await screen.findByText('全部执法人员已签名，记录不可再修改')).toBeTruthy();
    const actions = screen.getByRole('group', { name: '办理' });
    expect(within(actions).getByRole('button', { name: '更正' })).toBeTruthy();
    expect(within(actions).queryByRole('button', { name: '签名' })).toBeNull();
  });

  it('verifies the signatures on request', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/5': json(
        200,
        recordDetail({ status: 'signed', availableActions: ['correct'] }),
      ),
      'GET /inspections/5/verify': json(200, verification()),
    });
    renderApp('/inspections/5');
    fireEvent.click(await screen.findByRole('button', { name: /验证签名/ }));
    expect(await screen.findByText('验证通过：记录内容与全部签名一致')).toBeTruthy();
    expect(screen.getAllByText('签名有效').length).toBe(2);
    expect(calls.some((c) => c.path === '/inspections/5/verify')).toBe(true);
  });

  it('lets the enterprise acknowledge receipt on a phone', async () => {
    setViewportWidth(390);
    const record = recordDetail({ status: 'signed', availableActions: ['acknowledge'] });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader', { displayName: '张恒' })),
      'GET /inspections/5': json(200, record),
      'POST /inspections/5/acknowledge': json(
        200,
        recordDetail({
          status: 'signed',
          availableActions: [],
          acknowledgedAt: '2026-03-03T01:00:00.000Z',
          acknowledgedByName: '张恒',
        }),
      ),
    });
    renderApp('/inspections/5');
    fireEvent.click(await screen.findByRole('button', { name: '签收' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('确认已收到本现场检查记录（签收人：张恒）')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '签收' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ note: null });
    expect(await screen.findByText(/张恒 2026-03-03/)).toBeTruthy();
  });

  it('offers the PDF and shows a superseded record’s successor', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/5': json(
        200,
        recordDetail({
          status: 'superseded',
          supersededByRecordId: 9,
          supersededByRecordNo: '示例应急检〔2026〕0009号',
          availableActions: [],
        }),
      ),
    });
    renderApp('/inspections/5');
    const link = await screen.findByText(
      '本记录已被更正，以更正记录 示例应急检〔2026〕0009号 为准',
    );
    expect(link.closest('a')?.getAttribute('href')).toBe('/inspections/9');
    expect(screen.getByRole('link', { name: /下载PDF/ }).getAttribute('href')).toBe(
      '/api/v1/inspections/5/pdf',
    );
  });
});
