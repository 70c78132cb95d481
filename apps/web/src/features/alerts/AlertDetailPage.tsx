import { useState } from 'react';
import {
  Breadcrumb,
  Card,
  Descriptions,
  Flex,
  Grid,
  Input,
  Result,
  Segmented,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  SECTOR_LABELS,
  type AlertDetail,
  type AlertResponseFilter,
  type AlertResponseView,
} from '@hazard-ledger/domain';
import { isApiError } from '../../api/client';
import { getAlert, listAlertResponses, type AlertResponseQuery } from '../../api/alerts-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { AlertAnswerForm } from './AlertAnswerForm';
import { AlertStats, ResponseTags } from './labels';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/**
 * /alerts/:id — the accident, its lesson and the cited criteria items; an enterprise user
 * answers here; staff who manage alerts see every target enterprise's response.
 */
export function AlertDetailPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('alerts.notFound')} />;
  return <AlertLoader key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  usePageTitle(title);
  return (
    <Result status="404" title={title} extra={<Link to="/alerts">{t('alerts.backToList')}</Link>} />
  );
}

function AlertLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: queryKeys.alert(id),
    queryFn: ({ signal }) => getAlert(id, signal),
  });
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, ErrorCode.NotFound) || isApiError(query.error, ErrorCode.Forbidden))
      return <NotFound title={t('alerts.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  return <AlertView alert={query.data} />;
}

function AlertView({ alert: a }: { alert: AlertDetail }) {
  const { t } = useLocale();
  usePageTitle(a.title);
  const r = a.response;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/alerts">{t('nav.alerts')}</Link> },
          { title: t('alerts.detail') },
        ]}
      />
      <PageHeader title={a.title} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'date', label: t('alerts.accidentDate'), children: a.accidentDate },
            { key: 'place', label: t('alerts.place'), children: a.place },
            {
              key: 'sectors',
              label: t('alerts.sectors'),
              children: <SectorTags sectors={a.sectors} />,
            },
            {
              key: 'due',
              label: t('alerts.dueDate'),
              children: (
                <Flex gap={8} wrap align="center">
                  <span>{a.dueDate}</span>
                  {a.pastDue ? (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('alerts.pastDue')}</Tag>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'pub',
              label: t('alerts.publisher'),
              children: `${a.orgUnitName} · ${a.publisherName} · ${formatDateTime(a.publishedAt)}`,
            },
          ]}
        />
        <Typography.Title level={5}>{t('alerts.summary')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
          {a.summary}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('alerts.lesson')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>
          {a.lesson}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('alerts.items')}</Typography.Title>
        {a.items.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={6}>
            {a.items.map((i) => (
              <Flex key={i.code} gap={8} wrap align="baseline">
                <Typography.Text code>{i.code}</Typography.Text>
                <Typography.Text type="secondary">{i.clause}</Typography.Text>
                <span>{i.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('alerts.itemVersion', { catalog: i.catalogId, n: i.catalogVersion })}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      {r ? (
        <Card title={t('alerts.myResponse')} style={{ marginBottom: 16 }}>
          {r.answer === null && a.can.respond ? (
            <>
              <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
                <ResponseTags response={r} />
                <Typography.Text>{t('alerts.answerBy', { date: a.dueDate })}</Typography.Text>
              </Flex>
              <AlertAnswerForm alert={a} />
            </>
          ) : (
            <Flex vertical gap={8}>
              <ResponseTags response={r} />
              {r.note ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {r.note}
                </Typography.Paragraph>
              ) : null}
              {r.answeredAt ? (
                <Typography.Text type="secondary">
                  {t('alerts.answeredBy', {
                    name: r.answeredByName ?? '—',
                    at: formatDateTime(r.answeredAt),
                  })}
                </Typography.Text>
              ) : null}
              {r.hazardId ? (
                <Link to={`/hazards/${r.hazardId}`}>{t('alerts.openHazard')}</Link>
              ) : null}
            </Flex>
          )}
        </Card>
      ) : null}

      {a.can.manage && a.stats ? <ResponsesCard alert={a} /> : null}
    </>
  );
}

type Filter = 'all' | AlertResponseFilter;

function ResponsesCard({ alert }: { alert: AlertDetail }) {
  const { t, label } = useLocale();
  const [status, setStatus] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const phone = !Grid.useBreakpoint().md;

  const query: AlertResponseQuery = {
    page,
    pageSize,
    status: status === 'all' ? undefined : status,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.alertResponses(alert.id, query),
    queryFn: ({ signal }) => listAlertResponses(alert.id, query, signal),
    placeholderData: keepPreviousData,
  });

  const filterOptions: { value: Filter; label: string }[] = [
    { value: 'all', label: t('common.all') },
    { value: 'pending', label: t('alerts.pending') },
    { value: 'overdue', label: t('alerts.overdue') },
    { value: 'answered', label: t('alerts.answeredFilter') },
    { value: 'found', label: t('alerts.found') },
    { value: 'not_found', label: t('alerts.notFoundAnswer') },
  ];
  const phoneColumns: TableColumnsType<AlertResponseView> = [
    {
      title: t('alerts.enterprise'),
      key: 'enterprise',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span>{r.enterpriseName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(SECTOR_LABELS[r.sector])} · {r.districtName}
          </Typography.Text>
          {r.note ? (
            <Typography.Paragraph
              style={{ marginBottom: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}
              ellipsis={{ rows: 3, expandable: true, symbol: t('alerts.more') }}
            >
              {r.note}
            </Typography.Paragraph>
          ) : null}
          {r.answeredAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('alerts.answeredBy', {
                name: r.answeredByName ?? '—',
                at: formatDateTime(r.answeredAt),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('alerts.status'),
      key: 'status',
      width: 96,
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="flex-start">
          <ResponseTags response={r} />
          {r.hazardId ? <Link to={`/hazards/${r.hazardId}`}>{t('alerts.hazardLink')}</Link> : null}
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<AlertResponseView> = [
    {
      title: t('alerts.enterprise'),
      key: 'enterprise',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span>{r.enterpriseName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(SECTOR_LABELS[r.sector])} · {r.districtName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('alerts.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="flex-start">
          <ResponseTags response={r} />
          {r.hazardId ? <Link to={`/hazards/${r.hazardId}`}>{t('alerts.hazardLink')}</Link> : null}
        </Flex>
      ),
    },
    {
      title: t('alerts.note'),
      key: 'note',
      width: 260,
      render: (_: unknown, r) =>
        r.note ? (
          <Typography.Paragraph
            style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
            ellipsis={{ rows: 3, expandable: true, symbol: t('alerts.more') }}
          >
            {r.note}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: t('alerts.answeredAt'),
      key: 'answeredAt',
      width: 170,
      render: (_: unknown, r) =>
        r.answeredAt ? (
          <Flex vertical gap={0}>
            <span>{r.answeredByName ?? '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.answeredAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card
      title={t('alerts.responses')}
      extra={<AlertStats stats={alert.stats!} />}
      styles={{
        header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 },
        body: phone ? { padding: 12 } : undefined,
      }}
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {phone ? (
          <Select<Filter>
            aria-label={t('alerts.responseFilter')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={filterOptions}
            style={{ width: 160 }}
          />
        ) : (
          <Segmented<Filter>
            aria-label={t('alerts.responseFilter')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={filterOptions}
          />
        )}
        <Input.Search
          aria-label={t('alerts.searchEnterprise')}
          placeholder={t('alerts.searchEnterprise')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<AlertResponseView>
        rowKey="enterpriseId"
        size="middle"
        columns={phone ? phoneColumns : columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 800 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
