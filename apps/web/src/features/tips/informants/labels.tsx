import { Tag } from 'antd';
import {
  fenToYuan,
  REWARD_FINDING_LABELS,
  REWARD_STATUS_LABELS,
  TIP_STATUS_LABELS,
  TIP_VERIFICATION_RESULT_LABELS,
  type RewardFinding,
  type RewardStatus,
  type TipStatus,
  type TipVerificationResult,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';

// Small display pieces shared by the informant, report and reward pages.

/** Money in fen as "¥1,234.50". */
export function yuan(fen: number): string {
  const [whole, frac] = fenToYuan(fen).split('.');
  return `¥${Number(whole).toLocaleString('en-US')}.${frac}`;
}

const TIP_STATUS_COLORS: Record<TipStatus, string> = {
  received: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  verifying: 'orange',
  verified: 'green',
  closed: 'default',
};

/** A tip's status as a coloured tag. */
export function TipStatusTag({ status }: { status: TipStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={TIP_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(TIP_STATUS_LABELS[status])}
    </Tag>
  );
}

/** A verification result as text (nothing while unverified). */
export function VerificationText({ result }: { result: TipVerificationResult | null }) {
  const { label } = useLocale();
  return result ? <>{label(TIP_VERIFICATION_RESULT_LABELS[result])}</> : <>—</>;
}

const REWARD_STATUS_COLORS: Record<RewardStatus, string> = {
  proposed: 'orange',
  approved: 'blue',
  paid: 'green',
  rejected: 'default',
};

/** A reward case's status as a coloured tag. */
export function RewardStatusTag({ status }: { status: RewardStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={REWARD_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(REWARD_STATUS_LABELS[status])}
    </Tag>
  );
}

/** What a tip found, as a tag (major hazards in red). */
export function FindingTag({ finding }: { finding: RewardFinding }) {
  const { label } = useLocale();
  return (
    <Tag color={finding === 'major_hazard' ? 'red' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {label(REWARD_FINDING_LABELS[finding])}
    </Tag>
  );
}
