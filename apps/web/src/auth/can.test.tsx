import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Permission } from '@hazard-ledger/domain';
import { SessionContext, type SessionValue } from './session-context';
import { Can, useCan } from './can';

function withPermissions(permissions: string[], node: ReactNode) {
  const value: SessionValue = {
    me: null,
    permissions,
    loading: false,
    signedOut: false,
    error: null,
    refresh: () => Promise.resolve(),
    logout: () => Promise.resolve(),
    clear: () => undefined,
  };
  return render(<SessionContext.Provider value={value}>{node}</SessionContext.Provider>);
}

function Probe() {
  return <span>{useCan(Permission.AuditRead) ? 'yes' : 'no'}</span>;
}

describe('useCan / <Can>', () => {
  it('answers from the permissions list of the session', () => {
    withPermissions(['audit.read'], <Probe />);
    expect(screen.getByText('yes')).toBeTruthy();
  });

  it('renders children only with the permission, else the fallback', () => {
    withPermissions(
      ['user.read'],
      <>
        <Can permission={Permission.UserRead}>read</Can>
        <Can permission={Permission.UserManage} fallback={<i>no-manage</i>}>
          manage
        </Can>
      </>,
    );
    expect(screen.getByText('read')).toBeTruthy();
    expect(screen.queryByText('manage')).toBeNull();
    expect(screen.getByText('no-manage')).toBeTruthy();
  });
});
