import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nowIso } from '../../lib/time.js';

// Personal Ed25519 signing keys of the inspectors (谁检查、谁签名、谁负责). The system keeps each
// inspector's key for them: created on first use, the private key stored encrypted with
// AES-256-GCM under a key derived (scrypt) from the server secret SIGNING_KEY_SECRET (the configuration: required in production), bound to its
// owner by the GCM associated data, so a ciphertext copied onto another user's row does not open.
// Public keys are stored raw (32 bytes, base64) and are all anyone needs to verify a signature.

type Q = Kysely<Database> | Transaction<Database>;

/** The secret used before the app configured one (unit tests of this file only). */
export const DEVELOPMENT_SIGNING_SECRET = 'hazard-ledger-development-signing-key-secret';

/** The configured secret (AppConfig.signingKeySecret), set when the app is built. */
let configuredSecret: string | null = null;

/** Sets the server secret the private keys are encrypted under (from the configuration). */
export function useSigningSecret(secret: string): void {
  configuredSecret = secret;
}

/** Format tag of an encrypted private key; a new scheme needs a new tag. */
const KEY_FORMAT = 'v1';

let derived: { secret: string; key: Buffer } | null = null;

/** The server secret the private keys are encrypted under. */
export function signingSecret(): string {
  return configuredSecret ?? DEVELOPMENT_SIGNING_SECRET;
}

/** The AES-256 key derived from the secret (scrypt, computed once per secret). */
function encryptionKey(): Buffer {
  const secret = signingSecret();
  if (derived?.secret !== secret) {
    derived = {
      secret,
      key: crypto.scryptSync(secret, 'hazard-ledger/signing-keys/v1', 32, {
        N: 2 ** 15,
        r: 8,
        p: 1,
        maxmem: 64 * 1024 * 1024,
      }),
    };
  }
  return derived.key;
}

const aad = (userId: number) => Buffer.from(`hazard-ledger signing key of user ${userId}`);

/** Encrypts a PKCS#8 private key for one user: `v1.<iv>.<tag>.<ciphertext>`, parts base64. */
export function encryptPrivateKey(pkcs8: Buffer, userId: number): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', encryptionKey(), iv);
  cipher.setAAD(aad(userId));
  const body = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [KEY_FORMAT, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('.');
}

/** Decrypts a stored private key of a user; throws when the secret or the owner is wrong. */
export function decryptPrivateKey(stored: string, userId: number): crypto.KeyObject {
  const [format, iv, tag, body] = stored.split('.');
  if (format !== KEY_FORMAT || !iv || !tag || !body) {
    throw new Error('unknown signing key format');
  }
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    encryptionKey(),
    Buffer.from(iv, 'base64'),
  );
  decipher.setAAD(aad(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const pkcs8 = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  return crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

/** The raw 32-byte public key of an Ed25519 key object, base64. */
function rawPublicKey(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** A public key object from its stored raw form. */
export function publicKeyFromRaw(raw: string): crypto.KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('an Ed25519 public key has 32 bytes');
  return crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') },
    format: 'jwk',
  });
}

/** The signer's key as the signing step uses it. */
export type SigningKey = { id: number; publicKey: string; privateKey: crypto.KeyObject };

/**
 * The user's active key, created (and stored encrypted) on first use, or again when the stored
 * one no longer opens under the server secret.
 */
export async function getOrCreateSigningKey(
  trx: Transaction<Database>,
  userId: number,
): Promise<SigningKey> {
  const row = await trx
    .selectFrom('signing_keys')
    .select(['id', 'public_key', 'private_key_encrypted'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (row) {
    try {
      return {
        id: row.id,
        publicKey: row.public_key,
        privateKey: decryptPrivateKey(row.private_key_encrypted, userId),
      };
    } catch {
      // The server secret changed: the key can no longer sign. It is revoked and a new one made;
      // its public key stays, so everything it signed still verifies.
      await trx
        .updateTable('signing_keys')
        .set({ revoked_at: nowIso() })
        .where('id', '=', row.id)
        .execute();
    }
  }
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const publicRaw = rawPublicKey(publicKey);
  const { id } = await trx
    .insertInto('signing_keys')
    .values({
      user_id: userId,
      public_key: publicRaw,
      private_key_encrypted: encryptPrivateKey(pkcs8, userId),
      created_at: nowIso(),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(id), publicKey: publicRaw, privateKey };
}

/** Signs a text (UTF-8) with Ed25519; the signature in base64. */
export function signText(key: crypto.KeyObject, text: string): string {
  return crypto.sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** Whether a base64 Ed25519 signature over the text verifies with the raw public key. */
export function verifyText(publicKeyRaw: string, text: string, signature: string): boolean {
  try {
    return crypto.verify(
      null,
      Buffer.from(text, 'utf8'),
      publicKeyFromRaw(publicKeyRaw),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** SHA-256 of a text (UTF-8), hex: the verification code of a record. */
export function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Public keys by id (for verification). */
export async function findSigningKeys(db: Q, ids: number[]) {
  if (ids.length === 0) return new Map<number, { userId: number; publicKey: string }>();
  const rows = await db
    .selectFrom('signing_keys')
    .select(['id', 'user_id', 'public_key'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { userId: r.user_id, publicKey: r.public_key }]));
}
