/** UI strings of responsibility, outsourcing and drills, merged into `messages` (i18n/messages.ts). */
export const dutyRecordMessages = {
  'dutyRecords.placeholder': { zh: '建设中', en: 'Under construction' },
} as const satisfies Record<string, { zh: string; en: string }>;
