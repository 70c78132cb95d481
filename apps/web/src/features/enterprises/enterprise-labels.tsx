import { Space, Tag } from 'antd';
import {
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_TAG_LABELS,
  SUB_TYPE_LABELS,
  type EnterpriseStatus,
  type EnterpriseTag,
  type Sector,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/messages';
import '../../i18n/messages-enterprise';

const STATUS_COLOR: Record<EnterpriseStatus, string> = {
  operating: 'green',
  suspended: 'orange',
  closed: 'default',
};

/** 经营状态 as a coloured tag. */
export function StatusTag({ status }: { status: EnterpriseStatus }) {
  const { label } = useLocale();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label(ENTERPRISE_STATUS_LABELS[status])}
    </Tag>
  );
}

/** The special tags of an enterprise; "—" when none. */
export function EnterpriseTags({ tags }: { tags: readonly EnterpriseTag[] }) {
  const { label } = useLocale();
  if (tags.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {tags.map((tag) => (
        <Tag
          key={tag}
          color={tag === 'major_hazard_source' ? 'red' : 'blue'}
          style={{ marginInlineEnd: 0 }}
        >
          {label(ENTERPRISE_TAG_LABELS[tag])}
        </Tag>
      ))}
    </Space>
  );
}

/** The label of a sub-type in its sector (the raw value when unknown). */
export function subTypeLabel(
  sector: Sector,
  subType: string,
  label: (l: { zh: string; en: string } | undefined) => string,
): string {
  return label(SUB_TYPE_LABELS[sector][subType]) || subType;
}

export const OFFICE_KEYS: Record<'weihua' | 'jichu', MessageKey> = {
  weihua: 'enterprises.office.weihua',
  jichu: 'enterprises.office.jichu',
};

/** 重大危险源 levels 1–4 with their message keys. */
export const SOURCE_LEVELS = [1, 2, 3, 4] as const;
export const LEVEL_KEYS: Record<number, MessageKey> = {
  1: 'sources.level.1',
  2: 'sources.level.2',
  3: 'sources.level.3',
  4: 'sources.level.4',
};
const LEVEL_COLOR: Record<number, string> = { 1: 'red', 2: 'volcano', 3: 'orange', 4: 'gold' };

/** A hazard source level as a tag (一级 is the most dangerous). */
export function LevelTag({ level }: { level: number }) {
  const { t } = useLocale();
  const key = LEVEL_KEYS[level];
  return (
    <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }}>
      {key ? t(key) : String(level)}
    </Tag>
  );
}
