import { registerMessages } from './message-registry';

/**
 * UI strings of enforcement (issue 7): menu group and enterprise tab, registered when imported (see
 * message-registry.ts).
 */
export const enforcementMessages = {
  'enforcement.tab': { zh: '执法', en: 'Enforcement' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(enforcementMessages);
