import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getScorecard, scorecardKeys } from '../../api/scorecard-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EnterpriseTabProps } from '../enterprises/detail/tab-types';
import { ScorecardCards } from './scorecard-view';

/** The enterprise page's 五项任务 tab: the scorecard computed from the duty records. */
export function ScorecardTab({ enterprise }: EnterpriseTabProps) {
  const card = useQuery({
    queryKey: scorecardKeys.one(enterprise.id),
    queryFn: ({ signal }) => getScorecard(enterprise.id, signal),
  });
  if (card.error) return <ErrorAlert error={card.error} />;
  if (!card.data) return <Skeleton active />;
  return <ScorecardCards card={card.data} />;
}
