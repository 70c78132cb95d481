import { useState } from 'react';
import { Drawer, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FIGURE_PERIOD_LABELS, FIGURES, type DrillDownRow } from '@hazard-ledger/domain';
import {
  getDrillDown,
  reportKeys,
  type DispatchReportQuery,
  type DrillDownQuery,
} from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import type { FigureCell } from './ProgressTable';
import { figureHint, periodLabelOf } from './report-labels';

type Props = {
  /** The report (with its version when a frozen one is shown). */
  report: DispatchReportQuery;
  /** The number opened; null while the drawer is closed. */
  cell: FigureCell | null;
  onClose: () => void;
};

const PAGE_SIZE = 20;

/**
 * The records behind one number of a report, page by page, each linked to its own page. For a
 * frozen version the server answers from the record ids kept in the snapshot.
 */
export function DrillDownDrawer({ report, cell, onClose }: Props) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const query: DrillDownQuery | null = cell
    ? { ...report, figure: cell.figure, period: cell.period, page, pageSize: PAGE_SIZE }
    : null;
  const rows = useQuery({
    queryKey: query ? reportKeys.drillDown(query) : ['reports', 'drilldown', 'closed'],
    queryFn: ({ signal }) => getDrillDown(query!, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

  const def = cell ? FIGURES[cell.figure] : null;
  const periodText = cell
    ? label(cell.period === 'week' ? periodLabelOf(report.kind) : FIGURE_PERIOD_LABELS.cumulative)
    : '';
  const title = def ? `${def.zh}（${periodText}）` : '';

  const columns: TableColumnsType<DrillDownRow> = [
    {
      key: 'title',
      title: t('reports.drill.record'),
      render: (_: unknown, r) =>
        r.href ? (
          <Link to={r.href} target="_blank" rel="noopener">
            {r.title}
          </Link>
        ) : (
          r.title
        ),
    },
    {
      key: 'enterprise',
      title: t('reports.drill.enterprise'),
      render: (_: unknown, r) =>
        r.enterpriseId && r.enterpriseName ? (
          <Link to={`/enterprises/${r.enterpriseId}`} target="_blank" rel="noopener">
            {r.enterpriseName}
          </Link>
        ) : (
          (r.enterpriseName ?? '—')
        ),
    },
    { key: 'date', title: t('reports.drill.date'), render: (_: unknown, r) => r.date ?? '—' },
    { key: 'status', title: t('reports.drill.status'), render: (_: unknown, r) => r.status ?? '—' },
  ];

  return (
    <Drawer
      open={cell !== null}
      onClose={onClose}
      title={title}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setPage(1);
      }}
    >
      {cell ? (
        <>
          <InfoNote>
            <Typography.Text>{figureHint(cell.figure)}</Typography.Text>
          </InfoNote>
          {report.versionId ? (
            <Typography.Paragraph type="secondary">
              {t('reports.drill.frozen')}
            </Typography.Paragraph>
          ) : null}
          <ErrorAlert error={rows.error} />
          <Table<DrillDownRow>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows.data?.items ?? []}
            loading={rows.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: setPage,
            }}
          />
        </>
      ) : null}
    </Drawer>
  );
}
