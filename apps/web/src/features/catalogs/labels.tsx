import type { CSSProperties } from 'react';
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  ENTERPRISE_TAG_LABELS,
  SECTOR_LABELS,
  SUB_TYPE_LABELS,
  SECTORS,
  type CatalogItemView,
  type EnterpriseTag,
  type Sector,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-catalog';

type LabelFn = (l: { zh: string; en: string } | undefined) => string;

/** "2025-05-25" for an ISO date or time, "—" when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

/** Sectors as small tags. */
export function SectorTags({
  sectors,
  style,
}: {
  sectors: readonly Sector[];
  style?: CSSProperties;
}) {
  const { label } = useLocale();
  if (sectors.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap style={style}>
      {sectors.map((s) => (
        <Tag key={s} style={{ marginInlineEnd: 0 }}>
          {label(SECTOR_LABELS[s])}
        </Tag>
      ))}
    </Space>
  );
}

/** The label of a sub-type, whichever sector it belongs to (the raw value when unknown). */
export function anySubTypeLabel(subType: string, label: LabelFn): string {
  for (const s of SECTORS) {
    const l = SUB_TYPE_LABELS[s][subType];
    if (l) return label(l);
  }
  return subType;
}

/** The label of an enterprise tag (the raw value when unknown). */
export function tagLabel(tag: string, label: LabelFn): string {
  return label(ENTERPRISE_TAG_LABELS[tag as EnterpriseTag]) || tag;
}

/** 待补充 / 地方补充 / 已作废 markers of an item. */
export function ItemMarkers({
  item,
}: {
  item: Pick<CatalogItemView, 'completeness' | 'local'> & { voided?: boolean };
}) {
  const { t } = useLocale();
  const tags = [];
  if (item.completeness === 'incomplete') {
    tags.push(
      <Tag key="gap" color="warning" style={{ marginInlineEnd: 0 }}>
        {t('catalogs.incompleteTag')}
      </Tag>,
    );
  }
  if (item.local) {
    tags.push(
      <Tag key="local" color="blue" style={{ marginInlineEnd: 0 }}>
        {t('catalogs.localTag')}
      </Tag>,
    );
  }
  if (item.voided) {
    tags.push(
      <Tag key="void" style={{ marginInlineEnd: 0 }}>
        {t('catalogs.voidedTag')}
      </Tag>,
    );
  }
  if (tags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {tags}
    </Space>
  );
}

/**
 * The text of an item: its requirement, or a note that the text is missing; for a 待补充 item
 * the gap note (what is missing) in the warning colour.
 */
export function ItemText({
  item,
}: {
  item: Pick<CatalogItemView, 'requirement' | 'completeness' | 'gapNote'>;
}) {
  const { t } = useLocale();
  return (
    <>
      {item.requirement ? (
        <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
          {item.requirement}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {t('catalogs.noRequirement')}
        </Typography.Paragraph>
      )}
      {item.completeness === 'incomplete' ? (
        <Typography.Text type="warning">
          {t('catalogs.gapNote', { note: item.gapNote ?? '—' })}
        </Typography.Text>
      ) : null}
    </>
  );
}

/** Which enterprises an item applies to, in words. */
export function AppliesTo({ appliesTo }: { appliesTo: CatalogItemView['appliesTo'] }) {
  const { t, label } = useLocale();
  const sectors = appliesTo.sectors.map((s) => label(SECTOR_LABELS[s])).join('、');
  return (
    <Space orientation="vertical" size={2}>
      <span>{sectors}</span>
      {appliesTo.subTypes ? (
        <Typography.Text type="secondary">
          {t('catalogs.appliesSubTypes', {
            list: appliesTo.subTypes.map((s) => anySubTypeLabel(s, label)).join('、'),
          })}
        </Typography.Text>
      ) : null}
      {appliesTo.tags ? (
        <Typography.Text type="secondary">
          {t('catalogs.appliesTags', {
            list: appliesTo.tags.map((s) => tagLabel(s, label)).join('、'),
          })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** The same in one line: 非煤矿山（地下矿山；须具有：粉尘涉爆）. */
export function AppliesToInline({ appliesTo }: { appliesTo: CatalogItemView['appliesTo'] }) {
  const { label } = useLocale();
  const parts = [
    appliesTo.subTypes?.map((s) => anySubTypeLabel(s, label)).join('、'),
    appliesTo.tags?.map((s) => tagLabel(s, label)).join('、'),
  ].filter(Boolean);
  const sectors = appliesTo.sectors.map((s) => label(SECTOR_LABELS[s])).join('、');
  return <>{parts.length > 0 ? `${sectors}（${parts.join('；')}）` : sectors}</>;
}
