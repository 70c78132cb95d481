import { Tag } from 'antd';
import {
  CERTIFICATE_STATE_LABELS,
  HOT_WORK_LEVEL_LABELS,
  HOT_WORK_STATUS_LABELS,
  type CertificateState,
  type HotWorkLevel,
  type HotWorkStatus,
  type HotWorkWindowState,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import '../../../i18n/messages-duty-work';

const tagStyle = { marginInlineEnd: 0 } as const;

const STATUS_COLORS: Record<HotWorkStatus, string> = {
  requested: 'gold',
  approved: 'blue',
  in_progress: 'processing',
  closed: 'success',
  rejected: 'error',
  cancelled: 'default',
};

/** A permit's status as a coloured tag. */
export function PermitStatusTag({ status }: { status: HotWorkStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-status={status}>
      {label(HOT_WORK_STATUS_LABELS[status])}
    </Tag>
  );
}

/** 特级 red, 一级 orange, 二级 plain. */
export function HotWorkLevelTag({ level }: { level: HotWorkLevel }) {
  const { label } = useLocale();
  const color = level === 'special' ? 'red' : level === 'level1' ? 'orange' : 'default';
  return (
    <Tag color={color} style={tagStyle}>
      {label(HOT_WORK_LEVEL_LABELS[level])}
    </Tag>
  );
}

const WINDOW_KEYS: Record<HotWorkWindowState, MessageKey> = {
  before: 'hw.permit.windowBefore',
  open: 'hw.permit.windowOpen',
  after: 'hw.permit.windowAfter',
};

/** Where now lies against the permit's window (only worth showing while the permit is live). */
export function WindowTag({ state }: { state: HotWorkWindowState }) {
  const { t } = useLocale();
  const color = state === 'open' ? 'green' : state === 'after' ? 'default' : 'cyan';
  return (
    <Tag color={color} style={tagStyle} bordered={false}>
      {t(WINDOW_KEYS[state])}
    </Tag>
  );
}

const STATE_COLORS: Record<CertificateState, string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  withdrawn: 'default',
};

/** A certificate's state (即将到期 / 已过期 …) with the days left or past. */
export function CertificateStateTag({
  state,
  daysLeft,
}: {
  state: CertificateState;
  daysLeft: number;
}) {
  const { t, label } = useLocale();
  const text =
    state === 'expiring'
      ? daysLeft === 0
        ? t('hw.cert.expiresToday')
        : t('hw.cert.expiringDays', { n: daysLeft })
      : state === 'expired'
        ? t('hw.cert.expiredDays', { n: -daysLeft })
        : label(CERTIFICATE_STATE_LABELS[state]);
  return (
    <Tag color={STATE_COLORS[state]} style={tagStyle} data-state={state}>
      {text}
    </Tag>
  );
}
