import { Card, Descriptions, Grid, Space, Tabs, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS, SECTOR_LABELS } from '@hazard-ledger/domain';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpPanel } from './TotpPanel';
import { SessionsPanel } from './SessionsPanel';

const TABS = ['profile', 'password', 'totp', 'sessions'] as const;
type TabKey = (typeof TABS)[number];

function isTab(v: string | null): v is TabKey {
  return v !== null && (TABS as readonly string[]).includes(v);
}

function Profile() {
  const { me } = useSession();
  const { t, label } = useLocale();
  if (!me) return null;
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      items={[
        { key: 'username', label: t('account.username'), children: me.username },
        { key: 'displayName', label: t('account.displayName'), children: me.displayName },
        { key: 'role', label: t('account.role'), children: label(ROLE_LABELS[me.role]) },
        { key: 'org', label: t('account.orgUnit'), children: me.orgUnitName },
        ...(me.sectors && me.sectors.length > 0
          ? [
              {
                key: 'sectors',
                label: t('account.sectors'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {me.sectors.map((s) => (
                      <Tag key={s}>{label(SECTOR_LABELS[s])}</Tag>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(me.enterpriseName
          ? [{ key: 'enterprise', label: t('account.enterprise'), children: me.enterpriseName }]
          : []),
        {
          key: 'totp',
          label: t('account.totp'),
          children: me.totpEnabled ? (
            <Tag color="green">{t('account.totpEnabled')}</Tag>
          ) : (
            <Tag>{t('account.totpDisabledState')}</Tag>
          ),
        },
      ]}
    />
  );
}

/** My account: profile, password, TOTP second factor and sessions, one tab each (?tab=…). */
export function AccountPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const requested = params.get('tab');
  // While enrolment is pending the server refuses the sessions list; land on the TOTP tab.
  const fallback: TabKey = me?.mustEnrollTotp ? 'totp' : 'profile';
  const active: TabKey =
    isTab(requested) && !(me?.mustEnrollTotp && requested === 'sessions') ? requested : fallback;

  return (
    <>
      <PageHeader title={t('account.title')} />
      <Card styles={{ body: { padding: screens.md ? 24 : 12 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'profile', label: t('account.profile'), children: <Profile /> },
            { key: 'password', label: t('account.password'), children: <ChangePasswordForm /> },
            { key: 'totp', label: t('account.totp'), children: <TotpPanel /> },
            {
              key: 'sessions',
              label: t('account.sessions'),
              children: <SessionsPanel />,
              disabled: me?.mustEnrollTotp,
            },
          ]}
        />
      </Card>
    </>
  );
}
