import type { ReactNode } from 'react';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  FIGURES,
  headerRows,
  type FigureKey,
  type FigurePeriod,
  type ProgressTableLayout,
  type ReportFigures,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import { figureHint, formatFigure } from './report-labels';

/** One line of a progress table: a reporting unit (or 合计) and its figures (null: none). */
export type ProgressRow = {
  key: string;
  unitName: ReactNode;
  figures: ReportFigures | null;
};

/** A column placed between 填报单位 and the figures (e.g. the roll-up's 报送情况). */
export type LeadingColumn<R extends ProgressRow> = {
  key: string;
  title: string;
  width?: number;
  render: (row: R) => ReactNode;
};

type Column<R> = TableColumnsType<R>[number];

/** One cell's figure and period, for turning its number into a link. */
export type FigureCell = { figure: FigureKey; period: FigurePeriod };

type Props<R extends ProgressRow> = {
  layout: ProgressTableLayout;
  /** 本周 for weekly reports, 本期 for milestone ones. */
  periodLabel: { zh: string; en: string };
  rows: R[];
  leadingColumns?: LeadingColumn<R>[];
  /**
   * Wraps a number in a link (drill-down or the district's report); absent or null: plain text.
   * Never called for "—" cells.
   */
  renderNumber?: (row: R, cell: FigureCell, value: number, text: string) => ReactNode;
  loading?: boolean;
  emptyText?: ReactNode;
  /** The table's accessible name. */
  caption: string;
};

/** A figure's header: its label and unit, with the definition (or why there is no data) on hover. */
function FigureHeader({ figure, text }: { figure: FigureKey; text: string }) {
  const supported = FIGURES[figure].supported;
  return (
    <Tooltip title={figureHint(figure)} styles={{ root: { maxWidth: 420 } }}>
      <span
        tabIndex={0}
        data-figure-header={figure}
        style={{
          display: 'inline-block',
          minWidth: 56,
          maxWidth: 150,
          whiteSpace: 'normal',
          cursor: 'help',
          borderBottom: '1px dashed currentColor',
          color: supported ? undefined : 'rgba(0,0,0,0.45)',
        }}
      >
        {text}
      </span>
    </Tooltip>
  );
}

/**
 * A progress table (附件1–4) drawn from its layout: 填报单位 spanning the three header rows,
 * then group titles, figure labels (hover: the definition) and 本周/累计, merged as printed.
 * The page, the roll-up and the layout preview all use it.
 */
export function ProgressTable<R extends ProgressRow>({
  layout,
  periodLabel,
  rows,
  leadingColumns = [],
  renderNumber,
  loading,
  emptyText,
  caption,
}: Props<R>) {
  const { t, label } = useLocale();
  const header = headerRows(layout, periodLabel);

  const valueCell = (row: R, cell: FigureCell): ReactNode => {
    const def = FIGURES[cell.figure];
    const value = row.figures?.[cell.figure]?.[cell.period] ?? null;
    if (value === null) {
      // An unsupported figure says why on hover; a missing ratio (nothing to divide) is just "—".
      return !def.supported && row.figures ? (
        <Tooltip title={def.unsupportedReason}>
          <Typography.Text type="secondary">—</Typography.Text>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      );
    }
    const text = formatFigure(value, def.unit);
    return renderNumber ? renderNumber(row, cell, value, text) : text;
  };

  const leaf = (cell: FigureCell, title: ReactNode): Column<R> => ({
    key: `${cell.figure}:${cell.period}`,
    title,
    align: 'right',
    render: (_: unknown, row: R) => valueCell(row, cell),
  });

  // headerRows lists the figure and period cells in layout order: walk them alongside.
  let figureIndex = 0;
  let periodIndex = 0;
  const figureColumns: TableColumnsType<R> = layout.groups.map((group, gi) => ({
    key: `group:${gi}`,
    title: label(header.groups[gi]?.label),
    align: 'center',
    children: group.columns.map((column) => {
      const figureHeader = header.figures[figureIndex++];
      const title = <FigureHeader figure={column.figure} text={label(figureHeader?.label)} />;
      if (column.periods.length === 1) {
        periodIndex++;
        return leaf({ figure: column.figure, period: column.periods[0]! }, title);
      }
      return {
        key: `figure:${column.figure}`,
        title,
        align: 'center',
        children: column.periods.map((period) =>
          leaf({ figure: column.figure, period }, label(header.periods[periodIndex++]?.label)),
        ),
      };
    }),
  }));

  const columns: TableColumnsType<R> = [
    {
      key: 'unit',
      title: t('reports.unit'),
      fixed: 'left',
      width: 140,
      render: (_: unknown, row: R) => row.unitName,
    },
    ...leadingColumns.map((c): Column<R> => ({
      key: c.key,
      title: c.title,
      width: c.width,
      render: (_: unknown, row: R) => c.render(row),
    })),
    ...figureColumns,
  ];

  return (
    <div role="region" aria-label={caption}>
      <Table<R>
        className="hl-progress-table"
        bordered
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={emptyText ? { emptyText } : undefined}
      />
    </div>
  );
}
