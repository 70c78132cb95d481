import { useState } from 'react';
import { Button, Card, Flex, Grid, Input, Select, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  CERTIFICATE_LIST_STATES,
  CERTIFICATE_STATE_LABELS,
  SECTOR_LABELS,
  SECTORS,
  type CertificateListState,
  type Sector,
} from '@hazard-ledger/domain';
import {
  certificateExportUrl,
  hazardousWorkKeys,
  listCertificates,
  type CertificateFilters,
} from '../../../api/hazardous-work-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { CertificateTable } from './CertificateTable';
import { CERTIFICATE_TABS } from './CertificatesSection';

const ALL = 'all';
const PAGE_SIZES = [10, 20, 50, 100];

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 ? n : fallback;
};

/**
 * Special-operation certificates across the enterprises in my scope (enterprise users: their
 * own): expiring within 30 days, expired, valid or withdrawn, by sector and enterprise search,
 * paged, exported to .xlsx. The filters live in the URL. Expiring is the default view.
 */
export function CertificatesPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: CertificateListState | undefined =
    stateParam === ALL ? undefined : (oneOf(CERTIFICATE_LIST_STATES, stateParam) ?? 'expiring');
  const sector = oneOf<Sector>(SECTORS, params.get('sector'));
  const q = params.get('q')?.trim().slice(0, 50) || undefined;
  const page = positive(params.get('page'), 1);
  const size = positive(params.get('pageSize'), 20);
  const pageSize = PAGE_SIZES.includes(size) ? size : 20;
  const [search, setSearch] = useState(q ?? '');

  const filters: CertificateFilters = { state, sector, q };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: hazardousWorkKeys.certificates(query),
    queryFn: ({ signal }) => listCertificates(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  const counts = list.data?.countsByState ?? {};
  const inUse = (counts.expiring ?? 0) + (counts.expired ?? 0) + (counts.valid ?? 0);
  const enterpriseUser = !!me?.enterpriseId;
  const sectorChoices: readonly Sector[] = me?.sectors?.length ? me.sectors : SECTORS;

  return (
    <>
      <PageHeader
        title={t('hw.cert.pageTitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={certificateExportUrl(filters)} download>
            {t('hw.cert.export')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('hw.cert.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
          enterButton={t('common.search')}
          style={{ width: screens.md ? 320 : '100%' }}
        />
        {enterpriseUser ? null : (
          <Select<Sector>
            aria-label={t('hw.cert.sector')}
            placeholder={t('hw.cert.sector')}
            allowClear
            value={sector}
            onChange={(v) => update({ sector: v, page: undefined })}
            options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
            style={{ width: screens.md ? 160 : '100%' }}
          />
        )}
        <Button
          onClick={() => {
            setSearch('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: screens.md ? '0 16px 16px' : '0 8px 8px' } }}>
        <Tabs
          aria-label={t('hw.cert.stateTabs')}
          activeKey={state ?? ALL}
          onChange={(key) => update({ state: key, page: undefined })}
          tabBarExtraContent={
            list.data && screens.md ? (
              <Typography.Text type="secondary">
                {t('hw.cert.asOf', { date: list.data.asOf })}
              </Typography.Text>
            ) : null
          }
          items={[
            ...CERTIFICATE_TABS.slice(0, 2).map((s) => ({
              key: s,
              label: `${label(CERTIFICATE_STATE_LABELS[s])} ${counts[s] ?? 0}`,
            })),
            { key: ALL, label: `${t('hw.cert.all')} ${inUse}` },
            ...CERTIFICATE_TABS.slice(2).map((s) => ({
              key: s,
              label: `${label(CERTIFICATE_STATE_LABELS[s])} ${counts[s] ?? 0}`,
            })),
          ]}
        />
        <CertificateTable
          showEnterprise={!enterpriseUser}
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          onChange={(p, s) =>
            update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s })
          }
        />
      </Card>
    </>
  );
}
