import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { apiError, json, mockApi } from '../../../test/mock-api';
import { renderWithProviders } from '../../../test/render-app';
import { RewardClaimInfo } from './RewardClaimInfo';

const steps = [
  {
    zh: '奖励批准后，请携带举报回执码和本人有效身份证件，到区应急管理局办理领取。',
    en: 'Bring the code.',
  },
];

describe('reward claim information (public)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows where the reward stands and how to claim it, never an amount', async () => {
    const calls = mockApi({
      'POST /public/rewards/claim-info': json(200, { status: 'ready_to_claim', steps }),
    });
    renderWithProviders(<RewardClaimInfo code="1234567890123456" />);
    expect(await screen.findByText('奖励已批准，可以领取')).toBeTruthy();
    expect(screen.getByText(/携带举报回执码和本人有效身份证件/)).toBeTruthy();
    expect(screen.getByText(/奖励金额不在网上显示/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/¥/);
    expect(calls[0]?.body).toEqual({ code: '1234567890123456' });
  });

  it('says so when no reward case exists yet', async () => {
    mockApi({ 'POST /public/rewards/claim-info': json(200, { status: 'none', steps }) });
    renderWithProviders(<RewardClaimInfo code="1234567890123456" />);
    expect(await screen.findByText('暂无奖励')).toBeTruthy();
    expect(screen.queryByText('领取方式')).toBeNull();
  });

  it('explains an unknown code and a rate limit', async () => {
    mockApi({
      'POST /public/rewards/claim-info': apiError(404, 'NOT_FOUND', '记录不存在或无权查看'),
    });
    const { unmount } = renderWithProviders(<RewardClaimInfo code="0000000000000000" />);
    expect(await screen.findByText(/未找到该回执码对应的举报/)).toBeTruthy();
    unmount();
    vi.unstubAllGlobals();
    mockApi({
      'POST /public/rewards/claim-info': apiError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试'),
    });
    renderWithProviders(<RewardClaimInfo code="0000000000000001" />);
    await waitFor(() => expect(screen.getByText('请求过于频繁，请稍后再试')).toBeTruthy());
  });
});
