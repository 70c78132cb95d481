import { Flex, Space, Tag, Typography } from 'antd';
import {
  ALERT_ANSWER_LABELS,
  type AlertListItem,
  type AlertResponseView,
} from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-alerts';

/** An enterprise's response: 待反馈 / 已逾期, or the answer (with 逾期反馈 when late). */
export function ResponseTags({
  response,
}: {
  response: Pick<AlertResponseView, 'answer' | 'overdue' | 'late'>;
}) {
  const { t, label } = useLocale();
  if (response.answer === null) {
    return response.overdue ? (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('alerts.overdue')}
      </Tag>
    ) : (
      <Tag color="gold" style={{ marginInlineEnd: 0 }}>
        {t('alerts.pending')}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap>
      <Tag color={response.answer === 'found' ? 'red' : 'green'} style={{ marginInlineEnd: 0 }}>
        {label(ALERT_ANSWER_LABELS[response.answer])}
      </Tag>
      {response.late ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('alerts.late')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** Staff: how many target enterprises answered, found the hazard, are still silent. */
export function AlertStats({ stats }: { stats: NonNullable<AlertListItem['stats']> }) {
  const { t } = useLocale();
  return (
    <Flex vertical gap={0}>
      <Typography.Text>
        {t('alerts.answeredOf', { answered: stats.answeredCount, total: stats.targetCount })}
      </Typography.Text>
      <Space size={8} wrap>
        <Typography.Text type={stats.foundCount > 0 ? 'danger' : 'secondary'}>
          {t('alerts.foundN', { n: stats.foundCount })}
        </Typography.Text>
        <Typography.Text type={stats.pendingCount > 0 ? 'warning' : 'secondary'}>
          {t('alerts.pendingN', { n: stats.pendingCount })}
        </Typography.Text>
      </Space>
    </Flex>
  );
}
