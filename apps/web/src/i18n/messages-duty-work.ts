/** UI strings of hot work and special operations, merged into `messages` (i18n/messages.ts). */
export const hazardousWorkMessages = {
  'nav.certificates': { zh: '特种作业证书', en: 'Operator certificates' },
} as const satisfies Record<string, { zh: string; en: string }>;
