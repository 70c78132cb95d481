import { useEffect } from 'react';
import { useLocale } from '../i18n/locale-context';

/** Sets the browser tab title to "<page> - <system name>". */
export function usePageTitle(title: string): void {
  const { t } = useLocale();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} - ${appName}` : appName;
  }, [title, appName]);
}
