import { Tag } from 'antd';
import {
  PLAN_KIND_LABELS,
  PLAN_STATUS_LABELS,
  PLAN_TARGET_STATUS_LABELS,
  type PlanKind,
  type PlanStatus,
  type PlanTargetStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-enforcement-plans';

const STATUS_COLORS: Record<PlanStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  in_progress: 'processing',
  completed: 'success',
  cancelled: 'default',
};

/** The status of a plan as a coloured tag. */
export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(PLAN_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The kind of a plan (双随机, 帮扶, …). */
export function PlanKindTag({ kind }: { kind: PlanKind }) {
  const { label } = useLocale();
  return (
    <Tag color={kind === 'random' ? 'geekblue' : undefined} style={{ marginInlineEnd: 0 }}>
      {label(PLAN_KIND_LABELS[kind])}
    </Tag>
  );
}

/** The 四不两直 / cross-area flags of a plan. */
export function PlanFlags({
  unannounced,
  crossArea,
}: {
  unannounced: boolean;
  crossArea: boolean;
}) {
  const { t } = useLocale();
  return (
    <>
      {unannounced ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t('plans.unannounced')}
        </Tag>
      ) : null}
      {crossArea ? (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('plans.crossArea')}
        </Tag>
      ) : null}
    </>
  );
}

/** Whether a target was inspected yet. */
export function TargetStatusTag({ status }: { status: PlanTargetStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={status === 'inspected' ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
      {label(PLAN_TARGET_STATUS_LABELS[status])}
    </Tag>
  );
}
