import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { tipDetail } from './tip-fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

describe('tip page (staff)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows exactly the workflow actions the server allows; messages have their own place', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /tips/21': json(200, tipDetail()),
      'GET /tips/21/duplicates': json(200, { hazards: [], tips: [] }),
    });
    renderApp('/tips/21');
    const group = await screen.findByRole('group', { name: '可办理的操作' }, SLOW);
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['受理', '不予受理', '修改企业和行业']);
    expect(screen.getByRole('heading', { name: '东胜举〔2026〕0021号' })).toBeTruthy();
    // No identity button without the identity permission.
    expect(screen.queryByRole('button', { name: /查看举报人身份/ })).toBeNull();
  });

  it('renders tip texts, file names and messages as text (stored XSS shows literally)', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /tips/21': json(
        200,
        tipDetail({
          subject: XSS,
          description: `描述${XSS}`,
          place: XSS,
          enterpriseId: null,
          enterpriseName: XSS,
          enterpriseText: XSS,
          files: [
            {
              id: 5,
              fileName: `${XSS}.pdf`,
              mimeType: 'application/pdf',
              sizeBytes: 100,
              fromReporter: true,
              messageId: null,
              createdAt: '2026-11-20T02:00:00.000Z',
            },
          ],
          messages: [
            {
              id: 9,
              kind: 'reporter_info',
              body: `补充${XSS}`,
              authorName: null,
              createdAt: '2026-11-21T02:00:00.000Z',
            },
          ],
        }),
      ),
      'GET /tips/21/duplicates': json(200, { hazards: [], tips: [] }),
    });
    const { container } = renderApp('/tips/21');
    expect((await screen.findByTestId('tip-subject', {}, SLOW)).textContent).toBe(XSS);
    expect(screen.getByTestId('tip-description').textContent).toBe(`描述${XSS}`);
    expect(screen.getByRole('link', { name: `${XSS}.pdf` })).toBeTruthy();
    expect(screen.getByText(`补充${XSS}`)).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });

  it('shows the identity only after a confirmation that the view is recorded', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /tips/21': json(200, tipDetail({ canViewIdentity: true, insider: true })),
      'GET /tips/21/duplicates': json(200, { hazards: [], tips: [] }),
      'POST /tips/21/identity': json(200, {
        anonymous: false,
        insider: true,
        name: '张举报',
        phone: '13912345678',
        idNumber: null,
        contact: null,
        other: {},
        viewedAt: '2026-11-22T02:00:00.000Z',
      }),
    });
    renderApp('/tips/21');
    fireEvent.click(await screen.findByRole('button', { name: /查看举报人身份/ }, SLOW));
    const confirm = await findDialog('记入审计日志');
    expect(within(confirm).getByText(/内部吹哨人/)).toBeTruthy();
    expect(calls.some((c) => c.path === '/tips/21/identity')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: '确认查看' }));
    const shown = await findDialog('张举报');
    expect(within(shown).getByText('13912345678')).toBeTruthy();
    expect(within(shown).getByText(/本次查看已于 .* 记入审计日志/)).toBeTruthy();
    const post = calls.find((c) => c.path === '/tips/21/identity');
    expect(post?.method).toBe('POST');
    expect(post?.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('keeps internal notes apart from the conversation with the reporter', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /tips/21': json(
        200,
        tipDetail({
          messages: [
            {
              id: 1,
              kind: 'note',
              body: '内部：先电话核实',
              authorName: '危化室王',
              createdAt: '2026-11-20T03:00:00.000Z',
            },
            {
              id: 2,
              kind: 'reply',
              body: '已受理',
              authorName: '危化室王',
              createdAt: '2026-11-20T04:00:00.000Z',
            },
          ],
        }),
      ),
      'GET /tips/21/duplicates': json(200, { hazards: [], tips: [] }),
      'POST /tips/21/messages': json(201, tipDetail()),
    });
    renderApp('/tips/21');
    const conversationTab = await screen.findByRole('tab', { name: '与举报人沟通 1' }, SLOW);
    expect(conversationTab).toBeTruthy();
    expect(screen.getByText('已受理')).toBeTruthy();
    expect(screen.queryByText('内部：先电话核实')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '内部备注 1' }));
    expect(await screen.findByText('内部：先电话核实')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '内部备注' }), {
      target: { value: '已联系企业' },
    });
    fireEvent.click(screen.getByRole('button', { name: '添加备注' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'note',
      body: '已联系企业',
    });
  });

  it('assigns to an inspector with a due date, sending the version and an idempotency key', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /tips/21': json(
        200,
        tipDetail({
          status: 'accepted',
          version: 2,
          dueDateLimit: '2099-01-30',
          acceptedOn: '2098-12-01',
          availableActions: ['assign', 'reject', 'classify', 'note', 'reply', 'ask'],
        }),
      ),
      'GET /tips/21/duplicates': json(200, { hazards: [], tips: [] }),
      'GET /tips/21/assignees': json(200, {
        units: [{ id: 40, name: '执法大队', kind: 'brigade' }],
        inspectors: [{ id: 50, name: '执法员甲', unitId: 40, unitName: '执法大队' }],
        defaultDueDate: '2099-01-30',
        dueDateLimit: '2099-01-30',
      }),
      'POST /tips/21/actions/assign': json(200, tipDetail({ status: 'verifying' })),
    });
    renderApp('/tips/21');
    fireEvent.click(await screen.findByRole('button', { name: '交办核查' }, SLOW));
    const drawer = await findDialog('最晚不超过 2099-01-30');
    fireEvent.mouseDown(within(drawer).getByRole('combobox', { name: '核查人员' }));
    fireEvent.click(await screen.findByText('执法员甲（执法大队）'));
    fireEvent.click(within(drawer).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      version: 2,
      payload: { unitId: null, userId: 50, dueDate: '2099-01-30', comment: null },
    });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
  });
});
