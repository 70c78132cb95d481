import { Flex, Progress, Space, Tag, Typography } from 'antd';
import type { NoticeListItem } from '@hazard-ledger/domain';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-notices';

/** An enterprise's own receipt: 未读 / 已读, plus 已催办 when the bureau reminded it. */
export function ReceiptTags({ receipt }: { receipt: NonNullable<NoticeListItem['receipt']> }) {
  const { t } = useLocale();
  return (
    <Space size={4} wrap>
      {receipt.readAt ? (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('notices.read')}
        </Tag>
      ) : (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('notices.unread')}
        </Tag>
      )}
      {receipt.reminded ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('notices.reminded')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** Staff: how many of the target enterprises have read a notice. */
export function ReadStats({ stats }: { stats: NonNullable<NoticeListItem['stats']> }) {
  const { t } = useLocale();
  const percent =
    stats.targetCount > 0 ? Math.round((stats.readCount / stats.targetCount) * 100) : 0;
  return (
    <Flex vertical gap={0} style={{ minWidth: 140 }}>
      <Typography.Text>
        {t('notices.readOf', { read: stats.readCount, total: stats.targetCount })}
        {stats.unreadCount > 0 ? (
          <Typography.Text type="danger">
            {' '}
            {t('notices.unreadN', { n: stats.unreadCount })}
          </Typography.Text>
        ) : null}
      </Typography.Text>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        aria-label={t('notices.readRate')}
      />
    </Flex>
  );
}
