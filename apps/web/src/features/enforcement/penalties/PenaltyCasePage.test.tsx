import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { caseDetail } from './penalty-fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

function findDialog(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const d = screen.getAllByRole('dialog').find((el) => el.textContent?.includes(text));
    if (!d) throw new Error(`no dialog with ${text}`);
    return d;
  });
}

describe('penalty case page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows only the allowed actions and what 一案双罚 still needs', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases/5': json(200, caseDetail()),
    });
    renderApp('/penalty-cases/5');
    const group = await screen.findByRole('group', { name: '办理' }, SLOW);
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['记录陈述申辩', '作出不予行政处罚决定', '终止调查']);
    expect(screen.getByText('一案双罚')).toBeTruthy();
    expect(
      within(screen.getByTestId('decision-errors')).getByText(
        '案件涉及未消除的重大事故隐患，须同时对主要负责人作出处罚决定（一案双罚），或记录不予处罚的理由',
      ),
    ).toBeTruthy();
    expect(screen.getAllByText('重大隐患未消除').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /编辑处罚对象/ })).toBeTruthy();
  });

  it('adds the main leader with the registry name, warns on the amount and saves in fen', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases/5': json(200, caseDetail()),
      'POST /penalty-cases/5/actions/edit_parties': json(200, caseDetail({ version: 5 })),
    });
    renderApp('/penalty-cases/5');
    fireEvent.click(await screen.findByRole('button', { name: /编辑处罚对象/ }, SLOW));
    const dialog = await findDialog('添加主要负责人');
    fireEvent.click(within(dialog).getByRole('button', { name: /添加主要负责人/ }));
    await waitFor(() => expect(within(dialog).getByDisplayValue('孙鼎')).toBeTruthy());
    const amounts = within(dialog).getAllByRole('spinbutton');
    fireEvent.change(amounts[1]!, { target: { value: '200000' } });
    expect(
      await within(dialog).findByText(
        '主要负责人“孙鼎”的罚款200000.00元超出《安全生产法》第九十四条规定的20000元至50000元',
      ),
    ).toBeTruthy();
    fireEvent.change(amounts[1]!, { target: { value: '30000' } });
    const numbers = within(dialog).getAllByPlaceholderText('如：东应急罚〔2026〕12号');
    fireEvent.change(numbers[1]!, { target: { value: '东应急罚〔2026〕22号' } });
    await waitFor(() => expect(within(dialog).queryByText(/作出处罚决定前须完成/)).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(post.body).toEqual({
      version: 4,
      payload: {
        parties: [
          {
            kind: 'enterprise',
            name: '东胜区金鼎矿业有限责任公司',
            position: null,
            basis: 'aqsf_102',
            circumstance: 'standard',
            amountFen: 4_000_000,
            decisionNo: '东应急罚〔2026〕21号',
          },
          {
            kind: 'main_leader',
            name: '孙鼎',
            position: '主要负责人',
            basis: 'aqsf_94',
            circumstance: 'standard',
            amountFen: 3_000_000,
            decisionNo: '东应急罚〔2026〕22号',
          },
        ],
        leaderWaiverReason: null,
      },
    });
  });

  it('asks why a penalty is imposed when the no-penalty rule applies', async () => {
    const ready = caseDetail({
      availableActions: ['edit_parties', 'decide', 'decide_no_penalty', 'terminate'],
      decisionCheck: { errors: [], warnings: [] },
      leaderWaiverReason: '主要负责人到任不足一月',
      noPenalty: {
        applies: true,
        asOf: '2026-03-01',
        hazards: [
          {
            hazardId: 9,
            number: '东胜-2026-000009',
            applies: true,
            reasons: ['属于重大事故隐患', '由企业自行发现（企业自查）'],
          },
        ],
      },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases/5': json(200, ready),
      'POST /penalty-cases/5/actions/decide': json(200, caseDetail({ status: 'decided' })),
    });
    renderApp('/penalty-cases/5');
    expect(await screen.findByText(/本案涉及的隐患符合该规则/, {}, SLOW)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '作出行政处罚决定' }));
    const dialog = await findDialog('仍予处罚的理由');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(
      await within(dialog).findByText('该隐患符合不予处罚规则，仍予处罚须说明理由'),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('仍予处罚的理由'), {
      target: { value: '整改措施未落实，仍在组织生产' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as {
      payload: Record<string, unknown>;
    };
    expect(body.payload).toMatchObject({
      leaderWaiverReason: '主要负责人到任不足一月',
      noPenaltyOverrideReason: '整改措施未落实，仍在组织生产',
      parties: [{ kind: 'enterprise', amountFen: 4_000_000 }],
    });
    expect(body.payload.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the server’s refusal', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /penalty-cases/5': json(200, caseDetail()),
      'POST /penalty-cases/5/actions/terminate': apiError(409, 'CONFLICT', '操作冲突', [
        { path: 'action', message: '当前状态“已作出决定”不能执行“终止调查”' },
      ]),
    });
    renderApp('/penalty-cases/5');
    fireEvent.click(await screen.findByRole('button', { name: '终止调查' }, SLOW));
    const dialog = await findDialog('理由');
    fireEvent.change(within(dialog).getByLabelText('理由'), {
      target: { value: '违法事实不能成立' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(await within(dialog).findByText('当前状态“已作出决定”不能执行“终止调查”')).toBeTruthy();
  });

  it('gives the enterprise its decisions as PDFs and no actions', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /penalty-cases/5': json(
        200,
        caseDetail({
          status: 'decided',
          decisionDate: '2026-03-10',
          publication: { deadline: '2026-03-19', publishedOn: null, overdue: false },
          availableActions: [],
          canEdit: false,
          parties: [
            { ...caseDetail().parties[0]!, decisionCode: 'a'.repeat(64) },
            {
              id: 22,
              kind: 'main_leader',
              name: '孙鼎',
              position: '总经理',
              basis: 'aqsf_94',
              circumstance: 'standard',
              amountFen: 3_000_000,
              decisionNo: '东应急罚〔2026〕22号',
              decisionCode: 'b'.repeat(64),
            },
          ],
        }),
      ),
    });
    renderApp('/penalty-cases/5');
    const links = await screen.findAllByRole('link', { name: /行政处罚决定书/ }, SLOW);
    expect(links.map((l) => l.getAttribute('href'))).toEqual([
      '/api/v1/penalty-cases/5/parties/21/decision.pdf',
      '/api/v1/penalty-cases/5/parties/22/decision.pdf',
    ]);
    expect(screen.queryByRole('group', { name: '办理' })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑处罚对象/ })).toBeNull();
    expect(screen.getAllByText('2026-03-19前公示').length).toBeGreaterThan(0);
    expect(screen.getByText('¥30,000.00')).toBeTruthy();
  });
});
