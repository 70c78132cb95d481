import crypto from 'node:crypto';

// Personal data sealed at rest (reporters' identities): AES-256-GCM under a key from the server
// configuration, never from the database. A sealed value is "v1:" + base64(iv | tag | ciphertext),
// so a raw database row shows nothing readable and a tampered value fails to open.

const VERSION = 'v1:';

/** Seals a UTF-8 string. */
export function seal(plaintext: string, key: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens a sealed string; throws when the key is wrong or the value was altered. */
export function unseal(sealed: string, key: Buffer): string {
  if (!sealed.startsWith(VERSION)) throw new Error('Unknown sealed value format');
  const raw = Buffer.from(sealed.slice(VERSION.length), 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Seals a JSON value (null stays null). */
export function sealJson(value: unknown, key: Buffer): string | null {
  return value === null || value === undefined ? null : seal(JSON.stringify(value), key);
}

/** Opens a sealed JSON value (null stays null). */
export function unsealJson<T>(sealed: string | null, key: Buffer): T | null {
  return sealed === null ? null : (JSON.parse(unseal(sealed, key)) as T);
}
