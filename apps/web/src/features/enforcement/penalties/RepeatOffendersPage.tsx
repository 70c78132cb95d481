import { useState } from 'react';
import { Button, DatePicker, Flex, Grid, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  CLOSURE_THRESHOLDS,
  SECTOR_LABELS,
  SECTORS,
  type RepeatOffenderReason,
  type RepeatOffenderRow,
  type Sector,
} from '@hazard-ledger/domain';
import {
  listRepeatOffenders,
  penaltyKeys,
  repeatOffendersExportUrl,
  type RepeatOffenderQuery,
} from '../../../api/penalties-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { InfoNote } from '../../../components/InfoNote';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { MeasureDrawer } from './MeasureDrawer';

type Evidence = RepeatOffenderRow['closure']['within180Days'];

function EvidenceLine({ title, evidence }: { title: string; evidence: Evidence }) {
  const { t } = useLocale();
  if (!evidence) return null;
  return (
    <Flex wrap gap={4} align="baseline">
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {title}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('penalties.metOn', { date: evidence.metOn })}
      </Typography.Text>
      {evidence.decisions.map((d) => (
        <Link key={d.caseId} to={`/penalty-cases/${d.caseId}`} style={{ fontSize: 12 }}>
          {d.caseNo}（{d.decidedOn}）
        </Link>
      ))}
    </Flex>
  );
}

/** The evidence of one enterprise: the penalty windows and the recurring catalog items. */
function OffenderEvidence({ r }: { r: RepeatOffenderRow }) {
  const { t, label } = useLocale();
  return (
    <Flex vertical gap={4}>
      <EvidenceLine
        title={label(CLOSURE_THRESHOLDS.days180.label)}
        evidence={r.closure.within180Days}
      />
      <EvidenceLine
        title={label(CLOSURE_THRESHOLDS.oneYear.label)}
        evidence={r.closure.withinOneYear}
      />
      {r.recurring.map((item) => (
        <Flex key={item.catalogItemCode} wrap gap={4} align="baseline">
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('penalties.recurs', { code: item.catalogItemCode })}
          </Tag>
          {item.recurrences.map((x) => {
            const prev = item.hazards.find((h) => h.id === x.previousHazardId);
            const next = item.hazards.find((h) => h.id === x.hazardId);
            return (
              <Typography.Text key={`${x.previousHazardId}-${x.hazardId}`} style={{ fontSize: 12 }}>
                <Link to={`/hazards/${x.previousHazardId}`}>{prev?.number}</Link>
                {t('penalties.recurrence', { verified: x.previousVerifiedAt, found: x.foundAt })}
                <Link to={`/hazards/${x.hazardId}`}>{next?.number}</Link>
              </Typography.Text>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * /repeat-offenders — 屡查屡犯: enterprises whose major-hazard penalties reach 3 in 180 days or 4
 * in a year (安全生产法第一百一十三条: propose closure), and those where a catalog item recurs after
 * verification; each row links to its cases and hazards.
 */
export function RepeatOffendersPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const phone = !Grid.useBreakpoint().md;
  const [reason, setReason] = useState<RepeatOffenderReason | 'all'>('all');
  const [sector, setSector] = useState<Sector | undefined>();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [proposal, setProposal] = useState<{ seq: number; row: RepeatOffenderRow } | null>(null);

  const filters = {
    reason: reason === 'all' ? undefined : reason,
    sector,
    asOf: asOf ? asOf.format('YYYY-MM-DD') : undefined,
  };
  const query: RepeatOffenderQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: penaltyKeys.offenders(query),
    queryFn: ({ signal }) => listRepeatOffenders(query, signal),
    placeholderData: keepPreviousData,
  });

  const proposeButton = (r: RepeatOffenderRow) =>
    r.closureProposal ? (
      <Tag color="purple" style={{ marginInlineEnd: 0 }}>
        {t('penalties.proposed', { date: r.closureProposal.date })}
      </Tag>
    ) : r.closure.met ? (
      <Button
        danger
        size="small"
        onClick={() => setProposal((p) => ({ seq: (p?.seq ?? 0) + 1, row: r }))}
      >
        {t('penalties.proposeClosure')}
      </Button>
    ) : null;

  const enterpriseColumn: TableColumnsType<RepeatOffenderRow>[number] = {
    title: t('penalties.enterprise'),
    key: 'enterprise',
    width: phone ? undefined : 240,
    render: (_: unknown, r) => (
      <Flex vertical gap={2}>
        <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(SECTOR_LABELS[r.sector])} · {r.districtName}
          {r.mainLeaderName ? ` · ${t('penalties.mainLeader')} ${r.mainLeaderName}` : ''}
        </Typography.Text>
        {phone ? (
          <>
            <OffenderEvidence r={r} />
            <div>{proposeButton(r)}</div>
          </>
        ) : null}
      </Flex>
    ),
  };
  const columns: TableColumnsType<RepeatOffenderRow> = phone
    ? [enterpriseColumn]
    : [
        enterpriseColumn,
        {
          title: t('penalties.decisionsInYear'),
          key: 'count',
          width: 110,
          align: 'center',
          render: (_: unknown, r) => r.decisions.length,
        },
        {
          title: t('penalties.evidenceColumn'),
          key: 'evidence',
          render: (_: unknown, r) => <OffenderEvidence r={r} />,
        },
        {
          title: t('penalties.closureProposal'),
          key: 'proposal',
          width: 150,
          render: (_: unknown, r) => proposeButton(r),
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.repeatOffenders')}
        extra={
          <Button icon={<DownloadOutlined />} href={repeatOffendersExportUrl(filters)}>
            {t('penalties.export')}
          </Button>
        }
      />
      <InfoNote>{t('penalties.offendersRule')}</InfoNote>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Segmented<RepeatOffenderReason | 'all'>
          value={reason}
          onChange={(v) => {
            setReason(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('penalties.reasonAll') },
            { value: 'closure', label: t('penalties.reasonClosure') },
            { value: 'recurring', label: t('penalties.reasonRecurring') },
          ]}
        />
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
        <DatePicker
          aria-label={t('penalties.asOf')}
          placeholder={t('penalties.asOf')}
          value={asOf}
          onChange={(d) => {
            setAsOf(d);
            setPage(1);
          }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<RepeatOffenderRow>
        rowKey="enterpriseId"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 900 }}
        locale={{ emptyText: t('penalties.noOffenders') }}
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
      {proposal ? (
        <MeasureDrawer
          key={proposal.seq}
          enterprise={{ id: proposal.row.enterpriseId, name: proposal.row.enterpriseName }}
          initialKind="closure_proposal"
          initialValues={{
            leaderName: proposal.row.mainLeaderName ?? '',
            note: evidenceNote(proposal.row),
          }}
          open
          onClose={() => setProposal(null)}
        />
      ) : null}
    </>
  );
}

/** The closure proposal's note: the decisions that met the threshold. */
function evidenceNote(r: RepeatOffenderRow): string {
  const window = r.closure.within180Days ?? r.closure.withinOneYear;
  if (!window) return '';
  return `存在重大事故隐患，${window === r.closure.within180Days ? '180日内' : '1年内'}受到${window.decisions.length}次行政处罚：${window.decisions
    .map((d) => `${d.caseNo}（${d.decidedOn}）`)
    .join('、')}`;
}
