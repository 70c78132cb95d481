import { Tag } from 'antd';
import {
  ON_SITE_MEASURE_LABELS,
  ORDER_STATUS_LABELS,
  REINSPECTION_OUTCOME_LABELS,
  type OnSiteMeasureKind,
  type OrderStatus,
  type ReinspectionOutcome,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-orders';

const tagStyle = { marginInlineEnd: 0 } as const;

const STATUS_COLORS: Record<OrderStatus, string> = {
  issued: 'blue',
  acknowledged: 'processing',
  reinspected: 'success',
};

/** An order's status, with a red 逾期 tag when the deadline has passed. */
export function OrderStatusTag({ status, overdue }: { status: OrderStatus; overdue: boolean }) {
  const { t, label } = useLocale();
  return (
    <>
      <Tag color={STATUS_COLORS[status]} style={tagStyle} data-status={status}>
        {label(ORDER_STATUS_LABELS[status])}
      </Tag>
      {overdue ? (
        <Tag color="error" style={{ ...tagStyle, marginInlineStart: 4 }} data-overdue="true">
          {t('orders.overdue')}
        </Tag>
      ) : null}
    </>
  );
}

const OUTCOME_COLORS: Record<ReinspectionOutcome, string> = {
  verified: 'success',
  rectified_pending: 'warning',
  persisting: 'error',
};

/** What a re-inspection did with one hazard. */
export function OutcomeTag({ outcome }: { outcome: ReinspectionOutcome }) {
  const { label } = useLocale();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} style={tagStyle} data-outcome={outcome}>
      {label(REINSPECTION_OUTCOME_LABELS[outcome])}
    </Tag>
  );
}

/** The kind of an on-site measure. */
export function MeasureKindTag({ kind }: { kind: OnSiteMeasureKind }) {
  const { label } = useLocale();
  return (
    <Tag color="volcano" style={{ ...tagStyle, whiteSpace: 'normal' }}>
      {label(ON_SITE_MEASURE_LABELS[kind])}
    </Tag>
  );
}

/** 执行中 (red) or 已解除 with the date. */
export function MeasureStateTag({
  active,
  liftedOn,
}: {
  active: boolean;
  liftedOn: string | null;
}) {
  const { t } = useLocale();
  if (active)
    return (
      <Tag color="error" style={tagStyle} data-active="true">
        {t('orders.measure.active')}
      </Tag>
    );
  return <Tag style={tagStyle}>{t('orders.measure.lifted', { date: liftedOn ?? '—' })}</Tag>;
}
