import { Suspense, useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Flex,
  Grid,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorCode, SECTOR_LABELS } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getEnterprise, type EnterpriseDetail } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { EnterpriseFormDrawer } from '../EnterpriseFormDrawer';
import { StatusTag, subTypeLabel } from '../enterprise-labels';
import { usePersonalData } from './personal-data';
import { visibleTabs } from './tabs';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** /enterprises/:id — the enterprise page with its tabs (?tab=basic|people|sources|accounts). */
export function EnterpriseDetailPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('enterprises.notFound')} />;
  // A new id is a new page: reveal state and drawers start over.
  return <EnterpriseView key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  const { me } = useSession();
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      extra={
        me?.enterpriseId ? null : (
          <Link to="/enterprises">
            <Button type="primary">{t('enterprises.backToList')}</Button>
          </Link>
        )
      }
    />
  );
}

function EnterpriseView({ id }: { id: number }) {
  const { t } = useLocale();
  const detail = useQuery({
    queryKey: queryKeys.enterprise(id),
    queryFn: ({ signal }) => getEnterprise(id, signal),
  });
  if (detail.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (detail.isError) {
    if (
      isApiError(detail.error, ErrorCode.NotFound) ||
      isApiError(detail.error, ErrorCode.Forbidden)
    )
      return <NotFound title={t('enterprises.notFound')} />;
    return <ErrorAlert error={detail.error} />;
  }
  return <Loaded enterprise={detail.data} />;
}

function Loaded({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const personal = usePersonalData(e.id);
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });

  const tabs = visibleTabs(e);
  const requested = params.get('tab');
  const active = tabs.find((tab) => tab.key === requested)?.key ?? tabs[0]!.key;

  return (
    <>
      {me?.enterpriseId ? null : (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { title: <Link to="/enterprises">{t('enterprises.title')}</Link> },
            { title: e.name },
          ]}
        />
      )}
      <PageHeader
        title={e.name}
        extra={
          e.can.edit ? (
            <Button
              icon={<EditOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('enterprises.edit')}
            </Button>
          ) : null
        }
      />
      <Space size={[8, 8]} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {e.creditCode}
        </Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>
          {label(SECTOR_LABELS[e.sector])} · {subTypeLabel(e.sector, e.subType, label)}
        </Tag>
        <StatusTag status={e.status} />
        <Typography.Text type="secondary">{e.districtName}</Typography.Text>
      </Space>
      <Card styles={{ body: { padding: screens.md ? '0 24px 24px' : '0 12px 12px' } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={tabs.map((tab) => ({
            key: tab.key,
            label: t(tab.titleKey),
            children: (
              <Suspense
                fallback={
                  <Flex justify="center" style={{ padding: 24 }}>
                    <Spin />
                  </Flex>
                }
              >
                <tab.Component enterprise={e} personal={personal} />
              </Suspense>
            ),
          }))}
        />
      </Card>
      {drawer.seq > 0 ? (
        <EnterpriseFormDrawer
          key={drawer.seq}
          open={drawer.open}
          enterprise={e}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </>
  );
}
