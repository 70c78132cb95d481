import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useCanFn } from '../auth/can';
import { useLocale } from '../i18n/locale-context';
import { menuPagesFor, pageForPath } from './routes';

/** The side menu: one link per page of the route table the user may open. */
export function NavMenu({
  onNavigate,
  theme = 'dark',
}: {
  onNavigate?: () => void;
  theme?: 'dark' | 'light';
}) {
  const can = useCanFn();
  const { t } = useLocale();
  const location = useLocation();
  const current = pageForPath(location.pathname);
  const items = menuPagesFor(can).map((p) => {
    const Icon = p.icon;
    return {
      key: p.key,
      icon: <Icon />,
      label: (
        <Link to={p.path} onClick={onNavigate}>
          {t(p.titleKey)}
        </Link>
      ),
    };
  });
  return (
    <nav aria-label={t('app.mainMenu')}>
      <Menu
        mode="inline"
        theme={theme}
        items={items}
        selectedKeys={current ? [current.key] : []}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
