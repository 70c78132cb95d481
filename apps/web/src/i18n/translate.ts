import type { Locale } from '@hazard-ledger/domain';
import { messages, type MessageKey } from './messages';

export type Vars = Record<string, string | number>;

/** Looks a UI string up in a locale and fills its `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text: string = messages[key][locale];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Picks the right language of a `{ zh, en }` label from the domain package. */
export function pickLabel(locale: Locale, label: { zh: string; en: string } | undefined): string {
  return label ? label[locale] : '';
}

/** localStorage key holding the chosen language. */
export const LOCALE_STORAGE_KEY = 'hl.locale';

/** The stored language, Chinese unless English was chosen. */
export function readStoredLocale(): Locale {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Remembers the chosen language. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
