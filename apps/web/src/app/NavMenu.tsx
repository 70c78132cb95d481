import type { ReactNode } from 'react';
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useCanFn } from '../auth/can';
import { useLocale } from '../i18n/locale-context';
import { MENU_GROUPS, menuPagesFor, pageForPath } from './routes';

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
  type Item = { key: string; icon: ReactNode; label: ReactNode; children?: Item[] };
  const items: Item[] = [];
  const groups = new Map<string, Item>();
  for (const p of menuPagesFor(can)) {
    const Icon = p.icon;
    const item: Item = {
      key: p.key,
      icon: <Icon />,
      label: (
        <Link to={p.path} onClick={onNavigate}>
          {t(p.titleKey)}
        </Link>
      ),
    };
    if (!p.group) {
      items.push(item);
      continue;
    }
    // A submenu sits where its first page would; its pages follow in table order.
    let group = groups.get(p.group);
    if (!group) {
      const { titleKey, icon: GroupIcon } = MENU_GROUPS[p.group];
      group = { key: `group:${p.group}`, icon: <GroupIcon />, label: t(titleKey), children: [] };
      groups.set(p.group, group);
      items.push(group);
    }
    group.children!.push({ ...item, icon: null });
  }
  return (
    <nav aria-label={t('app.mainMenu')}>
      <Menu
        mode="inline"
        theme={theme}
        items={items}
        selectedKeys={current ? [current.key] : []}
        defaultOpenKeys={current?.group ? [`group:${current.group}`] : []}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
