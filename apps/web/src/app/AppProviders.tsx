import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { Locale } from '@hazard-ledger/domain';
import { LocaleProvider, useLocale } from '../i18n/locale-context';
import { SessionProvider } from '../auth/SessionProvider';

function AntdConfig({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      // Keep "登录" as written: antd would render two-character Chinese buttons as "登 录".
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything a page needs around it: language, antd config, query cache and session. */
export function AppProviders({
  queryClient,
  children,
  initialLocale,
}: {
  queryClient: QueryClient;
  children: ReactNode;
  initialLocale?: Locale;
}) {
  return (
    <LocaleProvider initial={initialLocale}>
      <AntdConfig>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </AntdConfig>
    </LocaleProvider>
  );
}
