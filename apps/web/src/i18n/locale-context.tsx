import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@hazard-ledger/domain';
import type { MessageKey } from './messages';
import { pickLabel, readStoredLocale, storeLocale, translate, type Vars } from './translate';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLocale } from '../api/client';

export type LocaleContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A UI string in the current language. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** The current language of a `{ zh, en }` label (ROLE_LABELS, SECTOR_LABELS, …). */
  label: (l: { zh: string; en: string } | undefined) => string;
};

const LocaleContext = createContext<LocaleContextValue | null>(null);

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
}

/** Holds the UI language (Chinese by default, English when chosen and stored). */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initial ?? readStoredLocale();
    applyLocale(l);
    return l;
  });

  const setLocale = useCallback((l: Locale) => {
    storeLocale(l);
    applyLocale(l);
    setLocaleState(l);
  }, []);

  const value = useMemo<LocaleContextValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      label: (l) => pickLabel(locale, l),
    }),
    [locale, setLocale],
  );

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The UI language and its translate function. */
export function useLocale(): LocaleContextValue {
  const ctx = useContext(LocaleContext);
  if (!ctx) throw new Error('useLocale must be used inside <LocaleProvider>');
  return ctx;
}
