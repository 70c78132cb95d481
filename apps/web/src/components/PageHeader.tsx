import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { usePageTitle } from './usePageTitle';

/** The title row of a page (also the browser tab title) with optional actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
