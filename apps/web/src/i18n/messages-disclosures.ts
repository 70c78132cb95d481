/** UI strings (issue 10), merged into `messages` (i18n/messages.ts). */
export const disclosureMessages = {
  'nav.disclosures': { zh: '公开曝光', en: 'Disclosure' },
  'nav.disclosure': { zh: '曝光案例', en: 'Disclosure case' },
} as const;
