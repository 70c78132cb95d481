import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { keyPeriodView } from './leader-fixtures';

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 10 });

describe('key periods page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets an enterprise check in today with the rostered leader, and not for other days', async () => {
    const today = dayjs().format('YYYY-MM-DD');
    const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD');
    const ongoing = keyPeriodView({
      name: '元旦',
      startDate: today,
      endDate: tomorrow,
      state: 'ongoing',
      dayCount: 2,
      duty: {
        enterpriseId: 7,
        days: [
          { date: today, leaderName: '张恒', leaderPhone: null, state: 'today', checkIn: null },
          {
            date: tomorrow,
            leaderName: '李军',
            leaderPhone: null,
            state: 'upcoming',
            checkIn: null,
          },
        ],
        missedDays: 0,
        daysWithoutLeader: 0,
        canRecord: true,
      },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /key-periods': json(200, page([ongoing, keyPeriodView()])),
      'POST /enterprises/7/key-periods/5/check-ins': json(201, ongoing),
    });
    renderApp('/key-periods');

    expect(await screen.findByText('元旦')).toBeTruthy();
    expect(screen.getByText('有 2 天未在岗签到')).toBeTruthy();
    // Only today can be checked in: one button, on the ongoing period.
    const buttons = screen.getAllByRole('button', { name: /今日在岗签到/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    const modal = await screen.findByRole('dialog');
    expect(within(modal).getByLabelText<HTMLInputElement>('在岗负责人').value).toBe('张恒');
    fireEvent.change(within(modal).getByLabelText('说明'), { target: { value: '已到岗' } });
    fireEvent.click(within(modal).getByRole('button', { name: '签到' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      date: today,
      personName: '张恒',
      note: '已到岗',
    });
  });

  it('shows staff which enterprises missed days, and checks a declaration before sending', async () => {
    const ended = keyPeriodView({
      duty: null,
      can: { edit: false, void: true },
      stats: { enterpriseCount: 3, enterprisesWithMissed: 1, missedDays: 2 },
    });
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('office')),
      'GET /key-periods': json(200, page([ended])),
      'GET /key-periods/5/enterprises': json(200, {
        items: [
          {
            enterpriseId: 7,
            enterpriseName: '示例化工有限公司',
            sector: 'hazchem',
            districtName: '示例区应急管理局',
            rosterDays: 2,
            checkedInDays: 1,
            missedDays: 2,
            missedDates: ['2026-10-02', '2026-10-03'],
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      }),
    });
    renderApp('/key-periods');
    expect(await screen.findByText('3 家企业，1 家有未签到（共 2 天）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '企业签到情况' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('示例化工有限公司')).toBeTruthy();
    expect(within(drawer).getByText('2（10-02、10-03）')).toBeTruthy();
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/key-periods/5/enterprises')?.url).toContain(
        'missedOnly=true',
      ),
    );
    fireEvent.click(within(drawer).getByRole('button', { name: /Close|关闭/ }));

    fireEvent.click(screen.getByRole('button', { name: /发布关键时间节点/ }));
    const form = (await screen.findAllByRole('dialog')).at(-1)!;
    fireEvent.click(within(form).getByRole('button', { name: '发布' }));
    expect(await within(form).findByText('请填写名称')).toBeTruthy();
    expect(within(form).getByText('请选择起止日期')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
