import { Tag } from 'antd';
import {
  SELF_INSPECTION_ANSWER_LABELS,
  SELF_INSPECTION_STATUS_LABELS,
  type SelfInspectionAnswer,
  type SelfInspectionStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';

const STATUS_COLORS: Record<SelfInspectionStatus, string> = {
  draft: 'processing',
  submitted: 'success',
  discarded: 'default',
};

const ANSWER_COLORS: Record<SelfInspectionAnswer, string> = {
  compliant: 'green',
  problem: 'red',
  not_applicable: 'default',
};

/** The status of a run as a coloured tag. */
export function SelfInspectionStatusTag({ status }: { status: SelfInspectionStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(SELF_INSPECTION_STATUS_LABELS[status])}
    </Tag>
  );
}

/** An item's answer as a coloured tag. */
export function SelfInspectionAnswerTag({ answer }: { answer: SelfInspectionAnswer }) {
  const { label } = useLocale();
  return (
    <Tag color={ANSWER_COLORS[answer]} style={{ marginInlineEnd: 0 }}>
      {label(SELF_INSPECTION_ANSWER_LABELS[answer])}
    </Tag>
  );
}
