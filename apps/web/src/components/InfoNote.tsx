import type { CSSProperties, ReactNode } from 'react';
import { InfoCircleOutlined } from '@ant-design/icons';
import { theme } from 'antd';

/**
 * A quiet informational note. antd's Alert always carries role="alert" (announced at once by
 * screen readers); hints that are not errors use this instead, with role="note".
 */
export function InfoNote({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <div
      role="note"
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        padding: '8px 12px',
        border: `1px solid ${token.colorInfoBorder}`,
        background: token.colorInfoBg,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        marginBottom: 16,
        ...style,
      }}
    >
      <InfoCircleOutlined style={{ color: token.colorInfo, marginTop: 4 }} aria-hidden />
      <div style={{ minWidth: 0 }}>{children}</div>
    </div>
  );
}
