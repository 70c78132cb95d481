import type { Locale } from '@hazard-ledger/domain';
import { coreMessages, type MessageKey } from './messages';
import { findRegisteredMessage, type MessageText } from './message-registry';

export type Vars = Record<string, string | number>;

const core: Readonly<Record<string, MessageText>> = coreMessages;

/**
 * Looks a UI string up in a locale and fills its `{name}` placeholders. A key whose messages file
 * was never imported (a broken rule, see message-registry.ts) shows as the key itself rather than
 * breaking the page, and is reported in development.
 */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const entry = core[key] ?? findRegisteredMessage(key);
  if (!entry) {
    if (import.meta.env.DEV) console.error(`UI string ${key}: its messages file is not loaded`);
    return key;
  }
  const text = entry[locale];
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
