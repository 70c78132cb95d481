import { Empty } from 'antd';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';

/** Placeholder until this part of issue 7 lands. */
export function EnterpriseOrdersSection(_props: EnterpriseTabProps) {
  return <Empty />;
}
