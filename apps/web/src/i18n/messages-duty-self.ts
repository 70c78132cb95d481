/** UI strings of self-inspections (对标自查), merged into `messages` (i18n/messages.ts). */
export const selfInspectionMessages = {
  'nav.selfInspections': { zh: '对标自查', en: 'Self-inspections' },
  'nav.selfInspectionRun': { zh: '自查记录', en: 'Self-inspection' },
} as const satisfies Record<string, { zh: string; en: string }>;
