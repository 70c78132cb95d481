import { Tag, Typography, theme } from 'antd';
import {
  TIP_CHANNEL_LABELS,
  TIP_STATUS_LABELS,
  TIP_VERIFICATION_RESULT_LABELS,
  type TipChannel,
  type TipStatus,
  type TipVerificationResult,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-tips';

const STATUS_COLORS: Record<TipStatus, string> = {
  received: 'blue',
  accepted: 'gold',
  rejected: 'default',
  verifying: 'processing',
  verified: 'purple',
  closed: 'success',
};

const RESULT_COLORS: Record<TipVerificationResult, string> = {
  true: 'red',
  partly_true: 'orange',
  not_true: 'default',
};

const tagStyle = { marginInlineEnd: 0 } as const;

/** The triage status as a coloured tag. */
export function TipStatusTag({ status }: { status: TipStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-status={status}>
      {label(TIP_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The channel a tip came by. */
export function TipChannelTag({ channel }: { channel: TipChannel }) {
  const { label } = useLocale();
  return <Tag style={tagStyle}>{label(TIP_CHANNEL_LABELS[channel])}</Tag>;
}

/** 属实 / 部分属实 / 不属实. */
export function TipResultTag({ result }: { result: TipVerificationResult | null }) {
  const { label } = useLocale();
  if (!result) return null;
  return (
    <Tag color={RESULT_COLORS[result]} style={tagStyle}>
      {label(TIP_VERIFICATION_RESULT_LABELS[result])}
    </Tag>
  );
}

/** 逾期 in red. */
export function TipOverdueTag() {
  const { t } = useLocale();
  return (
    <Tag color="red" style={tagStyle}>
      {t('tips.overdue')}
    </Tag>
  );
}

/** A due date, red when passed. */
export function DueDateText({ date, overdue }: { date: string | null; overdue: boolean }) {
  const { token } = theme.useToken();
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span
      className={overdue ? 'hl-deadline-overdue' : undefined}
      style={overdue ? { color: token.colorError, fontWeight: 500 } : undefined}
    >
      {date}
    </span>
  );
}
