import { Card, Empty, Flex, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listUpcomingInspections, planKeys } from '../../../api/inspection-plans-api';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { useLocale } from '../../../i18n/locale-context';
import { PlanFlags, PlanKindTag, PlanStatusTag } from './plan-labels';

/**
 * The enterprise page's "upcoming inspections" (近期检查安排): the plans whose targets include
 * this enterprise and that have not visited it yet. Its own users see only announced plans,
 * without who will come; staff see every plan they may see, unannounced ones flagged, with the
 * inspectors' names. Mounted on the enterprise's 执法 tab.
 */
export function UpcomingInspectionsCard({ enterprise }: Pick<EnterpriseTabProps, 'enterprise'>) {
  const { t } = useLocale();
  const { me } = useSession();
  const enterpriseSide = me?.enterpriseId != null;
  const query = useQuery({
    queryKey: planKeys.upcoming(enterprise.id),
    queryFn: ({ signal }) => listUpcomingInspections(enterprise.id, signal),
  });
  // The server leaves unannounced plans out for enterprise users; never show one regardless.
  const items = (query.data?.items ?? []).filter((i) => !(enterpriseSide && i.unannounced));
  return (
    <Card title={t('plans.upcoming')} size="small">
      <ErrorAlert error={query.error} />
      {query.isSuccess && items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(enterpriseSide ? 'plans.upcomingEmpty' : 'plans.upcomingStaffEmpty')}
        />
      ) : (
        <List
          loading={query.isPending}
          dataSource={items}
          rowKey={(i) => i.targetId}
          renderItem={(i) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Link to={`/inspection-plans/${i.planId}`}>{i.planName}</Link>
                <Flex gap={4} wrap align="center">
                  <PlanKindTag kind={i.kind} />
                  <PlanFlags unannounced={!enterpriseSide && i.unannounced} crossArea={false} />
                  <PlanStatusTag status={i.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plans.periodValue', { start: i.startDate, end: i.endDate })} · {i.orgUnitName}
                </Typography.Text>
                {!enterpriseSide && i.inspectors && i.inspectors.length > 0 ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {t('plans.inspectors')}：{i.inspectors.join('、')}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
