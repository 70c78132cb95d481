/** One UI string in both languages. */
export type MessageText = { zh: string; en: string };

// The strings of each module (messages-<module>.ts) are registered when that file is imported, so
// they travel in the chunk of the pages that use them instead of the first page's bundle. Rule,
// checked by messages-loaded.test.ts: a source file that names a key imports, directly or through
// its static imports, the messages file that defines it — a key can then only exist at run time
// once its strings are registered. The core strings (messages.ts) are always there.
const registered = new Map<string, MessageText>();

/** Adds the strings of one module (called once, at the end of its messages file). */
export function registerMessages(messages: Readonly<Record<string, MessageText>>): void {
  for (const [key, text] of Object.entries(messages)) registered.set(key, text);
}

/** The registered string of a key; undefined if its messages file has not been loaded. */
export function findRegisteredMessage(key: string): MessageText | undefined {
  return registered.get(key);
}
