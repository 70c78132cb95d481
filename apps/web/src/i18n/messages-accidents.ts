/** UI strings (issue 10), merged into `messages` (i18n/messages.ts). */
export const accidentMessages = {
  'nav.accidents': { zh: '事故倒查', en: 'Accidents' },
  'nav.accident': { zh: '事故详情', en: 'Accident' },
} as const;
