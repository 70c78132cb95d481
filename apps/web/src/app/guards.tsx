import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Button, Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';
import { useCanFn } from '../auth/can';
import { useLocale } from '../i18n/locale-context';
import { isPageAllowed, type AppPage } from './routes';

const ForbiddenPage = lazy(() =>
  import('./StatusPages').then((m) => ({ default: m.ForbiddenPage })),
);

/** Where the TOTP enrolment lives; users who must enrol are kept there. */
export const TOTP_ENROLL_PATH = '/account?tab=totp';

/** A centred spinner for the whole window (first session load). */
export function FullPageSpin() {
  const { t } = useLocale();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

/** Renders its children for a signed-in user, else redirects to /login (remembering the page). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading, signedOut, error, refresh } = useSession();
  const { t } = useLocale();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (error && !me) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Alert
          type="error"
          showIcon
          title={t('app.loadFailed')}
          description={error.message}
          action={
            <Button type="primary" onClick={() => void refresh()}>
              {t('app.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  // After an expired session, come back to this page once signed in again; not after a sign-out.
  if (!me) return <Navigate to="/login" replace state={signedOut ? null : { from: location }} />;
  return children;
}

/**
 * One page of the route table: checks its permission and the TOTP-enrolment rule, then loads the
 * page's chunk.
 */
export function PageRoute({ page }: { page: AppPage }) {
  const { me } = useSession();
  const can = useCanFn();
  if (me?.mustEnrollTotp && page.key !== 'account')
    return <Navigate to={TOTP_ENROLL_PATH} replace />;
  const Page = isPageAllowed(page, can) ? page.Component : ForbiddenPage;
  return (
    <Suspense fallback={<InlineSpin />}>
      <Page />
    </Suspense>
  );
}

/** A spinner in the content area while a page chunk loads. */
export function InlineSpin() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
