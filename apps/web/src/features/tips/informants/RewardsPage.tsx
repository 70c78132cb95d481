import { useState } from 'react';
import { Button, Flex, Grid, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  REWARD_ACTION_LABELS,
  REWARD_STATUS_LABELS,
  REWARD_STATUSES,
  type RewardAction,
  type RewardCase,
  type RewardStatus,
} from '@hazard-ledger/domain';
import { informantKeys, listRewards, type RewardListQuery } from '../../../api/informants-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { FindingTag, RewardStatusTag, yuan } from './labels';
import { ProposeRewardDrawer, RewardDetailDrawer, RewardStepDrawer } from './RewardDrawers';
import { RewardTotalsCard } from './RewardTotalsCard';

type Dialog =
  | { kind: 'propose' }
  | { kind: 'detail'; id: number }
  | { kind: 'step'; reward: RewardCase; action: RewardAction };

/**
 * /rewards — reward cases of tips (举报奖励): the period's figures, the cases by status, proposing
 * a reward for a verified tip, and the approve / pay / reject steps the workflow allows the user.
 */
export function RewardsPage() {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<RewardStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const query: RewardListQuery = {
    page,
    pageSize,
    status: status === 'all' ? undefined : status,
  };
  const list = useQuery({
    queryKey: informantKeys.rewardList(query),
    queryFn: ({ signal }) => listRewards(query, signal),
    placeholderData: keepPreviousData,
  });

  const actionButtons = (r: RewardCase) => (
    <Flex gap={4} wrap>
      <Button size="small" onClick={() => setDialog({ kind: 'detail', id: r.id })}>
        {t('reward.detail')}
      </Button>
      {r.actions.map((a) => (
        <Button
          key={a}
          size="small"
          type={a === 'approve' || a === 'pay' ? 'primary' : 'default'}
          danger={a === 'reject'}
          onClick={() => setDialog({ kind: 'step', reward: r, action: a })}
        >
          {label(REWARD_ACTION_LABELS[a])}
        </Button>
      ))}
    </Flex>
  );

  const tipCell = (r: RewardCase) => (
    <Flex vertical gap={2}>
      <Typography.Text strong>{r.tipNumber}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.enterpriseName ?? '—'} · {r.districtName}
      </Typography.Text>
      {phone ? (
        <>
          <Flex gap={6} wrap align="center">
            <RewardStatusTag status={r.status} />
            <FindingTag finding={r.finding} />
            <Typography.Text strong>{yuan(r.amountFen)}</Typography.Text>
          </Flex>
          {actionButtons(r)}
        </>
      ) : null}
    </Flex>
  );

  const columns: TableColumnsType<RewardCase> = phone
    ? [{ title: t('reward.tip'), key: 'tip', render: (_: unknown, r) => tipCell(r) }]
    : [
        { title: t('reward.tip'), key: 'tip', render: (_: unknown, r) => tipCell(r) },
        {
          title: t('reward.finding'),
          key: 'finding',
          width: 150,
          render: (_: unknown, r) => <FindingTag finding={r.finding} />,
        },
        {
          title: t('reward.amount'),
          key: 'amount',
          width: 150,
          render: (_: unknown, r) => (
            <Flex vertical gap={2}>
              <Typography.Text strong>{yuan(r.amountFen)}</Typography.Text>
              {r.amountFen !== r.computedFen ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('reward.computed')} {yuan(r.computedFen)}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          title: t('reward.status'),
          key: 'status',
          width: 130,
          render: (_: unknown, r) => <RewardStatusTag status={r.status} />,
        },
        {
          title: t('reward.proposer'),
          key: 'proposer',
          width: 160,
          render: (_: unknown, r) => (
            <Flex vertical gap={2}>
              <span>{r.proposedByName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.proposedAt)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 220,
          render: (_: unknown, r) => actionButtons(r),
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.rewards')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'propose' })}
          >
            {t('reward.propose')}
          </Button>
        }
      />
      <RewardTotalsCard />
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented<RewardStatus | 'all'>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            ...REWARD_STATUSES.map((s) => ({ value: s, label: label(REWARD_STATUS_LABELS[s]) })),
          ]}
        />
      </div>
      <ErrorAlert error={list.error} />
      <Table<RewardCase>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('reward.empty') }}
        scroll={phone ? undefined : { x: 1000 }}
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
      {dialog?.kind === 'propose' ? <ProposeRewardDrawer onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'detail' ? (
        <RewardDetailDrawer id={dialog.id} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'step' ? (
        <RewardStepDrawer
          reward={dialog.reward}
          action={dialog.action}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
