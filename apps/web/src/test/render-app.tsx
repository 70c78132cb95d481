import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { Locale } from '@hazard-ledger/domain';
import { AppProviders } from '../app/AppProviders';
import { createQueryClient } from '../app/query-client';
import { AppRoutes } from '../app/router';

/** Renders the whole app (providers + routes) at `path`, with a fresh query cache. */
export function renderApp(path: string, options: { locale?: Locale } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  return render(
    <AppProviders queryClient={queryClient} initialLocale={options.locale}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

/** Wraps a node in the providers only (no routes). */
export function renderWithProviders(node: ReactNode, path = '/') {
  const queryClient = createQueryClient();
  return render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>{node}</MemoryRouter>
    </AppProviders>,
  );
}
