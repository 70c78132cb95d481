import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useNavigate } from 'react-router';
import { echarts, type ChartOption } from './echarts';

/** The segment of a chart that was clicked: its series and its data item. */
export type Segment = { seriesIndex: number; dataIndex: number };

/**
 * A dashboard chart whose every segment clicks through to the records behind it: `linkOf`
 * gives the URL of a segment (null: not clickable), and a click navigates there.
 */
export function Chart({
  option,
  linkOf,
  label,
  height = 280,
}: {
  option: ChartOption;
  linkOf: (segment: Segment) => string | null;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
}) {
  const navigate = useNavigate();
  const onEvents = useMemo(
    () => ({
      click: (params: { seriesIndex?: number; dataIndex?: number }) => {
        const url = linkOf({
          seriesIndex: params.seriesIndex ?? 0,
          dataIndex: params.dataIndex ?? 0,
        });
        if (url) void navigate(url);
      },
    }),
    [linkOf, navigate],
  );
  return (
    <section aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        onEvents={onEvents}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
      />
    </section>
  );
}
