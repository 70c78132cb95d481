import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { AppProviders } from './AppProviders';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';

/**
 * The whole web app. The declarative router is enough here (no loaders/actions) and keeps the
 * first chunk ~16 KB (gzip) smaller than the data router.
 */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
