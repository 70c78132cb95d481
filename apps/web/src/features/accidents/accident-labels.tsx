import { Tag } from 'antd';
import {
  ACCIDENT_LEVEL_LABELS,
  ACCIDENT_STATUS_LABELS,
  type AccidentLevel,
  type AccidentStatus,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';

const tagStyle = { marginInlineEnd: 0 } as const;

const LEVEL_COLORS: Record<AccidentLevel, string> = {
  general: 'gold',
  larger: 'orange',
  major: 'volcano',
  extraordinary: 'red',
};

/** 一般 / 较大 / 重大 / 特别重大, warmer as the level rises. */
export function AccidentLevelTag({ level }: { level: AccidentLevel }) {
  const { label } = useLocale();
  return (
    <Tag color={LEVEL_COLORS[level]} style={tagStyle} data-level={level}>
      {label(ACCIDENT_LEVEL_LABELS[level])}
    </Tag>
  );
}

/** Only a voided record gets a tag: recorded is the normal state. */
export function AccidentStatusTag({ status }: { status: AccidentStatus }) {
  const { label } = useLocale();
  if (status !== 'voided') return null;
  return <Tag style={tagStyle}>{label(ACCIDENT_STATUS_LABELS[status])}</Tag>;
}

/** Integer fen as 元 with two decimals and thousands separators. */
export function fenToYuanText(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** 元 (as typed, up to two decimals) to integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}
