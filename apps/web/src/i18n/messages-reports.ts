/** UI strings of the dispatch reports and the roll-up (issue 9), merged into `messages`. */
export const reportMessages = {
  'nav.group.reports': { zh: '调度报表', en: 'Reports' },
  'nav.dispatchReport': { zh: '调度表填报', en: 'Dispatch report' },
  'nav.reportRollup': { zh: '汇总与报送情况', en: 'Roll-up' },
  'nav.reportLayouts': { zh: '表样设置', en: 'Table layouts' },
} as const;
