import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Permission } from '@hazard-ledger/domain';
import type { MessageKey } from '../i18n/messages';

/** One page of the signed-in app: its route, menu entry and the permission it needs. */
export type AppPage = {
  key: string;
  path: string;
  titleKey: MessageKey;
  icon: ComponentType;
  /** Null: every signed-in user. */
  permission: Permission | null;
  /** Shown in the side menu. */
  inMenu: boolean;
  Component: LazyExoticComponent<ComponentType>;
};

// Each page is its own chunk, fetched the first time it is opened.
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((m) => ({ default: m.HomePage })),
);
const EnterprisesPage = lazy(() =>
  import('../features/enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
const AccountPage = lazy(() =>
  import('../features/account/AccountPage').then((m) => ({ default: m.AccountPage })),
);

/** The route table: the router and the menu are both built from it. */
export const APP_PAGES: readonly AppPage[] = [
  {
    key: 'home',
    path: '/',
    titleKey: 'nav.home',
    icon: HomeOutlined,
    permission: null,
    inMenu: true,
    Component: HomePage,
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    titleKey: 'nav.enterprises',
    icon: BankOutlined,
    permission: Permission.EnterpriseRead,
    inMenu: true,
    Component: EnterprisesPage,
  },
  {
    key: 'users',
    path: '/users',
    titleKey: 'nav.users',
    icon: TeamOutlined,
    permission: Permission.UserRead,
    inMenu: true,
    Component: UsersPage,
  },
  {
    key: 'audit',
    path: '/audit',
    titleKey: 'nav.audit',
    icon: AuditOutlined,
    permission: Permission.AuditRead,
    inMenu: true,
    Component: AuditPage,
  },
  {
    key: 'account',
    path: '/account',
    titleKey: 'nav.account',
    icon: UserOutlined,
    permission: null,
    inMenu: true,
    Component: AccountPage,
  },
];

/** Answers whether the user holds a permission (useCanFn() in components). */
export type CanFn = (permission: Permission) => boolean;

/** Whether a page is open to the user. */
export function isPageAllowed(page: AppPage, can: CanFn): boolean {
  return page.permission === null || can(page.permission);
}

/** The menu entries the user sees, in table order. */
export function menuPagesFor(can: CanFn): AppPage[] {
  return APP_PAGES.filter((p) => p.inMenu && isPageAllowed(p, can));
}

/** The page a location belongs to (exact match for "/", prefix match for the others). */
export function pageForPath(pathname: string): AppPage | undefined {
  return APP_PAGES.find((p) =>
    p.path === '/' ? pathname === '/' : pathname === p.path || pathname.startsWith(`${p.path}/`),
  );
}
