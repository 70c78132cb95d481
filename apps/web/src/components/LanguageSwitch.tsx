import { Segmented } from 'antd';
import type { Locale } from '@hazard-ledger/domain';
import { useLocale } from '../i18n/locale-context';

const OPTIONS: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh' },
  { label: 'English', value: 'en' },
];

/** 中文 / English switch; the choice is kept in localStorage (`hl.locale`). */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale, t } = useLocale();
  return (
    <Segmented<Locale>
      aria-label={t('app.language')}
      size={size}
      options={OPTIONS}
      value={locale}
      onChange={setLocale}
    />
  );
}
