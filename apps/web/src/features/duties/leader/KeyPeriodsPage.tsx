import { Empty } from 'antd';

/** Placeholder until this part of issue 6 lands. */
export function KeyPeriodsPage() {
  return <Empty />;
}
