import { lazy, Suspense } from 'react';
import { Navigate, useLocation, useRoutes, type RouteObject } from 'react-router';
import { useSession } from '../auth/session-context';
import { AppLayout } from './AppLayout';
import { FullPageSpin, InlineSpin, PageRoute, RequireSession } from './guards';
import { APP_PAGES } from './routes';
import { returnPath } from './router-paths';

const LoginPage = lazy(() =>
  import('../features/auth/LoginPage').then((m) => ({ default: m.LoginPage })),
);
const VerifyRecordPage = lazy(() =>
  import('../features/enforcement/inspections/VerifyRecordPage').then((m) => ({
    default: m.VerifyRecordPage,
  })),
);
const PublicTipPage = lazy(() =>
  import('../features/tips/public/PublicTipPage').then((m) => ({ default: m.PublicTipPage })),
);
const PublicCasesPage = lazy(() =>
  import('../features/disclosures/public/PublicCasesPage').then((m) => ({
    default: m.PublicCasesPage,
  })),
);
const PublicCasePage = lazy(() =>
  import('../features/disclosures/public/PublicCasePage').then((m) => ({
    default: m.PublicCasePage,
  })),
);
const TipStatusPage = lazy(() =>
  import('../features/tips/public/TipStatusPage').then((m) => ({ default: m.TipStatusPage })),
);
const NotFoundPage = lazy(() => import('./StatusPages').then((m) => ({ default: m.NotFoundPage })));

function LoginRoute() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (me) return <Navigate to={returnPath(location.state)} replace />;
  return (
    <Suspense fallback={<FullPageSpin />}>
      <LoginPage />
    </Suspense>
  );
}

/** The route tree: /login, /verify and the public tip pages outside the frame, every page of APP_PAGES inside it, then 404. */
export function createRoutes(): RouteObject[] {
  return [
    { path: '/login', element: <LoginRoute /> },
    // The public tip page and the receipt-code follow-up: no login, no session.
    {
      path: '/tip',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <PublicTipPage />
        </Suspense>
      ),
    },
    {
      path: '/tip/status',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <TipStatusPage />
        </Suspense>
      ),
    },
    // Published exposures and typical enforcement cases (公开曝光): public, readable on a phone.
    {
      path: '/cases',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <PublicCasesPage />
        </Suspense>
      ),
    },
    {
      path: '/cases/:id',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <PublicCasePage />
        </Suspense>
      ),
    },
    // The QR code / verification code printed on enforcement documents leads here: public.
    {
      path: '/verify/:code',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <VerifyRecordPage />
        </Suspense>
      ),
    },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        ...APP_PAGES.map((page) => ({ path: page.path, element: <PageRoute page={page} /> })),
        {
          path: '*',
          element: (
            <Suspense fallback={<InlineSpin />}>
              <NotFoundPage />
            </Suspense>
          ),
        },
      ],
    },
  ];
}

const ROUTES = createRoutes();

/** Renders the route tree; mount inside a router (BrowserRouter in the app, MemoryRouter in tests). */
export function AppRoutes() {
  return useRoutes(ROUTES);
}
