/** Locales the system speaks; Chinese is the default. */
export type Locale = 'zh' | 'en';

/** Picks a locale from an Accept-Language header: English only when asked for first. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
