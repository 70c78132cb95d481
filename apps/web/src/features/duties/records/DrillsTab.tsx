import { Empty } from 'antd';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';

/** Placeholder until this part of issue 6 lands. */
export function DrillsTab(_props: EnterpriseTabProps) {
  return <Empty />;
}
