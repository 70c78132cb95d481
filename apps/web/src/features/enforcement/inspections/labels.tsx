import { Tag } from 'antd';
import {
  DUTY_STATUS_LABELS,
  INSPECTION_CHECK_RESULT_LABELS,
  INSPECTION_RECORD_STATUS_LABELS,
  type DutyStatus,
  type InspectionCheckResult,
  type InspectionRecordStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import '../../../i18n/messages-enforcement-inspections';

const STATUS_COLORS: Record<InspectionRecordStatus, string> = {
  draft: 'default',
  signing: 'processing',
  signed: 'success',
  superseded: 'warning',
};

const tagStyle = { marginInlineEnd: 0 } as const;

/** A record's status as a tag (已签名 green). */
export function RecordStatusTag({ status }: { status: InspectionRecordStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-status={status}>
      {label(INSPECTION_RECORD_STATUS_LABELS[status])}
    </Tag>
  );
}

const RESULT_COLORS: Record<InspectionCheckResult, string> = {
  compliant: 'success',
  problem: 'error',
  not_applicable: 'default',
};

/** 符合 / 存在问题 / 不适用. */
export function CheckResultTag({ result }: { result: InspectionCheckResult }) {
  const { label } = useLocale();
  return (
    <Tag color={RESULT_COLORS[result]} style={tagStyle}>
      {label(INSPECTION_CHECK_RESULT_LABELS[result])}
    </Tag>
  );
}

const DUTY_COLORS: Record<DutyStatus, string> = {
  done: 'success',
  partly: 'warning',
  missing: 'error',
};

/** 已落实 / 部分落实 / 未落实. */
export function DutyStatusTag({ status }: { status: DutyStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={DUTY_COLORS[status]} style={tagStyle}>
      {label(DUTY_STATUS_LABELS[status])}
    </Tag>
  );
}

/** History actions → their label keys. */
export const EVENT_KEYS: Record<string, MessageKey> = {
  created: 'inspections.event.created',
  edit: 'inspections.event.edit',
  submit_for_signing: 'inspections.event.submit_for_signing',
  sign: 'inspections.event.sign',
  reopen: 'inspections.event.reopen',
  acknowledge: 'inspections.event.acknowledge',
  supersede: 'inspections.event.supersede',
};

/** A positive id from a route or query parameter, else null. */
export function parseId(raw: string | null | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))
    ? Number(raw)
    : null;
}
