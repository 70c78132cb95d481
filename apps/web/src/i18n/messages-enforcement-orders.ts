/** UI strings of rectification orders, re-inspections and on-site measures, merged into `messages` (i18n/messages.ts). */
export const enforcementOrderMessages = {
  'nav.orders': { zh: '责令整改', en: 'Orders' },
  'nav.order': { zh: '整改指令书', en: 'Rectification order' },
} as const satisfies Record<string, { zh: string; en: string }>;
