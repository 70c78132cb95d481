import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { permissionsOf, type Role } from '@hazard-ledger/domain';
import { LocaleProvider } from '../i18n/locale-context';
import { SessionContext, type SessionValue } from '../auth/session-context';
import { meOf } from '../test/fixtures';
import { NavMenu } from './NavMenu';
import { menuPagesFor } from './routes';

function session(role: Role, permissions: readonly string[] = permissionsOf(role)): SessionValue {
  return {
    me: meOf(role),
    permissions,
    loading: false,
    signedOut: false,
    error: null,
    refresh: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    clear: () => undefined,
  };
}

function renderMenu(value: SessionValue, path = '/') {
  return render(
    <LocaleProvider initial="zh">
      <SessionContext.Provider value={value}>
        <MemoryRouter initialEntries={[path]}>
          <NavMenu />
        </MemoryRouter>
      </SessionContext.Provider>
    </LocaleProvider>,
  );
}

function menuLinks(): { name: string; href: string | null }[] {
  const nav = screen.getByRole('navigation', { name: '主菜单' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => ({ name: a.textContent ?? '', href: a.getAttribute('href') }));
}

describe('menu', () => {
  it('shows every entry to a bureau admin, as links', () => {
    renderMenu(session('bureau_admin'));
    expect(menuLinks()).toEqual([
      { name: '首页', href: '/' },
      { name: '企业', href: '/enterprises' },
      { name: '隐患台账', href: '/hazards' },
      { name: '判定标准', href: '/catalogs' },
      { name: '专项行动', href: '/campaigns' },
      { name: '通知', href: '/notices' },
      { name: '事故警示', href: '/alerts' },
      { name: '公开曝光', href: '/disclosures' },
      { name: '用户管理', href: '/users' },
      { name: '审计日志', href: '/audit' },
      { name: '我的账号', href: '/account' },
    ]);
  });

  it('hides user admin and audit from an enterprise user', () => {
    renderMenu(session('ent_safety'));
    expect(menuLinks().map((l) => l.name)).toEqual([
      '首页',
      '企业',
      '隐患台账',
      '检查清单',
      '通知',
      '事故警示',
      '培训报名',
      '我的账号',
    ]);
  });

  it('gives enterprise users their checklist, and staff the catalogs and campaigns', () => {
    // Both hold catalog.read and campaign.read; alert.respond marks the enterprise user.
    const keys = (perms: string[]) => menuPagesFor((p) => perms.includes(p)).map((p) => p.key);
    expect(keys(['catalog.read', 'campaign.read', 'alert.respond'])).toEqual([
      'home',
      'checklist',
      'account',
    ]);
    expect(keys(['catalog.read', 'campaign.read'])).toEqual([
      'home',
      'catalogs',
      'campaigns',
      'account',
    ]);
  });

  it('follows the permissions list from /auth/me, not the role', () => {
    renderMenu(session('city', ['audit.read']));
    expect(menuLinks().map((l) => l.name)).toEqual(['首页', '审计日志', '我的账号']);
  });

  it('always shows home and my account, even with no permissions', () => {
    expect(menuPagesFor(() => false).map((p) => p.key)).toEqual(['home', 'account']);
    expect(menuPagesFor((p) => p === 'user.read').map((p) => p.key)).toEqual([
      'home',
      'users',
      'account',
    ]);
  });

  it('marks the current page as selected', () => {
    const { container } = renderMenu(session('bureau_admin'), '/users');
    const selected = container.querySelector('.ant-menu-item-selected');
    expect(selected?.textContent).toBe('用户管理');
  });

  it('keeps the duty pages in one submenu, opened when one of them is the current page', () => {
    const closed = renderMenu(session('office'));
    const nav = screen.getByRole('navigation', { name: '主菜单' });
    expect(within(nav).getByText('企业履责')).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: '对标自查' })).toBeNull();
    closed.unmount();

    renderMenu(session('office'), '/self-inspections/5');
    const links = menuLinks().map((l) => l.name);
    expect(links).toEqual(
      expect.arrayContaining([
        '五项重点任务',
        '对标自查',
        '负责人带队检查',
        '关键时间节点',
        '特种作业证书',
      ]),
    );
    expect(links.indexOf('对标自查')).toBe(links.indexOf('五项重点任务') + 1);
  });
});
