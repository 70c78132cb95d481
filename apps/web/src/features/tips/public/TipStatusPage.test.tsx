import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PublicTipView } from '@hazard-ledger/domain';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';

const LOAD = { timeout: 15_000 };
const SCRIPT = '<script>alert("x")</script>';
const IMG = '<img src=x onerror=alert(1)>.png';

function view(over: Partial<PublicTipView> = {}): PublicTipView {
  return {
    number: '东胜举〔2026〕0001号',
    status: 'accepted',
    verificationResult: null,
    receivedAt: '2026-05-10T02:00:00.000Z',
    subject: `违规动火${SCRIPT}`,
    description: '夜间在储罐区动火作业，\n没有作业票。',
    place: null,
    enterpriseName: '东胜区恒泰化工有限公司',
    districtName: '东胜区应急管理局',
    anonymous: true,
    insider: false,
    timeline: [
      { status: 'received', at: '2026-05-10T02:00:00.000Z' },
      { status: 'accepted', at: '2026-05-11T02:00:00.000Z' },
    ],
    messages: [
      {
        id: 11,
        kind: 'reply',
        body: '您的举报已受理。',
        at: '2026-05-11T02:00:00.000Z',
        unitName: '东胜区应急管理局危化室',
        answered: false,
      },
      {
        id: 12,
        kind: 'question',
        body: '动火一般在几点？',
        at: '2026-05-11T03:00:00.000Z',
        unitName: '东胜区应急管理局危化室',
        answered: false,
      },
    ],
    files: [
      {
        id: 5,
        messageId: null,
        fileName: IMG,
        mimeType: 'image/png',
        sizeBytes: 100,
        fromReporter: true,
        at: '2026-05-10T02:00:00.000Z',
      },
    ],
    canAddInfo: true,
    ...over,
  };
}

function fetchInit(path: string): RequestInit | undefined {
  const fetchMock = globalThis.fetch as unknown as { mock: { calls: [string, RequestInit?][] } };
  return fetchMock.mock.calls.find(([url]) => url.endsWith(path))?.[1];
}

async function enterCode(code: string) {
  const input = await screen.findByLabelText('回执码', {}, LOAD);
  fireEvent.change(input, { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: '查询' }));
}

describe('tip status page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a phone: looks up by code (POST), shows replies as text, answers and adds information', async () => {
    setViewportWidth(390);
    const answered = view({
      messages: [
        ...view().messages.map((m) => (m.id === 12 ? { ...m, answered: true } : m)),
        {
          id: 13,
          kind: 'reporter_answer',
          body: '晚上十点以后。',
          at: '2026-05-12T03:00:00.000Z',
          unitName: null,
          answered: false,
        },
      ],
    });
    const calls = mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /public/tips/status': json(200, view()),
      'POST /public/tips/answer': json(200, answered),
      'POST /public/tips/info': json(200, answered),
    });
    renderApp('/tip/status');
    await enterCode('1234 5678-9012 3456');

    expect(await screen.findByText('东胜举〔2026〕0001号', {}, LOAD)).toBeTruthy();
    const lookup = calls.find((c) => c.path === '/public/tips/status')!;
    expect(lookup.method).toBe('POST');
    expect(lookup.url).not.toContain('1234');
    expect(lookup.body).toEqual({ code: '1234567890123456' });
    expect(lookup.credentials).toBe('omit');
    expect(screen.getByText('1234 5678 9012 3456')).toBeTruthy();
    expect(screen.getAllByText('已受理').length).toBeGreaterThan(0);

    // Stored XSS attempts are shown as text, never run or rendered as markup.
    expect(screen.getByText(`违规动火${SCRIPT}`)).toBeTruthy();
    expect(screen.getByText(IMG)).toBeTruthy();
    expect(document.querySelector('main script')).toBeNull();
    expect(document.querySelector('main img[src="x"]')).toBeNull();

    expect(screen.getByText('您的举报已受理。')).toBeTruthy();
    expect(screen.getAllByText('东胜区应急管理局危化室').length).toBe(2);

    fireEvent.change(screen.getByLabelText('回答'), { target: { value: '晚上十点以后。' } });
    fireEvent.click(screen.getByRole('button', { name: '提交回答' }));
    expect(await screen.findByText('晚上十点以后。', {}, LOAD)).toBeTruthy();
    expect(calls.find((c) => c.path === '/public/tips/answer')?.body).toEqual({
      code: '1234567890123456',
      questionId: 12,
      text: '晚上十点以后。',
    });
    expect(screen.getByText('已回答')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交回答' })).toBeNull();

    const addInfo = screen.getByRole('textbox', { name: '补充举报信息' });
    fireEvent.change(addInfo, { target: { value: '动火点在3号储罐东侧。' } });
    fireEvent.click(screen.getByRole('button', { name: '提交补充' }));
    await waitFor(() => expect(fetchInit('/public/tips/info')).toBeTruthy());
    const data = JSON.parse(
      (fetchInit('/public/tips/info')!.body as FormData).get('data') as string,
    ) as unknown;
    expect(data).toEqual({ code: '1234567890123456', text: '动火点在3号储罐东侧。' });

    fireEvent.click(screen.getByRole('button', { name: '退出查询' }));
    expect(await screen.findByLabelText('回执码')).toBeTruthy();
    expect(screen.queryByText('东胜举〔2026〕0001号')).toBeNull();
  });

  it('shows the generic message for a wrong code under the field', async () => {
    const calls = mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /public/tips/status': apiError(404, 'NOT_FOUND', '记录不存在或无权查看', [
        { path: 'code', message: '回执码不正确，或没有对应的举报。请核对后重新输入' },
      ]),
    });
    renderApp('/tip/status');
    await enterCode('123');
    expect(
      await screen.findByText('请输入16位回执码', { selector: '.ant-form-item-explain-error' }),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === '/public/tips/status')).toBe(false);
    await enterCode('0000000000000000');
    expect(
      await screen.findByText('回执码不正确，或没有对应的举报。请核对后重新输入', {}, LOAD),
    ).toBeTruthy();
  });

  it('a closed tip offers no more additions', async () => {
    mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /public/tips/status': json(
        200,
        view({ status: 'closed', verificationResult: 'true', canAddInfo: false }),
      ),
    });
    renderApp('/tip/status');
    await enterCode('1234567890123456');
    expect(await screen.findByText('该举报已办结，不能再补充信息。', {}, LOAD)).toBeTruthy();
    expect(screen.getByText('属实')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交回答' })).toBeNull();
    const history = screen.getByText('办理过程').closest('.ant-card') as HTMLElement;
    expect(within(history).getByText('待受理')).toBeTruthy();
  });
});
