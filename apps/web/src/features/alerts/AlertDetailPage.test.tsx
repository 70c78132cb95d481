import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { alertDetail } from '../../test/campaign-fixtures';

describe('alert page (enterprise user)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('requires a note when the same hazard was found, then posts the answer', async () => {
    const answered = alertDetail({
      response: {
        ...alertDetail().response!,
        answer: 'found',
        note: '二车间反应釜未设超温联锁',
        answeredAt: '2025-05-12T02:00:00.000Z',
        answeredByName: '刘安',
      },
      can: { respond: false, manage: false },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /alerts/3': json(200, alertDetail()),
      'POST /alerts/3/response': json(200, answered),
    });
    renderApp('/alerts/3');

    expect(await screen.findByText('反应釜超温超压引发爆炸。')).toBeTruthy();
    expect(screen.getByText('HG-2017-11')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '发现同类隐患' }));
    fireEvent.click(screen.getByRole('button', { name: '提交反馈' }));
    expect(await screen.findByText('发现同类隐患须说明情况')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('情况说明'), {
      target: { value: '二车间反应釜未设超温联锁' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交反馈' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/alerts/3/response');
    expect(post?.body).toEqual({ answer: 'found', note: '二车间反应釜未设超温联锁' });
    expect(await screen.findByText(/^刘安于2025-05-12 \d\d:00提交$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交反馈' })).toBeNull();
  });

  it('answers not found without a note', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /alerts/3': json(200, alertDetail()),
      'POST /alerts/3/response': json(200, alertDetail()),
    });
    renderApp('/alerts/3');
    fireEvent.click(await screen.findByRole('radio', { name: '未发现同类隐患' }));
    fireEvent.click(screen.getByRole('button', { name: '提交反馈' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      answer: 'not_found',
      note: null,
    });
  });
});
