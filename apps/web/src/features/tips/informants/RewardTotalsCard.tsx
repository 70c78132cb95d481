import { useState } from 'react';
import { Card, DatePicker, Flex, Grid, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import type { RewardTotals } from '@hazard-ledger/domain';
import { getRewardTotals, informantKeys } from '../../../api/informants-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import { yuan } from './labels';
import '../../../i18n/messages-tips-informants';

type Row = RewardTotals['rows'][number];
const STEPS = ['proposed', 'approved', 'paid', 'rejected'] as const;
const STEP_KEYS = {
  proposed: 'reward.step.proposed',
  approved: 'reward.step.approved',
  paid: 'reward.step.paid',
  rejected: 'reward.step.rejected',
} as const;

/**
 * Reward figures of a period (this year by default): cases proposed, approved, paid and
 * rejected in it, counts and amounts, per district — the same figures the reports use.
 */
export function RewardTotalsCard() {
  const { t } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const totals = useQuery({
    queryKey: informantKeys.rewardTotals(from, to),
    queryFn: ({ signal }) => getRewardTotals(from, to, signal),
  });
  const statusLabel = (step: (typeof STEPS)[number]) => t(STEP_KEYS[step]);
  const cell = (v: { count: number; amountFen: number }) => (
    <Flex vertical gap={0}>
      <span>{t('reward.count', { n: v.count })}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {yuan(v.amountFen)}
      </Typography.Text>
    </Flex>
  );
  const data = totals.data;
  return (
    <Card
      size="small"
      title={t('reward.totals')}
      style={{ marginBottom: 16 }}
      extra={
        <DatePicker.RangePicker
          aria-label={t('reward.period')}
          allowClear={false}
          inputReadOnly={phone}
          value={range}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
          style={{ maxWidth: phone ? 220 : undefined }}
        />
      }
    >
      <ErrorAlert error={totals.error} />
      <Flex wrap gap={24} style={{ marginBottom: data && data.rows.length > 1 ? 12 : 0 }}>
        {STEPS.map((step) => (
          <Statistic
            key={step}
            title={statusLabel(step)}
            value={data ? yuan(data.total[step].amountFen) : '—'}
            suffix={
              data ? (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {' '}
                  {t('reward.count', { n: data.total[step].count })}
                </Typography.Text>
              ) : null
            }
          />
        ))}
      </Flex>
      {data && data.rows.length > 1 && !phone ? (
        <Table<Row>
          rowKey="districtId"
          size="small"
          pagination={false}
          dataSource={data.rows}
          columns={[
            { title: t('inf.district'), dataIndex: 'districtName', key: 'district' },
            ...STEPS.map((step) => ({
              title: statusLabel(step),
              key: step,
              render: (_: unknown, r: Row) => cell(r[step]),
            })),
          ]}
        />
      ) : null}
    </Card>
  );
}
