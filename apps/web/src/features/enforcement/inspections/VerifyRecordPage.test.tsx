import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { publicVerification } from './inspection-fixtures';

describe('public verification page', () => {
  afterEach(() => vi.unstubAllGlobals());
  const code = 'ab'.repeat(32);

  it('shows the minimal facts of a valid code without signing in', async () => {
    const calls = mockApi({
      'GET /auth/me': json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
      [`GET /verify/${code}`]: json(200, publicVerification()),
    });
    renderApp(`/verify/${code.toUpperCase()}`);
    expect(await screen.findByText('签名有效')).toBeTruthy();
    expect(screen.getByText('示例应急检〔2026〕0005号')).toBeTruthy();
    expect(screen.getByText('示例化工有限公司')).toBeTruthy();
    expect(screen.getByText(/阮飞（执法证号 15060223002）/)).toBeTruthy();
    expect(calls.some((c) => c.path === `/verify/${code}`)).toBe(true);
  });

  it('says so when the record was superseded or the code is unknown', async () => {
    mockApi({
      'GET /auth/me': json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
      [`GET /verify/${code}`]: json(
        200,
        publicVerification({ superseded: true, supersededByRecordNo: '示例应急检〔2026〕0009号' }),
      ),
    });
    renderApp(`/verify/${code}`);
    expect(
      await screen.findByText('该记录已被更正，以更正记录 示例应急检〔2026〕0009号 为准'),
    ).toBeTruthy();
    vi.unstubAllGlobals();
    mockApi({
      'GET /auth/me': json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
    });
    renderApp(`/verify/${'0'.repeat(64)}`);
    expect(await screen.findByText('未找到该验证码对应的执法文书')).toBeTruthy();
  });

  it('names the document kind and the party of a penalty decision', async () => {
    mockApi({
      'GET /auth/me': json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
      [`GET /verify/${code}`]: json(
        200,
        publicVerification({
          kind: 'penalty_decision',
          recordNo: '东胜应急罚〔2026〕0002号',
          partyName: '孙鼎',
          signers: [],
        }),
      ),
    });
    renderApp(`/verify/${code}`);
    expect(await screen.findByText('行政处罚决定书')).toBeTruthy();
    expect(screen.getByText('孙鼎')).toBeTruthy();
    expect(screen.getByText('东胜应急罚〔2026〕0002号')).toBeTruthy();
  });
});
