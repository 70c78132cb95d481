import { lazy, Suspense } from 'react';
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Permission, ROLE_LABELS, SECTOR_LABELS, type Role } from '@hazard-ledger/domain';
import type { Me } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { useCanFn } from '../../auth/can';
import { useLocale, type LocaleContextValue } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import { PageHeader } from '../../components/PageHeader';
import { menuPagesFor } from '../../app/routes';
import { HazardTodoCard } from '../hazards/HazardTodoCard';
import { CurrentCampaignCard } from '../campaigns/CurrentCampaignCard';
import '../../i18n/messages-dashboard';

// The dashboard cards carry ECharts: a chunk of their own, loaded after the home page shows.
const DashboardSection = lazy(() => import('../dashboard/DashboardSection'));

const INTRO: Record<Role, MessageKey> = {
  bureau_admin: 'home.intro.bureau_admin',
  office: 'home.intro.office',
  inspector: 'home.intro.inspector',
  publicity: 'home.intro.publicity',
  city: 'home.intro.city',
  ent_leader: 'home.intro.ent_leader',
  ent_safety: 'home.intro.ent_safety',
  informant: 'home.intro.informant',
};

/** The role-specific sentence of the welcome card. */
export function introText(me: Me, { t, label }: Pick<LocaleContextValue, 't' | 'label'>): string {
  const sectors = (me.sectors ?? []).map((s) => label(SECTOR_LABELS[s])).join('、');
  return t(INTRO[me.role], {
    sectors: sectors || t('common.none'),
    enterprise: me.enterpriseName ?? '—',
  });
}

/** Home: who I am, what my role does here, and links to the pages I may open. */
export function HomePage() {
  const { me } = useSession();
  const can = useCanFn();
  const locale = useLocale();
  const { t, label } = locale;
  if (!me) return null;

  const links = menuPagesFor(can).filter((p) => p.key !== 'home');

  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Row gutter={[16, 16]}>
        {can(Permission.CampaignRead) ? (
          <Col xs={24}>
            <CurrentCampaignCard />
          </Col>
        ) : null}
        <Col xs={24} lg={14}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('home.welcome', { name: me.displayName })}
            </Typography.Title>
            <Typography.Paragraph>{introText(me, locale)}</Typography.Paragraph>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'role', label: t('home.role'), children: label(ROLE_LABELS[me.role]) },
                { key: 'org', label: t('home.orgUnit'), children: me.orgUnitName },
                ...(me.sectors && me.sectors.length > 0
                  ? [
                      {
                        key: 'sectors',
                        label: t('home.sectors'),
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
                  ? [
                      {
                        key: 'enterprise',
                        label: t('home.enterprise'),
                        children: me.enterpriseName,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.quickLinks')}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space size={[8, 8]} wrap>
                {links.map((p) => {
                  const Icon = p.icon;
                  return (
                    <Link key={p.key} to={p.path} style={quickLinkStyle}>
                      <Icon /> {t(p.titleKey)}
                    </Link>
                  );
                })}
              </Space>
            </Space>
          </Card>
        </Col>
        {can(Permission.HazardRead) ? (
          <Col xs={24}>
            <Suspense fallback={<Card loading aria-label={t('dashboard.title')} />}>
              <DashboardSection />
            </Suspense>
          </Col>
        ) : null}
        {can(Permission.HazardRead) ? (
          <Col xs={24}>
            <HazardTodoCard />
          </Col>
        ) : null}
      </Row>
    </>
  );
}

const quickLinkStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  padding: '6px 14px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  color: 'inherit',
  background: '#fff',
} as const;
