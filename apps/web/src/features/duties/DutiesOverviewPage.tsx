import { useState } from 'react';
import { Button, Flex, Grid, Input, Select, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DUTIES, DUTY_LABELS, SECTOR_LABELS, SECTORS, type Sector } from '@hazard-ledger/domain';
import {
  getScorecard,
  listScorecards,
  scorecardExportUrl,
  scorecardKeys,
  type ScorecardListItem,
  type ScorecardListQuery,
} from '../../api/scorecard-api';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { DutyStatusTag, ScorecardCards, useDutyReasons } from './scorecard-view';

/**
 * /duties — the main leaders' five duties. Enterprise users see their own scorecard; staff see
 * every enterprise in their territory and sectors with each duty's status, and export it.
 */
export function DutiesOverviewPage() {
  const { me } = useSession();
  return me?.enterpriseId ? (
    <OwnScorecard enterpriseId={me.enterpriseId} />
  ) : (
    <ScorecardTable sectorChoices={me?.sectors?.length ? me.sectors : SECTORS} />
  );
}

function OwnScorecard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useLocale();
  const card = useQuery({
    queryKey: scorecardKeys.one(enterpriseId),
    queryFn: ({ signal }) => getScorecard(enterpriseId, signal),
  });
  return (
    <>
      <PageHeader
        title={t('nav.duties')}
        extra={
          <Link to={`/enterprises/${enterpriseId}?tab=duty-organize`}>
            <Button>{t('duties.openRecords')}</Button>
          </Link>
        }
      />
      <Typography.Paragraph type="secondary">{t('duties.intro')}</Typography.Paragraph>
      <ErrorAlert error={card.error} />
      {card.data ? <ScorecardCards card={card.data} /> : card.error ? null : <Skeleton active />}
    </>
  );
}

function ScorecardTable({ sectorChoices }: { sectorChoices: readonly Sector[] }) {
  const { t, label } = useLocale();
  const reasons = useDutyReasons();
  const phone = !Grid.useBreakpoint().md;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [sector, setSector] = useState<Sector | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: ScorecardListQuery = { page, pageSize, q: q || undefined, sector };
  const list = useQuery({
    queryKey: scorecardKeys.list(query),
    queryFn: ({ signal }) => listScorecards(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ScorecardListItem> = [
    {
      title: t('duties.enterprise'),
      dataIndex: 'enterpriseName',
      fixed: phone ? undefined : 'left',
      width: 220,
      render: (name: string, row) => (
        <Link to={`/enterprises/${row.enterpriseId}?tab=duties`}>{name}</Link>
      ),
    },
    {
      title: t('duties.sector'),
      dataIndex: 'sector',
      width: 110,
      responsive: ['md'],
      render: (s: Sector) => label(SECTOR_LABELS[s]),
    },
    ...DUTIES.map((duty, i) => ({
      key: duty,
      title: `${i + 1}. ${label(DUTY_LABELS[duty])}`,
      width: 150,
      render: (_: unknown, row: ScorecardListItem) => {
        const score = row.duties.find((d) => d.duty === duty)!;
        const lines = reasons(score);
        return (
          <span title={lines.map((l) => l.text).join('\n')}>
            <DutyStatusTag status={score.status} />
          </span>
        );
      },
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.duties')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={scorecardExportUrl({ q: q || undefined, sector })}
            download
          >
            {t('duties.export')}
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t('duties.search')}
          placeholder={t('duties.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: phone ? '100%' : 260 }}
        />
        <Select<Sector>
          id="dutySectorFilter"
          aria-label={t('duties.sector')}
          placeholder={t('duties.sector')}
          allowClear
          value={sector}
          onChange={(v) => {
            setSector(v);
            setPage(1);
          }}
          options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          style={{ width: phone ? '100%' : 160 }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<ScorecardListItem>
        rowKey="enterpriseId"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('duties.total', { n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
