/** UI strings of inspection plans and the draw, merged into `messages` (i18n/messages.ts). */
export const inspectionPlanMessages = {
  'nav.inspectionPlans': { zh: '检查计划', en: 'Inspection plans' },
  'nav.inspectionPlan': { zh: '检查计划详情', en: 'Inspection plan' },
} as const satisfies Record<string, { zh: string; en: string }>;
