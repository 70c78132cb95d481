import { Empty } from 'antd';
import type { EnterpriseTabProps } from '../enterprises/detail/tab-types';

/** Placeholder: the enterprise's five-duty scorecard. */
export function ScorecardTab(_props: EnterpriseTabProps) {
  return <Empty />;
}
