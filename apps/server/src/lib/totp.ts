import crypto from 'node:crypto';

// RFC 6238 TOTP (SHA-1, 6 digits, 30 s) as authenticator apps implement it; no extra package.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without padding. */
export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes RFC 4648 base32 (case-insensitive, padding ignored). */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/=+$/, '').replace(/\s/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new random TOTP secret (160 bits, base32). */
export function generateTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

/** The 6-digit code of a secret at a time step. */
export function totpCode(secret: string, timeMs: number, stepSeconds = 30): string {
  const counter = Math.floor(timeMs / 1000 / stepSeconds);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const hmac = crypto.createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const bin = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return bin.toString().padStart(6, '0');
}

/** The TOTP time step (30 s periods since the Unix epoch) of a moment. */
export function totpStep(timeMs: number, stepSeconds = 30): number {
  return Math.floor(timeMs / 1000 / stepSeconds);
}

/**
 * Checks a code against the current step and one step either side (clock drift) and returns the
 * step it matched, or null. Steps at or before `lastAcceptedStep` are not considered, so a code
 * once accepted cannot be accepted again (ASVS 2.8.4): the caller records the returned step.
 */
export function verifyTotpStep(
  secret: string,
  code: string,
  lastAcceptedStep: number | null = null,
  timeMs = Date.now(),
): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const current = totpStep(timeMs);
  for (const step of [current - 1, current, current + 1]) {
    if (lastAcceptedStep !== null && step <= lastAcceptedStep) continue;
    if (totpCode(secret, step * 30_000) === code) return step;
  }
  return null;
}

/** Checks a code against the current step and one step either side (clock drift). */
export function verifyTotp(secret: string, code: string, timeMs = Date.now()): boolean {
  return verifyTotpStep(secret, code, null, timeMs) !== null;
}

/** The otpauth:// URL authenticator apps read from a QR code. */
export function otpauthUrl(secret: string, username: string, issuer = 'HazardLedger'): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
