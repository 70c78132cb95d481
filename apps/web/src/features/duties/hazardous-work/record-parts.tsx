import { Typography } from 'antd';
import type { Dayjs } from 'dayjs';

/** Text or null for an optional field. */
export const blankToNull = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

/** YYYY-MM-DD of a picked day ('' when none, which the schema refuses with its message). */
export const isoDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** A line of "label: text" inside a record card, left out when there is no text. */
export function Line({ label, text }: { label: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {text}
    </Typography.Paragraph>
  );
}
