import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, json, mockApi } from '../../test/mock-api';
import { meResponse } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { setViewportWidth } from '../../test/setup';
import { disclosureDetail, publicCase, publicCaseItem } from './disclosure-fixtures';
import { boxFromCorners } from './PhotoBoxEditor';

const LOAD = { timeout: 15_000 };

describe('disclosure pages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('staff page previews what was removed and approves', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('bureau_admin')),
      'GET /disclosures/7': json(200, disclosureDetail()),
      'POST /disclosures/7/actions': json(
        200,
        disclosureDetail({ status: 'approved', state: 'published', actions: ['unpublish'] }),
      ),
    });
    renderApp('/disclosures/7');
    const preview = await screen.findByTestId('disclosure-preview', {}, LOAD);
    expect(preview.textContent).toContain('王某');
    expect(preview.textContent).not.toContain('王建国（');
    const marks = preview.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['王某', '[已隐去]']);
    const removed = within(screen.getByTestId('disclosure-removed'));
    expect(removed.getByText('王建国')).toBeTruthy();
    expect(removed.getByText('13904771234')).toBeTruthy();
    expect(removed.getByText('人名')).toBeTruthy();
    expect(removed.getByText('电话号码')).toBeTruthy();

    // The editor's fields (the e2e spec finds them by these ids); read-only once submitted.
    const title = document.querySelector<HTMLInputElement>('#disclosureEditor_title')!;
    expect(title.value).toContain('金鼎矿业');
    expect(title.disabled).toBe(true);
    expect(document.querySelector('#disclosureEditor_publishFrom')?.getAttribute('type')).toBe(
      'date',
    );
    expect(document.querySelector('#disclosureEditor_publishUntil')).not.toBeNull();
    expect(screen.queryByTestId('disclosure-save')).toBeNull();

    fireEvent.click(screen.getByTestId('disclosure-action-approve'));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/disclosures/7/actions')?.body).toEqual({
        action: 'approve',
        version: 3,
      }),
    );
    expect((await screen.findByTestId('disclosure-state', {}, LOAD)).textContent).toBe('公开中');
  });

  it('public list on a phone: search and sector filter, no cookies', async () => {
    setViewportWidth(375);
    const calls = mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'GET /public/cases': json(200, {
        items: [publicCaseItem()],
        total: 1,
        page: 1,
        pageSize: 10,
      }),
    });
    renderApp('/cases');
    expect((await screen.findAllByTestId('public-case', {}, LOAD)).length).toBe(1);
    expect(screen.getByText(/王某/)).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: '搜索标题或内容' });
    fireEvent.change(search, { target: { value: '矿业' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(calls.some((c) => c.path === '/public/cases' && c.url.includes('q='))).toBe(true),
    );
    const listCall = calls.find((c) => c.path === '/public/cases')!;
    expect(listCall.credentials).toBe('omit');
  });

  it('public case page shows the redacted text and photos, 404 as not found', async () => {
    mockApi({
      'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录'),
      'GET /public/cases/7': json(200, publicCase()),
    });
    renderApp('/cases/7');
    const text = await screen.findByTestId('public-case-text', {}, LOAD);
    expect(text.textContent).toContain('王某');
    const img = screen.getByRole('img', { name: '现场照片（已打码）' });
    expect(img.getAttribute('src')).toBe('/api/v1/public/cases/7/photos/3');
  });

  it('public case page: unknown or unpublished case', async () => {
    mockApi({ 'GET /auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录') });
    renderApp('/cases/99');
    expect(await screen.findByText('该案例不存在或已不在公开期内', {}, LOAD)).toBeTruthy();
  });
});

describe('disclosure list and box editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a draft from a penalty case number and opens it', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('publicity')),
      'GET /disclosures': json(200, {
        items: [disclosureDetail()],
        total: 1,
        page: 1,
        pageSize: 20,
        countsByStatus: { submitted: 1 },
      }),
      'POST /disclosures': json(201, disclosureDetail({ id: 8, status: 'draft', state: 'draft' })),
      'GET /disclosures/8': json(200, disclosureDetail({ id: 8, status: 'draft', state: 'draft' })),
    });
    renderApp('/disclosures?status=submitted');
    expect(await screen.findByText('东应急罚〔2026〕1号', { exact: false }, LOAD)).toBeTruthy();
    expect(calls.find((c) => c.path === '/disclosures')?.url).toContain('status=submitted');
    fireEvent.click(screen.getByTestId('disclosure-create'));
    fireEvent.change(await screen.findByLabelText('案号或隐患编号'), {
      target: { value: ' 东应急罚〔2026〕1号 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: '创建草稿' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        kind: 'typical_case',
        sourceType: 'penalty_case',
        sourceNumber: '东应急罚〔2026〕1号',
      }),
    );
    expect(await screen.findByTestId('disclosure-preview', {}, LOAD)).toBeTruthy();
  });

  it('boxes are relative to the image and normalised from any two corners', () => {
    expect(boxFromCorners({ x: 0.8, y: 0.6 }, { x: 0.2, y: 0.1 })).toEqual({
      x: 0.2,
      y: 0.1,
      w: 0.6000000000000001,
      h: 0.5,
    });
    expect(boxFromCorners({ x: -1, y: 0 }, { x: 2, y: 0.5 })).toEqual({ x: 0, y: 0, w: 1, h: 0.5 });
  });
});
