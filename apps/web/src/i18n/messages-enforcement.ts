/** UI strings of enforcement (issue 7): menu group and enterprise tab, merged into `messages` (i18n/messages.ts). */
export const enforcementMessages = {
  'nav.group.enforcement': { zh: '执法监管', en: 'Enforcement' },
  'enforcement.tab': { zh: '执法', en: 'Enforcement' },
} as const satisfies Record<string, { zh: string; en: string }>;
