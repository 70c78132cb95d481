import { Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Completeness, ReportOptionsView, RollupRow, RollupView } from '@hazard-ledger/domain';
import { getRollup, reportKeys, rollupExportUrl, type RollupQuery } from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { CompletenessCard } from './CompletenessCard';
import { ProgressTable, type ProgressRow } from './ProgressTable';
import { OnTimeTag, periodLabelOf, useRangeText } from './report-labels';
import { selectionToParams, type ResolvedSelection } from './report-selection';
import { ReportSelectors } from './ReportSelectors';
import { useReportSelection } from './use-report-selection';
import { WithReportOptions } from './WithReportOptions';

/** A district's line, or the 合计 line (district null). */
type RollupLine = ProgressRow & { district: RollupRow | null };

function rollupQueryOf(sel: ResolvedSelection | null): RollupQuery | null {
  if (!sel) return null;
  const base = { orgUnitId: sel.unitId, sector: sel.sector };
  if (sel.kind === 'milestone')
    return sel.milestone ? { ...base, kind: 'milestone', milestone: sel.milestone } : null;
  return sel.week ? { ...base, kind: 'weekly', week: sel.week } : null;
}

/** "50.0%", or "—" when nothing was expected. */
function rate(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** 应报 / 已报 / 按时 with their rates (DHIS2's reporting rate and timeliness). */
export function CompletenessLine({ completeness: c }: { completeness: Completeness }) {
  const { t } = useLocale();
  return (
    <Flex wrap gap={16} data-testid="rollup-completeness">
      <span data-testid="completeness-expected">
        {t('reports.completeness.expected', { n: c.expected })}
      </span>
      <span data-testid="completeness-submitted">
        {t('reports.completeness.submitted', { n: c.submitted, rate: rate(c.submittedRate) })}
      </span>
      <span data-testid="completeness-on-time">
        {t('reports.completeness.onTime', { n: c.onTime, rate: rate(c.onTimeRate) })}
      </span>
    </Flex>
  );
}

/**
 * /reports/rollup — a city's (or region's) roll-up of one sector and period: every district
 * with its submission status and figures, the total computed from the submitted reports,
 * completeness for the period, and the reporting rate of every week.
 */
export function RollupPage() {
  return (
    <WithReportOptions titleKey="nav.reportRollup">
      {(options) => <RollupBody options={options} />}
    </WithReportOptions>
  );
}

function RollupBody({ options }: { options: ReportOptionsView }) {
  const { t } = useLocale();
  const { selection, select } = useReportSelection(options, options.rollupUnits, 'orgUnitId');
  const query = rollupQueryOf(selection);
  const rollup = useQuery({
    queryKey: query ? reportKeys.rollup(query) : ['reports', 'rollup', 'none'],
    queryFn: ({ signal }) => getRollup(query!, signal),
    enabled: query !== null,
  });

  return (
    <>
      <PageHeader
        title={t('nav.reportRollup')}
        extra={
          query ? (
            <Button icon={<DownloadOutlined />} href={rollupExportUrl(query)} download>
              {t('reports.exportRollup')}
            </Button>
          ) : null
        }
      />
      {selection ? (
        <ReportSelectors
          options={options}
          units={options.rollupUnits}
          unitLabel={t('reports.rollupUnit')}
          value={selection}
          onChange={select}
        />
      ) : (
        <Empty
          description={
            options.rollupUnits.length === 0 ? t('reports.noRollupUnits') : t('reports.noCampaign')
          }
        />
      )}
      {selection && !query ? <Empty description={t('reports.noWeeks')} /> : null}
      <ErrorAlert error={rollup.error} />
      {query && rollup.isPending && !rollup.isError ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : null}
      {selection && rollup.data ? (
        <RollupContent view={rollup.data} selection={selection} loading={rollup.isFetching} />
      ) : null}
      {selection ? <CompletenessCard orgUnitId={selection.unitId} /> : null}
    </>
  );
}

function RollupContent({
  view,
  selection,
  loading,
}: {
  view: RollupView;
  selection: ResolvedSelection;
  loading: boolean;
}) {
  const { t, label } = useLocale();
  const rangeText = useRangeText();
  const periodLabel = periodLabelOf(view.kind);

  /** The district's report as the dispatch page opens it (its latest version). */
  const reportLink = (row: RollupRow): string | null => {
    if (!row.report) return null;
    const params = selectionToParams(
      { ...selection, unitId: row.districtId, versionId: row.report.versionId },
      'districtId',
    );
    return `/reports/dispatch?${params.toString()}`;
  };

  const lines: RollupLine[] = [
    ...view.rows.map((r) => ({
      key: String(r.districtId),
      unitName: r.report ? <Link to={reportLink(r)!}>{r.districtName}</Link> : r.districtName,
      figures: r.figures,
      district: r,
    })),
    {
      key: 'total',
      unitName: <Typography.Text strong>{t('reports.total')}</Typography.Text>,
      figures: view.total,
      district: null,
    },
  ];

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={`${view.progressLayout.annex} ${label(view.progressLayout.title)}`}
      extra={
        <Typography.Text type="secondary">
          {`${view.orgUnitName} · ${rangeText(view.periodFrom, view.periodTo)}`}
        </Typography.Text>
      }
    >
      <Flex wrap gap={16} align="center" style={{ marginBottom: 12 }}>
        <CompletenessLine completeness={view.completeness} />
        <Typography.Text type="secondary">
          {t('reports.dueAt', { due: formatDateTime(view.dueAt) })}
        </Typography.Text>
      </Flex>
      <ProgressTable<RollupLine>
        caption={t('reports.rollupTable')}
        layout={view.progressLayout}
        periodLabel={periodLabel}
        rows={lines}
        loading={loading}
        leadingColumns={[
          {
            key: 'status',
            title: t('reports.submission'),
            width: 150,
            render: (line) =>
              line.district === null ? null : line.district.report ? (
                <Flex gap={4} wrap>
                  <Tag color="success">
                    {t('reports.submittedVersion', { version: line.district.report.version })}
                  </Tag>
                  <OnTimeTag onTime={line.district.report.onTime} dueAt={view.dueAt} />
                </Flex>
              ) : (
                <Tag>{t('reports.notSubmitted')}</Tag>
              ),
          },
        ]}
        renderNumber={(line, _cell, _value, text) => {
          const to = line.district ? reportLink(line.district) : null;
          return to ? <Link to={to}>{text}</Link> : text;
        }}
      />
    </Card>
  );
}
