import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HazardDetail } from '@hazard-ledger/domain';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { hazardDetail } from '../../test/hazard-fixtures';
import { renderApp } from '../../test/render-app';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

/** The open dialog containing `text` (antd aria ids are all "test-id" under test). */
function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

function actionButtons(group: HTMLElement): string[] {
  return within(group)
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

describe('hazard page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows exactly the actions the server lists, in its order', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /hazards/11': json(
        200,
        hazardDetail({
          status: 'rectified',
          canEdit: false,
          availableActions: ['verify', 'reject_fix', 'change_level', 'supervise'],
        }),
      ),
    });
    renderApp('/hazards/11');
    const group = await screen.findByRole('group', { name: '可办理的操作' }, SLOW);
    expect(actionButtons(group)).toEqual(['验收销号', '验收不通过', '调整隐患等级', '挂牌督办']);
    expect(screen.getByRole('heading', { name: '东胜-2023-000011' })).toBeTruthy();
    // Not editable: the plan is read-only and there is no edit button.
    expect(screen.queryByRole('button', { name: /修改登记信息/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '保存整改方案' })).toBeNull();
  });

  it('shows no action button when the server lists none', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /hazards/11': json(200, hazardDetail({ status: 'verified', availableActions: [] })),
    });
    renderApp('/hazards/11');
    expect(await screen.findByText('当前没有需要您办理的操作。', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('group', { name: '可办理的操作' })).toBeNull();
  });

  it('lists the missing plan items and saves the plan with funds in yuan', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /hazards/11': json(
        200,
        hazardDetail({
          availableActions: ['report_to_bureau'],
          plan: {
            ...hazardDetail().plan,
            measures: '加装紧急切断阀',
            fundsSource: '安全生产费用',
            deadline: '2099-08-31',
            emergencyMeasures: '专人值守',
            missing: ['responsiblePerson', 'fundsYuan'],
          },
        }),
      ),
      'PUT /hazards/11/plan': (call) =>
        json(
          200,
          hazardDetail({
            version: 4,
            plan: { ...hazardDetail().plan, ...(call.body as object), missing: [] },
          }),
        ),
    });
    renderApp('/hazards/11');
    expect(await screen.findByText('五落实尚缺：整改责任人、整改资金', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('重大事故隐患须五项齐全后才能提交整改方案。')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('整改措施').value).toBe('加装紧急切断阀');

    // A bad amount is refused before sending.
    fireEvent.change(screen.getByLabelText('整改资金（元）'), { target: { value: '12.345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存整改方案' }));
    expect(await screen.findByText('金额格式不正确（元，最多两位小数）')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(screen.getByLabelText('整改资金（元）'), { target: { value: '85000.50' } });
    fireEvent.change(screen.getByLabelText('整改责任人'), { target: { value: '张工' } });
    fireEvent.click(screen.getByRole('button', { name: '保存整改方案' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      version: 3,
      responsiblePerson: '张工',
      measures: '加装紧急切断阀',
      fundsYuan: '85000.50',
      fundsSource: '安全生产费用',
      deadline: '2099-08-31',
      emergencyMeasures: '专人值守',
    });
    expect(await screen.findByText('整改方案已保存')).toBeTruthy();
  });

  it('validates an action payload, then shows the server’s refusal reason (409)', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /hazards/11': json(
        200,
        hazardDetail({ status: 'rectified', canEdit: false, availableActions: ['reject_fix'] }),
      ),
      'POST /hazards/11/actions/reject_fix': {
        status: 409,
        body: {
          error: {
            code: 'CONFLICT',
            message: '操作与当前状态冲突',
            fields: [{ path: 'action', message: '重大事故隐患的验收由应急管理部门办理' }],
            allowedActions: [],
          },
        },
      },
    });
    renderApp('/hazards/11');
    fireEvent.click(await screen.findByRole('button', { name: '验收不通过' }, SLOW));
    const dialog = await findDialog('原因');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请填写原因')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '切断阀未联锁' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('重大事故隐患的验收由应急管理部门办理')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ version: 3, payload: { reason: '切断阀未联锁' } });
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('requires an after-photo to submit the fix and maps server field errors', async () => {
    const withPhoto: HazardDetail = hazardDetail({
      status: 'rectifying',
      canEdit: false,
      availableActions: ['submit_fix', 'request_extension'],
      files: [
        {
          id: 5,
          kind: 'after',
          fileName: 'after.jpg',
          mimeType: 'image/jpeg',
          sizeBytes: 1000,
          uploadedAt: '2023-07-01T00:00:00Z',
        },
      ],
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /hazards/11': json(200, withPhoto),
      'POST /hazards/11/actions/submit_fix': apiError(
        400,
        'VALIDATION_FAILED',
        '提交的数据有误，请检查标出的字段',
        [{ path: 'payload.description', message: '请说明整改完成情况' }],
      ),
    });
    renderApp('/hazards/11');
    fireEvent.click(await screen.findByRole('button', { name: '提交整改结果' }, SLOW));
    const dialog = await findDialog('整改后照片或证明材料');
    fireEvent.change(within(dialog).getByLabelText('整改完成情况'), {
      target: { value: '已加装' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请上传整改后照片或证明材料')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: /after\.jpg/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    expect(await within(dialog).findByText('请说明整改完成情况')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      version: 3,
      payload: { description: '已加装', attachmentIds: [5] },
    });
  });

  it('offers a reload when the hazard changed meanwhile (STALE_VERSION)', async () => {
    let reads = 0;
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /hazards/11': () => {
        reads += 1;
        return json(
          200,
          hazardDetail({
            status: 'rectified',
            canEdit: false,
            version: 2 + reads,
            availableActions: ['verify'],
          }),
        );
      },
      'POST /hazards/11/actions/verify': apiError(
        409,
        'STALE_VERSION',
        '该记录已被他人修改，请刷新后重试',
      ),
    });
    renderApp('/hazards/11');
    fireEvent.click(await screen.findByRole('button', { name: '验收销号' }, SLOW));
    const dialog = await findDialog('验收意见');
    fireEvent.change(within(dialog).getByLabelText('验收意见'), {
      target: { value: '现场核查合格' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定' }));
    const confirm = await findDialog('该记录已被他人修改。是否重新加载最新数据？');
    fireEvent.click(within(confirm).getByRole('button', { name: '重新加载' }));
    await waitFor(() => expect(reads).toBe(2));
    expect(calls.filter((c) => c.path === '/hazards/11')).toHaveLength(2);
  });

  it('shows the no-penalty rule for a self-found and reported major hazard', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /hazards/11': json(
        200,
        hazardDetail({
          selfFoundAndReported: true,
          reportedToBureauAt: '2023-06-11T02:00:00Z',
          overdue: true,
          deadline: '2023-06-30',
          supervisionLevel: 'district',
        }),
      ),
    });
    renderApp('/hazards/11');
    expect(
      await screen.findByText(
        /企业自查发现并已按规定报告、正在有效整改的重大事故隐患，依法不予行政处罚。/,
        {},
        SLOW,
      ),
    ).toBeTruthy();
    const tags = screen.getByTestId('hazard-tags');
    expect(within(tags).getByText('逾期')).toBeTruthy();
    expect(within(tags).getByText('区级挂牌督办')).toBeTruthy();
  });
});
