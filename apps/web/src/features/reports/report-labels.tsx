import { Tag, Tooltip } from 'antd';
import {
  FIGURE_PERIOD_LABELS,
  FIGURES,
  MILESTONE_PERIOD_LABEL,
  REPORT_STATUS_LABELS,
  type FigureKey,
  type FigureUnit,
  type ReportKind,
  type ReportStatus,
} from '@hazard-ledger/domain';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-reports';

/** A figure's value as the tables print it: "—" when there is none, no float noise. */
export function formatFigure(value: number | null | undefined, unit?: FigureUnit): string {
  if (value === null || value === undefined) return '—';
  // Money is in 万元 to the fen (six decimals); sums can carry float error beyond that.
  const exact = Number(value.toFixed(6));
  return unit === '%' ? exact.toFixed(1) : String(exact);
}

/** The label of the "this period" column: 本周 for weekly reports, 本期 for milestone ones. */
export function periodLabelOf(kind: ReportKind): { zh: string; en: string } {
  return kind === 'milestone' ? MILESTONE_PERIOD_LABEL : FIGURE_PERIOD_LABELS.week;
}

/** Whether a number of a figure has records behind it (ratios and unsupported figures do not). */
export function isDrillable(figure: FigureKey): boolean {
  const def = FIGURES[figure];
  return def.supported && def.kind !== 'ratio' && def.recordType !== undefined;
}

/** What a figure's header says on hover: its definition, or why there is no data. */
export function figureHint(figure: FigureKey): string {
  const def = FIGURES[figure];
  return def.supported ? def.definition : (def.unsupportedReason ?? def.definition);
}

const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'default',
  confirmed: 'processing',
  submitted: 'success',
};

/** 草稿 / 执法数据已确认 / 已报送 vN. */
export function ReportStatusTag({
  status,
  version,
}: {
  status: ReportStatus;
  version: number | null;
}) {
  const { label } = useLocale();
  const text = label(REPORT_STATUS_LABELS[status]);
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="report-status">
      {status === 'submitted' && version !== null ? `${text} v${version}` : text}
    </Tag>
  );
}

/** 按时 / 逾期 for a submitted report, with the deadline on hover. */
export function OnTimeTag({ onTime, dueAt }: { onTime: boolean; dueAt?: string }) {
  const { t } = useLocale();
  const tag = (
    <Tag color={onTime ? 'green' : 'red'}>{onTime ? t('reports.onTime') : t('reports.late')}</Tag>
  );
  return dueAt ? (
    <Tooltip title={t('reports.dueAt', { due: formatDateTime(dueAt) })}>{tag}</Tooltip>
  ) : (
    tag
  );
}

/** "2026-11-16 至 2026-11-22". */
export function useRangeText(): (from: string, to: string) => string {
  const { t } = useLocale();
  return (from, to) => t('reports.range', { from, to });
}
