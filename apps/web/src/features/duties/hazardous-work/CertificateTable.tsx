import { Button, Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  HOLDER_TYPE_LABELS,
  OPERATION_CATEGORY_LABELS,
  SECTOR_LABELS,
  type OperationCertificateView,
} from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import { CertificateStateTag } from './hazardous-work-labels';

type Props = {
  items: readonly OperationCertificateView[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
  /** Show the enterprise and sector (the office's list across enterprises). */
  showEnterprise?: boolean;
  /** Edit and withdraw buttons (the enterprise's own tab). */
  onEdit?: (cert: OperationCertificateView) => void;
  onWithdraw?: (cert: OperationCertificateView) => void;
};

/**
 * Certificates: holder, category, number, valid-until with the expiry tag, who engaged them
 * (谁招请谁负责). Server-side paging; scrolls sideways on phones.
 */
export function CertificateTable({
  items,
  loading,
  total,
  page,
  pageSize,
  onChange,
  showEnterprise,
  onEdit,
  onWithdraw,
}: Props) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const editable = !!(onEdit || onWithdraw);

  const columns: TableColumnsType<OperationCertificateView> = [
    ...(showEnterprise
      ? ([
          {
            title: t('hw.cert.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            width: 180,
          },
          {
            title: t('hw.cert.sector'),
            key: 'sector',
            width: 100,
            render: (_: unknown, c) => label(SECTOR_LABELS[c.sector]),
          },
        ] satisfies TableColumnsType<OperationCertificateView>)
      : []),
    {
      title: t('hw.cert.holder'),
      key: 'holder',
      width: 150,
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>{c.holderName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(HOLDER_TYPE_LABELS[c.holderType])}
            {c.employer ? ` · ${c.employer}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('hw.cert.category'),
      key: 'category',
      width: 170,
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>{label(OPERATION_CATEGORY_LABELS[c.category])}</span>
          {c.operationItem ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.operationItem}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t('hw.cert.number'), dataIndex: 'certificateNo', key: 'number', width: 190 },
    { title: t('hw.cert.validUntil'), dataIndex: 'validUntil', key: 'validUntil', width: 110 },
    {
      title: t('hw.cert.state'),
      key: 'state',
      width: 160,
      render: (_: unknown, c) => <CertificateStateTag state={c.state} daysLeft={c.daysLeft} />,
    },
    { title: t('hw.cert.engagedBy'), dataIndex: 'engagedBy', key: 'engagedBy', width: 150 },
    ...(editable
      ? ([
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: screens.md ? ('right' as const) : undefined,
            render: (_: unknown, c) =>
              c.state === 'withdrawn' ? null : (
                <Flex gap={4}>
                  {onEdit ? (
                    <Button size="small" type="link" onClick={() => onEdit(c)}>
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {onWithdraw ? (
                    <Button size="small" type="link" danger onClick={() => onWithdraw(c)}>
                      {t('hw.cert.withdraw')}
                    </Button>
                  ) : null}
                </Flex>
              ),
          },
        ] satisfies TableColumnsType<OperationCertificateView>)
      : []),
  ];

  return (
    <Table<OperationCertificateView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('hw.empty') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('common.total', { total: n }),
        onChange: (p, size) => onChange(size !== pageSize ? 1 : p, size),
        size: screens.md ? undefined : 'small',
      }}
    />
  );
}
