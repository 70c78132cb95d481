/** UI strings of inspection records and signatures, merged into `messages` (i18n/messages.ts). */
export const inspectionMessages = {
  'nav.inspections': { zh: '现场检查', en: 'Inspections' },
  'nav.inspectionNew': { zh: '填写检查记录', en: 'New inspection record' },
  'nav.inspection': { zh: '现场检查记录', en: 'Inspection record' },
} as const satisfies Record<string, { zh: string; en: string }>;
