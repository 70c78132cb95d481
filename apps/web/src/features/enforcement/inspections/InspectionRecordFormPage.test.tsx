import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';
import { formContext, recordDetail } from './inspection-fixtures';

type DraftBody = {
  enterpriseId: number;
  inspectorUserIds: number[];
  checklist: { catalogItemCode: string; result: string; note: string | null }[];
  findings: {
    title: string;
    description: string;
    level: string;
    catalogItemCode: string | null;
    linkedHazardId: number | null;
    penaltyDecision: string | null;
  }[];
  startedAt: string;
  place: string;
};

const mark = (code: string, result: string) =>
  fireEvent.click(within(screen.getByTestId(`check-${code}`)).getByRole('radio', { name: result }));

describe('inspection record form', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fills a record on a phone: checklist, a finding for a problem, save', async () => {
    setViewportWidth(390);
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/form-context': json(200, formContext({ openHazards: [] })),
      'POST /inspections': json(
        201,
        recordDetail({ status: 'draft', availableActions: ['edit', 'submit_for_signing'] }),
      ),
      'GET /inspections/5': json(200, recordDetail({ status: 'draft' })),
    });
    renderApp('/inspections/new?enterpriseId=7');

    expect(await screen.findByText('示例化工有限公司')).toBeTruthy();
    // Me and the colleague the plan proposed are named by default.
    expect(screen.getByText('张三（执法证号 15060223001）')).toBeTruthy();
    expect(screen.getByText('阮飞（执法证号 15060223002）')).toBeTruthy();
    expect(screen.getByDisplayValue('示例区纬三路8号')).toBeTruthy();

    mark('HG-2017-01', '符合');
    mark('HG-2017-05', '存在问题');
    // A problem without a finding is refused by the record rules before anything is sent.
    fireEvent.click(screen.getByRole('button', { name: '保存检查记录' }));
    expect(await screen.findByText('存在问题的检查项须有对应的发现问题')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: /添加对应问题/ }));
    const finding = screen.getByTestId('finding-1');
    expect(within(finding).getByLabelText<HTMLInputElement>('问题名称 1').value).toBe(
      '重大危险源罐区无紧急切断',
    );
    fireEvent.change(within(finding).getByLabelText('问题描述 1'), {
      target: { value: '2号罐区液氨储罐进出料管道未设紧急切断阀' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存检查记录' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as DraftBody;
    expect(body).toMatchObject({
      enterpriseId: 7,
      inspectorUserIds: [1, 2],
      place: '示例区纬三路8号',
      checklist: [
        { catalogItemCode: 'HG-2017-01', result: 'compliant', note: null },
        { catalogItemCode: 'HG-2017-05', result: 'problem', note: null },
      ],
      findings: [
        {
          title: '重大危险源罐区无紧急切断',
          description: '2号罐区液氨储罐进出料管道未设紧急切断阀',
          level: 'major',
          catalogItemCode: 'HG-2017-05',
          linkedHazardId: null,
          penaltyDecision: null,
        },
      ],
    });
    expect(body.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
    // Saved: the record page opens with the next step.
    expect(await screen.findByRole('button', { name: '提交签名' })).toBeTruthy();
  });

  it('needs two certified inspectors', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/form-context': json(200, formContext({ proposedInspectorIds: [] })),
    });
    renderApp('/inspections/new?enterpriseId=7');
    await screen.findByTestId('check-HG-2017-01');
    mark('HG-2017-01', '符合');
    fireEvent.click(screen.getByRole('button', { name: '保存检查记录' }));
    expect(await screen.findByText('现场检查须有两名以上执法人员')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lists the open hazards with the no-penalty rule and links a finding to one', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/form-context': json(200, formContext()),
      'POST /inspections': json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '输入有误',
          fields: [{ path: 'findings.0.penaltyDecision', message: '不能拟立案处罚' }],
        },
      }),
    });
    renderApp('/inspections/new?enterpriseId=7');
    expect(await screen.findByText('企业未销号隐患（1）')).toBeTruthy();
    expect(screen.getByText('符合自查自报免罚规则')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '列入发现问题' }));
    const finding = screen.getByTestId('finding-1');
    expect(within(finding).getByText(/企业自查发现并已按规定报告/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存检查记录' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as DraftBody;
    expect(body.findings[0]).toMatchObject({ linkedHazardId: 31, catalogItemCode: 'HG-2017-05' });
    // The item of the confirmed hazard was marked a problem of this visit.
    expect(body.checklist).toEqual([
      { catalogItemCode: 'HG-2017-05', result: 'problem', note: null },
    ]);
    // The server's field error lands on the finding.
    expect(await within(finding).findByText('不能拟立案处罚')).toBeTruthy();
  });

  it('opens from a plan target with the drawn inspectors', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections/form-context': json(200, formContext({ origin: 'spot_check' })),
      'POST /inspections': json(201, recordDetail({ status: 'draft' })),
      'GET /inspections/5': json(200, recordDetail({ status: 'draft' })),
    });
    renderApp('/inspections/new?planId=5&targetId=12');
    expect(await screen.findByText('按检查计划执行（计划 #5）')).toBeTruthy();
    const get = calls.find((c) => c.path === '/inspections/form-context');
    expect(get?.url).toContain('planId=5');
    expect(get?.url).toContain('targetId=12');
    expect(get?.url).not.toContain('enterpriseId');
    mark('HG-2017-01', '符合');
    fireEvent.click(screen.getByRole('button', { name: '保存检查记录' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      enterpriseId: 7,
      planId: 5,
      targetId: 12,
      inspectorUserIds: [1, 2],
    });
  });
});
