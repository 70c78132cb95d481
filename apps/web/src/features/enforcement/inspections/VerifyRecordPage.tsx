import { Empty } from 'antd';

/** Placeholder until this part of issue 7 lands. */
export function VerifyRecordPage() {
  return <Empty />;
}
