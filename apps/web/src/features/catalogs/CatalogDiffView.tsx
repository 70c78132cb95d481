import { Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import {
  DIFF_FIELD_LABELS,
  ENTERPRISE_TAG_LABELS,
  ITEM_COMPLETENESS_LABELS,
  SECTOR_LABELS,
  type CatalogDiff,
  type DiffField,
  type EnterpriseTag,
  type FieldChange,
  type ItemCompleteness,
  type Sector,
} from '@hazard-ledger/domain';
import { useLocale, type LocaleContextValue } from '../../i18n/locale-context';
import { anySubTypeLabel } from './labels';

/** English names of the diff fields (DIFF_FIELD_LABELS holds the Chinese ones). */
const DIFF_FIELD_LABELS_EN: Record<DiffField, string> = {
  section: 'Section',
  clause: 'Clause',
  parentCode: 'Parent code',
  title: 'Title',
  requirement: 'Requirement',
  completeness: 'Completeness',
  gapNote: 'Missing text note',
  sourceStatus: 'Source status',
  'appliesTo.sectors': 'Sectors',
  'appliesTo.subTypes': 'Sub-types',
  'appliesTo.tags': 'Tags',
  local: 'Local item',
};

type Value = FieldChange['before'];

/** A changed value in words: labels for sectors, tags, sub-types and completeness. */
export function diffValueText(
  field: DiffField,
  value: Value,
  { t, label }: Pick<LocaleContextValue, 't' | 'label'>,
): string {
  if (value === null) return t('catalogs.diffEmpty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    const names = value.map((v) => {
      if (field === 'appliesTo.sectors') return label(SECTOR_LABELS[v as Sector]) || v;
      if (field === 'appliesTo.tags') return label(ENTERPRISE_TAG_LABELS[v as EnterpriseTag]) || v;
      if (field === 'appliesTo.subTypes') return anySubTypeLabel(v, label);
      return v;
    });
    return names.length > 0 ? names.join('、') : t('catalogs.diffEmpty');
  }
  if (field === 'completeness') {
    return label(ITEM_COMPLETENESS_LABELS[value as ItemCompleteness]) || value;
  }
  return value;
}

function ItemLine({ item }: { item: { code: string; clause: string; title: string } }) {
  return (
    <Flex gap={8} wrap align="baseline">
      <Typography.Text code>{item.code}</Typography.Text>
      <Typography.Text type="secondary">{item.clause}</Typography.Text>
      <Typography.Text>{item.title}</Typography.Text>
    </Flex>
  );
}

/** What a version changed against the one it is based on: added, removed, changed field by field. */
export function CatalogDiffView({ diff }: { diff: CatalogDiff }) {
  const locale = useLocale();
  const { t } = locale;
  const s = diff.summary;
  const fieldName = (f: DiffField) =>
    locale.locale === 'en' ? DIFF_FIELD_LABELS_EN[f] : DIFF_FIELD_LABELS[f];

  const sections = [
    diff.added.length > 0 && {
      key: 'added',
      label: t('catalogs.diffAdded', { n: diff.added.length }),
      children: (
        <Flex vertical gap={6}>
          {diff.added.map((i) => (
            <ItemLine key={i.code} item={i} />
          ))}
        </Flex>
      ),
    },
    diff.removed.length > 0 && {
      key: 'removed',
      label: t('catalogs.diffRemoved', { n: diff.removed.length }),
      children: (
        <Flex vertical gap={6}>
          {diff.removed.map((i) => (
            <ItemLine key={i.code} item={i} />
          ))}
        </Flex>
      ),
    },
    diff.changed.length > 0 && {
      key: 'changed',
      label: t('catalogs.diffChanged', { n: diff.changed.length }),
      children: (
        <Flex vertical gap={16}>
          {diff.changed.map((i) => (
            <div key={i.code} data-testid={`diff-${i.code}`}>
              <ItemLine item={i} />
              <ul style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>
                {i.changes.map((c) => (
                  <li key={c.field} style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>
                    <Typography.Text strong>{fieldName(c.field)}：</Typography.Text>
                    <Typography.Text delete type="secondary">
                      {diffValueText(c.field, c.before, locale)}
                    </Typography.Text>
                    <span aria-label={t('catalogs.diffArrow')}> → </span>
                    <Typography.Text mark>
                      {diffValueText(c.field, c.after, locale)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Flex>
      ),
    },
  ].filter((x) => x !== false);

  return (
    <Flex vertical gap={12}>
      <Space size={[8, 8]} wrap>
        <Tag color="green">{t('catalogs.diffAdded', { n: s.added })}</Tag>
        <Tag color="red">{t('catalogs.diffRemoved', { n: s.removed })}</Tag>
        <Tag color="orange">{t('catalogs.diffChanged', { n: s.changed })}</Tag>
        <Tag>{t('catalogs.diffUnchanged', { n: s.unchanged })}</Tag>
      </Space>
      {sections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalogs.diffNone')} />
      ) : (
        <Collapse size="small" items={sections} defaultActiveKey={sections.map((x) => x.key)} />
      )}
    </Flex>
  );
}
