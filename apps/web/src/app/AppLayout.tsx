import { Suspense, useState } from 'react';
import { Alert, App as AntApp, Button, Divider, Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { LogoutOutlined, MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useSession } from '../auth/session-context';
import { useLocale } from '../i18n/locale-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NavMenu } from './NavMenu';
import { UserBadge } from './UserBadge';
import { NotificationBell } from '../features/notifications/NotificationBell';

const { Header, Sider, Content } = Layout;

const ellipsis = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  minWidth: 0,
} as const;

/** Width (px) from which the side menu is shown; below it the menu lives in a drawer. */
export const DESKTOP_MIN_WIDTH = 768;

function isDesktopWidth(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia(`(min-width: ${DESKTOP_MIN_WIDTH}px)`).matches
  );
}

function Brand({ collapsed, dark }: { collapsed?: boolean; dark?: boolean }) {
  const { t } = useLocale();
  return (
    <Flex align="center" gap={8} style={{ padding: '16px', color: dark ? '#fff' : undefined }}>
      <SafetyCertificateOutlined style={{ fontSize: 22 }} aria-hidden />
      {collapsed ? null : (
        <span style={{ fontWeight: 600, fontSize: 15, lineHeight: 1.3 }}>{t('app.shortName')}</span>
      )}
    </Flex>
  );
}

function PageFallback() {
  const { t } = useLocale();
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin description={t('app.loading')} />
    </Flex>
  );
}

/** The signed-in frame: side menu (drawer on phones), header with user and language, content. */
export function AppLayout() {
  const { me, logout } = useSession();
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  // antd fills `screens` after the first render; asking the media query directly until then
  // keeps the first render in the right layout, so the page is not mounted twice (the switch
  // from the phone tree to the desktop tree would remount it and drop its state).
  const isDesktop = screens.md ?? isDesktopWidth();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  if (!me) return null;

  const onLogout = async () => {
    setDrawerOpen(false);
    await logout();
    // RequireSession now redirects to /login.
    void message.success(t('app.loggedOut'));
  };

  const logoutButton = (
    <Button icon={<LogoutOutlined />} onClick={onLogout}>
      {t('app.logout')}
    </Button>
  );

  const banner = me.mustEnrollTotp ? (
    <Alert
      type="warning"
      showIcon
      banner
      title={t('app.totpBanner')}
      action={
        <Link to="/account?tab=totp">
          <Button size="small" type="primary">
            {t('app.totpBannerAction')}
          </Button>
        </Link>
      }
      style={{ marginBottom: 16 }}
    />
  ) : null;

  const content = (
    <Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
      {banner}
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </Content>
  );

  if (isDesktop) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={220}
          breakpoint="lg"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} dark />
          <NavMenu />
        </Sider>
        <Layout style={{ minWidth: 0 }}>
          <Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              gap: 16,
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <strong style={{ ...ellipsis, fontSize: 16 }}>{t('app.name')}</strong>
            <Flex align="center" gap={16}>
              <NotificationBell />
              <UserBadge me={me} />
              <LanguageSwitch />
              {logoutButton}
            </Flex>
          </Header>
          {content}
        </Layout>
      </Layout>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          background: '#fff',
          padding: '0 12px',
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          borderBottom: '1px solid #f0f0f0',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('app.openMenu')}
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen(true)}
        />
        <strong style={{ ...ellipsis, fontSize: 16, flex: 1 }}>{t('app.shortName')}</strong>
        <NotificationBell />
      </Header>
      <Drawer
        placement="left"
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={280}
        title={t('app.name')}
        styles={{ body: { padding: 0 } }}
      >
        <div style={{ padding: 16 }}>
          <UserBadge me={me} vertical />
        </div>
        <NavMenu theme="light" onNavigate={() => setDrawerOpen(false)} />
        <Divider style={{ margin: '8px 0' }} />
        <Flex vertical gap={12} style={{ padding: 16 }}>
          <LanguageSwitch />
          {logoutButton}
        </Flex>
      </Drawer>
      {content}
    </Layout>
  );
}
