import type { ReactNode } from 'react';
import { Flex, Typography, theme } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import '../../../i18n/messages-disclosures';

/** The frame of the public case pages: a narrow column that reads well on a phone (375 px). */
export function PublicCasesLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  usePageTitle(title);
  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <header style={{ background: token.colorPrimary, color: '#fff', padding: '12px 16px' }}>
        <Flex
          align="center"
          justify="space-between"
          gap={8}
          style={{ maxWidth: 760, margin: '0 auto' }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <SafetyCertificateOutlined style={{ fontSize: 20 }} aria-hidden />
            <span style={{ fontWeight: 600, fontSize: 16 }}>{t('publicCases.header')}</span>
          </Flex>
          <LanguageSwitch size="small" />
        </Flex>
      </header>
      <main style={{ maxWidth: 760, margin: '0 auto', padding: '16px 12px 48px' }}>
        <Typography.Title level={3} style={{ marginTop: 4, wordBreak: 'break-word' }}>
          {title}
        </Typography.Title>
        {children}
      </main>
    </div>
  );
}
