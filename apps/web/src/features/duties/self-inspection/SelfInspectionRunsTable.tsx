import { Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { SelfInspectionListItem } from '@hazard-ledger/domain';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { SelfInspectionStatusTag } from './self-inspection-labels';
import '../../../i18n/messages-duty-self';

type Props = {
  items: readonly SelfInspectionListItem[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Show the enterprise column (staff looking at several enterprises). */
  showEnterprise?: boolean;
};

/** Runs with their date, campaign, status, progress, problems and signature. */
export function SelfInspectionRunsTable({
  items,
  loading,
  total,
  page,
  pageSize,
  onPage,
  showEnterprise = false,
}: Props) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const columns: TableColumnsType<SelfInspectionListItem> = [
    {
      title: t('selfInspections.col.date'),
      dataIndex: 'inspectionDate',
      key: 'date',
      width: 120,
      render: (_: unknown, r) => <Link to={`/self-inspections/${r.id}`}>{r.inspectionDate}</Link>,
    },
    ...(showEnterprise
      ? [
          {
            title: t('selfInspections.col.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
          },
        ]
      : []),
    {
      title: t('selfInspections.col.campaign'),
      dataIndex: 'campaignName',
      key: 'campaign',
      responsive: ['md'],
      render: (_: unknown, r) => r.campaignName ?? t('selfInspections.noCampaignShort'),
    },
    {
      title: t('selfInspections.col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <SelfInspectionStatusTag status={r.status} />,
    },
    {
      title: t('selfInspections.col.progress'),
      key: 'progress',
      width: 130,
      render: (_: unknown, r) =>
        t('selfInspections.progress', { n: r.progress.answered, m: r.progress.total }),
    },
    {
      title: t('selfInspections.col.problems'),
      key: 'problems',
      width: 90,
      render: (_: unknown, r) =>
        r.progress.problems > 0 ? (
          <Typography.Text type="danger">{r.progress.problems}</Typography.Text>
        ) : (
          0
        ),
    },
    {
      title: t('selfInspections.col.signed'),
      key: 'signed',
      responsive: ['lg'],
      render: (_: unknown, r) =>
        r.submittedAt ? `${r.signerName ?? ''} ${formatDateTime(r.submittedAt)}` : '—',
    },
  ];
  return (
    <Table<SelfInspectionListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: t('selfInspections.empty') }}
      scroll={screens.md ? undefined : { x: 480 }}
      pagination={{
        current: page,
        pageSize,
        total,
        hideOnSinglePage: true,
        showTotal: (n) => t('common.total', { total: n }),
        size: screens.md ? undefined : 'small',
        onChange: onPage,
      }}
    />
  );
}
