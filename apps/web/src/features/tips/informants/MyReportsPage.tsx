import { Empty } from 'antd';

/** Placeholder until this part of issue 8 lands. */
export function MyReportsPage() {
  return <Empty />;
}
