import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import {
  HAZARD_LIST_FIELD_LABELS,
  type HazardListLayout,
  type HazardListRow,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-reports';

type Props = {
  layout: HazardListLayout;
  rows: HazardListRow[];
  /** The layout page shows the header alone. */
  preview?: boolean;
  caption: string;
};

/**
 * 附件5, the open major hazards at the end of the period, with the columns of its layout. The
 * description (or, without one, the first column) links to the hazard's page.
 */
export function HazardListTable({ layout, rows, preview, caption }: Props) {
  const { t, label } = useLocale();
  const linkField =
    layout.columns.find((c) => c.field === 'description')?.field ?? layout.columns[0]?.field;

  const columns: TableColumnsType<HazardListRow & { seq: number }> = layout.columns.map((c) => ({
    key: c.field,
    title: label(c.label ?? HAZARD_LIST_FIELD_LABELS[c.field]),
    align: c.field === 'seq' ? 'center' : undefined,
    render: (_: unknown, row) => {
      const text = c.field === 'seq' ? String(row.seq) : row[c.field];
      if (c.field === linkField) return <Link to={`/hazards/${row.hazardId}`}>{text || '—'}</Link>;
      if (c.field === 'enterprise')
        return <Link to={`/enterprises/${row.enterpriseId}`}>{text}</Link>;
      return text || <Typography.Text type="secondary">—</Typography.Text>;
    },
  }));

  return (
    <div role="region" aria-label={caption}>
      <Table<HazardListRow & { seq: number }>
        bordered
        size="small"
        rowKey="hazardId"
        columns={columns}
        dataSource={rows.map((r, i) => ({ ...r, seq: i + 1 }))}
        pagination={preview || rows.length <= 50 ? false : { pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: preview ? t('reports.layouts.previewEmpty') : t('reports.hazards.none'),
        }}
      />
    </div>
  );
}
