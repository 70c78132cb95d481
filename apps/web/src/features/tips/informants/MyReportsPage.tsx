import { useState } from 'react';
import { Alert, Button, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SECTOR_LABELS, type MyReportListItem } from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import { getMyProfile, informantKeys, listMyReports } from '../../../api/informants-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { ReportDetailDrawer, ReportFormDrawer } from './MyReportDrawers';
import { TipStatusTag } from './labels';

/**
 * /my-reports — a safety informant's own reports: submit one (then add photos), follow its
 * handling and read the replies. Works on a phone: informants report from the site.
 */
export function MyReportsPage() {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  const profile = useQuery({
    queryKey: informantKeys.myProfile,
    queryFn: ({ signal }) => getMyProfile(signal),
    retry: false,
  });
  const query = { page, pageSize };
  const list = useQuery({
    queryKey: informantKeys.myReportList(query),
    queryFn: ({ signal }) => listMyReports(query, signal),
    placeholderData: keepPreviousData,
    enabled: profile.isSuccess,
  });
  const p = profile.data;

  const subject = (r: MyReportListItem) => (
    <Flex vertical gap={2}>
      <Typography.Link onClick={() => setOpenId(r.id)}>{r.subject}</Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.number} · {r.enterpriseName ?? '—'}
      </Typography.Text>
      {phone ? (
        <Flex gap={6} wrap align="center">
          <TipStatusTag status={r.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.receivedAt)}
          </Typography.Text>
          {r.replyCount > 0 ? (
            <Tag color="blue">{t('inf.report.repliesCount', { n: r.replyCount })}</Tag>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
  const columns: TableColumnsType<MyReportListItem> = phone
    ? [{ title: t('inf.report.subject'), key: 'subject', render: (_: unknown, r) => subject(r) }]
    : [
        { title: t('inf.report.subject'), key: 'subject', render: (_: unknown, r) => subject(r) },
        {
          title: t('inf.report.status'),
          key: 'status',
          width: 120,
          render: (_: unknown, r) => (
            <Flex vertical gap={2} align="flex-start">
              <TipStatusTag status={r.status} />
              {r.enteredByStaff ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('inf.report.byStaff')}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          title: t('inf.report.replies'),
          key: 'replies',
          width: 110,
          render: (_: unknown, r) =>
            r.replyCount > 0 ? (
              <Tag color="blue">{t('inf.report.repliesCount', { n: r.replyCount })}</Tag>
            ) : (
              <Typography.Text type="secondary">{t('inf.report.noReplies')}</Typography.Text>
            ),
        },
        {
          title: t('inf.report.receivedAt'),
          key: 'receivedAt',
          width: 160,
          render: (_: unknown, r) => formatDateTime(r.receivedAt),
        },
      ];

  const notRegistered = isApiError(profile.error) && profile.error.status === 403;

  return (
    <>
      <PageHeader
        title={t('nav.myReports')}
        extra={
          p?.active ? (
            <Button
              type="primary"
              size={phone ? 'large' : 'middle'}
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('inf.report.submit')}
            </Button>
          ) : null
        }
      />
      {notRegistered ? (
        <Alert type="warning" showIcon title={t('inf.report.notRegistered')} />
      ) : (
        <ErrorAlert error={profile.error} />
      )}
      {p ? (
        <Typography.Paragraph type="secondary">
          {t('inf.report.profile', {
            code: p.code,
            district: p.districtName,
            sectors: p.sectors.map((s) => label(SECTOR_LABELS[s])).join('、'),
          })}
        </Typography.Paragraph>
      ) : null}
      {p && !p.active ? (
        <Alert
          type="warning"
          showIcon
          title={t('inf.report.inactive')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <ErrorAlert error={list.error} />
      {profile.isSuccess ? (
        <Table<MyReportListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: t('inf.report.empty') }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (pg, s) => {
              setPage(s !== pageSize ? 1 : pg);
              setPageSize(s);
            },
          }}
        />
      ) : null}
      {creating ? (
        <ReportFormDrawer
          onClose={() => setCreating(false)}
          onSubmitted={(r) => {
            setCreating(false);
            setOpenId(r.id);
          }}
        />
      ) : null}
      {openId !== null ? <ReportDetailDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
