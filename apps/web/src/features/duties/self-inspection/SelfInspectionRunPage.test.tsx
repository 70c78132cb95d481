import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { runDetail, runItem } from './self-inspection-fixtures';

/** The first query of a test waits for the page's lazy chunk, slow on a busy machine. */
const SLOW = { timeout: 15_000 };

const itemCard = (code: string) =>
  document.querySelector(`article[data-code="${code}"]`) as HTMLElement;

describe('self-inspection run page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves 符合 at once, checks a problem has a description, and leaves signing to the leader', async () => {
    const afterFirst = runDetail({
      version: 2,
      items: [
        runItem(1, { answer: 'compliant', answeredAt: '2026-06-01T02:00:00Z', issues: [] }),
        runItem(2),
        runItem(3),
      ],
    });
    const afterSecond = runDetail({
      version: 3,
      items: [
        afterFirst.items[0]!,
        runItem(2, {
          answer: 'problem',
          description: '储罐区未设紧急切断',
          answeredAt: '2026-06-01T02:01:00Z',
          issues: ['photo_missing'],
        }),
        runItem(3),
      ],
    });
    const puts: unknown[] = [];
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /self-inspections/5': json(200, runDetail()),
      'PUT /self-inspections/5/items/HG-2017-01/answer': (c) => {
        puts.push(c.body);
        return json(200, afterFirst);
      },
      'PUT /self-inspections/5/items/HG-2017-02/answer': (c) => {
        puts.push(c.body);
        return json(200, afterSecond);
      },
    });
    renderApp('/self-inspections/5');
    expect(await screen.findByText('已答 0 / 共 3', {}, SLOW)).toBeTruthy();
    // The safety manager prepares; only the leader signs.
    expect(screen.getByText('填写完成后，请主要负责人登录系统提交并签字。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /提交并签字/ })).toBeNull();

    fireEvent.click(within(itemCard('HG-2017-01')).getByRole('radio', { name: '符合' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      answer: 'compliant',
      note: null,
      description: null,
      naReason: null,
      version: 1,
    });
    expect(await screen.findByText('已答 1 / 共 3')).toBeTruthy();

    const second = itemCard('HG-2017-02');
    fireEvent.click(within(second).getByRole('radio', { name: '存在问题' }));
    fireEvent.click(within(second).getByRole('button', { name: '保存本项' }));
    expect(await within(second).findByText('存在问题须描述问题（至少4个字）')).toBeTruthy();
    expect(puts).toHaveLength(1);

    const description = within(second).getByLabelText('HG-2017-02 问题描述');
    fireEvent.change(description, { target: { value: '储罐区未设紧急切断' } });
    fireEvent.blur(description);
    await waitFor(() => expect(puts).toHaveLength(2));
    // The second save carries the version the first one returned.
    expect(puts[1]).toEqual({
      answer: 'problem',
      note: null,
      description: '储罐区未设紧急切断',
      naReason: null,
      version: 2,
    });
    expect(await within(itemCard('HG-2017-02')).findByText('存在问题须上传照片')).toBeTruthy();
    // The phone camera and the library are offered for the problem's photo.
    expect(document.querySelector('#si-photo-HG-2017-02')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('lets the leader submit and sign a complete run, then shows it read-only', async () => {
    const complete = runDetail({
      version: 4,
      availableActions: ['edit', 'answer', 'photo', 'submit', 'discard'],
      items: [
        runItem(1, { answer: 'compliant', issues: [] }),
        runItem(2, {
          answer: 'problem',
          description: '储罐区未设紧急切断',
          photos: [
            {
              id: 31,
              fileName: 'tank.png',
              mimeType: 'image/png',
              sizeBytes: 100,
              uploadedAt: '2026-06-01T02:02:00Z',
            },
          ],
          issues: [],
        }),
        runItem(3, { answer: 'not_applicable', naReason: '无此装置', issues: [] }),
      ],
    });
    const submitted = runDetail({
      ...complete,
      status: 'submitted',
      version: 5,
      signerName: '张恒',
      submittedAt: '2026-06-02T02:00:00.000Z',
      availableActions: [],
      items: complete.items.map((i) =>
        i.code === 'HG-2017-02' ? { ...i, hazardId: 77, hazardNumber: '东胜-2026-000077' } : i,
      ),
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader', { displayName: '张恒' })),
      'GET /self-inspections/5': json(200, complete),
      'POST /self-inspections/5/submit': json(200, submitted),
    });
    renderApp('/self-inspections/5');
    const button = await screen.findByRole('button', { name: /提交并签字/ }, SLOW);
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/签字人：张恒/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /提交并签字/ }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ version: 4 });
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);

    expect(await screen.findByText(/由主要负责人张恒提交并签字/)).toBeTruthy();
    expect(document.querySelectorAll('article[data-code] input[type=radio]')).toHaveLength(0);
    expect(within(itemCard('HG-2017-02')).getByText('存在问题')).toBeTruthy();
    const link = screen.getByRole('link', { name: '已列入隐患台账：东胜-2026-000077' });
    expect(link.getAttribute('href')).toBe('/hazards/77');
    expect(screen.getByRole('link', { name: /下载自查记录表/ }).getAttribute('href')).toBe(
      '/api/v1/self-inspections/5/pdf',
    );
  });

  it('keeps the submit button off until every item is complete', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /self-inspections/5': json(
        200,
        runDetail({
          availableActions: ['edit', 'answer', 'photo', 'submit', 'discard'],
          items: [runItem(1, { answer: 'compliant', issues: [] }), runItem(2)],
        }),
      ),
    });
    renderApp('/self-inspections/5');
    const button = await screen.findByRole('button', { name: /提交并签字/ }, SLOW);
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('还有 1 项未完成，完成后才能提交')).toBeTruthy();
  });

  it("shows the server's reason when it refuses the submission", async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /self-inspections/5': json(
        200,
        runDetail({
          availableActions: ['edit', 'answer', 'photo', 'submit', 'discard'],
          items: [runItem(1, { answer: 'compliant', issues: [] })],
        }),
      ),
      'POST /self-inspections/5/submit': apiError(400, 'VALIDATION_FAILED', '提交的数据有误', [
        { path: 'items.HG-2017-01', message: '条目HG-2017-01：存在问题须上传照片' },
      ]),
    });
    renderApp('/self-inspections/5');
    fireEvent.click(await screen.findByRole('button', { name: /提交并签字/ }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /提交并签字/ }));
    expect(await screen.findByText('条目HG-2017-01：存在问题须上传照片')).toBeTruthy();
    expect(screen.getByText('以下内容须补充后才能提交：')).toBeTruthy();
  });
});
