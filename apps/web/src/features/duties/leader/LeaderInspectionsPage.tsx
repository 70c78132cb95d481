import { useState } from 'react';
import { Button, Checkbox, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SECTOR_LABELS, SECTORS, type LeaderOverviewRow, type Sector } from '@hazard-ledger/domain';
import { listCampaigns } from '../../../api/campaigns-api';
import {
  getLeaderOverview,
  leaderDutyKeys,
  leaderOverviewExportUrl,
  type LeaderOverviewFilters,
} from '../../../api/leader-duties-api';
import { queryKeys } from '../../../api/query-keys';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { LeaderInspectionPanel } from './LeaderInspectionPanel';
import { monthLabel, MonthTags } from './labels';

const CAMPAIGN_QUERY = { page: 1, pageSize: 50 };

/**
 * /leader-inspections — the main leaders' monthly inspections. Staff: the enterprises of a
 * campaign in their territory and sectors × its months, missing months flagged, with filters
 * and the spreadsheet export. Enterprise users: their own months and records.
 */
export function LeaderInspectionsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  if (me?.enterpriseId) {
    return (
      <>
        <PageHeader title={t('nav.leaderInspections')} />
        <LeaderInspectionPanel enterpriseId={me.enterpriseId} />
      </>
    );
  }
  return <LeaderOverviewView />;
}

function LeaderOverviewView() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const phone = !Grid.useBreakpoint().md;
  const [campaignId, setCampaignId] = useState<number | undefined>();
  const [sector, setSector] = useState<Sector | undefined>();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const campaigns = useQuery({
    queryKey: queryKeys.campaignList(CAMPAIGN_QUERY),
    queryFn: ({ signal }) => listCampaigns(CAMPAIGN_QUERY, signal),
  });
  const filters: LeaderOverviewFilters = {
    campaignId,
    sector,
    onlyMissing: onlyMissing || undefined,
    q: q || undefined,
  };
  const query = { ...filters, page, pageSize };
  const overview = useQuery({
    queryKey: leaderDutyKeys.overview(query),
    queryFn: ({ signal }) => getLeaderOverview(query, signal),
    placeholderData: keepPreviousData,
  });
  const campaign = overview.data?.campaign ?? null;
  const sectorChoices = me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const reset = () => setPage(1);

  const enterpriseColumn: TableColumnsType<LeaderOverviewRow>[number] = {
    title: t('leaderDuty.enterprise'),
    key: 'enterprise',
    fixed: phone ? undefined : 'left',
    width: phone ? undefined : 220,
    render: (_: unknown, r) => (
      <Flex vertical gap={2}>
        <Link to={`/enterprises/${r.enterpriseId}?tab=duty-organize`}>{r.enterpriseName}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(SECTOR_LABELS[r.sector])} · {r.districtName}
        </Typography.Text>
        {phone ? (
          r.missingMonths.length ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('leaderDuty.missingShort', {
                months: r.missingMonths.map((m) => monthLabel(m)).join('、'),
              })}
            </Typography.Text>
          ) : (
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              {t('leaderDuty.noneMissing')}
            </Typography.Text>
          )
        ) : null}
      </Flex>
    ),
  };
  const columns: TableColumnsType<LeaderOverviewRow> = phone
    ? [enterpriseColumn]
    : [
        enterpriseColumn,
        {
          title: t('leaderDuty.months'),
          key: 'months',
          render: (_: unknown, r) => <MonthTags months={r.months} />,
        },
        {
          title: t('leaderDuty.missingCount'),
          key: 'missing',
          width: 110,
          align: 'center',
          render: (_: unknown, r) =>
            r.missingMonths.length ? (
              <Tag color="error" style={{ marginInlineEnd: 0 }}>
                {r.missingMonths.length}
              </Tag>
            ) : (
              <Tag color="success" style={{ marginInlineEnd: 0 }}>
                0
              </Tag>
            ),
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.leaderInspections')}
        extra={
          <Button icon={<DownloadOutlined />} href={leaderOverviewExportUrl(filters)} download>
            {t('leaderDuty.export')}
          </Button>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }} role="search">
        <Select
          aria-label={t('leaderDuty.campaign')}
          value={campaignId ?? campaign?.id}
          placeholder={t('leaderDuty.campaign')}
          onChange={(v: number) => {
            setCampaignId(v);
            reset();
          }}
          loading={campaigns.isFetching}
          style={{ width: 300, maxWidth: '100%' }}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label={t('leaderDuty.sector')}
          allowClear
          value={sector}
          placeholder={t('leaderDuty.allSectors')}
          onChange={(v?: Sector) => {
            setSector(v);
            reset();
          }}
          style={{ width: 180 }}
          options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
        />
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('leaderDuty.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            reset();
          }}
          enterButton={t('common.search')}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Checkbox
          checked={onlyMissing}
          onChange={(e) => {
            setOnlyMissing(e.target.checked);
            reset();
          }}
        >
          {t('leaderDuty.onlyMissing')}
        </Checkbox>
      </Flex>
      {campaign ? (
        <Typography.Paragraph type="secondary">
          {t('leaderDuty.overviewLine', {
            name: campaign.name,
            start: campaign.startDate,
            end: campaign.endDate,
            due: campaign.dueMonths.length,
            asOf: overview.data?.asOf ?? '',
          })}
        </Typography.Paragraph>
      ) : overview.data ? (
        <Typography.Paragraph type="secondary">
          {t('leaderDuty.noCampaignStaff')}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={overview.error} />
      <Table<LeaderOverviewRow>
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={overview.data?.items ?? []}
        loading={overview.isFetching}
        scroll={phone ? undefined : { x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: overview.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
