import { useState } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Grid, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ROLE_LABELS } from '@hazard-ledger/domain';
import { listAudit, verifyAudit } from '../../api/audit-api';
import { queryKeys } from '../../api/query-keys';
import type { AuditEntry, AuditQuery, AuditVerifyResult } from '../../api/types';
import { useLocale } from '../../i18n/locale-context';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeSeconds } from '../../components/format';
import { changeRows, formatValue, type ChangeRow } from './audit-changes';
import '../../i18n/messages-users';

type FilterValues = {
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};
type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

const DEFAULT_PAGE_SIZE = 20;

function toFilters(v: FilterValues): Filters {
  const [start, end] = v.range ?? [null, null];
  return {
    action: v.action?.trim() || undefined,
    entityType: v.entityType?.trim() || undefined,
    entityId: v.entityId?.trim() || undefined,
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.endOf('day').toISOString() : undefined,
  };
}

function ChangesList({ rows }: { rows: ChangeRow[] }) {
  return (
    <dl style={{ margin: 0 }}>
      {rows.map((r) => (
        <div key={r.field} style={{ marginBottom: 8 }}>
          <dt style={{ fontWeight: 600 }}>{r.field}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-all' }}>
            <span style={{ color: r.changed ? '#cf1322' : undefined }}>
              {formatValue(r.before)}
            </span>
            {' → '}
            <span style={{ color: r.changed ? '#389e0d' : undefined }}>{formatValue(r.after)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChangesTable({ entry, compact }: { entry: AuditEntry; compact: boolean }) {
  const { t } = useLocale();
  const rows = changeRows(entry.changes);
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('audit.requestId')}: {entry.requestId ?? '—'} · {t('audit.hash')}:{' '}
        <Typography.Text code copyable style={{ fontSize: 12 }}>
          {entry.hash}
        </Typography.Text>
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      ) : compact ? (
        <ChangesList rows={rows} />
      ) : (
        <Table<ChangeRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 480 }}
          columns={[
            { title: t('audit.field'), dataIndex: 'field', key: 'field', width: 160 },
            {
              title: t('audit.before'),
              key: 'before',
              render: (_: unknown, r) => (
                <span style={{ wordBreak: 'break-all', color: r.changed ? '#cf1322' : undefined }}>
                  {formatValue(r.before)}
                </span>
              ),
            },
            {
              title: t('audit.after'),
              key: 'after',
              render: (_: unknown, r) => (
                <span style={{ wordBreak: 'break-all', color: r.changed ? '#389e0d' : undefined }}>
                  {formatValue(r.after)}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useLocale();
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon

        data-testid="audit-verify-result"
        title={t('audit.verifyOk', { checked: result.checked })}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon

      data-testid="audit-verify-result"
      title={t('audit.verifyBroken', { id: result.firstBrokenId ?? '—', checked: result.checked })}
      description={result.reason ? t('audit.verifyReason', { reason: result.reason }) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The audit log: filters, server pages, expandable before/after, and the chain check. */
export function AuditPage() {
  const { t, label } = useLocale();
  const [form] = Form.useForm<FilterValues>();
  const screens = Grid.useBreakpoint();
  // Inline filters on wide screens; stacked, full-width fields on phones.
  const inline = screens.md === true;
  const fieldWidth = (w: number) => (inline ? { width: w } : { width: '100%' });
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);

  const query: AuditQuery = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: verifyAudit });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (_: unknown, r) => formatDateTimeSeconds(r.at),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, r) =>
        r.actorName ? (
          <span>
            {r.actorName}
            {r.actorRole ? (
              <Typography.Text type="secondary">
                {' '}
                · {label(ROLE_LABELS[r.actorRole])}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (_: unknown, r) => <Tag>{r.action}</Tag>,
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType' },
    {
      title: t('audit.entityId'),
      key: 'entityId',
      render: (_: unknown, r) => (r.entityId === null ? '—' : String(r.entityId)),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (_: unknown, r) => r.ip ?? '—' },
  ];

  const onTableChange = (p: TablePaginationConfig) => {
    setPage(p.current ?? 1);
    setPageSize(p.pageSize ?? DEFAULT_PAGE_SIZE);
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <ErrorAlert error={verify.error} />
      <Form<FilterValues>
        form={form}
        name="auditFilter"
        layout={inline ? 'inline' : 'vertical'}
        onFinish={(v) => {
          setFilters(toFilters(v));
          setPage(1);
        }}
        style={inline ? { marginBottom: 16, rowGap: 8 } : { marginBottom: 8 }}
      >
        <Form.Item label={t('audit.action')} name="action">
          <Input allowClear style={fieldWidth(160)} />
        </Form.Item>
        <Form.Item label={t('audit.entityType')} name="entityType">
          <Input allowClear style={fieldWidth(140)} />
        </Form.Item>
        <Form.Item label={t('audit.entityId')} name="entityId">
          <Input allowClear style={fieldWidth(120)} />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} name="range">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('audit.startDate'), t('audit.endDate')]}
            style={inline ? undefined : { width: '100%' }}
          />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onTableChange}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (r) => <ChangesTable entry={r} compact={!inline} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </>
  );
}
