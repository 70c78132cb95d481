import { Tag } from 'antd';
import {
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  SUPERVISION_LABELS,
  type HazardLevel,
  type HazardStatus,
  type SupervisionLevel,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-hazard';

// Kept in its own file so the home page's to-do card shows deadlines without the label tables.
export { DeadlineText } from './deadline-text';

const STATUS_COLORS: Record<HazardStatus, string> = {
  reported: 'blue',
  planned: 'gold',
  rectifying: 'processing',
  fixed_on_spot: 'cyan',
  rectified: 'purple',
  verified: 'success',
};

const tagStyle = { marginInlineEnd: 0 } as const;

/** The loop status as a coloured tag (已销号 green). */
export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-status={status}>
      {label(HAZARD_STATUS_LABELS[status])}
    </Tag>
  );
}

/** 重大事故隐患 in red, 一般隐患 plain. */
export function HazardLevelTag({ level }: { level: HazardLevel }) {
  const { label } = useLocale();
  return (
    <Tag color={level === 'major' ? 'red' : 'default'} style={tagStyle}>
      {label(HAZARD_LEVEL_LABELS[level])}
    </Tag>
  );
}

/** 区/市/省级挂牌督办; nothing when not supervised. */
export function SupervisionTag({ level }: { level: SupervisionLevel | null }) {
  const { label } = useLocale();
  if (!level) return null;
  return (
    <Tag color="magenta" style={tagStyle}>
      {label(SUPERVISION_LABELS[level])}
    </Tag>
  );
}

/** A red 逾期 tag. */
export function OverdueTag() {
  const { t } = useLocale();
  return (
    <Tag color="error" style={tagStyle} data-overdue="true">
      {t('hazards.overdue')}
    </Tag>
  );
}

/** "85000.50" → "85,000.50" (the amount stays a string: no float rounding). */
export function formatYuan(yuan: string | null | undefined): string {
  if (!yuan) return '—';
  const [whole = '0', frac] = yuan.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac !== undefined ? `${grouped}.${frac.padEnd(2, '0')}` : `${grouped}.00`;
}
