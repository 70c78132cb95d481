import { useState } from 'react';
import { Button, Card, Empty, Flex, Pagination, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  HOT_WORK_STATUS_LABELS,
  HOT_WORK_STATUSES,
  type HotWorkStatus,
} from '@hazard-ledger/domain';
import { hazardousWorkKeys, listPermits } from '../../../api/hazardous-work-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { HotWorkLevelTag, PermitStatusTag, WindowTag } from './hazardous-work-labels';
import { PermitDetailDrawer } from './PermitDetailDrawer';
import { PermitRequestDrawer } from './PermitRequestDrawer';

const LIVE: readonly HotWorkStatus[] = ['requested', 'approved', 'in_progress'];

/** An enterprise's hot-work permits: list by status, request, and the detail with its actions. */
export function PermitsSection({
  enterpriseId,
  canRecord,
}: {
  enterpriseId: number;
  canRecord: boolean;
}) {
  const { t, label } = useLocale();
  const [status, setStatus] = useState<HotWorkStatus | undefined>();
  const [page, setPage] = useState(1);
  const [requesting, setRequesting] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const query = { page, pageSize: 10, status };
  const list = useQuery({
    queryKey: hazardousWorkKeys.permits(enterpriseId, query),
    queryFn: ({ signal }) => listPermits(enterpriseId, query, signal),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];

  return (
    <>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 8 }}>
        <Select<HotWorkStatus>
          aria-label={t('hw.permit.filterStatus')}
          placeholder={t('hw.permit.filterStatus')}
          allowClear
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={HOT_WORK_STATUSES.map((s) => ({
            value: s,
            label: label(HOT_WORK_STATUS_LABELS[s]),
          }))}
          style={{ width: 140 }}
        />
        {canRecord ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
            {t('hw.permit.request')}
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} />
      {items.length === 0 && !list.isLoading ? <Empty description={t('hw.empty')} /> : null}
      <Flex vertical gap={8}>
        {items.map((p) => (
          <Card
            key={p.id}
            size="small"
            hoverable
            onClick={() => setOpenId(p.id)}
            title={
              <Flex gap={6} wrap align="center" style={{ whiteSpace: 'normal' }}>
                <PermitStatusTag status={p.status} />
                <HotWorkLevelTag level={p.level} />
                {LIVE.includes(p.status) ? <WindowTag state={p.windowState} /> : null}
              </Flex>
            }
            extra={
              <Button
                type="link"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  setOpenId(p.id);
                }}
              >
                {t('hw.permit.detail')}
              </Button>
            }
          >
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {p.workDescription}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {p.place} · {formatDateTime(p.startAt)} ~ {formatDateTime(p.endAt)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hw.permit.guardian')}：{p.guardian} · {t('hw.permit.requester')}：
              {p.requestedByName}
              {p.approvedByName ? ` · ${t('hw.permit.approver')}：${p.approvedByName}` : ''} ·{' '}
              {t('hw.permit.measuresCount', { checked: p.measuresChecked, total: p.measuresTotal })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
      {(list.data?.total ?? 0) > query.pageSize ? (
        <Pagination
          style={{ marginTop: 12 }}
          size="small"
          current={page}
          pageSize={query.pageSize}
          total={list.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      ) : null}
      {canRecord ? (
        <PermitRequestDrawer
          enterpriseId={enterpriseId}
          open={requesting}
          onClose={() => setRequesting(false)}
          onRequested={(permit) => setOpenId(permit.id)}
        />
      ) : null}
      <PermitDetailDrawer permitId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
