import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { json, mockApi } from '../../../test/mock-api';
import { meResponse } from '../../../test/fixtures';
import { detail } from '../../../test/enterprise-fixtures';
import { renderWithProviders } from '../../../test/render-app';
import type { PersonalDataState } from '../../enterprises/detail/personal-data';
import { EnterpriseInspectionsSection } from './EnterpriseInspectionsSection';
import { listItem } from './inspection-fixtures';

const personal = {} as PersonalDataState;

describe('enterprise inspections section', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the enterprise’s records and starts a new one for it', async () => {
    const calls = mockApi({
      'GET /auth/me': json(200, meResponse('inspector')),
      'GET /inspections': json(200, {
        items: [listItem({ status: 'signed' })],
        total: 1,
        page: 1,
        pageSize: 10,
      }),
    });
    renderWithProviders(
      <EnterpriseInspectionsSection
        enterprise={detail(undefined, { id: 7 })}
        personal={personal}
      />,
    );
    const link = await screen.findByRole('link', { name: '示例应急检〔2026〕0005号' });
    expect(link.getAttribute('href')).toBe('/inspections/5');
    expect(calls.find((c) => c.path === '/inspections')?.url).toContain('enterpriseId=7');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /填写检查记录/ }).getAttribute('href')).toBe(
        '/inspections/new?enterpriseId=7',
      ),
    );
  });
});
