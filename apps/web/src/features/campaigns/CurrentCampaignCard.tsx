import { Card, Flex, Skeleton, Typography } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getCurrentCampaign } from '../../api/campaigns-api';
import { queryKeys } from '../../api/query-keys';
import { useLocale } from '../../i18n/locale-context';
import { ProgressFacts } from './progress';

/**
 * The campaign running in my district and where it stands today (GET /campaigns/current):
 * shown on the home page to every role. Renders nothing without campaign.read (404/403 are
 * quiet) and a short line when no campaign is running.
 */
export function CurrentCampaignCard({ linkToDetail = true }: { linkToDetail?: boolean }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: queryKeys.currentCampaign,
    queryFn: ({ signal }) => getCurrentCampaign(undefined, signal),
    staleTime: 5 * 60_000,
  });
  if (query.isError) return null;
  const c = query.data?.campaign;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <FlagOutlined aria-hidden />
          {t('campaigns.current')}
        </Flex>
      }
      aria-label={t('campaigns.current')}
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : c ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>
            {linkToDetail ? <Link to={`/campaigns/${c.id}`}>{c.name}</Link> : c.name}
          </Typography.Text>
          <ProgressFacts progress={c.progress} compact />
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('campaigns.noneRunning')}</Typography.Text>
      )}
    </Card>
  );
}
