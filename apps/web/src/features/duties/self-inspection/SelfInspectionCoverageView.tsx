import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Progress,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  SECTOR_LABELS,
  SECTORS,
  SELF_INSPECTION_COVERAGE_FILTERS,
  type Sector,
  type SelfInspectionCoverageFilter,
  type SelfInspectionCoverageRow,
} from '@hazard-ledger/domain';
import { listCampaigns } from '../../../api/campaigns-api';
import {
  getSelfInspectionCoverage,
  selfInspectionCoverageExportUrl,
  selfInspectionKeys,
  type CoverageFilters,
} from '../../../api/self-inspections-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { InfoNote } from '../../../components/InfoNote';
import { useLocale } from '../../../i18n/locale-context';
import { ledgerHref } from '../../hazards/hazard-query';
import '../../../i18n/messages-duty-self';

const PAGE_SIZE = 20;

/** The filters and page as kept in the URL (?campaignId=&phase=&sector=&status=&q=&page=). */
function stateFromParams(params: URLSearchParams): CoverageFilters & { page: number } {
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const sector = params.get('sector');
  const status = params.get('status');
  return {
    campaignId: num('campaignId'),
    phase: params.get('phase') || undefined,
    sector: SECTORS.includes(sector as Sector) ? (sector as Sector) : undefined,
    status: SELF_INSPECTION_COVERAGE_FILTERS.includes(status as SelfInspectionCoverageFilter)
      ? (status as SelfInspectionCoverageFilter)
      : undefined,
    q: params.get('q') || undefined,
    page: num('page') ?? 1,
  };
}

function toParams(state: CoverageFilters & { page: number }): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (v === undefined || v === null || v === '' || (k === 'page' && v === 1)) continue;
    p.set(k, String(v));
  }
  return p;
}

/**
 * The office's view of the self-inspection stage: for the chosen campaign (default the current
 * one) and phase, per sector, which enterprises submitted, which have not, and what they found.
 */
