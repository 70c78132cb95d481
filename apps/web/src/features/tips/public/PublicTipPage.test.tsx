import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { powSatisfied } from '@hazard-ledger/domain';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { setViewportWidth } from '../../../test/setup';

const LOAD = { timeout: 15_000 };
const XSS = '<img src=x onerror=alert(1)>动火';

const CHALLENGE = {
  challenge: '0123456789abcdef0123456789abcdef',
  difficulty: 6,
  expiresAt: '2099-01-01T00:00:00.000Z',
  signature: 'a'.repeat(64),
};

/** The init of the fetch call to a path (FormData bodies are not parsed by mockApi). */
function fetchInit(path: string): RequestInit | undefined {
  const fetchMock = globalThis.fetch as unknown as { mock: { calls: [string, RequestInit?][] } };
  return fetchMock.mock.calls.find(([url]) => url.endsWith(path))?.[1];
}

function routes() {
  return {
    'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
    'GET /public/districts': json(200, [
      { id: 2, name: '东胜区应急管理局' },
      { id: 3, name: '康巴什区应急管理局' },
    ]),
    'GET /public/enterprises': json(200, [
      { id: 7, name: '东胜区恒泰化工有限公司', districtId: 2, districtName: '东胜区应急管理局' },
    ]),
    'POST /public/tips/challenge': json(200, CHALLENGE),
    'POST /public/tips': json(201, {
      receiptCode: '1234567890123456',
      number: '东胜举〔2026〕0001号',
    }),
  };
}

describe('public tip page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a phone: an anonymous tip with a photo, solved challenge, then the code shown once', async () => {
    setViewportWidth(390);
    // No Worker under happy-dom: the challenge is solved in chunks on the main thread.
    vi.stubGlobal('Worker', undefined);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText },
    });
    const calls = mockApi(routes());
    renderApp('/tip');
    expect(await screen.findByRole('heading', { name: '我要举报' }, LOAD)).toBeTruthy();
    expect(screen.getByText(/不使用 Cookie，也不记录您的 IP 地址/)).toBeTruthy();

    // Nothing filled: the domain rules answer in Chinese and nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: '提交举报' }));
    expect(await screen.findByText('请选择被举报的企业')).toBeTruthy();
    expect(screen.getByText('请填写举报事项（至少2个字）')).toBeTruthy();
    expect(calls.some((c) => c.path === '/public/tips')).toBe(false);

    // Find the enterprise in the public registry.
    const search = screen.getByRole('combobox', { name: '企业名称' });
    fireEvent.mouseDown(search);
    fireEvent.change(search, { target: { value: '恒泰' } });
    fireEvent.click(
      await screen.findByTitle('东胜区恒泰化工有限公司（东胜区应急管理局）', {}, LOAD),
    );
    expect(calls.find((c) => c.path === '/public/enterprises')?.url).toContain(
      `q=${encodeURIComponent('恒泰')}`,
    );

    fireEvent.change(screen.getByLabelText('举报事项'), { target: { value: XSS } });
    fireEvent.change(screen.getByLabelText('举报内容'), {
      target: { value: '夜间在储罐区动火作业，没有作业票，也没有人监护。' },
    });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toContain('image/jpeg');
    const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '现场.png', {
      type: 'image/png',
    });
    fireEvent.change(input, { target: { files: [photo] } });
    expect(await screen.findByText('现场.png')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '提交举报' }));
    const code = await screen.findByTestId('receipt-code', {}, LOAD);
    expect(code.textContent).toBe('1234 5678 9012 3456');
    expect(screen.getByText(/回执码只显示这一次/)).toBeTruthy();
    expect(screen.getByText('举报编号：东胜举〔2026〕0001号')).toBeTruthy();
    expect(screen.getByRole('link', { name: '凭回执码查询办理进度' }).getAttribute('href')).toBe(
      '/tip/status',
    );

    fireEvent.click(screen.getByRole('button', { name: /复制回执码/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('1234567890123456'));
    expect(await screen.findByRole('button', { name: /已复制/ })).toBeTruthy();

    // What went to the server: the form, a solved challenge and the photo, without cookies.
    const init = fetchInit('/public/tips')!;
    expect(init.credentials).toBe('omit');
    expect(new Headers(init.headers).get('x-csrf-token')).toBeNull();
    const body = init.body as FormData;
    const data = JSON.parse(body.get('data') as string) as Record<string, unknown> & {
      pow: { challenge: string; nonce: string; difficulty: number };
    };
    expect(data).toMatchObject({
      enterpriseId: 7,
      enterpriseText: null,
      districtId: null,
      subject: XSS,
      anonymous: true,
      insider: false,
      reporterName: null,
      reporterPhone: null,
    });
    expect(powSatisfied(data.pow.challenge, data.pow.nonce, data.pow.difficulty)).toBe(true);
    expect((body.getAll('files')[0] as File).name).toBe('现场.png');
    expect(fetchInit('/public/tips/challenge')?.credentials).toBe('omit');
  });

  it('a named tip about a typed enterprise needs a name and a phone', async () => {
    vi.stubGlobal('Worker', undefined);
    mockApi(routes());
    renderApp('/tip');
    fireEvent.click(await screen.findByText('直接填写', {}, LOAD));
    fireEvent.click(screen.getByText('实名举报'));
    expect(await screen.findByLabelText('姓名')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('单位或场所名称'), { target: { value: '城郊加油点' } });
    fireEvent.change(screen.getByLabelText('举报事项'), { target: { value: '无证经营' } });
    fireEvent.change(screen.getByLabelText('举报内容'), {
      target: { value: '城郊加油点没有经营许可证，用铁桶卖汽油。' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交举报' }));
    expect(await screen.findByText('请选择所在区县')).toBeTruthy();
    expect(screen.getByText('实名举报请填写姓名')).toBeTruthy();
    expect(screen.getByText('实名举报请填写联系电话')).toBeTruthy();
    expect(screen.getByText(/姓名和电话加密保存/)).toBeTruthy();
  });

  it('shows the server refusal of a file on the form', async () => {
    vi.stubGlobal('Worker', undefined);
    mockApi({
      ...routes(),
      'POST /public/tips': apiError(400, 'VALIDATION_FAILED', '提交的数据有误', [
        {
          path: 'files.0',
          message: '“a.png”不是允许的文件类型：只能上传 JPEG/PNG/WebP 照片或 PDF 文件',
        },
      ]),
    });
    renderApp('/tip');
    fireEvent.click(await screen.findByText('直接填写', {}, LOAD));
    fireEvent.change(screen.getByLabelText('单位或场所名称'), { target: { value: '城郊加油点' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '所在区县' }));
    fireEvent.click(await screen.findByTitle('康巴什区应急管理局'));
    fireEvent.change(screen.getByLabelText('举报事项'), { target: { value: '无证经营' } });
    fireEvent.change(screen.getByLabelText('举报内容'), {
      target: { value: '城郊加油点没有经营许可证，用铁桶卖汽油。' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交举报' }));
    expect(await screen.findByText(/不是允许的文件类型/, {}, LOAD)).toBeTruthy();
    const data = JSON.parse(
      (fetchInit('/public/tips')!.body as FormData).get('data') as string,
    ) as Record<string, unknown>;
    expect(data).toMatchObject({ enterpriseId: null, enterpriseText: '城郊加油点', districtId: 3 });
  });
});
