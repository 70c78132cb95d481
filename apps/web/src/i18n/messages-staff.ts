/** UI strings (issue 10), merged into `messages` (i18n/messages.ts). */
export const staffMessages = {
  'nav.group.team': { zh: '队伍与培训', en: 'Staff & training' },
  'nav.staff': { zh: '执法人员', en: 'Enforcement staff' },
  'nav.trainings': { zh: '培训管理', en: 'Training' },
  'nav.training': { zh: '培训班次', en: 'Training session' },
  'nav.myTrainings': { zh: '培训报名', en: 'Training enrolment' },
} as const;
