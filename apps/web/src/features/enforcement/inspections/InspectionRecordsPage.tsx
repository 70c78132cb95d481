import { useState } from 'react';
import { Button, Checkbox, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  INSPECTION_RECORD_STATUS_LABELS,
  INSPECTION_RECORD_STATUSES,
  Permission,
  type InspectionRecordListItem,
  type InspectionRecordStatus,
} from '@hazard-ledger/domain';
import {
  inspectionKeys,
  listInspections,
  type InspectionListQuery,
} from '../../../api/inspections-api';
import { useCan } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { RecordStatusTag } from './labels';

/** The tags under a record's status: waiting for me, signatures, acknowledgement. */
function RecordTags({ r }: { r: InspectionRecordListItem }) {
  const { t } = useLocale();
  return (
    <Flex wrap gap={4}>
      <RecordStatusTag status={r.status} />
      {r.awaitingMySignature ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('inspections.awaitingMe')}
        </Tag>
      ) : null}
      {r.status === 'signing' ? (
        <Tag style={{ marginInlineEnd: 0 }}>
          {t('inspections.signedCount', { signed: r.signedCount, total: r.inspectorCount })}
        </Tag>
      ) : null}
      {r.status === 'signed' ? (
        <Tag color={r.acknowledgedAt ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(r.acknowledgedAt ? 'inspections.acknowledged' : 'inspections.notAcknowledged')}
        </Tag>
      ) : null}
      {r.origin === 'spot_check' ? (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('inspections.origin.spot_check')}
        </Tag>
      ) : null}
    </Flex>
  );
}

/** How many findings, how many major. */
function FindingsText({ r }: { r: InspectionRecordListItem }) {
  const { t } = useLocale();
  if (r.findingCount === 0) {
    return <Typography.Text type="secondary">{t('inspections.noFindings')}</Typography.Text>;
  }
  return (
    <Typography.Text type={r.majorFindingCount > 0 ? 'danger' : undefined}>
      {t('inspections.findingCount', { count: r.findingCount, major: r.majorFindingCount })}
    </Typography.Text>
  );
}

/**
 * /inspections — the on-site inspection records I may see: staff their territory's and those
 * they are named on (with a "waiting for my signature" filter), enterprises their signed ones.
 */
export function InspectionRecordsPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const canInspect = useCan(Permission.EnforcementInspect);
  const enterpriseUser = Boolean(me?.enterpriseId);
  const phone = !Grid.useBreakpoint().md;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<InspectionRecordStatus | undefined>();
  const [mine, setMine] = useState(false);
  const [awaiting, setAwaiting] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const query: InspectionListQuery = {
    page,
    pageSize,
    q: q || undefined,
    status,
    mine: mine || undefined,
    awaitingMySignature: awaiting || undefined,
  };
  const list = useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => listInspections(query, signal),
    placeholderData: keepPreviousData,
  });

  const recordColumn: TableColumnsType<InspectionRecordListItem>[number] = {
    title: t('inspections.col.record'),
    key: 'record',
    render: (_: unknown, r) => (
      <Flex vertical gap={2}>
        <Link
          to={`/inspections/${r.id}`}
          style={{ fontWeight: r.awaitingMySignature ? 600 : undefined }}
        >
          {r.recordNo}
        </Link>
        <Typography.Text>{r.enterpriseName}</Typography.Text>
        {phone ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.startedAt)} · {r.inspectorNames.join('、')}
            </Typography.Text>
            <FindingsText r={r} />
            <RecordTags r={r} />
          </>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.place}
          </Typography.Text>
        )}
      </Flex>
    ),
  };
  const columns: TableColumnsType<InspectionRecordListItem> = phone
    ? [recordColumn]
    : [
        recordColumn,
        {
          title: t('inspections.col.time'),
          key: 'time',
          width: 150,
          render: (_: unknown, r) => formatDateTime(r.startedAt),
        },
        {
          title: t('inspections.col.inspectors'),
          key: 'inspectors',
          width: 160,
          render: (_: unknown, r) => r.inspectorNames.join('、'),
        },
        {
          title: t('inspections.col.findings'),
          key: 'findings',
          width: 150,
          render: (_: unknown, r) => <FindingsText r={r} />,
        },
        {
          title: t('inspections.col.status'),
          key: 'status',
          width: 200,
          render: (_: unknown, r) => <RecordTags r={r} />,
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.inspections')}
        extra={
          canInspect ? (
            <Link to="/inspections/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('nav.inspectionNew')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('inspections.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 320, maxWidth: '100%' }}
        />
        {enterpriseUser ? null : (
          <Select<InspectionRecordStatus>
            aria-label={t('inspections.col.status')}
            allowClear
            placeholder={t('inspections.allStatuses')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={INSPECTION_RECORD_STATUSES.map((s) => ({
              value: s,
              label: label(INSPECTION_RECORD_STATUS_LABELS[s]),
            }))}
            style={{ width: 140 }}
          />
        )}
        {canInspect ? (
          <>
            <Checkbox
              checked={mine}
              onChange={(e) => {
                setMine(e.target.checked);
                setPage(1);
              }}
            >
              {t('inspections.mine')}
            </Checkbox>
            <Checkbox
              checked={awaiting}
              onChange={(e) => {
                setAwaiting(e.target.checked);
                setPage(1);
              }}
            >
              {t('inspections.awaitingMe')}
            </Checkbox>
          </>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<InspectionRecordListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 900 }}
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
    </>
  );
}
