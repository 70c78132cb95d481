import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { SECTOR_LABELS, type Completeness } from '@hazard-ledger/domain';
import { getCompleteness, reportKeys, type CompletenessReport } from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import { useRangeText } from './report-labels';

type Week = CompletenessReport['weeks'][number];

function rateText(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/**
 * 报送情况: every week of the campaign, newest first, with the reports expected, submitted and
 * submitted on time, per sector and in total (DHIS2's reporting rate and timeliness).
 */
export function CompletenessCard({ orgUnitId }: { orgUnitId: number }) {
  const { t, label } = useLocale();
  const rangeText = useRangeText();
  const report = useQuery({
    queryKey: reportKeys.completeness(orgUnitId),
    queryFn: ({ signal }) => getCompleteness(orgUnitId, signal),
  });

  const sectorCell = (c: Completeness | undefined) =>
    c && c.expected > 0 ? (
      <span>
        {`${c.submitted}/${c.expected}`}
        <Typography.Text type="secondary">
          {` ${t('reports.completeness.onTimeShort', { n: c.onTime })}`}
        </Typography.Text>
      </span>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: TableColumnsType<Week> = [
    {
      key: 'week',
      title: t('reports.week'),
      fixed: 'left',
      render: (_: unknown, w) => rangeText(w.periodFrom, w.periodTo),
    },
    {
      key: 'due',
      title: t('reports.due'),
      render: (_: unknown, w) => formatDateTime(w.dueAt),
    },
    ...(report.data?.sectors ?? []).map((s) => ({
      key: `sector:${s}`,
      title: label(SECTOR_LABELS[s]),
      align: 'center' as const,
      render: (_: unknown, w: Week) => sectorCell(w.bySector[s]),
    })),
    {
      key: 'total',
      title: t('reports.total'),
      align: 'center',
      children: [
        {
          key: 'expected',
          title: t('reports.completeness.expectedShort'),
          align: 'right',
          render: (_: unknown, w: Week) => w.completeness.expected,
        },
        {
          key: 'submitted',
          title: t('reports.completeness.submittedShort'),
          align: 'right',
          render: (_: unknown, w: Week) => w.completeness.submitted,
        },
        {
          key: 'submittedRate',
          title: t('reports.completeness.submittedRate'),
          align: 'right',
          render: (_: unknown, w: Week) => rateText(w.completeness.submittedRate),
        },
        {
          key: 'onTime',
          title: t('reports.completeness.onTimeShort2'),
          align: 'right',
          render: (_: unknown, w: Week) => w.completeness.onTime,
        },
        {
          key: 'onTimeRate',
          title: t('reports.completeness.onTimeRate'),
          align: 'right',
          render: (_: unknown, w: Week) => rateText(w.completeness.onTimeRate),
        },
      ],
    },
  ];

  return (
    <Card
      size="small"
      title={t('reports.completeness.title')}
      extra={<Typography.Text type="secondary">{t('reports.completeness.hint')}</Typography.Text>}
    >
      <ErrorAlert error={report.error} />
      <div role="region" aria-label={t('reports.completeness.title')}>
        <Table<Week>
          rowKey="periodFrom"
          size="small"
          bordered
          columns={columns}
          dataSource={[...(report.data?.weeks ?? [])].sort((a, b) =>
            b.periodFrom.localeCompare(a.periodFrom),
          )}
          loading={report.isFetching}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
        />
      </div>
    </Card>
  );
}
