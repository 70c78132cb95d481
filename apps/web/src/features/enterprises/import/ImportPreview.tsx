import { useState } from 'react';
import { Flex, Grid, Switch, Table, Tag, theme, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ImportAction, ImportRow, ImportView } from '../../../api/enterprises-api';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { cellErrorText, visibleRows } from './import-rows';
import '../../../i18n/messages-enterprise';

const ACTION: Record<ImportAction, { key: MessageKey; color: string }> = {
  create: { key: 'import.action.create', color: 'green' },
  update: { key: 'import.action.update', color: 'blue' },
  unchanged: { key: 'import.action.unchanged', color: 'default' },
  error: { key: 'import.action.error', color: 'red' },
};

/** The counts of an import: 总行数 / 新增 / 更新 / 无变化 / 错误行. */
export function ImportSummary({ view }: { view: ImportView }) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  const items: { key: MessageKey; value: number; color?: string }[] = [
    { key: 'import.totalRows', value: view.totalRows },
    { key: 'import.created', value: view.created, color: token.colorSuccess },
    { key: 'import.updated', value: view.updated, color: token.colorPrimary },
    { key: 'import.unchanged', value: view.unchanged },
    {
      key: 'import.errorRows',
      value: view.errorRows,
      color: view.errorRows > 0 ? token.colorError : undefined,
    },
  ];
  return (
    <Flex wrap gap={8} role="list" aria-label={view.fileName}>
      {items.map((item) => (
        <div
          key={item.key}
          role="listitem"
          style={{
            flex: '1 1 96px',
            minWidth: 96,
            padding: '8px 12px',
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
            background: token.colorBgContainer,
          }}
        >
          <div style={{ color: token.colorTextSecondary, fontSize: 13 }}>{t(item.key)}</div>
          <div style={{ fontSize: 22, fontWeight: 600, color: item.color }}>
            {item.value.toLocaleString('zh-CN')}
          </div>
        </div>
      ))}
    </Flex>
  );
}

/**
 * The rows of an import with their per-cell errors (column header and message, in red), paged
 * in the browser; "只看错误行" narrows to the rows that will be skipped.
 */
export function ImportRowsTable({ view }: { view: ImportView }) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const [onlyErrors, setOnlyErrors] = useState(view.errorRows > 0);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const rows = visibleRows(view.rows, onlyErrors);

  const actionTag = (r: ImportRow) => (
    <Tag color={ACTION[r.action].color} style={{ marginInlineEnd: 0 }}>
      {t(ACTION[r.action].key)}
    </Tag>
  );
  const errorList = (r: ImportRow) =>
    r.errors.length === 0 ? null : (
      <ul style={{ margin: 0, paddingInlineStart: 16, color: token.colorError }}>
        {r.errors.map((e, i) => (
          <li key={`${e.column}-${i}`}>{cellErrorText(e)}</li>
        ))}
      </ul>
    );

  // On a phone one cell carries the row: the errors must be readable without scrolling sideways.
  const phoneColumns: TableColumnsType<ImportRow> = [
    { title: t('import.rowNumber'), dataIndex: 'rowNumber', key: 'rowNumber', width: 52 },
    {
      title: t('enterprises.name'),
      key: 'row',
      render: (_: unknown, r) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <span style={{ wordBreak: 'break-all' }}>{r.name || '—'}</span>
            {actionTag(r)}
          </Flex>
          <Typography.Text
            type="secondary"
            style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
          >
            {r.creditCode || '—'}
          </Typography.Text>
          {errorList(r)}
        </Flex>
      ),
    },
  ];

  const columns: TableColumnsType<ImportRow> = [
    { title: t('import.rowNumber'), dataIndex: 'rowNumber', key: 'rowNumber', width: 70 },
    {
      title: t('enterprises.name'),
      key: 'name',
      width: 200,
      render: (_: unknown, r) => r.name || '—',
    },
    {
      title: t('enterprises.creditCode'),
      key: 'creditCode',
      width: 190,
      render: (_: unknown, r) => (
        <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {r.creditCode || '—'}
        </span>
      ),
    },
    {
      title: t('import.action'),
      key: 'action',
      width: 90,
      render: (_: unknown, r) => actionTag(r),
    },
    {
      title: t('import.errors'),
      key: 'errors',
      width: 320,
      render: (_: unknown, r) => errorList(r) ?? '—',
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <Switch
          id="importOnlyErrors"
          checked={onlyErrors}
          onChange={(v) => {
            setOnlyErrors(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        <label htmlFor="importOnlyErrors">
          <Typography.Text>
            {t('import.onlyErrors')}（{view.errorRows}）
          </Typography.Text>
        </label>
      </Flex>
      <Table<ImportRow>
        rowKey="rowNumber"
        size="small"
        columns={screens.md ? columns : phoneColumns}
        dataSource={rows}
        scroll={screens.md ? { x: 870 } : undefined}
        onRow={(r) => (r.errors.length > 0 ? { style: { background: token.colorErrorBg } } : {})}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: rows.length,
          showSizeChanger: true,
          pageSizeOptions: ['20', '50', '100'],
          showTotal: (total) => t('common.total', { total }),
          size: screens.md ? undefined : 'small',
          onChange: (current, pageSize) =>
            setPage((p) => ({ current: pageSize !== p.pageSize ? 1 : current, pageSize })),
        }}
      />
    </Flex>
  );
}
