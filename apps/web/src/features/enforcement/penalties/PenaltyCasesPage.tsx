import { useState } from 'react';
import { Button, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  PENALTY_CASE_STATUS_LABELS,
  PENALTY_CASE_STATUSES,
  Permission,
  SECTOR_LABELS,
  SECTORS,
  type PenaltyCaseListItem,
  type PenaltyCaseStatus,
  type Sector,
} from '@hazard-ledger/domain';
import {
  listPenaltyCases,
  penaltyKeys,
  type PenaltyCaseListQuery,
} from '../../../api/penalties-api';
import { Can } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { FileCaseDrawer, type FileCasePreset } from './FileCaseDrawer';
import { formatYuan, MajorHazardTag, PenaltyStatusTag, PublicationTag } from './labels';

const positive = (v: string | null) =>
  v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined;

/** The columns of a case list (also used by the enterprise page's section). */
export function useCaseColumns(options: { phone: boolean; hideEnterprise?: boolean }) {
  const { t } = useLocale();
  const caseColumn: TableColumnsType<PenaltyCaseListItem>[number] = {
    title: t('penalties.case'),
    key: 'case',
    render: (_: unknown, c) => (
      <Flex vertical gap={2}>
        <Link to={`/penalty-cases/${c.id}`}>{c.matter}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.caseNo}
          {options.hideEnterprise ? '' : ` · ${c.enterpriseName}`}
        </Typography.Text>
        {options.phone ? (
          <Flex wrap gap={4}>
            <PenaltyStatusTag status={c.status} />
            <MajorHazardTag major={c.majorHazard} />
            <PublicationTag publication={c.publication} />
            {c.totalAmountFen > 0 ? (
              <Typography.Text style={{ fontSize: 12 }}>
                {formatYuan(c.totalAmountFen)}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    ),
  };
  if (options.phone) return [caseColumn];
  const columns: TableColumnsType<PenaltyCaseListItem> = [
    caseColumn,
    {
      title: t('penalties.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, c) => <PenaltyStatusTag status={c.status} />,
    },
    {
      title: t('penalties.majorHazard'),
      key: 'major',
      width: 130,
      render: (_: unknown, c) => <MajorHazardTag major={c.majorHazard} />,
    },
    { title: t('penalties.filedOn'), dataIndex: 'filedOn', key: 'filedOn', width: 110 },
    {
      title: t('penalties.decisionDate'),
      key: 'decisionDate',
      width: 110,
      render: (_: unknown, c) => c.decisionDate ?? '—',
    },
    {
      title: t('penalties.totalAmount'),
      key: 'amount',
      width: 130,
      align: 'right',
      render: (_: unknown, c) => (c.totalAmountFen > 0 ? formatYuan(c.totalAmountFen) : '—'),
    },
    {
      title: t('penalties.publication'),
      key: 'publication',
      width: 170,
      render: (_: unknown, c) => <PublicationTag publication={c.publication} />,
    },
  ];
  return columns;
}

/**
 * /penalty-cases — the cases of my territory and sectors (enterprise users: their own decided
 * cases), filtered by status and sector, with the 立案 drawer (also opened by ?new=1).
 */
export function PenaltyCasesPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const isEnterprise = Boolean(me?.enterpriseId);
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PenaltyCaseStatus | undefined>();
  const [sector, setSector] = useState<Sector | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawerSeq, setDrawerSeq] = useState(0);
  const drawerOpen = params.get('new') === '1';
  const preset: FileCasePreset = {
    enterpriseId: positive(params.get('enterpriseId')),
    hazardId: positive(params.get('hazardId')),
    inspectionRecordId: positive(params.get('inspectionRecordId')),
  };

  const query: PenaltyCaseListQuery = { page, pageSize, status, sector, q: q || undefined };
  const list = useQuery({
    queryKey: penaltyKeys.caseList(query),
    queryFn: ({ signal }) => listPenaltyCases(query, signal),
    placeholderData: keepPreviousData,
  });
  const columns = useCaseColumns({ phone });

  const openDrawer = () => {
    setDrawerSeq((s) => s + 1);
    setParams({ new: '1' });
  };
  const closeDrawer = () => {
    const next = new URLSearchParams(params);
    for (const k of ['new', 'enterpriseId', 'hazardId', 'inspectionRecordId']) next.delete(k);
    setParams(next);
  };
  const statuses = isEnterprise
    ? (['decided', 'executed', 'closed'] as PenaltyCaseStatus[])
    : PENALTY_CASE_STATUSES;

  return (
    <>
      <PageHeader
        title={t('nav.penaltyCases')}
        extra={
          <Can permission={Permission.EnforcementPenalty}>
            <Link to="/repeat-offenders">
              <Button icon={<WarningOutlined />}>{t('nav.repeatOffenders')}</Button>
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={openDrawer}>
              {t('penalties.file')}
            </Button>
          </Can>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('penalties.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 300, maxWidth: '100%' }}
        />
        <Select<PenaltyCaseStatus>
          aria-label={t('penalties.status')}
          placeholder={t('penalties.allStatuses')}
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          style={{ width: 160 }}
          options={statuses.map((s) => ({ value: s, label: label(PENALTY_CASE_STATUS_LABELS[s]) }))}
        />
        {isEnterprise ? null : (
          <Select<Sector>
            aria-label={t('penalties.sector')}
            placeholder={t('penalties.allSectors')}
            allowClear
            value={sector}
            onChange={(v) => {
              setSector(v);
              setPage(1);
            }}
            style={{ width: 160 }}
            options={(me?.sectors ?? SECTORS).map((s) => ({
              value: s,
              label: label(SECTOR_LABELS[s]),
            }))}
          />
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<PenaltyCaseListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
      {drawerOpen ? (
        <FileCaseDrawer
          key={`${drawerSeq}-${params.toString()}`}
          open
          onClose={closeDrawer}
          preset={preset}
        />
      ) : null}
    </>
  );
}
