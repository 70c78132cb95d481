import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { listItem } from './inspection-fixtures';

const page = (items = [listItem()]) => ({ items, total: items.length, page: 1, pageSize: 20 });

describe('inspection records list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists records with their state and filters those waiting for my signature', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections': json(200, page()),
    });
    renderApp('/inspections');
    const link = await screen.findByRole('link', { name: '示例应急检〔2026〕0005号' });
    expect(link.getAttribute('href')).toBe('/inspections/5');
    expect(screen.getAllByText('待我签名').length).toBeGreaterThan(0);
    expect(screen.getByText('已签 1/2')).toBeTruthy();
    expect(screen.getByText('2 项（重大 1 项）')).toBeTruthy();
    expect(screen.getByRole('link', { name: /填写检查记录/ }).getAttribute('href')).toBe(
      '/inspections/new',
    );
    fireEvent.click(screen.getByRole('checkbox', { name: '待我签名' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.includes('awaitingMySignature=true'))).toBe(true),
    );
  });

  it('shows an enterprise its records without the inspectors’ tools', async () => {
    mockApi({
      'GET /auth/me': json(200, meResponse('ent_leader')),
      'GET /inspections': json(
        200,
        page([listItem({ status: 'signed', awaitingMySignature: false, acknowledgedAt: null })]),
      ),
    });
    renderApp('/inspections');
    expect(await screen.findByText('企业未签收')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /填写检查记录/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: '待我签名' })).toBeNull();
  });
});
