import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { OperationTrainingDetail } from '@hazard-ledger/domain';
import { meResponse } from '../../test/fixtures';
import { apiError, json, mockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const SLOW = { timeout: 15_000 };

const training: OperationTrainingDetail = {
  id: 5,
  districtId: 3,
  title: '焊接与热切割作业人员培训考核班',
  category: 'welding',
  operationItem: '熔化焊接与热切割作业',
  startsOn: '2026-12-20',
  place: '区应急管理局培训中心',
  capacity: 1,
  enrolDeadline: '2026-12-13',
  note: null,
  enrolled: 0,
  open: true,
  voidedAt: null,
  voidReason: null,
  version: 1,
  enrolments: [],
};

describe('enterprise training enrolment', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('enrols a person; a full session is refused with the Chinese reason', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('ent_safety')),
      'GET /my/operation-trainings': json(200, { items: [training] }),
      'GET /my/operation-trainings/5': json(200, training),
      'POST /my/operation-trainings/5/enrolments': apiError(
        400,
        'VALIDATION_FAILED',
        '提交的数据有误',
        [{ path: 'capacity', message: '名额已满（共1人）' }],
      ),
    });
    renderApp('/my-trainings?training=5');
    expect((await screen.findAllByText(training.title, {}, SLOW)).length).toBeGreaterThan(0);
    fireEvent.click(await screen.findByRole('button', { name: /报\s*名/ }, SLOW));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('学员'), { target: { value: '马林' } });
    fireEvent.change(within(dialog).getByLabelText('身份证号'), {
      target: { value: '150602199203154517' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /报\s*名/ }));
    expect(await within(dialog).findByText('名额已满（共1人）', {}, SLOW)).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      personName: '马林',
      idNumber: '150602199203154517',
      phone: null,
      post: null,
    });
  });
});
