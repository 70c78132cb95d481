import type { ReactNode } from 'react';
import { Button, Card, Flex, Space, Tag, theme, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CONTRACT_FLAG_LABELS } from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-duty-records';

/** Fills `{name}` placeholders of a domain label from a flag's detail. */
export function fill(text: string, detail?: Record<string, string | number>): string {
  if (!detail) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in detail ? String(detail[name]) : whole,
  );
}

type Flag = { code: keyof typeof CONTRACT_FLAG_LABELS; detail?: Record<string, string | number> };

/** A contract's problems (red) and warnings (orange). */
export function FlagTags({ problems, warnings }: { problems: Flag[]; warnings: Flag[] }) {
  const { label } = useLocale();
  if (problems.length + warnings.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {problems.map((p) => (
        <Tag key={p.code} color="error">
          {fill(label(CONTRACT_FLAG_LABELS[p.code]), p.detail)}
        </Tag>
      ))}
      {warnings.map((w) => (
        <Tag key={w.code} color="warning">
          {fill(label(CONTRACT_FLAG_LABELS[w.code]), w.detail)}
        </Tag>
      ))}
    </Flex>
  );
}

/** A met / not met tag for one requirement. */
export function MetTag({ met, yes, no }: { met: boolean; yes: string; no: string }) {
  return <Tag color={met ? 'success' : 'error'}>{met ? yes : no}</Tag>;
}

/** A card section of a tab, with its status and an add button for those who may record. */
export function Section({
  title,
  status,
  addLabel,
  onAdd,
  children,
}: {
  title: string;
  status?: ReactNode;
  addLabel?: string;
  onAdd?: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} wrap align="center">
          <span>{title}</span>
          {status}
        </Flex>
      }
      extra={
        onAdd && addLabel ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {children}
    </Card>
  );
}

/** Edit and void links of a record row. */
export function RowActions({ onEdit, onVoid }: { onEdit: () => void; onVoid: () => void }) {
  const { t } = useLocale();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" danger onClick={onVoid}>
        {t('dutyRecords.void')}
      </Button>
    </Space>
  );
}

/** Multi-line text as written. */
export function Pre({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {children}
    </Typography.Paragraph>
  );
}

/** One record in a section: a title line with tags and actions, then its details. */
export function Item({
  title,
  tags,
  actions,
  children,
  label,
}: {
  title: ReactNode;
  tags?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /** Accessible name of the item (for screen readers and tests). */
  label: string;
}) {
  const { token } = theme.useToken();
  return (
    <section
      aria-label={label}
      style={{ borderBottom: `1px solid ${token.colorSplit}`, padding: '10px 0' }}
    >
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
          <Typography.Text strong>{title}</Typography.Text>
          {tags}
        </Flex>
        {actions}
      </Flex>
      {children ? <div style={{ marginTop: 6 }}>{children}</div> : null}
    </section>
  );
}

/** A label: value line inside an item. */
export function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{name}：</Typography.Text>
      {children}
    </div>
  );
}
