import { useState } from 'react';
import { Button, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listImports, type ImportView } from '../../../api/enterprises-api';
import { queryKeys } from '../../../api/query-keys';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import '../../../i18n/messages-enterprise';

const STATUS: Record<ImportView['status'], { key: MessageKey; color: string }> = {
  previewed: { key: 'import.status.previewed', color: 'orange' },
  committed: { key: 'import.status.committed', color: 'green' },
  discarded: { key: 'import.status.discarded', color: 'default' },
};

/** The import records of my territory (GET /enterprises/imports), newest first. */
export function ImportHistory({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: queryKeys.enterpriseImportList(page),
    queryFn: ({ signal }) => listImports(page, signal),
    placeholderData: keepPreviousData,
  });
  const num = (n: number) => n.toLocaleString('zh-CN');

  const statusCell = (r: ImportView) => (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={STATUS[r.status].color} style={{ marginInlineEnd: 0 }}>
        {t(STATUS[r.status].key)}
      </Tag>
      {r.committedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.committedAt)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const openButton = (r: ImportView) => (
    <Button type="link" size="small" onClick={() => onOpen(r.id)}>
      {t('import.view')}
    </Button>
  );
  const count = (key: MessageKey, field: 'totalRows' | 'created' | 'updated' | 'errorRows') => ({
    title: t(key),
    key: field,
    width: 72,
    align: 'right' as const,
    render: (_: unknown, r: ImportView) => num(r[field]),
  });

  const columns: TableColumnsType<ImportView> = [
    {
      title: t('import.uploadedAt'),
      key: 'createdAt',
      width: 140,
      render: (_: unknown, r) => formatDateTime(r.createdAt),
    },
    { title: t('import.fileName'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
    { title: t('import.user'), dataIndex: 'userName', key: 'userName', width: 90 },
    {
      title: t('import.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, r) => statusCell(r),
    },
    count('import.totalRows', 'totalRows'),
    count('import.created', 'created'),
    count('import.updated', 'updated'),
    count('import.errorRows', 'errorRows'),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_: unknown, r) => openButton(r),
    },
  ];

  // On a phone: file, who and when in one cell; the counts are in the record itself.
  const phoneColumns: TableColumnsType<ImportView> = [
    {
      title: t('import.fileName'),
      key: 'file',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span style={{ wordBreak: 'break-all' }}>{r.fileName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.userName} · {formatDateTime(r.createdAt)} · {t('import.totalRows')}{' '}
            {num(r.totalRows)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('import.status'),
      key: 'status',
      width: 96,
      render: (_: unknown, r) => statusCell(r),
    },
    { title: '', key: 'actions', width: 56, render: (_: unknown, r) => openButton(r) },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<ImportView>
        rowKey="id"
        size="small"
        columns={screens.md ? columns : phoneColumns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={screens.md ? { x: 860 } : undefined}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          size: screens.md ? undefined : 'small',
          onChange: (p, pageSize) =>
            setPage({ page: pageSize !== page.pageSize ? 1 : p, pageSize }),
        }}
      />
    </>
  );
}