export function SelfInspectionCoverageView() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const state = stateFromParams(params);
  const { page, ...filters } = state;
  const [search, setSearch] = useState(filters.q ?? '');
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const coverage = useQuery({
    queryKey: selfInspectionKeys.coverage(query),
    queryFn: ({ signal }) => getSelfInspectionCoverage(query, signal),
    placeholderData: keepPreviousData,
  });
  const campaigns = useQuery({
    queryKey: ['self-inspections', 'campaign-choices'],
    queryFn: ({ signal }) => listCampaigns({ page: 1, pageSize: 50 }, signal),
  });
  const update = (patch: Partial<CoverageFilters & { page: number }>) =>
    setParams(toParams({ ...state, page: 1, ...patch }), { replace: true });

  const data = coverage.data;
  const campaign = data?.campaign ?? null;
  const sectorChoices: readonly Sector[] =
    me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const exportFilters: CoverageFilters = { ...filters, campaignId: campaign?.id };
  const width = (w: number) => (screens.sm ? { width: w } : { width: '100%' });

  const columns: TableColumnsType<SelfInspectionCoverageRow> = [
    {
      title: t('selfInspections.col.enterprise'),
      dataIndex: 'enterpriseName',
      key: 'enterprise',
      render: (_: unknown, r) => (
        <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>
      ),
    },
    {
      title: t('selfInspections.coverage.sector'),
      dataIndex: 'sector',
      key: 'sector',
      width: 110,
      responsive: ['md'],
      render: (_: unknown, r) => label(SECTOR_LABELS[r.sector]),
    },
    {
      title: t('selfInspections.coverage.col.district'),
      dataIndex: 'districtName',
      key: 'district',
      responsive: ['lg'],
    },
    {
      title: t('selfInspections.coverage.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          {r.submitted ? (
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('selfInspections.coverage.submitted')}
            </Tag>
          ) : (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('selfInspections.coverage.notSubmitted')}
            </Tag>
          )}
          {r.inProgress ? (
            <Tag color="processing" style={{ marginInlineEnd: 0 }}>
              {t('selfInspections.coverage.inProgress')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('selfInspections.coverage.col.submittedAt'),
      key: 'submittedAt',
      responsive: ['md'],
      render: (_: unknown, r) =>
        r.lastSubmittedAt ? (
          <span>
            {formatDateTime(r.lastSubmittedAt)}
            {r.submittedRuns > 1 ? (
              <Typography.Text type="secondary">
                {' '}
                {t('selfInspections.coverage.runs', { n: r.submittedRuns })}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('selfInspections.coverage.col.problems'),
      key: 'problems',
      width: 130,
      render: (_: unknown, r) =>
        r.problemCount > 0 ? (
          <Link to={ledgerHref({ enterpriseId: r.enterpriseId, origin: 'self_check' })}>
            {t('selfInspections.coverage.hazards', { n: r.problemCount })}
          </Link>
        ) : r.submitted ? (
          0
        ) : (
          '—'
        ),
    },
    {
      title: t('selfInspections.coverage.col.record'),
      key: 'record',
      width: 90,
      render: (_: unknown, r) =>
        r.lastRunId ? (
          <Link to={`/self-inspections/${r.lastRunId}`}>{t('selfInspections.view')}</Link>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <InfoNote>{t('selfInspections.coverage.intro')}</InfoNote>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Select<number>
          id="siCampaign"
          aria-label={t('selfInspections.coverage.campaign')}
          placeholder={t('selfInspections.coverage.campaign')}
          value={campaign?.id ?? filters.campaignId}
          onChange={(v) => update({ campaignId: v, phase: undefined })}
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          loading={campaigns.isPending}
          style={width(260)}
          popupMatchSelectWidth={false}
        />
        <Select<string>
          id="siPhase"
          aria-label={t('selfInspections.coverage.phase')}
          placeholder={t('selfInspections.coverage.allPhases')}
          allowClear
          value={filters.phase}
          onChange={(v) => update({ phase: v })}
          options={(campaign?.phases ?? []).map((p) => ({
            value: p.key,
            label: `${p.name}（${p.start.slice(5)}至${p.end.slice(5)}）`,
          }))}
          style={width(240)}
          popupMatchSelectWidth={false}
        />
        <Select<Sector>
          id="siSector"
          aria-label={t('selfInspections.coverage.sector')}
          placeholder={t('selfInspections.coverage.sector')}
          allowClear
          value={filters.sector}
          onChange={(v) => update({ sector: v })}
          options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          style={width(140)}
        />
        <Select<SelfInspectionCoverageFilter>
          id="siStatus"
          aria-label={t('selfInspections.coverage.status')}
          placeholder={t('selfInspections.coverage.status')}
          allowClear
          value={filters.status}
          onChange={(v) => update({ status: v })}
          options={[
            { value: 'submitted', label: t('selfInspections.coverage.submitted') },
            { value: 'not_submitted', label: t('selfInspections.coverage.notSubmitted') },
          ]}
          style={width(130)}
        />
        <Input.Search
          id="siSearch"
          aria-label={t('common.search')}
          placeholder={t('selfInspections.coverage.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={width(240)}
        />
        <Button
          icon={<DownloadOutlined />}
          href={selfInspectionCoverageExportUrl(exportFilters)}
          download
          disabled={!campaign}
        >
          {t('selfInspections.coverage.export')}
        </Button>
      </Flex>
      <ErrorAlert error={coverage.error} />
      {data && !campaign ? (
        <Card>
          <Empty description={t('selfInspections.coverage.noCampaign')} />
        </Card>
      ) : null}
      {campaign ? (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {data!.sectors.map((s) => (
              <Col key={s.sector} xs={24} sm={12} lg={6}>
                <Card size="small" title={label(SECTOR_LABELS[s.sector])}>
                  <Progress
                    percent={s.enterprises ? Math.round((s.submitted / s.enterprises) * 100) : 0}
                    size="small"
                  />
                  <Typography.Text type="secondary">
                    {t('selfInspections.coverage.sectorLine', {
                      submitted: s.submitted,
                      total: s.enterprises,
                      problems: s.problems,
                    })}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Table<SelfInspectionCoverageRow>
            rowKey="enterpriseId"
            size="middle"
            columns={columns}
            dataSource={data!.items}
            loading={coverage.isFetching}
            scroll={screens.md ? undefined : { x: 520 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data!.total,
              showSizeChanger: false,
              showTotal: (n) => t('selfInspections.coverage.total', { n }),
              size: screens.md ? undefined : 'small',
              onChange: (p) => update({ page: p }),
            }}
          />
        </>
      ) : null}
    </>
  );
}
