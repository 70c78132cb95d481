import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { measureView, offenderRow } from './penalty-fixtures';

const SLOW = { timeout: 15_000 };

const recurring = offenderRow({
  enterpriseId: 4,
  enterpriseName: '东胜区恒泰化工有限公司',
  sector: 'hazchem',
  decisions: [],
  closure: { met: false, within180Days: null, withinOneYear: null },
  recurring: [
    {
      catalogItemCode: 'HG-2017-07',
      hazards: [
        {
          id: 51,
          number: '东胜-2026-000051',
          foundAt: '2026-01-05',
          verifiedAt: '2026-02-01T02:00:00.000Z',
          status: 'verified',
        },
        {
          id: 52,
          number: '东胜-2026-000052',
          foundAt: '2026-04-10',
          verifiedAt: null,
          status: 'reported',
        },
      ],
      recurrences: [
        {
          previousHazardId: 51,
          previousVerifiedAt: '2026-02-01',
          hazardId: 52,
          foundAt: '2026-04-10',
        },
      ],
    },
  ],
});

describe('repeat offenders', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('links each row to its cases and hazards and records a closure proposal', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector', { sectors: null })),
      'GET /repeat-offenders': json(200, {
        items: [offenderRow(), recurring],
        total: 2,
        page: 1,
        pageSize: 20,
        asOf: '2026-06-20',
      }),
      'GET /penalty-cases': json(200, { items: [], total: 0, page: 1, pageSize: 100 }),
      'POST /enforcement-measures': json(201, measureView({ kind: 'closure_proposal', id: 32 })),
    });
    renderApp('/repeat-offenders');
    const row = (await screen.findByText('东胜区金鼎矿业有限责任公司', {}, SLOW)).closest('tr')!;
    expect(within(row).getByText('180日内受到3次行政处罚')).toBeTruthy();
    expect(
      within(row)
        .getByRole('link', { name: '东胜应急罚立〔2026〕0001号（2026-01-10）' })
        .getAttribute('href'),
    ).toBe('/penalty-cases/1');
    const chem = screen.getByText('东胜区恒泰化工有限公司').closest('tr')!;
    expect(within(chem).getByText('HG-2017-07复发')).toBeTruthy();
    expect(within(chem).getByRole('link', { name: '东胜-2026-000052' }).getAttribute('href')).toBe(
      '/hazards/52',
    );
    expect(within(chem).queryByRole('button', { name: '提请关闭' })).toBeNull();
    expect(screen.getByRole('link', { name: /导出/ }).getAttribute('href')).toBe(
      '/api/v1/repeat-offenders/export',
    );

    fireEvent.click(within(row).getByRole('button', { name: '提请关闭' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByDisplayValue('孙鼎')).toBeTruthy();
    expect(within(drawer).getByDisplayValue('《安全生产法》第一百一十三条')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请填写提请的人民政府')).toBeTruthy();
    fireEvent.change(within(drawer).getByLabelText('提请的人民政府'), {
      target: { value: '东胜区人民政府' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      kind: 'closure_proposal',
      enterpriseId: 3,
      proposedTo: '东胜区人民政府',
      leaderName: '孙鼎',
      closureDecidedOn: null,
      basis: '《安全生产法》第一百一十三条',
      documentIds: [],
    });
  });

  it('shows a proposal already recorded instead of the button', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /repeat-offenders': json(200, {
        items: [offenderRow({ closureProposal: { measureId: 32, date: '2026-06-15' } })],
        total: 1,
        page: 1,
        pageSize: 20,
        asOf: '2026-06-20',
      }),
    });
    renderApp('/repeat-offenders');
    expect(await screen.findByText('已提请（2026-06-15）', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提请关闭' })).toBeNull();
  });
});
