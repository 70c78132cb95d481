import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { importView } from '../../../test/enterprise-fixtures';
import { renderApp } from '../../../test/render-app';

/** The first render loads the page chunk; slow when the whole suite runs in parallel. */
const PAGE_LOAD = { timeout: 15_000 };

const history = { items: [{ ...importView(), rows: [] }], total: 1, page: 1, pageSize: 10 };

/** Stands in for XMLHttpRequest: the test drives progress and the answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
    onload: (() => void) | null;
  } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {}
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  uploaded() {
    act(() => this.upload.onload?.());
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  expect(input.accept).toBe('.xlsx');
  fireEvent.change(input, { target: { files: [file] } });
}

const xlsx = (name = '企业名录.xlsx', size = 2048) =>
  new File([new Uint8Array(size)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

// Whole-app renders under happy-dom: generous when the suite shares a busy machine.
describe('enterprise import page', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.sent = [];
  });

  it('previews row errors with their column, only the error rows first, then imports all valid rows', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/imports': json(200, history),
      'GET /enterprises/imports/5': json(200, importView()),
      'POST /enterprises/imports/5/commit': json(
        200,
        importView({ status: 'committed', committedAt: '2025-06-01T02:01:00.000Z' }),
      ),
    });
    renderApp('/enterprises/import?id=5');
    const summary = await screen.findByRole('list', { name: '企业名录.xlsx' }, PAGE_LOAD);
    const counts = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(counts).toEqual(['总行数2', '新增1', '更新0', '无变化0', '错误行1']);

    // Row 3 with both cell errors, in red; the valid row hidden while "只看错误行" is on.
    const errorRow = screen.getByText('乙化工有限公司').closest('tr') as HTMLElement;
    expect(within(errorRow).getByText('3')).toBeTruthy();
    expect(within(errorRow).getByText('有错误')).toBeTruthy();
    expect(
      within(errorRow).getByText('统一社会信用代码：统一社会信用代码校验位不正确'),
    ).toBeTruthy();
    expect(within(errorRow).getByText('所属区县：“西城区”不是本辖区的区县')).toBeTruthy();
    expect(screen.queryByText('甲化工有限公司')).toBeNull();
    fireEvent.click(screen.getByRole('switch'));
    const validRow = (await screen.findByText('甲化工有限公司')).closest('tr') as HTMLElement;
    expect(within(validRow).getByText('新增')).toBeTruthy();

    expect(screen.getByText(/有错误的行将被跳过，其余有效行将在一次操作中全部写入/)).toBeTruthy();
    const commit = screen.getByRole('button', { name: /导入全部有效行（1 行）/ });
    fireEvent.click(commit);
    const dialog = await waitFor(() => {
      const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes('确认导入'));
      if (!d) throw new Error('no confirm');
      return d;
    });
    expect(dialog.textContent).toContain('将新增 1 家、更新 0 家企业');
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
    expect(
      await screen.findByText('新增 1 家，更新 0 家，无变化 0 家，跳过错误行 1 行。'),
    ).toBeTruthy();
    expect(screen.getAllByText('导入完成').length).toBeGreaterThan(0);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/enterprises/imports/5/commit');
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('disables the import when no row is valid', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/imports': json(200, history),
      'GET /enterprises/imports/5': json(
        200,
        importView({ totalRows: 1, errorRows: 1, created: 0, rows: importView().rows.slice(1) }),
      ),
    });
    renderApp('/enterprises/import?id=5');
    const button = await screen.findByRole('button', { name: /导入全部有效行（0 行）/ }, PAGE_LOAD);
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText('没有可导入的有效行，请修改文件后重新上传。')).toBeTruthy();
  });

  it('uploads with a progress bar, shows "正在校验…" while the server reads, then the preview', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/imports': json(200, history),
    });
    renderApp('/enterprises/import');
    expect(await screen.findByRole('link', { name: /下载导入模板/ }, PAGE_LOAD)).toHaveProperty(
      'href',
      expect.stringContaining('/api/v1/enterprises/import/template'),
    );
    // History of earlier imports below.
    expect(await screen.findByText('待确认')).toBeTruthy();

    chooseFile(xlsx());
    const xhr = await waitFor(() => {
      const x = FakeXhr.sent[0];
      if (!x) throw new Error('not sent');
      return x;
    }, PAGE_LOAD);
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/enterprises/import/preview');
    expect(xhr.headers['x-csrf-token']).toBe('csrf-token-1');
    expect((xhr.body?.get('file') as File).name).toBe('企业名录.xlsx');

    xhr.progress(512, 2048);
    expect(await screen.findByText('正在上传 企业名录.xlsx')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    xhr.uploaded();
    expect(await screen.findByText('正在校验…')).toBeTruthy();
    xhr.respond(200, importView());
    expect(await screen.findByRole('button', { name: /导入全部有效行（1 行）/ })).toBeTruthy();
    expect(screen.getByText('统一社会信用代码：统一社会信用代码校验位不正确')).toBeTruthy();
  });

  it('refuses a file that is not .xlsx before sending and shows the server reason for a bad file', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /enterprises/imports': json(200, { items: [], total: 0, page: 1, pageSize: 10 }),
    });
    renderApp('/enterprises/import');
    await screen.findByRole('link', { name: /下载导入模板/ }, PAGE_LOAD);
    chooseFile(xlsx('企业名录.xls'));
    expect(await screen.findByText('请选择 .xlsx 格式的 Excel 文件', {}, PAGE_LOAD)).toBeTruthy();
    expect(FakeXhr.sent).toHaveLength(0);

    chooseFile(xlsx());
    const xhr = await waitFor(() => {
      const x = FakeXhr.sent[0];
      if (!x) throw new Error('not sent');
      return x;
    }, PAGE_LOAD);
    xhr.uploaded();
    const body = apiError(400, 'VALIDATION_FAILED', '提交的数据有误，请检查标出的字段', [
      { path: 'file', message: '缺少必填列：统一社会信用代码（请使用导入模板）' },
    ]).body;
    xhr.respond(400, body);
    expect(
      await screen.findByText('缺少必填列：统一社会信用代码（请使用导入模板）', {}, PAGE_LOAD),
    ).toBeTruthy();
  });
});
