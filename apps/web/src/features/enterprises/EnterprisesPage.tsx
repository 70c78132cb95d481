import { useState } from 'react';
import { Input, Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SECTOR_LABELS } from '@hazard-ledger/domain';
import { listEnterprises } from '../../api/org-api';
import { queryKeys } from '../../api/query-keys';
import type { EnterpriseSummary } from '../../api/types';
import { useLocale } from '../../i18n/locale-context';
import { PageHeader } from '../../components/PageHeader';
import { InfoNote } from '../../components/InfoNote';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Enterprises in my scope (placeholder until the registry module: search and pages only). */
export function EnterprisesPage() {
  const { t, label } = useLocale();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = { q, page, pageSize };
  const { data, isFetching, error } = useQuery({
    queryKey: queryKeys.enterprises(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });

  const onTableChange = (p: TablePaginationConfig) => {
    setPage(p.current ?? 1);
    setPageSize(p.pageSize ?? 20);
  };

  return (
    <>
      <PageHeader title={t('enterprises.title')} />
      <InfoNote>{t('enterprises.note')}</InfoNote>
      <Input.Search
        id="enterpriseSearch"
        aria-label={t('common.search')}
        placeholder={t('enterprises.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <ErrorAlert error={error} />
      <Table<EnterpriseSummary>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 640 }}
        onChange={onTableChange}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          { title: t('enterprises.name'), dataIndex: 'name', key: 'name' },
          { title: t('enterprises.creditCode'), dataIndex: 'creditCode', key: 'creditCode' },
          {
            title: t('enterprises.sector'),
            dataIndex: 'sector',
            key: 'sector',
            render: (_: unknown, row) => <Tag>{label(SECTOR_LABELS[row.sector])}</Tag>,
          },
        ]}
      />
    </>
  );
}
